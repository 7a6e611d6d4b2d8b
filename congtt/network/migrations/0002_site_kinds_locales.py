"""Seed the site kinds and the three editions; drop Wagtail's default welcome site."""

from django.db import migrations

KINDS = [
    # code, name, label_style, is_portal, order
    ("province", "Cổng thông tin điện tử tỉnh", "abbreviation", True, 0),
    ("department", "Sở, ban, ngành", "abbreviation", False, 10),
    ("district", "Huyện, thị xã, thành phố", "full", False, 20),
    ("commune", "Xã, phường, thị trấn", "full", False, 30),
    ("unit", "Đơn vị sự nghiệp", "abbreviation", False, 40),
]


def seed(apps, schema_editor):
    SiteKind = apps.get_model("network", "SiteKind")
    for code, name, style, is_portal, order in KINDS:
        SiteKind.objects.update_or_create(
            code=code, defaults={"name": name, "label_style": style, "is_portal": is_portal, "order": order}
        )
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("vi", "en", "zh"):
        Locale.objects.get_or_create(language_code=code)
    # Wagtail's first migration creates a "Welcome" page and a localhost site; the network replaces them.
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    welcome = Page.objects.filter(depth=2, content_type=page_type, slug="home")
    Site.objects.filter(root_page__in=welcome).delete()
    if welcome.exists():
        welcome.delete()
        root = Page.objects.get(depth=1)
        root.numchild = Page.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
