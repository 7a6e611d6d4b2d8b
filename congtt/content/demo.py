"""Demo news for the Lạng Sơn network: articles, topics, a gallery, an announcement, a press release,
a video and an audio item (small files recorded for the demo, under ``demo_media/``)."""

import datetime as dt
import io
from pathlib import Path

from django.core.files import File
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Site
from wagtail.search import index

from congtt.vntext import slugify_vi

from .models import ArticleKind, ArticlePage, SectionPage, TopicPage

TOPICS = {
    "langson.localhost": [
        ("Chuyển đổi số", "Các tin bài về chuyển đổi số, chính quyền số, kinh tế số của tỉnh."),
        ("Cải cách hành chính", "Cải cách thủ tục hành chính, nâng cao chỉ số PAR INDEX, SIPAS."),
        ("Kinh tế cửa khẩu", "Hoạt động xuất nhập khẩu qua các cửa khẩu Hữu Nghị, Tân Thanh, Chi Ma."),
    ],
    "sokhcn.langson.localhost": [
        ("Khoa học và công nghệ", "Nhiệm vụ khoa học, đổi mới sáng tạo, tiêu chuẩn đo lường.")
    ],
    "caoloc.langson.localhost": [("Nông thôn mới", "Xây dựng nông thôn mới trên địa bàn huyện.")],
}

P = "<p>{}</p>"
MEDIA_DIR = Path(__file__).resolve().parent / "demo_media"

