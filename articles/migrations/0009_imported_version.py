import json

from django.db import migrations, models

IMPORT_COMMENTS = ["Nhập từ trang cũ", "Nhập lại từ trang cũ"]


def remember_imported_versions(apps, schema_editor):
    """An imported article's version after its last import, read from that import's revision: later edits
    (a higher version) are then never overwritten. Without such a revision it stays unknown, which counts as
    edited."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    Article = apps.get_model("articles", "Article")
    content_type = ContentType.objects.filter(app_label="articles", model="article").first()
    if content_type is None:
        return
    imports = Version.objects.filter(content_type=content_type, revision__comment__in=IMPORT_COMMENTS)
    for article in Article.objects.exclude(import_key=None).only("pk"):
        last = imports.filter(object_id=str(article.pk)).order_by("-pk").first()
        if last is not None:
            fields = json.loads(last.serialized_data)[0]["fields"]
            Article.objects.filter(pk=article.pk).update(imported_version=fields.get("version", 1))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_photo_unit"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "__latest__"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="imported_version",
            field=models.PositiveIntegerField(
                editable=False,
                help_text="Phiên bản bài sau lần nhập gần nhất: đã sửa sau đó thì nhập lại không ghi đè.",
                null=True,
                verbose_name="phiên bản khi nhập",
            ),
        ),
        migrations.RunPython(remember_imported_versions, migrations.RunPython.noop),
    ]
