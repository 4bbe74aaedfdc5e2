"""Model helpers every app shares: unique slugs and the reporting period of a row."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.periods import PeriodKind, read_period
from newsroom.text import slugify_vi


def unique_slug(model, value, *, max_length=200, exclude_pk=None):
    """A slug of `value` not yet taken in `model`, suffixed -2, -3... when needed."""
    base = slugify_vi(value, max_length=max_length - 6) or "muc"
    slug, n = base, 1
    taken = model._base_manager.exclude(pk=exclude_pk)
    if not taken.filter(slug=slug).exists():
        return slug
    # why one query for the suffixes: an archive holds hundreds of "Hội nghị sơ kết 6 tháng ..." of the same name
    suffixed = set(taken.filter(slug__startswith=f"{base}-").values_list("slug", flat=True))
    while slug == base or slug in suffixed:
        n += 1
        slug = f"{base}-{n}"
    return slug


class HasPeriod(models.Model):
    """The reporting period a row belongs to: a code that users edit, plus kind and dates for range queries."""

    period_code = models.CharField(
        _("kỳ báo cáo"),
        max_length=60,
        blank=True,
        help_text=_(
            "Mã kỳ (2021-06, 2021-Q3, 2021-H1, 2021-9M, 2021, 2020-2025-mid, 2020-2025) hoặc cụm từ như "
            "“6 tháng đầu năm 2021”, “quý III/2021”."
        ),
    )
    period_kind = models.CharField(_("loại kỳ"), max_length=12, choices=PeriodKind.choices, blank=True, editable=False)
    period_start = models.DateField(_("đầu kỳ"), null=True, blank=True, editable=False)
    period_end = models.DateField(_("cuối kỳ"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        period = self.period
        self.period = period
        self.period_kind = period.kind if period else ""
        self.period_start = period.start if period else None
        self.period_end = period.end if period else None
        super().save(*args, **kwargs)

    @property
    def period(self):
        return read_period(self.period_code)

    @period.setter
    def period(self, value):
        self.period_code = str(value) if value else ""

    def clean(self):
        super().clean()
        try:
            self.period = read_period(self.period_code)
        except ValidationError as error:
            raise ValidationError({"period_code": error.messages}) from None
