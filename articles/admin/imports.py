"""The legacy import for site administrators: the "Nhập bài cũ" page (upload, dry-run table, corrections, an import
in the background with its progress) and the review queue of files whose host unit is unknown."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from newsroom.roles import SITE_ADMIN
from organizations.models import Meeting, Organization

from ..imports import BadUpload, import_row, read_batch, report, unpack
from ..models import ImportBatch, ImportFile, UnitReview
from ..tasks import import_batch

FROM_TEXT = "— theo bài —"


def is_site_admin(request):
    return request.user.is_active and (
        request.user.is_superuser or request.user.groups.filter(name=SITE_ADMIN).exists()
    )


class SiteAdminOnly:
    """Pages for site administrators (and superusers) only."""

    def has_module_permission(self, request):
        return is_site_admin(request)

    def has_view_permission(self, request, obj=None):
        return is_site_admin(request)

    def has_change_permission(self, request, obj=None):
        return is_site_admin(request)

    def has_add_permission(self, request):
        return is_site_admin(request)

    def has_delete_permission(self, request, obj=None):
        return is_site_admin(request)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        single = super().clean
        return [single(one, initial) for one in data] if isinstance(data, list | tuple) else [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Tệp bài cũ"),
        help_text=_("Tệp .txt, .html (trang web đã lưu) hoặc .zip chứa chúng; chọn được nhiều tệp một lần."),
        error_messages={"required": _("Hãy chọn ít nhất một tệp.")},
    )


class CorrectionForm(forms.Form):
    """The unit and the kind of each row, pre-filled with what the dry run read."""

    def __init__(self, *args, rows, units, **kwargs):
        super().__init__(*args, **kwargs)
        unit_choices = [("", FROM_TEXT), *((unit.pk, unit.name) for unit in units)]
        kind_choices = [("", FROM_TEXT), *Meeting.Kind.choices]
        for row in rows:
            unit_label = _("Đơn vị của %(file)s") % {"file": row.name}
            kind_label = _("Loại hội nghị của %(file)s") % {"file": row.name}
            self.fields[f"unit_{row.pk}"] = forms.TypedChoiceField(
                label=unit_label,
                widget=forms.Select(attrs={"aria-label": unit_label}),
                choices=unit_choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=row.unit_id or row.facts.get("unit_id"),
            )
            self.fields[f"kind_{row.pk}"] = forms.ChoiceField(
                label=kind_label,
                widget=forms.Select(attrs={"aria-label": kind_label}),
                choices=kind_choices,
                required=False,
                initial=row.meeting_type or row.facts.get("meeting_type"),
            )


@admin.register(ImportBatch)
class ImportBatchAdmin(SiteAdminOnly, admin.ModelAdmin):
    """ "Nhập bài cũ": "add" is the upload, a batch's page is its dry-run table, then its progress and report."""

    list_display = ["__str__", "status", "progress", "created_by", "created_at", "finished_at"]
    list_select_related = ["created_by"]

    def has_delete_permission(self, request, obj=None):
        return False  # its files that wait for a unit are in the review queue

    @admin.display(description=_("tiến độ"))
    def progress(self, batch):
        return f"{batch.done}/{batch.total}"

    def context(self, request, **extra):
        return {**self.admin_site.each_context(request), "opts": self.opts, **extra}

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        posted = request.method == "POST"
        form = UploadForm(request.POST, request.FILES) if posted else UploadForm()
        if posted and form.is_valid():
            try:
                files = unpack(form.cleaned_data["files"])
            except BadUpload as error:
                form.add_error("files", str(error))
            else:
                batch = read_batch(files, by=request.user)
                return HttpResponseRedirect(reverse("admin:articles_importbatch_change", args=[batch.pk]))
        context = self.context(request, title=_("Nhập bài cũ"), form=form)
        return TemplateResponse(request, "admin/articles/importbatch/upload.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        batch = self.get_object(request, unquote(object_id))
        if not self.has_view_permission(request, batch):
            raise PermissionDenied
        if batch is None:
            raise Http404
        rows = list(batch.files.select_related("unit", "article"))
        form = None
        if batch.status == ImportBatch.Status.READ:
            pending = [row for row in rows if row.state == ImportFile.State.READ]
            units = Organization.objects.editable_by(request.user).order_by("path")
            posted = request.method == "POST"
            form = CorrectionForm(request.POST if posted else None, rows=pending, units=units)
            if posted and form.is_valid():
                self.start(request, batch, pending, form.cleaned_data)
                return HttpResponseRedirect(request.path)
            for row in rows:
                row.fields = (form[f"unit_{row.pk}"], form[f"kind_{row.pk}"]) if row in pending else None
        for row in rows:
            row.kind_label = kind_label(row.meeting_type or row.facts.get("meeting_type"))
            row.date_label = _day_first(row.facts.get("meeting_date"))
        context = self.context(
            request,
            title=_("Nhập bài cũ: đợt #%(number)s") % {"number": batch.pk},
            batch=batch,
            rows=rows,
            form=form,
            counts=report(batch) if not batch.is_running() else None,
            states=ImportFile.State,
            refresh=batch.is_running(),
        )
        return TemplateResponse(request, "admin/articles/importbatch/batch.html", context)

    def start(self, request, batch, rows, corrections):
        for row in rows:
            unit, kind = corrections[f"unit_{row.pk}"], corrections[f"kind_{row.pk}"]
            row.unit_id = unit if unit != row.facts.get("unit_id") else None
            row.meeting_type = kind if kind != row.facts.get("meeting_type") else ""
            row.save(update_fields=["unit", "meeting_type"])
        ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.QUEUED)
        import_batch.enqueue(batch.pk)
        self.message_user(
            request, _("Đã bắt đầu nhập %(count)d tệp; trang này cho biết tiến độ.") % {"count": len(rows)}
        )


