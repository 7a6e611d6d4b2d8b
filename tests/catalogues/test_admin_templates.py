"""The copies of Wagtail templates that make upstream English translatable, and the relabelled fields."""

import importlib.util
import re
from pathlib import Path

import pytest
from django.utils import translation

from congtt.ops import admin_labels
from congtt.ops.catalogues import PACKAGE_DIR

COMMENT = re.compile(r"\{% comment %\}.*?\{% endcomment %\}\n", re.S)


def upstream(package, relative):
    return Path(importlib.util.find_spec(package).submodule_search_locations[0]) / relative


# (our copy, upstream file, [(upstream text, our text), ...])
COPIES = [
    (
        "templates/wagtailadmin/shared/headers/_actions.html",
        upstream("wagtail", "admin/templates/wagtailadmin/shared/headers/_actions.html"),
        [
            ("{# Actions divider #}", "{% load i18n %}{# Actions divider #}"),
            ('aria-label="Actions"', 'aria-label="{% translate "Actions" %}"'),
        ],
    ),
    (
        "templates/wagtaillocales/index.html",
        upstream("wagtail_localize", "locales/templates/wagtaillocales/index.html"),
        [
            ("{% load wagtailadmin_tags i18n %}", "{% load wagtailadmin_tags i18n wagtail_admin_i18n %}"),
            (
                "{# TODO Make this translatable #}\n                                {{ locale.num_pages }} pages"
                "{% if locale.num_others %} + {{ locale.num_others }} others{% endif %}",
                "{% locale_usage locale %}",
            ),
        ],
    ),
]


@pytest.mark.parametrize("copy, original, changes", COPIES, ids=[c[0] for c in COPIES])
def test_copies_differ_from_upstream_only_where_upstream_prints_english(copy, original, changes):
    """Fails when a Wagtail upgrade changes the original: re-copy it and apply the same changes."""
    expected = original.read_text()
    for theirs, ours in changes:
        assert theirs in expected, f"{original} no longer has {theirs!r}"
        expected = expected.replace(theirs, ours)
    assert COMMENT.sub("", (PACKAGE_DIR / copy).read_text(), count=1) == expected


def test_column_and_field_labels_wagtail_builds_from_names_are_translated():
    admin_labels.apply()  # idempotent: AppConfig.ready() has already run it
    from wagtail.admin.forms.workflows import WorkflowPageForm
    from wagtail.sites.views import IndexView

    with translation.override("vi"):
        labels = [str(column.label) for column in IndexView.columns]
        page_label = str(WorkflowPageForm.base_fields["page"].label)
    assert labels == ["Trang thông tin", "Cổng", "Tên trang thông tin", "Trang gốc", "Mặc định?"]
    assert page_label == "Trang"
    assert admin_labels.name_label("site_name") == "Site name"
