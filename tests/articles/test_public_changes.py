"""What a published page shows changes only with an approver: a reporter's edit would go live unapproved."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from newsroom.roles import APPROVER, EDITOR
from organizations.models import MeetingParticipant
from tests.admin_forms import form_data
from tests.conftest import sign_in
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    MeetingFactory,
    MeetingParticipantFactory,
    PhotoFactory,
    staff_with_role,
)

PHOTO_LOCKED = "Ảnh này đang hiện trên bài đã đăng"
MEETING_LOCKED = "Hội nghị này đã có bài đăng"


@pytest.fixture
def unit(units):
    return units[0]


@pytest.fixture
def reporter(client, unit):
    client.force_login(staff_with_role(EDITOR, unit))
    return client


@pytest.fixture
def approver(client, unit):
    sign_in(client, staff_with_role(APPROVER, unit))
    return client


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def full_form(admin_user):
    """The whole change form of an object, as one who may change it gets it, with `changes`: what a reporter would
    post had he opened the form before it was locked."""
    superuser = Client()
    sign_in(superuser, admin_user)
    return lambda obj, **changes: form_data(superuser.get(change_url(obj)), **changes)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Photos ---


def photo_on(unit, how, **article_fields):
    photo = PhotoFactory(unit=unit, alt_text="Toàn cảnh Hội nghị", credit="Thiệu Phan")
    if how == "cover":
        ArticleFactory(unit=unit, cover=photo, **article_fields)
    else:
        ArticlePhotoFactory(article=ArticleFactory(unit=unit, **article_fields), photo=photo)
    return photo


@pytest.mark.parametrize("how", ["cover", "gallery"])
def test_reporter_cannot_change_the_alt_text_of_a_photo_on_a_published_article(reporter, full_form, unit, how):
    photo = photo_on(unit, how)
    response = reporter.post(change_url(photo), full_form(photo, alt_text="Đã sửa", credit="Người khác"))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.alt_text, photo.credit) == ("Toàn cảnh Hội nghị", "Thiệu Phan")
    page = reporter.get(response.url)
    assert any(PHOTO_LOCKED in message for message in messages_of(page))
    assert PHOTO_LOCKED in page.content.decode()


def test_photo_on_a_published_article_is_shown_read_only_to_a_reporter(reporter, unit):
    response = reporter.get(change_url(photo_on(unit, "cover")))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert any(PHOTO_LOCKED in message for message in messages_of(response))


def test_photo_on_an_article_approved_for_later_is_locked_too(reporter, full_form, unit):
    photo = photo_on(unit, "gallery", published_at=timezone.now() + timedelta(days=1))
    reporter.post(change_url(photo), full_form(photo, alt_text="Đã sửa"))
    photo.refresh_from_db()
    assert photo.alt_text == "Toàn cảnh Hội nghị"


def test_reporter_can_still_edit_his_photo_on_an_unpublished_article(reporter, unit):
    photo = photo_on(unit, "gallery", status=Article.Status.SUBMITTED, published_at=None)
    response = reporter.post(change_url(photo), form_data(reporter.get(change_url(photo)), alt_text="Đã sửa"))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.alt_text == "Đã sửa"


def test_approver_changes_the_alt_text_of_a_photo_on_a_published_article(approver, unit):
    photo = photo_on(unit, "cover")
    response = approver.post(change_url(photo), form_data(approver.get(change_url(photo)), alt_text="Đã sửa"))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.alt_text == "Đã sửa"


# --- Meetings ---


@pytest.fixture
def reported(unit):
    meeting = MeetingFactory(host=unit, summary="Hội nghị đã thống nhất các nhiệm vụ.")
    ArticleFactory(unit=unit, meeting=meeting)
    return meeting


def test_reporter_cannot_change_the_summary_of_a_meeting_whose_report_is_published(reporter, full_form, reported):
    response = reporter.post(change_url(reported), full_form(reported, summary="Đã sửa"), follow=True)
    reported.refresh_from_db()
    assert reported.summary == "Hội nghị đã thống nhất các nhiệm vụ."
    assert any(MEETING_LOCKED in message for message in messages_of(response))
    assert MEETING_LOCKED in response.content.decode()


def test_reported_meeting_and_its_participants_are_read_only_to_a_reporter(reporter, reported):
    MeetingParticipantFactory(meeting=reported)
    response = reporter.get(change_url(reported))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    (participants,) = response.context["inline_admin_formsets"]
    assert not (participants.has_add_permission or participants.has_change_permission)
    assert not participants.has_delete_permission


def test_reporter_cannot_remove_a_participant_of_a_reported_meeting(reporter, full_form, reported):
    participation = MeetingParticipantFactory(meeting=reported)
    reporter.post(change_url(reported), full_form(reported, **{"participations-0-DELETE": "on"}))
    assert MeetingParticipant.objects.filter(pk=participation.pk).exists()


def test_approver_changes_the_summary_of_a_reported_meeting(approver, reported):
    data = form_data(approver.get(change_url(reported)), summary="Đã sửa")
    assert approver.post(change_url(reported), data).status_code == 302
    reported.refresh_from_db()
    assert reported.summary == "Đã sửa"


def test_reporter_still_edits_a_meeting_whose_report_is_not_published(reporter, unit):
    meeting = MeetingFactory(host=unit)
    ArticleFactory(unit=unit, meeting=meeting, status=Article.Status.DRAFT, published_at=None)
    data = form_data(reporter.get(change_url(meeting)), summary="Đã sửa")
    assert reporter.post(change_url(meeting), data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.summary == "Đã sửa"


def test_reporter_cannot_restore_an_old_version_of_a_reported_meeting(client, unit):
    sign_in(client, staff_with_role(APPROVER, unit))
    meeting = MeetingFactory(host=unit, summary="Bản cũ")
    url = change_url(meeting)
    client.post(url, form_data(client.get(url), summary="Bản đã đăng"))
    ArticleFactory(unit=unit, meeting=meeting)
    history = client.get(reverse("admin:organizations_meeting_history", args=[meeting.pk]))
    old = history.context["versions"][-1]["url"]
    data = form_data(client.get(old))
    assert data["summary"] == "Bản cũ"
    client.force_login(staff_with_role(EDITOR, unit))
    assert client.post(old, data).status_code == 403
    meeting.refresh_from_db()
    assert meeting.summary == "Bản đã đăng"
