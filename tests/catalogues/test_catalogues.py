"""The carried Vietnamese catalogues of Wagtail and wagtail-localize (issue 10) and the tools around them."""

import shutil

import polib
import pytest
from django.core.management import call_command

from congtt.ops import catalogues

from .english import english_in_translation


def all_catalogues():
    return sorted([*catalogues.PROJECT_LOCALE.rglob("*.po"), *catalogues.WAGTAIL_LOCALE.rglob("*.po")])


def over(paths):
    """Parametrise a test over catalogue files, named by their path under congtt/."""
    return pytest.mark.parametrize(
        "path", paths, ids=lambda path: str(path.relative_to(catalogues.PACKAGE_DIR))
    )


@over(all_catalogues())
def test_no_translation_breaks_a_page(path):
    assert catalogues.problems(path) == []


def test_problems_catches_a_dropped_placeholder(tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Edit '%(title)s'", msgstr="Sửa", flags=["python-format"]))
    po.append(polib.POEntry(msgid="<b>%s</b> pages", msgstr="<b>%s</b> trang"))
    po.save(str(tmp_path / "django.po"))
    assert len(catalogues.problems(tmp_path / "django.po")) == 1


def test_every_shipped_domain_is_carried():
    assert catalogues.missing_packages() == []


def test_compile_writes_the_mo_files(tmp_path):
    shutil.copytree(catalogues.WAGTAIL_LOCALE / "wagtail.sites", tmp_path / "wagtail.sites")
    written = catalogues.compile_all((tmp_path,), force=True)
    assert written == [tmp_path / "wagtail.sites" / "vi" / "LC_MESSAGES" / "django.mo"]
    assert catalogues.compile_all((tmp_path,)) == []  # up to date: nothing to do
    mo = polib.mofile(str(written[0]))
    assert len(mo.translated_entries()) == len(
        polib.pofile(str(written[0].with_suffix(".po"))).translated_entries()
    )


@pytest.fixture
def upgraded_wagtail(monkeypatch, tmp_path):
    """Wagtail as if upgraded: wagtail.sites gains a message; the carried catalogues are a scratch copy."""
    shutil.copytree(catalogues.WAGTAIL_LOCALE, tmp_path / "locale_wagtail")
    monkeypatch.setattr(catalogues, "WAGTAIL_LOCALE", tmp_path / "locale_wagtail")
    real = catalogues._source_entries

    def source_entries(package, domain):
        entries = real(package, domain)
        if package == "wagtail.sites":
            entries = [*entries, polib.POEntry(msgid="Site added in Wagtail 99")]
        return entries

    monkeypatch.setattr(catalogues, "_source_entries", source_entries)
    return tmp_path / "locale_wagtail" / "wagtail.sites" / "vi" / "LC_MESSAGES" / "django.po"


def test_an_upgrades_new_messages_show_as_untranslated(upgraded_wagtail):
    before = len(polib.pofile(str(upgraded_wagtail)).translated_entries())
    row = next(r for r in catalogues.coverage() if r.domain == "wagtail.sites/django" and r.language == "vi")
    assert row.total == len(polib.pofile(str(upgraded_wagtail))) + 1 and row.translated == before
    assert catalogues.update("wagtail.sites", "django") == (1, 0)
    po = polib.pofile(str(upgraded_wagtail))
    assert po.find("Site added in Wagtail 99").msgstr == ""
    assert len(po.translated_entries()) == before  # every translation kept


def test_coverage_command_prints_every_domain_and_language(capsys):
    call_command("translation_coverage")
    out = capsys.readouterr().out
    assert "| domain | vi | en | zh-hans |" in out
    for package, domain in catalogues.carried_catalogues():
        assert f"| {package}/{domain} |" in out
    assert "| congtt/django | 1" in out


def test_glossary_is_well_formed():
    rows = [
        line.split("\t")
        for line in catalogues.GLOSSARY.read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert rows[0] == ["english", "vietnamese", "note"]
    assert all(len(row) == 3 and row[0] and row[1] for row in rows[1:]), [r for r in rows if len(r) != 3]
    english = [row[0].lower() for row in rows[1:]]
    assert len(english) == len(set(english)), "a term is defined twice"


def vietnamese_catalogues():
    return sorted(
        [
            catalogues.PROJECT_LOCALE / "vi" / "LC_MESSAGES" / "django.po",
            *catalogues.WAGTAIL_LOCALE.rglob("*.po"),
        ]
    )


@over(vietnamese_catalogues())
def test_vietnamese_follows_the_glossary(path):
    assert catalogues.terminology_problems(path) == []


def test_terminology_check_catches_a_forbidden_term_and_modern_tone_marks(tmp_path):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Unpublish", msgstr="Hủy xuất bản"))
    po.append(polib.POEntry(msgid="Delete", msgstr="Xoá"))
    po.append(
        polib.POEntry(msgid="Precious", msgstr="Quý giá, hoàn toàn, khoáng sản")
    )  # correct in both styles
    po.append(
        polib.POEntry(msgid="Sent to %(email)s", msgstr="Đã gửi tới %(email)s")
    )  # a placeholder is code
    po.save(str(tmp_path / "django.po"))
    found = catalogues.terminology_problems(tmp_path / "django.po")
    assert len(found) == 2
    assert "hủy xuất bản" in found[0] and "Xoá" in found[1]


def test_glossary_notes_name_the_avoided_renderings():
    assert {"hủy xuất bản", "bộ sưu tập", "email"} <= set(catalogues.avoided_terms())


def test_every_catalogue_is_complete():
    """Vietnamese complete in every domain an editor meets; the project's own strings complete in all three."""
    short = [
        f"{row.domain} {row.language}: {row.translated}/{row.total}"
        for row in catalogues.coverage()
        if (row.language == "vi" or row.domain == "congtt/django") and row.translated < row.total
    ]
    assert short == []


@over(sorted(catalogues.WAGTAIL_LOCALE.rglob("*.po")))
def test_no_vietnamese_translation_leaves_english_ui_words(path):
    """Every screen, not only those the admin walk visits: no translation keeps "Save", "draft", "live"…"""
    found = [
        f"{entry.msgid[:50]!r} → {target[:60]!r}: {words}"
        for entry in polib.pofile(str(path))
        for target in [entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr]
        for words in [english_in_translation(target)]
        if words
    ]
    assert found == []


def test_the_english_check_skips_code_but_not_words():
    assert english_in_translation("Lưu bản draft") == ["draft"]
    assert (
        english_in_translation(
            "Cột <code>to</code>, %(page)s, {title}, tiêu đề “Referrer-Policy: no-referrer”"
        )
        == []
    )
