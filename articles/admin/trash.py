"""The trash: who may move articles here may restore them; only a site administrator may purge."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..models import TrashedArticle
from ..services import purge, restore_from_trash
from .history import confirm_action

PURGE_PERMISSION = "articles.purge_article"
TRASH_PERMISSION = "articles.delete_article"


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
