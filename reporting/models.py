from dataclasses import dataclass
from datetime import date, timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _

from newsroom.periods import MONTHS_IN, Period, PeriodKind
from organizations.models import YEAR_RANGE, Meeting, Organization

# How far back a chain of renames and mergers is followed when a unit's ratings gather its predecessors'.
SUCCESSION_HOPS = 3
RULE_PERIOD_KINDS = [PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.NINE_MONTHS, PeriodKind.YEAR]


def carried_on_by(prefix, unit):
    """Units of `unit`'s subtree today, and those that a unit in it carries on (renamed or merged into it).

    Mergers and renames move the sub-units to the successor, so today's tree plus the predecessors is the unit
    as it was in any year; each unit appears once, so nothing is counted twice."""
    hops = [
        Q(**{f"{prefix}{'succeeded_by__' * hop}path__startswith": unit.path}) for hop in range(SUCCESSION_HOPS + 1)
    ]
    return reduce(or_, hops)


def earlier_selves(prefix, unit):
    """`unit` itself and the units it carries on: the unit as it was, not its sub-units."""
    hops = [Q(**{f"{prefix}{'succeeded_by__' * hop}pk": unit.pk}) for hop in range(SUCCESSION_HOPS + 1)]
    return reduce(or_, hops)


class ReportingRuleQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_period(self, period):
        return self.filter(period_kind=period.kind, period_number__in=[0, period.number])


class ReportingRule(models.Model):
    """Units of one kind hold one kind of meeting for each period of one kind, and report it by a deadline."""

    unit_kind = models.CharField(_("loại tổ chức"), max_length=20, choices=Organization.Kind.choices)
    meeting_kind = models.CharField(_("loại hội nghị"), max_length=24, choices=Meeting.Kind.choices)
    period_kind = models.CharField(
        _("loại kỳ"), max_length=12, choices=[(kind.value, kind.label) for kind in RULE_PERIOD_KINDS]
    )
    period_number = models.PositiveSmallIntegerField(
        _("chỉ kỳ số"),
        default=0,
        help_text=_("0: mọi kỳ của loại này; 1: chỉ 6 tháng đầu năm, quý I, tháng 1...; 2: 6 tháng cuối năm..."),
    )
    due_days = models.PositiveSmallIntegerField(
        _("hạn đưa tin (số ngày sau cuối kỳ)"),
        default=31,
        help_text=_("Vd. 31: kỳ 6 tháng đầu năm hạn 31/7, kỳ năm hạn 31/01 năm sau."),
    )
    remind_after_days = models.PositiveSmallIntegerField(
        _("nhắc sau khi quá hạn (ngày)"), default=7, help_text=_("Số ngày quá hạn thì gửi thư nhắc.")
    )
    is_active = models.BooleanField(_("đang áp dụng"), default=True)

    objects = ReportingRuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("quy định hội nghị phải tổ chức")
        verbose_name_plural = _("quy định hội nghị phải tổ chức")
        ordering = ["period_kind", "period_number", "meeting_kind", "unit_kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit_kind", "meeting_kind", "period_kind", "period_number"],
                name="unique_reporting_rule",
                violation_error_message=_("Đã có quy định này."),
            )
        ]

    def __str__(self):
        return _("%(unit)s: %(meeting)s, %(period)s, hạn %(days)s ngày") % {
            "unit": self.get_unit_kind_display(),
            "meeting": self.get_meeting_kind_display(),
            "period": self.period_label(),
            "days": self.due_days,
        }

    def period_label(self):
        if not self.period_number:
            return _("mỗi kỳ %(kind)s") % {"kind": self.get_period_kind_display().lower()}
        return Period(self.period_kind, 2000, self.period_number).label.replace(" 2000", "").replace("/2000", "")

    def clean(self):
        super().clean()
        months = MONTHS_IN.get(self.period_kind)
        if self.period_number and (not months or self.period_number > 12 // months):
            raise ValidationError({"period_number": _("Số kỳ không hợp lệ với loại kỳ đã chọn.")})

    def due_on(self, period: Period) -> date:
        return period.end + timedelta(days=self.due_days)

    def applies_to(self, period: Period) -> bool:
        return period.kind == self.period_kind and self.period_number in (0, period.number)

    def periods_in(self, first_year: int, last_year: int):
        """The periods of the years `first_year` to `last_year` that this rule covers."""
        kind = PeriodKind(self.period_kind)
        numbers = range(1, 12 // MONTHS_IN[kind] + 1) if kind in MONTHS_IN else [0]
        for year in range(first_year, last_year + 1):
            for number in numbers:
                if self.period_number in (0, number):
                    yield Period(kind, year, number)


class ReminderSent(models.Model):
    """The one reminder sent for a unit, rule and period: `send_report_reminders` never sends it twice."""

    unit = models.ForeignKey(Organization, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="+")
    rule = models.ForeignKey(ReportingRule, verbose_name=_("quy định"), on_delete=models.CASCADE, related_name="+")
    period_code = models.CharField(_("kỳ"), max_length=20)
    recipients = models.TextField(_("người nhận"), blank=True)
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("thư nhắc đã gửi")
        verbose_name_plural = _("thư nhắc đã gửi")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "rule", "period_code"], name="one_reminder_per_unit_rule_period")
        ]

    def __str__(self):
        return f"{self.unit} – {self.rule.get_meeting_kind_display()} – {Period.parse(self.period_code).label}"


