from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from newsroom.admin import worded
from organizations.models import Organization

from .models import ScheduleEntry


@admin.register(ScheduleEntry)
class ScheduleEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "starts_at", "location", "is_public"]
    list_filter = [
        ("is_public", worded(_("Hiện trên trang công khai"), _("Chỉ lưu nội bộ"))),
        ("unit", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["unit"]
    search_fields = ["title", "location"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["unit", "leaders"]

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = Organization.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
