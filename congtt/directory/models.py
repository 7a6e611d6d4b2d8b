"""Organisation (units, officials), directory and schedules of each site (CNT-1, CNT-2, CNT-6, TRN-3).

Records belong to one site (``site``) and carry their English and Chinese
names and functions in plain ``*_en``/``*_zh`` fields: one record serves every
edition, the en/zh pages fall back to Vietnamese with a notice.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, Site
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from congtt.content.models import paginate
from congtt.network.query_params import params_notice
from congtt.vntext import fold

from . import rules

PHOTO_SPEC = "fill-160x200"


def current_language() -> str:
    return (get_language() or "vi").split("-")[0]


def section_page(site: Site, model):
    """The live Vietnamese page of type ``model`` in ``site``'s tree, or None."""
    if site is None:
        return None
    return model.objects.live().filter(path__startswith=site.root_page.path).order_by("path").first()


def section_url(site_id: int, model, request=None) -> str | None:
    """The URL of ``site``'s page of type ``model``, remembered on ``request`` (search, sitemap: no N+1)."""
    memo = request.__dict__.setdefault("_congtt_section_urls", {}) if request is not None else {}
    key = (site_id, model._meta.label)
    if key not in memo:
        site = Site.objects.select_related("root_page").filter(pk=site_id).first()
        page = section_page(site, model)
        memo[key] = page.get_url(request) if page is not None else None
    return memo[key]


class SearchableQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Querysets with ``.search()`` (the site search runs it on ``public_search_queryset``)."""


class Unit(index.Indexed, models.Model):
    """A unit of the agency (phòng, ban, đơn vị trực thuộc …), nested in a tree."""

    KINDS = [
        ("leadership", _("Lãnh đạo")),
        ("office", _("Văn phòng")),
        ("department", _("Phòng chuyên môn")),
        ("board", _("Ban")),
        ("inspectorate", _("Thanh tra")),
        ("affiliate", _("Đơn vị trực thuộc")),
        ("other", _("Khác")),
    ]
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("đơn vị cấp trên"),
    )
    name = models.CharField(_("tên đơn vị"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    name_zh = models.CharField(_("tên tiếng Trung"), max_length=255, blank=True)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=KINDS, default="department")
    functions = RichTextField(_("chức năng, nhiệm vụ"), blank=True)
    functions_en = RichTextField(_("chức năng, nhiệm vụ (tiếng Anh)"), blank=True)
    functions_zh = RichTextField(_("chức năng, nhiệm vụ (tiếng Trung)"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    name_folded = models.CharField(max_length=255, blank=True, editable=False, db_index=True)

    objects = SearchableQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("search_folded"),
        index.FilterField("site"),
    ]
    search_kind = _("Đơn vị")

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)[:255]
        super().save(*args, **kwargs)

    def clean(self):
        if self.parent_id:
            if self.parent.site_id != self.site_id:
                raise ValidationError({"parent": _("Đơn vị cấp trên phải thuộc cùng trang.")})
            node, steps = self.parent, 0
            while node is not None and steps < 50:
                if self.pk and node.pk == self.pk:
                    raise ValidationError({"parent": _("Đơn vị không thể là cấp trên của chính nó.")})
                node, steps = node.parent, steps + 1

    def search_folded(self):
        return fold(f"{self.name} {self.name_en} {self.functions}")

    @classmethod
    def public_search_queryset(cls, site):
        return cls.objects.filter(site=site)

    def get_url(self, request=None):
        url = section_url(self.site_id, OrganisationPage, request)
        return f"{url}#don-vi-{self.pk}" if url else None


class Official(index.Indexed, models.Model):
    """An official in the directory; leaders and the spokesperson are shown on the introduction page."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    unit = models.ForeignKey(
        Unit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="officials",
        verbose_name=_("đơn vị"),
    )
    name = models.CharField(_("họ và tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    position_en = models.CharField(_("chức vụ (tiếng Anh)"), max_length=255, blank=True)
    position_zh = models.CharField(_("chức vụ (tiếng Trung)"), max_length=255, blank=True)
    office_phone = models.CharField(_("điện thoại cơ quan"), max_length=50, blank=True)
    mobile_phone = models.CharField(_("điện thoại di động (công khai)"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ảnh chân dung"),
    )
    is_leader = models.BooleanField(_("là lãnh đạo"), default=False)
    is_spokesperson = models.BooleanField(_("là người phát ngôn"), default=False)
    biography = RichTextField(_("tiểu sử"), blank=True)
    duties = RichTextField(_("nhiệm vụ được phân công"), blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    published = models.BooleanField(_("công khai"), default=True)
    name_folded = models.CharField(max_length=512, blank=True, editable=False, db_index=True)

    objects = SearchableQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("position"),
        index.SearchField("search_folded"),
        index.FilterField("site"),
        index.FilterField("published"),
    ]
    search_kind = _("Cán bộ")

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ, danh bạ")

    def __str__(self):
        return f"{self.name} – {self.position}" if self.position else self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(f"{self.name} | {self.position}")[:512]
        super().save(*args, **kwargs)

    def clean(self):
        if self.unit_id and self.site_id and self.unit.site_id != self.site_id:
            raise ValidationError({"unit": _("Đơn vị phải thuộc cùng trang với cán bộ.")})

    def search_folded(self):
        return fold(f"{self.name} {self.position} {self.unit.name if self.unit_id else ''}")

    @classmethod
    def public_search_queryset(cls, site):
        return cls.objects.filter(site=site, published=True)

    def get_url(self, request=None):
        if self.is_leader:
            url = section_url(self.site_id, OrganisationPage, request)
            if url:
                return url + OrganisationPage().reverse_subpage("leader", args=[self.pk])
        url = section_url(self.site_id, DirectoryPage, request)
        return f"{url}?{urlencode({'q': self.name})}" if url else None


def check_session(entry):
    """A schedule or reception session: it ends after it starts, and its leader is of the same site."""
    errors = {}
    if entry.end_time and entry.start_time and entry.end_time <= entry.start_time:
        errors["end_time"] = _("Giờ kết thúc phải sau giờ bắt đầu.")
    if entry.leader_id and entry.site_id and entry.leader.site_id != entry.site_id:
        errors["leader"] = _("Lãnh đạo phải thuộc cùng trang.")
    if errors:
        raise ValidationError(errors)


class ScheduleEntry(models.Model):
    """One item of the leaders' weekly work schedule (lịch công tác)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    date = models.DateField(_("ngày"))
    start_time = models.TimeField(_("giờ bắt đầu"))
    end_time = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    content = models.TextField(_("nội dung"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    leader = models.ForeignKey(
        Official,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lãnh đạo"),
    )
    attendees = models.TextField(_("chủ trì, thành phần"), blank=True)
    preparing_unit = models.CharField(_("đơn vị chuẩn bị"), max_length=255, blank=True)
    published = models.BooleanField(_("công khai"), default=True)

    class Meta:
        ordering = ["date", "start_time"]
        verbose_name = _("lịch công tác")
        verbose_name_plural = _("lịch công tác")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} – {self.content[:60]}"

    def clean(self):
        check_session(self)


class ReceptionEntry(models.Model):
    """One session of the citizen-reception schedule (lịch tiếp công dân)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    date = models.DateField(_("ngày"))
    start_time = models.TimeField(_("giờ bắt đầu"))
    end_time = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    leader = models.ForeignKey(
        Official,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lãnh đạo tiếp công dân"),
    )
    place = models.CharField(_("địa điểm"), max_length=255)
    notes = models.TextField(_("ghi chú"), blank=True)
    published = models.BooleanField(_("công khai"), default=True)

    class Meta:
        ordering = ["date", "start_time"]
        verbose_name = _("lịch tiếp công dân")
        verbose_name_plural = _("lịch tiếp công dân")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} – {self.place}"

    def clean(self):
        check_session(self)


class Hotline(models.Model):
    """A hotline (đường dây nóng) of the agency."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    name = models.CharField(_("tên"), max_length=255)
    number = models.CharField(_("số điện thoại"), max_length=50)
    purpose = models.CharField(_("mục đích tiếp nhận"), max_length=255, blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("đường dây nóng")
        verbose_name_plural = _("đường dây nóng")

    def __str__(self):
        return f"{self.name}: {self.number}"


# --------------------------------------------------------------------------- pages


def _photo_prefetch():
    from wagtail.images import get_image_model

    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=PHOTO_SPEC)
    return Prefetch("photo__renditions", queryset=renditions, to_attr="prefetched_renditions")


def _site_for(request):
    from congtt.network.context import get_site

    return get_site(request)


def _decorate_unit(unit, language):
    unit.display_name, fb1 = rules.translated(unit, "name", language)
    unit.display_functions, fb2 = rules.translated(unit, "functions", language)
    unit.fallback = (fb1 and bool(unit.name)) or (fb2 and bool(unit.functions))
    return unit


def _decorate_official(official, language):
    official.display_position, official.fallback = rules.translated(official, "position", language)
    official.fallback = official.fallback and bool(official.position)
    if official.unit is not None:
        _decorate_unit(official.unit, language)
    return official


class OrganisationPage(RoutablePageMixin, Page):
    """Giới thiệu: history and orientation, organisation chart, leaders, spokesperson (CNT-1, CNT-2)."""

    body = RichTextField(_("lịch sử, thành tựu, định hướng"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body"), index.SearchField("search_folded")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang giới thiệu, cơ cấu tổ chức")
        verbose_name_plural = _("trang giới thiệu, cơ cấu tổ chức")

    def search_folded(self):
        return fold(f"{self.title} {self.body}")

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not urls or not base:
            return urls
        leaders = Official.objects.filter(site=self.get_site(), is_leader=True, published=True)
        for pk in leaders.values_list("pk", flat=True):
            urls.append({"location": base + self.reverse_subpage("leader", args=[pk])})
        return urls

    def _officials(self, site):
        return (
            Official.objects.filter(site=site, published=True)
            .select_related("unit", "photo")
            .prefetch_related(_photo_prefetch())
            .order_by("order", "name")
        )

    @path("")
    def index_route(self, request):
        site = _site_for(request)
        language = current_language()
        units = [
            _decorate_unit(u, language) for u in Unit.objects.filter(site=site).order_by("order", "name")
        ]
        people = list(self._officials(site).filter(Q(is_leader=True) | Q(is_spokesperson=True)))
        for person in people:
            _decorate_official(person, language)
        leaders = [p for p in people if p.is_leader]
        base = self.get_url(request) or ""
        for person in leaders:
            person.detail_url = base + self.reverse_subpage("leader", args=[person.pk])
        spokespersons = [p for p in people if p.is_spokesperson]
        fallback = any(u.fallback for u in units) or any(p.fallback for p in people)
        return self.render(
            request,
            context_overrides={
                "org_tree": rules.nest_units(units),
                "leaders": leaders,
                "spokespersons": spokespersons,
                "show_fallback_notice": fallback,
                "photo_spec": PHOTO_SPEC,
            },
        )

    @path("lanh-dao/<int:pk>/", name="leader")
    def leader_route(self, request, pk):
        if pk > rules.MAX_ID:
            raise Http404
        site = _site_for(request)
        official = self._officials(site).filter(pk=pk, is_leader=True).first()
        if official is None:
            raise Http404
        language = current_language()
        _decorate_official(official, language)
        return TemplateResponse(
            request,
            "directory/leader_detail.html",
            {
                "page": self,
                "self": self,
                "official": official,
                "show_fallback_notice": official.fallback,
                "photo_spec": PHOTO_SPEC,
            },
        )


class DirectoryPage(Page):
    """Danh bạ: officials grouped by unit, searchable with or without diacritics (CNT-2)."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1
    PER_PAGE = 30

    class Meta:
        verbose_name = _("trang danh bạ")
        verbose_name_plural = _("trang danh bạ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = _site_for(request)
        language = current_language()
        messages = []
        raw_q = request.GET.get("q", "")
        query = rules.clean_query(raw_q)
        if raw_q.strip() and not query:
            messages.append(_t("Từ khóa không hợp lệ; đang hiển thị toàn bộ danh bạ."))
        units = list(Unit.objects.filter(site=site).order_by("order", "name"))
        officials = Official.objects.filter(site=site, published=True).select_related("unit")
        unit_id = None
        raw_unit = request.GET.get("don-vi", "")
        if raw_unit:
            try:
                unit_id = int(raw_unit)
            except (TypeError, ValueError):
                unit_id = None
            if unit_id not in {u.pk for u in units}:
                unit_id = None
                messages.append(_t("Không có đơn vị này; đang hiển thị mọi đơn vị."))
        if unit_id:
            officials = officials.filter(unit_id=unit_id)
        if query:
            officials = officials.filter(
                Q(name_folded__contains=query) | Q(unit__name_folded__contains=query)
            )
        officials = officials.order_by(
            models.F("unit__order").asc(nulls_last=True), "unit__name", "unit_id", "order", "name"
        )
        page_obj = paginate(request, officials, per_page=self.PER_PAGE)
        for official in page_obj.object_list:
            _decorate_official(official, language)
        for unit in units:
            _decorate_unit(unit, language)
        params = {}
        if raw_q.strip():
            params["q"] = raw_q[: rules.MAX_QUERY_LENGTH]
        if unit_id:
            params["don-vi"] = unit_id
        context.update(
            {
                "officials": page_obj,
                "units": units,
                "query": raw_q[: rules.MAX_QUERY_LENGTH],
                "selected_unit": unit_id,
                "filter_messages": messages,
                "params_notice": params_notice(request, ("q", "don-vi", "page")),
                "filter_params": urlencode(params),
                "show_fallback_notice": any(
                    o.fallback or (o.unit is not None and o.unit.fallback) for o in page_obj.object_list
                ),
            }
        )
        return context


class SchedulePage(RoutablePageMixin, Page):
    """Lịch công tác: the leaders' week, citizen reception and hotlines (CNT-6)."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang lịch công tác")
        verbose_name_plural = _("trang lịch công tác")

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if urls and base:
            for name in ("reception", "hotlines"):
                urls.append({"location": base + self.reverse_subpage(name)})
        return urls

    def _week(self, request, model, known, extra_filter=None):
        site = _site_for(request)
        language = current_language()
        today = timezone.localdate()
        monday, ok = rules.parse_iso_week(request.GET.get("tuan"), today)
        messages = []
        if not ok:
            messages.append(_t("Tuần không hợp lệ (ví dụ đúng: 2026-W48); đang hiển thị tuần hiện tại."))
        sunday = monday + datetime.timedelta(days=6)
        entries = model.objects.filter(
            site=site, published=True, date__range=(monday, sunday)
        ).select_related("leader")
        if extra_filter:
            entries = entries.filter(**extra_filter)
        by_day = {}
        for entry in entries.order_by("date", "start_time")[:500]:
            by_day.setdefault(entry.date, []).append(entry)
        days = [
            {
                "date": d,
                "label": rules.weekday_date(d, language),
                "entries": by_day.get(d, []),
                "today": d == today,
            }
            for d in rules.week_days(monday)
        ]
        return {
            "days": days,
            "week_code": rules.iso_week_code(monday),
            "week_start": monday,
            "week_end": sunday,
            "previous_week": rules.iso_week_code(monday - datetime.timedelta(days=7)),
            "next_week": rules.iso_week_code(monday + datetime.timedelta(days=7)),
            "current_week": rules.iso_week_code(today),
            "is_current_week": monday == rules.monday_of(today),
            "filter_messages": messages,
            "has_entries": bool(by_day),
            "params_notice": params_notice(request, known),
        }

    def _hotlines(self, request):
        return list(Hotline.objects.filter(site=_site_for(request)).order_by("order", "name"))

    @path("")
    def index_route(self, request):
        site = _site_for(request)
        extra, messages = None, []
        leaders = list(
            Official.objects.filter(site=site, is_leader=True, published=True).order_by("order", "name")
        )
        raw_leader = request.GET.get("lanh-dao", "")
        selected = None
        if raw_leader:
            selected = next((o.pk for o in leaders if str(o.pk) == raw_leader.strip()), None)
            if selected is None:
                messages.append(_t("Không có lãnh đạo này; đang hiển thị lịch của tất cả lãnh đạo."))
            else:
                extra = {"leader_id": selected}
        context = self._week(request, ScheduleEntry, ("tuan", "lanh-dao"), extra)
        context["filter_messages"] = context["filter_messages"] + messages
        context.update(
            {
                "leaders": leaders,
                "selected_leader": selected,
                "hotlines": self._hotlines(request),
                "view": "week",
            }
        )
        return self.render(request, context_overrides=context)

    @path("tiep-cong-dan/", name="reception")
    def reception_route(self, request):
        context = self._week(request, ReceptionEntry, ("tuan",))
        context["view"] = "reception"
        return self.render(request, context_overrides=context, template="directory/reception_page.html")

    @path("duong-day-nong/", name="hotlines")
    def hotlines_route(self, request):
        return self.render(
            request,
            context_overrides={
                "hotlines": self._hotlines(request),
                "view": "hotlines",
                "params_notice": params_notice(request, ()),
            },
            template="directory/hotlines_page.html",
        )
