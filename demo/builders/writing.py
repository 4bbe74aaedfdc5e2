"""The articles: categories and tags, one published article with its photos, the news that reports no meeting,
a few reports held back or featured, and the site's settings."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from articles.models import Article, ArticlePhoto, Category, Photo, SiteSettings, Tag, TaggedArticle
from demo import data
from demo.builders.context import unique
from demo.builders.text import lower_first, paragraphs
from newsroom.text import slugify_vi, tone_key

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def make_categories_and_tags(demo):
    for order, (name, description) in enumerate(data.CATEGORIES, start=1):
        demo.categories[name] = Category.objects.get_or_create(
            name=name, defaults={"description": description, "order": order}
        )[0]
    names = {tag for tags in data.KIND_TAGS.values() for tag in tags}
    names |= set(data.EXTRA_TAGS) | {tag for tags in data.YEAR_TAGS.values() for tag in tags}
    names |= {tag for news in data.NEWS for tag in news["tags"]} | {"Tin hoạt động", "Đoàn thể"}
    for name in sorted(names):
        tag = Tag.objects.filter(key=tone_key(name)).first()
        if tag is None:
            tag = Tag(name=name)
            tag.save()
        demo.tags[name] = tag


def write(demo, *, publisher, titles, lead, on, body, category, tags, shots, related, meeting, period, source=""):
    """One published article with its cover, captioned gallery, tags and related units."""
    rng, info = demo.rng, demo.info[publisher]
    title = rng.choice(titles)
    reporter, photographer = rng.choice(data.REPORTERS), rng.choice(data.PHOTOGRAPHERS)
    bylines = [reporter, reporter, f"Tin, ảnh: {reporter}", f"Tin: {reporter} - Ảnh: {photographer}"]
    if info["level"] in ("grassroots", "upper"):
        bylines.append(f"Văn phòng {info['committee']}")
    if "Trung tâm Công nghệ thông tin" in [demo.info[c].get("part") for c in info["cells"]]:
        bylines.append("TRUNG TÂM CÔNG NGHỆ THÔNG TIN")
    byline = rng.choice(bylines)
    credit = reporter if byline.startswith("Tin, ảnh") else photographer
    delay = rng.choices((0, 1, 2), weights=(3, 5, 2))[0]
    hour = rng.randint(11, 20) if delay == 0 else rng.randint(7, 17)
    published_at = datetime.combine(on + timedelta(days=delay), datetime.min.time(), TZ).replace(
        hour=hour, minute=rng.randint(0, 59)
    )
    article = Article(
        title=title,
        slug=unique(slugify_vi(title, 294) or "bai-viet", demo.article_slugs),
        lead=lead,
        body=body,
        status=Article.Status.PUBLISHED,
        published_at=published_at,
        unit=demo.units[publisher],
        meeting=meeting,
        category=demo.categories[category],
        byline=byline,
        photo_credit=credit,
        source=source,
        period_code=period,
    )
    used = {shot[0]: rng.sample(demo.photos[shot[0]], len(demo.photos[shot[0]])) for shot in shots}
    picks = [used[scene].pop() if used[scene] else demo.photos[scene][0] for scene, _ in shots]
    article.cover = picks[0]
    article.save()
    for photo in picks:  # a photo belongs to the unit of the first article that shows it
        photo.unit = photo.unit or article.unit
    for order, ((scene, caption), photo) in enumerate(zip(shots, picks, strict=True), start=1):
        other = rng.random() < 0.15
        demo.gallery.append(
            ArticlePhoto(
                article=article,
                photo=photo,
                caption=caption[:500],
                credit=rng.choice(data.PHOTOGRAPHERS) if other else credit,
                alt_text=f"{caption} ({lower_first(data.PHOTO_SCENES[scene])})"[:300],
                order=order,
            )
        )
    for tag in list(dict.fromkeys(demo.tags[name] for name in tags))[:5]:
        demo.tagged.append(TaggedArticle(content_object=article, tag=tag))
    for key in related:
        demo.related.append(Article.related_units.through(article=article, organization=demo.units[key]))
    demo.published.append((article.pk, published_at))
    return article


def write_news(demo):
    rng = demo.rng
    pool = []
    for number, news in enumerate(data.NEWS):
        for key, info in demo.info.items():
            if news["mass"] is None and info["level"] not in ("upper", "grassroots"):
                continue
            if news["mass"] is not None and not (info["level"] == "mass" and key.endswith(f".{news['mass']}")):
                continue
            for year in range(data.FIRST_YEAR, data.LAST_YEAR + 1):
                day = date(year, news["month"], news["day"]) - timedelta(days=rng.randint(0, 4))
                if demo.exists(key, day):
                    pool.append((number, key, day))
    wanted = 30 * demo.size
    chosen = rng.sample(pool, min(wanted, len(pool)))
    chosen += [rng.choice(pool) for _ in range(wanted - len(chosen))]
    for number, key, day in sorted(chosen, key=lambda c: (c[2], c[1], c[0])):
        news, info = data.NEWS[number], demo.info[key]
        year = day.year
        facts = {
            "unit": info["name"],
            "committee": info["committee"],
            "year": year,
            "years_tu": year - 1929,
            "years_yu": year - 1931,
            "years_vet": year - 1989,
            "years_martyrs": year - 1947,
            "years_ho": year - 1890,
            "people": rng.randint(40, 150),
            "gifts": rng.randint(20, 80),
            "cells": max(3, len(info["cells"])),
        }
        related = [demo.parent_on(key, day)] if info["level"] == "mass" else []
        if news["mass"] is None:
            category = news.get("category", data.ACTIVITIES)
        else:
            category = data.PARTY_AND_MASS
        tags = list(news["tags"]) + rng.sample(["Tin hoạt động", "Đoàn thể", "Xây dựng Đảng"], 1)
        write(
            demo,
            publisher=key,
            lead=news["lead"].format(**facts),
            related=related,
            on=day,
            meeting=None,
            body=paragraphs(*(text.format(**facts) for text in news["body"])),
            period="",
            category=category,
            tags=tags,
            shots=news["shots"],
            titles=[news["title"].format(**facts)],
        )


def save_links(demo):
    """The gallery photos, tags and related units that `write` collected, in a few queries."""
    ArticlePhoto.objects.bulk_create(demo.gallery, batch_size=500)
    Photo.objects.bulk_update([photo for photos in demo.photos.values() for photo in photos], ["unit"])
    TaggedArticle.objects.bulk_create(demo.tagged, batch_size=500)
    Article.related_units.through.objects.bulk_create(demo.related, batch_size=500)


def hold_back_some(demo):
    """A few of the latest reports wait for approval or were sent back; one old report was withdrawn."""
    latest = sorted(demo.published, key=lambda item: item[1])
    statuses = [Article.Status.DRAFT, Article.Status.SUBMITTED, Article.Status.SUBMITTED, Article.Status.RETURNED]
    for hours, ((pk, _at), status) in enumerate(zip(reversed(latest[-12:][::3]), statuses, strict=False), start=1):
        submitted_at = timezone.now() - timedelta(hours=5 * hours) if status == Article.Status.SUBMITTED else None
        Article.objects.filter(pk=pk).update(status=status, published_at=None, submitted_at=submitted_at)
    withdrawn = [pk for pk, at in latest if at.year == 2019]
    if withdrawn:
        Article.objects.filter(pk=demo.rng.choice(withdrawn)).update(status=Article.Status.WITHDRAWN)


def feature_some():
    newest = Article.objects.published().filter(meeting__isnull=False).order_by("-published_at")
    Article.objects.filter(pk__in=list(newest.values_list("pk", flat=True)[:3])).update(is_featured=True)


def save_site_settings():
    SiteSettings.objects.update_or_create(
        pk=1,
        defaults={
            "site_name": "Tin tức Đảng bộ tỉnh Thanh Sơn",
            "responsible_body": "Ban Tuyên giáo và Dân vận Tỉnh ủy Thanh Sơn",
            "editor_in_charge": "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
            "license": "Giấy phép số 00/GP-TTĐT (dữ liệu mẫu)",
            "address": "Số 1 đường Trần Hưng Đạo, thành phố Thanh Sơn",
            "email": "banbientap@example.vn",
        },
    )
