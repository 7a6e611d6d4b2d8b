"""The standard section tree of every site (issue: portal network), as data.

Each entry names the page model that builds it, and its title and slug in
every edition. Apps that own a section replace the model label here when they
give it a page type of its own.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    code: str
    model: str  # "app_label.ModelName"
    titles: dict[str, str]
    slugs: dict[str, str]
    portal_only: bool = False  # built only on the provincial portal (e.g. the gazette)
    in_menu: bool = True


SECTIONS: tuple[Section, ...] = (
    Section(
        "intro",
        "directory.OrganisationPage",
        {"vi": "Giới thiệu", "en": "Introduction", "zh": "概况"},
        {"vi": "gioi-thieu", "en": "introduction", "zh": "introduction"},
    ),
    Section(
        "news",
        "content.SectionPage",
        {"vi": "Tin tức - Sự kiện", "en": "News and events", "zh": "新闻动态"},
        {"vi": "tin-tuc", "en": "news", "zh": "news"},
    ),
    Section(
        "legal",
        "legal.LegalDocumentIndexPage",
        {"vi": "Văn bản", "en": "Legal documents", "zh": "法律文件"},
        {"vi": "van-ban", "en": "legal-documents", "zh": "legal-documents"},
    ),
    Section(
        "procedures",
        "procedures.ProcedureIndexPage",
        {"vi": "Thủ tục hành chính", "en": "Administrative procedures", "zh": "行政手续"},
        {"vi": "thu-tuc-hanh-chinh", "en": "procedures", "zh": "procedures"},
    ),
    Section(
        "gazette",
        "legal.GazetteIndexPage",
        {"vi": "Công báo", "en": "Official gazette", "zh": "政府公报"},
        {"vi": "cong-bao", "en": "gazette", "zh": "gazette"},
        portal_only=True,
    ),
    Section(
        "qa",
        "citizen.QuestionIndexPage",
        {"vi": "Hỏi đáp", "en": "Questions and answers", "zh": "问答"},
        {"vi": "hoi-dap", "en": "questions", "zh": "questions"},
    ),
    Section(
        "consultation",
        "citizen.ConsultationIndexPage",
        {"vi": "Góp ý dự thảo", "en": "Draft consultation", "zh": "草案征求意见"},
        {"vi": "gop-y-du-thao", "en": "draft-consultation", "zh": "draft-consultation"},
    ),
    Section(
        "schedule",
        "directory.SchedulePage",
        {"vi": "Lịch công tác", "en": "Work schedule", "zh": "工作日程"},
        {"vi": "lich-cong-tac", "en": "schedule", "zh": "schedule"},
    ),
    Section(
        "directory",
        "directory.DirectoryPage",
        {"vi": "Danh bạ", "en": "Directory", "zh": "通讯录"},
        {"vi": "danh-ba", "en": "directory", "zh": "directory"},
    ),
    Section(
        "contact",
        "content.StandardPage",
        {"vi": "Liên hệ", "en": "Contact", "zh": "联系我们"},
        {"vi": "lien-he", "en": "contact", "zh": "contact"},
    ),
    Section(
        "disclosure_catalogue",
        "disclosures.DisclosureCataloguePage",
        {"vi": "Danh mục thông tin công khai", "en": "Disclosure catalogue", "zh": "信息公开目录"},
        {"vi": "danh-muc-cong-khai", "en": "disclosure-catalogue", "zh": "disclosure-catalogue"},
        in_menu=False,
    ),
)
EDITIONS = ("vi", "en", "zh")
HOME_TITLES = {"vi": "Trang chủ", "en": "Home", "zh": "首页"}
