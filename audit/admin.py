from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The log as it was written: nobody adds, changes or deletes events, site admins read them."""

    list_display = ["at", "actor_name", "action", "object_repr", "detail", "ip_address"]
    list_filter = ["action", "at"]
    search_fields = ["actor_name", "object_repr", "detail"]
    date_hierarchy = "at"
    fields = ["at", "actor_name", "action", "content_type", "object_id", "object_repr", "detail", "ip_address"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
