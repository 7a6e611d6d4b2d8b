from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "congtt.procedures"
    label = "procedures"
    verbose_name = _("Thủ tục hành chính")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from congtt.ops import counters

        from .models import CLICKS, VIEWS

        counters.register(VIEWS, "procedures.Procedure", "view_count")
        counters.register(CLICKS, "procedures.Procedure", "click_count")
