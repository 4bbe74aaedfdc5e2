from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.two_factor, name="two-factor"),
    path("nhap-ma/", views.verify, name="verify"),
    path("dang-ky/", views.enrol, name="enrol"),
    path("ma-du-phong/", views.recovery_codes, name="recovery-codes"),
]
