"""Demo data for the citizen features (idempotent): cases in every state, drafts, forum, ratings."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Site

from congtt.network.sections import SECTIONS

from . import transitions
from .models import (
    Case,
    CaseField,
    ConsultationIndexPage,
    Draft,
    DraftArticle,
    DraftComment,
    ModerationStatus,
    Post,
    QuestionIndexPage,
    Rating,
    ResponsibleUnit,
    Topic,
)

FIELDS = ["Khoa học và công nghệ", "Sở hữu trí tuệ", "Đo lường chất lượng", "Đất đai", "Giao thông"]
CASES = [
    # (title, question, name, final state, answer)
    (
        "Thủ tục đăng ký nhãn hiệu cho hợp tác xã",
        "Hợp tác xã chúng tôi sản xuất hồi Lạng Sơn, muốn đăng ký nhãn hiệu tập thể thì nộp hồ sơ ở đâu, cần giấy tờ gì?",
        "Hoàng Văn Sơn",
        "published",
        "Hồ sơ đăng ký nhãn hiệu tập thể nộp tại Cục Sở hữu trí tuệ hoặc qua Cổng Dịch vụ công quốc gia; Sở Khoa học và Công nghệ hỗ trợ hướng dẫn lập hồ sơ theo Chương trình phát triển tài sản trí tuệ của tỉnh.",
    ),
    (
        "Kiểm định cân tại chợ Đông Kinh",
        "Đề nghị cho biết chu kỳ kiểm định cân đối với các hộ kinh doanh tại chợ Đông Kinh.",
        "Lường Thị Mai",
        "published",
        "Cân thông dụng dùng trong mua bán phải kiểm định ban đầu và định kỳ 12 tháng một lần; Chi cục Tiêu chuẩn Đo lường Chất lượng tổ chức kiểm định miễn phí tại chợ hằng quý.",
    ),
    (
        "Hỗ trợ doanh nghiệp đổi mới công nghệ",
        "Doanh nghiệp nhỏ có được hỗ trợ kinh phí đổi mới dây chuyền sấy hoa hồi không?",
        "Nông Đức Minh",
        "answered",
        "Doanh nghiệp nhỏ và vừa được hỗ trợ tối đa 30% kinh phí đổi mới công nghệ theo Nghị quyết của HĐND tỉnh; hồ sơ nộp tại Sở trước ngày 30/6 hằng năm.",
    ),
    (
        "Cấp giấy phép tiến hành công việc bức xạ",
        "Phòng khám tư nhân sử dụng máy X-quang cần xin giấy phép ở cơ quan nào?",
        "Vi Thị Hạnh",
        "approved",
        "Phòng khám nộp hồ sơ đề nghị cấp giấy phép tiến hành công việc bức xạ tại Sở Khoa học và Công nghệ.",
    ),
    (
        "Đăng ký đề tài khoa học cấp tỉnh",
        "Cá nhân ngoài cơ quan nhà nước có được đề xuất đặt hàng đề tài khoa học cấp tỉnh không?",
        "Chu Văn Lâm",
        "answer_drafted",
        "Có. Tổ chức, cá nhân đều được đề xuất nhiệm vụ khoa học và công nghệ cấp tỉnh theo mẫu.",
    ),
    (
        "Đèn tín hiệu giao thông ngã tư Phai Vệ",
        "Đèn tín hiệu tại ngã tư Phai Vệ hỏng nhiều ngày, đề nghị sửa chữa.",
        "Triệu Thị Lan",
        "forwarded",
        "",
    ),
    (
        "Cấp đổi giấy chứng nhận quyền sử dụng đất",
        "Tôi muốn hỏi thời gian cấp đổi giấy chứng nhận quyền sử dụng đất bị rách.",
        "Hà Văn Tuấn",
        "received",
        "",
    ),
    (
        "Khiếu nại kết quả bồi thường giải phóng mặt bằng",
        "Tôi khiếu nại mức bồi thường đất tại dự án đường tránh.",
        "Lộc Văn Bình",
        "rejected_complaint",
        "",
    ),
    (
        "Hỏi về lịch thi bằng lái xe",
        "Lịch thi sát hạch bằng lái xe hạng B2 tháng tới là khi nào?",
        "Mã Thị Thu",
        "rejected_out_of_scope",
        "",
    ),
    (
        "Phản ánh chậm cấp mã số mã vạch",
        "Hồ sơ cấp mã số mã vạch của công ty nộp đã 20 ngày chưa có kết quả.",
        "Dương Văn Hưng",
        "forwarded_overdue",
        "",
    ),
]


def _log(stdout, msg):
    if stdout is not None:
        stdout.write(msg)


def ensure_sections(site):
    """Give an existing site the Q&A and consultation page types (sites created before this app)."""
    home = site.root_page
    for code, model in (("qa", QuestionIndexPage), ("consultation", ConsultationIndexPage)):
        section = next(s for s in SECTIONS if s.code == code)
        slug = section.slugs["vi"]
        if model.objects.child_of(home).exists():
            continue
        old = home.get_children().filter(slug=slug).first()
        if old is not None:
            if old.get_children().exists():
                continue
            old.delete()
            home.refresh_from_db()
        now = timezone.now()
        home.add_child(
            instance=model(
                title=section.titles["vi"],
                slug=slug,
                show_in_menus=section.in_menu,
                locale=home.locale,
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
        home.refresh_from_db()


def _board_user():
    User = get_user_model()
    user, _ = User.objects.get_or_create(
        username="demo-hoidap",
        defaults={"is_superuser": True, "is_staff": True, "first_name": "Ban biên tập"},
    )
    return user


def _cases(site, prefix, stdout):
    fields = [CaseField.objects.get_or_create(site=site, name=name)[0] for name in FIELDS]
    unit, _ = ResponsibleUnit.objects.get_or_create(
        site=site, name="Phòng Quản lý chuyên ngành", defaults={"email": f"qlcn.{prefix}@langson.gov.vn"}
    )
    board = _board_user()
    for i, (title, question, name, target, answer) in enumerate(CASES):
        if Case.objects.filter(site=site, title=title).exists():
            continue
        case = Case(
            site=site,
            kind=Case.Kind.PETITION if "Phản ánh" in title or "Đèn" in title else Case.Kind.QUESTION,
            asker_name=name,
            asker_email=f"congdan{i + 1}@example.vn",
            asker_phone=f"09120000{i:02d}",
            asker_address="Thành phố Lạng Sơn",
            name_display=["full", "initials", "anonymous"][i % 3],
            field=fields[i % len(fields)],
            title=title,
            question=question,
            consent=True,
            channel=Case.Channel.WEB if i % 4 else Case.Channel.EMAIL,
        )
        transitions.register(case, actor=board if case.channel != Case.Channel.WEB else None)
        if target == "received":
            continue
        if target.startswith("rejected"):
            transitions.reject(
                case,
                "complaint" if target == "rejected_complaint" else "out_of_scope",
                board,
                "Nội dung không thuộc phạm vi tiếp nhận của mục Hỏi đáp; đề nghị gửi đến cơ quan có thẩm quyền.",
            )
            continue
        transitions.forward(case, unit, "competence" if i % 2 else "several", board)
        if target == "forwarded_overdue":
            past = timezone.now() - timedelta(days=30)
            Case.objects.filter(pk=case.pk).update(
                assigned_at=past, due_date=(past + timedelta(days=7)).date()
            )
            continue
        if target == "forwarded":
            continue
        transitions.draft_answer(case, answer, board)
        if target == "answer_drafted":
            continue
        transitions.approve_answer(case, board)
        if target == "approved":
            continue
        transitions.send_answer(case, board)
        if target == "published":
            transitions.publish(case, board)
    _log(stdout, f"citizen: cases on {site.hostname}")


def _drafts(site, stdout):
    today = timezone.localdate()
    unit = ResponsibleUnit.objects.filter(site=site).first()
    open_draft, created = Draft.objects.get_or_create(
        site=site,
        title="Dự thảo Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh",
        defaults={
            "drafting_unit": unit,
            "summary": "Quy chế quy định việc đề xuất, tuyển chọn, giao trực tiếp, kiểm tra, đánh giá, nghiệm thu nhiệm vụ khoa học và công nghệ cấp tỉnh.",
            "opens_on": today - timedelta(days=5),
            "closes_on": today + timedelta(days=25),
            "published": True,
        },
    )
    if created:
        for n, (heading, text) in enumerate(
            [
                (
                    "Phạm vi điều chỉnh",
                    "Quy chế này quy định việc quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh sử dụng ngân sách nhà nước.",
                ),
                (
                    "Đối tượng áp dụng",
                    "Quy chế áp dụng đối với tổ chức, cá nhân có liên quan đến nhiệm vụ khoa học và công nghệ cấp tỉnh.",
                ),
                (
                    "Đề xuất đặt hàng",
                    "Tổ chức, cá nhân đề xuất nhiệm vụ theo mẫu gửi Sở Khoa học và Công nghệ trước ngày 31 tháng 3 hằng năm.",
                ),
            ],
            1,
        ):
            DraftArticle.objects.create(
                draft=open_draft, sort_order=n, label=f"Điều {n}", heading=heading, text=text
            )
        first = open_draft.articles.first()
        DraftComment.objects.create(
            draft=open_draft,
            article=first,
            name="Nguyễn Thị Hoa",
            email="hoa@example.vn",
            organisation="Trường Cao đẳng Y tế Lạng Sơn",
            text="Đề nghị bổ sung nhiệm vụ do doanh nghiệp đồng tài trợ.",
            status=ModerationStatus.APPROVED,
            consent_at=timezone.now(),
        )
        DraftComment.objects.create(
            draft=open_draft,
            name="Lê Văn Quang",
            email="quang@example.vn",
            text="Nên rút ngắn thời gian thẩm định hồ sơ xuống 15 ngày.",
            consent_at=timezone.now(),
        )
        DraftComment.objects.create(
            draft=open_draft,
            name="Bế Thị Xuân",
            email="xuan@example.vn",
            text="Đề nghị công khai danh sách nhiệm vụ được phê duyệt.",
            status=ModerationStatus.APPROVED,
            consent_at=timezone.now(),
        )
    Draft.objects.get_or_create(
        site=site,
        title="Dự thảo Kế hoạch phát triển tài sản trí tuệ giai đoạn 2025–2030",
        defaults={
            "drafting_unit": unit,
            "summary": "Kế hoạch hỗ trợ đăng ký bảo hộ chỉ dẫn địa lý, nhãn hiệu tập thể cho đặc sản Lạng Sơn.",
            "opens_on": today - timedelta(days=60),
            "closes_on": today - timedelta(days=30),
            "published": True,
            "intake_summary": "<p>Đã nhận 12 ý kiến; tiếp thu 9 ý kiến về danh mục sản phẩm và cơ chế hỗ trợ; 3 ý kiến không tiếp thu vì vượt thẩm quyền của tỉnh.</p>",
        },
    )
    _log(stdout, f"citizen: drafts on {site.hostname}")


def _forum_and_ratings(site, stdout):
    topic, created = Topic.objects.get_or_create(
        site=site,
        title="Góp ý nâng cao chất lượng dịch vụ công trực tuyến",
        defaults={
            "description": "Ban biên tập mời người dân, doanh nghiệp góp ý về việc nộp hồ sơ trực tuyến."
        },
    )
    if created:
        Post.objects.create(
            topic=topic,
            name="Phạm Văn Hùng",
            email="hung@example.vn",
            text="Nên có hướng dẫn bằng video cho từng thủ tục.",
            status=ModerationStatus.APPROVED,
        )
        Post.objects.create(
            topic=topic,
            name="Đinh Thị Ngọc",
            email="ngoc@example.vn",
            text="Thời gian phản hồi qua thư điện tử cần nhanh hơn.",
            status=ModerationStatus.APPROVED,
        )
        Post.objects.create(topic=topic, name="Khách", email="khach@example.vn", text="Bài chờ duyệt.")
    if not Rating.objects.filter(site=site).exists():
        for scores, comment in [
            ((5, 4, 4, 3), "Trang dễ dùng."),
            ((4, 5, 4, 4), ""),
            ((3, 4, 3, 2), "Cần thêm số điện thoại hỗ trợ."),
        ]:
            Rating.objects.create(
                site=site,
                interface=scores[0],
                content=scores[1],
                quality=scores[2],
                support=scores[3],
                comment=comment,
                page_path="/",
            )


def load(stdout=None):
    from django.conf import settings

    domain = settings.PORTAL_DOMAIN
    for hostname in (domain, f"sokhcn.{domain}"):
        site = Site.objects.filter(hostname=hostname).first()
        if site is None:
            continue
        ensure_sections(site)
        _cases(site, hostname.split(".")[0], stdout)
        _drafts(site, stdout)
        _forum_and_ratings(site, stdout)