class RatingSchemeQuerySet(models.QuerySet):
    def for_year(self, year, subject):
        return self.filter(Q(last_year__isnull=True) | Q(last_year__gte=year), first_year__lte=year, subject=subject)


class RatingScheme(models.Model):
    """The levels of the annual quality rating of organizations, or of members, in force for a span of years."""

    class Subject(models.TextChoices):
        ORGANIZATION = "organization", _("Tổ chức Đảng")
        MEMBER = "member", _("Đảng viên")

    name = models.CharField(_("tên"), max_length=200)
    subject = models.CharField(_("xếp loại"), max_length=12, choices=Subject.choices, default=Subject.ORGANIZATION)
    first_year = models.PositiveSmallIntegerField(_("áp dụng từ năm"), validators=YEAR_RANGE)
    last_year = models.PositiveSmallIntegerField(
        _("đến năm"), null=True, blank=True, validators=YEAR_RANGE, help_text=_("Để trống: đang áp dụng.")
    )

    objects = RatingSchemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("thang xếp loại")
        verbose_name_plural = _("thang xếp loại")
        ordering = ["first_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_year__isnull=True) | Q(last_year__gte=F("first_year")),
                name="rating_scheme_years_order",
                violation_error_message=_("Năm kết thúc phải từ năm bắt đầu trở đi."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.get_subject_display()}, {self.years_label})"

    @property
    def years_label(self):
        return f"{self.first_year} - {self.last_year}" if self.last_year else f"{self.first_year} - nay"

    def covers(self, year):
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def clean(self):
        super().clean()
        if self.first_year is None:
            return
        overlapping = RatingScheme.objects.exclude(pk=self.pk).filter(
            Q(last_year__isnull=True) | Q(last_year__gte=self.first_year), subject=self.subject
        )
        if self.last_year is not None:
            overlapping = overlapping.filter(first_year__lte=self.last_year)
        if other := overlapping.first():
            raise ValidationError(
                _("Các năm này trùng với thang “%(other)s”: mỗi năm chỉ một thang.") % {"other": other}
            )


class RatingLevel(models.Model):
    scheme = models.ForeignKey(RatingScheme, verbose_name=_("thang"), on_delete=models.CASCADE, related_name="levels")
    name = models.CharField(_("mức xếp loại"), max_length=200)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1, help_text=_("1 là mức cao nhất."))

    class Meta:
        verbose_name = _("mức xếp loại")
        verbose_name_plural = _("mức xếp loại")
        ordering = ["scheme__first_year", "order"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "order"], name="unique_rating_level_order"),
            models.UniqueConstraint(fields=["scheme", "name"], name="unique_rating_level_name"),
        ]

    def __str__(self):
        return self.name


