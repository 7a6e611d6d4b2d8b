from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .calendar import DAY_OFF, WORKING_DAY, default_calendar


class CalendarOverride(models.Model):
    """A per-date exception to the standard calendar (weekends + public holidays).

    Used for what the government announces each year and the ``holidays``
    library does not know: bridge days off and the Saturdays/Sundays worked in
    exchange for them.
    """

    class Kind(models.TextChoices):
        DAY_OFF = DAY_OFF, _("Ngày nghỉ bổ sung")
        WORKING_DAY = WORKING_DAY, _("Ngày làm việc bù")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    reason = models.CharField(
        _("lý do"),
        max_length=255,
        help_text=_("Căn cứ hoặc lý do, ví dụ: Thông báo số …/TB-BNV về lịch nghỉ Tết."),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("ngày nghỉ, làm bù")
        verbose_name_plural = _("lịch nghỉ, làm bù")

    def __str__(self) -> str:
        if not self.date:
            return str(self.get_kind_display())
        return f"{self.date:%d/%m/%Y} – {self.get_kind_display()}"

    def clean(self) -> None:
        super().clean()
        if not self.date or self.kind not in self.Kind.values:
            return
        # The date is unique, so other overrides never change this date's status:
        # compare against the standard calendar (weekends + public holidays).
        working = default_calendar.is_working_day(self.date)
        day = self.date.strftime("%d/%m/%Y")
        if self.kind == self.Kind.WORKING_DAY and working:
            raise ValidationError(
                {
                    "kind": _(
                        "Ngày %(day)s đã là ngày làm việc theo lịch chuẩn, "
                        "không cần khai báo “Ngày làm việc bù”."
                    )
                    % {"day": day}
                },
                code="already_working",
            )
        if self.kind == self.Kind.DAY_OFF and not working:
            name = default_calendar.holiday_name(self.date)
            why = _("ngày lễ, Tết (%(name)s)") % {"name": name} if name else _("ngày nghỉ cuối tuần")
            raise ValidationError(
                {
                    "kind": _(
                        "Ngày %(day)s đã là ngày nghỉ theo lịch chuẩn (%(why)s), "
                        "không cần khai báo “Ngày nghỉ bổ sung”."
                    )
                    % {"day": day, "why": why}
                },
                code="already_off",
            )
