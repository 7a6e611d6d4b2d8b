"""Translation catalogues: the project's own (congtt/locale/) and the complete Vietnamese catalogues of Wagtail
and wagtail-localize that the project carries (congtt/locale_wagtail/<package>/vi/LC_MESSAGES/).

Three jobs, each a plain function used by a management command and by `make install`:

- compile every .po into its .mo (with polib, so no gettext tools are needed on the machine);
- measure coverage per domain and language against the messages of the *installed* packages, so that the
  messages a Wagtail upgrade adds show up as untranslated;
- merge the installed packages' messages into the carried catalogues after an upgrade (new ones empty,
  vanished ones dropped, translations kept).

`python -m congtt.ops.catalogues` compiles without Django settings (used by `make install`).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import polib

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_LOCALE = PACKAGE_DIR / "locale"
WAGTAIL_LOCALE = PACKAGE_DIR / "locale_wagtail"
GLOSSARY = WAGTAIL_LOCALE / "glossary.tsv"
# The project's languages and the directory names their catalogues use (Django's `to_locale`).
LANGUAGES = {"vi": "vi", "en": "en", "zh-hans": "zh_Hans"}
PROJECT_LOCALE_DIRS = {"vi": "vi", "en": "en", "zh-hans": "zh"}


def carried_locale_dirs() -> list[Path]:
    """The per-package locale directories of congtt/locale_wagtail/, for LOCALE_PATHS."""
    return sorted(path for path in WAGTAIL_LOCALE.iterdir() if path.is_dir())


def package_locale_dir(package: str) -> Path | None:
    """Where an installed package (dotted name, e.g. 'wagtail.admin') keeps its catalogues."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "locale"
    return path if path.is_dir() else None


def compile_all(
    roots: tuple[Path, ...] = (PROJECT_LOCALE, WAGTAIL_LOCALE), force: bool = False
) -> list[Path]:
    """Write the .mo beside every .po that is newer than it (or every one when forced); returns those written."""
    written = []
    for root in roots:
        for po_path in sorted(root.rglob("*.po")):
            mo_path = po_path.with_suffix(".mo")
            if force or not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                written.append(mo_path)
    return written


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return entry.msgctxt, entry.msgid


def _translated(entry: polib.POEntry) -> bool:
    return entry.translated() and "fuzzy" not in entry.flags


@dataclass(frozen=True)
class Coverage:
    domain: str  # "wagtail.admin/django", "congtt/django", …
    language: str
    translated: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def _source_entries(package: str, domain: str) -> list[polib.POEntry] | None:
    """The messages of an installed package's domain (its English catalogue holds every msgid)."""
    locale_dir = package_locale_dir(package)
    source = locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po" if locale_dir else None
    if source is None or not source.exists():
        return None
    return [entry for entry in polib.pofile(str(source)) if not entry.obsolete]


def _count(source: list[polib.POEntry], catalogue: Path | None) -> int:
    if catalogue is None or not catalogue.exists():
        return 0
    done = {_key(entry) for entry in polib.pofile(str(catalogue)) if _translated(entry)}
    return sum(1 for entry in source if _key(entry) in done)


def carried_catalogues() -> list[tuple[str, str]]:
    """(package, domain) of every catalogue carried under congtt/locale_wagtail/."""
    return sorted(
        (path.name, po.stem)
        for path in carried_locale_dirs()
        for po in (path / "vi" / "LC_MESSAGES").glob("*.po")
    )


def coverage() -> list[Coverage]:
    """Per-domain coverage for vi, en and zh-hans.

    Wagtail domains: vi is measured on the carried catalogue, zh-hans on Wagtail's own (the admin is not
    offered in Chinese), en is the source language. The project's own domain is measured on congtt/locale/.
    """
    rows = []
    project_source = polib.pofile(str(PROJECT_LOCALE / "vi" / "LC_MESSAGES" / "django.po"))
    project = [entry for entry in project_source if not entry.obsolete]
    for language, directory in PROJECT_LOCALE_DIRS.items():
        catalogue = PROJECT_LOCALE / directory / "LC_MESSAGES" / "django.po"
        rows.append(Coverage("congtt/django", language, _count(project, catalogue), len(project)))
    for package, domain in carried_catalogues():
        source = _source_entries(package, domain)
        if source is None:  # the package no longer ships this domain
            continue
        name = f"{package}/{domain}"
        carried = WAGTAIL_LOCALE / package / "vi" / "LC_MESSAGES" / f"{domain}.po"
        shipped_zh = package_locale_dir(package) / LANGUAGES["zh-hans"] / "LC_MESSAGES" / f"{domain}.po"
        rows.append(Coverage(name, "vi", _count(source, carried), len(source)))
        rows.append(Coverage(name, "en", len(source), len(source)))
        rows.append(Coverage(name, "zh-hans", _count(source, shipped_zh), len(source)))
    return rows


def missing_packages() -> list[tuple[str, str]]:
    """Domains the installed Wagtail packages ship that the project does not carry yet."""
    carried = set(carried_catalogues())
    found = []
    for package in ("wagtail", "wagtail_localize"):
        root = package_locale_dir(package)
        if root is None:
            continue
        base = root.parent.parent
        for source in base.glob(f"{package}/**/locale/en/LC_MESSAGES/*.po"):
            dotted = ".".join(
                source.relative_to(base).parents[3].parts
            )  # <package>/locale/en/LC_MESSAGES/x.po
            if (dotted, source.stem) not in carried:
                found.append((dotted, source.stem))
    return sorted(set(found))


