from django.core.management.base import BaseCommand, CommandError

from congtt.network.models import SiteKind, SiteProfile
from congtt.network.services import SiteRequest, SiteRequestInvalid, create_site, propose_hostname


class Command(BaseCommand):
    help = "Tạo cổng tỉnh hoặc một trang thành phần (create the provincial portal or a component site)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="Tên cơ quan, đơn vị (Vietnamese agency name)")
        parser.add_argument(
            "--kind", required=True, help="Mã loại trang: province, department, district, commune, unit"
        )
        parser.add_argument("--parent", default="", help="Tên miền của trang cấp trên")
        parser.add_argument("--hostname", default="", help="Tên miền; để trống để dùng tên miền đề xuất")
        parser.add_argument("--short-name", default="")
        parser.add_argument("--governing-body", default="")
        parser.add_argument("--port", type=int, default=None)
        parser.add_argument("--dry-run", action="store_true", help="Chỉ in tên miền đề xuất, không tạo gì")

    def handle(self, *args, **opts):
        kind = SiteKind.objects.filter(code=opts["kind"]).first()
        if kind is None:
            codes = ", ".join(SiteKind.objects.values_list("code", flat=True))
            raise CommandError(f"Không có loại trang “{opts['kind']}”. Các loại hợp lệ: {codes}.")
        parent = None
        if opts["parent"]:
            parent = SiteProfile.objects.select_related("site").filter(site__hostname=opts["parent"]).first()
            if parent is None:
                raise CommandError(f"Không tìm thấy trang cấp trên có tên miền “{opts['parent']}”.")
        if opts["dry_run"]:
            self.stdout.write(propose_hostname(opts["name"], kind, parent) or "")
            return
        request = SiteRequest(
            agency_name=opts["name"],
            kind=kind,
            parent=parent,
            hostname=opts["hostname"],
            short_name=opts["short_name"],
            governing_body=opts["governing_body"],
        )
        try:
            profile = create_site(request, port=opts["port"])
        except SiteRequestInvalid as exc:
            raise CommandError("\n".join(m for msgs in exc.errors.values() for m in msgs)) from exc
        self.stdout.write(self.style.SUCCESS(f"Đã tạo “{profile.agency_name}” tại {profile.site.root_url}/"))
