from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Văn bản")

    def ready(self):
        from articles.models import Article
        from newsroom import pagecache

        from . import signals

        pagecache.watch(*self.get_models())  # public pages show these rows: a write makes cached pages stale

        post_save.connect(signals.link_article_citations, sender=Article, dispatch_uid="article-citations")
        post_save.connect(signals.link_document_citations, sender=self.get_model("Document"), dispatch_uid="doc-cited")
