"""The library behind the articles: categories, tags, photos and the site's settings."""

from django.contrib import admin, messages
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from sorl.thumbnail import get_thumbnail
from taggit.models import Tag as TaggitTag

from organizations.models import Organization

from ..models import Article, Category, Photo, SiteSettings, Tag
from ..services import merge_tags
from .approval import ApprovalRequiredAdmin

# taggit's own tag model is unused here: articles are tagged with articles.Tag
admin.site.unregister(TaggitTag)


class InUseFilter(admin.SimpleListFilter):
    """Yes/no: is the row used by at least one article through `relation`."""

    parameter_name = "dang_dung"
    relation = None
    used_label = unused_label = ""

    def lookups(self, request, model_admin):
        return [("1", self.used_label), ("0", self.unused_label)]

    def queryset(self, request, queryset):
        in_use = queryset.model.objects.filter(**{f"{self.relation}__isnull": False})
        if self.value() == "1":
            return queryset.filter(pk__in=in_use)
        if self.value() == "0":
            return queryset.exclude(pk__in=in_use)
        return queryset


class TagInUseFilter(InUseFilter):
    title = _("bài viết")
    relation = "tagged_articles"
    used_label = _("Đang gắn cho bài viết")
    unused_label = _("Chưa gắn cho bài nào")


class PhotoInUseFilter(InUseFilter):
    title = _("dùng trong bài")
    relation = "placements"
    used_label = _("Đã có trong ảnh của bài")
    unused_label = _("Chưa dùng trong bài nào")


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    list_filter = [TagInUseFilter]
    search_fields = ["name", "key"]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("tagged_articles"))

    @admin.display(description=_("số bài viết"), ordering="article_count")
    def article_count(self, tag):
        return tag.article_count

    @admin.action(permissions=["change", "delete"], description=_("Gộp các thẻ đã chọn…"))
    def merge_selected(self, request, queryset):
        """First a page to choose which tag stays, then the merge."""
        tags = list(queryset.order_by("name"))
        if len(tags) < 2:
            self.message_user(request, _("Hãy chọn ít nhất hai thẻ để gộp."), messages.WARNING)
            return None
        into = next((tag for tag in tags if str(tag.pk) == request.POST.get("into")), None)
        if request.POST.get("confirm") != "yes" or into is None:
            context = {
                **self.admin_site.each_context(request),
                "title": _("Gộp thẻ"),
                "tags": tags,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/articles/tag/merge.html", context)
        sources = [tag for tag in tags if tag.pk != into.pk]
        merge_tags(sources=sources, into=into)
        self.message_user(
            request,
            ngettext("Đã gộp %(n)d thẻ vào “%(into)s”.", "Đã gộp %(n)d thẻ vào “%(into)s”.", len(sources))
            % {"n": len(sources), "into": into.name},
        )
        return None


def thumbnail_html(photo, size="120x80"):
    if not photo or not photo.image or not photo.image._committed:  # an upload in a form sent back with errors
        return ""
    try:
        thumb = get_thumbnail(photo.image, size, crop="center", quality=80)
    except OSError:
        return _("(không đọc được ảnh)")
    return format_html('<img src="{}" width="{}" height="{}" alt="">', thumb.url, thumb.width, thumb.height)


@admin.register(Photo)
class PhotoAdmin(ApprovalRequiredAdmin, admin.ModelAdmin):
    list_display = ["preview", "__str__", "unit", "credit", "size"]
    list_filter = [PhotoInUseFilter, ("unit", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["unit"]
    search_fields = ["alt_text", "credit", "image"]
    date_hierarchy = "uploaded_at"
    autocomplete_fields = ["unit"]
    readonly_fields = ["preview", "size"]
    locked_message = _(
        "Ảnh này đang hiện trên bài đã đăng: chỉ người duyệt mới được sửa mô tả và tác giả ảnh. "
        "Bạn chỉ xem được; thay đổi không được lưu."
    )

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def is_public(self, photo):
        return Article.objects.approved().shown_photos().filter(pk=photo.pk).exists()

    def get_readonly_fields(self, request, obj=None):
        """The file of a stored photo is not replaced: other units' published articles may show it."""
        if obj is None or request.user.is_superuser:
            return self.readonly_fields
        return [*self.readonly_fields, "image"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":  # a photo of no unit is for superusers only
            kwargs |= {
                "queryset": Organization.objects.editable_by(request.user),
                "required": not request.user.is_superuser,
            }
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        unit = Organization.objects.assigned_to(request.user).first()
        return {"unit": unit.pk if unit else None, **super().get_changeform_initial_data(request)}

    @admin.display(description=_("ảnh"))
    def preview(self, photo):
        return thumbnail_html(photo)

    @admin.display(description=_("kích thước (điểm ảnh)"))
    def size(self, photo):
        return f"{photo.width} × {photo.height}" if photo.width else ""

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    list_display = ["site_name", "responsible_body", "editor_in_charge"]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()
