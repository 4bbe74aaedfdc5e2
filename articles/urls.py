from django.urls import path

from newsroom import pagecache

from . import feeds, views

app_name = "articles"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("tin-tuc/", views.ArticleListView.as_view(), name="list"),
    path("tin-tuc/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("tin-tuc/<slug:slug>/doc/", views.count_view, name="count-view"),
    path("xem-truoc/<str:token>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("ky/<period:period>/", views.PeriodArchiveView.as_view(), name="period"),
    path("tim-kiem/", views.SearchView.as_view(), name="search"),
    path("chuyen-muc/<slug:slug>/", views.CategoryArticleListView.as_view(), name="category"),
    path("chuyen-muc/<slug:slug>/rss/", pagecache.kept(feeds.CategoryArticlesFeed()), name="category-feed"),
    path("the/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("the/<slug:slug>/rss/", pagecache.kept(feeds.TagArticlesFeed()), name="tag-feed"),
    path("rss/", pagecache.kept(feeds.LatestArticlesFeed()), name="feed"),
    path("don-vi/", views.OrganizationListView.as_view(), name="unit-list"),
    path("don-vi/goi-y.json", views.unit_suggestions, name="unit-suggestions"),
    path("don-vi/<slug:slug>/", views.UnitArticleListView.as_view(), name="unit"),
    path("don-vi/<slug:slug>/ky/<period:period>/", views.UnitArticleListView.as_view(), name="unit-period"),
    path("don-vi/<slug:slug>/rss/", pagecache.kept(feeds.UnitArticlesFeed()), name="unit-feed"),
    path("hoi-nghi/", views.MeetingListView.as_view(), name="meeting-list"),
    path("hoi-nghi/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("bien-tap/tai-anh/", views.editor_upload, name="editor-upload"),
]
