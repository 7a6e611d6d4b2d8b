"""Finding English interface words in what a Vietnamese user sees (issue 10): the walk over the admin
screens and the check over the catalogues share this."""

import re
from html.parser import HTMLParser

# Common English words of Wagtail's interface. Product names (Wagtail, Django), file types and the
# content of the demo pages are not in it.
ENGLISH = {
    "account",
    "actions",
    "active",
    "add",
    "all",
    "cancel",
    "choose",
    "collection",
    "collections",
    "copy",
    "created",
    "dashboard",
    "delete",
    "documents",
    "draft",
    "edit",
    "email",
    "filter",
    "filters",
    "groups",
    "help",
    "history",
    "images",
    "live",
    "locked",
    "log",
    "more",
    "move",
    "name",
    "next",
    "owner",
    "pages",
    "password",
    "preview",
    "previous",
    "private",
    "publish",
    "published",
    "reports",
    "revisions",
    "save",
    "search",
    "select",
    "settings",
    "show",
    "sites",
    "snippets",
    "sort",
    "status",
    "submit",
    "title",
    "unpublish",
    "updated",
    "upload",
    "users",
    "view",
    "workflow",
    "workflows",
    "yes",
    "no",
    "close",
    "toggle",
    "sidebar",
    "menu",
    "explorer",
    "page",
    "image",
    "document",
    "user",
    "group",
    "locale",
    "locales",
    "redirects",
    "tasks",
    "task",
    "latest",
    "your",
    "the",
    "and",
    "of",
    "to",
    "for",
    "with",
}
ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
WORD = re.compile(r"(?<!\w)[A-Za-z]+(?!\w)")  # a whole word: "toàn" holds no "to"


class VisibleText(HTMLParser):
    """Text a user sees or hears: text nodes outside script/style/template, and labelling attributes."""

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template", "svg"):
            self.hidden += 1
        for name, value in attrs:
            if name in ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template", "svg") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(data.strip())


TIME_ZONE_NAME = re.compile(r"^[A-Z][A-Za-z]+/[A-Za-z_/-]+$")


def english_words(html, content=frozenset()):
    """English UI words in what the page shows, leaving out editors' content (page titles of the English
    edition, for instance) and time-zone names."""
    parser = VisibleText()
    parser.feed(html)
    found = set()
    for text in parser.parts:
        if any(title in text for title in content) or TIME_ZONE_NAME.match(text):
            continue
        for word in WORD.findall(text):
            if word.lower() in ENGLISH and not word.isupper():
                found.add(f"{word} ← {text[:80]}")
    return found


CODE = re.compile(
    r"[A-Za-z]+(?:-[A-Za-z]+)+|<code>.*?</code>|<[^>]+>|%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[sd]|\{[^{}]*\}",
    re.S,
)


def english_in_translation(text):
    """English UI words in a translation, outside code (<code>, tags, placeholders, header names)."""
    return [
        word for word in WORD.findall(CODE.sub(" ", text)) if word.lower() in ENGLISH and not word.isupper()
    ]
