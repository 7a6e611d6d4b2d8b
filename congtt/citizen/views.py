"""Public views outside the page tree: rating (/danh-gia/), forum (/dien-dan/), CAPTCHA image."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from congtt.content.models import paginate
from congtt.network.context import get_site
from congtt.network.query_params import params_notice

from . import antispam
from .forms import PostForm, RatingForm
from .models import ModerationStatus, Post, Rating, Topic


def _site_or_404(request):
    site = get_site(request)
    if site is None:
        raise Http404
    return site


@require_http_methods(["GET", "POST"])
def rating(request):
    site = _site_or_404(request)
    sent = False
    if request.method == "POST":
        if antispam.rate_limited(request, "rating"):
            return antispam.too_many_response(request)
        form = RatingForm(request.POST, request=request)
        if form.is_valid():
            data = form.cleaned_data
            Rating.objects.create(
                site=site,
                interface=data["interface"],
                content=data["content"],
                quality=data["quality"],
                support=data["support"],
                comment=data["comment"],
                page_path=data["page_path"][:300],
            )
            back = data["page_path"]
            if (
                back
                and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})
                and back.startswith("/")
            ):
                return redirect(back + ("&" if "?" in back else "?") + "danh_gia=da-gui")
            sent = True
            form = RatingForm(request=request)
    else:
        form = RatingForm(request=request, initial={"page_path": request.GET.get("trang", "")})
    return TemplateResponse(
        request,
        "citizen/rating.html",
        {"form": form, "sent": sent, "captcha": antispam.captcha_enabled()},
        status=200 if request.method == "GET" or sent else 400,
    )


def forum_index(request):
    site = _site_or_404(request)
    topics = Topic.objects.filter(site=site, published=True)
    return TemplateResponse(
        request,
        "citizen/forum_index.html",
        {"topics": paginate(request, topics), "params_notice": params_notice(request)},
    )


@require_http_methods(["GET", "POST"])
def forum_topic(request, pk):
    site = _site_or_404(request)
    topic = get_object_or_404(Topic, pk=pk, site=site, published=True)
    sent, message, status = False, "", 200
    if request.method == "POST":
        if not topic.is_open:
            form, message, status = None, _("Chủ đề này đã đóng, không nhận thêm ý kiến."), 400
        elif antispam.rate_limited(request, "post"):
            return antispam.too_many_response(request)
        else:
            form = PostForm(request.POST, request=request)
            if form.is_valid():
                Post.objects.create(
                    topic=topic, **{k: form.cleaned_data[k] for k in ("name", "email", "text")}
                )
                sent, form = True, PostForm(request=request)
            else:
                status = 400
    else:
        form = PostForm(request=request) if topic.is_open else None
    posts = topic.posts.filter(status=ModerationStatus.APPROVED)
    return TemplateResponse(
        request,
        "citizen/forum_topic.html",
        {
            "topic": topic,
            "posts": paginate(request, posts),
            "form": form,
            "sent": sent,
            "message": message,
            "captcha": antispam.captcha_enabled(),
            "params_notice": params_notice(request),
        },
        status=status,
    )


def captcha_image(request):
    return antispam.captcha_image(request)
