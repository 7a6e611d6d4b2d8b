"""Demo disclosures (every kind) and disclosure catalogues for the portal and the Sở KH&CN (idempotent)."""

import datetime

from django.conf import settings
from wagtail.models import Page, Site

from .models import DisclosureCatalogueEntry, DisclosureCataloguePage, DisclosureIndexPage, DisclosurePage

ITEMS = [
    (
        "plan",
        "Kế hoạch chuyển đổi số tỉnh Lạng Sơn năm 2026",
        2026,
        "Văn phòng Ủy ban nhân dân tỉnh",
        {
            "plan_type": "kế hoạch",
            "decision": "Kế hoạch số 15/KH-UBND ngày 20/01/2026",
            "period": "2026",
            "implementing_unit": "Sở Khoa học và Công nghệ",
            "status": "đang thực hiện",
            "goals": "<p>100% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trên môi trường điện tử.</p>",
        },
    ),
    (
        "plan",
        "Đề án phát triển kinh tế cửa khẩu giai đoạn 2026–2030",
        2025,
        "Sở Công Thương",
        {
            "plan_type": "đề án",
            "period": "2026–2030",
            "status": "dự thảo",
            "implementing_unit": "Sở Công Thương",
        },
    ),
    (
        "investment",
        "Dự án Khu nông nghiệp ứng dụng công nghệ cao Cao Lộc",
        2026,
        "Sở Tài chính",
        {
            "capital_source": "FDI",
            "sector": "Nông nghiệp công nghệ cao",
            "location": "Huyện Cao Lộc",
            "scale": "350 ha",
            "total_capital": "1.200 tỷ đồng",
            "investment_form": "100% vốn nhà đầu tư",
            "incentives": "Miễn tiền thuê đất 11 năm theo quy định.",
            "contact": "Sở Tài chính tỉnh Lạng Sơn – 0205 3812 345",
        },
    ),
    (
        "investment",
        "Dự án cấp nước sạch nông thôn vùng biên giới",
        2025,
        "Sở Nông nghiệp và Môi trường",
        {
            "capital_source": "ODA",
            "sector": "Cấp nước",
            "location": "Các xã biên giới",
            "total_capital": "15 triệu USD",
            "contact": "Ban Quản lý dự án – 0205 3812 400",
        },
    ),
    (
        "procurement",
        "Thông báo mời thầu gói thầu mua sắm thiết bị phòng thí nghiệm",
        2026,
        "Sở Khoa học và Công nghệ",
        {
            "package": "Gói thầu số 03: Mua sắm thiết bị phòng thí nghiệm",
            "project": "Dự toán mua sắm năm 2026",
            "inviting_party": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
            "selection_form": "đấu thầu rộng rãi",
            "package_price": "4.850 triệu đồng",
            "funding": "Ngân sách tỉnh",
            "documents_from": "2026-11-20T08:00:00",
            "documents_to": "2026-12-05T09:00:00",
            "closing": "2026-12-05T09:30:00",
        },
    ),
    (
        "budget",
        "Công khai dự toán ngân sách năm 2026",
        2026,
        "Sở Tài chính",
        {
            "fiscal_year": 2026,
            "report_kind": "dự toán",
            "decision": "Quyết định số 2210/QĐ-UBND",
            "total": "25.400 tỷ đồng",
        },
    ),
    (
        "budget",
        "Công khai quyết toán ngân sách năm 2024",
        2025,
        "Sở Tài chính",
        {"fiscal_year": 2024, "report_kind": "quyết toán", "total": "23.100 tỷ đồng"},
    ),
    (
        "statistics",
        "Tình hình kinh tế – xã hội 9 tháng năm 2026",
        2026,
        "Thống kê tỉnh Lạng Sơn",
        {
            "period": "9 tháng năm 2026",
            "source": "Thống kê tỉnh Lạng Sơn",
            "indicators": [
                {
                    "indicator": "Tốc độ tăng trưởng GRDP",
                    "unit": "%",
                    "value": "7,1",
                    "change": "+0,4 điểm %",
                },
                {
                    "indicator": "Kim ngạch xuất nhập khẩu qua địa bàn",
                    "unit": "triệu USD",
                    "value": "4.520",
                    "change": "+12%",
                },
                {"indicator": "Thu ngân sách nhà nước", "unit": "tỷ đồng", "value": "9.870", "change": "+8%"},
            ],
        },
    ),
    (
        "science",
        "Kết quả đề tài nhân giống cây hồi Lạng Sơn",
        2026,
        "Sở Khoa học và Công nghệ",
        {
            "programme": "Nghiên cứu chọn tạo và nhân giống cây hồi năng suất cao",
            "code": "ĐT-KHCN-2024-03",
            "level": "tỉnh",
            "host": "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
            "lead": "ThS. Bế Thị Ngọc",
            "period": "2024–2026",
            "budget": "1.250 triệu đồng",
            "status": "đã nghiệm thu",
            "results": "<p>Tuyển chọn 12 cây trội, xây dựng 3 ha vườn giống gốc.</p>",
        },
    ),
    (
        "epidemic",
        "Tình hình dịch sốt xuất huyết tuần 47",
        2026,
        "Sở Y tế",
        {
            "disease": "Sốt xuất huyết",
            "area": "Thành phố Lạng Sơn và huyện Cao Lộc",
            "as_of": "2026-11-20",
            "cases": "42 ca mắc, không có tử vong",
            "level": "Cấp độ 1",
            "recommendations": "<p>Người dân chủ động diệt bọ gậy, ngủ màn; đến cơ sở y tế khi sốt cao.</p>",
            "source": "Sở Y tế",
        },
    ),
    (
        "clarification",
        "Cải chính thông tin sai sự thật về thu hồi đất ven quốc lộ 1A",
        2026,
        "Sở Nông nghiệp và Môi trường",
        {
            "false_claim": "Một số tài khoản mạng xã hội đăng tin tỉnh sẽ thu hồi toàn bộ đất ở ven quốc lộ 1A.",
            "circulated_on": "Mạng xã hội Facebook, TikTok",
            "clarification": "<p>Ủy ban nhân dân tỉnh không ban hành chủ trương nào như vậy. Đề nghị người dân không chia sẻ.</p>",
            "authority": "Sở Nông nghiệp và Môi trường",
            "source_url": "https://langson.gov.vn",
        },
    ),
    (
        "tourism",
        "Lễ hội Lồng tồng xã Mai Pha",
        2026,
        "Sở Văn hóa, Thể thao và Du lịch",
        {
            "category": "lễ hội",
            "location": "Xã Mai Pha, tỉnh Lạng Sơn",
            "recognition": "Di sản văn hóa phi vật thể quốc gia",
            "season": "Tháng Giêng âm lịch",
            "description": "<p>Lễ hội xuống đồng cầu mùa của đồng bào Tày, Nùng.</p>",
            "images": [],
        },
    ),
    (
        "tourism",
        "Khu di tích Chi Lăng",
        2025,
        "Sở Văn hóa, Thể thao và Du lịch",
        {
            "category": "di tích",
            "location": "Huyện Chi Lăng",
            "recognition": "Di tích quốc gia đặc biệt",
            "description": "<p>Nơi ghi dấu nhiều chiến công chống giặc ngoại xâm.</p>",
            "images": [],
        },
    ),
    (
        "index",
        "Chỉ số PCI năm 2025 của tỉnh Lạng Sơn",
        2026,
        "VCCI",
        {
            "index_name": "PCI",
            "index_year": 2025,
            "score": "65.40",
            "rank": 40,
            "change": "tăng 5 bậc",
            "source": "Phòng Thương mại và Công nghiệp Việt Nam (VCCI)",
            "source_url": "https://pcivietnam.vn",
        },
    ),
    (
        "index",
        "Chỉ số PAR INDEX năm 2025",
        2026,
        "Bộ Nội vụ",
        {
            "index_name": "PAR INDEX",
            "index_year": 2025,
            "score": "86.12",
            "rank": 28,
            "change": "tăng 3 bậc",
            "source": "Bộ Nội vụ",
        },
    ),
]

