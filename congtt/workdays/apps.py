from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "congtt.workdays"
    label = "workdays"
    verbose_name = _("Lịch ngày làm việc")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from . import services
        from .models import CalendarOverride

        post_save.connect(
            services.invalidate_calendar, sender=CalendarOverride, dispatch_uid="workdays_override_saved"
        )
        post_delete.connect(
            services.invalidate_calendar, sender=CalendarOverride, dispatch_uid="workdays_override_deleted"
        )
