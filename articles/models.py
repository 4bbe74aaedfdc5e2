from datetime import datetime, time, timedelta
from functools import cached_property

import reversion
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Exists, F, OuterRef, Q, Subquery, Value, Window
from django.db.models.functions import RowNumber, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field
from taggit.managers import TaggableManager, _TaggableManager
from taggit.models import TagBase, TaggedItemBase

from newsroom import pagecache
from newsroom.html import clean_html, html_to_text
from newsroom.images import ImageField, validate_image
from newsroom.models import HasPeriod, unique_slug
from newsroom.text import fold, nfc, slugify_vi, tone_key
from organizations.models import Meeting, Organization

from .search import search as full_text_search

# What a card never shows (for_cards): the wide columns of the article and of the rows joined to it.
CARD_DEFERRED = ["body", "body_text", "search_key", "search_vector", "meeting__summary", "meeting__tasks"]
CARD_DEFERRED += ["unit__description", "unit__aliases"]


class Category(models.Model):
    name = models.CharField(_("tên chuyên mục"), max_length=120, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Category, self.name, max_length=120, exclude_pk=self.pk)
        super().save(*args, **kwargs)


class TagQuerySet(models.QuerySet):
    def used_by(self, articles):
        """The tags of `articles`: `used_by(Article.objects.published())` are the ones readers may see."""
        return self.filter(Exists(TaggedArticle.objects.filter(tag=OuterRef("pk"), content_object__in=articles)))


class Tag(TagBase):
    """A tag; `key` makes "Nghị quyết", "nghị quyết" and "Nghị quyết " one tag, whatever the tone placement."""

    key = models.CharField(max_length=100, unique=True, editable=False)

    objects = TagQuerySet.as_manager()

    class Meta:
        verbose_name = _("thẻ")
        verbose_name_plural = _("thẻ")
        ordering = ["name"]

    def clean(self):
        super().clean()
        if Tag.objects.filter(key=tone_key(self.name)).exclude(pk=self.pk).exists():
            raise ValidationError(
                {"name": _("Đã có thẻ “%(name)s” (khác chữ hoa hoặc cách bỏ dấu).") % {"name": self.name}}
            )

    def save(self, *args, **kwargs):
        self.name = " ".join(self.name.split())
        self.key = tone_key(self.name)
        super().save(*args, **kwargs)

    def slugify(self, tag, i=None):
        slug = slugify_vi(tag, max_length=90) or "the"
        return f"{slug}-{i}" if i is not None else slug


def tags_to_string(tags):
    """Tags as the admin's text field shows them: "Nghị quyết, Đại hội" (quotes only around a name with a comma)."""
    return ", ".join(f'"{tag.name}"' if "," in tag.name else tag.name for tag in sorted(tags, key=lambda t: t.name))


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")

    class Meta:
        verbose_name = _("thẻ của bài")
        verbose_name_plural = _("thẻ của bài")
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_tag")]


class TagManager(_TaggableManager):
    """Tags given by name reuse the existing tag with the same key instead of creating a near-duplicate."""

    def _to_tag_model_instances(self, tags, tag_kwargs):
        # the first spelling of each key, tidied: "Tỉnh uỷ" and "tỉnh ủy" given together make one new tag
        names = {}
        for tag in tags:
            if isinstance(tag, str):
                names.setdefault(tone_key(tag), " ".join(nfc(tag).split()))
        existing = {tag.key: tag for tag in Tag.objects.filter(key__in=names)}
        resolved = [existing.get(tone_key(t)) or names[tone_key(t)] if isinstance(t, str) else t for t in tags]
        return super()._to_tag_model_instances(resolved, tag_kwargs)


class PhotoQuerySet(models.QuerySet):
    def editable_by(self, user):
        """The photos of `user`'s units; one of no unit (stored before photos had one) only a superuser reaches."""
        return self if user.is_superuser else self.filter(unit__in=Organization.objects.editable_by(user))


