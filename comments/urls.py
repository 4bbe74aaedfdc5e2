from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("tin-tuc/<slug:slug>/binh-luan/", views.comment_view, name="form"),
    path("binh-luan/phien/", views.form_session, name="session"),
]
