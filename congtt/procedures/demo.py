"""Demo administrative procedures for the portal and the Department of Science and Technology (idempotent)."""

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from congtt.legal.models import Field, LegalDocument

from .models import Procedure, ProcedureLegalBasis

# (host, code, name, field slug, level, service level, unit, time, fees, legal basis numbers)
PROCEDURES = [
    (
        "",
        "1.001193",
        "Đăng ký khai sinh",
        "ho-tich",
        "commune",
        "full",
        "Ủy ban nhân dân cấp xã",
        "Ngay trong ngày tiếp nhận hồ sơ",
        "Miễn lệ phí đăng ký khai sinh đúng hạn",
        [],
    ),
    (
        "",
        "1.000894",
        "Đăng ký kết hôn",
        "ho-tich",
        "commune",
        "partial",
        "Ủy ban nhân dân cấp xã",
        "Ngay trong ngày tiếp nhận hồ sơ",
        "Miễn lệ phí",
        [],
    ),
    (
        "",
        "1.000656",
        "Đăng ký khai tử",
        "ho-tich",
        "commune",
        "full",
        "Ủy ban nhân dân cấp xã",
        "Ngay trong ngày tiếp nhận hồ sơ",
        "Miễn lệ phí",
        [],
    ),
    (
        "",
        "2.000635",
        "Cấp bản sao trích lục hộ tịch",
        "ho-tich",
        "commune",
        "full",
        "Ủy ban nhân dân cấp xã",
        "Ngay trong ngày tiếp nhận yêu cầu",
        "8.000 đồng/bản sao",
        [],
    ),
    (
        "",
        "1.004269",
        "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
        "dat-dai",
        "province",
        "partial",
        "Văn phòng Đăng ký đất đai tỉnh Lạng Sơn",
        "10 ngày làm việc",
        "Theo Nghị quyết của Hội đồng nhân dân tỉnh về phí, lệ phí",
        [],
    ),
    (
        "",
        "1.004227",
        "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất",
        "dat-dai",
        "province",
        "partial",
        "Văn phòng Đăng ký đất đai tỉnh Lạng Sơn",
        "10 ngày làm việc",
        "Lệ phí cấp giấy chứng nhận theo quy định",
        [],
    ),
    (
        "",
        "2.001599",
        "Đăng ký thành lập doanh nghiệp tư nhân",
        "ke-hoach-dau-tu",
        "province",
        "full",
        "Sở Tài chính tỉnh Lạng Sơn (Phòng Đăng ký kinh doanh)",
        "03 ngày làm việc",
        "Miễn lệ phí khi đăng ký qua mạng điện tử",
        [],
    ),
    (
        "",
        "1.005003",
        "Quyết định chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh",
        "ke-hoach-dau-tu",
        "province",
        "info",
        "Sở Tài chính tỉnh Lạng Sơn",
        "35 ngày kể từ ngày nhận đủ hồ sơ",
        "Không",
        [],
    ),
    (
        "",
        "1.005099",
        "Xét tuyển học sinh vào trường phổ thông dân tộc nội trú",
        "giao-duc-dao-tao",
        "province",
        "partial",
        "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn",
        "Theo kế hoạch tuyển sinh hằng năm",
        "Không",
        [],
    ),
    (
        "",
        "1.001088",
        "Cấp giấy phép xuất bản bản tin",
        "thong-tin-truyen-thong",
        "province",
        "partial",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn",
        "10 ngày làm việc",
        "Không",
        ["103/2016/QH13"],
    ),
    (
        "",
        "1.003727",
        "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
        "thong-tin-truyen-thong",
        "province",
        "full",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn",
        "10 ngày làm việc",
        "Không",
        ["42/2022/NĐ-CP"],
    ),
    (
        "",
        "2.001167",
        "Thủ tục cung cấp thông tin theo yêu cầu của công dân",
        "cai-cach-hanh-chinh",
        "province",
        "info",
        "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn",
        "10 ngày làm việc",
        "Chi phí in, sao, chụp (nếu có)",
        ["61/2018/NĐ-CP"],
    ),
    (
        "sokhcn",
        "1.004501",
        "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước",
        "khoa-hoc-cong-nghe",
        "province",
        "full",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "05 ngày làm việc",
        "Không",
        ["29/2013/QH13", "08/2014/NĐ-CP"],
    ),
    (
        "sokhcn",
        "1.004496",
        "Đăng ký thông tin kết quả nghiên cứu khoa học và phát triển công nghệ sử dụng ngân sách nhà nước",
        "khoa-hoc-cong-nghe",
        "province",
        "full",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "05 ngày làm việc",
        "Không",
        ["29/2013/QH13"],
    ),
    (
        "sokhcn",
        "2.002051",
        "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
        "khoa-hoc-cong-nghe",
        "province",
        "partial",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "07 ngày làm việc",
        "Không",
        ["08/2014/NĐ-CP"],
    ),
    (
        "sokhcn",
        "1.003618",
        "Cấp Giấy chứng nhận hoạt động dịch vụ hỗ trợ kỹ thuật về an toàn bức xạ",
        "khoa-hoc-cong-nghe",
        "province",
        "partial",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "15 ngày làm việc",
        "Phí thẩm định theo Thông tư của Bộ Tài chính",
        [],
    ),
    (
        "sokhcn",
        "1.000429",
        "Cấp giấy phép tiến hành công việc bức xạ – sử dụng thiết bị X-quang chẩn đoán trong y tế",
        "khoa-hoc-cong-nghe",
        "province",
        "partial",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "15 ngày làm việc",
        "Phí thẩm định cấp giấy phép theo quy định",
        [],
    ),
    (
        "sokhcn",
        "2.001269",
        "Đăng ký hợp đồng chuyển giao công nghệ",
        "khoa-hoc-cong-nghe",
        "province",
        "full",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "05 ngày làm việc",
        "Phí thẩm định: 0,1% tổng giá trị hợp đồng, tối đa 10 triệu đồng",
        [],
    ),
    (
        "sokhcn",
        "1.001626",
        "Xét tặng giải thưởng sáng tạo khoa học và công nghệ cấp tỉnh",
        "khoa-hoc-cong-nghe",
        "province",
        "info",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "Theo kế hoạch xét tặng hằng năm",
        "Không",
        [],
    ),
    (
        "sokhcn",
        "2.002143",
        "Công nhận sáng kiến cấp tỉnh",
        "khoa-hoc-cong-nghe",
        "province",
        "partial",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "30 ngày làm việc",
        "Không",
        [],
    ),
]

