"""Template tags for the copies of Wagtail templates under congtt/templates/ that print English upstream.

They reuse Wagtail's own code and messages, so the text comes from Wagtail's (carried) catalogues and these
copies add no message to the project's catalogue (`make messages` skips congtt/templates/wagtail*).
"""

from django import template
from wagtail.locales.views import LocaleUsageColumn

register = template.Library()


@register.simple_tag
def locale_usage(locale):
    """ "12 trang" / "12 trang và 3 đối tượng khác": wagtail.locales' wording for what uses a locale."""
    return LocaleUsageColumn("usage").get_value(locale)
