from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Membership, Organization


def _move_children(*, source: Organization, target: Organization):
    for child in list(source.get_children()):
        Organization.objects.move(child, target, pos="last-child")


@transaction.atomic
def rename_organization(*, unit: Organization, name: str, short_name: str = "", on: date) -> Organization:
    """From `on`, `unit` carries a new name: a successor unit takes its place and its sub-units.

    The old unit stays, ending the day before, so that old articles keep the name of their day.
    """
    unit.refresh_from_db()  # why: the tree may have changed since `unit` was loaded; stale paths move nothing
    if unit.valid_from and on <= unit.valid_from:
        raise ValidationError(_("Ngày đổi tên phải sau ngày thành lập đơn vị."))
    fields = {
        "kind": unit.kind,
        "name": name,
        "short_name": short_name,
        "description": unit.description,
        "address": unit.address,
        "phone": unit.phone,
        "email": unit.email,
        "website": unit.website,
        "contact_person": unit.contact_person,
        "valid_from": on,
        "aliases": "\n".join([*unit.alias_list(), unit.name, *([unit.short_name] if unit.short_name else [])]),
    }
    parent = unit.get_parent()
    successor = (
        Organization.objects.add_child(parent, create_kwargs=fields)
        if parent
        else Organization.objects.add_root(create_kwargs=fields)
    )
    _move_children(source=unit, target=successor)
    unit.refresh_from_db()
    unit.dissolve(on=on - timedelta(days=1), successor=successor)
    return successor


@transaction.atomic
def merge_organizations(*, absorbed: list[Organization], into: Organization, on: date) -> Organization:
    """Dissolve each of `absorbed` at the end of the day before `on`; their sub-units move under `into`."""
    into.refresh_from_db()
    for unit in absorbed:
        unit.refresh_from_db()  # why: moving an earlier unit's sub-units may have moved this one
        if unit.pk == into.pk or into.path.startswith(unit.path):
            raise ValidationError(
                _("Không thể sáp nhập “%(unit)s” vào chính nó hoặc đơn vị cấp dưới của nó.") % {"unit": unit}
            )
        _move_children(source=unit, target=into)
        unit.refresh_from_db()
        unit.dissolve(on=on - timedelta(days=1), successor=into)
    into.refresh_from_db()
    return into


@transaction.atomic
def transfer_membership(*, membership: Membership, to: Organization, on: date) -> Membership:
    """Close `membership` the day before `on` and open the same membership in `to`: the history stays."""
    if membership.until is not None:
        raise ValidationError(_("Đảng viên này đã kết thúc sinh hoạt tại đơn vị này."))
    if to.pk == membership.organization_id:
        raise ValidationError(_("Đơn vị chuyển đến trùng với đơn vị hiện tại."))
    membership.until = on - timedelta(days=1)
    membership.end_reason = Membership.EndReason.TRANSFERRED
    membership.full_clean()
    membership.save()
    new = Membership(person=membership.person, organization=to, status=membership.status, since=on)
    new.full_clean()
    new.save()
    return new
