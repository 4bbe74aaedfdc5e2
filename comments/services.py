from django.db import transaction

from audit.models import AuditEvent, record

from .models import Comment


@transaction.atomic
def erase_commenter(*, email: str, request=None, actor_name: str = "") -> int:
    """Delete every comment sent with `email`; the audit log says how many, not whose."""
    erased, _by_model = Comment.objects.by_commenter(email).delete()
    if erased:
        record(
            AuditEvent.Action.ERASE,
            detail=f"Xóa {erased} bình luận theo yêu cầu của người gửi",
            request=request,
            actor_name=actor_name,
        )
    return erased
