from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from newsroom.images import validate_image

from .models import Article, Photo


class PublishedArticlesMixin:
    paginate_by = 20

    def get_queryset(self):
        return Article.objects.published().for_listing()


class HomeView(PublishedArticlesMixin, ListView):
    template_name = "articles/home.html"
    paginate_by = 10


class ArticleListView(PublishedArticlesMixin, ListView):
    pass


class ArticleDetailView(PublishedArticlesMixin, DetailView):
    def get_queryset(self):
        return super().get_queryset().prefetch_related("gallery__photo", "tags")


@require_POST
def editor_upload(request):
    """Image upload for the rich-text editor: the same checks as every other upload, answered as CKEditor expects."""
    if not request.user.is_authenticated or not request.user.is_staff:
        return JsonResponse({"error": {"message": _("Bạn không có quyền tải tệp lên.")}}, status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("Không nhận được tệp ảnh.")}}, status=400)
    try:
        validate_image(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": error.messages[0]}}, status=400)
    photo = Photo.objects.create(image=upload, uploaded_by=request.user)
    return JsonResponse({"url": photo.image.url})
