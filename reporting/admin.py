from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from newsroom.admin import PeriodListFilter, worded
from organizations.models import Organization

from .models import MemberRatingCount, OrganizationRating, RatingLevel, RatingScheme, ReminderSent, ReportingRule


@admin.register(ReportingRule)
class ReportingRuleAdmin(admin.ModelAdmin):
    list_display = [
        "meeting_kind",
        "unit_kind",
        "period_kind",
        "period_number",
        "due_days",
        "remind_after_days",
        "is_active",
    ]
    list_filter = [
        ("is_active", worded(_("Đang áp dụng"), _("Tạm ngừng"))),
        "period_kind",
        "meeting_kind",
        "unit_kind",
    ]
    list_editable = ["due_days", "remind_after_days", "is_active"]


class RatingLevelInline(admin.TabularInline):
    model = RatingLevel
    extra = 0


@admin.register(RatingScheme)
class RatingSchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "subject", "first_year", "last_year"]
    list_filter = ["subject"]
    inlines = [RatingLevelInline]


class UnitRatingAdmin(admin.ModelAdmin):
    list_display = ["unit", "year", "level", "updated_at"]
    list_filter = ["year", "level__scheme"]
    list_select_related = ["unit", "level"]
    search_fields = ["unit__name", "unit__short_name"]
    autocomplete_fields = ["unit"]

    def get_queryset(self, request):
        units = Organization.objects.editable_by(request.user)
        return super().get_queryset(request).filter(unit__in=units)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "level":
            kwargs["queryset"] = RatingLevel.objects.filter(scheme__subject=self.model.subject).select_related(
                "scheme"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(OrganizationRating)
class OrganizationRatingAdmin(UnitRatingAdmin):
    pass


@admin.register(MemberRatingCount)
class MemberRatingCountAdmin(UnitRatingAdmin):
    list_display = ["unit", "year", "level", "count", "updated_at"]


class ReminderPeriodFilter(PeriodListFilter):
    """The periods reminded about, by name ("6 tháng đầu năm 2026"), not by code."""

    title = _("kỳ")

    def queryset(self, request, queryset):
        return queryset.filter(period_code=self.value()) if self.value() else queryset


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ["unit", "rule", "period_code", "sent_at"]
    list_select_related = ["unit", "rule"]
    list_filter = [ReminderPeriodFilter]
    readonly_fields = ["unit", "rule", "period_code", "recipients", "sent_at"]
    verbose_name = _("thư nhắc đã gửi")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(unit__in=Organization.objects.editable_by(request.user))
