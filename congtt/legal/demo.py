"""Demo legal documents and gazette issues for the Lạng Sơn network (idempotent).

The five regulations in the shared seeds become documents: number, date, issuing body and title are
parsed from each file's head, the full text is the file converted to paragraphs. Realistic national
and provincial documents are added around them (some expired, one replaced by another).
"""

import contextlib
import datetime as dt
import re
from html import escape
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from congtt.vntext import nfc

from . import rules
from .gazette_pdf import attach_pdf
from .models import DocumentForm, Field, GazetteIssue, IssuingBody, LegalDocument

SEEDS_DIR = Path(getattr(settings, "CONGTT_SEEDS_DIR", "/work/shared/seeds"))

FIELDS = [
    ("Thông tin và Truyền thông", "thong-tin-truyen-thong"),
    ("Khoa học và Công nghệ", "khoa-hoc-cong-nghe"),
    ("Tổ chức bộ máy, Nội vụ", "noi-vu"),
    ("Ngoại vụ", "ngoai-vu"),
    ("Hộ tịch", "ho-tich"),
    ("Đất đai", "dat-dai"),
    ("Kế hoạch và Đầu tư", "ke-hoach-dau-tu"),
    ("Giáo dục và Đào tạo", "giao-duc-dao-tao"),
    ("Văn thư, lưu trữ", "van-thu-luu-tru"),
    ("Cải cách hành chính", "cai-cach-hanh-chinh"),
]

# Seed file prefix → where it goes and what its head does not say plainly.
SEEDS = {
    "000": {
        "host": "sonv",
        "form": "quyet-dinh",
        "field": "ngoai-vu",
        "body": "Sở Ngoại vụ tỉnh Lạng Sơn",
        "signer": "Giám đốc Sở Ngoại vụ",
        # the seed is the signed copy without its serial number and day: demo values
        "serial": "15",
        "day": 15,
        "replaces": (
            "62/QĐ-SNgV",
            dt.date(2014, 9, 10),
            "Ban hành Quy chế về quản lý, sử dụng, cung cấp thông tin "
            "trên Trang thông tin điện tử Sở Ngoại vụ tỉnh Lạng Sơn",
        ),
    },
    "001": {
        "host": "",
        "form": "quyet-dinh",
        "field": "thong-tin-truyen-thong",
        "body": "Ủy ban nhân dân tỉnh Bạc Liêu",
        "title": "Ban hành Quy chế quản lý, vận hành và cung cấp thông tin trên Cổng Thông tin điện tử tỉnh Bạc "
        "Liêu (văn bản tham khảo)",
        "date": dt.date(2024, 3, 15),
    },
    "002": {
        "host": "sonoivu",
        "form": "quyet-dinh",
        "field": "noi-vu",
        "body": "Sở Nội vụ tỉnh Lạng Sơn",
        "title": "Ban hành Quy chế về quản lý, vận hành, sử dụng và cung cấp thông tin trên Cổng Thông tin điện "
        "tử của Sở Nội vụ",
    },
    "003": {
        "host": "",
        "form": "quyet-dinh",
        "field": "thong-tin-truyen-thong",
        "body": "Ủy ban nhân dân thành phố Long Xuyên",
    },
    "004": {
        "host": "",
        "form": "quyet-dinh",
        "field": "thong-tin-truyen-thong",
        "body": "Ủy ban nhân dân tỉnh Lạng Sơn",
        "signer": "Chủ tịch Ủy ban nhân dân tỉnh",
        # the head writes the title in capitals; keep proper nouns capitalised
        "title": "Ban hành Quy chế tổ chức và hoạt động của Cổng thông tin điện tử tỉnh Lạng Sơn",
        "replaces": (
            "773/QĐ-UBND",
            dt.date(2017, 4, 26),
            "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Lạng Sơn",
        ),
    },
}

