from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.generic import ListView
from django_filters.views import FilterView

from articles.models import Article

from .filters import DocumentFilter
from .models import Citation, Document, DocumentFile


class DocumentListView(FilterView):
    filterset_class = DocumentFilter
    paginate_by = 20

    def get_queryset(self):
        return Document.objects.public().for_listing()


class DocumentDetailView(ListView):
    """A document and, page by page, the published articles that cite it."""

    template_name = "documents/document_detail.html"
    paginate_by = 20

    def get_queryset(self):
        documents = Document.objects.public().for_listing().select_related("replaced_by", "issuer__unit")
        self.document = get_object_or_404(documents, slug=self.kwargs["slug"])
        citing = Exists(Citation.objects.filter(article=OuterRef("pk"), document=self.document))
        return Article.objects.published().filter(citing).for_listing()

    def get_context_data(self, **kwargs):
        document = self.document
        replaced_by = document.replaced_by if document.replaced_by and document.replaced_by.is_public else None
        return super().get_context_data(
            document=document,
            files=document.files.all(),
            replaces=document.replaces.public(),
            replaced_by=replaced_by,
            **kwargs,
        )


def download(request, slug, pk):
    """An attached file of a public document, under a readable name; nothing in it may run in the browser."""
    attached = get_object_or_404(
        DocumentFile.objects.select_related("document"), pk=pk, document__slug=slug, document__is_public=True
    )
    try:
        opened = attached.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404("Tệp đính kèm không còn trên máy chủ.") from None
    response = FileResponse(
        opened, as_attachment=True, filename=attached.download_name, content_type=attached.content_type
    )
    response["Content-Security-Policy"] = settings.CSP_MEDIA
    return response
