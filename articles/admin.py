from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from sorl.thumbnail import get_thumbnail
from taggit.models import Tag as TaggitTag

from newsroom.images import validate_image
from organizations.models import Meeting, Organization

from .history import ArticleHistoryAdmin
from .models import Article, ArticlePhoto, Category, Photo, SiteSettings, Tag
from .proposals import propose
from .services import merge_tags
from .views import preview_url
from .workflow import APPROVE_PERMISSION, TRANSITIONS, apply_transition, available_transitions

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
                "title": _("Gộp thẻ"), "tags": tags, "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }  # fmt: skip
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

    def get_readonly_fields(self, request, obj=None):
        """The file of a stored photo is not replaced: other units' published articles may show it."""
        if obj is None or request.user.is_superuser:
            return self.readonly_fields
        return [*self.readonly_fields, "image"]

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


class ArticlePhotoInline(admin.StackedInline):
    model = ArticlePhoto
    form = ArticlePhotoForm
    extra = 1
    autocomplete_fields = ["photo"]
    readonly_fields = ["preview"]
    fields = [("preview", "photo", "upload"), "caption", ("credit", "alt_text", "order")]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("photo")

    @admin.display(description=_("xem trước"))
    def preview(self, placement):
        return thumbnail_html(placement.photo if placement.pk else None)


class ArticleAdminForm(forms.ModelForm):
    workflow_comment = forms.CharField(
        label=_("Ghi chú gửi kèm"), required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=_("Bắt buộc khi trả lại hoặc gỡ bài."),
    )  # fmt: skip

    proposal_kind = forms.ChoiceField(
        label=_("loại hội nghị"), required=False, choices=[("", "---------"), *Meeting.Kind.choices],
        help_text=_("Chọn đơn vị và loại hội nghị để được đề xuất tiêu đề, thẻ và kỳ báo cáo."),
    )  # fmt: skip

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 -- the admin's fieldsets choose the fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal_kind"].widget.attrs.update(proposal_attrs(unit_field="id_unit"))

    def clean(self):
        cleaned = super().clean()
        transition = TRANSITIONS.get(self.data.get("_transition", ""))
        if transition and transition.needs_comment and not cleaned.get("workflow_comment", "").strip():
            self.add_error("workflow_comment", _("Hãy ghi rõ lý do khi “%(action)s”.") % {"action": transition.label})
        return cleaned


def proposal_attrs(*, unit_field, date_field=""):
    return {"data-propose-url": reverse("admin:articles_article_propose"), "data-unit-field": unit_field,
            "data-date-field": date_field}  # fmt: skip


def propose_view(request):
    """JSON: the usual title, tags and period for ?unit=<id>&kind=<code>[&on=dd/mm/yyyy], within the user's units."""
    unit = Organization.objects.editable_by(request.user).filter(pk=request.GET.get("unit") or None).first()
    if unit is None or request.GET.get("kind") not in Meeting.Kind.values:
        return JsonResponse({"error": _("Chọn một đơn vị của bạn và một loại hội nghị.")}, status=400)
    try:
        on = forms.DateField().clean(request.GET.get("on")) or timezone.localdate()
    except forms.ValidationError:
        on = timezone.localdate()
    return JsonResponse(propose(unit, request.GET["kind"], on))


@admin.register(Article)
class ArticleAdmin(ArticleHistoryAdmin):
    form = ArticleAdminForm
    list_display = ["title", "unit", "status", "waiting", "published_at", "is_published"]
    list_filter = ["status", "is_featured", "category", "period_kind", ("unit", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["unit", "category"]
    search_fields = ["title", "lead", "unit__name", "unit__short_name"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["unit", "related_units", "meeting", "category", "cover"]
    readonly_fields = ["status"]
    inlines = [ArticlePhotoInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Đơn vị, hội nghị, kỳ"), {"fields": ["unit", "proposal_kind", "related_units", "meeting", "period_code"]}),
        (_("Phân loại"), {"fields": ["category", "tags"]}),
        (_("Tác giả và nguồn"), {"fields": ["byline", "photo_credit", "source", "source_url", "cover"]}),
        (_("Đăng bài"), {"fields": ["status", "published_at", "is_featured"]}),
    ]

    class Media:
        js = ["admin/js/jquery.init.js", "admin/js/proposals.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def get_urls(self):
        propose = path("de-xuat/", self.admin_site.admin_view(propose_view), name="articles_article_propose")
        return [propose, *super().get_urls()]

    def get_readonly_fields(self, request, obj=None):
        if request.user.has_perm(APPROVE_PERMISSION):
            return self.readonly_fields
        return [*self.readonly_fields, "is_featured"]

    def get_search_results(self, request, queryset, search_term):
        """Titles and leads without diacritics or with either tone placement ("hoi nghi", "Tỉnh uỷ")."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            found = found | queryset.filter(pk__in=queryset.search(search_term).values("pk"))
        return found, may_have_duplicates

    @admin.display(description=_("chờ duyệt"), ordering="submitted_at")
    def waiting(self, obj):
        if obj.status != Article.Status.SUBMITTED or not obj.submitted_at:
            return ""
        return timesince(obj.submitted_at)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        units = Organization.objects.editable_by(request.user)
        if db_field.name == "unit":
            kwargs["queryset"] = units
        if db_field.name == "meeting":
            kwargs["queryset"] = Meeting.objects.filter(host__in=units)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        """A published report changes only with an approver: an editor's edit would go public unapproved."""
        if (
            obj is not None
            and obj.status == Article.Status.PUBLISHED
            and not request.user.has_perm(APPROVE_PERMISSION)
        ):
            return False
        return super().has_change_permission(request, obj)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        return {
            **super().get_formset_kwargs(request, obj, inline, prefix),
            "form_kwargs": {"uploaded_by": request.user},
        }

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["workflow"] = {
            "transitions": available_transitions(request.user, obj) if obj else [TRANSITIONS["submit"]],
            "events": obj.events.select_related("actor")[:20] if obj else [],
            "preview_url": preview_url(request, obj) if obj else "",
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self._after_save(request, obj) or super().response_change(request, obj)

    def _after_save(self, request, obj):
        """The edits are saved; now the workflow step that the button asked for."""
        name = request.POST.get("_transition")
        if not name:
            return None
        try:
            apply_transition(
                obj, name, by=request.user, comment=request.POST.get("workflow_comment", ""), request=request
            )
        except (ValidationError, PermissionDenied) as error:
            self.message_user(request, " ".join(getattr(error, "messages", [str(error)])), messages.ERROR)
        else:
            obj.refresh_from_db()
            self.message_user(
                request,
                _("Đã lưu và “%(action)s”: bài đang ở trạng thái “%(status)s”.")
                % {"action": TRANSITIONS[name].label, "status": obj.get_status_display()},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    list_display = ["site_name", "responsible_body", "editor_in_charge"]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()
