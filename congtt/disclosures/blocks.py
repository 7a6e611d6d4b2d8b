"""One StructBlock per kind of disclosed information, so each kind shows its own fields (CNT-7…CNT-13)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

GENERIC = "disclosures/blocks/fields.html"


def _choice(choices, label, required=True):
    return blocks.ChoiceBlock(choices=choices, label=label, required=required)


class PlanBlock(blocks.StructBlock):
    plan_type = _choice(
        [
            ("chiến lược", _("Chiến lược")),
            ("quy hoạch", _("Quy hoạch")),
            ("chương trình", _("Chương trình")),
            ("kế hoạch", _("Kế hoạch")),
            ("đề án", _("Đề án")),
            ("dự án", _("Dự án")),
        ],
        _("loại"),
    )
    decision = blocks.CharBlock(label=_("quyết định phê duyệt"), required=False)
    period = blocks.CharBlock(label=_("giai đoạn thực hiện"), help_text=_("Ví dụ: 2021–2025"))
    implementing_unit = blocks.CharBlock(label=_("đơn vị chủ trì"), required=False)
    status = _choice(
        [
            ("dự thảo", _("Đang xây dựng, lấy ý kiến")),
            ("đang thực hiện", _("Đang thực hiện")),
            ("hoàn thành", _("Đã hoàn thành")),
            ("tạm dừng", _("Tạm dừng")),
        ],
        _("tình trạng"),
    )
    goals = blocks.RichTextBlock(label=_("mục tiêu, nội dung chính"), required=False)

    class Meta:
        label = _("Chương trình, kế hoạch, đề án")
        template = GENERIC


class InvestmentBlock(blocks.StructBlock):
    capital_source = _choice(
        [
            ("FDI", _("Đầu tư trực tiếp nước ngoài (FDI)")),
            ("ODA", _("Vốn ODA, vay ưu đãi")),
            ("NGO", _("Viện trợ phi chính phủ (NGO)")),
            ("PPP", _("Đối tác công tư (PPP)")),
            ("trong nước", _("Nhà đầu tư trong nước")),
        ],
        _("nguồn vốn kêu gọi"),
    )
    sector = blocks.CharBlock(label=_("lĩnh vực"))
    location = blocks.CharBlock(label=_("địa điểm"))
    scale = blocks.CharBlock(label=_("quy mô"), required=False)
    total_capital = blocks.CharBlock(label=_("tổng vốn đầu tư dự kiến"), help_text=_("Ví dụ: 1.200 tỷ đồng"))
    investment_form = blocks.CharBlock(label=_("hình thức đầu tư"), required=False)
    incentives = blocks.TextBlock(label=_("ưu đãi đầu tư"), required=False)
    contact = blocks.TextBlock(label=_("đầu mối liên hệ"))

    class Meta:
        label = _("Dự án kêu gọi đầu tư")
        template = GENERIC


class ProcurementBlock(blocks.StructBlock):
    package = blocks.CharBlock(label=_("tên gói thầu"))
    project = blocks.CharBlock(label=_("thuộc dự án, dự toán mua sắm"), required=False)
    inviting_party = blocks.CharBlock(label=_("bên mời thầu"))
    selection_form = _choice(
        [
            ("đấu thầu rộng rãi", _("Đấu thầu rộng rãi")),
            ("đấu thầu hạn chế", _("Đấu thầu hạn chế")),
            ("chỉ định thầu", _("Chỉ định thầu")),
            ("chào hàng cạnh tranh", _("Chào hàng cạnh tranh")),
            ("mua sắm trực tiếp", _("Mua sắm trực tiếp")),
        ],
        _("hình thức lựa chọn nhà thầu"),
    )
    package_price = blocks.CharBlock(label=_("giá gói thầu"), required=False)
    funding = blocks.CharBlock(label=_("nguồn vốn"), required=False)
    documents_from = blocks.DateTimeBlock(label=_("phát hành hồ sơ mời thầu từ"))
    documents_to = blocks.DateTimeBlock(label=_("phát hành hồ sơ mời thầu đến"), required=False)
    closing = blocks.DateTimeBlock(label=_("thời điểm đóng thầu"))
    result = blocks.TextBlock(label=_("kết quả lựa chọn nhà thầu"), required=False)
    winner = blocks.CharBlock(label=_("nhà thầu trúng thầu"), required=False)
    winning_price = blocks.CharBlock(label=_("giá trúng thầu"), required=False)

    class Meta:
        label = _("Thông báo mời thầu, kết quả đấu thầu")
        template = GENERIC


class BudgetBlock(blocks.StructBlock):
    fiscal_year = blocks.IntegerBlock(label=_("năm ngân sách"), min_value=1990, max_value=2100)
    report_kind = _choice(
        [
            ("dự toán", _("Dự toán ngân sách")),
            ("tình hình thực hiện", _("Tình hình thực hiện dự toán")),
            ("quyết toán", _("Quyết toán ngân sách")),
            ("báo cáo tài chính", _("Báo cáo tài chính năm")),
            ("doanh nghiệp nhà nước", _("Thông tin doanh nghiệp nhà nước")),
        ],
        _("loại công khai"),
    )
    decision = blocks.CharBlock(label=_("quyết định, văn bản công bố"), required=False)
    total = blocks.CharBlock(label=_("tổng số"), required=False)
    notes = blocks.RichTextBlock(label=_("thuyết minh"), required=False)

    class Meta:
        label = _("Công khai ngân sách, tài chính")
        template = GENERIC


class IndicatorBlock(blocks.StructBlock):
    indicator = blocks.CharBlock(label=_("chỉ tiêu"))
    unit = blocks.CharBlock(label=_("đơn vị tính"), required=False)
    value = blocks.CharBlock(label=_("giá trị"))
    change = blocks.CharBlock(label=_("so với cùng kỳ"), required=False)


class StatisticsBlock(blocks.StructBlock):
    period = blocks.CharBlock(label=_("kỳ số liệu"), help_text=_("Ví dụ: 9 tháng năm 2026"))
    source = blocks.CharBlock(label=_("cơ quan cung cấp"), required=False)
    indicators = blocks.ListBlock(IndicatorBlock(), label=_("bảng chỉ tiêu"))

    class Meta:
        label = _("Thông tin thống kê")
        template = "disclosures/blocks/statistics.html"


class ScienceBlock(blocks.StructBlock):
    programme = blocks.CharBlock(label=_("chương trình, đề tài, dự án"))
    code = blocks.CharBlock(label=_("mã số"), required=False)
    level = _choice(
        [("quốc gia", _("Cấp quốc gia")), ("tỉnh", _("Cấp tỉnh")), ("cơ sở", _("Cấp cơ sở"))],
        _("cấp quản lý"),
    )
    host = blocks.CharBlock(label=_("tổ chức chủ trì"))
    lead = blocks.CharBlock(label=_("chủ nhiệm"), required=False)
    period = blocks.CharBlock(label=_("thời gian thực hiện"), required=False)
    budget = blocks.CharBlock(label=_("kinh phí"), required=False)
    status = _choice(
        [
            ("đang thực hiện", _("Đang thực hiện")),
            ("đã nghiệm thu", _("Đã nghiệm thu")),
            ("đã ứng dụng", _("Đã chuyển giao, ứng dụng")),
        ],
        _("tình trạng"),
    )
    results = blocks.RichTextBlock(label=_("kết quả"), required=False)

    class Meta:
        label = _("Chương trình, đề tài khoa học và kết quả")
        template = GENERIC


class EpidemicBlock(blocks.StructBlock):
    disease = blocks.CharBlock(label=_("dịch bệnh"))
    area = blocks.CharBlock(label=_("địa bàn"))
    as_of = blocks.DateBlock(label=_("số liệu tính đến ngày"))
    cases = blocks.CharBlock(label=_("số ca mắc, tử vong"), required=False)
    level = blocks.CharBlock(label=_("cấp độ dịch"), required=False)
    recommendations = blocks.RichTextBlock(label=_("khuyến cáo của cơ quan y tế"))
    source = blocks.CharBlock(label=_("nguồn"), required=False)

    class Meta:
        label = _("Thông tin dịch bệnh")
        template = GENERIC


class ClarificationBlock(blocks.StructBlock):
    false_claim = blocks.TextBlock(label=_("thông tin sai sự thật"))
    circulated_on = blocks.CharBlock(label=_("nơi lan truyền"), required=False)
    clarification = blocks.RichTextBlock(label=_("nội dung cải chính, làm rõ"))
    authority = blocks.CharBlock(label=_("cơ quan cung cấp thông tin"))
    source_url = blocks.URLBlock(label=_("đường dẫn nguồn chính thức"), required=False)

    class Meta:
        label = _("Thông tin cải chính, phản bác tin sai")
        template = GENERIC


class TourismBlock(blocks.StructBlock):
    category = _choice(
        [
            ("di tích", _("Di tích lịch sử, văn hóa")),
            ("danh thắng", _("Danh lam thắng cảnh")),
            ("lễ hội", _("Lễ hội")),
            ("làng nghề", _("Làng nghề")),
            ("bản đồ", _("Bản đồ địa giới hành chính")),
        ],
        _("loại"),
    )
    location = blocks.CharBlock(label=_("địa điểm"))
    recognition = blocks.CharBlock(label=_("xếp hạng, công nhận"), required=False)
    season = blocks.CharBlock(label=_("thời gian tổ chức, tham quan"), required=False)
    description = blocks.RichTextBlock(label=_("giới thiệu"))
    images = blocks.ListBlock(ImageChooserBlock(), label=_("hình ảnh"), required=False)

    class Meta:
        label = _("Du lịch, di sản, lễ hội, làng nghề")
        template = "disclosures/blocks/tourism.html"


class IndexBlock(blocks.StructBlock):
    index_name = _choice(
        [
            ("PCI", _("PCI – Năng lực cạnh tranh cấp tỉnh")),
            ("DDCI", _("DDCI – Năng lực cạnh tranh cấp sở, ngành, địa phương")),
            ("PAR INDEX", _("PAR INDEX – Chỉ số cải cách hành chính")),
            ("SIPAS", _("SIPAS – Chỉ số hài lòng về sự phục vụ hành chính")),
            ("PAPI", _("PAPI – Hiệu quả quản trị và hành chính công")),
        ],
        _("chỉ số"),
    )
    index_year = blocks.IntegerBlock(label=_("năm đánh giá"), min_value=2000, max_value=2100)
    score = blocks.DecimalBlock(label=_("điểm số"), decimal_places=2)
    rank = blocks.IntegerBlock(label=_("xếp hạng"), min_value=1, required=False)
    change = blocks.CharBlock(label=_("thay đổi so với năm trước"), required=False)
    source = blocks.CharBlock(label=_("nguồn công bố"))
    source_url = blocks.URLBlock(label=_("đường dẫn nguồn"), required=False)

    class Meta:
        label = _("Chỉ số năng lực cạnh tranh, cải cách hành chính")
        template = GENERIC


KIND_BLOCKS = [
    ("plan", PlanBlock()),
    ("investment", InvestmentBlock()),
    ("procurement", ProcurementBlock()),
    ("budget", BudgetBlock()),
    ("statistics", StatisticsBlock()),
    ("science", ScienceBlock()),
    ("epidemic", EpidemicBlock()),
    ("clarification", ClarificationBlock()),
    ("tourism", TourismBlock()),
    ("index", IndexBlock()),
]
KIND_CHOICES = [(code, block.meta.label) for code, block in KIND_BLOCKS]
