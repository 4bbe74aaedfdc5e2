from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MemberRatingCount, OrganizationRating, existed_in


class UnitRatingsForm(forms.Form):
    """A unit's sub-units for one year: each one's rating and how many of its members got each level."""

    def __init__(self, *args, unit, year, scheme, member_scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit, self.year, self.scheme, self.member_scheme = unit, year, scheme, member_scheme
        self.levels = list(scheme.levels.all()) if scheme else []
        self.member_levels = list(member_scheme.levels.all()) if member_scheme else []
        children = unit.get_children().party() if unit else []
        self.sub_units = [child for child in children if existed_in(child, year)]
        rated = {
            r.unit_id: r.level_id
            for r in OrganizationRating.objects.filter(unit__in=self.sub_units, year=year, level__in=self.levels)
        }
        counted = {
            (c.unit_id, c.level_id): c.count
            for c in MemberRatingCount.objects.filter(unit__in=self.sub_units, year=year, level__in=self.member_levels)
        }
        choices = [("", _("— chưa xếp loại —")), *((level.pk, level.name) for level in self.levels)]
        for sub_unit in self.sub_units:
            self.fields[f"level_{sub_unit.pk}"] = forms.TypedChoiceField(
                label=_("Xếp loại %(unit)s") % {"unit": sub_unit.name},
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=rated.get(sub_unit.pk),
            )
            for level in self.member_levels:
                self.fields[f"members_{sub_unit.pk}_{level.pk}"] = forms.IntegerField(
                    label=_("Số đảng viên của %(unit)s: %(level)s") % {"unit": sub_unit.name, "level": level.name},
                    min_value=0,
                    max_value=100_000,
                    required=False,
                    initial=counted.get((sub_unit.pk, level.pk)),
                )

    def clean(self):
        if self.scheme is None and self.member_scheme is None:
            raise forms.ValidationError(
                _("Chưa có thang xếp loại nào áp dụng cho năm %(year)s: hãy thêm thang trước.") % {"year": self.year}
            )
        return super().clean()

    def rows(self):
        for sub_unit in self.sub_units:
            members = [self[f"members_{sub_unit.pk}_{level.pk}"] for level in self.member_levels]
            yield sub_unit, self[f"level_{sub_unit.pk}"], members

    def ratings(self):
        by_pk = {level.pk: level for level in self.levels}
        return {unit: by_pk.get(self.cleaned_data[f"level_{unit.pk}"]) for unit in self.sub_units}

    def member_counts(self):
        return {
            (unit, level): self.cleaned_data[f"members_{unit.pk}_{level.pk}"]
            for unit in self.sub_units
            for level in self.member_levels
        }
