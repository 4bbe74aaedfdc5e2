"""What the API shows of each model: public fields only, never a draft, an e-mail or an address."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from sorl.thumbnail import get_thumbnail

from articles.models import Article
from articles.tasks import RENDITIONS
from newsroom.html import clean_html
from organizations.models import Meeting, Organization


class PeriodSerializer(serializers.Serializer):
    code = serializers.CharField(source="__str__", help_text="Mã kỳ, vd. 2021-H1.")
    label = serializers.CharField(help_text="Tên kỳ, vd. “6 tháng đầu năm 2021”.")
    start = serializers.DateField()
    end = serializers.DateField()


class UnitRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["slug", "name"]


class RenditionSerializer(serializers.Serializer):
    geometry = serializers.CharField(help_text="Kích thước yêu cầu, vd. 480x320 (cắt giữa) hoặc 1200 (chiều rộng).")
    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class ImageSerializer(serializers.Serializer):
    url = serializers.CharField(source="image.url")
    width = serializers.IntegerField(allow_null=True)
    height = serializers.IntegerField(allow_null=True)
    renditions = serializers.SerializerMethodField()

    @extend_schema_field(RenditionSerializer(many=True))
    def get_renditions(self, photo):
        """The renditions the site itself shows (made when the photo was stored)."""
        renditions = []
        for geometry, options in RENDITIONS:
            thumbnail = get_thumbnail(photo.image, geometry, **options)
            renditions.append(
                {"geometry": geometry, "url": thumbnail.url, "width": thumbnail.width, "height": thumbnail.height}
            )
        return renditions


class CoverSerializer(ImageSerializer):
    alt = serializers.CharField(source="alt_text")
    credit = serializers.CharField()


class GalleryImageSerializer(serializers.Serializer):
    image = ImageSerializer(source="photo")
    caption = serializers.CharField()
    alt = serializers.CharField(source="display_alt")
    credit = serializers.CharField(source="display_credit")


class ArticleSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", help_text="Trang bài viết trên trang tin.")
    unit = UnitRefSerializer()
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    meeting = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    period = PeriodSerializer(allow_null=True)
    tags = serializers.SerializerMethodField()
    cover = CoverSerializer(allow_null=True)
    comment_count = serializers.IntegerField(help_text="Số bình luận đã duyệt.")

    class Meta:
        model = Article
        fields = ["slug", "title", "lead", "published_at", "url", "unit", "category", "meeting", "period", "tags"]
        fields += ["cover", "comment_count"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_tags(self, article):
        return [tag.name for tag in article.tags.all()]


class ArticleDetailSerializer(ArticleSerializer):
    body = serializers.SerializerMethodField(help_text="Nội dung HTML, đã lọc như trang tin hiển thị.")
    images = GalleryImageSerializer(source="gallery", many=True)

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "byline", "source", "images"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_body(self, article):
        return clean_html(article.body)


class UnitSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url")
    parent = serializers.CharField(source="parent_slug", allow_null=True, help_text="Đơn vị cấp trên (slug).")
    depth = serializers.IntegerField(help_text="Cấp trong cây: 1 là cấp tỉnh.")
    kind_label = serializers.CharField(source="get_kind_display")
    succeeded_by = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Organization
        fields = ["slug", "name", "short_name", "kind", "kind_label", "parent", "depth", "url"]
        fields += ["valid_from", "valid_to", "succeeded_by"]


class MeetingSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url")
    host = UnitRefSerializer()
    kind_label = serializers.CharField(source="get_kind_display")
    period = PeriodSerializer(allow_null=True)

    class Meta:
        model = Meeting
        fields = ["id", "title", "kind", "kind_label", "held_on", "part_of_day", "location", "host", "period"]
        fields += ["summary", "url"]
