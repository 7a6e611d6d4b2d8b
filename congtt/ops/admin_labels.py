"""Admin labels that Wagtail builds from Python names, so that no catalogue can translate them (issue 10).

Wagtail labels a listing column without an explicit label by its attribute name ("site_name" → "Site name")
and Django labels a form field without one by its name ("page" → "Page"). Those strings never pass through
gettext, so a Vietnamese editor would see English. Each is given the model field's verbose name instead,
which Wagtail's catalogues translate. Literal English in Wagtail's templates is handled by the copies under
congtt/templates/ (tests/catalogues/test_admin_templates.py keeps them in step with upstream).
"""

from django.utils.text import capfirst


def name_label(name: str) -> str:
    """The label Wagtail's Column and Django's form fields derive from a bare name."""
    return capfirst(name.replace("_", " "))


def verbose_label(model, name: str):
    """The (lazy, translated) verbose name of a model field, capitalised."""
    return capfirst(model._meta.get_field(name).verbose_name)


def label_columns(view_class, model) -> None:
    """Columns of a Wagtail index view still labelled by their names take the fields' verbose names."""
    for column in view_class.columns:
        if column.label == name_label(column.name):
            column.label = verbose_label(model, column.name)


def apply() -> None:
    from wagtail.admin.forms.workflows import WorkflowPageForm
    from wagtail.models import Site, WorkflowPage
    from wagtail.sites.views import IndexView as SiteIndexView

    label_columns(SiteIndexView, Site)
    WorkflowPageForm.base_fields["page"].label = verbose_label(WorkflowPage, "page")
