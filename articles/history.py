"""Safe editing of articles: saved versions, the trash, optimistic locking and who else has an article open."""

import time
import uuid

import reversion
from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import quote, unquote
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from reversion.models import Revision, Version

from audit.models import AuditEvent, record
from newsroom.history import HistoryAdmin, compare, current_versions, saved_at, saved_by

from .models import Article, ArticlePhoto, TaggedArticle, TrashedArticle

reversion.register(ArticlePhoto)
reversion.register(TaggedArticle)
# the text for search is derived from the rest on save: not worth a copy in every version
reversion.register(
    Article, follow=["gallery", "taggedarticle_set"], exclude=["body_text", "search_key", "search_vector"]
)

PURGE_PERMISSION = "articles.purge_article"
TRASH_PERMISSION = "articles.delete_article"


# --- The trash ---


@transaction.atomic
def move_to_trash(articles, *, by, request=None) -> int:
    """Hide `articles` everywhere (site, admin, search) until restored or purged; their slugs stay taken."""
    articles = list(articles.filter(deleted_at__isnull=True))
    for article in articles:
        record(AuditEvent.Action.DELETE, actor=by, obj=article, request=request)
    return Article.objects.filter(pk__in=[a.pk for a in articles]).update(deleted_at=timezone.now(), deleted_by=by)


@transaction.atomic
def restore_from_trash(articles, *, by, request=None) -> int:
    articles = list(articles.filter(deleted_at__isnull=False))
    for article in articles:
        record(AuditEvent.Action.RESTORE, actor=by, obj=article, request=request)
    return Article.all_objects.filter(pk__in=[a.pk for a in articles]).update(deleted_at=None, deleted_by=None)


@transaction.atomic
def purge(articles, *, by, request=None) -> int:
    """Delete trashed `articles` for good, with their saved versions."""
    articles = list(articles.filter(deleted_at__isnull=False))
    ids = [str(a.pk) for a in articles]
    for article in articles:
        record(AuditEvent.Action.PURGE, actor=by, obj=article, detail=article.slug, request=request)
    saved = Version.objects.get_for_model(Article).filter(object_id__in=ids)
    revision_ids = list(saved.values_list("revision_id", flat=True))
    saved.delete()
    # the revisions left without any article were this article's alone: its gallery and tags go with them
    Revision.objects.filter(pk__in=revision_ids).exclude(
        pk__in=Version.objects.get_for_model(Article).values("revision_id")
    ).delete()
    Article.all_objects.filter(pk__in=ids).delete()
    return len(ids)


# --- Who else has the article open ---

PRESENCE_SECONDS = 90  # three missed heartbeats of presence.js and a reader is gone


def mark_present(article_id, user, page, *, leaving=False) -> list[str]:
    """Note that `user` has the article open in `page` (or has left it); the names of the others who have it open.

    Leaving counts only from the page last seen: a page reloaded after a save must not be cleared by its
    predecessor's goodbye, which may arrive later.
    """
    key, now = f"presence:article:{article_id}", time.time()
    seen = {uid: entry for uid, entry in cache.get(key, {}).items() if now - entry[1] < PRESENCE_SECONDS}
    if not leaving:
        seen[user.pk] = (user.get_full_name() or user.get_username(), now, page)
    elif seen.get(user.pk, (None, None, page))[2] == page:
        seen.pop(user.pk, None)
    cache.set(key, seen, PRESENCE_SECONDS)
    return sorted(name for uid, (name, _at, _page) in seen.items() if uid != user.pk)


# --- Optimistic locking ---


def confirm_action(model_admin, request, queryset, title, template):
    """The page that asks before a bulk action on `queryset` goes ahead (it posts back with post=yes)."""
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "subtitle": None,
        "opts": model_admin.opts,
        "queryset": queryset,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "action": request.POST.get("action", ""),
        "media": model_admin.media,
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, template, context)


