from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScaleConfig(AppConfig):
    """Scale data for benchmarks (`manage.py seed_scale`) and the search index tuning for PostgreSQL."""

    name = "congtt.scale"
    label = "scale"
    verbose_name = _("Dữ liệu quy mô lớn")
