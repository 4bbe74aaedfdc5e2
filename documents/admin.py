"""The document library's admin, and the citations it adds to the article form (articles knows nothing of
documents, so this app registers the article admin in its place, as articles does for meetings)."""

from urllib.parse import urlencode

from django.contrib import admin
from django.db.models import Count
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles.admin.articles import ArticleAdmin
from articles.models import Article
from newsroom.admin import worded

from .models import Document, DocumentFile, Field, Issuer


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "order"]
    list_editable = ["order"]
    list_select_related = ["unit"]
    search_fields = ["name", "unit__name"]
    autocomplete_fields = ["unit"]


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 1
    fields = ["file", "label", "order", "size_shown"]
    readonly_fields = ["size_shown"]

    @admin.display(description=_("dung lượng"))
    def size_shown(self, attached):
        return f"{attached.kind.upper()}, {filesizeformat(attached.size)}" if attached.pk else ""


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "issuer", "issued_on", "is_public", "citation_count"]
    list_filter = [
        "form",
        ("is_public", worded(_("Hiện trên trang công khai"), _("Văn bản nội bộ"))),
        "issuer",
        "fields",
    ]
    list_select_related = ["issuer"]
    search_fields = ["number", "summary", "signer_name"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["issuer", "replaced_by", "fields"]
    inlines = [DocumentFileInline]
    fieldsets = [
        (None, {"fields": ["form", "number", "issuer", "issued_on", "summary", "is_public"]}),
        (_("Hiệu lực"), {"fields": ["effective_on", "expires_on", "replaced_by"]}),
        (_("Người ký, lĩnh vực"), {"fields": ["signer_name", "signer_title", "fields"]}),
        (
            _("Nghị quyết Hội nghị Trung ương"),
            {
                "fields": ["plenum", "central_term"],
                "description": _("Để bài viết gọi “Nghị quyết Trung ương 4 khóa XII” được nhận ra."),
            },
        ),
        (_("Đường dẫn"), {"fields": ["slug"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(citation_count=Count("citations"))

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            found = found | queryset.filter(pk__in=queryset.search(search_term).values("pk"))
        return found, may_have_duplicates

    @admin.display(description=_("số bài nhắc đến"), ordering="citation_count")
    def citation_count(self, document):
        return document.citation_count


def citation_line(citation):
    """A citation as the article form lists it: linked to its document, or offering to add it, filled in."""
    if citation.document_id:
        url = reverse("admin:documents_document_change", args=[citation.document_id])
        return format_html('{} – <a href="{}">{}</a>', citation.text, url, citation.document.full_title)
    prefill = {"form": citation.form, "number": citation.number}
    if citation.issued_on:
        prefill["issued_on"] = citation.issued_on.strftime("%d/%m/%Y")
    if citation.plenum:
        prefill |= {"plenum": citation.plenum, "central_term": citation.central_term}
    url = reverse("admin:documents_document_add") + "?" + urlencode(prefill)
    return format_html(
        '{} – {} <a class="button" href="{}" target="_blank" rel="noopener">{}</a>',
        citation.text,
        _("chưa có trong thư viện."),
        url,
        _("Thêm vào thư viện"),
    )


admin.site.unregister(Article)


@admin.register(Article)
class CitingArticleAdmin(ArticleAdmin):
    """The article admin, with the documents the article cites as found on its last save (read-only: the form
    posts nothing more)."""

    readonly_fields = [*ArticleAdmin.readonly_fields, "cited_documents"]
    fieldsets = [
        *ArticleAdmin.fieldsets,
        (_("Văn bản được trích dẫn (nhận ra khi lưu bài)"), {"fields": ["cited_documents"]}),
    ]

    @admin.display(description=_("văn bản"))
    def cited_documents(self, article):
        if article.pk is None:
            return _("Lưu bài để nhận ra các văn bản được trích dẫn.")
        citations = article.citations.select_related("document__issuer")
        if not citations:
            return _("Bài chưa trích dẫn văn bản nào (vd. “Chỉ thị số 05-CT/TW”).")
        return format_html_join(mark_safe("<br>"), "{}", ((citation_line(c),) for c in citations))
