from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("API công khai")

    def ready(self):
        from . import schema  # noqa: F401  (the types of the site's filters, for the OpenAPI description)
