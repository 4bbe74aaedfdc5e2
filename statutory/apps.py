from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatutoryConfig(AppConfig):
    name = "statutory"
    verbose_name = _("Giới thiệu và lịch công tác")

    def ready(self):
        from newsroom import pagecache

        pagecache.watch(*self.get_models())  # public pages show these rows: a write makes cached pages stale
