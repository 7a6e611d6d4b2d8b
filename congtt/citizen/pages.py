"""Public page types: the Q&A section (/hoi-dap/) and the consultation section (/gop-y-du-thao/)."""

import logging

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from congtt.content.models import paginate
from congtt.network.context import get_site
from congtt.network.query_params import params_notice
from congtt.vntext import clean_text, fold

from . import antispam, transitions
from .forms import AskForm, DraftCommentForm, LookupForm
from .models import Case, CaseField, CitizenSettings, Draft, DraftComment, ModerationStatus

logger = logging.getLogger("congtt.citizen")
PUBLIC_STATES = (Case.State.ANSWERED, Case.State.PUBLISHED)
LOOKUP_FAILED = gettext_lazy("Không tìm thấy hồ sơ với mã tra cứu và thư điện tử này. Vui lòng kiểm tra lại.")


class QuestionIndexPage(RoutablePageMixin, Page):
    """Hỏi đáp: published Q&As, the ask form, tracking lookup and the privacy notice."""

    intro = RichTextField(gettext_lazy("giới thiệu"), blank=True, default="")
    privacy_notice = RichTextField(gettext_lazy("thông báo xử lý dữ liệu cá nhân"), blank=True, default="")

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("privacy_notice")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = []
    template = "citizen/question_index.html"

    class Meta:
        verbose_name = gettext_lazy("chuyên mục hỏi đáp")
        verbose_name_plural = gettext_lazy("chuyên mục hỏi đáp")

    def search_folded(self):
        return fold(self.title)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_url"] = self.get_url(request)
        return context

    @path("")
    def index_view(self, request):
        site = get_site(request)
        cases = (
            Case.objects.filter(site=site, published=True)
            .select_related("field")
            .order_by("-published_at", "-pk")
        )
        messages = []
        raw_query = request.GET.get("q") or ""
        query = clean_text(raw_query)
        words = fold(query).split()[:8]
        if raw_query.strip() and not words:
            messages.append(_("Không tìm được theo từ khóa này; đang hiển thị mọi câu hỏi."))
        for word in words:
            cases = cases.filter(search_text__contains=word)
        fields = list(CaseField.objects.filter(site=site))
        field_id = (request.GET.get("linh-vuc") or "").strip()
        if field_id:
            if field_id in {str(f.pk) for f in fields}:
                cases = cases.filter(field_id=int(field_id))
            else:
                field_id = ""
                messages.append(_("Không có lĩnh vực này; đang hiển thị mọi lĩnh vực."))
        return self.render(
            request,
            context_overrides={
                "cases": paginate(request, cases),
                "query": query,
                "fields": fields,
                "field_id": field_id,
                "filter_messages": messages,
                "params_notice": params_notice(request, ("q", "linh-vuc", "page")),
            },
        )

    @path("cau-hoi/<int:pk>/")
    def detail_view(self, request, pk):
        case = get_object_or_404(
            Case.objects.select_related("field"), pk=pk, site=get_site(request), published=True
        )
        return self.render(
            request,
            template="citizen/question_detail.html",
            context_overrides={"case": case, "crumb_title": case.title},
        )

    @path("gui-cau-hoi/")
    def ask_view(self, request):
        site = get_site(request)
        if request.method == "POST":
            if antispam.rate_limited(request, "ask"):
                return antispam.too_many_response(request)
            form = AskForm(request.POST, request.FILES, site=site, request=request)
            if form.is_valid():
                data = form.cleaned_data
                settings_obj = CitizenSettings.get_for_site(site)
                case = Case(
                    site=site,
                    kind=data["kind"],
                    asker_name=data["asker_name"],
                    asker_email=data["asker_email"],
                    asker_phone=data["asker_phone"],
                    asker_address=data["asker_address"],
                    name_display=data["name_display"],
                    field=data["field"],
                    title=data["title"],
                    question=data["question"],
                    consent=True,
                    consent_at=timezone.now(),
                    privacy_notice_version=settings_obj.privacy_notice_version,
                    channel=Case.Channel.WEB,
                )
                if data.get("attachment"):
                    case.attachment = data["attachment"]
                with transaction.atomic():
                    transitions.register(case)
                request.session["citizen_last_code"] = case.code
                return redirect(self.get_url(request) + "da-gui/")
        else:
            form = AskForm(site=site, request=request)
        return self.render(
            request,
            template="citizen/ask.html",
            context_overrides={
                "form": form,
                "captcha": antispam.captcha_enabled(),
                "crumb_title": _("Gửi câu hỏi"),
            },
        )

    @path("da-gui/")
    def sent_view(self, request):
        code = request.session.get("citizen_last_code")
        if not code:
            return redirect(self.get_url(request) + "gui-cau-hoi/")
        return self.render(
            request,
            template="citizen/sent.html",
            context_overrides={"code": code, "crumb_title": _("Đã gửi")},
        )

    @path("tra-cuu/")
    def lookup_view(self, request):
        case, error = None, ""
        if request.method == "POST":
            if antispam.rate_limited(request, "lookup"):
                return antispam.too_many_response(request)
            form = LookupForm(request.POST, request=request)
            if form.is_valid():
                case = (
                    Case.objects.filter(
                        site=get_site(request),
                        code=form.cleaned_data["code"],
                        asker_email__iexact=form.cleaned_data["email"],
                        anonymised_at__isnull=True,
                    )
                    .select_related("field", "unit")
                    .first()
                )
                if case is None:
                    error = LOOKUP_FAILED
        else:
            form = LookupForm(request=request)
        context = {
            "form": form,
            "case": case,
            "error": error,
            "captcha": antispam.captcha_enabled(),
            "crumb_title": _("Tra cứu"),
        }
        if case is not None:
            context["events"] = list(case.events.all())
            context["show_answer"] = case.state in PUBLIC_STATES
        return self.render(request, template="citizen/lookup.html", context_overrides=context)

    @path("chinh-sach-du-lieu-ca-nhan/")
    def privacy_view(self, request):
        settings_obj = CitizenSettings.get_for_site(get_site(request))
        return self.render(
            request,
            template="citizen/privacy.html",
            context_overrides={
                "settings_obj": settings_obj,
                "crumb_title": _("Thông báo xử lý dữ liệu cá nhân"),
            },
        )