@admin.register(UnitReview)
class UnitReviewAdmin(SiteAdminOnly, admin.ModelAdmin):
    """Files whose host unit could not be read: nothing of them is public until a unit is chosen here."""

    list_display = ["name", "title", "meeting_date", "kind", "found_unit", "created_at"]
    search_fields = ["name", "text"]
    fields = ["unit", "meeting_type", "extracted", "message"]
    readonly_fields = ["extracted", "message"]
    autocomplete_fields = ["unit"]

    def get_queryset(self, request):
        return super().get_queryset(request).waiting_for_unit()

    def has_add_permission(self, request):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = Organization.objects.editable_by(request.user)
            kwargs["required"] = True
            kwargs["help_text"] = _("Chọn đơn vị tổ chức: bài được tạo (bản nháp) trong đơn vị này khi lưu.")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("tiêu đề"))
    def title(self, row):
        return row.facts.get("title") or "—"

    @admin.display(description=_("ngày họp"))
    def meeting_date(self, row):
        return _day_first(row.facts.get("meeting_date"))

    @admin.display(description=_("loại hội nghị"))
    def kind(self, row):
        return kind_label(row.facts.get("meeting_type"))

    @admin.display(description=_("đơn vị đọc được"))
    def found_unit(self, row):
        return row.facts.get("unit_label") or "—"

    @admin.display(description=_("thông tin đọc được"))
    def extracted(self, row):
        return facts_html(row.facts)

    def save_model(self, request, obj, form, change):
        obj.save()
        import_row(obj, by=None if request.user.is_superuser else request.user)
        if obj.state == ImportFile.State.IMPORTED:
            link = reverse("admin:articles_article_change", args=[obj.article_id])
            self.message_user(
                request,
                format_html('Đã tạo bài nháp “<a href="{}">{}</a>” trong {}.', link, obj.article, obj.unit),
                messages.SUCCESS,
            )
        elif obj.state != ImportFile.State.WAITING_UNIT:
            self.message_user(request, obj.message or obj.get_state_display(), messages.WARNING)

    def response_change(self, request, obj):
        return HttpResponseRedirect(reverse("admin:articles_unitreview_changelist"))


def kind_label(kind):
    return dict(Meeting.Kind.choices).get(kind or Meeting.Kind.OTHER, kind)


def _day_first(iso):
    return "/".join(reversed(iso.split("-"))) if iso else "—"


def facts_html(facts):
    """The extracted facts, in words: title, date, kind, period, unit, people, warnings."""
    people = ", ".join(person["name"] for person in facts.get("people", []))
    lines = [
        (_("Tiêu đề"), facts.get("title") or "—"),
        (_("Ngày họp"), _day_first(facts.get("meeting_date"))),
        (_("Ngày đăng"), _day_first(facts.get("published"))),
        (_("Loại hội nghị"), kind_label(facts.get("meeting_type"))),
        (_("Kỳ báo cáo"), facts.get("period_label") or "—"),
        (_("Đơn vị đọc được"), facts.get("unit_label") or "—"),
        (_("Người dự"), people or "—"),
        (_("Không xác định được"), ", ".join(facts.get("missing", [])) or "—"),
    ]
    return format_html("<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", lines))
