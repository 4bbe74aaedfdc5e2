import hashlib

from django.conf import settings
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from articles.models import Article
from newsroom.http import client_ip, rate_limited

from .forms import CommentForm, started_token
from .models import Closure


def csrf_failed(request):
    """Django's CSRF check (token in the form against the CSRF cookie), run here instead of by the middleware so
    that a failure shows the form again with what the reader wrote, rather than a bare 403 page."""
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is not None


@never_cache
@require_GET
def form_session(request):
    """A fresh CSRF token (and its cookie) and a fresh start time for the comment form.

    The article page carries neither, so that the same HTML can be cached for every reader; its script asks for
    them when a reader starts writing. Without the script, the first post shows the form again, with both."""
    return JsonResponse({"csrfmiddlewaretoken": get_token(request), "started": started_token()})


@never_cache
@csrf_exempt  # why: checked by csrf_failed(), so that a stale or missing token gives the form back, not a 403
@require_http_methods(["GET", "POST"])
def comment_view(request, slug):
    """The comment form of an article: where the article page's form posts, and a page of its own."""
    article = get_object_or_404(Article.objects.published().select_related("unit", "category"), slug=slug)
    is_open = not Closure.objects.closing(article).exists()
    status, notice = 200, ""
    form = CommentForm(initial={"started": started_token()})
    if request.method == "POST" and is_open:
        form = CommentForm(request.POST)
        if csrf_failed(request):
            status, notice = 403, _("Phiên làm việc đã hết hạn hoặc trình duyệt chặn cookie. Hãy bấm Gửi lần nữa.")
        elif rate_limited(request, "comment", limit=settings.COMMENTS_PER_IP, seconds=settings.COMMENT_RATE_SECONDS):
            status, notice = 429, _("Bạn đã gửi nhiều bình luận trong thời gian ngắn. Vui lòng thử lại sau ít phút.")
        elif form.is_spam():
            return redirect(f"{request.path}?da-gui=1")  # a bot learns nothing: it looks like any comment sent
        elif form.is_valid():
            email = hashlib.sha256(form.cleaned_data["email"].lower().encode()).hexdigest()
            if rate_limited(
                request,
                "comment-email",
                limit=settings.COMMENTS_PER_EMAIL,
                seconds=settings.COMMENT_RATE_SECONDS,
                client=email,
            ):
                status = 429
                notice = _("Địa chỉ e-mail này đã gửi nhiều bình luận trong thời gian ngắn. Vui lòng thử lại sau.")
            else:
                comment = form.save(commit=False)
                comment.article, comment.ip_address = article, client_ip(request)
                comment.save()
                return redirect(f"{request.path}?da-gui=1")
        else:
            status = 400
            form.data = form.data.copy()  # its errors stand; sent again, it counts from now
            form.data["started"] = started_token()
        if status in (403, 429):  # nothing was wrong with what the reader wrote: give it back, unjudged
            fields = {name: request.POST.get(name, "") for name in ("name", "email", "text")}
            form = CommentForm(initial={**fields, "started": started_token()})
    elif request.method == "POST":
        status = 403
    context = {"article": article, "form": form, "is_open": is_open, "notice": notice}
    context["retention_days"] = settings.COMMENT_RETENTION_DAYS
    context["sent"] = request.method == "GET" and "da-gui" in request.GET
    return render(request, "comments/comment_form.html", context, status=status)
