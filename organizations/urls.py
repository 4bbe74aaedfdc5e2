from django.urls import path

from . import feeds, views

app_name = "organizations"
urlpatterns = [
    path("don-vi/", views.OrganizationListView.as_view(), name="list"),
    path("don-vi/<slug:slug>/", views.UnitArticleListView.as_view(), name="detail"),
    path("don-vi/<slug:slug>/ky/<period:period>/", views.UnitArticleListView.as_view(), name="period"),
    path("don-vi/<slug:slug>/rss/", feeds.UnitArticlesFeed(), name="feed"),
    path("hoi-nghi/", views.MeetingListView.as_view(), name="meeting-list"),
    path("hoi-nghi/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
]
