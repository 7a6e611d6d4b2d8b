"""Submissions (EDT-2, EDT-6) and board membership (EDT-1): the small public functions of the app."""

import email
import email.policy
import hashlib
import html
import io
import logging
import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.rich_text import RichText

from congtt.network.models import SiteProfile, SiteRoleGroup
from congtt.network.scoping import ALL, is_network_manager, site_ids_with_permission
from congtt.vntext import repair, slugify_vi

from . import docx_import
from .models import Channel, Submission

logger = logging.getLogger(__name__)


class EditorialError(Exception):
    """A board action that cannot be done; the message is Vietnamese and shown to the user."""


# --- board membership ------------------------------------------------------------------------------


def can_manage_board(user, site) -> bool:
    """Site administrators and network managers assign roles (EDT-1)."""
    if is_network_manager(user):
        return True
    return SiteRoleGroup.objects.filter(site=site, role="admin", group__user=user).exists()


def manageable_sites(user):
    profiles = SiteProfile.objects.select_related("site").order_by("kind__order", "agency_name")
    if is_network_manager(user):
        return profiles
    return profiles.filter(site__role_groups__role="admin", site__role_groups__group__user=user).distinct()


def board_of(site) -> list[tuple[str, object]]:
    """[(role code, user)] of everyone holding a role on ``site``, in role order."""
    from congtt.network.roles import ROLES

    order = {role.code: i for i, role in enumerate(ROLES)}
    rows = []
    for role_group in SiteRoleGroup.objects.filter(site=site).select_related("group"):
        for user in role_group.group.user_set.order_by("last_name", "first_name", "username"):
            rows.append((role_group.role, user))
    rows.sort(key=lambda row: (order.get(row[0], 99), row[1].get_full_name() or row[1].username))
    return rows


@transaction.atomic
def give_role(actor, user, site, role: str, field_ids=()) -> None:
    from congtt.network.roles import ROLE_BY_CODE

    from . import fields

    if not can_manage_board(actor, site):
        raise PermissionDenied
    if role not in ROLE_BY_CODE:
        raise EditorialError(_("Vai trò không hợp lệ."))
    SiteRoleGroup.objects.get(site=site, role=role).group.user_set.add(user)
    if role == "member":
        fields.set_member_fields(site, user, field_ids)
    log(
        instance=site.profile,
        action="editorial.assign_role",
        user=actor,
        data={"user": user.get_username(), "role": role, "site": site.hostname},
    )


@transaction.atomic
def remove_role(actor, user, site, role: str) -> None:
    from . import fields

    if not can_manage_board(actor, site):
        raise PermissionDenied
    group = SiteRoleGroup.objects.get(site=site, role=role).group
    group.user_set.remove(user)
    if role == "member":
        fields.set_member_fields(site, user, ())
    log(
        instance=site.profile,
        action="editorial.remove_role",
        user=actor,
        data={"user": user.get_username(), "role": role, "site": site.hostname},
    )


# --- submissions -----------------------------------------------------------------------------------


def user_can(user, perm: str, site) -> bool:
    ids = site_ids_with_permission(user, perm)
    return ids is ALL or site.pk in ids


def site_collection(site):
    profile = SiteProfile.objects.filter(site=site).select_related("collection").first()
    if profile and profile.collection:
        return profile.collection
    from wagtail.models import Collection

    return Collection.get_first_root_node()


def store_document(site, filename: str, data: bytes, user=None):
    """Save bytes as a Wagtail document in the site's collection; None for types the portal refuses."""
    from wagtail.documents import get_document_model

    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    if allowed and ext not in allowed and ext != "eml":
        logger.warning("editorial: attachment %s refused (type .%s)", filename, ext)
        return None
    Document = get_document_model()
    document = Document(title=filename[:255], collection=site_collection(site), uploaded_by_user=user)
    document.file.save(filename, ContentFile(data), save=False)
    document.save()
    return document


def import_docx(submission, uploaded, user=None) -> docx_import.DocxResult:
    """Fill ``submission.content`` from a .docx (images into the site's collection); keep the original."""
    docx_import.validate_docx(uploaded)
    data = uploaded.read()
    maker = docx_import.wagtail_image_maker(site_collection(submission.site), submission.title, user)
    result = docx_import.convert_docx(io.BytesIO(data), make_image=maker)
    submission.content = result.html
    if submission.original_file_id is None:
        submission.original_file = store_document(
            submission.site, getattr(uploaded, "name", "phieu.docx"), data, user
        )
    return result


_EMBED = re.compile(r'(<embed[^>]*embedtype="image"[^>]*/>)')
_ID = re.compile(r'\bid="(\d+)"')
_ALT = re.compile(r'\balt="([^"]*)"')


def content_to_body(content: str, attachments=()) -> list:
    """Stream blocks of an article from a submission's rich text: paragraphs, images, files."""
    blocks = []
    for part in _EMBED.split(content or ""):
        if _EMBED.fullmatch(part):
            image_id = _ID.search(part)
            alt = _ALT.search(part)
            if image_id:
                blocks.append(
                    (
                        "image",
                        {
                            "image": int(image_id.group(1)),
                            "caption": "",
                            "alt": html.unescape(alt.group(1)) if alt else "",
                        },
                    )
                )
            continue
        text = re.sub(r"^\s*</p>|<p>\s*$", "", part.strip())
        if re.sub(r"<[^>]+>|\s", "", text):
            blocks.append(("paragraph", RichText(text)))
    for document in attachments:
        blocks.append(("document", {"document": document, "title": document.title}))
    return blocks


