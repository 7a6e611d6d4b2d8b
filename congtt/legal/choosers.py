"""The legal-document chooser of the admin (replaced_by, gazette issues, procedures' legal basis).

Wagtail's snippet chooser lists every record of the model; here it lists only the documents of the
editor's sites (as the admin forms' querysets do) and searches by number/symbol and summary without
diacritics ("qd-ubnd", "quy che" find "QĐ-UBND", "Quy chế").
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)

from congtt.network.scoping import ALL, user_site_ids
from congtt.vntext import fold

from .rules import clean_query


def documents_for(user, queryset):
    """``queryset`` limited to the documents of the sites where ``user`` holds a role."""
    ids = user_site_ids(user) if user is not None else set()
    return queryset if ids is ALL else queryset.filter(site_id__in=ids)


def search_documents(queryset, query: str):
    """Documents whose number/symbol, summary, signer, issuing body or form contain every word of
    ``query``, compared without diacritics and case."""
    for word in fold(clean_query(query)).split():
        queryset = queryset.filter(Q(number_folded__contains=word) | Q(search_text__contains=word))
    return queryset


class LegalDocumentFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Tìm theo số/ký hiệu, trích yếu"),
        widget=forms.TextInput(attrs={"placeholder": _("Ví dụ: 40/2024/QĐ-UBND hoặc quy chế")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = clean_query(self.cleaned_data.get("q"))
        if query:
            objects = search_documents(objects, query)
            self.is_searching = True
            self.search_query = query
        return objects


class ScopedChooseMixin:
    filter_form_class = LegalDocumentFilterForm

    def get_object_list(self):
        from .models import LegalDocument

        queryset = LegalDocument.objects.select_related("form", "site").order_by("-issue_date", "-pk")
        return documents_for(self.request.user, queryset)

    @property
    def columns(self):
        return [
            *super().columns,
            Column("issue_date", label=_("Ngày ban hành")),
            Column("site", label=_("Trang"), accessor="site.hostname"),
        ]


class LegalDocumentChooseView(ScopedChooseMixin, ChooseView):
    pass


class LegalDocumentChooseResultsView(ScopedChooseMixin, ChooseResultsView):
    pass


class LegalDocumentChosenView(SnippetChosenView):
    def get_object(self, pk):
        return documents_for(self.request.user, self.model_class.objects.all()).get(pk=pk)


class LegalDocumentChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return documents_for(self.request.user, self.model_class.objects.filter(pk__in=pks))


class LegalDocumentChooserViewSet(SnippetChooserViewSet):
    choose_view_class = LegalDocumentChooseView
    choose_results_view_class = LegalDocumentChooseResultsView
    chosen_view_class = LegalDocumentChosenView
    chosen_multiple_view_class = LegalDocumentChosenMultipleView
    choose_one_text = _("Chọn văn bản")
    choose_another_text = _("Chọn văn bản khác")
    page_title = _("Chọn văn bản")
