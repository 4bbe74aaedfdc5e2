import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.filters import PublicFilterSet
from newsroom.periods import FIRST_YEAR, LAST_YEAR

from .models import Document, Field, Issuer

MAX_QUERY_LENGTH = 200


class DocumentFilter(PublicFilterSet):
    q = django_filters.CharFilter(
        label=_("Từ khóa"),
        method="search",
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Từ khóa quá dài: tối đa %(limit_value)d ký tự, hãy rút gọn lại.")},
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("vd. chi thi 05")}),
    )
    form = django_filters.ChoiceFilter(
        label=_("Hình thức"), choices=Document.Form.choices, empty_label=_("Tất cả hình thức")
    )
    issuer = django_filters.ModelChoiceFilter(
        label=_("Cơ quan ban hành"),
        queryset=Issuer.objects.all(),
        to_field_name="slug",
        empty_label=_("Tất cả cơ quan"),
    )
    year = django_filters.NumberFilter(
        label=_("Năm ban hành"),
        method="in_year",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "min_value": _("Năm phải từ %(limit_value)s trở đi."),
            "max_value": _("Năm phải đến %(limit_value)s là cùng."),
            "invalid": _("Hãy nhập năm bằng số, vd. 2021."),
        },
        widget=forms.TextInput(attrs={"placeholder": "2021", "inputmode": "numeric", "maxlength": 4}),
    )
    field = django_filters.ModelChoiceFilter(
        label=_("Lĩnh vực"),
        field_name="fields",
        queryset=Field.objects.all(),
        to_field_name="slug",
        empty_label=_("Tất cả lĩnh vực"),
    )

    class Meta:
        model = Document
        fields = []

    def search(self, queryset, name, value):
        return queryset.search(value)

    def in_year(self, queryset, name, value):
        return queryset.issued_in(int(value))
