from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from sorl.thumbnail import get_thumbnail
from taggit.models import Tag as TaggitTag

from newsroom.images import validate_image
from organizations.models import Organization

from .models import Article, ArticlePhoto, Category, Photo, SiteSettings, Tag
from .services import merge_tags

# taggit's own tag model is unused here: articles are tagged with articles.Tag
admin.site.unregister(TaggitTag)


class InUseFilter(admin.SimpleListFilter):
    """Yes/no: is the row used by at least one article through `relation`."""

    parameter_name = "dang_dung"
    relation = None

    def lookups(self, request, model_admin):
        return [("1", _("Có")), ("0", _("Không"))]

    def queryset(self, request, queryset):
        in_use = queryset.model.objects.filter(**{f"{self.relation}__isnull": False})
        if self.value() == "1":
            return queryset.filter(pk__in=in_use)
        if self.value() == "0":
            return queryset.exclude(pk__in=in_use)
        return queryset


class TagInUseFilter(InUseFilter):
    title = _("đang gắn cho bài viết")
    relation = "tagged_articles"


class PhotoInUseFilter(InUseFilter):
    title = _("đã dùng trong thư viện ảnh của bài")
    relation = "placements"


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

    @admin.action(description=_("Gộp các thẻ đã chọn vào thẻ đầu tiên (theo tên)"))
    def merge_selected(self, request, queryset):
        tags = list(queryset.order_by("name"))
        if len(tags) < 2:
            self.message_user(request, _("Hãy chọn ít nhất hai thẻ để gộp."), messages.WARNING)
            return
        into, *sources = tags
        merge_tags(sources=sources, into=into)
        self.message_user(
            request,
            ngettext("Đã gộp %(n)d thẻ vào “%(into)s”.", "Đã gộp %(n)d thẻ vào “%(into)s”.", len(sources))
            % {"n": len(sources), "into": into.name},
        )


def thumbnail_html(photo, size="120x80"):
    if not photo or not photo.image:
        return ""
    try:
        thumb = get_thumbnail(photo.image, size, crop="center", quality=80)
    except OSError:
        return _("(không đọc được ảnh)")
    return format_html('<img src="{}" width="{}" height="{}" alt="">', thumb.url, thumb.width, thumb.height)


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["preview", "__str__", "credit", "size"]
    list_filter = [PhotoInUseFilter]
    search_fields = ["alt_text", "credit", "image"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["preview", "size"]

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


class ArticlePhotoForm(forms.ModelForm):
    """A gallery row: an existing photo, or a new one uploaded here and saved with the row."""

    upload = forms.FileField(
        label=_("tải ảnh mới"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("Hoặc chọn một ảnh có sẵn trong kho ảnh."),
    )

    class Meta:
        model = ArticlePhoto
        fields = ["photo", "upload", "caption", "credit", "alt_text", "order"]

    def __init__(self, *args, uploaded_by=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.uploaded_by = uploaded_by
        self.fields["photo"].required = False

    def clean_upload(self):
        # not a field validator: the field would swap its own "invalid" message for validate_image's
        if upload := self.cleaned_data["upload"]:
            validate_image(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("photo") and not cleaned.get("upload") and "upload" not in self.errors:
            raise forms.ValidationError(_("Hãy tải lên một ảnh hoặc chọn ảnh có sẵn."))
        return cleaned

    def save(self, commit=True):
        if upload := self.cleaned_data.get("upload"):
            self.instance.photo = Photo.objects.create(
                image=upload,
                alt_text=self.instance.alt_text,
                credit=self.instance.credit,
                uploaded_by=self.uploaded_by,
            )
        return super().save(commit)


class ArticlePhotoInline(admin.TabularInline):
    model = ArticlePhoto
    form = ArticlePhotoForm
    extra = 1
    autocomplete_fields = ["photo"]
    readonly_fields = ["preview"]
    fields = ["preview", "photo", "upload", "caption", "credit", "alt_text", "order"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("photo")

    @admin.display(description=_("ảnh"))
    def preview(self, placement):
        return thumbnail_html(placement.photo if placement.pk else None)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "category", "status", "published_at", "is_published"]
    list_filter = ["status", "is_featured", "category", "period_kind", ("unit", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["unit", "category"]
    search_fields = ["title", "lead"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["unit", "related_units", "meeting", "category", "cover"]
    inlines = [ArticlePhotoInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Đơn vị, hội nghị, kỳ"), {"fields": ["unit", "related_units", "meeting", "period_code"]}),
        (_("Phân loại"), {"fields": ["category", "tags"]}),
        (_("Tác giả và nguồn"), {"fields": ["byline", "photo_credit", "source", "source_url", "cover"]}),
        (_("Đăng bài"), {"fields": ["status", "published_at", "is_featured"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = Organization.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        return {
            **super().get_formset_kwargs(request, obj, inline, prefix),
            "form_kwargs": {"uploaded_by": request.user},
        }

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    list_display = ["site_name", "responsible_body", "editor_in_charge"]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()
