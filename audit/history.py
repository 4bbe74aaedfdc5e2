"""Saved versions in the admin: the history of an object, a field-by-field comparison, and a safe restore.

django-reversion keeps the versions; HistoryAdmin adds what its VersionAdmin lacks: Vietnamese pages, a compare
view, and a restore that only changes what the user could have changed in the form.
"""

import difflib
import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

import reversion
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets, quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.timezone import is_aware, localtime, now
from django.utils.translation import gettext as _
from django_ckeditor_5.fields import CKEditor5Field
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Revision, Version

# why: reversion's public API has no way to read a model's registration or to walk what it follows;
# tests/audit/test_history.py pins what these two give, so that an upgrade that changes them fails there first
from reversion.revisions import _follow_relations_recursive, _get_options

from newsroom.html import html_to_text

from .models import AuditEvent, record


def saved_at(version):
    return date_format(localtime(version.revision.date_created), "d/m/Y H:i")


def saved_by(version):
    user = version.revision.user
    return (user.get_full_name() or user.get_username()) if user else _("không rõ")


# --- Comparing two states of an object ---


@dataclass
class Change:
    label: str
    before: str
    after: str


def followed_relations(model):
    """(label, child model, foreign key attname) of each one-to-many relation `model`'s versions follow."""
    accessors = {rel.get_accessor_name(): rel for rel in model._meta.related_objects if rel.one_to_many}
    return [
        (rel.related_model._meta.verbose_name_plural, rel.related_model, rel.field.attname)
        for name in _get_options(model).follow
        if (rel := accessors.get(name))
    ]


def current_versions(obj):
    """The object as it is now, and what its versions follow, as unsaved Versions (a revision's shape)."""
    return [
        Version(
            content_type=ContentType.objects.get_for_model(item),
            object_id=str(item.pk),
            format="json",
            serialized_data=serializers.serialize("json", [item], fields=_get_options(type(item)).fields),
            object_repr=str(item),
        )
        for item in _follow_relations_recursive(obj)
    ]


def keep_stored_state(obj, *, comment):
    """Make the stored state of `obj` its first version, when it has none: edits made before versions were kept,
    or by the importer, can then be compared and restored."""
    if Version.objects.get_for_object(obj).exists():
        return
    stored = type(obj)._base_manager.get(pk=obj.pk)
    revision = Revision.objects.create(date_created=getattr(stored, "updated_at", None) or now(), comment=comment)
    versions = current_versions(stored)
    for version in versions:
        version.revision, version.db = revision, router.db_for_write(version._model)
    Version.objects.bulk_create(versions)


def compare(model, object_id, old_versions, new_versions):
    """What differs between two states of the object `object_id`, field by field, labelled in Vietnamese."""
    old_versions, new_versions = list(old_versions), list(new_versions)
    old, new = _version_of(old_versions, model, object_id), _version_of(new_versions, model, object_id)
    changes = []
    for name in _get_options(model).fields:
        field = model._meta.get_field(name)
        if not field.editable or (field.many_to_many and not field.remote_field.through._meta.auto_created):
            continue
        before = _display(field, old.field_dict.get(field.attname) if old else None)
        after = _display(field, new.field_dict.get(field.attname) if new else None)
        if before != after:
            changes.append(Change(str(capfirst(field.verbose_name)), *text_diff(before, after)))
    for label, child, fk in followed_relations(model):
        before = _items(old_versions, child, fk, object_id)
        after = _items(new_versions, child, fk, object_id)
        if before != after:
            changes.append(Change(str(capfirst(label)), *text_diff(before, after)))
    return changes


def _version_of(versions, model, object_id):
    content_type = ContentType.objects.get_for_model(model)
    return next((v for v in versions if v.content_type_id == content_type.pk and v.object_id == str(object_id)), None)


def _display(field, value):
    if value is None or value == "" or value == []:
        return ""
    if field.many_to_many:
        return ", ".join(sorted(str(obj) for obj in field.related_model._base_manager.filter(pk__in=value)))
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related else _("#%(pk)s (đã xóa)") % {"pk": value}
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, datetime):
        return date_format(localtime(value) if is_aware(value) else value, "d/m/Y H:i")
    if isinstance(value, date):
        return date_format(value, "d/m/Y")
    if isinstance(field, CKEditor5Field):
        return html_to_text(value)
    return str(value)


def _items(versions, child, fk, parent_id):
    """One line per row of `child` that belongs to the parent: what a link table links to, else the row itself."""
    content_type = ContentType.objects.get_for_model(child)
    rows = [v for v in versions if v.content_type_id == content_type.pk and str(v.field_dict[fk]) == str(parent_id)]
    rows.sort(key=lambda v: (v.field_dict.get("order") or 0, int(v.object_id) if v.object_id.isdigit() else 0))
    others = [f for f in child._meta.concrete_fields if not f.primary_key and f.attname != fk]
    if len(others) == 1 and others[0].is_relation:  # a link table, such as an article's tags
        return "\n".join(_display(others[0], v.field_dict[others[0].attname]) for v in rows)
    return "\n".join(v.object_repr for v in rows)


