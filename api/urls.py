from django.urls import path, re_path
from django.views.generic import RedirectView
from rest_framework.routers import SimpleRouter

from . import views
from .docs import DocsView, SchemaView

# A new resource: a viewset in views.py (queryset, serializer, cursor ordering) and a line here.
router = SimpleRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("units", views.UnitViewSet, basename="unit")
router.register("meetings", views.MeetingViewSet, basename="meeting")

app_name = "api"
urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api:docs"), name="index"),
    path("openapi.json", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(url_name="api:schema"), name="docs"),
    path("periods/", views.PeriodListView.as_view(), name="periods"),
    *router.urls,
    re_path(r"", views.NotFoundView.as_view(), name="not-found"),
]
