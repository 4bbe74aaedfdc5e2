import re
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.text import fold
from organizations.models import Organization


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def moderatable_by(self, user):
        """The comments on articles of `user`'s units and the units below them: an approver's queue."""
        return self if user.is_superuser else self.filter(article__unit__in=Organization.objects.editable_by(user))

    def count_per_article(self):
        """For an annotation of articles: how many of these comments each has (0 for none), in one subquery."""
        counted = self.filter(article=models.OuterRef("pk")).order_by().values("article")
        return Coalesce(models.Subquery(counted.annotate(n=models.Count("pk")).values("n")), 0)

    def by_commenter(self, email):
        return self.filter(email__iexact=email.strip())

    def past_retention(self, now=None):
        """Comments whose e-mail and IP address are kept past COMMENT_RETENTION_DAYS."""
        cutoff = (now or timezone.now()) - timedelta(days=settings.COMMENT_RETENTION_DAYS)
        return self.filter(created_at__lt=cutoff).exclude(email="", ip_address=None)

    def erase_personal_data(self):
        """Forget the e-mail and IP address; the name and text, which the reader published, stay."""
        return self.update(email="", ip_address=None)


class Comment(models.Model):
    """A reader's comment: shown on the article only once an approver of the article's unit approved it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Từ chối")

    article = models.ForeignKey(
        "articles.Article", verbose_name=_("bài viết"), on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField(_("họ tên"), max_length=80)
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Không hiển thị; xóa sau thời hạn lưu giữ."))
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    text = models.TextField(_("nội dung"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("gửi lúc"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("bình luận")
        verbose_name_plural = _("bình luận")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["article", "status", "created_at"])]
        permissions = [
            ("moderate_comment", _("Duyệt, từ chối bình luận trên bài của đơn vị mình")),
            ("export_comment", _("Xuất bình luận (kèm e-mail)")),
            ("erase_comment", _("Xóa dữ liệu của người gửi bình luận theo yêu cầu")),
        ]

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#binh-luan"


class ClosureQuerySet(models.QuerySet):
    def closing(self, article):
        return self.filter(Q(article=article) | Q(category_id=article.category_id, category__isnull=False))


class Closure(models.Model):
    """Comments turned off for one article or for every article of a category."""

    article = models.OneToOneField(
        "articles.Article",
        verbose_name=_("bài viết"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    category = models.OneToOneField(
        "articles.Category",
        verbose_name=_("chuyên mục"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tắt lúc"), auto_now_add=True)

    objects = ClosureQuerySet.as_manager()

    class Meta:
        verbose_name = _("nơi tắt bình luận")
        verbose_name_plural = _("tắt bình luận")
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, category__isnull=True)
                | Q(article__isnull=True, category__isnull=False),
                name="closure_article_xor_category",
                violation_error_message=_("Chọn một bài viết hoặc một chuyên mục (không chọn cả hai)."),
            )
        ]

    def __str__(self):
        return str(self.article or self.category)


class BannedWord(models.Model):
    """A word or phrase no comment may contain, matched without regard to diacritics or case."""

    word = models.CharField(_("từ, cụm từ"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("từ cấm")
        verbose_name_plural = _("từ cấm trong bình luận")
        ordering = ["word"]

    def __str__(self):
        return self.word

    @staticmethod
    def found_in(text):
        """The banned words `text` holds as whole words, regardless of case, diacritics and punctuation (a word
        typed without its accents is still found; "ngu" is not found in "nguyên")."""
        padded = f" {words_of(text)} "
        return [word for word in BannedWord.objects.values_list("word", flat=True) if f" {words_of(word)} " in padded]


def words_of(text):
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())
