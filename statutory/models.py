from datetime import datetime, time, timedelta

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organizations.models import Meeting, Organization


def local_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


class ScheduleEntryQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def in_unit(self, unit):
        return self.filter(unit__path__startswith=unit.path)

    def between(self, first_day, last_day):
        """Entries starting on a day from `first_day` to `last_day`, as local days."""
        return self.filter(starts_at__gte=local_start(first_day), starts_at__lt=local_start(last_day + timedelta(1)))

    def for_listing(self):
        return self.select_related("unit").prefetch_related("leaders")

    def editable_by(self, user):
        return self if user.is_superuser else self.filter(unit__in=Organization.objects.editable_by(user))


class ScheduleEntry(models.Model):
    """One line of the leaders' work schedule (Lịch công tác) beside the meetings: a visit, a reception, a trip."""

    unit = models.ForeignKey(
        Organization, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="schedule_entries"
    )
    title = models.CharField(_("nội dung công việc"), max_length=300)
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    leaders = models.ManyToManyField(
        "organizations.Person", verbose_name=_("lãnh đạo dự"), blank=True, related_name="schedule_entries"
    )
    preparing = models.CharField(
        _("đơn vị chuẩn bị"), max_length=200, blank=True, help_text=_("Vd. “Văn phòng Đảng ủy chuẩn bị nội dung”.")
    )
    is_public = models.BooleanField(_("công khai"), default=True)

    objects = ScheduleEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("lịch công tác")
        verbose_name_plural = _("lịch công tác")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="schedule_entry_ends_after_start",
                violation_error_message=_("Giờ kết thúc phải sau giờ bắt đầu."),
            )
        ]

    def __str__(self):
        return self.title


# The hours a meeting held "sáng", "chiều" or "tối" takes in a calendar.
PART_OF_DAY_HOURS = {
    Meeting.PartOfDay.MORNING: (time(7, 30), time(11, 30)),
    Meeting.PartOfDay.AFTERNOON: (time(13, 30), time(17, 0)),
    Meeting.PartOfDay.EVENING: (time(19, 0), time(21, 0)),
}
