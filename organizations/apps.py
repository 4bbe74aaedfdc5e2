from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = _("Tổ chức và nhân sự")

    def ready(self):
        from . import signals

        signals.connect()
