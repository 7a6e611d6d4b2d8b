"""Query parameters an API operation does not declare: ignored, and the answer says which.

A filter the API does not know (``/api/v1/articles/?sectoin=…``) would otherwise be dropped without a
word, and the client would take the unfiltered list for a filtered one. Every answer of the public API
carries ``X-Ignored-Parameters`` naming such parameters, judged by the same rule as the public pages
(``congtt.network.query_params``: tracking parameters never count). The names an operation accepts are
read from its own signature, the source of its OpenAPI description, so the two never disagree.
"""

from functools import wraps
from urllib.parse import quote

from congtt.network.query_params import MAX_NAME_LENGTH, ignored_params

HEADER = "X-Ignored-Parameters"
HEADER_DESCRIPTION = (
    "Tham số truy vấn không được hỗ trợ nên bị bỏ qua, cách nhau bởi dấu phẩy (mã hoá URL). "
    "/ Query parameters the operation does not support and ignored, comma-separated, URL-encoded."
)


def query_names(operation) -> frozenset[str]:
    """The query parameter names ``operation`` (a django-ninja Operation) declares."""
    names = set()
    for model in operation.models:
        if model.__ninja_param_source__ == "query":
            names.update(model.__ninja_flatten_map__)
    return frozenset(names)


def header_value(names) -> str:
    """``names`` for an HTTP header: each cut to the public pages' length, URL-encoded, comma-joined."""
    return ",".join(quote(name[:MAX_NAME_LENGTH], safe="") for name in names)


def report_ignored_params(run):
    """A django-ninja "view" decorator: ``run`` is the bound ``Operation.run`` it wraps."""
    known = query_names(run.__self__)

    @wraps(run)
    def wrapper(request, *args, **kwargs):
        response = run(request, *args, **kwargs)
        ignored = ignored_params(request.GET, known)
        if ignored:
            response[HEADER] = header_value(ignored)
        return response

    return wrapper
