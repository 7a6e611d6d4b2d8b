from wagtail.snippets.models import register_snippet

from .views import CalendarOverrideViewSet

register_snippet(CalendarOverrideViewSet)
