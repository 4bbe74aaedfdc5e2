from contextlib import suppress

from django.contrib import admin, messages
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from newsroom.forms import PICKER_HELP, PeriodPicker
from newsroom.periods import Period

admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    """Background tasks (django-tasks-db's admin, in Vietnamese): what failed and why, and "Chạy lại"."""

    list_display = ["name", "status", "enqueued_at", "started_at", "finished_at", "attempts", "id"]
    list_filter = ["status", "queue_name"]
    search_fields = ["task_path", "id"]
    actions = ["run_again"]

    @admin.display(description=_("tác vụ"))
    def name(self, obj):
        return obj.task_name

    @admin.display(description=_("số lần chạy"))
    def attempts(self, obj):
        return len(obj.worker_ids)

    @admin.display(description=_("lỗi"))
    def formatted_traceback(self, obj):
        return super().formatted_traceback(obj)

    @admin.display(description=_("chạy sau"))
    def display_run_after(self, obj):
        return super().display_run_after(obj)

    def has_run_permission(self, request):
        return request.user.is_superuser

    @admin.action(description=_("Chạy lại"), permissions=["run"])
    def run_again(self, request, queryset):
        finished = queryset.filter(status__in=[TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL])
        for result in finished:
            result.task.enqueue(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
        if count := len(finished):
            self.message_user(
                request,
                ngettext(
                    "Đã xếp lại %(count)d tác vụ vào hàng đợi.", "Đã xếp lại %(count)d tác vụ vào hàng đợi.", count
                )
                % {"count": count},
                messages.SUCCESS,
            )
        if skipped := queryset.count() - count:
            self.message_user(
                request,
                _("Bỏ qua %(count)d tác vụ chưa chạy xong (đang chờ hoặc đang chạy).") % {"count": skipped},
                messages.WARNING,
            )


class PeriodListFilter(admin.SimpleListFilter):
    """The admin's "kỳ báo cáo" filter: the periods the rows report on, by name, newest first."""

    title = _("kỳ báo cáo")
    parameter_name = "ky"

    def lookups(self, request, model_admin):
        codes = model_admin.get_queryset(request).exclude(period_code="").values_list("period_code", flat=True)
        periods = set()
        for code in codes.distinct().order_by():
            with suppress(ValueError):
                periods.add(Period.parse(code))
        return [(period.code, period.label) for period in sorted(periods, reverse=True)]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            period = Period.parse(self.value())
        except ValueError:
            return queryset.none()
        return queryset.filter(period_start__gte=period.start, period_end__lte=period.end)


class PeriodPickerAdmin(admin.ModelAdmin):
    """The reporting period picked from two lists (year, part of the year) instead of typed as a code."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "period_code":
            field.widget = PeriodPicker()
            field.help_text = PICKER_HELP
        return field


class EndedListFilter(admin.SimpleListFilter):
    """Rows still running or ended, by an end date that may be empty: in words, not "Rỗng / Không rỗng"."""

    field = ""
    current_label = _("Đang hoạt động")
    ended_label = _("Đã kết thúc")

    def lookups(self, request, model_admin):
        return [("con", self.current_label), ("het", self.ended_label)]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "con":
            return queryset.filter(Q(**{f"{self.field}__isnull": True}) | Q(**{f"{self.field}__gte": today}))
        if self.value() == "het":
            return queryset.filter(**{f"{self.field}__lt": today})
        return queryset


def worded(yes, no, title=""):
    """A yes/no filter in the editor's words ("Chờ xác nhận / Đã xác nhận"), not "Có / Không"; `title` replaces
    the field's name as its heading when the name alone would not say what is filtered."""

    class WordedFilter(admin.BooleanFieldListFilter):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title or self.title

        def choices(self, changelist):
            """Django's choices in order: all, yes, no (and unknown); the count of "Show counts" kept after a word."""
            for index, choice in enumerate(super().choices(changelist)):
                if index in (1, 2):
                    default, word = [(_("Yes"), yes), (_("No"), no)][index - 1]
                    choice["display"] = f"{word}{str(choice['display']).removeprefix(str(default))}"
                yield choice

    return WordedFilter
