from django.urls import path

from . import views

app_name = "reporting"
urlpatterns = [
    path("thong-ke/", views.StatisticsView.as_view(), name="statistics"),
    path("don-vi/<slug:slug>/thong-ke/", views.StatisticsView.as_view(), name="unit-statistics"),
]