def update(package: str, domain: str) -> tuple[int, int]:
    """Merge an installed package's messages into the carried Vietnamese catalogue; returns (added, dropped)."""
    source = _source_entries(package, domain)
    if source is None:
        raise LookupError(f"{package} does not ship the {domain} domain")
    path = WAGTAIL_LOCALE / package / "vi" / "LC_MESSAGES" / f"{domain}.po"
    old = polib.pofile(str(path), wrapwidth=100) if path.exists() else None
    kept = {_key(entry): entry for entry in old} if old else {}
    new = polib.POFile(wrapwidth=100)
    new.metadata = (
        old.metadata
        if old
        else {
            "Project-Id-Version": f"congtt {package}",
            "Language": "vi",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
    )
    new.header = old.header if old else f"Vietnamese translation of {package} ({domain}) for congtt."
    added = 0
    for entry in source:
        previous = kept.get(_key(entry))
        fresh = polib.POEntry(
            msgid=entry.msgid,
            msgid_plural=entry.msgid_plural,
            msgctxt=entry.msgctxt,
            occurrences=entry.occurrences,
            comment=entry.comment,
            flags=[flag for flag in entry.flags if flag != "fuzzy"],
        )
        if entry.msgid_plural:
            fresh.msgstr_plural = {0: previous.msgstr_plural.get(0, "") if previous else ""}
        else:
            fresh.msgstr = previous.msgstr if previous else ""
        added += previous is None
        new.append(fresh)
    path.parent.mkdir(parents=True, exist_ok=True)
    new.save(str(path))
    dropped = len({k for k in kept if k[1]} - {_key(entry) for entry in source})
    return added, dropped


PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|\{[A-Za-z_0-9.]*\}"
)
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _translated_entries(path: Path):
    """(entry, its source text, its first translation) for every translated, live entry of a catalogue."""
    for entry in polib.pofile(str(path)):
        target = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
        if not entry.obsolete and target:
            yield entry, entry.msgid_plural or entry.msgid, target


def _report(path: Path, entry: polib.POEntry, wrong: list[str], suffix: str = "") -> str:
    name = path.relative_to(PACKAGE_DIR) if path.is_relative_to(PACKAGE_DIR) else path
    return f"{name}: {entry.msgid[:70]!r}: {', '.join(wrong)}{suffix}"


def problems(path: Path) -> list[str]:
    """What would break a page if this catalogue were loaded: a translation whose placeholders or HTML tags
    differ from its message's, or that drops the message's leading or trailing newline."""
    found = []
    for entry, source, target in _translated_entries(path):
        wrong = []
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(target)):
            wrong.append("placeholders")
        if sorted(TAG.findall(source)) != sorted(TAG.findall(target)):
            wrong.append("HTML tags")
        if source.startswith("\n") != target.startswith("\n") or source.endswith("\n") != target.endswith(
            "\n"
        ):
            wrong.append("newlines")
        if wrong:
            found.append(_report(path, entry, wrong, " differ"))
    return found


# The modern ("hoá", "thuỷ") tone placement on an open final syllable; the regulations write "hóa", "thủy".
MODERN_TONE = re.compile(r"\w*(?<![qQ])(?:[oO][àáảãạèéẻẽẹ]|[uU][ỳýỷỹỵ])(?!\w)")
NEVER = re.compile(r'never "([^"]+)"')


def avoided_terms(glossary: Path | None = None) -> list[str]:
    """The renderings the glossary's notes forbid (`never "hủy xuất bản"`)."""
    text = (glossary or GLOSSARY).read_text()
    return [term for line in text.splitlines() if not line.startswith("#") for term in NEVER.findall(line)]


def terminology_problems(path: Path) -> list[str]:
    """Vietnamese translations that break the glossary: a rendering its notes forbid, or the modern tone
    placement (hoá, xoá, thuỷ) where the regulations use the traditional one."""
    avoided = [term.lower() for term in avoided_terms()]
    found = []
    for entry, _source, target in _translated_entries(path):
        text = TAG.sub(" ", PLACEHOLDER.sub(" ", target))  # "%(email)s" is code, not wording
        lowered = text.lower()
        wrong = [f"“{term}”" for term in avoided if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", lowered)]
        wrong += [f"“{match}” (write the traditional tone placement)" for match in MODERN_TONE.findall(text)]
        if wrong:
            found.append(_report(path, entry, wrong))
    return found


def format_table(rows: list[Coverage]) -> str:
    """A Markdown table: one row per domain, one column per language."""
    languages = list(LANGUAGES)
    table = {}
    for row in rows:
        table.setdefault(row.domain, {})[row.language] = row
    lines = ["| domain | " + " | ".join(languages) + " |", "|---|" + "---|" * len(languages)]
    for domain, cells in table.items():
        shown = [
            f"{cells[lang].translated}/{cells[lang].total} ({cells[lang].percent:.0f} %)"
            if lang in cells
            else "–"
            for lang in languages
        ]
        lines.append(f"| {domain} | " + " | ".join(shown) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """`make install` compiles the catalogues before Django is configured."""
    written = compile_all(force="--force" in argv)
    print(f"{len(written)} catalogue(s) compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