CATALOGUE = [
    (
        "Chiến lược, quy hoạch, kế hoạch phát triển kinh tế – xã hội",
        "Luật Tiếp cận thông tin 2016, Điều 17",
        "Đăng tải trên Cổng thông tin điện tử",
        "Chậm nhất 05 ngày làm việc kể từ ngày được phê duyệt",
        "Thường xuyên, đến khi hết hiệu lực",
    ),
    (
        "Dự toán, quyết toán ngân sách; báo cáo tài chính năm",
        "Luật Ngân sách nhà nước 2015",
        "Đăng tải trên Cổng thông tin điện tử; niêm yết tại trụ sở",
        "Chậm nhất 30 ngày kể từ ngày được giao, phê duyệt",
        "Tối thiểu 05 năm",
    ),
    (
        "Thông báo mời thầu, kết quả lựa chọn nhà thầu",
        "Luật Đấu thầu 2023",
        "Đăng tải trên Cổng thông tin điện tử và Hệ thống mạng đấu thầu quốc gia",
        "Theo tiến độ từng gói thầu",
        "Tối thiểu 03 năm",
    ),
    (
        "Danh mục dự án kêu gọi đầu tư",
        "Nghị định 42/2022/NĐ-CP, Điều 5",
        "Đăng tải trên Cổng thông tin điện tử (tiếng Việt, tiếng Anh)",
        "Khi danh mục được phê duyệt hoặc điều chỉnh",
        "Đến khi dự án có nhà đầu tư",
    ),
    (
        "Thông tin cải chính, phản bác thông tin sai sự thật",
        "Nghị định 42/2022/NĐ-CP",
        "Đăng tải tại mục Thông tin cải chính",
        "Ngay khi có kết luận của cơ quan có thẩm quyền",
        "Tối thiểu 01 năm",
    ),
]


