from datetime import date
from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from newsroom.images import ImageField, validate_image
from newsroom.models import HasPeriod, unique_slug
from newsroom.periods import Period
from newsroom.text import given_name_sort_key, normalize_tone


class OrganizationQuerySet(MP_NodeQuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=on), Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )

    def party(self):
        return self.filter(kind__in=Organization.Kind.party_kinds())

    def assigned_to(self, user):
        """The units `user` is assigned to, the first assigned first."""
        return self.filter(staff_assignments__user=user).order_by("staff_assignments__pk")

    def tops_of(self, user):
        """The top units of `user`'s reach: the units he is assigned to that lie below no other of them."""
        paths = set(Organization.objects.assigned_to(user).values_list("path", flat=True))
        return self.filter(path__in=[path for path in paths if not any(path.startswith(p) for p in paths - {path})])

    def editable_by(self, user):
        """The units `user` is assigned to and everything below them."""
        if user.is_superuser:
            return self
        if not user.is_authenticated:
            return self.none()
        paths = list(Organization.objects.assigned_to(user).values_list("path", flat=True))
        if not paths:
            return self.none()
        return self.filter(reduce(or_, (Q(path__startswith=p) for p in paths)))


class OrganizationManager(MP_NodeManager.from_queryset(OrganizationQuerySet)):
    def get_queryset(self):
        return OrganizationQuerySet(self.model, using=self._db).order_by("path")


