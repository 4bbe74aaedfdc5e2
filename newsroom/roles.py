"""The three roles of the newsroom as Django groups: what each may do. Which units, StaffAssignment says."""

from django.utils.translation import gettext_lazy as _

EDITOR = "Phóng viên"
APPROVER = "Người duyệt"
SITE_ADMIN = "Quản trị trang"

_WRITE = [
    "articles.add_article", "articles.change_article", "articles.view_article",
    "articles.add_articlephoto", "articles.change_articlephoto", "articles.delete_articlephoto",
    "articles.view_articlephoto", "articles.add_photo", "articles.change_photo", "articles.view_photo",
    "articles.add_tag", "articles.view_tag", "articles.view_category",
    "organizations.add_meeting", "organizations.change_meeting", "organizations.view_meeting",
    "organizations.add_meetingparticipant", "organizations.change_meetingparticipant",
    "organizations.delete_meetingparticipant", "organizations.view_meetingparticipant",
    "organizations.view_organization", "organizations.view_person", "organizations.view_term",
    "organizations.view_position",
]  # fmt: skip

ROLES = {
    EDITOR: _WRITE,
    APPROVER: [*_WRITE, "articles.approve_article", "articles.delete_article", "organizations.delete_meeting"],
    SITE_ADMIN: [
        "organizations.*",
        "articles.*",
        "audit.view_auditevent",
        "reversion.*",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "auth.view_group",
    ],
}
ROLE_LABELS = {EDITOR: _("Phóng viên, biên tập viên"), APPROVER: _("Người duyệt"), SITE_ADMIN: _("Quản trị trang")}


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
