import django_filters
from django.utils.translation import gettext_lazy as _

from articles.filters import PeriodFilter, PublicFilterSet

from .models import Meeting, Organization


class MeetingFilter(PublicFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị"), queryset=Organization.objects.all(), to_field_name="slug", method="in_unit",
        empty_label=_("Tất cả đơn vị"),
    )  # fmt: skip
    period = PeriodFilter(label=_("Kỳ"))
    kind = django_filters.ChoiceFilter(label=_("Loại hội nghị"), choices=Meeting.Kind.choices, empty_label=_("Tất cả"))

    class Meta:
        model = Meeting
        fields = []

    def in_unit(self, queryset, name, unit):
        return queryset.in_unit(unit)
