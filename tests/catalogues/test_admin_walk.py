"""A Vietnamese-language administrator walks the main admin screens and sees no English UI words (issue 10).

The screens: dashboard, page explorer, page editor (home and a section), history, add/move/copy/delete,
workflow and task screens, images, documents, a snippet listing and form, users, groups, sites, locales,
redirects, site settings, page search, the reports, account and collections. A failure names the screen,
the English word and the text it sits in: translate the message in congtt/locale_wagtail/ (or, when
Wagtail prints literal English, see congtt/ops/admin_labels.py and the copies under congtt/templates/).
"""

import polib
import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Task, Workflow

from congtt.ops import catalogues

from .english import english_words

pytestmark = pytest.mark.django_db


def screens(site):
    home = site.root_page
    child = home.get_children().first()
    workflow = Workflow.objects.first()
    task = Task.objects.first()
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_pages:edit", args=[home.pk]),
        reverse("wagtailadmin_pages:history", args=[home.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[home.pk]),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:add"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailsites:index"),
        reverse("wagtaillocales:index"),
        reverse("wagtailredirects:index"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_collections:index"),
        reverse("wagtailadmin_collections:add"),
        reverse("wagtailadmin_pages:edit", args=[child.pk]),
        reverse("wagtailadmin_pages:move", args=[child.pk]),
        reverse("wagtailadmin_pages:copy", args=[child.pk]),
        reverse("wagtailadmin_pages:delete", args=[child.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[child.pk]),
        reverse("wagtailadmin_workflows:edit", args=[workflow.pk]),
        reverse("wagtailadmin_workflows:add"),
        reverse("wagtailadmin_workflows:edit_task", args=[task.pk]),
        reverse("wagtailadmin_workflows:select_task_type"),
        reverse("wagtailsnippets_legal_legaldocument:list"),
        reverse("wagtailsnippets_legal_legaldocument:add"),
        reverse("wagtailsettings:edit", args=["citizen", "citizensettings", site.pk]),
        reverse("wagtailadmin_pages:search") + "?q=tin",
        reverse("wagtailadmin_reports:page_types_usage"),
    ]


def assert_no_english(client, urls):
    """Every screen answers 200 and shows no English UI word; editors' content (page titles) is left out."""
    content = frozenset(Page.objects.filter(depth__gt=1).values_list("title", flat=True))
    leaks = {}
    for url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200, url
        words = english_words(response.content.decode(), content)
        if words:
            leaks[url] = sorted(words)
    assert not leaks, "\n".join(f"{url}: {words}" for url, words in leaks.items())


@pytest.fixture
def administrator(django_user_model):
    return django_user_model.objects.create_superuser(
        "quantri", "quantri@example.gov.vn", "mat-khau-dai-12345"
    )


def test_admin_screens_show_no_english(client, portal, administrator):
    client.force_login(administrator)
    assert_no_english(
        client, [*screens(portal.site), reverse("wagtailusers_users:edit", args=[administrator.pk])]
    )


def test_the_walk_finds_english():
    """The detector itself: English interface text is caught, Vietnamese text and content are not."""
    html = (
        '<main><h1>Trang</h1><button title="Save draft">Lưu</button><script>var Edit = 1</script>'
        "<p>Tin tức</p><p>News and events</p><p>Asia/Ho_Chi_Minh</p></main>"
    )
    assert english_words(html, frozenset({"News and events"})) == {"Save ← Save draft", "draft ← Save draft"}


def test_carried_catalogues_take_precedence_over_wagtails():
    """A message that Wagtail's own vi catalogue words differently is shown as the project words it."""
    shipped = polib.pofile(
        str(catalogues.package_locale_dir("wagtail.admin") / "vi" / "LC_MESSAGES" / "django.po")
    )
    theirs = {(e.msgctxt, e.msgid): e.msgstr for e in shipped if e.msgstr and not e.msgid_plural}
    ours = polib.pofile(str(catalogues.WAGTAIL_LOCALE / "wagtail.admin" / "vi" / "LC_MESSAGES" / "django.po"))
    differing = [
        e
        for e in ours
        if not e.msgctxt
        and not e.msgid_plural
        and e.msgstr
        and e.msgstr != theirs.get((None, e.msgid), e.msgstr)
    ]
    untranslated_there = [
        e for e in ours if not e.msgctxt and not e.msgid_plural and e.msgstr and (None, e.msgid) not in theirs
    ]
    samples = (differing[:5] + untranslated_there[:5]) or pytest.fail("no carried translation to check")
    with translation.override("vi"):
        for entry in samples:
            assert translation.gettext(entry.msgid) == entry.msgstr


def test_an_editor_sees_no_english_either(client, portal, django_user_model):
    """A secretary of the portal's board (no superuser rights) on the screens of daily work."""
    from congtt.network.services import assign_role

    editor = django_user_model.objects.create_user("thuky", "thuky@langson.gov.vn", "mat-khau-dai-12345")
    assign_role(editor, portal.site, "secretary")
    client.force_login(editor)
    home = portal.site.root_page
    child = home.get_children().first()
    assert_no_english(
        client,
        [
            reverse("wagtailadmin_home"),
            reverse("wagtailadmin_explore", args=[home.pk]),
            reverse("wagtailadmin_pages:edit", args=[child.pk]),
            reverse("wagtailadmin_pages:add_subpage", args=[child.pk]),
            reverse("wagtailadmin_pages:history", args=[child.pk]),
            reverse("wagtailimages:index"),
            reverse("wagtaildocs:index"),
            reverse("wagtailadmin_account"),
        ],
    )