class Organization(MP_Node):
    class Kind(models.TextChoices):
        PROVINCIAL = "provincial", _("Đảng bộ tỉnh")
        UPPER = "upper", _("Đảng bộ cấp trên cơ sở (khối, huyện, thành phố)")
        GRASSROOTS = "grassroots", _("Đảng bộ cơ sở")
        GRASSROOTS_CELL = "grassroots_cell", _("Chi bộ cơ sở")
        PARTIAL = "partial", _("Đảng bộ bộ phận")
        CELL = "cell", _("Chi bộ trực thuộc")
        TRADE_UNION = "trade_union", _("Công đoàn")
        YOUTH_UNION = "youth_union", _("Đoàn Thanh niên")
        VETERANS = "veterans", _("Hội Cựu chiến binh")
        WOMEN = "women", _("Hội Liên hiệp Phụ nữ")
        OTHER_MASS = "other_mass", _("Tổ chức đoàn thể khác")

        @classmethod
        def party_kinds(cls):
            return [cls.PROVINCIAL, cls.UPPER, cls.GRASSROOTS, cls.GRASSROOTS_CELL, cls.PARTIAL, cls.CELL]

    kind = models.CharField(_("loại tổ chức"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("tên đầy đủ"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=120, blank=True)
    aliases = models.TextField(
        _("tên gọi khác"), blank=True, help_text=_("Mỗi dòng một tên: viết tắt, tên Đảng ủy, tên cũ (vd. “Sở TN&MT”).")
    )
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)
    description = models.TextField(_("chức năng, nhiệm vụ"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang thông tin"), blank=True)
    contact_person = models.ForeignKey(
        "Person",
        verbose_name=_("người đầu mối liên hệ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_for",
    )
    valid_from = models.DateField(_("thành lập từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("hoạt động đến ngày"), null=True, blank=True)
    succeeded_by = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("Đơn vị mới sau khi đổi tên, sáp nhập hoặc giải thể."),
    )

    needs_review = models.BooleanField(
        _("cần xác nhận"),
        default=False,
        help_text=_("Đơn vị do công cụ nhập bài đề xuất; quản trị viên cần kiểm tra."),
    )

    objects = OrganizationManager()

    class Meta:
        verbose_name = _("tổ chức")
        verbose_name_plural = _("tổ chức")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_from__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="organization_valid_range",
                violation_error_message=_("Ngày kết thúc phải sau ngày thành lập."),
            ),
            models.CheckConstraint(
                condition=~Q(succeeded_by=F("pk")),
                name="organization_not_own_successor",
                violation_error_message=_("Một đơn vị không thể kế thừa chính nó."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Organization, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        return self.short_name or self.name

    def alias_list(self):
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    def is_party(self):
        return self.kind in Organization.Kind.party_kinds()

    def is_current(self, on=None):
        on = on or timezone.localdate()
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or self.valid_to >= on)

    def get_descendants(self, include_self=False):
        """This unit's sub-units at every depth: one indexed prefix match on the tree path."""
        # why: not treebeard's, which trusts the in-memory child count and misses sub-units added since loading
        below = Organization.objects.filter(path__startswith=self.path)
        return below if include_self else below.exclude(pk=self.pk)

    def get_ancestors(self):
        return Organization.objects.get_ancestors(self)

    def get_children(self):
        return Organization.objects.get_children(self)

    def get_parent(self):
        return Organization.objects.get_parent(self)

    def dissolve(self, *, on, successor=None):
        """End this unit on `on`; its history stays and points to `successor`."""
        if successor is not None and successor.pk == self.pk:
            raise ValidationError(_("Một đơn vị không thể kế thừa chính nó."))
        self.valid_to = on
        self.succeeded_by = successor
        self.save(update_fields=["valid_to", "succeeded_by"])

    def current_successor(self):
        """The unit that carries this one on today: the end of the `succeeded_by` chain (self if none)."""
        unit, seen = self, {self.pk}
        while unit.succeeded_by_id and unit.succeeded_by_id not in seen:
            seen.add(unit.succeeded_by_id)
            unit = unit.succeeded_by
        return unit

    def lineage(self):
        """This unit and every unit it succeeded, at any distance back."""
        found, frontier = {self.pk}, [self.pk]
        while frontier:
            frontier = [
                pk
                for pk in Organization.objects.filter(succeeded_by__in=frontier).values_list("pk", flat=True)
                if pk not in found
            ]
            found.update(frontier)
        return Organization.objects.filter(pk__in=found)


class StaffAssignment(models.Model):
    """A staff account works for a unit (and its sub-units)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="unit_assignments",
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="staff_assignments"
    )

    class Meta:
        verbose_name = _("phân công đơn vị")
        verbose_name_plural = _("phân công đơn vị")
        constraints = [models.UniqueConstraint(fields=["user", "organization"], name="unique_staff_assignment")]

    def __str__(self):
        return f"{self.user} – {self.organization}"


YEAR_RANGE = [MinValueValidator(1930), MaxValueValidator(2100)]


class TermQuerySet(models.QuerySet):
    def containing(self, on):
        return self.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=on), Q(ends_on__isnull=True) | Q(ends_on__gte=on)
        )

    def editable_by(self, user):
        return self if user.is_superuser else self.filter(organization__in=Organization.objects.editable_by(user))


class Term(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name=_("tổ chức"), on_delete=models.PROTECT, related_name="terms"
    )
    start_year = models.PositiveSmallIntegerField(_("năm bắt đầu"), validators=YEAR_RANGE)
    end_year = models.PositiveSmallIntegerField(_("năm kết thúc"), validators=YEAR_RANGE)
    congress_number = models.CharField(
        _("Đại hội lần thứ"), max_length=10, blank=True, help_text=_("Số La Mã, vd. XIII.")
    )
    starts_on = models.DateField(_("ngày Đại hội"), null=True, blank=True)
    ends_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhiệm kỳ")
        verbose_name_plural = _("nhiệm kỳ")
        ordering = ["-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "start_year"], name="unique_term_start"),
            models.CheckConstraint(
                condition=Q(end_year__gt=F("start_year")),
                name="term_years_order",
                violation_error_message=_("Năm kết thúc phải sau năm bắt đầu."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="term_dates_order",
                violation_error_message=_("Ngày kết thúc phải sau ngày Đại hội."),
            ),
        ]

    def __str__(self):
        return f"{self.label} ({self.organization.display_name})"

    @property
    def label(self):
        return _("Nhiệm kỳ %(start)s - %(end)s") % {"start": self.start_year, "end": self.end_year}

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year <= self.start_year:
            raise ValidationError({"end_year": _("Năm kết thúc phải sau năm bắt đầu.")})

    @property
    def period(self):
        return Period.term(self.start_year, self.end_year)

    def contains(self, on: date):
        return (self.starts_on or self.period.start) <= on <= (self.ends_on or self.period.end)


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People who hold or held a public office: the only ones the public site may show."""
        return self.filter(positions__is_public=True).distinct()

    def editable_by(self, user):
        """People whose memberships and positions all lie in `user`'s units (and people with neither yet)."""
        if user.is_superuser:
            return self
        units = Organization.objects.editable_by(user)
        return self.exclude(
            Exists(Membership.objects.filter(person=OuterRef("pk")).exclude(organization__in=units))
        ).exclude(Exists(Position.objects.filter(person=OuterRef("pk")).exclude(organization__in=units)))

    def visible_to(self, user):
        """Those `user` may edit, and the holders of public offices, whom the public site shows anyway."""
        if user.is_superuser:
            return self
        public = Exists(Position.objects.filter(person=OuterRef("pk"), is_public=True))
        return self.filter(Q(pk__in=self.editable_by(user).values("pk")) | public)


class Person(models.Model):
    full_name = models.CharField(_("họ và tên"), max_length=120)
    sort_key = models.CharField(max_length=255, editable=False, db_index=True)
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)
    bio = models.TextField(_("tiểu sử công khai"), blank=True)
    photo = ImageField(_("ảnh chân dung"), upload_to="people/", blank=True, validators=[validate_image])

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("nhân sự")
        verbose_name_plural = _("nhân sự")
        ordering = ["sort_key"]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.sort_key = given_name_sort_key(self.full_name)
        if not self.slug:
            self.slug = unique_slug(Person, self.full_name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def titles_on(self, on: date):
        """The public titles this person held on `on`, in the order articles print them."""
        return [p.title for p in self.positions.public().held_on(on)]

    def title_line(self, on: date, sep=", "):
        return sep.join(self.titles_on(on))


# How Party and government titles rank when a unit's leaders are listed (DOMAIN.md): the first prefix that fits.
SENIORITY = (
    "Bí thư",
    "Phó Bí thư Thường trực",
    "Phó Bí thư",
    "Chủ tịch",
    "Giám đốc",
    "Trưởng",
    "Chánh",
    "Ủy viên Ban Thường vụ",
    "Chủ nhiệm Ủy ban Kiểm tra",
    "Phó Chủ tịch",
    "Phó Giám đốc",
    "Phó",
)


class PositionQuerySet(models.QuerySet):
    def held_on(self, on: date):
        """Positions held on `on`; one without dates lasts as long as its term (`Term.contains`)."""
        no_term = Q(term__isnull=True)
        term_started = Q(term__starts_on__lte=on) | Q(term__starts_on__isnull=True, term__start_year__lte=on.year)
        term_not_ended = Q(term__ends_on__gte=on) | Q(term__ends_on__isnull=True, term__end_year__gte=on.year)
        started = Q(starts_on__lte=on) | Q(starts_on__isnull=True) & (no_term | term_started)
        not_ended = Q(ends_on__gte=on) | Q(ends_on__isnull=True) & (no_term | term_not_ended)
        return self.filter(started, not_ended)

    def public(self):
        return self.filter(is_public=True)

    def editable_by(self, user):
        return self if user.is_superuser else self.filter(organization__in=Organization.objects.editable_by(user))

    def leaders(self):
        """(person, "title, title") for each holder of these positions, most senior first, each person once."""
        titles = {}
        for position in self.select_related("person").order_by("rank", "pk"):
            titles.setdefault(position.person, []).append(position)
        ranked = sorted(titles.items(), key=lambda item: (min(p.seniority() for p in item[1]), item[0].sort_key))
        return [(person, ", ".join(p.title for p in held)) for person, held in ranked]


class Position(models.Model):
    class Kind(models.TextChoices):
        PARTY = "party", _("Chức vụ Đảng")
        GOVERNMENT = "government", _("Chức vụ chính quyền")
        MASS = "mass", _("Chức vụ đoàn thể")

    person = models.ForeignKey(Person, verbose_name=_("nhân sự"), on_delete=models.CASCADE, related_name="positions")
    organization = models.ForeignKey(
        Organization, verbose_name=_("tổ chức"), on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField(
        _("chức danh"), max_length=150, help_text=_("Như khi in trong bài, vd. “Bí thư Đảng ủy Sở”, “Tỉnh ủy viên”.")
    )
    kind = models.CharField(_("loại chức vụ"), max_length=12, choices=Kind.choices, default=Kind.PARTY)
    term = models.ForeignKey(Term, verbose_name=_("nhiệm kỳ"), null=True, blank=True, on_delete=models.PROTECT)
    starts_on = models.DateField(_("từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    is_public = models.BooleanField(_("công khai"), default=True)
    rank = models.PositiveSmallIntegerField(
        _("thứ tự"), default=100, help_text=_("Số nhỏ in trước khi ghi các chức danh của một người.")
    )

    objects = PositionQuerySet.as_manager()

    class Meta:
        verbose_name = _("chức vụ")
        verbose_name_plural = _("chức vụ")
        ordering = ["rank", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="position_dates_order",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.title}"

    def seniority(self):
        """0 for a Secretary, higher for lower offices; unknown titles come last."""
        title = normalize_tone(self.title)
        return next((i for i, prefix in enumerate(SENIORITY) if title.startswith(prefix)), len(SENIORITY))

    def clean(self):
        super().clean()
        if self.term_id and self.organization_id and self.term.organization_id != self.organization_id:
            raise ValidationError({"term": _("Nhiệm kỳ này thuộc một tổ chức khác.")})


class MembershipQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(since__isnull=True) | Q(since__lte=on), Q(until__isnull=True) | Q(until__gte=on))


class Membership(models.Model):
    """A person's Party membership in a unit. Personal data: staff of that unit only."""

    class Status(models.TextChoices):
        PROBATIONARY = "du_bi", _("Dự bị")
        FULL = "chinh_thuc", _("Chính thức")

    class EndReason(models.TextChoices):
        TRANSFERRED = "transferred", _("Chuyển sinh hoạt")
        DECEASED = "deceased", _("Từ trần")
        REMOVED = "removed", _("Xóa tên")
        EXPELLED = "expelled", _("Khai trừ")
        LEFT = "left", _("Xin ra khỏi Đảng")
        OTHER = "other", _("Khác")

    person = models.ForeignKey(
        Person, verbose_name=_("đảng viên"), on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("sinh hoạt tại"), on_delete=models.PROTECT, related_name="memberships"
    )
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.FULL)
    since = models.DateField(_("từ ngày"), null=True, blank=True)
    until = models.DateField(_("đến ngày"), null=True, blank=True)
    end_reason = models.CharField(_("lý do kết thúc"), max_length=12, choices=EndReason.choices, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("đảng viên sinh hoạt")
        verbose_name_plural = _("đảng viên sinh hoạt")
        ordering = ["organization", "person__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(until__isnull=True),
                name="one_open_membership_per_person",
                violation_error_message=_("Đảng viên này đang sinh hoạt ở một đơn vị khác; hãy chuyển sinh hoạt."),
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(since__isnull=True) | Q(until__gte=F("since")),
                name="membership_dates_order",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.organization.display_name}"

    def clean(self):
        super().clean()
        if self.organization_id and not self.organization.is_party():
            raise ValidationError({"organization": _("Đảng viên chỉ sinh hoạt tại một tổ chức Đảng.")})


class MeetingQuerySet(models.QuerySet):
    def in_unit(self, unit):
        return self.filter(host__path__startswith=unit.path)

    def in_period(self, period):
        return self.filter(period_start__gte=period.start, period_end__lte=period.end)


class Meeting(HasPeriod):
    class Kind(models.TextChoices):
        SO_KET_6_THANG = "so_ket_6_thang", _("Hội nghị sơ kết 6 tháng")
        SO_KET_9_THANG = "so_ket_9_thang", _("Hội nghị sơ kết 9 tháng")
        TONG_KET_NAM = "tong_ket_nam", _("Hội nghị tổng kết năm")
        SO_KET_GIUA_NHIEM_KY = "so_ket_giua_nhiem_ky", _("Hội nghị sơ kết giữa nhiệm kỳ")
        HOC_TAP_QUAN_TRIET = "hoc_tap_quan_triet", _("Hội nghị học tập, quán triệt Nghị quyết")
        SINH_HOAT_CHUYEN_DE = "sinh_hoat_chuyen_de", _("Sinh hoạt chi bộ chuyên đề")
        DAI_HOI = "dai_hoi", _("Đại hội")
        KET_NAP_DANG_VIEN = "ket_nap_dang_vien", _("Lễ kết nạp đảng viên")
        TRAO_HUY_HIEU = "trao_huy_hieu", _("Lễ trao Huy hiệu Đảng")
        OTHER = "other", _("Khác")

    class PartOfDay(models.TextChoices):
        MORNING = "morning", _("Sáng")
        AFTERNOON = "afternoon", _("Chiều")
        EVENING = "evening", _("Tối")
        ALL_DAY = "all_day", _("Cả ngày")

    host = models.ForeignKey(
        Organization, verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField(_("loại hội nghị"), max_length=24, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("tên hội nghị"), max_length=300)
    held_on = models.DateField(_("ngày họp"), null=True, blank=True)
    part_of_day = models.CharField(_("buổi"), max_length=10, choices=PartOfDay.choices, blank=True)
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    term = models.ForeignKey(Term, verbose_name=_("nhiệm kỳ"), null=True, blank=True, on_delete=models.SET_NULL)
    summary = models.TextField(_("tóm tắt, kết luận"), blank=True)
    tasks = models.TextField(_("nhiệm vụ kỳ tới"), blank=True, help_text=_("Mỗi dòng một nhiệm vụ."))
    participants = models.ManyToManyField(Person, through="MeetingParticipant", related_name="meetings")
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["kind", "-held_on"]),
            models.Index(fields=["period_start", "period_end"]),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.term_id and self.host_id and self.term.organization_id != self.host_id:
            raise ValidationError(
                {"term": _("Nhiệm kỳ này thuộc một tổ chức khác, không phải đơn vị tổ chức hội nghị.")}
            )
        if self.host_id and self.held_on and not self.host.is_current(self.held_on):
            host = self.host
            message = _("Vào ngày này, “%(unit)s” không hoạt động (từ %(start)s đến %(end)s).") % {
                "unit": host.name,
                "start": host.valid_from.strftime("%d/%m/%Y") if host.valid_from else "…",
                "end": host.valid_to.strftime("%d/%m/%Y") if host.valid_to else _("nay"),
            }
            raise ValidationError({"held_on": message})

    def task_list(self):
        return [line.strip() for line in self.tasks.splitlines() if line.strip()]


class MeetingParticipant(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chủ trì")
        GUEST = "guest", _("Đến dự")
        SPEAKER = "speaker", _("Phát biểu")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, verbose_name=_("người tham dự"), on_delete=models.PROTECT)
    role = models.CharField(_("vai trò"), max_length=10, choices=Role.choices, default=Role.GUEST)
    title_then = models.CharField(
        _("chức danh khi đó"), max_length=300, blank=True, help_text=_("Để trống: lấy các chức vụ vào ngày họp.")
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("người chủ trì, đại biểu")
        verbose_name_plural = _("người chủ trì, đại biểu")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person", "role"], name="unique_meeting_participant_role")
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    def save(self, *args, **kwargs):
        if not self.title_then and self.meeting.held_on:
            self.title_then = self.person.title_line(self.meeting.held_on)
        super().save(*args, **kwargs)
