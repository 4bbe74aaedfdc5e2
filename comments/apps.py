from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Bình luận")

    def ready(self):
        from newsroom import pagecache

        pagecache.watch(*self.get_models())  # public pages show these rows: a write makes cached pages stale
