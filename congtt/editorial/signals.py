"""Workflow for new sites; e-mail to the people who must act at each step."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from wagtail.signals import task_rejected, task_submitted, workflow_approved

from congtt.network.models import SiteProfile

logger = logging.getLogger(__name__)


@receiver(post_save, sender=SiteProfile)
def site_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .workflow import setup_site_workflow

        setup_site_workflow(instance.site)


def _page(task_state):
    return task_state.workflow_state.content_object


@receiver(task_submitted)
def on_task_submitted(sender, instance, user=None, **kwargs):
    from .models import EditorialTask
    from .notifications import notify
    from .workflow import actors_for

    task = instance.task.specific
    if not isinstance(task, EditorialTask):
        return
    page = _page(instance)
    notify(
        actors_for(task, page),
        _("[Ban biên tập] Cần xử lý: %(title)s") % {"title": page.title},
        _("Tin bài “%(title)s” đang chờ bước “%(step)s”. Hạn xử lý: %(due)s.")
        % {"title": page.title, "step": task.name, "due": _due(instance)},
    )


def _due(task_state):
    from .rules import review_due_date

    return review_due_date(task_state.started_at).strftime("%d/%m/%Y")


@receiver(task_rejected)
def on_task_rejected(sender, instance, user=None, **kwargs):
    from .notifications import notify

    page = _page(instance)
    notify(
        [instance.workflow_state.requested_by, getattr(page, "owner", None)],
        _("[Ban biên tập] Tin bài bị trả lại: %(title)s") % {"title": page.title},
        _("Tin bài “%(title)s” bị trả lại ở bước “%(step)s”. %(comment)s")
        % {"title": page.title, "step": instance.task.name, "comment": instance.comment},
    )


@receiver(workflow_approved)
def on_workflow_approved(sender, instance, user=None, **kwargs):
    from .notifications import notify

    page = instance.content_object
    notify(
        [instance.requested_by],
        _("[Ban biên tập] Đã xuất bản: %(title)s") % {"title": page.title},
        _("Tin bài “%(title)s” đã được duyệt và xuất bản.") % {"title": page.title},
    )


def _on_page_published(sender, instance, **kwargs):
    from .deadlines import mark_published

    try:
        mark_published(instance)
    except Exception:  # noqa: BLE001 - tracking must never block a publication
        logger.exception("editorial: could not record publication of page %s", instance.pk)


from wagtail.signals import page_published  # noqa: E402

page_published.connect(_on_page_published, dispatch_uid="editorial_deadline_published")


def _track_record(track, instance, raw=False):
    """Record ``instance``'s publication deadline with ``track``; never blocks saving the record."""
    if raw:
        return
    try:
        with transaction.atomic():  # a savepoint: a failure here leaves the caller's transaction usable
            track(instance)
    except Exception:  # noqa: BLE001 - tracking must never block saving the record
        logger.exception("editorial: could not track the deadline of %r", instance)


def _on_legal_document_saved(sender, instance, raw=False, **kwargs):
    from . import record_deadlines

    _track_record(record_deadlines.track_legal_document, instance, raw)


def _on_disclosure_saved(sender, instance, raw=False, **kwargs):
    from . import record_deadlines

    _track_record(record_deadlines.track_disclosure, instance, raw)


def _on_article_saved(sender, instance, raw=False, **kwargs):
    from . import record_deadlines

    _track_record(record_deadlines.track_article, instance, raw)


post_save.connect(_on_article_saved, sender="content.ArticlePage", dispatch_uid="editorial_deadline_article")
post_save.connect(
    _on_legal_document_saved, sender="legal.LegalDocument", dispatch_uid="editorial_deadline_legal"
)
post_save.connect(
    _on_disclosure_saved, sender="disclosures.DisclosurePage", dispatch_uid="editorial_deadline_disclosure"
)


def _on_contributor_deleted(sender, instance, **kwargs):
    """A contributor struck from the register leaves the site's contributor group (EDT-10)."""
    from .contributors import sync_group

    if instance.user_id:
        instance.is_active = False
        sync_group(instance)


post_delete.connect(
    _on_contributor_deleted, sender="editorial.Contributor", dispatch_uid="editorial_contributor_deleted"
)