WORDS = re.compile(r"\s+|\w+|[^\w\s]")


def text_diff(old, new):
    """`old` with <del> and `new` with <ins> around what differs, line by line then word by word; escaped."""
    before, after = [], []
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal":
            before.append(escape(old_part))
            after.append(escape(new_part))
        elif op == "replace":
            words_before, words_after = _word_diff(old_part, new_part)
            before.append(words_before)
            after.append(words_after)
        else:
            before.append(_mark("del", old_part))
            after.append(_mark("ins", new_part))
    return mark_safe("".join(before)), mark_safe("".join(after))


def _word_diff(old, new):
    a, b = WORDS.findall(old), WORDS.findall(new)
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    parts = []  # (changed, old text, new text), a change next to a change merged into one
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        # a lone space between two changed words belongs to the change: "<del>sơ kết</del>", not "<del>sơ</del> …"
        lone_space = not old_part.strip() and "\n" not in old_part and 0 < n < len(opcodes) - 1
        changed = op != "equal" or lone_space
        if changed and parts and parts[-1][0]:
            _changed, old_before, new_before = parts.pop()
            old_part, new_part = old_before + old_part, new_before + new_part
        parts.append((changed, old_part, new_part))
    before = "".join(_mark("del", o) if changed else escape(o) for changed, o, _n in parts)
    after = "".join(_mark("ins", n) if changed else escape(n) for changed, _o, n in parts)
    return before, after


def _mark(tag, text):
    return f"<{tag}>{escape(text)}</{tag}>" if text else ""


# --- The admin ---


def missing_references(revision):
    """What the versions of `revision` point to and no longer exists (a merged tag, a deleted photo), as text."""
    gone = []
    for version in revision.version_set.all():
        for field in version._model._meta.concrete_fields:
            target = version.field_dict.get(field.attname) if field.many_to_one else None
            if target is not None and not field.related_model._base_manager.filter(pk=target).exists():
                gone.append(f"{field.related_model._meta.verbose_name} #{target}")
    return ", ".join(gone)


class VersionGuardForm(forms.ModelForm):
    """Refuses to save over a newer version than the one the form was opened on: the model's `version` field, which
    HistoryAdmin raises by one on each save. A form that does not say which version it edits is refused too."""

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    admin_site_name = "admin"
    noun = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("base_version", self.instance.version)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        base = cleaned.get("base_version")
        if base is None:
            raise ValidationError(
                _("Không lưu được: biểu mẫu không cho biết bạn sửa từ phiên bản nào. Hãy tải lại trang rồi sửa lại."),
                code="no_base_version",
            )
        # locked until the save commits: a second save of the same version waits here, then is refused
        current = type(self.instance)._base_manager.select_for_update().get(pk=self.instance.pk)
        if current.version != base:
            raise ValidationError(self.conflict_message(current, base), code="edit_conflict")
        return cleaned

    def conflict_message(self, current, base):
        model = type(current)
        saved = Version.objects.get_for_object(current).select_related("revision__user")
        latest = saved.first()
        started = next((v for v in saved[:50] if v.field_dict.get("version") == base), None)
        message = _(
            "Không lưu được: trong lúc bạn sửa, %(user)s đã lưu %(noun)s này%(at)s (phiên bản %(current)s; bạn mở "
            "từ phiên bản %(base)s). Thay đổi của bạn chưa được ghi: hãy chép lại phần vừa sửa, tải lại trang rồi "
            "sửa trên bản mới nhất."
        ) % {
            "user": saved_by(latest) if latest else _("người khác"),
            "noun": self.noun or model._meta.verbose_name,
            "at": _(" lúc %(at)s") % {"at": saved_at(latest)} if latest else "",
            "current": current.version,
            "base": base,
        }
        if started is None:
            return message + " " + _("Không còn bản cũ để biết các mục nào đã đổi.")
        changes = compare(model, current.pk, started.revision.version_set.all(), current_versions(current))
        labels = ", ".join(change.label for change in changes) or _("không mục nào trong biểu mẫu")
        compare_name = f"{self.admin_site_name}:{model._meta.app_label}_{model._meta.model_name}_compare"
        url = reverse(compare_name, args=[quote(current.pk)]) + "?" + urlencode({"from": started.pk, "to": latest.pk})
        return format_html(
            '{} {} <a href="{}">{}</a>', message, _("Các mục đã đổi: %s.") % labels, url, _("Xem khác biệt")
        )