NUMBER_HEAD_RE = re.compile(r"[Ss]ố\s*:?\s*(\d*\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐ][\w.&-]*(?:-[\w.&]+)*)")
DATE_HEAD_RE = re.compile(r"[Nn]gày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
EFFECTIVE_RE = re.compile(
    r"hiệu lực[^.\n]*?(?:từ|kể từ) ngày\s+(\d{1,2})(?:/| tháng )(\d{1,2})(?:/| năm )(\d{4})"
)

# (host, form code, number, issuing body, signer, issue, effective, expiry, field, summary, replaced_by number)
OTHERS = [
    (
        "",
        "luat",
        "67/2006/QH11",
        "Quốc hội",
        "Nguyễn Phú Trọng",
        dt.date(2006, 6, 29),
        dt.date(2007, 1, 1),
        None,
        "thong-tin-truyen-thong",
        "Luật Công nghệ thông tin",
        "",
    ),
    (
        "",
        "luat",
        "103/2016/QH13",
        "Quốc hội",
        "Nguyễn Thị Kim Ngân",
        dt.date(2016, 4, 5),
        dt.date(2017, 1, 1),
        None,
        "thong-tin-truyen-thong",
        "Luật Báo chí",
        "",
    ),
    (
        "",
        "nghi-dinh",
        "43/2011/NĐ-CP",
        "Chính phủ",
        "Nguyễn Tấn Dũng",
        dt.date(2011, 6, 13),
        dt.date(2011, 8, 1),
        dt.date(2022, 8, 1),
        "thong-tin-truyen-thong",
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử hoặc cổng thông "
        "tin điện tử của cơ quan nhà nước",
        "42/2022/NĐ-CP",
    ),
    (
        "",
        "nghi-dinh",
        "42/2022/NĐ-CP",
        "Chính phủ",
        "Lê Minh Khái",
        dt.date(2022, 6, 24),
        dt.date(2022, 8, 1),
        None,
        "thong-tin-truyen-thong",
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng",
        "",
    ),
    (
        "",
        "thong-tu",
        "22/2023/TT-BTTTT",
        "Bộ Thông tin và Truyền thông",
        "Nguyễn Huy Dũng",
        dt.date(2023, 12, 31),
        dt.date(2024, 2, 15),
        None,
        "thong-tin-truyen-thong",
        "Quy định cấu trúc, bố cục, yêu cầu kỹ thuật cho cổng thông tin điện tử và trang thông tin điện tử các cơ "
        "quan nhà nước",
        "",
    ),
    (
        "",
        "nghi-dinh",
        "61/2018/NĐ-CP",
        "Chính phủ",
        "Nguyễn Xuân Phúc",
        dt.date(2018, 4, 23),
        dt.date(2018, 6, 21),
        None,
        "cai-cach-hanh-chinh",
        "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        "",
    ),
    (
        "",
        "nghi-dinh",
        "30/2020/NĐ-CP",
        "Chính phủ",
        "Nguyễn Xuân Phúc",
        dt.date(2020, 3, 5),
        dt.date(2020, 3, 5),
        None,
        "van-thu-luu-tru",
        "Về công tác văn thư",
        "",
    ),
    (
        "",
        "chi-thi",
        "05/CT-UBND",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "Hồ Tiến Thiệu",
        dt.date(2023, 3, 20),
        dt.date(2023, 3, 20),
        None,
        "thong-tin-truyen-thong",
        "Về tăng cường bảo đảm an toàn, an ninh thông tin mạng trong hoạt động của cơ quan nhà nước trên địa bàn "
        "tỉnh Lạng Sơn",
        "",
    ),
    (
        "",
        "ke-hoach",
        "215/KH-UBND",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "Đoàn Thanh Sơn",
        dt.date(2024, 9, 12),
        dt.date(2024, 9, 12),
        dt.date(2025, 12, 31),
        "cai-cach-hanh-chinh",
        "Triển khai chuyển đổi số, phát triển chính quyền số tỉnh Lạng Sơn năm 2025",
        "",
    ),
    (
        "",
        "cong-van",
        "1234/UBND-KGVX",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "Đoàn Thanh Sơn",
        dt.date(2024, 11, 4),
        None,
        None,
        "thong-tin-truyen-thong",
        "Về việc cập nhật thông tin lên Cổng thông tin điện tử tỉnh và trang thông tin điện tử thành phần",
        "",
    ),
    (
        "",
        "quyet-dinh",
        "25/2021/QĐ-UBND",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "Hồ Tiến Thiệu",
        dt.date(2021, 8, 16),
        dt.date(2021, 9, 1),
        dt.date(2023, 12, 31),
        "thong-tin-truyen-thong",
        "Quy định mức chi tạo lập thông tin điện tử trên Cổng thông tin điện tử tỉnh Lạng Sơn giai đoạn 2021–2023",
        "",
    ),
    (
        "",
        "quyet-dinh",
        "52/2026/QĐ-UBND",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "Hồ Tiến Thiệu",
        dt.date(2026, 11, 10),
        dt.date(2027, 1, 1),
        None,
        "cai-cach-hanh-chinh",
        "Ban hành Quy định về tiếp nhận, giải quyết thủ tục hành chính trên môi trường điện tử tại tỉnh Lạng Sơn",
        "",
    ),
    (
        "sokhcn",
        "luat",
        "29/2013/QH13",
        "Quốc hội",
        "Nguyễn Sinh Hùng",
        dt.date(2013, 6, 18),
        dt.date(2014, 1, 1),
        None,
        "khoa-hoc-cong-nghe",
        "Luật Khoa học và Công nghệ",
        "",
    ),
    (
        "sokhcn",
        "nghi-dinh",
        "08/2014/NĐ-CP",
        "Chính phủ",
        "Nguyễn Tấn Dũng",
        dt.date(2014, 1, 27),
        dt.date(2014, 3, 15),
        None,
        "khoa-hoc-cong-nghe",
        "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Khoa học và Công nghệ",
        "",
    ),
    (
        "sokhcn",
        "quyet-dinh",
        "120/QĐ-SKHCN",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "Giám đốc Sở",
        dt.date(2024, 5, 6),
        dt.date(2024, 5, 6),
        None,
        "thong-tin-truyen-thong",
        "Ban hành Quy chế quản lý, vận hành Trang thông tin điện tử Sở Khoa học và Công nghệ",
        "",
    ),
    (
        "sokhcn",
        "ke-hoach",
        "45/KH-SKHCN",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "Phó Giám đốc Sở",
        dt.date(2025, 3, 3),
        dt.date(2025, 3, 3),
        dt.date(2025, 12, 31),
        "khoa-hoc-cong-nghe",
        "Tổ chức Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh Lạng Sơn năm 2025",
        "",
    ),
    (
        "sokhcn",
        "cong-van",
        "312/SKHCN-QLKH",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "Phó Giám đốc Sở",
        dt.date(2025, 4, 8),
        None,
        None,
        "khoa-hoc-cong-nghe",
        "Về việc đề xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2026",
        "",
    ),
    (
        "sokhcn",
        "thong-bao",
        "28/TB-SKHCN",
        "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "Chánh Văn phòng Sở",
        dt.date(2025, 6, 2),
        None,
        None,
        "khoa-hoc-cong-nghe",
        "Kết quả xét chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2025",
        "",
    ),
]


def parse_seed_head(text: str) -> dict:
    """Number, issue date, title and effective date read from the head of a regulation's text."""
    head = text[:1500]
    info = {"number": "", "date": None, "title": "", "effective": None, "day_missing": False}
    match = NUMBER_HEAD_RE.search(head)
    if match:
        info["number"] = rules.normalize_number(match.group(1))
    lines = [ln.strip().strip("*").strip() for ln in head.splitlines()]
    lines = [re.sub(r"\[bookmark:[^\]]*\]", "", ln).strip() for ln in lines]
    for ln in lines[:6]:
        found = DATE_HEAD_RE.search(ln)
        if found:
            day, month, year = found.groups()
            info["day_missing"] = not day
            try:
                info["date"] = dt.date(int(year), int(month), int(day or 1))
            except ValueError:
                info["date"] = None
            break
    if "QUYẾT ĐỊNH" in lines:
        start = lines.index("QUYẾT ĐỊNH") + 1
        title_lines = []
        for ln in lines[start:]:
            if title_lines and (not ln or ln.isupper() or ln.startswith("Căn cứ")):
                break
            if ln:
                title_lines.append(ln)
        title = " ".join(title_lines)
        info["title"] = title[0] + title[1:].lower() if title.isupper() else title
    effective = EFFECTIVE_RE.search(text[:20000])
    if effective:
        day, month, year = (int(x) for x in effective.groups())
        with contextlib.suppress(ValueError):
            info["effective"] = dt.date(year, month, day)
    return info


def text_to_html(text: str) -> str:
    paragraphs = []
    for line in text.splitlines():
        line = re.sub(r"\[bookmark:[^\]]*\]", "", line).replace("**", "").strip()
        if line:
            paragraphs.append(f"<p>{escape(nfc(line))}</p>")
    return "\n".join(paragraphs)


def _site(host: str):
    domain = settings.PORTAL_DOMAIN
    return Site.objects.filter(hostname=f"{host}.{domain}" if host else domain).first()


def _publish_fields():
    now = timezone.now()
    return {
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": now,
        "last_published_at": now,
    }


def _ensure(site, form, number, issuing_body, **values):
    existing = LegalDocument.objects.filter(site=site, issuing_body=issuing_body, number=number).first()
    if existing:
        return existing, False
    document = LegalDocument(
        site=site, form=form, number=number, issuing_body=issuing_body, **values, **_publish_fields()
    )
    document.full_clean(exclude=["replaced_by"])
    document.save()
    return document, True


def load(stdout=None):
    created = 0
    forms = {f.code: f for f in DocumentForm.objects.all()}
    fields = {}
    for order, (name, slug) in enumerate(FIELDS, start=1):
        fields[slug], _ = Field.objects.get_or_create(slug=slug, defaults={"name": name, "order": order * 10})
    bodies: dict[str, IssuingBody] = {}

    def body(name):
        if name not in bodies:
            bodies[name], _ = IssuingBody.objects.get_or_create(name=name)
        return bodies[name]

    by_number = {}
    for host, form, number, body_name, signer, issue, effective, expiry, field, summary, _repl in OTHERS:
        site = _site(host)
        if site is None:
            continue
        doc, new = _ensure(
            site,
            forms[form],
            number,
            body(body_name),
            signer=signer,
            issue_date=issue,
            effective_date=effective,
            expiry_date=expiry,
            field=fields[field],
            summary=summary,
            body=f"<p>{escape(summary)}.</p><p>(Toàn văn xem tệp đính kèm trên Cơ sở dữ liệu quốc gia về văn bản "
            "pháp luật.)</p>",
        )
        created += new
        by_number[(site.pk, number)] = doc
    for host, _f, number, *_rest, replaced_by in OTHERS:
        site = _site(host)
        if site and replaced_by and (site.pk, replaced_by) in by_number:
            LegalDocument.objects.filter(pk=by_number[(site.pk, number)].pk, replaced_by__isnull=True).update(
                replaced_by=by_number[(site.pk, replaced_by)]
            )

    seed_docs = {}
    for path in sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []:
        spec = SEEDS.get(path.name[:3])
        site = _site(spec["host"]) if spec else None
        if site is None:
            continue
        text = path.read_text(encoding="utf-8")
        info = parse_seed_head(text)
        number = info["number"]
        if number.startswith("/") and spec.get("serial"):
            number = spec["serial"] + number
        issue = spec.get("date") or info["date"]
        if issue and info["day_missing"] and spec.get("day"):
            issue = issue.replace(day=spec["day"])
        effective = info["effective"] or issue
        if effective and issue and effective < issue:
            effective = issue
        doc, new = _ensure(
            site,
            forms[spec["form"]],
            number,
            body(spec["body"]),
            signer=spec.get("signer", ""),
            issue_date=issue,
            effective_date=effective,
            expiry_date=None,
            field=fields[spec["field"]],
            summary=spec.get("title") or info["title"],
            body=text_to_html(text),
        )
        created += new
        seed_docs[path.name[:3]] = doc
        if spec.get("replaces"):
            old_number, old_date, old_title = spec["replaces"]
            old, new = _ensure(
                site,
                forms[spec["form"]],
                old_number,
                body(spec["body"]),
                signer="",
                issue_date=old_date,
                effective_date=old_date,
                expiry_date=effective,
                field=fields[spec["field"]],
                summary=old_title,
                body="",
            )
            created += new
            LegalDocument.objects.filter(pk=old.pk, replaced_by__isnull=True).update(replaced_by=doc)

    portal = _site("")
    if portal is not None:
        portal_docs = list(LegalDocument.objects.filter(site=portal, live=True).order_by("issue_date"))
        issues = [
            (1, 2024, dt.date(2024, 11, 5), ["40/2024/QĐ-UBND"]),
            (2, 2024, dt.date(2024, 11, 20), ["1234/UBND-KGVX"]),
            (1, 2025, dt.date(2025, 1, 10), ["215/KH-UBND"]),
            (2, 2026, dt.date(2026, 11, 15), ["52/2026/QĐ-UBND"]),
        ]
        for number, year, date, doc_numbers in issues:
            issue, new = GazetteIssue.objects.get_or_create(
                site=portal, year=year, number=number, defaults={"date": date, **_publish_fields()}
            )
            if new:
                issue.documents.set([d for d in portal_docs if d.number in doc_numbers])
                issue.save()
                created += 1
            if issue.pdf_id is None:
                attach_pdf(issue)
    if stdout is not None:
        stdout.write(f"Văn bản, công báo: thêm {created} bản ghi.")
    return created
