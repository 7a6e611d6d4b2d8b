"""Query-string parameters a public listing does not understand: ignored, and the reader is told so.

Every public page that reads its query string names the parameters it understands; the rest are
ignored and ``ignored_params_notice`` says which, in Vietnamese (the template escapes it). Tracking
parameters added by campaigns and social networks are always harmless and never mentioned.
"""

from django.utils.translation import gettext as _

from congtt.vntext.query import clean_text

# Added to links by analytics, advertising and social networks; a page never reads them.
HARMLESS_PARAMS = frozenset(
    {"fbclid", "gclid", "gbraid", "wbraid", "msclkid", "yclid", "zarsrc", "_ga", "_gl"}
)
HARMLESS_PREFIXES = ("utm_", "mc_")
# Read by the page itself, not by its listing: the rating form on every page says thank you after
# ``/danh-gia/`` sends the reader back with ``?danh_gia=da-gui`` (citizen/includes/rating.html).
PAGE_WIDE_PARAMS = frozenset({"danh_gia"})
MAX_LISTED = 5  # names shown in the notice; the rest are counted
MAX_NAME_LENGTH = 30


def is_harmless(name: str) -> bool:
    lowered = name.lower()
    return lowered in HARMLESS_PARAMS or name in PAGE_WIDE_PARAMS or lowered.startswith(HARMLESS_PREFIXES)


def ignored_params(params, known) -> list[str]:
    """The names in ``params`` (a QueryDict or dict) that are neither in ``known`` nor harmless, sorted."""
    known = set(known)
    return sorted(name for name in params if name not in known and not is_harmless(name))


def _shown(name: str) -> str:
    return clean_text(name, MAX_NAME_LENGTH) or _("(tên trống)")


def ignored_params_notice(params, known) -> str:
    """A Vietnamese sentence naming the ignored parameters ('' when there are none)."""
    names = list(dict.fromkeys(_shown(name) for name in ignored_params(params, known)))
    if not names:
        return ""
    listed = ", ".join(names[:MAX_LISTED])
    if len(names) > MAX_LISTED:
        listed = _("%(names)s và %(count)d tham số khác") % {
            "names": listed,
            "count": len(names) - MAX_LISTED,
        }
    return _("Bỏ qua bộ lọc không hỗ trợ: %(names)s.") % {"names": listed}


PAGING = ("page",)


def params_notice(request, known=PAGING) -> str:
    """``ignored_params_notice`` for ``request.GET``; ``known`` defaults to the pager's ``page``."""
    return ignored_params_notice(request.GET, known)
