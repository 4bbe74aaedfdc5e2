import unicodedata
from pathlib import Path

from axes.apps import AppConfig as BaseAxesConfig
from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig

TEXT_FIELD_TYPES = {"CharField", "TextField", "SlugField", "EmailField", "URLField"}


# NUL, which PostgreSQL cannot store, and the two noncharacters that XML (so every feed) forbids.
NOT_TEXT = dict.fromkeys([0x00, 0xFFFE, 0xFFFF])


def store_text_as_nfc(sender, instance, **kwargs):
    """Whatever the source (Word, a Mac, an old site), text is stored in NFC, and without NUL or noncharacters."""
    for field in sender._meta.concrete_fields:
        if field.get_internal_type() in TEXT_FIELD_TYPES:
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                text = unicodedata.normalize("NFC", value.translate(NOT_TEXT))
                if text != value:
                    setattr(instance, field.attname, text)


class NewsroomConfig(AppConfig):
    default = True  # AxesConfig below lives in this module too
    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        for model in self.apps.get_models():
            if Path(model._meta.app_config.path).parent == settings.BASE_DIR:  # this project's apps, not libraries
                pre_save.connect(store_text_as_nfc, sender=model, dispatch_uid=f"nfc-{model._meta.label}")


class AxesConfig(BaseAxesConfig):
    verbose_name = _("Khóa đăng nhập")


class TasksDatabaseConfig(TasksAppConfig):
    verbose_name = _("Tác vụ nền")

    def ready(self):
        super().ready()
        # why: the library's model has no __str__, and the admin would title a task "DBTaskResult object (…)"
        self.get_model("DBTaskResult").__str__ = lambda result: f"{result.task_name} ({result.pk})"
