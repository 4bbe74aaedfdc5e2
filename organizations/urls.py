from django.urls import path

from . import views

app_name = "organizations"
urlpatterns = [
    path("don-vi/", views.OrganizationListView.as_view(), name="list"),
    path("don-vi/<slug:slug>/", views.OrganizationDetailView.as_view(), name="detail"),
    path("hoi-nghi/", views.MeetingListView.as_view(), name="meeting-list"),
    path("hoi-nghi/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
]
