from datetime import date

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from accounts.services import remove_devices
from audit.history import HistoryAdmin
from audit.models import AuditEvent, record
from audit.signals import label
from newsroom.admin import EndedListFilter, PeriodListFilter, PeriodPickerAdmin, worded
from newsroom.periods import FIRST_YEAR, LAST_YEAR
from newsroom.roles import SITE_ADMIN

from .models import (
    Meeting,
    MeetingParticipant,
    Membership,
    Organization,
    Person,
    Position,
    StaffAssignment,
    Term,
)
from .proposals import propose

OUT_OF_REACH = _("Bạn chỉ có thể đặt đơn vị vào trong các đơn vị mình phụ trách.")


def is_autocomplete(request):
    return getattr(request.resolver_match, "url_name", None) == "autocomplete"


class InUnitsAdmin:
    """An admin whose rows belong to units: a user sees what `visible` gives him and changes or deletes only what
    `editable` gives him (both default to the queryset's `editable_by(user)`), delete pages included.
    Rows the public site shows anyway (`public`) are all offered by an autocomplete."""

    public = False

    def editable(self, request):
        return self.model._default_manager.editable_by(request.user)

    def visible(self, request, queryset):
        if self.public and is_autocomplete(request):
            return queryset  # the form behind the autocomplete decides what it accepts
        return queryset.filter(pk__in=self.editable(request).values("pk"))

    def get_queryset(self, request):
        return self.visible(request, super().get_queryset(request))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_reach(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_reach(request, obj)

    def _in_reach(self, request, obj):
        return obj is None or request.user.is_superuser or self.editable(request).filter(pk=obj.pk).exists()


def landing_parent(ref_node, position):
    """The unit a node lands under when placed at `position` ("first-child", "left"...) of `ref_node`."""
    if ref_node is None:
        return None
    return ref_node if position.endswith("child") else ref_node.get_parent()


class OrganizationForm(movenodeform_factory(Organization)):
    units = None  # the units the user may place units in; None for a superuser

    def clean(self):
        cleaned = super().clean()
        moved = self.instance.pk is None or {"treebeard_ref_node", "treebeard_position"} & set(self.changed_data)
        if self.units is not None and moved:
            parent = landing_parent(cleaned.get("treebeard_ref_node"), cleaned.get("treebeard_position", ""))
            if parent is None or not self.units.filter(pk=parent.pk).exists():
                raise forms.ValidationError(OUT_OF_REACH)
        return cleaned


class UnitStatusFilter(EndedListFilter):
    title = _("tình trạng")
    parameter_name = "tinh_trang"
    field = "valid_to"
    ended_label = _("Đã giải thể, sáp nhập hoặc chia tách")


class MembershipStatusFilter(EndedListFilter):
    title = _("sinh hoạt")
    parameter_name = "sinh_hoat"
    field = "until"
    current_label = _("Đang sinh hoạt")
    ended_label = _("Đã thôi sinh hoạt tại đơn vị")


class SeenFromTop:
    """A unit whose children treebeard lists, at its level in a user's tree (his top units at level 1): treebeard
    asks only for its pk and get_depth()."""

    def __init__(self, unit, level):
        self.pk, self.level = unit.pk, level

    def get_depth(self):
        return self.level


@admin.register(Organization)
class OrganizationAdmin(InUnitsAdmin, TreeAdmin):
    form = OrganizationForm
    public = True
    list_display = ["name", "short_name", "kind", "valid_to", "succeeded_by"]
    list_filter = ["kind", UnitStatusFilter, ("needs_review", worded(_("Chờ xác nhận"), _("Đã xác nhận")))]

    class Media:
        js = ["admin/js/jquery.init.js", "admin/js/unit_tree.js"]

    list_select_related = ["succeeded_by"]
    search_fields = ["name", "short_name", "aliases", "slug"]
    autocomplete_fields = ["contact_person", "succeeded_by"]
    fieldsets = [
        (None, {"fields": ["kind", "name", "short_name", "aliases", "slug", "needs_review"]}),
        (
            _("Chức năng và liên hệ"),
            {"fields": ["description", "address", "phone", "email", "website", "contact_person"]},
        ),
        (_("Thời gian hoạt động"), {"fields": ["valid_from", "valid_to", "succeeded_by"]}),
        (_("Vị trí trong cây tổ chức"), {"fields": ["treebeard_position", "treebeard_ref_node"]}),
    ]

    def get_queryset(self, request):
        """Below the whole tree, a user's tree starts at his top units, the first level under them at level 2."""
        units = super().get_queryset(request)
        if request.user.is_superuser or getattr(request, "_ignore_treebeard_filters", False):
            return units
        if getattr(request, "_treebeard_parent_id", "") is None and not self.is_filtered(request):
            return Organization.objects.tops_of(request.user).order_by("path")
        if parent := getattr(request, "_treebeard_parent", None):
            tops = Organization.objects.tops_of(request.user)
            top = next((top for top in tops if parent.path.startswith(top.path)), parent)
            request._treebeard_parent = SeenFromTop(parent, parent.depth - top.depth + 1)
        return units

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.units = None if request.user.is_superuser else self.editable(request)
        return form

    def move_node(self, request):
        """Drag and drop in the tree: the node must be the user's (TreeAdmin asks), and so must its new parent."""
        target_id, relation = request.POST.get("target", ""), request.POST.get("relation", "")
        target = Organization.objects.filter(pk=target_id).first() if target_id.isdigit() else None
        parent = landing_parent(target, relation)
        if not request.user.is_superuser and (parent is None or not self._in_reach(request, parent)):
            messages.error(request, OUT_OF_REACH)
            raise PermissionDenied
        return super().move_node(request)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if (accepted := self.autocomplete_source_choices(request)) is not None:
            queryset = queryset.filter(pk__in=accepted.values("pk"))
        return queryset, may_have_duplicates

    def autocomplete_source_choices(self, request):
        """The units that the form behind an autocomplete accepts, as its admin's `formfield_for_foreignkey` says:
        a "which unit writes this" field offers only the units the user works for."""
        try:
            model = apps.get_model(request.GET["app_label"], request.GET["model_name"])
            field = model._meta.get_field(request.GET["field_name"])
            source_admin = self.admin_site.get_model_admin(model)
        except (KeyError, LookupError, FieldDoesNotExist, NotRegistered):
            return None
        return source_admin.formfield_for_foreignkey(field, request).queryset if field.many_to_one else None


@admin.register(Term)
class TermAdmin(InUnitsAdmin, admin.ModelAdmin):
    public = True
    list_display = ["__str__", "organization", "congress_number", "starts_on", "ends_on"]
    list_filter = ["start_year"]
    list_select_related = ["organization"]
    search_fields = ["organization__name", "organization__short_name", "congress_number"]
    autocomplete_fields = ["organization"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organization":
            kwargs["queryset"] = Organization.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        """A year ("2025") finds the terms it falls in, beside the usual name search."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        years = [int(word) for word in search_term.split() if word.isdigit() and len(word) == 4]
        for year in years:
            found |= queryset.filter(start_year__lte=year, end_year__gte=year)
        return found, may_have_duplicates


class PositionInline(admin.TabularInline):
    model = Position
    extra = 1
    autocomplete_fields = ["organization", "term"]
    fields = ["title", "organization", "kind", "term", "starts_on", "ends_on", "is_public", "rank"]

    def get_queryset(self, request):
        """A public figure's public offices, and the positions in the user's units."""
        positions = super().get_queryset(request)
        return positions.filter(Q(is_public=True) | Q(pk__in=positions.editable_by(request.user).values("pk")))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organization":
            kwargs["queryset"] = Organization.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Person)
class PersonAdmin(InUnitsAdmin, admin.ModelAdmin):
    """A user sees the people of his units and the holders of public offices; he changes only his units' people."""

    list_display = ["full_name", "slug"]
    list_filter = [
        "positions__kind",
        (
            "positions__is_public",
            worded(_("Có chức vụ hiện trên trang"), _("Có chức vụ chỉ lưu nội bộ"), _("chức vụ công khai")),
        ),
    ]
    search_fields = ["full_name", "slug"]
    inlines = [PositionInline]

    def visible(self, request, queryset):
        return queryset.visible_to(request.user)


@admin.register(Position)
class PositionAdmin(InUnitsAdmin, admin.ModelAdmin):
    list_display = ["person", "title", "organization", "kind", "starts_on", "ends_on", "is_public"]
    list_filter = ["kind", ("is_public", worded(_("Hiện trên trang công khai"), _("Chỉ lưu nội bộ")))]
    list_select_related = ["person", "organization"]
    search_fields = ["person__full_name", "title", "organization__name"]
    autocomplete_fields = ["person", "organization", "term"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organization":
            kwargs["queryset"] = Organization.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Party membership is personal data: staff see only the members of their own units."""

    list_display = ["person", "organization", "status", "since", "until", "end_reason"]
    list_filter = [
        "status",
        "end_reason",
        MembershipStatusFilter,
        ("organization", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["person", "organization"]
    search_fields = ["person__full_name"]
    autocomplete_fields = ["person", "organization"]

    def get_queryset(self, request):
        units = Organization.objects.editable_by(request.user)
        return super().get_queryset(request).filter(organization__in=units)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organization":
            kwargs["queryset"] = Organization.objects.editable_by(request.user).party()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def proposal_attrs(*, unit_field, date_field=""):
    """The attributes by which admin/js/proposals.js fills a report's title, tags and period from a meeting kind."""
    return {
        "data-propose-url": reverse("admin:organizations_meeting_propose"),
        "data-unit-field": unit_field,
        "data-date-field": date_field,
    }


class ProposalQueryForm(forms.Form):
    """What the `de-xuat/` endpoint is asked: one of the user's units, a meeting kind, the day (default today)."""

    # a year-end review held in January reports on the year before: that year must be a period too
    FIRST_DAY, LAST_DAY = date(FIRST_YEAR + 1, 1, 1), date(LAST_YEAR, 12, 31)

    unit = forms.ModelChoiceField(
        Organization.objects.none(),
        error_messages={"required": _("Chọn một đơn vị của bạn."), "invalid_choice": _("Chọn một đơn vị của bạn.")},
    )
    kind = forms.ChoiceField(
        choices=Meeting.Kind.choices,
        error_messages={"required": _("Chọn một loại hội nghị."), "invalid_choice": _("Chọn một loại hội nghị.")},
    )
    on = forms.DateField(
        required=False, error_messages={"invalid": _("Ngày họp không hợp lệ: nhập theo dạng ngày/tháng/năm.")}
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Organization.objects.editable_by(user)

    def clean_on(self):
        on = self.cleaned_data["on"] or timezone.localdate()
        if not self.FIRST_DAY <= on <= self.LAST_DAY:
            raise forms.ValidationError(
                _("Ngày họp phải trong khoảng %(first)s – %(last)s.")
                % {"first": f"{self.FIRST_DAY:%d/%m/%Y}", "last": f"{self.LAST_DAY:%d/%m/%Y}"}
            )
        return on


def propose_view(request):
    """JSON: the usual title, tags and period for ?unit=<id>&kind=<code>[&on=dd/mm/yyyy], within the user's units."""
    query = ProposalQueryForm(request.GET, user=request.user)
    if not query.is_valid():
        return JsonResponse({"error": " ".join(m for errors in query.errors.values() for m in errors)}, status=400)
    return JsonResponse(propose(query.cleaned_data["unit"], query.cleaned_data["kind"], query.cleaned_data["on"]))


class MeetingParticipantInline(admin.TabularInline):
    model = MeetingParticipant
    extra = 1
    autocomplete_fields = ["person"]


@admin.register(Meeting)
class MeetingAdmin(PeriodPickerAdmin, HistoryAdmin):
    list_display = ["title", "host", "kind", "held_on", "period_label"]
    list_filter = ["kind", "period_kind", PeriodListFilter, ("host", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["host"]
    search_fields = ["title", "host__name", "host__short_name"]
    date_hierarchy = "held_on"
    autocomplete_fields = ["host", "term"]
    inlines = [MeetingParticipantInline]
    fieldsets = [
        (None, {"fields": ["host", "kind", "title", "held_on", "part_of_day", "location"]}),
        (_("Kỳ và nhiệm kỳ"), {"fields": ["period_code", "term"]}),
        (_("Nội dung"), {"fields": ["summary", "tasks"]}),
    ]

    class Media:
        js = ["admin/js/jquery.init.js", "admin/js/proposals.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(host__in=Organization.objects.editable_by(request.user))

    def get_urls(self):
        propose = path("de-xuat/", self.admin_site.admin_view(propose_view), name="organizations_meeting_propose")
        return [propose, *super().get_urls()]

    @admin.display(description=_("kỳ báo cáo"), ordering="period_start")
    def period_label(self, meeting):
        return meeting.period.label if meeting.period else ""

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        field = super().formfield_for_choice_field(db_field, request, **kwargs)
        if db_field.name == "kind":
            field.widget.attrs.update(proposal_attrs(unit_field="id_host", date_field="id_held_on"))
        return field

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "host":
            kwargs["queryset"] = Organization.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class StaffAssignmentInline(admin.TabularInline):
    """Units are assigned within the assigner's own; nobody but a superuser changes his own assignments."""

    model = StaffAssignment
    extra = 1
    autocomplete_fields = ["organization"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organization":
            kwargs["queryset"] = Organization.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._own(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._own(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._own(request, obj)

    def _own(self, request, account):
        return not request.user.is_superuser and account is not None and account.pk == request.user.pk


User = get_user_model()
admin.site.unregister(User)


class GroupListFilter(admin.RelatedFieldListFilter):
    """The user's roles, with "no role yet" in words rather than a bare "-"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("vai trò")
        self.empty_value_display = _("Chưa có vai trò")


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Site administrators manage the accounts of their units (and accounts not yet assigned), but only a superuser
    sees superusers, makes them or grants single permissions. Setting someone's password is audited."""

    inlines = [*UserAdmin.inlines, StaffAssignmentInline]
    list_display = [*UserAdmin.list_display, "has_two_factor"]
    list_filter = [
        ("is_staff", worded(_("Vào được trang quản trị"), _("Không vào trang quản trị"), _("trang quản trị"))),
        ("is_superuser", worded(_("Toàn quyền"), _("Theo nhóm và đơn vị được giao"), _("quyền hạn"))),
        ("is_active", worded(_("Đang dùng"), _("Đã khóa"), _("tài khoản"))),
        ("groups", GroupListFilter),
    ]
    actions = ["reset_two_factor"]

    def get_queryset(self, request):
        accounts = (
            super()
            .get_queryset(request)
            .annotate(two_factor=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
        )
        if request.user.is_superuser:
            return accounts
        units = Organization.objects.editable_by(request.user)
        elsewhere = StaffAssignment.objects.filter(user=OuterRef("pk")).exclude(organization__in=units)
        return accounts.filter(is_superuser=False).exclude(Exists(elsewhere))

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            account = self.get_object(request, unquote(id))
            done = (
                _("Đặt mật khẩu mới cho %(user)s")
                if account.has_usable_password()
                else _("Tắt đăng nhập bằng mật khẩu của %(user)s")
            )
            record(AuditEvent.Action.PASSWORD_CHANGE, obj=account, detail=done % {"user": label(account)})
        return response

    @admin.display(boolean=True, description=_("Xác thực hai bước"), ordering="two_factor")
    def has_two_factor(self, user):
        return user.two_factor

    def has_reset_two_factor_permission(self, request):
        return request.user.is_superuser or request.user.groups.filter(name=SITE_ADMIN).exists()

    @admin.action(permissions=["reset_two_factor"], description=_("Gỡ xác thực hai bước (mất điện thoại)"))
    def reset_two_factor(self, request, queryset):
        """A site admin only for the staff of his units; they sign in with the password and enrol again."""
        if not request.user.is_superuser:
            outside = queryset.exclude(
                unit_assignments__organization__in=Organization.objects.editable_by(request.user)
            )
            if outside:
                names = ", ".join(user.get_username() for user in outside)
                message = _("Không gỡ được: %(names)s ở ngoài đơn vị bạn phụ trách.") % {"names": names}
                self.message_user(request, message, messages.ERROR)
                return
        for user in queryset:
            remove_devices(user=user, by=request.user)
        names = ", ".join(user.get_username() for user in queryset)
        self.message_user(request, _("Đã gỡ xác thực hai bước của %(names)s.") % {"names": names}, messages.SUCCESS)

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return self.readonly_fields
        return [*self.readonly_fields, "is_superuser", "user_permissions"]
