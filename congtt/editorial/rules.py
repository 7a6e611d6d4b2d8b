"""Rules of the regulations for the editorial board, as plain data and functions (no database).

EDT-4 review due date, EDT-5 refusal reasons, DL-2 publication deadlines,
EDT-7 quotas, EDT-8 prohibited-content checklist, EDT-10 author names.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext_lazy as _

REVIEW_WORKING_DAYS = 2  # EDT-4: a member's review is due within 2 working days of assignment.

# EDT-5 (Quy chế 001, 8.4): one of these is recorded with every refusal/return.
REFUSAL_REASONS = [
    ("out_of_scope", _("Không thuộc phạm vi thông tin của cổng/trang")),
    ("against_policy", _("Trái với chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước")),
    ("unverified", _("Thông tin không chính xác hoặc chưa được kiểm chứng")),
    ("poor_quality", _("Chất lượng nội dung, hình thức chưa đạt")),
    ("duplicate", _("Trùng lặp với thông tin đã đăng")),
    ("state_secret", _("Thuộc bí mật nhà nước")),
    ("not_cleared", _("Chưa được phép công bố, cung cấp")),
    ("unclear_origin", _("Không rõ nguồn gốc")),
]
REFUSAL_REASON_LABELS = dict(REFUSAL_REASONS)

# EDT-8: what a reviewer checks before approving (Luật An ninh mạng, NĐ 42/2022 Điều 7 …).
PROHIBITED_CONTENT_CHECKLIST = [
    _("Không chống lại Nhà nước, không xuyên tạc, phủ nhận chủ trương, đường lối, chính sách, pháp luật."),
    _("Không tiết lộ bí mật nhà nước, bí mật công tác, thông tin chưa được phép công bố."),
    _("Không kích động bạo lực, chiến tranh, chia rẽ dân tộc, tôn giáo; không tuyên truyền mê tín dị đoan."),
    _("Không xúc phạm danh dự, nhân phẩm, uy tín của tổ chức, cá nhân; không vu khống."),
    _("Không đưa thông tin sai sự thật, chưa được kiểm chứng, gây hoang mang trong Nhân dân."),
    _("Không vi phạm quyền tác giả, quyền sở hữu trí tuệ; ghi rõ nguồn khi trích dẫn, đăng lại."),
    _("Không tiết lộ thông tin cá nhân, đời tư khi chưa có sự đồng ý."),
    _("Không quảng cáo thương mại trái quy định; không thông tin đồi trụy, tệ nạn xã hội."),
]


def review_due_date(started_at: date | datetime) -> date:
    """The day a review started at ``started_at`` is due (EDT-4), in working days."""
    from congtt.workdays.services import add_working_days

    return add_working_days(started_at, REVIEW_WORKING_DAYS)


def due_state(due: date, today: date, done: bool = False, done_on: date | None = None) -> str:
    """'on_time' | 'late' when finished, else 'pending' | 'due_today' | 'overdue'."""
    if done:
        return "late" if done_on and done_on > due else "on_time"
    if today > due:
        return "overdue"
    if today == due:
        return "due_today"
    return "pending"


# DL-2: publication deadlines, newest regulation (004, NĐ 42/2022 Art 9).
@dataclass(frozen=True)
class DeadlineKind:
    code: str
    label: str
    working_days: int


DEADLINE_KINDS: tuple[DeadlineKind, ...] = (
    DeadlineKind("legal_issuer", _("Văn bản QPPL, văn bản chỉ đạo điều hành (cơ quan ban hành)"), 3),
    DeadlineKind("legal_scope", _("Văn bản QPPL, văn bản chỉ đạo điều hành (cơ quan thuộc phạm vi)"), 10),
    DeadlineKind("legal_shortened", _("Văn bản QPPL ban hành theo trình tự rút gọn (đăng ngay)"), 0),
    DeadlineKind("dissemination", _("Tuyên truyền, phổ biến pháp luật"), 7),
    DeadlineKind("projects", _("Dự án, đầu tư, đấu thầu, mua sắm công"), 10),
    DeadlineKind("statistics", _("Thông tin thống kê"), 10),
    DeadlineKind("science", _("Chương trình, đề tài khoa học"), 20),
    DeadlineKind("other", _("Thông tin khác"), 10),
)
DEADLINE_KIND_BY_CODE = {kind.code: kind for kind in DEADLINE_KINDS}
DEADLINE_KIND_CHOICES = [(kind.code, kind.label) for kind in DEADLINE_KINDS]
REMINDER_WORKING_DAYS = 1  # remind this many working days before the due date


def default_working_days(kind: str) -> int:
    return DEADLINE_KIND_BY_CODE.get(kind, DEADLINE_KIND_BY_CODE["other"]).working_days


def publication_due_date(source_date: date | datetime, working_days: int) -> date:
    """Due date of publication: ``working_days`` working days after the source document's date.

    0 working days (shortened procedure) means the same day if it is a working day, else the next one.
    """
    from congtt.workdays.services import add_working_days, next_working_day, to_local_date

    if working_days <= 0:
        day = to_local_date(source_date)
        from congtt.workdays.services import is_working_day

        return day if is_working_day(day) else next_working_day(day)
    return add_working_days(source_date, working_days)


# EDT-7 quotas.
WEEKLY_NEWS_QUOTA = 1
WEEKLY_ARTICLE_QUOTA = 1
DEFAULT_MONTHLY_TARGET = 20


def shortfall(required: int, done: int) -> int:
    return max(0, required - done)


_AUTHOR_SEPARATORS = re.compile(r"[,;\n]")


def author_list(authors: str) -> list[str]:
    """The author entries of a submission's ``authors`` ("A, B; C"): split on commas, semicolons and
    line breaks, each stripped."""
    return [name.strip() for name in _AUTHOR_SEPARATORS.split(authors or "") if name.strip()]


def author_key(name: str) -> str:
    """A person's name compared as a whole: NFC, case-folded, spaces collapsed; diacritics are kept
    ("An" and "Ân" are different people)."""
    return " ".join(unicodedata.normalize("NFC", name or "").casefold().split())
