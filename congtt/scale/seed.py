"""Scale data (issue 8, item 1): sites, articles, legal documents, procedures and Q&A in bulk.

Articles are Wagtail pages created without the ORM's per-page ``add_child``: the treebeard
materialised paths (steplen 4, alphabet 0-9A-Z) and ``url_path`` are computed here, the
``wagtailcore_page`` rows are inserted with ``bulk_create`` and the ``content_articlepage`` rows
(multi-table inheritance) with the same insert ``bulk_create`` uses, then each parent's
``numchild`` is updated once. Records use ``bulk_create``. The search index is filled per batch
with the backend's ``add_bulk`` (one INSERT per batch on PostgreSQL).

``KNOWN`` items (rare word pairs in their titles, on the provincial portal) let the search
benchmark check that the relevant item is on the first page.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
import sys
import time
import uuid
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from congtt.vntext import fold, slugify_vi

from . import index, words

BATCH = 2000
SITE_PREFIX = "quymo"
YEARS = 10

# Rare word pairs: neither word occurs in the generated vocabulary (checked by a test).
RARE_A = ["quế", "thạch", "mận", "quýt", "nhót", "vải", "gừng", "hồng", "sả", "mắc"]
RARE_B = ["then", "lượn", "pác", "khuổi", "phai"]


@dataclass(frozen=True)
class Known:
    index: int
    kind: str  # "article" | "legal" | "question"
    words: str  # the accented pair, e.g. "quế then"

    @property
    def query(self) -> str:
        return fold(self.words)

    @property
    def title(self) -> str:
        a, b = self.words.split()
        base = {
            "article": "Lễ hội mùa xuân ở vùng cao",
            "legal": "Quy định bảo tồn giống cây bản địa",
            "question": "Hỏi về hỗ trợ trồng cây đặc sản",
        }[self.kind]
        return f"{base}: {a.capitalize()} {b} {self.index}"


def known_items() -> list[Known]:
    """The 50 planted items: 30 articles, 10 legal documents, 10 published questions."""
    items = []
    for i in range(len(RARE_A) * len(RARE_B)):
        kind = "legal" if i % 5 == 3 else "question" if i % 5 == 4 else "article"
        items.append(Known(i, kind, f"{RARE_A[i % len(RARE_A)]} {RARE_B[i // len(RARE_A)]}"))
    return items


@dataclass
class Counts:
    sites: int = 2
    articles: int = 50
    legal: int = 20
    procedures: int = 0
    questions: int = 20


class Progress:
    """Percentage lines on stderr (every 5 %), with the rate."""

    def __init__(self, label: str, total: int, out=None):
        self.label, self.total, self.out = label, max(total, 0), out or sys.stderr
        self.done, self.start, self.shown = 0, time.perf_counter(), -1

    def add(self, n: int):
        self.done += n
        pct = 100 if not self.total else int(self.done * 100 / self.total)
        if pct // 5 != self.shown // 5 or self.done >= self.total:
            self.shown = pct
            rate = self.done / max(time.perf_counter() - self.start, 1e-6)
            self.out.write(f"{self.label}: {pct:3d}% ({self.done}/{self.total}, {rate:,.0f}/s)\n")
            self.out.flush()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.start


def _date(rng: random.Random, now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(seconds=rng.randrange(YEARS * 365 * 86400))


# --- sites -------------------------------------------------------------------------------------


def ensure_sites(n: int, out=None) -> list[Site]:
    """The portal plus seeded component sites, ``n`` sites in all (created through create_site)."""
    from congtt.network.models import SiteKind
    from congtt.network.services import SiteRequest, create_site, portal_profile

    portal = portal_profile()
    if portal is None:
        raise RuntimeError("Chưa có cổng thông tin tỉnh: hãy chạy `manage.py load_demo` trước.")
    domain = portal.site.hostname
    existing = {s.hostname: s for s in Site.objects.filter(hostname__startswith=f"{SITE_PREFIX}")}
    kind = SiteKind.objects.filter(code="commune").first() or portal.kind
    sites = [portal.site]
    progress = Progress("sites", max(n - 1, 0), out)
    rng = random.Random(7)
    for i in range(1, n):
        host = f"{SITE_PREFIX}{i}.{domain}"
        if host not in existing:
            place = rng.choice(words.PLACES)
            profile = create_site(
                SiteRequest(
                    agency_name=f"Ủy ban nhân dân xã {place} {i}", kind=kind, parent=portal, hostname=host
                ),
                port=portal.site.port,
            )
            existing[host] = profile.site
        sites.append(existing[host])
        progress.add(1)
    return sites


def news_sections(sites: list[Site]) -> list[Page]:
    """The Vietnamese news section (``/tin-tuc/``) of each site that has one, in the order of ``sites``."""
    root_paths = dict(Page.objects.filter(pk__in=[s.root_page_id for s in sites]).values_list("pk", "path"))
    by_home = {p.path[: 2 * Page.steplen]: p for p in Page.objects.filter(slug="tin-tuc", depth=3)}
    sections = [by_home.get(root_paths.get(s.root_page_id, "")) for s in sites]
    return [s for s in sections if s is not None]


# --- pages in bulk -----------------------------------------------------------------------------


class PageAppender:
    """Appends children to parents by computed treebeard paths; flush() fixes numchild."""

    def __init__(self, parents: list[Page]):
        self.parents = parents
        self.next_step = {}
        self.added = {}
        for parent in parents:
            last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path")
            last_path = last.values_list("path", flat=True).first()
            self.next_step[parent.pk] = (Page._str2int(last_path[-Page.steplen :]) + 1) if last_path else 1
            self.added[parent.pk] = 0

    def place(self, parent: Page, page: Page):
        step = self.next_step[parent.pk]
        self.next_step[parent.pk] = step + 1
        self.added[parent.pk] += 1
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"

    def flush(self):
        for pk, n in self.added.items():
            if n:
                Page.objects.filter(pk=pk).update(numchild=F("numchild") + n)
                self.added[pk] = 0


def insert_pages(model, pages: list):
    """Insert specific pages of ``model`` (a direct Page subclass): parent rows, then child rows.

    What ``bulk_create`` does for one table, twice: Django refuses ``bulk_create`` for
    multi-table inheritance, so the same ``_insert`` runs on ``wagtailcore_page`` (ids returned)
    and then on the child table with ``page_ptr_id`` set.
    """
    ct = ContentType.objects.get_for_model(model)
    for page in pages:
        page.content_type_id = ct.pk
    base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    if connection.features.can_return_rows_from_bulk_insert:
        rows = Page._base_manager._insert(
            pages, fields=base_fields, returning_fields=Page._meta.db_returning_fields, using=connection.alias
        )
        ids = [row[0] for row in rows]
    else:  # pragma: no cover - old SQLite
        base = [Page(**{f.attname: getattr(p, f.attname) for f in base_fields}) for p in pages]
        ids = [row.pk for row in Page.objects.bulk_create(base)]
    for page, pk in zip(pages, ids, strict=True):
        page.id = page.page_ptr_id = pk
        page._state.adding = False
    model._base_manager._insert(pages, fields=list(model._meta.local_concrete_fields), using=connection.alias)


def _paragraphs_json(rng) -> tuple[str, str]:
    paras = words.paragraphs(rng)
    raw = [{"type": "paragraph", "value": f"<p>{p}</p>", "id": str(uuid.uuid4())} for p in paras]
    return json.dumps(raw, ensure_ascii=False), " ".join(paras)


@functools.lru_cache(maxsize=20_000)
def _fold_word(word: str) -> str:
    return fold(word)


def fold_words(text: str) -> str:
    """``fold(text)`` word by word through a cache (the generated vocabulary is small)."""
    return " ".join(f for f in (_fold_word(w) for w in text.split()) if f)


def _article_texts(plain: dict):
    """Index texts of a generated article without parsing its StreamField (same fields as ArticlePage)."""

    def texts(page):  # called on PostgreSQL only, after the backend has set its weights
        title_w, body_w, auto_w = index.weight(2), index.weight(None), "D"
        body = plain[page.pk]
        folded = fold_words(" ".join(t for t in (page.title, page.summary, body, page.source_name) if t))
        return {title_w: [page.title]}, {body_w: [page.summary, body, folded]}, {auto_w: [page.title]}

    return texts


def seed_articles(sections: list[Page], total: int, rng, now, out=None, batch=BATCH, known=()):
    from congtt.content.models import ArticleKind, ArticlePage

    if not sections or total <= 0:
        return Progress("articles", 0, out)
    locale = Locale.get_default()
    kinds = [k for k, _label in ArticleKind.choices if k not in ("gallery", "video", "audio")]
    appender = PageAppender(sections)
    progress = Progress("articles", total, out)
    known = list(known)
    made = 0
    while made < total:
        pages = []
        for i in range(made, min(made + batch, total)):
            section = sections[0] if known and i < len(known) else sections[i % len(sections)]
            title = known[i].title if i < len(known) else words.title(rng)
            date = _date(rng, now)
            body_json, plain = _paragraphs_json(rng)
            page = ArticlePage(
                title=title,
                draft_title=title,
                slug=f"{slugify_vi(title, max_length=70)}-{i + 1}",
                live=True,
                has_unpublished_changes=False,
                first_published_at=date,
                last_published_at=date,
                locale_id=locale.pk,
                translation_key=uuid.uuid4(),
                kind=rng.choice(kinds),
                summary=words.summary(rng),
                body=body_json,
                source_name=rng.choice(["", "", "Báo Lạng Sơn", "Cổng thông tin điện tử tỉnh"]),
                date=date,
                featured=rng.random() < 0.02,
            )
            appender.place(section, page)
            page._plain_body = plain
            pages.append(page)
        with transaction.atomic():
            insert_pages(ArticlePage, pages)
            appender.flush()
            index.add_bulk(ArticlePage, pages, _article_texts({p.pk: p._plain_body for p in pages}))
        made += len(pages)
        progress.add(len(pages))
    return progress


# --- records in bulk ---------------------------------------------------------------------------


def _legal_refs():
    from congtt.legal.models import DocumentForm, Field, IssuingBody

    forms = {}
    for i, (code, name) in enumerate(words.LEGAL_FORMS.items()):
        form = DocumentForm.objects.filter(name=name).first()
        if form is None:
            form = DocumentForm.objects.create(name=name, code=slugify_vi(name), order=200 + i)
        forms[code] = form
    bodies = {code: IssuingBody.objects.get_or_create(name=name)[0] for code, name in words.ISSUERS.items()}
    fields = []
    for i, name in enumerate(words.FIELDS):
        slug = slugify_vi(name)
        field = Field.objects.filter(slug=slug).first() or Field.objects.filter(name=name).first()
        fields.append(field or Field.objects.create(name=name, slug=slug, order=200 + i))
    return forms, bodies, fields


def seed_legal(sites, total, rng, now, out=None, batch=BATCH, known=()):
    from congtt.legal.models import LegalDocument

    progress = Progress("legal", total, out)
    if total <= 0 or not sites:
        return progress
    forms, bodies, fields = _legal_refs()
    known = list(known)
    from django.db.models import Max

    stamp = LegalDocument.objects.aggregate(m=Max("pk"))["m"] or 0  # numbers stay unique when seeding twice
    made = 0
    while made < total:
        docs = []
        for i in range(made, min(made + batch, total)):
            issue = _date(rng, now).date()
            code = rng.choice(list(forms))
            issuer = rng.choice(list(bodies))
            number = f"{stamp + i + 1}/{issue.year}/{code}-{issuer}"
            summary = known[i].title if i < len(known) else words.legal_summary(rng)
            body = "".join(f"<p>{p}</p>" for p in words.paragraphs(rng, 1, 4))
            doc = LegalDocument(
                site=sites[0] if i < len(known) else sites[i % len(sites)],
                form=forms[code],
                number=number,
                number_folded=fold(number),
                issuing_body=bodies[issuer],
                signer=words.person(rng),
                field=rng.choice(fields),
                issue_date=issue,
                effective_date=issue + dt.timedelta(days=rng.choice([0, 10, 15, 30])),
                expiry_date=issue + dt.timedelta(days=1800) if rng.random() < 0.1 else None,
                summary=summary,
                body=body,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
            doc.search_text = doc.search_folded()
            docs.append(doc)
        with transaction.atomic():
            LegalDocument.objects.bulk_create(docs)
            index.add_bulk(LegalDocument, docs)
        made += len(docs)
        progress.add(len(docs))
    return progress


def _basis_links(procs, docs_by_site):
    """Up to two legal documents of the procedure's own site as its legal basis, picked without the rng
    (so the rest of the seed stays the same)."""
    from congtt.procedures.models import ProcedureLegalBasis

    links = []
    for i, proc in enumerate(procs):
        docs = docs_by_site.get(proc.site_id, [])
        chosen = dict.fromkeys(docs[(i * k + k) % len(docs)] for k in (1, 7)) if docs else {}
        links += [
            ProcedureLegalBasis(procedure=proc, document_id=pk, sort_order=n) for n, pk in enumerate(chosen)
        ]
    return links


def seed_procedures(sites, total, rng, now, out=None, batch=BATCH):
    from congtt.legal.models import LegalDocument
    from congtt.procedures.models import Procedure, ProcedureLegalBasis

    progress = Progress("procedures", total, out)
    if total <= 0 or not sites:
        return progress
    _forms, _bodies, fields = _legal_refs()
    docs_by_site = {}
    for site_id, pk in LegalDocument.objects.filter(site__in=sites, live=True).values_list("site_id", "pk"):
        docs_by_site.setdefault(site_id, []).append(pk)
    taken = set(Procedure.objects.values_list("site_id", "code"))
    made, serial = 0, 0
    while made < total:
        procs = []
        for i in range(made, min(made + batch, total)):
            site = sites[i % len(sites)]
            while True:
                serial += 1
                code = f"2.{900000 + serial % 100000:06d}"
                if (site.pk, code) not in taken:
                    taken.add((site.pk, code))
                    break
            thing = rng.choice(words.QUESTION_THINGS)
            proc = Procedure(
                site=site,
                code=code,
                name=f"Thủ tục {thing} ({rng.choice(words.PLACES)})",
                field=rng.choice(fields),
                level=rng.choice(["province", "district", "commune"]),
                service_level=rng.choice(["partial", "full"]),
                responsible_unit=rng.choice(words.SUBJECTS),
                processing_time=f"{rng.randint(3, 20)} ngày làm việc",
                fees=rng.choice(["Không", "50.000 đồng/hồ sơ", "100.000 đồng/hồ sơ"]),
                steps="".join(f"<p>Bước {n}: {words.sentence(rng)}</p>" for n in range(1, 4)),
                dossier="<ul>" + "".join(f"<li>{words.sentence(rng)}</li>" for _ in range(3)) + "</ul>",
                requirements=f"<p>{words.sentence(rng)}</p>",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
            )
            proc.search_text = proc.search_folded()
            procs.append(proc)
        with transaction.atomic():
            Procedure.objects.bulk_create(procs)
            ProcedureLegalBasis.objects.bulk_create(_basis_links(procs, docs_by_site))
            index.add_bulk(Procedure, procs)
        made += len(procs)
        progress.add(len(procs))
    return progress


def seed_questions(sites, total, rng, now, out=None, batch=BATCH, known=()):
    from congtt.citizen.models import Case

    progress = Progress("questions", total, out)
    if total <= 0 or not sites:
        return progress
    known = list(known)
    made = 0
    while made < total:
        cases = []
        for i in range(made, min(made + batch, total)):
            title, question, answer = words.question(rng)
            if i < len(known):
                title = known[i].title
            created = _date(rng, now)
            state = rng.random()
            published = i < len(known) or state < 0.6
            answered = published or state < 0.8
            case = Case(
                site=sites[0] if i < len(known) else sites[i % len(sites)],
                kind=Case.Kind.QUESTION if rng.random() < 0.8 else Case.Kind.PETITION,
                asker_name=words.person(rng),
                asker_email=f"nguoidan{i}@example.vn",
                title=title,
                question=question,
                answer=answer if answered else "",
                answered_at=created + dt.timedelta(days=5) if answered else None,
                published=published,
                published_at=created + dt.timedelta(days=6) if published else None,
                state=(
                    Case.State.PUBLISHED
                    if published
                    else Case.State.ANSWERED
                    if answered
                    else Case.State.RECEIVED
                ),
                consent=True,
                consent_at=created,
                created_at=created,
            )
            case.search_text = fold(" ".join([case.title, case.question, case.answer]))
            cases.append(case)
        with transaction.atomic():
            Case.objects.bulk_create(cases)
            index.add_bulk(Case, cases)
        made += len(cases)
        progress.add(len(cases))
    return progress


# --- all ---------------------------------------------------------------------------------------


def seed(counts: Counts, out=None, batch=BATCH, rng_seed=1) -> dict[str, tuple[int, float]]:
    """Create the scale data; returns {kind: (count, seconds)}."""
    rng = random.Random(rng_seed)
    now = timezone.now()
    timings = {}
    start = time.perf_counter()
    sites = ensure_sites(max(counts.sites, 1), out)
    timings["sites"] = (counts.sites, time.perf_counter() - start)
    sections = news_sections(sites)
    with index.deferred_gin_indexes(counts.articles + counts.legal + counts.questions, out):
        _seed_content(counts, sites, sections, rng, now, out, batch, timings)
        index.finish()  # before the GIN indexes are rebuilt: the update then touches no GIN index
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    timings["total"] = (sum(n for n, _s in timings.values()), time.perf_counter() - start)
    return timings


def _seed_content(counts, sites, sections, rng, now, out, batch, timings):
    from congtt.content.models import ArticlePage

    planted = ArticlePage.objects.filter(title=known_items()[0].title).exists()  # by an earlier run
    by_kind = {
        k: [i for i in known_items() if i.kind == k and not planted] for k in ("article", "legal", "question")
    }
    p = seed_articles(sections, counts.articles, rng, now, out, batch, by_kind["article"][: counts.articles])
    timings["articles"] = (counts.articles, p.seconds)
    p = seed_legal(sites, counts.legal, rng, now, out, batch, by_kind["legal"][: counts.legal])
    timings["legal"] = (counts.legal, p.seconds)
    p = seed_procedures(sites, counts.procedures, rng, now, out, batch)
    timings["procedures"] = (counts.procedures, p.seconds)
    p = seed_questions(sites, counts.questions, rng, now, out, batch, by_kind["question"][: counts.questions])
    timings["questions"] = (counts.questions, p.seconds)