def _unique_slug(parent, title):
    base = slugify_vi(title, max_length=70) or "tin-bai"
    slug, n = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def convert_submission(submission, user):
    """Turn a received submission into a draft article in its section and start the board's workflow."""
    from congtt.content.models import ArticlePage, SectionPage

    from .workflow import site_for_page

    if not user_can(user, "editorial.convert_submission", submission.site):
        raise PermissionDenied
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != Submission.Status.RECEIVED:
        raise EditorialError(_("Phiếu này đã được xử lý, không thể chuyển thành tin bài nữa."))
    section = submission.section.specific if submission.section_id else None
    if not isinstance(section, SectionPage) or site_for_page(section) != submission.site:
        raise EditorialError(_("Hãy chọn chuyên mục đăng tin thuộc trang của phiếu trước khi chuyển."))
    article = ArticlePage(
        title=submission.title,
        slug=_unique_slug(section, submission.title),
        summary=submission.summary,
        body=content_to_body(submission.content, submission.attachments.all()),
        authors=[("author", {"name": name, "role": ""}) for name in submission.author_names()],
        source_name=submission.source or submission.unit_name,
        source_url=(submission.source_page.full_url or "") if submission.source_page_id else "",
        live=False,
        owner=user,
        locale_id=section.locale_id,
    )
    section.add_child(instance=article)
    article.save_revision(user=user, log_action=True)
    submission.status = Submission.Status.CONVERTED
    submission.article = article
    submission.save(update_fields=["status", "article", "updated_at"])
    from . import fields

    fields.copy_submission_field(submission, article)
    log(
        instance=article,
        action="editorial.from_submission",
        user=user,
        data={
            "submission": submission.pk,
            "channel": submission.get_channel_display(),
            "unit": submission.unit_name,
            "officer": submission.officer.get_username() if submission.officer else "",
        },
    )
    workflow = article.get_workflow()
    if workflow is not None:
        workflow.start(article, user)
    return article


@transaction.atomic
def close_submission(submission, user, status: str, note: str = ""):
    """Withdraw (the unit) or refuse (the board) a received submission, with a note."""
    if status not in (Submission.Status.WITHDRAWN, Submission.Status.REJECTED):
        raise EditorialError(_("Trạng thái không hợp lệ."))
    perm = (
        "editorial.convert_submission"
        if status == Submission.Status.REJECTED
        else "editorial.change_submission"
    )
    if not user_can(user, perm, submission.site):
        raise PermissionDenied
    if submission.status != Submission.Status.RECEIVED:
        raise EditorialError(_("Phiếu này đã được xử lý."))
    if status == Submission.Status.REJECTED and not note.strip():
        raise EditorialError(_("Hãy ghi lý do không đăng."))
    submission.status = status
    submission.status_note = note.strip()
    submission.save(update_fields=["status", "status_note", "updated_at"])
    return submission


# --- inbound e-mail --------------------------------------------------------------------------------


def _text_to_html(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br/>") + "</p>" for p in paragraphs)


def ingest_message(raw: bytes, site, user=None):
    """Create a submission (channel e-mail) from one raw message; None when already ingested (Message-ID)."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    message_id = (str(message.get("Message-ID") or "")).strip()[:255] or "sha256:" + hashlib.sha256(
        raw
    ).hexdigest()
    if Submission.objects.filter(site=site, message_id=message_id).exists():
        return None
    subject = repair(str(message.get("Subject") or "").strip()) or _("(Thư không có tiêu đề)")
    with transaction.atomic():
        submission = Submission(
            site=site,
            title=subject[:255],
            channel=Channel.EMAIL,
            sender=str(message.get("From") or "")[:255],
            message_id=message_id,
            created_by=user,
        )
        body = message.get_body(preferencelist=("html", "plain"))
        content = ""
        if body is not None:
            text = body.get_content()
            if body.get_content_type() == "text/html":
                content = docx_import._clean(docx_import._repair_text(text))
                content = re.sub(r"^[^<]+", "", content)
            else:
                content = _text_to_html(repair(text))
        submission.content = content
        submission.save()
        submission.original_file = store_document(site, "thu-goc.eml", raw, user)
        documents = []
        for part in message.iter_attachments():
            filename = part.get_filename() or "tep-dinh-kem"
            data = part.get_payload(decode=True) or b""
            if filename.lower().endswith(".docx"):
                try:
                    result = docx_import.convert_docx(
                        io.BytesIO(data),
                        make_image=docx_import.wagtail_image_maker(site_collection(site), subject, user),
                    )
                    submission.content = (submission.content or "") + result.html
                except Exception:  # noqa: BLE001 - a broken attachment is kept as a file only
                    logger.warning("editorial: %s in %s could not be converted", filename, message_id)
            document = store_document(site, filename, data, user)
            if document is not None:
                documents.append(document)
        submission.save()
        submission.attachments.set(documents)
    return submission
