import re
import uuid
from pathlib import PurePosixPath

from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from newsroom.models import unique_slug
from newsroom.text import fold, nfc

from .citations import number_key, plenum_key
from .files import CONTENT_TYPES, file_kind, validate_document_file


class Field(models.Model):
    """A subject field (lĩnh vực): "Xây dựng Đảng", "Kinh tế - xã hội"."""

    name = models.CharField(_("tên lĩnh vực"), max_length=120, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True, blank=True)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Field, self.name, max_length=120, exclude_pk=self.pk)
        super().save(*args, **kwargs)


class Issuer(models.Model):
    """Who issues documents: a unit of the tree, or an outside body (Bộ Chính trị, UBND tỉnh)."""

    name = models.CharField(_("tên cơ quan ban hành"), max_length=200, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)
    unit = models.OneToOneField(
        "organizations.Organization",
        verbose_name=_("đơn vị trong cây tổ chức"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issuer",
        help_text=_("Để trống nếu là cơ quan bên ngoài (vd. Ban Chấp hành Trung ương, UBND tỉnh)."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100, help_text=_("Số nhỏ xếp trước."))

    class Meta:
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Issuer, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)


class DocumentQuerySet(models.QuerySet):
    def public(self):
        """What readers (and the API) may see: public documents, never internal ones."""
        return self.filter(is_public=True)

    def for_listing(self):
        return self.select_related("issuer").prefetch_related("fields")

    def search(self, query):
        """Every word of `query` in the document's folded text: "chi thi 05" finds "Chỉ thị số 05-CT/TW"."""
        matching = self
        for word in fold(query).split():
            matching = matching.filter(search_key__contains=word)
        return matching

    def issued_in(self, year):
        return self.filter(issued_on__gte=f"{year}-01-01", issued_on__lte=f"{year}-12-31")

    def cited_in(self, article):
        return self.filter(Exists(Citation.objects.filter(document=OuterRef("pk"), article=article)))


class Document(models.Model):
    class Form(models.TextChoices):
        NGHI_QUYET = "nghi_quyet", _("Nghị quyết")
        CHI_THI = "chi_thi", _("Chỉ thị")
        QUYET_DINH = "quyet_dinh", _("Quyết định")
        KET_LUAN = "ket_luan", _("Kết luận")
        KE_HOACH = "ke_hoach", _("Kế hoạch")
        HUONG_DAN = "huong_dan", _("Hướng dẫn")
        QUY_DINH = "quy_dinh", _("Quy định")
        QUY_CHE = "quy_che", _("Quy chế")
        DE_AN = "de_an", _("Đề án")
        CHUONG_TRINH = "chuong_trinh", _("Chương trình")
        THONG_BAO = "thong_bao", _("Thông báo")
        CONG_VAN = "cong_van", _("Công văn")
        NGHI_DINH = "nghi_dinh", _("Nghị định")
        THONG_TU = "thong_tu", _("Thông tư")

    form = models.CharField(_("hình thức văn bản"), max_length=20, choices=Form.choices)
    number = models.CharField(
        _("số, ký hiệu"), max_length=60, help_text=_("Như in trên văn bản, vd. “05-CT/TW”, “89/QĐ-UBND”.")
    )
    issuer = models.ForeignKey(
        Issuer, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="documents"
    )
    issued_on = models.DateField(_("ngày ban hành"))
    effective_on = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    expires_on = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("được thay thế bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    plenum = models.PositiveSmallIntegerField(
        _("Hội nghị Trung ương lần thứ"),
        null=True,
        blank=True,
        help_text=_("Cho nghị quyết được gọi theo hội nghị, vd. 4 trong “Nghị quyết Trung ương 4 khóa XII”."),
    )
    central_term = models.CharField(_("khóa"), max_length=10, blank=True, help_text=_("Số La Mã, vd. XII."))
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    signer_title = models.CharField(
        _("chức vụ người ký"), max_length=150, blank=True, help_text=_("Vd. “T/M Bộ Chính trị, Tổng Bí thư”.")
    )
    summary = models.TextField(_("trích yếu"))
    fields = models.ManyToManyField(Field, verbose_name=_("lĩnh vực"), blank=True, related_name="documents")
    is_public = models.BooleanField(
        _("công khai"), default=True, help_text=_("Bỏ chọn: văn bản nội bộ, không hiện trên trang công khai.")
    )
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)
    number_key = models.CharField(max_length=80, editable=False, db_index=True)
    plenum_key = models.CharField(max_length=40, editable=False, blank=True, db_index=True)
    search_key = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "-pk"]
        indexes = [models.Index(fields=["is_public", "-issued_on"]), models.Index(fields=["form", "-issued_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "number", "issued_on"],
                name="unique_document_number",
                violation_error_message=_("Đã có văn bản số, ký hiệu này của cơ quan này, ban hành cùng ngày."),
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=F("issued_on")),
                name="document_expires_after_issue",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày ban hành."),
            ),
            models.CheckConstraint(
                condition=Q(effective_on__isnull=True) | Q(effective_on__gte=F("issued_on")),
                name="document_effective_after_issue",
                violation_error_message=_("Ngày có hiệu lực không thể trước ngày ban hành."),
            ),
            models.CheckConstraint(
                condition=~Q(replaced_by=F("pk")),
                name="document_not_replaced_by_itself",
                violation_error_message=_("Văn bản không thể được thay thế bởi chính nó."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.number = nfc(" ".join(self.number.split()))
        self.central_term = self.central_term.strip().upper()
        self.number_key = number_key(self.form, self.number)
        self.plenum_key = plenum_key(self.plenum, self.central_term) if self.form == self.Form.NGHI_QUYET else ""
        if not self.slug:
            base = f"{self.get_form_display()} {self.number} {self.issued_on.year if self.issued_on else ''}"
            self.slug = unique_slug(Document, base, exclude_pk=self.pk)
        issuer = self.issuer.name if self.issuer_id else ""
        parts = (self.title, self.plenum_name, self.summary, issuer, self.signer_name)
        self.search_key = "\n".join(fold(part) for part in parts if part)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:detail", args=[self.slug])

    @property
    def title(self):
        """As articles cite it: "Chỉ thị số 05-CT/TW"."""
        return f"{self.get_form_display()} số {self.number}"

    @property
    def full_title(self):
        return f"{self.title} ngày {self.issued_on:%d/%m/%Y} của {self.issuer}"

    @property
    def plenum_name(self):
        if self.plenum and self.central_term:
            return f"Nghị quyết Trung ương {self.plenum} khóa {self.central_term}"
        return ""

    def status(self, on=None):
        """In words: "Còn hiệu lực", "Chưa có hiệu lực", "Hết hiệu lực", "Đã được thay thế"."""
        on = on or timezone.localdate()
        if self.replaced_by_id:
            return _("Đã được thay thế")
        if self.expires_on and self.expires_on < on:
            return _("Hết hiệu lực")
        if self.effective_on and self.effective_on > on:
            return _("Chưa có hiệu lực")
        return _("Còn hiệu lực")


SLASHES = re.compile(r"[/\\]")


def document_file_path(instance, filename):
    """A generated name: the original one is only shown, never trusted (nor guessable for internal documents)."""
    return f"van-ban/{uuid.uuid4().hex}{PurePosixPath(filename).suffix.lower()}"


class DocumentFile(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(
        _("tệp"),
        upload_to=document_file_path,
        validators=[validate_document_file],
        help_text=_("PDF hoặc Word (.docx)."),
    )
    label = models.CharField(_("tên tệp hiển thị"), max_length=200, blank=True, help_text=_("Để trống: tên tệp gốc."))
    kind = models.CharField(max_length=10, editable=False, blank=True)
    size = models.PositiveBigIntegerField(editable=False, default=0)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label or self.file.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            if not self.label:
                self.label = PurePosixPath(self.file.name).name[:200]
            self.kind = file_kind(self.file) or ""
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:download", args=[self.document.slug, self.pk])

    @property
    def content_type(self):
        return CONTENT_TYPES.get(self.kind, "application/octet-stream")

    @property
    def download_name(self):
        """The label as a file name: "Chỉ thị số 05-CT/TW.pdf" becomes "Chỉ thị số 05-CT-TW.pdf"."""
        stem = self.label or self.document.slug
        if stem.lower().endswith(f".{self.kind}"):
            stem = stem[: -len(self.kind) - 1]
        return f"{SLASHES.sub('-', stem)}.{self.kind or 'bin'}"


class CitationQuerySet(models.QuerySet):
    def unresolved(self):
        return self.filter(document__isnull=True)


class Citation(models.Model):
    """A document an article cites, found in its text on save (documents/citations.py); linked once it is known."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    document = models.ForeignKey(
        Document, verbose_name=_("văn bản"), null=True, blank=True, on_delete=models.SET_NULL, related_name="citations"
    )
    text = models.CharField(_("trích dẫn trong bài"), max_length=300)
    key = models.CharField(max_length=80, db_index=True)
    form = models.CharField(_("hình thức"), max_length=20, choices=Document.Form.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    plenum = models.PositiveSmallIntegerField(null=True, blank=True)
    central_term = models.CharField(max_length=10, blank=True)

    objects = CitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản được trích dẫn")
        verbose_name_plural = _("văn bản được trích dẫn")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["article", "key"], name="unique_article_citation")]

    def __str__(self):
        return self.text
