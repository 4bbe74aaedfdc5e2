from django.contrib import admin
from django.urls import path

from . import admin_views

app_name = "reporting-admin"
urlpatterns = [
    path("", admin.site.admin_view(admin_views.ReportingMatrixView.as_view()), name="matrix"),
    path("xep-loai/", admin.site.admin_view(admin_views.UnitRatingsView.as_view()), name="ratings"),
]