class YearlyRating(models.Model):
    subject = None  # the RatingScheme.Subject whose levels these rows use

    unit = models.ForeignKey(Organization, verbose_name=_("tổ chức"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"), validators=YEAR_RANGE)
    level = models.ForeignKey(RatingLevel, verbose_name=_("mức"), on_delete=models.PROTECT, related_name="+")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.level_id and self.level.scheme.subject != self.subject:
            raise ValidationError(
                {
                    "level": _("Mức này thuộc thang xếp loại %(subject)s.")
                    % {"subject": self.level.scheme.get_subject_display().lower()}
                }
            )
        if self.level_id and self.year and not self.level.scheme.covers(self.year):
            raise ValidationError(
                {
                    "level": _("Mức này thuộc thang “%(scheme)s”, không áp dụng cho năm %(year)s.")
                    % {"scheme": self.level.scheme, "year": self.year}
                }
            )
        if self.unit_id and self.year and not self.unit.is_party():
            raise ValidationError({"unit": _("Chỉ xếp loại tổ chức Đảng.")})
        if self.unit_id and self.year and not existed_in(self.unit, self.year):
            raise ValidationError({"unit": _("Năm %(year)s đơn vị này không hoạt động.") % {"year": self.year}})


def existed_in(unit, year):
    return (unit.valid_from is None or unit.valid_from.year <= year) and (
        unit.valid_to is None or unit.valid_to.year >= year
    )


@dataclass
class LevelShare:
    level: RatingLevel
    count: int
    percent: float


@dataclass
class YearTally:
    year: int
    scheme: RatingScheme | None
    total: int
    shares: list[LevelShare]


class TallyMixin:
    count_expression = None

    def in_unit(self, unit):
        """The rows of `unit`, its sub-units and every unit they carry on (see `carried_on_by`)."""
        return self.filter(carried_on_by("unit__", unit))

    def below(self, unit):
        """The rows of `unit`'s sub-units at every depth, not of the unit itself."""
        return self.in_unit(unit).exclude(earlier_selves("unit__", unit))

    def tally(self):
        """Per year, each level of that year's scheme with its count and share: two queries."""
        counts = {
            (row["year"], row["level"]): row["n"]
            for row in self.order_by().values("year", "level").annotate(n=self.count_expression)
        }
        levels = RatingLevel.objects.filter(scheme__subject=self.model.subject).select_related("scheme")
        levels = levels.order_by("scheme__first_year", "order")
        by_scheme = {}
        for level in levels:
            by_scheme.setdefault(level.scheme, []).append(level)
        tallies = []
        for year in sorted({year for year, _level in counts}, reverse=True):
            scheme = next((s for s in by_scheme if s.covers(year)), None)
            year_levels = by_scheme.get(scheme, [])
            total = sum(counts.get((year, level.pk), 0) for level in year_levels)
            shares = [
                LevelShare(level, n := counts.get((year, level.pk), 0), round(100 * n / total, 1) if total else 0)
                for level in year_levels
            ]
            tallies.append(YearTally(year, scheme, total, shares))
        return tallies


class OrganizationRatingQuerySet(TallyMixin, models.QuerySet):
    count_expression = Count("pk")


class OrganizationRating(YearlyRating):
    """A Party organization's quality rating for a year."""

    subject = RatingScheme.Subject.ORGANIZATION
    objects = OrganizationRatingQuerySet.as_manager()

    class Meta:
        verbose_name = _("xếp loại tổ chức Đảng")
        verbose_name_plural = _("xếp loại tổ chức Đảng")
        ordering = ["-year", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"],
                name="one_rating_per_unit_year",
                violation_error_message=_("Đơn vị này đã được xếp loại năm này."),
            )
        ]

    def __str__(self):
        return f"{self.unit} – {self.year}: {self.level}"


class MemberRatingCountQuerySet(TallyMixin, models.QuerySet):
    count_expression = Sum("count")


class MemberRatingCount(YearlyRating):
    """How many members of a unit got a level in a year: counts only, never who (member rolls are personal data)."""

    subject = RatingScheme.Subject.MEMBER
    count = models.PositiveIntegerField(_("số đảng viên"))

    objects = MemberRatingCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("số đảng viên theo mức xếp loại")
        verbose_name_plural = _("số đảng viên theo mức xếp loại")
        ordering = ["-year", "unit__path", "level__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "level"],
                name="one_member_count_per_unit_year_level",
                violation_error_message=_("Đã có số đảng viên của mức này cho đơn vị và năm này."),
            )
        ]

    def __str__(self):
        return f"{self.unit} – {self.year}: {self.count} {self.level}"
