import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce


def fill_photo_units(apps, schema_editor):
    """A photo's unit: that of the first article showing it as its cover, else in its gallery, else the first unit
    its uploader was assigned to. A photo with none of these stays of no unit: only superusers reach it."""
    Article = apps.get_model("articles", "Article")
    Photo = apps.get_model("articles", "Photo")
    StaffAssignment = apps.get_model("organizations", "StaffAssignment")
    as_cover = Article.objects.filter(cover=OuterRef("pk")).order_by("pk").values("unit")[:1]
    in_gallery = Article.objects.filter(gallery__photo=OuterRef("pk")).order_by("pk").values("unit")[:1]
    uploaders = StaffAssignment.objects.filter(user=OuterRef("uploaded_by")).order_by("pk").values("organization")[:1]
    Photo.objects.filter(unit=None).update(
        unit=Coalesce(Subquery(as_cover), Subquery(in_gallery), Subquery(uploaders))
    )


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0007_search_vector"),
        ("organizations", "0003_term_years"),
    ]

    operations = [
        migrations.AddField(
            model_name="photo",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                help_text="Bài của đơn vị này và của các đơn vị cấp trên dùng được ảnh.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="photos",
                to="organizations.organization",
                verbose_name="đơn vị",
            ),
        ),
        migrations.RunPython(fill_photo_units, migrations.RunPython.noop),
    ]
