"""The article form: gallery, meeting proposals and the editorial workflow's buttons."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from newsroom.admin import PeriodListFilter, PeriodPickerAdmin, worded
from newsroom.images import validate_image
from organizations.admin import proposal_attrs
from organizations.models import Meeting, Organization

from ..models import Article, ArticlePhoto, Photo
from ..views import preview_url
from ..workflow import APPROVE_PERMISSION, TRANSITIONS, apply_transition, available_transitions
from .history import ArticleHistoryAdmin
from .library import thumbnail_html


def allow_current_photo(form, field, photo_id):
    """Let `field` keep the photo it holds: one attached before photos had units stays valid, though of no unit of
    the user's."""
    if photo_id and field in form.fields:
        form.fields[field].queryset = form.fields[field].queryset | Photo.objects.filter(pk=photo_id)


def check_photo_unit(form, field, unit):
    """An article shows photos of its unit and of the units below it: a newly chosen one of another is refused."""
    photo = form.cleaned_data.get(field)
    if photo and unit and not photo.is_usable_in(unit):
        form.add_error(
            field,
            _(
                "Ảnh “%(photo)s” thuộc đơn vị khác (%(owner)s): bài của %(unit)s chỉ dùng ảnh của đơn vị mình và các "
                "đơn vị trực thuộc."
            )
            % {"photo": photo, "owner": photo.unit, "unit": unit},
        )


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
        allow_current_photo(self, "photo", self.instance.photo_id)

    def clean_upload(self):
        # not a field validator: the field would swap its own "invalid" message for validate_image's
        if upload := self.cleaned_data["upload"]:
            validate_image(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("photo") and not cleaned.get("upload") and "upload" not in self.errors:
            raise forms.ValidationError(_("Hãy tải lên một ảnh hoặc chọn ảnh có sẵn."))
        article = cleaned.get("article")  # the article of the form above, as posted
        if "photo" in self.changed_data and article and article.unit_id:
            check_photo_unit(self, "photo", article.unit)
        return cleaned

    def save(self, commit=True):
        if upload := self.cleaned_data.get("upload"):
            self.instance.photo = Photo.objects.create(
                image=upload,
                alt_text=self.instance.alt_text,
                credit=self.instance.credit,
                unit=self.instance.article.unit,
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

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "photo":
            kwargs["queryset"] = Photo.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("xem trước"))
    def preview(self, placement):
        return thumbnail_html(placement.photo if placement.pk else None)


class ArticleAdminForm(forms.ModelForm):
    workflow_comment = forms.CharField(
        label=_("Ghi chú gửi kèm"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=_("Bắt buộc khi trả lại hoặc gỡ bài."),
    )

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 -- the admin's fieldsets choose the fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "meeting_kind" in self.fields:
            self.fields["meeting_kind"].widget.attrs.update(proposal_attrs(unit_field="id_unit"))
        if self.instance.published_at_estimated and "published_at" in self.fields:
            self.fields["published_at"].help_text = _(
                "Ước tính: bài nhập từ trang cũ không ghi thời gian đăng (lấy ngày họp, cuối kỳ báo cáo hoặc lúc "
                "nhập). Hãy kiểm tra và sửa nếu biết ngày đăng thật."
            )
        allow_current_photo(self, "cover", self.instance.cover_id)

    def clean(self):
        cleaned = super().clean()
        slug = cleaned.get("slug")
        in_trash = Article.all_objects.filter(slug=slug, deleted_at__isnull=False).exclude(pk=self.instance.pk)
        if slug and in_trash.exists():
            self.add_error("slug", _("Đường dẫn này thuộc một bài trong thùng rác: hãy chọn đường dẫn khác."))
        if {"cover", "unit"} & set(self.changed_data):
            check_photo_unit(self, "cover", cleaned.get("unit"))
        transition = TRANSITIONS.get(self.data.get("_transition", ""))
        if transition and transition.needs_comment and not cleaned.get("workflow_comment", "").strip():
            self.add_error("workflow_comment", _("Hãy ghi rõ lý do khi “%(action)s”.") % {"action": transition.label})
        return cleaned


def waiting_on(article):
    """Who the article waits on, in a sentence for the workflow bar."""
    if article is None or article.status == Article.Status.DRAFT:
        return _("Bài nháp: phóng viên viết xong thì bấm “Gửi duyệt”; người duyệt của đơn vị sẽ nhận được bài.")
    author = article.created_by and (article.created_by.get_full_name() or article.created_by.username)
    return {
        Article.Status.SUBMITTED: _("Chờ người duyệt của %(unit)s đọc, sửa rồi “Duyệt và đăng” hoặc “Trả lại”."),
        Article.Status.RETURNED: _("Chờ %(author)s sửa theo ghi chú rồi gửi duyệt lại."),
        Article.Status.PUBLISHED: _("Bài đã đăng: chỉ người duyệt sửa được; sửa xong bấm “Lưu lại” là cập nhật ngay."),
        Article.Status.WITHDRAWN: _("Bài đã gỡ khỏi trang: sửa rồi gửi duyệt lại nếu cần đăng lại."),
    }[article.status] % {"unit": article.unit.display_name, "author": author or _("người viết")}


@admin.register(Article)
class ArticleAdmin(PeriodPickerAdmin, ArticleHistoryAdmin):
    form = ArticleAdminForm
    list_display = ["title", "unit", "status", "waiting", "published", "is_published"]
    list_filter = [
        "status",
        ("is_featured", worded(_("Tin nổi bật"), _("Tin thường"))),
        "category",
        "meeting_kind",
        "period_kind",
        PeriodListFilter,
        ("unit", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["unit", "category"]
    search_fields = ["title", "lead", "unit__name", "unit__short_name"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["unit", "related_units", "meeting", "category", "cover"]
    readonly_fields = ["status"]
    inlines = [ArticlePhotoInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Đơn vị, hội nghị, kỳ"), {"fields": ["unit", "meeting_kind", "related_units", "meeting", "period_code"]}),
        (_("Phân loại"), {"fields": ["category", "tags"]}),
        (_("Tác giả và nguồn"), {"fields": ["byline", "photo_credit", "source", "source_url", "cover"]}),
        (_("Đăng bài"), {"fields": ["status", "published_at", "is_featured"]}),
    ]

    class Media:
        js = ["admin/js/jquery.init.js", "admin/js/proposals.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

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

    @admin.display(description=_("thời gian đăng"), ordering="published_at")
    def published(self, obj):
        if obj.published_at is None:
            return "-"
        shown = formats.date_format(timezone.localtime(obj.published_at), "d/m/Y H:i")
        if obj.published_at_estimated:
            return format_html('{} <em title="{}">(ước tính)</em>', shown, _("Bài nhập không ghi thời gian đăng"))
        return shown

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
        if db_field.name == "cover":
            kwargs["queryset"] = Photo.objects.editable_by(request.user)
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
        if "published_at" in form.changed_data:
            obj.published_at_estimated = False  # an editor set it
        super().save_model(request, obj, form, change)

    def get_urls(self):
        preview_link = path(
            "<path:object_id>/preview-link/",
            self.admin_site.admin_view(require_POST(self.preview_link_view)),
            name="articles_article_preview_link",
        )
        return [preview_link, *super().get_urls()]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        may_share = obj is not None and obj.pk and self.has_change_permission(request, obj)
        context["workflow"] = {
            "waiting": waiting_on(obj),
            "transitions": available_transitions(request.user, obj) if obj else [TRANSITIONS["submit"]],
            "events": obj.events.select_related("actor")[:20] if obj else [],
            "preview_link_url": self.url_for("preview_link", quote(obj.pk)) if may_share else "",
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def preview_link_view(self, request, object_id):
        """A new signed link to the saved article for someone without an account (admin/js/preview_link.js)."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            return JsonResponse(
                {"error": _("Không tìm thấy bài viết hoặc bạn không có quyền sửa bài này.")}, status=404
            )
        return JsonResponse({"url": preview_url(request, obj)})

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
