from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Tin bài")

    def ready(self):
        from newsroom import pagecache

        from . import search, signals

        # every model a public page shows (the two apps' own: the history of the workflow included, for simplicity)
        pagecache.watch(*self.get_models(), *apps.get_app_config("organizations").get_models())
        pagecache.next_change(signals.next_scheduled_publication)

        post_migrate.connect(search.restore_sqlite_triggers, sender=self, dispatch_uid="search-triggers")
        post_save.connect(signals.queue_renditions, sender=self.get_model("Photo"), dispatch_uid="photo-renditions")