ARTICLES = {
    "langson.localhost": [
        {
            "title": "Lạng Sơn ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh",
            "summary": "Ủy ban nhân dân tỉnh vừa ban hành Quy chế quản lý, vận hành và cung cấp thông tin trên Cổng thông tin điện tử tỉnh Lạng Sơn và các trang thông tin điện tử thành phần.",
            "body": [
                "Quy chế quy định về tổ chức, quản lý, duy trì hoạt động, cung cấp thông tin và trách nhiệm của các cơ quan, đơn vị trong việc cung cấp thông tin lên Cổng thông tin điện tử tỉnh.",
                "Theo Quy chế, Ban Biên tập Cổng thông tin điện tử tỉnh có trách nhiệm tiếp nhận, biên tập và đăng tải thông tin trong thời hạn quy định; các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố cử cán bộ đầu mối cung cấp thông tin.",
            ],
            "topics": ["Chuyển đổi số", "Cải cách hành chính"],
            "featured": True,
            "authors": [("Hoàng Minh", "Phóng viên")],
            "days": 1,
            "table": True,
        },
        {
            "title": "Hội nghị trực tuyến triển khai nhiệm vụ chuyển đổi số năm 2025",
            "summary": "Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị trực tuyến đến 200 điểm cầu cấp xã triển khai nhiệm vụ chuyển đổi số.",
            "body": [
                "Hội nghị đã đánh giá kết quả thực hiện Đề án 06 và đề ra các nhiệm vụ trọng tâm: hoàn thiện cơ sở dữ liệu dân cư, đẩy mạnh thanh toán không dùng tiền mặt, số hóa hồ sơ thủ tục hành chính."
            ],
            "topics": ["Chuyển đổi số"],
            "featured": True,
            "authors": [("Lan Anh", "Phóng viên"), ("Đức Thắng", "Ảnh")],
            "days": 2,
        },
        {
            "title": "Kim ngạch xuất nhập khẩu qua cửa khẩu Hữu Nghị tăng 18%",
            "summary": "Mười tháng năm 2025, kim ngạch xuất nhập khẩu hàng hóa qua các cửa khẩu trên địa bàn tỉnh đạt trên 5 tỷ USD.",
            "body": [
                "Mặt hàng xuất khẩu chủ yếu là nông sản, trái cây tươi; nhập khẩu máy móc, thiết bị, nguyên liệu sản xuất. Thời gian thông quan trung bình giảm còn 2 giờ mỗi phương tiện."
            ],
            "topics": ["Kinh tế cửa khẩu"],
            "source": ("Báo Lạng Sơn", "https://baolangson.vn/"),
            "authors": [("Thu Hà", "")],
            "days": 3,
        },
        {
            "title": "Thông báo lịch tiếp công dân định kỳ tháng 12 của Chủ tịch UBND tỉnh",
            "summary": "Chủ tịch Ủy ban nhân dân tỉnh tiếp công dân định kỳ vào ngày 15 tháng 12 tại Trụ sở Tiếp công dân tỉnh.",
            "body": [
                "Công dân có nhu cầu đăng ký trước tại Ban Tiếp công dân tỉnh, số 2 đường Hùng Vương, điện thoại 0205 3812 606, trong giờ hành chính."
            ],
            "kind": ArticleKind.ANNOUNCEMENT,
            "topics": ["Cải cách hành chính"],
            "authors": [("Văn phòng UBND tỉnh", "")],
            "days": 4,
        },
        {
            "title": "Thông cáo báo chí kết quả Kỳ họp thứ 28 Hội đồng nhân dân tỉnh khóa XVII",
            "summary": "Kỳ họp đã thông qua 25 nghị quyết quan trọng về kinh tế - xã hội, đầu tư công và ngân sách địa phương.",
            "body": [
                "Các nghị quyết được thông qua gồm: Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2026; Nghị quyết phân bổ dự toán ngân sách; Nghị quyết về chính sách hỗ trợ chuyển đổi số cấp xã."
            ],
            "kind": ArticleKind.PRESS,
            "authors": [("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "")],
            "days": 5,
        },
        {
            "title": "Chùm ảnh: Mùa hoa đào Mẫu Sơn",
            "summary": "Những cánh đào phai nở rộ trên đỉnh Mẫu Sơn thu hút đông đảo du khách.",
            "body": ["Khu du lịch Mẫu Sơn ở độ cao trên 1.500 mét, mùa xuân phủ sắc hồng hoa đào."],
            "kind": ArticleKind.GALLERY,
            "gallery": True,
            "authors": [("Đức Thắng", "Ảnh")],
            "days": 6,
        },
        {
            "title": "Đẩy mạnh cải cách thủ tục hành chính, nâng cao chỉ số hài lòng của người dân",
            "summary": "Tỉnh đặt mục tiêu 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.",
            "body": [
                "Trung tâm Phục vụ hành chính công tỉnh tiếp nhận trên 150.000 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 99,6%."
            ],
            "topics": ["Cải cách hành chính"],
            "authors": [("Minh Phương", "Phóng viên")],
            "days": 7,
        },
        {
            "title": "Phỏng vấn Giám đốc Sở Khoa học và Công nghệ về chính quyền số",
            "summary": "Chính quyền số không chỉ là công nghệ mà trước hết là thay đổi cách làm việc của cán bộ, công chức.",
            "body": [
                "Phóng viên: Xin ông cho biết những kết quả nổi bật? — Giám đốc Sở: Toàn tỉnh đã vận hành nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) và hệ thống quản lý văn bản liên thông bốn cấp."
            ],
            "kind": ArticleKind.INTERVIEW,
            "topics": ["Chuyển đổi số"],
            "authors": [("Lan Anh", "Thực hiện")],
            "days": 8,
        },
        {
            "title": "Khởi công dự án đường cao tốc Đồng Đăng - Trà Lĩnh",
            "summary": "Dự án có tổng chiều dài 121 km, kết nối Lạng Sơn với Cao Bằng.",
            "body": ["Dự án được đầu tư theo phương thức đối tác công tư, dự kiến hoàn thành năm 2026."],
            "topics": ["Kinh tế cửa khẩu"],
            "source": ("Báo Chính phủ", "https://baochinhphu.vn/"),
            "days": 9,
        },
        {
            "title": "Lạng Sơn tổ chức Lễ hội Kỳ Lừa năm 2025",
            "summary": "Lễ hội truyền thống Kỳ Lừa diễn ra từ ngày 14 đến 16 tháng Giêng.",
            "body": [
                "Lễ hội gồm phần lễ tại đình Kỳ Lừa và phần hội với nhiều trò chơi dân gian, hát then, đàn tính."
            ],
            "authors": [("Thu Hà", "")],
            "days": 10,
        },
        {
            "title": "Tăng cường phòng, chống cháy rừng mùa hanh khô",
            "summary": "Ủy ban nhân dân tỉnh yêu cầu các địa phương trực 24/24 giờ trong thời gian cao điểm.",
            "body": ["Các lực lượng kiểm lâm, công an, quân sự phối hợp tuần tra, phát hiện sớm điểm cháy."],
            "days": 11,
        },
        {
            "title": "Giới thiệu Trung tâm Phục vụ hành chính công tỉnh (video)",
            "summary": "Video giới thiệu quy trình tiếp nhận và trả kết quả thủ tục hành chính.",
            "body": [
                "Video dài 3 phút hướng dẫn người dân nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia."
            ],
            "kind": ArticleKind.VIDEO,
            "topics": ["Cải cách hành chính"],
            "media": (
                "gioi-thieu-trung-tam-phuc-vu-hanh-chinh-cong.webm",
                "Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn",
                "Hình ảnh giới thiệu Trung tâm Phục vụ hành chính công tỉnh: nơi tiếp nhận và trả kết quả "
                "thủ tục hành chính của các sở, ngành.",
            ),
            "days": 12,
        },
        {
            "title": "Bản tin phát thanh: Lịch tiếp công dân và các thủ tục thường gặp",
            "summary": "Bản tin âm thanh ngắn của Cổng thông tin điện tử tỉnh dành cho người nghe.",
            "body": ["Nghe bản tin hoặc đọc lời thoại ngay bên dưới tệp âm thanh."],
            "kind": ArticleKind.AUDIO,
            "topics": ["Cải cách hành chính"],
            "media": (
                "ban-tin-phat-thanh.m4a",
                "Hiệu âm mở đầu bản tin",
                "Bản tin mở đầu bằng hiệu âm. Chủ tịch Ủy ban nhân dân tỉnh tiếp công dân định kỳ vào "
                "ngày 15 hằng tháng tại Trụ sở Tiếp công dân tỉnh.",
            ),
            "days": 13,
        },
    ],
    "sokhcn.langson.localhost": [
        {
            "title": "Nghiệm thu nhiệm vụ khoa học về giống hồi Lạng Sơn",
            "summary": "Hội đồng khoa học đánh giá nhiệm vụ đạt loại khá.",
            "body": ["Nhiệm vụ đã tuyển chọn được 10 cây hồi trội cho năng suất cao."],
            "topics": ["Khoa học và công nghệ"],
            "featured": True,
            "days": 1,
        },
        {
            "title": "Hướng dẫn đăng ký nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2026",
            "summary": "Sở thông báo tiếp nhận đề xuất đặt hàng nhiệm vụ đến hết ngày 30/11.",
            "body": ["Hồ sơ gửi về Phòng Quản lý khoa học, Sở Khoa học và Công nghệ."],
            "kind": ArticleKind.ANNOUNCEMENT,
            "days": 2,
        },
        {
            "title": "Kiểm tra đo lường xăng dầu trên địa bàn tỉnh",
            "summary": "Đoàn kiểm tra liên ngành làm việc tại 30 cửa hàng xăng dầu.",
            "body": ["Kết quả kiểm tra: các cột đo đều đạt yêu cầu về đo lường."],
            "topics": ["Khoa học và công nghệ"],
            "days": 3,
        },
        {
            "title": "Hội thảo đổi mới sáng tạo trong doanh nghiệp nhỏ và vừa",
            "summary": "Hơn 100 doanh nghiệp tham dự hội thảo.",
            "body": ["Các chuyên gia chia sẻ kinh nghiệm ứng dụng công nghệ số vào sản xuất."],
            "days": 4,
        },
        {
            "title": "Cấp mã số vùng trồng cho hồi và quế",
            "summary": "Đã cấp 25 mã số vùng trồng phục vụ xuất khẩu.",
            "body": ["Mã số vùng trồng giúp truy xuất nguồn gốc sản phẩm."],
            "topics": ["Khoa học và công nghệ"],
            "days": 5,
        },
    ],
    "caoloc.langson.localhost": [
        {
            "title": "Cao Lộc hoàn thành tiêu chí nông thôn mới nâng cao tại 5 xã",
            "summary": "Huyện tổ chức hội nghị tổng kết chương trình mục tiêu quốc gia.",
            "body": ["Thu nhập bình quân đầu người khu vực nông thôn đạt 52 triệu đồng/năm."],
            "topics": ["Nông thôn mới"],
            "featured": True,
            "days": 1,
        },
        {
            "title": "Thông báo tuyển dụng viên chức giáo dục năm 2025",
            "summary": "Huyện tuyển 45 chỉ tiêu giáo viên mầm non, tiểu học.",
            "body": ["Thời gian nhận hồ sơ từ ngày 01 đến 30 tháng 12 tại Phòng Nội vụ huyện."],
            "kind": ArticleKind.ANNOUNCEMENT,
            "days": 2,
        },
        {
            "title": "Song Giáp ra mắt mô hình chợ nông sản an toàn",
            "summary": "Mô hình góp phần tiêu thụ nông sản cho bà con.",
            "body": ["Chợ họp vào các ngày 5, 10, 15 âm lịch hằng tháng."],
            "topics": ["Nông thôn mới"],
            "days": 3,
        },
    ],
}

TRANSLATIONS = {
    "Lạng Sơn ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh": {
        "en": (
            "Lang Son issues the Regulation on the Provincial Portal",
            "The Provincial People's Committee has issued the regulation on managing and operating the provincial e-information portal.",
        ),
        "zh": (
            "谅山省颁布省电子信息门户网站运行规定",
            "省人民委员会颁布了省电子信息门户网站管理和运行规定。",
        ),
    },
    "Kim ngạch xuất nhập khẩu qua cửa khẩu Hữu Nghị tăng 18%": {
        "en": (
            "Trade through Huu Nghi border gate up 18%",
            "In ten months of 2025, trade through the province's border gates exceeded 5 billion USD.",
        ),
        "zh": ("经友谊口岸进出口额增长18%", "2025年前十个月，经本省口岸的货物进出口额超过50亿美元。"),
    },
}

COLOURS = [(180, 40, 40), (40, 110, 60), (30, 80, 150), (200, 150, 40)]


def _demo_image(title, colour):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    from PIL import Image as PILImage

    buf = io.BytesIO()
    PILImage.new("RGB", (960, 600), colour).save(buf, "JPEG", quality=70)
    image = Image(title=title, collection=Collection.get_first_root_node())
    image.file = ImageFile(buf, name=f"{slugify_vi(title)}.jpg")
    image.save()
    return image


def _demo_document(filename, title):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title, collection=Collection.get_first_root_node())
    with (MEDIA_DIR / filename).open("rb") as fh:
        document.file = File(fh, name=filename)
        document.save()
    return document


def _news_section(site):
    return SectionPage.objects.child_of(site.root_page).filter(slug="tin-tuc").first()


def _body(item, images):
    body = [("paragraph", P.format(text)) for text in item["body"]]
    if item.get("table"):
        body.append(
            (
                "table",
                {
                    "data": [
                        ["Nội dung", "Thời hạn"],
                        ["Cung cấp thông tin", "02 ngày làm việc"],
                        ["Cập nhật văn bản", "03 ngày làm việc"],
                    ],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Thời hạn cung cấp thông tin",
                },
            )
        )
    if item.get("gallery"):
        body.append(
            (
                "gallery",
                {
                    "title": "Mẫu Sơn mùa hoa đào",
                    "images": [
                        {"image": img, "caption": f"Hoa đào Mẫu Sơn ({i + 1})", "alt": ""}
                        for i, img in enumerate(images)
                    ],
                },
            )
        )
    if item.get("media"):
        filename, title, transcript = item["media"]
        body.append(
            ("media", {"file": _demo_document(filename, title), "title": title, "transcript": transcript})
        )
    return body


def load(stdout=None):
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    images = [_demo_image(f"Ảnh minh họa {i + 1}", c) for i, c in enumerate(COLOURS)]
    created = 0
    for hostname, items in ARTICLES.items():
        site = Site.objects.filter(hostname=hostname).select_related("root_page").first()
        section = _news_section(site) if site else None
        if section is None:
            continue
        topics = {}
        for title, intro in TOPICS.get(hostname, []):
            topic = TopicPage.objects.child_of(section).filter(title=title).first()
            if topic is None:
                topic = TopicPage(
                    title=title, slug=slugify_vi(title), intro=P.format(intro), locale=section.locale
                )
                section.add_child(instance=topic)
                topic.save_revision().publish()
                index.insert_or_update_object(topic)
            topics[title] = topic
        for n, item in enumerate(items):
            slug = slugify_vi(item["title"])
            if ArticlePage.objects.child_of(section).filter(slug=slug).exists():
                continue
            source_name, source_url = item.get("source", ("", ""))
            article = ArticlePage(
                title=item["title"],
                slug=slug,
                summary=item["summary"],
                kind=item.get("kind", ArticleKind.NEWS),
                body=_body(item, images),
                source_name=source_name,
                source_url=source_url,
                featured=item.get("featured", False),
                date=now - dt.timedelta(days=item.get("days", n), hours=n),
                image=images[n % len(images)],
                image_caption="Ảnh minh họa",
                authors=[("author", {"name": name, "role": role}) for name, role in item.get("authors", [])],
                locale=section.locale,
            )
            article.topics = [topics[t] for t in item.get("topics", []) if t in topics]
            section.add_child(instance=article)
            article.save_revision().publish()
            index.insert_or_update_object(article)
            created += 1
    _translate()
    if stdout:
        stdout.write(f"  tin bài: {created} bài mới")


def _translate():
    for title, editions in TRANSLATIONS.items():
        source = ArticlePage.objects.filter(title=title, locale__language_code="vi").first()
        if source is None:
            continue
        for code, (tr_title, tr_summary) in editions.items():
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None or source.get_translation_or_none(locale) is not None:
                continue
            parent_tr = source.get_parent().get_translation_or_none(locale)
            if parent_tr is None:
                continue
            translation = source.copy_for_translation(locale, copy_parents=False)
            translation = translation.specific
            translation.title = tr_title
            translation.slug = slugify_vi(tr_title) or translation.slug
            translation.summary = tr_summary
            translation.body = [("paragraph", P.format(tr_summary))]
            translation.save_revision().publish()
            index.insert_or_update_object(translation)