class ArticleGuardForm(forms.ModelForm):
    """Refuses to save over a newer version than the one the form was opened on, and a slug held by the trash."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    admin_site_name = "admin"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("base_version", self.instance.version)

    def clean(self):
        cleaned = super().clean()
        slug = cleaned.get("slug")
        in_trash = Article.all_objects.filter(slug=slug, deleted_at__isnull=False).exclude(pk=self.instance.pk)
        if slug and in_trash.exists():
            self.add_error("slug", _("Đường dẫn này thuộc một bài trong thùng rác: hãy chọn đường dẫn khác."))
        base = cleaned.get("base_version")
        if self.instance.pk and base is not None:
            # locked until the save commits: a second save of the same version waits here, then is refused
            current = Article.all_objects.select_for_update().get(pk=self.instance.pk)
            if current.version != base:
                raise ValidationError(self.conflict_message(current, base), code="edit_conflict")
        return cleaned

    def conflict_message(self, current, base):
        saved = Version.objects.get_for_object(current).select_related("revision__user")
        latest = saved.first()
        started = next((v for v in saved[:50] if v.field_dict.get("version") == base), None)
        message = _(
            "Không lưu được: trong lúc bạn sửa, %(user)s đã lưu bài này%(at)s (phiên bản %(current)s; bạn mở từ "
            "phiên bản %(base)s). Thay đổi của bạn chưa được ghi: hãy chép lại phần vừa sửa, tải lại trang rồi sửa "
            "trên bản mới nhất."
        ) % {
            "user": saved_by(latest) if latest else _("người khác"),
            "at": _(" lúc %(at)s") % {"at": saved_at(latest)} if latest else "",
            "current": current.version,
            "base": base,
        }
        if started is None:
            return message + " " + _("Không còn bản cũ để biết các mục nào đã đổi.")
        changes = compare(Article, current.pk, started.revision.version_set.all(), current_versions(current))
        labels = ", ".join(change.label for change in changes) or _("không mục nào trong biểu mẫu")
        url = reverse(f"{self.admin_site_name}:articles_article_compare", args=[quote(current.pk)])
        url += "?" + urlencode({"from": started.pk, "to": latest.pk})
        return format_html(
            '{} {} <a href="{}">{}</a>', message, _("Các mục đã đổi: %s.") % labels, url, _("Xem khác biệt")
        )


# --- The article admin's part ---


class ArticleHistoryAdmin(HistoryAdmin):
    """Versions and restore; delete moves to the trash; the form is locked on `version` and shows who has it open."""

    restore_keeps = ["published_at"]
    delete_confirmation_template = "admin/articles/article/trash_confirmation.html"

    def get_urls(self):
        presence = path(
            "<path:object_id>/presence/",
            self.admin_site.admin_view(require_POST(self.presence_view)),
            name="articles_article_presence",
        )
        return [presence, *super().get_urls()]

    def get_form(self, request, obj=None, change=False, **kwargs):
        guarded = type("ArticleGuardedForm", (ArticleGuardForm, kwargs.get("form", self.form)), {})
        guarded.admin_site_name = self.admin_site.name
        return super().get_form(request, obj, change, **{**kwargs, "form": guarded})

    def save_model(self, request, obj, form, change):
        if change:
            base = form.cleaned_data.get("base_version")
            obj.version = (obj.version if base is None else base) + 1
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            page = uuid.uuid4().hex
            context["presence"] = {
                "others": mark_present(obj.pk, request.user, page),
                "url": self.url_for("presence", quote(obj.pk)),
                "page": page,
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def presence_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            return JsonResponse({"others": []}, status=404)
        page, leaving = request.POST.get("page", ""), bool(request.POST.get("leave"))
        return JsonResponse({"others": mark_present(obj.pk, request.user, page, leaving=leaving)})

    # Deleting moves to the trash.

    def get_actions(self, request):
        actions = super().get_actions(request)
        if actions.pop("delete_selected", None):
            actions["trash_selected"] = self.get_action("trash_selected")
        return actions

    @admin.action(description=gettext_lazy("Chuyển các bài đã chọn vào thùng rác"))
    def trash_selected(self, request, queryset):
        if not self.has_delete_permission(request):
            raise PermissionDenied
        if request.POST.get("post"):
            count = move_to_trash(queryset, by=request.user, request=request)
            self.message_user(
                request, ngettext("Đã chuyển %d bài vào thùng rác.", "Đã chuyển %d bài vào thùng rác.", count) % count
            )
            return None
        return confirm_action(
            self,
            request,
            queryset,
            _("Chuyển vào thùng rác"),
            "admin/articles/article/trash_selected_confirmation.html",
        )

    def get_deleted_objects(self, objs, request):
        listed = [format_html('<a href="{}">{}</a>', self.url_for("change", quote(obj.pk)), obj) for obj in objs]
        return listed, {self.opts.verbose_name_plural: len(listed)}, set(), []

    def render_delete_form(self, request, context):
        context["title"] = _("Chuyển vào thùng rác")
        return super().render_delete_form(request, context)

    def delete_model(self, request, obj):
        move_to_trash(Article.objects.filter(pk=obj.pk), by=request.user, request=request)

    def delete_queryset(self, request, queryset):
        move_to_trash(queryset, by=request.user, request=request)

    def response_delete(self, request, obj_display, obj_id):
        if IS_POPUP_VAR in request.POST:
            return super().response_delete(request, obj_display, obj_id)
        self.message_user(request, _("Đã chuyển bài “%(title)s” vào thùng rác.") % {"title": obj_display})
        return HttpResponseRedirect(self.url_for("changelist"))


@admin.register(TrashedArticle)
class TrashedArticleAdmin(admin.ModelAdmin):
    """The trash: who may move articles here may restore them; only a site administrator may purge."""

    list_display = ["title", "unit", "status", "deleted_at", "deleted_by"]
    list_display_links = None
    list_filter = [("unit", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["unit", "deleted_by"]
    search_fields = ["title", "lead", "slug"]
    actions = ["restore_selected", "purge_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(TRASH_PERMISSION) or self.has_purge_permission(request)

    def has_restore_permission(self, request):
        return self.has_view_permission(request)

    def has_purge_permission(self, request):
        return request.user.has_perm(PURGE_PERMISSION)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # purging is the "Xóa hẳn" action, with its own confirmation

    @admin.action(permissions=["restore"], description=gettext_lazy("Khôi phục"))
    def restore_selected(self, request, queryset):
        count = restore_from_trash(queryset, by=request.user, request=request)
        self.message_user(request, ngettext("Đã khôi phục %d bài.", "Đã khôi phục %d bài.", count) % count)

    @admin.action(permissions=["purge"], description=gettext_lazy("Xóa hẳn"))
    def purge_selected(self, request, queryset):
        if not self.has_purge_permission(request):
            raise PermissionDenied
        if request.POST.get("post"):
            count = purge(queryset, by=request.user, request=request)
            self.message_user(request, ngettext("Đã xóa hẳn %d bài.", "Đã xóa hẳn %d bài.", count) % count)
            return None
        return confirm_action(
            self,
            request,
            queryset,
            _("Xóa hẳn khỏi thùng rác"),
            "admin/articles/trashedarticle/purge_confirmation.html",
        )
