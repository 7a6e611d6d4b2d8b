from django.db import migrations

FORMS = [
    ("Hiến pháp", "hien-phap"),
    ("Luật", "luat"),
    ("Pháp lệnh", "phap-lenh"),
    ("Nghị quyết", "nghi-quyet"),
    ("Nghị định", "nghi-dinh"),
    ("Quyết định", "quyet-dinh"),
    ("Chỉ thị", "chi-thi"),
    ("Thông tư", "thong-tu"),
    ("Thông tư liên tịch", "thong-tu-lien-tich"),
    ("Công văn", "cong-van"),
    ("Kế hoạch", "ke-hoach"),
    ("Thông báo", "thong-bao"),
    ("Báo cáo", "bao-cao"),
    ("Hướng dẫn", "huong-dan"),
    ("Văn bản khác", "van-ban-khac"),
]


def add_forms(apps, schema_editor):
    DocumentForm = apps.get_model("legal", "DocumentForm")
    for order, (name, code) in enumerate(FORMS, start=1):
        DocumentForm.objects.get_or_create(code=code, defaults={"name": name, "order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]
    operations = [migrations.RunPython(add_forms, migrations.RunPython.noop)]
