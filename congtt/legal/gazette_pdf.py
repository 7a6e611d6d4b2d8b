"""The PDF of a gazette issue (CNT-10): masthead, number, date and the documents it publishes.

Rendered with WeasyPrint through ``congtt.content.pdf`` (local files only) and stored as a Wagtail
document in the site's collection, so the public issue page offers it for download.
"""

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection


def _profile(issue):
    from congtt.network.models import SiteProfile

    return SiteProfile.objects.filter(site_id=issue.site_id).select_related("collection").first()


def render_issue_pdf(issue, profile=None) -> bytes:
    from congtt.content.pdf import render_pdf

    profile = profile or _profile(issue)
    documents = list(issue.ordered_documents().published().with_related())
    html = render_to_string(
        "legal/gazette_pdf.html", {"issue": issue, "documents": documents, "profile": profile}
    )
    return render_pdf(html, "http://localhost/")


def attach_pdf(issue):
    """Render the issue's PDF, store it as a document and link it to the issue; returns the document."""
    profile = _profile(issue)
    collection = (profile.collection if profile else None) or Collection.get_first_root_node()
    title = _("Công báo số %(number)s năm %(year)s") % {"number": issue.number, "year": issue.year}
    document = get_document_model()(title=title, collection=collection)
    document.file.save(
        f"cong-bao-{issue.year}-so-{issue.number}.pdf",
        ContentFile(render_issue_pdf(issue, profile)),
        save=False,
    )
    document.save()
    type(issue).objects.filter(pk=issue.pk).update(pdf=document)
    issue.pdf = document
    return document
