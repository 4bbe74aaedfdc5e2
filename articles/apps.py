from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_migrate, post_save
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
        post_save.connect(
            signals.forget_site_settings, sender=self.get_model("SiteSettings"), dispatch_uid="site-cache"
        )
        # the cached site settings carry the category menu
        category = self.get_model("Category")
        post_save.connect(signals.forget_site_settings, sender=category, dispatch_uid="menu-save")
        post_delete.connect(signals.forget_site_settings, sender=category, dispatch_uid="menu-delete")
