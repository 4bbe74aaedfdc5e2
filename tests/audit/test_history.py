"""audit/history.py reads two things django-reversion has no public API for, from reversion.revisions:

- `_get_options(model)`: the fields a model's versions keep and the relations they follow
  (`followed_relations`, `compare`, `current_versions`);
- `_follow_relations_recursive(obj)`: the object and every row its versions follow (`current_versions`).

These tests pin what history needs of them, so that an upgrade of django-reversion that renames or changes
either fails here, by name, before the history pages and the restore break.
"""

from reversion.revisions import _follow_relations_recursive, _get_options

from articles.models import Article, ArticlePhoto, TaggedArticle
from audit.history import current_versions, followed_relations
from organizations.models import Meeting, MeetingParticipant
from tests.factories import ArticlePhotoFactory, MeetingParticipantFactory, TagFactory


def test_reversion_get_options_gives_the_fields_and_the_followed_relations(db):
    options = _get_options(Article)
    assert set(options.follow) == {"gallery", "taggedarticle_set"}
    assert {"title", "lead", "body", "unit", "status"} <= set(options.fields)
    assert not {"body_text", "search_key", "search_vector"} & set(options.fields)


def test_reversion_get_options_sees_what_the_meeting_admin_registered(db):
    """Meeting is registered by its VersionAdmin, which follows the participants' inline."""
    assert "participations" in _get_options(Meeting).follow


def test_reversion_follow_relations_recursive_gives_the_object_and_its_rows(db):
    placement = ArticlePhotoFactory()
    article = placement.article
    article.tags.add(TagFactory(name="Sơ kết"))

    followed = _follow_relations_recursive(article)

    assert article in followed
    assert placement in followed
    assert TaggedArticle.objects.get(content_object=article) in followed


def test_followed_relations_names_the_child_models_and_their_keys(db):
    assert {(child, fk) for _label, child, fk in followed_relations(Article)} == {
        (ArticlePhoto, "article_id"),
        (TaggedArticle, "content_object_id"),
    }
    assert {(child, fk) for _label, child, fk in followed_relations(Meeting)} == {(MeetingParticipant, "meeting_id")}


def test_current_versions_serialize_the_object_and_what_it_follows(db):
    participant = MeetingParticipantFactory()
    meeting = participant.meeting

    versions = {(v.content_type.model, v.object_id): v for v in current_versions(meeting)}

    assert set(versions) == {("meeting", str(meeting.pk)), ("meetingparticipant", str(participant.pk))}
    assert versions[("meeting", str(meeting.pk))].field_dict["title"] == meeting.title
