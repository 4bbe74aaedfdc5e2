from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from sorl.thumbnail import get_thumbnail

from newsroom.images import validate_image
from organizations.models import Organization

from .models import Article, ArticlePhoto, Category, Photo, Tag
from .services import merge_tags


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "key"]
    actions = ["merge_selected"]

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
    list_display = ["preview", "__str__", "credit", "width", "height", "uploaded_at"]
    search_fields = ["alt_text", "credit", "image"]
    readonly_fields = ["preview", "width", "height"]

    @admin.display(description=_("ảnh"))
    def preview(self, obj):
        return thumbnail_html(obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)


class ArticlePhotoForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("tải ảnh mới"), required=False, help_text=_("Hoặc chọn một ảnh có sẵn trong kho ảnh.")
    )

    class Meta:
        model = ArticlePhoto
        fields = ["photo", "upload", "caption", "credit", "alt_text", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo"].required = False

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload:
            validate_image(upload)
            photo = Photo(image=upload, alt_text=cleaned.get("alt_text", ""), credit=cleaned.get("credit", ""))
            photo.full_clean()
            photo.save()
            cleaned["photo"] = photo
        elif not cleaned.get("photo") and not cleaned.get("DELETE"):
            raise forms.ValidationError(_("Hãy tải lên một ảnh hoặc chọn ảnh có sẵn."))
        return cleaned


class ArticlePhotoInline(admin.TabularInline):
    model = ArticlePhoto
    form = ArticlePhotoForm
    extra = 1
    autocomplete_fields = ["photo"]
    readonly_fields = ["preview"]
    fields = ["preview", "photo", "upload", "caption", "credit", "alt_text", "order"]

    @admin.display(description=_("ảnh"))
    def preview(self, obj):
        return thumbnail_html(obj.photo if obj.pk else None)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "category", "status", "published_at", "is_published"]
    list_filter = ["status", "category", "period_kind", ("unit", admin.RelatedOnlyFieldListFilter)]
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
        (_("Đăng bài"), {"fields": ["status", "published_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = Organization.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        uploaded = [f.cleaned_data["photo"].pk for f in formset.forms if getattr(f, "cleaned_data", {}).get("upload")]
        Photo.objects.filter(pk__in=uploaded, uploaded_by=None).update(uploaded_by=request.user)

    def _changeform_view(self, request, *args, **kwargs):
        response = super()._changeform_view(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("errors"):
            # photos uploaded in the gallery inline are saved while cleaning; drop them with the failed form
            transaction.set_rollback(True)
        return response
