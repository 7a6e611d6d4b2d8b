"""Link existing submissions and quotas to the site's directory unit whose name matches (EDT-6).

Matching ignores accents and case (vntext folding); where no unit matches, the free-text name
stays as the label of an outside unit.
"""

from django.db import migrations

from congtt.vntext.fold import fold


def _key(name):
    return " ".join(fold(name or "").split())


def link_units(apps, schema_editor):
    Unit = apps.get_model("directory", "Unit")
    by_site = {}
    for unit in Unit.objects.order_by("pk").only("pk", "site_id", "name"):
        by_site.setdefault(unit.site_id, {}).setdefault(_key(unit.name), unit.pk)
    for model_name in ("Submission", "UnitQuota"):
        model = apps.get_model("editorial", model_name)
        for obj in model.objects.filter(unit__isnull=True).exclude(unit_name="").only("pk", "site_id", "unit_name"):
            unit_id = by_site.get(obj.site_id, {}).get(_key(obj.unit_name))
            if unit_id:
                model.objects.filter(pk=obj.pk).update(unit_id=unit_id)


def unlink_units(apps, schema_editor):
    for model_name in ("Submission", "UnitQuota"):
        apps.get_model("editorial", model_name).objects.update(unit=None)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0006_submission_unit"),
    ]

    operations = [migrations.RunPython(link_units, unlink_units)]
