"""Report exports: XLSX, DOCX (administrative layout) and PDF (WeasyPrint, with the SVG charts)."""

from django.template.loader import render_to_string
from django.utils import timezone

from congtt.network.models import SiteProfile

from .documents import QUOC_HIEU, TIEU_NGU, AdminDocument, to_docx, to_xlsx

TITLES = {
    "week": "Báo cáo tuần",
    "month": "Báo cáo tháng",
    "quarter": "Báo cáo quý",
    "half": "Báo cáo 6 tháng",
    "year": "Báo cáo năm",
}


def _profile(report):
    if report.site_id:
        return SiteProfile.objects.filter(site_id=report.site_id).first()
    return SiteProfile.objects.filter(kind__is_portal=True).first()


def report_document(report) -> AdminDocument:
    result = report.result or {}
    profile = _profile(report)
    agency = f"Ban biên tập {profile.agency_name}" if profile else "Ban biên tập"
    return AdminDocument(
        governing_body=profile.governing_body if profile else "",
        agency=agency,
        number="…/BC-BBT",
        date=timezone.localdate(),
        title=f"{TITLES.get(report.period, 'Báo cáo')} hoạt động cổng/trang thông tin điện tử",
        subtitle=f"{result.get('period_label', '')} — {result.get('scope', '')}",
        headers=[],
        rows=[],
        sections=[
            {
                "heading": s["title"],
                "headers": s["headers"],
                "rows": s["rows"],
                "totals": s["totals"],
                "note": s["note"],
            }
            for s in result.get("sections", [])
        ],
        signers=[("NGƯỜI LẬP BIỂU", ""), ("TRƯỞNG BAN", "")],
    )


def report_xlsx(report) -> bytes:
    return to_xlsx(report_document(report))


def report_docx(report) -> bytes:
    return to_docx(report_document(report))


def report_html(report) -> str:
    doc = report_document(report)
    return render_to_string(
        "reports/report_pdf.html",
        {
            "doc": doc,
            "report": report,
            "result": report.result,
            "quoc_hieu": QUOC_HIEU,
            "tieu_ngu": TIEU_NGU,
        },
    )


def report_pdf(report) -> bytes:
    from weasyprint import HTML

    return HTML(string=report_html(report)).write_pdf()