def _site(prefix):
    hostname = settings.PORTAL_DOMAIN if not prefix else f"{prefix}.{settings.PORTAL_DOMAIN}"
    return Site.objects.select_related("root_page").filter(hostname=hostname).first()


def _index(home, title, slug, default_kind=""):
    page = DisclosureIndexPage.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = DisclosureIndexPage(title=title, slug=slug, default_kind=default_kind, show_in_menus=False)
        home.add_child(instance=page)
        return page, True
    return page, False


def _item(index, kind, title, year, issuer, values, slug):
    if DisclosurePage.objects.child_of(index).filter(slug=slug).exists():
        return False
    index.add_child(
        instance=DisclosurePage(
            title=title,
            slug=slug,
            kind=kind,
            year=year,
            date=datetime.date(year, 11, 20) if year < 2026 else datetime.date(2026, 11, 20),
            issuer=issuer,
            summary=title + ".",
            details=[(kind, values)],
        )
    )
    return True


def load(stdout=None):
    created = 0
    for prefix, kinds in (("", None), ("sokhcn", {"plan", "procurement", "science", "index"})):
        site = _site(prefix)
        if site is None:
            continue
        home = site.root_page
        index, new = _index(home, "Công khai thông tin", "cong-khai-thong-tin")
        created += new
        for number, (kind, title, year, issuer, values) in enumerate(ITEMS, start=1):
            if kinds is None or kind in kinds:
                created += _item(index, kind, title, year, issuer, values, f"{kind}-{number}")
        listing = Page.objects.filter(pk=index.pk).first()
        for order, (information, basis, form, timing, retention) in enumerate(CATALOGUE, start=1):
            _entry, new = DisclosureCatalogueEntry.objects.get_or_create(
                site=site,
                information=information,
                defaults={
                    "legal_basis": basis,
                    "location_page": listing,
                    "form": form,
                    "timing": timing,
                    "retention": retention,
                    "unit": "Văn phòng" if not prefix else "Văn phòng Sở",
                    "order": order,
                },
            )
            created += new
        if not DisclosureCataloguePage.objects.live().filter(path__startswith=home.path).exists():
            home.add_child(
                instance=DisclosureCataloguePage(
                    title="Danh mục thông tin công khai", slug="danh-muc-cong-khai", show_in_menus=False
                )
            )
            created += 1
    if stdout is not None:
        stdout.write(f"  công khai thông tin: {created} mục mới")
    return created