DOSSIER = (
    "<ul><li>Tờ khai theo mẫu (bản chính);</li><li>Giấy tờ tùy thân của người nộp hồ sơ (bản sao hoặc xuất "
    "trình bản chính);</li><li>Các giấy tờ khác theo quy định của văn bản căn cứ pháp lý.</li></ul>"
    "<p>Số lượng hồ sơ: 01 bộ.</p>"
)
STEPS = (
    "<ol><li>Tổ chức, cá nhân chuẩn bị hồ sơ và nộp trực tuyến trên Cổng Dịch vụ công quốc gia hoặc trực tiếp "
    "tại Bộ phận Một cửa;</li><li>Cơ quan thực hiện tiếp nhận, kiểm tra hồ sơ, giải quyết;</li><li>Trả kết quả "
    "trực tuyến hoặc tại Bộ phận Một cửa.</li></ol>"
)


def load(stdout=None):
    domain = settings.PORTAL_DOMAIN
    fields = {f.slug: f for f in Field.objects.all()}
    sites = {}
    created = 0
    now = timezone.now()
    for host, code, name, field, level, service, unit, time, fees, basis in PROCEDURES:
        if host not in sites:
            sites[host] = Site.objects.filter(hostname=f"{host}.{domain}" if host else domain).first()
        site = sites[host]
        if site is None or field not in fields or Procedure.objects.filter(site=site, code=code).exists():
            continue
        procedure = Procedure(
            site=site,
            code=code,
            name=name,
            field=fields[field],
            level=level,
            service_level=service,
            responsible_unit=unit,
            processing_time=time,
            fees=fees,
            steps=STEPS,
            dossier=DOSSIER,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
        )
        procedure.save()
        if basis:
            docs = {d.number: d for d in LegalDocument.objects.filter(site=site, number__in=basis)}
            ProcedureLegalBasis.objects.bulk_create(
                ProcedureLegalBasis(procedure=procedure, document=docs[number], sort_order=i)
                for i, number in enumerate(n for n in basis if n in docs)
            )
        created += 1
    if stdout is not None:
        stdout.write(f"Thủ tục hành chính: thêm {created} thủ tục.")
    return created
