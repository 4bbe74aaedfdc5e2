"""The three roles of the newsroom as Django groups: what each may do. Which units, StaffAssignment says."""

from django.utils.translation import gettext_lazy as _

EDITOR = "Phóng viên"
APPROVER = "Người duyệt"
SITE_ADMIN = "Quản trị trang"

# What a reporter may do, by model: "app.model": "actions".
_WRITE_BY_MODEL = {
    "articles.article": "add change view",
    "articles.articlephoto": "add change delete view",
    "articles.photo": "add change view",
    "articles.tag": "add view",
    "articles.category": "view",
    "organizations.meeting": "add change view",
    "organizations.meetingparticipant": "add change delete view",
    "organizations.organization": "view",
    "organizations.person": "view",
    "organizations.term": "view",
    "organizations.position": "view",
    "documents.document": "add change view",
    "documents.documentfile": "add change delete view",
    "documents.issuer": "view",
    "documents.field": "view",
    "statutory.scheduleentry": "add change delete view",
}
_WRITE = [
    f"{app_label}.{action}_{model}"
    for key, actions in _WRITE_BY_MODEL.items()
    for app_label, model in [key.split(".")]
    for action in actions.split()
]

ROLES = {
    EDITOR: _WRITE,
    APPROVER: [
        *_WRITE,
        "articles.approve_article",
        "articles.delete_article",
        "organizations.delete_meeting",
        "comments.view_comment",
        "comments.moderate_comment",
        "comments.view_closure",
        "comments.add_closure",
        "comments.delete_closure",
        "documents.delete_document",
    ],
    SITE_ADMIN: [
        "organizations.*",
        "articles.*",
        "comments.*",
        "documents.*",
        "statutory.*",
        "reporting.*",
        "audit.view_auditevent",
        "reversion.*",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "auth.view_group",
    ],
}
# Who must sign in with a second factor (accounts/): besides superusers, these; reporters may choose to.
TWO_FACTOR_ROLES = [APPROVER, SITE_ADMIN]
ROLE_LABELS = {EDITOR: _("Phóng viên, biên tập viên"), APPROVER: _("Người duyệt"), SITE_ADMIN: _("Quản trị trang")}


def requires_two_factor(user):
    return user.is_superuser or user.groups.filter(name__in=TWO_FACTOR_ROLES).exists()


def sync_roles(apps):
    """Create or update the groups of ROLES with exactly their permissions ("app.*": all of an app's)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = []
        for code in codes:
            app_label, codename = code.split(".")
            found = Permission.objects.filter(content_type__app_label=app_label)
            permissions += found if codename == "*" else found.filter(codename=codename)
        group.permissions.set(permissions)
