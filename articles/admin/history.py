"""The article form's history: saved versions, optimistic locking, who else has it open, and delete as trash."""

import uuid

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from audit.history import HistoryAdmin

from ..models import Article
from ..presence import mark_present
from ..services import move_to_trash


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


class ArticleHistoryAdmin(HistoryAdmin):
    """Versions, restore and the lock on `version` (HistoryAdmin); who else has it open; delete moves to the trash."""

    restore_keeps = ["published_at"]
    version_noun = gettext_lazy("bài")
    delete_confirmation_template = "admin/articles/article/trash_confirmation.html"

    def get_urls(self):
        presence = path(
            "<path:object_id>/presence/",
            self.admin_site.admin_view(require_POST(self.presence_view)),
            name="articles_article_presence",
        )
        return [presence, *super().get_urls()]

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
