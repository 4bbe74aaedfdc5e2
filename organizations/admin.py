from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from accounts.services import remove_devices
from audit.history import HistoryAdmin
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


@admin.register(Organization)
class OrganizationAdmin(TreeAdmin):
    form = movenodeform_factory(Organization)
    list_display = ["name", "short_name", "kind", "valid_to", "succeeded_by"]
    list_filter = ["kind", "needs_review", ("valid_to", admin.EmptyFieldListFilter)]
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
class TermAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organization", "congress_number", "starts_on", "ends_on"]
    list_filter = ["start_year"]
    list_select_related = ["organization"]
    search_fields = ["organization__name", "organization__short_name", "congress_number"]
    autocomplete_fields = ["organization"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization")

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


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "slug"]
    list_filter = ["positions__kind", "positions__is_public"]
    search_fields = ["full_name", "slug"]
    inlines = [PositionInline]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "organization", "kind", "starts_on", "ends_on", "is_public"]
    list_filter = ["kind", "is_public"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__full_name", "title", "organization__name"]
    autocomplete_fields = ["person", "organization", "term"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Party membership is personal data: staff see only the members of their own units."""

    list_display = ["person", "organization", "status", "since", "until", "end_reason"]
    list_filter = [
        "status",
        "end_reason",
        ("until", admin.EmptyFieldListFilter),
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


def propose_view(request):
    """JSON: the usual title, tags and period for ?unit=<id>&kind=<code>[&on=dd/mm/yyyy], within the user's units."""
    unit = Organization.objects.editable_by(request.user).filter(pk=request.GET.get("unit") or None).first()
    if unit is None or request.GET.get("kind") not in Meeting.Kind.values:
        return JsonResponse({"error": _("Chọn một đơn vị của bạn và một loại hội nghị.")}, status=400)
    try:
        on = forms.DateField().clean(request.GET.get("on")) or timezone.localdate()
    except forms.ValidationError:
        on = timezone.localdate()
    return JsonResponse(propose(unit, request.GET["kind"], on))


class MeetingParticipantInline(admin.TabularInline):
    model = MeetingParticipant
    extra = 1
    autocomplete_fields = ["person"]


@admin.register(Meeting)
class MeetingAdmin(HistoryAdmin):
    list_display = ["title", "host", "kind", "held_on", "period_code"]
    list_filter = ["kind", "period_kind", ("host", admin.RelatedOnlyFieldListFilter)]
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
    model = StaffAssignment
    extra = 1
    autocomplete_fields = ["organization"]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Site administrators manage accounts, but only a superuser makes superusers or grants single permissions."""

    inlines = [*UserAdmin.inlines, StaffAssignmentInline]
    list_display = [*UserAdmin.list_display, "has_two_factor"]
    actions = ["reset_two_factor"]

    def get_queryset(self, request):
        accounts = (
            super()
            .get_queryset(request)
            .annotate(two_factor=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
        )
        return accounts if request.user.is_superuser else accounts.filter(is_superuser=False)

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
