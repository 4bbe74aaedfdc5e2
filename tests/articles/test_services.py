from articles.models import Tag, TaggedArticle
from articles.services import merge_tags
from tests.factories import ArticleFactory, TagFactory


def tag_names_of(article):
    return sorted(tag.name for tag in article.tags.all())


def test_merge_moves_articles_to_the_kept_tag(db):
    kept, duplicate = TagFactory(name="Nghị quyết Trung ương 4"), TagFactory(name="NQ TW4")
    article = ArticleFactory()
    article.tags.add(duplicate)
    merge_tags(sources=[duplicate], into=kept)
    assert tag_names_of(article) == ["Nghị quyết Trung ương 4"]


def test_merge_deletes_the_source_tags(db):
    kept, duplicate = TagFactory(name="Chỉ thị 05"), TagFactory(name="Chỉ thị số 05-CT/TW")
    merge_tags(sources=[duplicate], into=kept)
    assert list(Tag.objects.values_list("name", flat=True)) == ["Chỉ thị 05"]


def test_merge_leaves_one_row_for_an_article_that_had_both_tags(db):
    kept, duplicate = TagFactory(name="Xây dựng Đảng"), TagFactory(name="Công tác xây dựng Đảng")
    article = ArticleFactory()
    article.tags.add(kept, duplicate)
    merge_tags(sources=[duplicate], into=kept)
    assert TaggedArticle.objects.filter(content_object=article).count() == 1
    assert tag_names_of(article) == ["Xây dựng Đảng"]


def test_merge_leaves_one_row_for_an_article_that_had_two_of_the_sources(db):
    kept = TagFactory(name="Kết nạp đảng viên")
    sources = [TagFactory(name="Kết nạp Đảng"), TagFactory(name="Lễ kết nạp")]
    article = ArticleFactory()
    article.tags.add(*sources)
    merge_tags(sources=sources, into=kept)
    assert TaggedArticle.objects.filter(content_object=article).count() == 1
    assert tag_names_of(article) == ["Kết nạp đảng viên"]


def test_merge_moves_every_article_of_every_source(db):
    kept = TagFactory(name="Học tập Nghị quyết")
    sources = [TagFactory(name="Quán triệt Nghị quyết"), TagFactory(name="Triển khai Nghị quyết")]
    tagged = ArticleFactory.create_batch(3)
    tagged[0].tags.add(sources[0])
    tagged[1].tags.add(sources[1])
    tagged[2].tags.add(kept)
    merge_tags(sources=sources, into=kept)
    assert sorted(kept.tagged_articles.values_list("content_object", flat=True)) == sorted(a.pk for a in tagged)


def test_merge_keeps_other_tags_of_the_articles(db):
    kept, duplicate, other = TagFactory(name="Tỉnh ủy"), TagFactory(name="TU"), TagFactory(name="Đại hội")
    article = ArticleFactory()
    article.tags.add(duplicate, other)
    merge_tags(sources=[duplicate], into=kept)
    assert tag_names_of(article) == ["Tỉnh ủy", "Đại hội"]


def test_merge_ignores_the_kept_tag_among_the_sources(db):
    kept, duplicate = TagFactory(name="Nghị quyết"), TagFactory(name="NQ")
    article = ArticleFactory()
    article.tags.add(kept)
    merge_tags(sources=[kept, duplicate], into=kept)
    assert tag_names_of(article) == ["Nghị quyết"]
    assert list(Tag.objects.values_list("name", flat=True)) == ["Nghị quyết"]


def test_merge_does_not_touch_articles_without_the_sources(db):
    kept, duplicate, other = TagFactory(name="Nghị quyết"), TagFactory(name="NQ"), TagFactory(name="Đại hội")
    article = ArticleFactory()
    article.tags.add(other)
    merge_tags(sources=[duplicate], into=kept)
    assert tag_names_of(article) == ["Đại hội"]
