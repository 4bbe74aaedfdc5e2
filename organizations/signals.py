"""The audit log's entries for unit assignments: who may write for which unit."""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent, record
from audit.signals import label

from .models import StaffAssignment


def record_assignment(sender, instance, signal, created=False, **kwargs):
    names = {"user": label(instance.user), "unit": instance.organization}
    if signal is post_delete:
        detail = _("Bỏ phân công %(user)s ở đơn vị %(unit)s") % names
    elif created:
        detail = _("Phân công %(user)s cho đơn vị %(unit)s") % names
    else:
        detail = _("Đổi phân công %(user)s sang đơn vị %(unit)s") % names
    record(AuditEvent.Action.ASSIGNMENT_CHANGE, obj=instance.user, detail=detail)


def connect():
    post_save.connect(record_assignment, sender=StaffAssignment, dispatch_uid="audit-assignment")
    post_delete.connect(record_assignment, sender=StaffAssignment, dispatch_uid="audit-assignment-deleted")