class HistoryAdmin(VersionAdmin):
    """Every save through the admin is a version: listed on the history page, compared, restored with care.

    A restore keeps what is not the user's to change from the form (readonly and non-editable fields, and
    `restore_keeps`) as it is now: an old version never brings back an old workflow state or trash date.
    """

    object_history_template = "admin/history/object_history.html"
    revision_form_template = "admin/history/revision_form.html"
    compare_template = "admin/history/compare.html"
    change_list_template = None  # reversion's adds an English "Recover deleted" link
    history_latest_first = True
    restore_keeps = ()
    version_noun = ""  # how the lock's message names the object; the model's verbose name by default

    @property
    def locks_versions(self):
        """A model with a `version` field is edited under an optimistic lock (VersionGuardForm)."""
        return any(field.name == "version" for field in self.opts.concrete_fields)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self.locks_versions:
            form = kwargs.get("form", self.form)
            attrs = {"admin_site_name": self.admin_site.name, "noun": self.version_noun}
            kwargs["form"] = type(f"Guarded{form.__name__}", (VersionGuardForm, form), attrs)
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.locks_versions or "base_version" in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], "base_version"]}), *rest]

    def get_urls(self):
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def url_for(self, name, *args):
        return reverse(f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_{name}", args=args)

    @contextmanager
    def create_revision(self, request):
        with super().create_revision(request):
            yield
            if restoring := getattr(request, "_history_restoring", None):
                reversion.set_comment(_("Khôi phục phiên bản lưu lúc %(at)s") % {"at": saved_at(restoring)})

    def history_view(self, request, object_id, extra_context=None):
        versions = (
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision__user")
            .order_by("-pk")
        )
        entries = [{"version": v, "url": self.url_for("revision", quote(v.object_id), v.pk)} for v in versions]
        context = {"versions": entries, "compare_url": self.url_for("compare", object_id), **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = list(Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk"))
        for version in versions:
            version.saved_by = saved_by(version)
        if not versions:
            raise Http404(_("Chưa có phiên bản nào được lưu."))
        new = self._pick(versions, request.GET.get("to"), versions[0])
        old = self._pick(versions, request.GET.get("from"), versions[min(1, len(versions) - 1)])
        if old.pk > new.pk:
            old, new = new, old
        changes = compare(self.model, obj.pk, old.revision.version_set.all(), new.revision.version_set.all())
        context = {
            **self.admin_site.each_context(request),
            "title": _("So sánh hai phiên bản: %(object)s") % {"object": obj},
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "versions": versions,
            "old": old,
            "new": new,
            "old_url": self.url_for("revision", quote(obj.pk), old.pk),
            "new_url": self.url_for("revision", quote(obj.pk), new.pk),
            "changes": changes,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.compare_template, context)

    @staticmethod
    def _pick(versions, pk, default):
        if not pk:
            return default
        found = next((v for v in versions if str(v.pk) == pk), None)
        if found is None:
            raise Http404(_("Không có phiên bản này."))
        return found

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # checked before reversion reverts anything: the object must be one this user sees (not in the trash)
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        version = get_object_or_404(
            Version.objects.get_for_object(obj).select_related("revision__user"), pk=version_id
        )
        if gone := missing_references(version.revision):
            self.message_user(
                request,
                _("Không thể khôi phục phiên bản này: %(gone)s đã bị gộp hoặc xóa từ sau khi lưu.") % {"gone": gone},
                messages.ERROR,
            )
            return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]))
        request._history_restoring, request._history_before = version, obj
        context = {
            "title": _("Khôi phục phiên bản lưu lúc %(at)s") % {"at": saved_at(version)},
            "version": version,
            "saved_by": saved_by(version),
            **(extra_context or {}),
        }
        response = super().revision_view(request, object_id, version_id, context)
        if getattr(request, "_history_restored", False) and response.status_code == 302:
            detail = _("Khôi phục phiên bản lưu lúc %(at)s của %(user)s") % {
                "at": saved_at(version),
                "user": saved_by(version),
            }
            record(AuditEvent.Action.REVERT, actor=request.user, obj=obj, detail=detail, request=request)
        return response

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if before := getattr(request, "_history_before", None):
            self._keep_what_the_form_does_not_change(request, before)
            # why: reversion keeps its revert when the form answers "not found"; an error undoes it
            if self.get_object(request, str(before.pk)) is None:
                raise RevertError(_("Không thể khôi phục phiên bản này: nó đưa mục ra ngoài phạm vi bạn được sửa."))
        return super().changeform_view(request, object_id, form_url, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        raise Http404  # deleted objects are not brought back from their versions; articles have a trash

    def recover_view(self, request, version_id, extra_context=None):
        raise Http404

    def _keep_what_the_form_does_not_change(self, request, before):
        """After reversion has written the old version to the row, put back the fields the form leaves alone."""
        editable = set(flatten_fieldsets(self.get_fieldsets(request, before)))
        editable -= set(self.get_readonly_fields(request, before)) | set(self.restore_keeps)
        kept = {
            field.attname: getattr(before, field.attname)
            for field in self.model._meta.concrete_fields
            if not field.primary_key and field.name not in editable
        }
        self.model._base_manager.filter(pk=before.pk).update(**kept)

    def save_model(self, request, obj, form, change):
        if change:
            keep_stored_state(obj, comment=_("Bản đã có trước khi lưu lịch sử phiên bản"))
            if self.locks_versions:
                obj.version = form.cleaned_data["base_version"] + 1
        super().save_model(request, obj, form, change)
        if getattr(request, "_history_restoring", None):
            request._history_restored = True
