from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Báo cáo, xếp loại")

    def ready(self):
        from newsroom import pagecache

        pagecache.watch(*self.get_models())  # public pages show these rows: a write makes cached pages stale
