from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatutoryConfig(AppConfig):
    name = "statutory"
    verbose_name = _("Giới thiệu và lịch công tác")
