"""Statement exports: XLSX and DOCX in the Vietnamese administrative layout."""

from django.utils import timezone

from congtt.network.models import SiteProfile
from congtt.reports.documents import AdminDocument, to_docx, to_xlsx

from .rules import format_money, so_thanh_chu

HEADERS = [
    "STT",
    "Họ và tên",
    "Số tin, bài",
    "Tổng hệ số",
    "Nhuận bút (đồng)",
    "Phụ cấp (đồng)",
    "Cộng (đồng)",
    "Ký nhận",
]


def statement_document(statement) -> AdminDocument:
    profile = SiteProfile.objects.filter(site_id=statement.site_id).first()
    lines = list(statement.lines.all())
    rows = [
        [
            i,
            line.person_name + (f" ({line.allowance_role})" if line.allowance_role else ""),
            len(line.items),
            float(line.coefficient_sum),
            line.royalty,
            line.allowance,
            line.total,
            "",
        ]
        for i, line in enumerate(lines, start=1)
    ]
    royalty = sum(line.royalty for line in lines)
    allowance = sum(line.allowance for line in lines)
    when = statement.approved_at or statement.submitted_at or statement.created_at or timezone.now()
    return AdminDocument(
        governing_body=(profile.governing_body if profile else ""),
        agency=(f"Ban biên tập {profile.agency_name}" if profile else str(statement.site)),
        number=statement.number,
        date=timezone.localtime(when).date(),
        title="Bảng kê nhuận bút, phụ cấp Ban biên tập",
        subtitle=(
            f"Tháng {statement.month:02d} năm {statement.year} — giá trị một hệ số: "
            f"{format_money(statement.unit_value)} đồng"
        ),
        headers=HEADERS,
        rows=rows,
        totals=[
            "",
            "Tổng cộng",
            sum(len(ln.items) for ln in lines),
            "",
            royalty,
            allowance,
            statement.total,
            "",
        ],
        money_columns={4, 5, 6},
        notes=[f"Tổng số tiền bằng chữ: {so_thanh_chu(statement.total)}."],
        sections=[
            {
                "heading": "Chi tiết tin, bài theo người hưởng",
                "headers": ["Họ và tên", "Tin, bài", "Thể loại", "Hệ số", "Tỷ lệ (%)", "Số tiền (đồng)"],
                "rows": [
                    [
                        line.person_name,
                        i["title"],
                        i["genre"],
                        i["coefficient"],
                        i["share_percent"],
                        i["amount"],
                    ]
                    for line in lines
                    for i in line.items
                ],
                "totals": None,
                "note": (
                    "Số tiền từng tin, bài là phần chính xác làm tròn đến đồng; nhuận bút mỗi người là tổng "
                    "chính xác làm tròn nửa lên đến 1.000 đồng."
                ),
            }
        ],
        signers=[
            ("NGƯỜI LẬP BIỂU", statement.created_by.get_full_name() if statement.created_by else ""),
            ("TRƯỞNG BAN", statement.approved_by.get_full_name() if statement.approved_by else ""),
        ],
    )


def statement_xlsx(statement) -> bytes:
    return to_xlsx(statement_document(statement))


def statement_docx(statement) -> bytes:
    return to_docx(statement_document(statement))
