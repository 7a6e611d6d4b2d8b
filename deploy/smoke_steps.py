"""Steps of deploy/smoke.sh that need Django: find what to request, and publish/unpublish like an editor.

    python deploy/smoke_steps.py targets HOST      -> KEY=VALUE lines (paths to request, texts to expect)
    python deploy/smoke_steps.py publish PAGE_ID TITLE
    python deploy/smoke_steps.py unpublish PAGE_ID
    python deploy/smoke_steps.py pending           -> number of tasks still queued or running

publish/unpublish go through Wagtail's own actions (a revision saved and published by an editor, the
page unpublished by that editor), so Wagtail's signals run as in the admin: the app's page cache is
invalidated and wagtail.contrib.frontend_cache sends PURGE to nginx (FRONTEND_CACHE_URL).
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congtt.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from wagtail.documents import get_document_model  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from congtt.content.models import ArticlePage  # noqa: E402
from congtt.legal.models import LegalDocument, LegalDocumentIndexPage  # noqa: E402


def _path(page) -> str:
    return page.get_url_parts()[2]


def targets(hostname: str) -> None:
    site = Site.objects.get(hostname=hostname)
    root = site.root_page
    article = ArticlePage.objects.live().public().descendant_of(root).filter(locale=root.locale).first()
    index = LegalDocumentIndexPage.objects.live().descendant_of(root).filter(locale=root.locale).first()
    docs = LegalDocument.objects.published().filter(site=site).select_related("form").order_by("pk")
    wanted = docs.first()
    other = docs.exclude(form=wanted.form).first() or docs.exclude(pk=wanted.pk).first()
    document = get_document_model().objects.exclude(file="").order_by("pk").first()
    values = {
        "ARTICLE_ID": article.pk,
        "ARTICLE_PATH": _path(article),
        "ARTICLE_TITLE": article.title,
        "LEGAL_PATH": _path(index),
        "LEGAL_QUERY": "?" + urlencode({"form": wanted.form.code, "number": wanted.number}),
        "LEGAL_WANTED": wanted.number,
        "LEGAL_OTHER": other.number,
        "MEDIA_PATH": document.file.url,
    }
    for key, value in values.items():
        print(f"{key}={value}")


def pending() -> None:
    from django_tasks_db.models import DBTaskResult

    print(DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count())


def _editor():
    return get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("pk").first()


def publish(page_id: int, title: str) -> None:
    page = Page.objects.get(pk=page_id).specific
    page.title = title
    revision = page.save_revision(user=_editor(), log_action=True)
    revision.publish(user=_editor())


def unpublish(page_id: int) -> None:
    Page.objects.get(pk=page_id).specific.unpublish(user=_editor(), log_action=True)


if __name__ == "__main__":
    action, *args = sys.argv[1:]
    if action == "targets":
        targets(args[0])
    elif action == "publish":
        publish(int(args[0]), args[1])
    elif action == "pending":
        pending()
    elif action == "unpublish":
        unpublish(int(args[0]))
    else:
        sys.exit(f"unknown step {action}")