class ConsultationIndexPage(RoutablePageMixin, Page):
    """Góp ý dự thảo: drafts open for comment and closed drafts with their intake summary (CON-1)."""

    intro = RichTextField(gettext_lazy("giới thiệu"), blank=True, default="")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = []
    template = "citizen/consultation_index.html"

    class Meta:
        verbose_name = gettext_lazy("chuyên mục góp ý dự thảo")
        verbose_name_plural = gettext_lazy("chuyên mục góp ý dự thảo")

    def search_folded(self):
        return fold(self.title)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_url"] = self.get_url(request)
        return context

    @path("")
    def index_view(self, request):
        drafts = Draft.objects.filter(site=get_site(request), published=True).select_related("drafting_unit")
        today = timezone.localdate()
        return self.render(
            request,
            context_overrides={
                "drafts": paginate(request, drafts),
                "today": today,
                "params_notice": params_notice(request),
            },
        )

    @path("<int:pk>/")
    def draft_view(self, request, pk):
        draft = get_object_or_404(
            Draft.objects.select_related("drafting_unit", "document"),
            pk=pk,
            site=get_site(request),
            published=True,
        )
        is_open = draft.is_open()
        articles = list(draft.articles.all())
        message, status, sent = "", 200, False
        if request.method == "POST":
            if not is_open:
                message, status = (
                    _("Dự thảo này không còn trong thời gian lấy ý kiến; ý kiến chưa được ghi nhận."),
                    400,
                )
                form = None
            elif antispam.rate_limited(request, "comment"):
                return antispam.too_many_response(request)
            else:
                form = DraftCommentForm(request.POST, articles=articles, request=request)
                if form.is_valid():
                    data = form.cleaned_data
                    DraftComment.objects.create(
                        draft=draft,
                        article=data["article"],
                        name=data["name"],
                        email=data["email"],
                        organisation=data["organisation"],
                        text=data["text"],
                        consent_at=timezone.now(),
                    )
                    sent = True
                    form = DraftCommentForm(articles=articles, request=request)
        else:
            form = DraftCommentForm(articles=articles, request=request) if is_open else None
        comments = DraftComment.objects.filter(draft=draft, status=ModerationStatus.APPROVED).select_related(
            "article"
        )
        response = self.render(
            request,
            template="citizen/draft_detail.html",
            context_overrides={
                "draft": draft,
                "crumb_title": draft.title,
                "articles": articles,
                "comments": comments,
                "form": form,
                "is_open": is_open,
                "is_closed": draft.is_closed(),
                "message": message,
                "sent": sent,
                "captcha": antispam.captcha_enabled(),
            },
        )
        response.status_code = status
        return response

    def route_not_found(self):  # pragma: no cover
        raise Http404
