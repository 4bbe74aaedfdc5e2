from django.urls import path

from . import views

app_name = "statutory"
urlpatterns = [
    path("lich-cong-tac/", views.ScheduleView.as_view(), name="schedule"),
    path("lich-cong-tac/lich.ics", views.schedule_feed, name="schedule-feed"),
    path("don-vi/<slug:slug>/gioi-thieu/", views.UnitIntroductionView.as_view(), name="unit-introduction"),
    path("don-vi/<slug:slug>/lich-cong-tac/", views.ScheduleView.as_view(), name="unit-schedule"),
    path("don-vi/<slug:slug>/lich-cong-tac/lich.ics", views.schedule_feed, name="unit-schedule-feed"),
]
