import io
from datetime import date, timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from articles.models import Article, ArticlePhoto, Category, Photo, Tag
from organizations.models import (
    Meeting,
    MeetingParticipant,
    Membership,
    Organization,
    Person,
    Position,
    StaffAssignment,
    Term,
)


def image_file(name="anh.jpg", size=(64, 48), color=(200, 30, 30), fmt="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    """A root unit by default; pass parent=<unit> for a sub-unit."""

    class Meta:
        model = Organization

    kind = Organization.Kind.GRASSROOTS
    name = factory.Sequence(lambda n: f"Đảng bộ Sở số {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            return Organization.objects.add_root(create_kwargs=kwargs)
        return Organization.objects.add_child(parent, create_kwargs=kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"bientapvien{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.vn")
    is_staff = True


class StaffAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffAssignment

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    """A confirmed authenticator app: tests.conftest.totp_code() gives its codes."""

    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "Ứng dụng xác thực"
    confirmed = True


def staff_with_role(role, unit, **kwargs):
    """A staff account in the group `role` (newsroom.roles), assigned to `unit`."""
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=role))
    StaffAssignmentFactory(user=user, organization=unit)
    return user


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term

    organization = factory.SubFactory(OrganizationFactory)
    start_year = 2020
    end_year = 2025
    congress_number = "XIII"
    starts_on = date(2020, 7, 15)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Số{n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = "Bí thư Đảng ủy"
    starts_on = date(2020, 1, 1)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.CELL)
    since = date(2015, 5, 19)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    host = factory.SubFactory(OrganizationFactory)
    kind = Meeting.Kind.SO_KET_6_THANG
    title = factory.Sequence(lambda n: f"Hội nghị sơ kết công tác Đảng 6 tháng đầu năm số {n}")
    held_on = date(2021, 6, 18)
    part_of_day = Meeting.PartOfDay.AFTERNOON
    period_code = "2021-H1"


class MeetingParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingParticipant

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    role = MeetingParticipant.Role.CHAIR


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Xây dựng Đảng {n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Nghị quyết số {n}")


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    image = factory.LazyFunction(image_file)
    alt_text = "Toàn cảnh Hội nghị"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Hội nghị lần thứ {n}")
    lead = "Chiều ngày 18/6/2021, Đảng bộ Sở tổ chức Hội nghị sơ kết."
    body = "<p>Nội dung bài viết.</p>"
    unit = factory.SubFactory(OrganizationFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))


class ArticlePhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticlePhoto

    article = factory.SubFactory(ArticleFactory)
    photo = factory.SubFactory(PhotoFactory)
    caption = "Toàn cảnh Hội nghị"