class Photo(models.Model):
    image = ImageField(
        _("tệp ảnh"),
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[validate_image],
        help_text=_("JPEG, PNG hoặc WebP."),
    )
    width = models.PositiveIntegerField(_("chiều rộng (px)"), editable=False, null=True)
    height = models.PositiveIntegerField(_("chiều cao (px)"), editable=False, null=True)
    alt_text = models.CharField(_("mô tả ảnh (alt)"), max_length=300, blank=True)
    credit = models.CharField(_("tác giả ảnh"), max_length=120, blank=True)
    unit = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="photos",
        help_text=_("Bài của đơn vị này và của các đơn vị cấp trên dùng được ảnh."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
    )
    uploaded_at = models.DateTimeField(_("thời gian tải lên"), auto_now_add=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("ảnh")
        verbose_name_plural = _("kho ảnh")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.alt_text or self.image.name.rsplit("/", 1)[-1]

    def is_usable_in(self, unit):
        """Whether an article of `unit` may show this photo: one of `unit`'s or of a unit below it (or of none)."""
        return self.unit_id is None or self.unit.path.startswith(unit.path)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def in_unit(self, unit):
        """Articles of `unit` and of all its sub-units: one indexed prefix match on the tree path.

        As `unit_id IN (the subtree)` rather than a join: PostgreSQL then reads a small unit's few articles by the
        unit index instead of walking the date index of all articles until it finds them."""
        return self.filter(unit__in=Organization.objects.filter(path__startswith=unit.path).values("pk"))

    def in_period(self, period):
        """Reporting on `period` or a part of it, newest first, read by the period's index: a period's articles are
        a few thousand at most, sorted at once. (The date index would walk every article published since, from
        today back to the period, when it is old: NULLS LAST, which that index does not hold, keeps it out; a
        published article always has a date, so the order is the same.)"""
        matching = self.filter(period_start__gte=period.start, period_end__lte=period.end)
        return matching.order_by(F("published_at").desc(nulls_last=True), F("pk").desc())

    def featured(self, count=3):
        """The newest `count` featured articles: the top of the home page."""
        return self.filter(is_featured=True)[:count]

    def published_within(self, period):
        """Published between the first and the last day of `period` (local days, as ranges of the indexed column)."""
        start = timezone.make_aware(datetime.combine(period.start, time.min))
        end = timezone.make_aware(datetime.combine(period.end + timedelta(days=1), time.min))
        return self.filter(published_at__gte=start, published_at__lt=end)

    def not_in_period(self, period):
        """Those not reporting on `period` (nor on a part of it)."""
        return self.exclude(period_start__gte=period.start, period_end__lte=period.end)

    def of_kind(self, kind):
        """Reports of meetings of `kind`: the article's own kind, else its meeting's."""
        return self.filter(Q(meeting_kind=kind) | Q(meeting_kind="", meeting__kind=kind))

    def for_listing(self):
        return self.select_related("unit", "category", "cover", "meeting")

    def for_cards(self):
        """for_listing() without the wide columns a card never shows: the text, the search data, the meeting's
        minutes, the unit's description."""
        return self.for_listing().defer(*CARD_DEFERRED)

    def search(self, query):
        """Articles holding every word of `query`, whatever the case and diacritics, best first (search.py)."""
        return full_text_search(self, query)

    def related_to(self, article):
        """Articles sharing a tag or the meeting with `article` (its tags prefetched)."""
        shared = Q(tags__in=[tag.pk for tag in article.tags.all()])
        if article.meeting_id:
            shared |= Q(meeting_id=article.meeting_id)
        return self.filter(shared).exclude(pk=article.pk).distinct()

    def newer_than(self, article):
        return self.filter(unit_id=article.unit_id, published_at__gt=article.published_at).order_by("published_at")

    def older_than(self, article):
        return self.filter(unit_id=article.unit_id, published_at__lt=article.published_at).order_by("-published_at")

    def latest_per_branch(self, branches, *, count):
        """The newest `count` of these articles under each unit of `branches`, as (pk, the unit's path) pairs.

        One query that reads only the index on PostgreSQL: a LIMIT per branch, joined by UNION ALL. Where a compound
        query cannot be sliced (SQLite) a window function numbers the narrow rows instead."""
        branches = list(branches)
        if not branches:
            return []
        newest = self.order_by("-published_at", "-pk")
        if connection.features.supports_slicing_ordering_in_compound:
            parts = [
                newest.in_unit(unit).annotate(branch=Value(unit.path)).values_list("pk", "branch")[:count]
                for unit in branches
            ]
            return list(parts[0].union(*parts[1:], all=True))
        depth = branches[0].depth
        branch = Substr("unit__path", 1, Organization.steplen * depth)
        ranked = Window(RowNumber(), partition_by=branch, order_by=[F("published_at").desc(), F("pk").desc()])
        paths = {unit.path for unit in branches}
        rows = self.annotate(branch=branch, row_number=ranked).filter(row_number__lte=count)
        return [(pk, path) for pk, path in rows.values_list("pk", "branch") if path in paths]

    def most_read(self):
        return self.filter(view_count__gt=0).order_by("-view_count", "-published_at")

    def editable_by(self, user):
        return self if user.is_superuser else self.filter(unit__in=Organization.objects.editable_by(user))

    def approved(self):
        """Published now or at their time: what an approver let out (a scheduled article goes live unasked)."""
        return self.filter(status=Article.Status.PUBLISHED)

    def reported_meetings(self):
        """The meetings these articles report on: `published().reported_meetings()` are the ones readers may see."""
        return Meeting.objects.filter(Exists(self.filter(meeting=OuterRef("pk"))))

    def shown_photos(self):
        """The photos these articles show, as their cover or in their gallery."""
        shown = Exists(self.filter(cover=OuterRef("pk"))) | Exists(self.filter(gallery__photo=OuterRef("pk")))
        return Photo.objects.filter(shown)


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    """Articles not in the trash: what every list, page, feed and admin screen starts from."""

    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class Article(HasPeriod):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Nháp")
        SUBMITTED = "submitted", _("Chờ duyệt")
        RETURNED = "returned", _("Trả lại")
        PUBLISHED = "published", _("Đã đăng")
        WITHDRAWN = "withdrawn", _("Đã gỡ")

    title = models.CharField(_("tiêu đề"), max_length=300)
    slug = models.SlugField(
        _("đường dẫn"), max_length=300, unique=True, blank=True, help_text=_("Để trống: tạo từ tiêu đề.")
    )
    lead = models.TextField(_("sapo"), blank=True, help_text=_("Đoạn dẫn in đậm dưới tiêu đề."))
    body = CKEditor5Field(_("nội dung"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("thời gian đăng"), null=True, blank=True, db_index=True)
    published_at_estimated = models.BooleanField(
        _("thời gian đăng ước tính"),
        default=False,
        editable=False,
        help_text=_("Bài nhập từ trang cũ không ghi thời gian đăng: lấy ngày họp, cuối kỳ báo cáo hoặc lúc nhập."),
    )
    unit = models.ForeignKey(
        "organizations.Organization", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="articles"
    )
    related_units = models.ManyToManyField(
        "organizations.Organization", verbose_name=_("đơn vị liên quan"), blank=True, related_name="related_articles"
    )
    meeting = models.ForeignKey(
        "organizations.Meeting",
        verbose_name=_("hội nghị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    meeting_kind = models.CharField(
        _("loại hội nghị"),
        max_length=24,
        choices=Meeting.Kind.choices,
        blank=True,
        help_text=_("Để trống: theo hội nghị đã chọn. Chọn cùng đơn vị để được đề xuất tiêu đề, thẻ và kỳ báo cáo."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("chuyên mục"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    tags = TaggableManager(_("thẻ"), through=TaggedArticle, manager=TagManager, blank=True)
    byline = models.CharField(
        _("tác giả"), max_length=200, blank=True, help_text=_("Vd. “Hoài Thu”, “Tin, ảnh: Hoàng Lam”.")
    )
    photo_credit = models.CharField(
        _("nguồn ảnh"), max_length=120, blank=True, help_text=_("Mặc định cho các ảnh trong bài, vd. “Thiệu Phan”.")
    )
    source = models.CharField(_("nguồn tin"), max_length=120, blank=True, help_text=_("Vd. “BDK.VN”."))
    source_url = models.URLField(_("địa chỉ gốc"), max_length=500, blank=True)
    cover = models.ForeignKey(
        Photo,
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Để trống: ảnh đầu tiên của thư viện ảnh."),
    )
    photos = models.ManyToManyField(Photo, through="ArticlePhoto", related_name="articles", blank=True)
    import_key = models.CharField(
        _("khóa nhập"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Định danh bài nhập từ trang cũ (địa chỉ gốc hoặc mã băm nội dung): nhập lại thì cập nhật."),
    )
    imported_version = models.PositiveIntegerField(
        _("phiên bản khi nhập"),
        null=True,
        editable=False,
        help_text=_("Phiên bản bài sau lần nhập gần nhất: đã sửa sau đó thì nhập lại không ghi đè."),
    )
    imported_meeting_version = models.PositiveIntegerField(
        _("phiên bản hội nghị khi nhập"),
        null=True,
        editable=False,
        help_text=_("Phiên bản hội nghị của bài sau lần nhập gần nhất: đã sửa sau đó thì nhập lại không ghi đè."),
    )
    is_featured = models.BooleanField(_("tin nổi bật"), default=False, help_text=_("Hiện ở đầu trang chủ."))
    view_count = models.PositiveIntegerField(_("lượt đọc"), default=0, editable=False)
    body_text = models.TextField(editable=False, blank=True)
    search_key = models.TextField(editable=False, blank=True)  # folded title, lead, body: SQLite's FTS5 index reads it
    search_vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only; kept by a trigger (search.py)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    submitted_at = models.DateTimeField(_("gửi duyệt lúc"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)
    deleted_at = models.DateTimeField(_("chuyển vào thùng rác lúc"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xóa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )

    objects = ArticleManager()
    all_objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        permissions = [
            ("approve_article", _("Duyệt, trả lại và gỡ bài của đơn vị mình")),
            ("purge_article", _("Xóa hẳn bài khỏi thùng rác")),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["period_start", "period_end"]),
            # what readers see, newest first and most read first: a page or a block walks these alone
            models.Index(
                fields=["-published_at", "-id"],
                condition=Q(status="published", deleted_at=None),
                name="article_public_idx",
            ),
            # the sitemap's pages read this alone, however deep the page: what they show is in its keys (not in an
            # INCLUDE, which SQLite ignores)
            models.Index(
                fields=["-published_at", "-id", "slug", "updated_at"],
                condition=Q(status="published", deleted_at=None),
                name="article_sitemap_idx",
            ),
            # the meetings that published articles report on (the sitemap's, the meeting list's EXISTS): read from
            # this alone, beside the meetings' keys
            models.Index(
                fields=["meeting", "published_at"],
                condition=Q(status="published", deleted_at=None, meeting__isnull=False),
                name="article_reported_meeting_idx",
            ),
            models.Index(
                fields=["-published_at"],
                condition=Q(status="published", deleted_at=None, is_featured=True),
                name="article_featured_idx",
            ),
            models.Index(
                fields=["-view_count", "-published_at"],
                condition=Q(status="published", deleted_at=None, view_count__gt=0),
                name="article_most_read_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.title, max_length=300, exclude_pk=self.pk)
        self.body = clean_html(self.body)
        self.body_text = html_to_text(self.body)
        self.search_key = "\n".join(fold(part) for part in (self.title, self.lead, self.body_text))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.slug])

    @cached_property
    def placements(self):
        """The gallery with its photos: the prefetched rows, or one query."""
        if "gallery" in getattr(self, "_prefetched_objects_cache", {}):
            return list(self.gallery.all())
        return list(self.gallery.select_related("photo"))

    def cover_placement(self):
        """The gallery row of the cover photo, for its caption."""
        return next((item for item in self.placements if item.photo_id == self.cover_id), None)

    def other_photos(self):
        """The gallery without the cover, which the page shows large above the text."""
        return [item for item in self.placements if item.photo_id != self.cover_id]

    def take_cover_from_gallery(self):
        """No cover chosen: the first photo of the gallery is the article's picture."""
        if self.cover_id is None:
            first = ArticlePhoto.objects.filter(article=OuterRef("pk")).order_by("order", "pk").values("photo")[:1]
            Article.all_objects.filter(pk=self.pk, cover__isnull=True).update(cover=Subquery(first))
            self.refresh_from_db(fields=["cover"])

    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    is_published.boolean = True
    is_published.short_description = _("đang hiển thị")


class TrashManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=False)


class TrashedArticle(Article):
    """An article in the trash: hidden everywhere, its slug still taken, until restored or purged."""

    objects = TrashManager()

    class Meta:
        proxy = True
        verbose_name = _("bài trong thùng rác")
        verbose_name_plural = _("thùng rác")
        ordering = ["-deleted_at", "-pk"]


class ArticlePhoto(models.Model):
    """A photo's place in an article: the caption and credit belong here, not to the photo."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="gallery")
    photo = models.ForeignKey(Photo, verbose_name=_("ảnh"), on_delete=models.PROTECT, related_name="placements")
    caption = models.CharField(_("chú thích"), max_length=500, blank=True)
    credit = models.CharField(
        _("tác giả ảnh"), max_length=120, blank=True, help_text=_("Để trống: dùng nguồn ảnh của bài.")
    )
    alt_text = models.CharField(_("mô tả ảnh (alt)"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("ảnh trong bài")
        verbose_name_plural = _("thư viện ảnh của bài")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.caption or str(self.photo)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.article.take_cover_from_gallery()

    @property
    def display_credit(self):
        return self.credit or self.photo.credit or self.article.photo_credit

    @property
    def display_alt(self):
        return self.alt_text or self.photo.alt_text or self.caption or self.article.title


class SiteSettings(models.Model):
    """What the footer of every page must say about who publishes the site (one row)."""

    site_name = models.CharField(_("tên trang"), max_length=200, default="Tin tức Đảng bộ tỉnh")
    responsible_body = models.CharField(_("cơ quan chủ quản"), max_length=200, default="Ban Tuyên giáo Tỉnh ủy")
    editor_in_charge = models.CharField(_("chịu trách nhiệm nội dung"), max_length=200, blank=True)
    license = models.CharField(_("giấy phép"), max_length=200, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    banner = ImageField(
        _("ảnh băng rôn"),
        upload_to="site/",
        blank=True,
        validators=[validate_image],
        help_text=_("Ảnh ngang ở đầu mọi trang (vd. 1600 × 200 px); để trống: chỉ hiện tên trang."),
    )

    class Meta:
        verbose_name = _("thông tin trang")
        verbose_name_plural = _("thông tin trang")

    def __str__(self):
        return self.site_name

    @classmethod
    def current(cls):
        """The settings row with the category menu (every page shows both), kept for the content generation, which
        a write to either moves on; a fresh database gets the defaults. Read-only: shared by the process's
        requests."""
        return pagecache.remember(pagecache.fragment_key("site settings"), cls.read, seconds=3600)

    @classmethod
    def read(cls):
        settings_row = cls.objects.first() or cls()
        settings_row.menu = list(Category.objects.values_list("name", "slug"))
        return settings_row


class ArticleEvent(models.Model):
    """One step of an article through the workflow, with the comment that went with it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("thao tác"), max_length=20)
    from_status = models.CharField(_("từ trạng thái"), max_length=12, choices=Article.Status.choices)
    to_status = models.CharField(_("sang trạng thái"), max_length=12, choices=Article.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.TextField(_("ghi chú"), blank=True)
    at = models.DateTimeField(_("thời gian"), default=timezone.now)

    class Meta:
        verbose_name = _("bước duyệt bài")
        verbose_name_plural = _("lịch sử duyệt bài")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.article} – {self.action}"


reversion.register(ArticlePhoto)
reversion.register(TaggedArticle)
# the text for search is derived from the rest on save: not worth a copy in every version
reversion.register(
    Article, follow=["gallery", "taggedarticle_set"], exclude=["body_text", "search_key", "search_vector"]
)


class ImportBatch(models.Model):
    """Files brought to the "Nhập bài cũ" page: read first (a dry run), corrected, then imported in the background.
    Progress and the outcome are kept here, so the page survives a reload and shows the report at the end."""

    class Status(models.TextChoices):
        READ = "read", _("Đã đọc thử, chờ nhập")
        QUEUED = "queued", _("Đang chờ nhập")
        RUNNING = "running", _("Đang nhập")
        DONE = "done", _("Đã nhập xong")
        FAILED = "failed", _("Dừng vì lỗi")

    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.READ)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)
    total = models.PositiveIntegerField(_("số tệp"), default=0)
    done = models.PositiveIntegerField(_("đã xử lý"), default=0)
    error = models.TextField(_("lỗi"), blank=True)

    class Meta:
        verbose_name = _("đợt nhập bài cũ")
        verbose_name_plural = _("Nhập bài cũ")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Đợt nhập #{self.pk} ({self.total} tệp)"

    def is_running(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class ImportFileQuerySet(models.QuerySet):
    def waiting_for_unit(self):
        return self.filter(state=ImportFile.State.WAITING_UNIT)


class ImportFile(models.Model):
    """One legacy file kept in the database: a row of an import batch, or a file whose host unit could not be
    determined, waiting in the review queue ("Cần xác nhận đơn vị") until an administrator sets the unit. Only
    then does it become an article: nothing of it is public before."""

    class State(models.TextChoices):
        READ = "read", _("Đã đọc thử")
        WAITING_UNIT = "waiting_unit", _("Cần xác nhận đơn vị")
        IMPORTED = "imported", _("Đã nhập")
        KEPT = "kept", _("Giữ nguyên bài đã sửa")
        FAILED = "failed", _("Lỗi")

    batch = models.ForeignKey(
        ImportBatch, verbose_name=_("đợt nhập"), null=True, blank=True, on_delete=models.CASCADE, related_name="files"
    )
    name = models.CharField(_("tệp"), max_length=255)
    text = models.TextField(_("nội dung tệp"), editable=False)
    is_page = models.BooleanField(_("trang web đã lưu"), default=False, editable=False)
    import_key = models.CharField(_("khóa nhập"), max_length=64, blank=True, editable=False, db_index=True)
    facts = models.JSONField(_("thông tin đọc được"), default=dict, blank=True, editable=False)
    unit = models.ForeignKey(
        Organization,
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Đơn vị tổ chức của bài; để trống thì lấy đơn vị đọc được trong bài."),
    )
    meeting_type = models.CharField(
        _("loại hội nghị"),
        max_length=30,
        choices=Meeting.Kind.choices,
        blank=True,
        help_text=_("Để trống thì lấy loại đọc được trong bài."),
    )
    state = models.CharField(_("tình trạng"), max_length=12, choices=State.choices, default=State.READ)
    message = models.TextField(_("ghi chú"), blank=True)
    article = models.ForeignKey(
        Article, verbose_name=_("bài viết"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    objects = ImportFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("tệp nhập bài cũ")
        verbose_name_plural = _("tệp nhập bài cũ")
        ordering = ["batch", "pk"]

    def __str__(self):
        return self.facts.get("title") or self.name


class UnitReview(ImportFile):
    """The review queue: imported files whose host unit an administrator must set before they become articles."""

    class Meta:
        proxy = True
        verbose_name = _("bài cần xác nhận đơn vị")
        verbose_name_plural = _("Cần xác nhận đơn vị")
