"""What a published page shows changes only with an approver: for anyone else it is read-only, and says why."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import HttpResponseRedirect

from ..workflow import APPROVE_PERMISSION


def _refuse(request, obj=None):
    return False


class ApprovalRequiredAdmin:
    """A ModelAdmin mixin: once `is_public(obj)`, only an approver changes `obj` (and its inlines), as only an
    approver changes a published article; anyone else sees it read-only, with `locked_message`."""

    locked_message = ""

    def is_public(self, obj):
        raise NotImplementedError

    def is_locked(self, request, obj):
        if obj is None or request.user.has_perm(APPROVE_PERMISSION):
            return False
        if not hasattr(obj, "_is_public"):  # why: the admin asks for the change permission several times a page
            obj._is_public = self.is_public(obj)
        return obj._is_public

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self.is_locked(request, obj)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if self.is_locked(request, obj):
            for inline in inlines:
                inline.has_add_permission = inline.has_change_permission = inline.has_delete_permission = _refuse
        return inlines

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if self.is_locked(request, self.get_object(request, unquote(object_id))):
            if request.method == "POST":  # a form opened before the lock: refused, and the page says why
                return HttpResponseRedirect(request.get_full_path())
            self.message_user(request, self.locked_message, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)
