from collections import defaultdict
from datetime import timedelta

import reversion
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from reversion.models import Revision, Version

from articles.models import Article
from audit.history import followed_relations


class Command(BaseCommand):
    help = (
        "Xóa các phiên bản cũ trong lịch sử sửa đổi. Luôn giữ N phiên bản mới nhất của mỗi bài, mỗi hội nghị, "
        "các phiên bản lưu trong D ngày qua, và phiên bản đang đăng của mỗi bài đã đăng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep", type=int, default=10, help="Số phiên bản mới nhất giữ lại cho mỗi mục.")
        parser.add_argument("--days", type=int, default=365, help="Giữ mọi phiên bản lưu trong chừng ấy ngày qua.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ báo sẽ xóa gì, không xóa.")

    def handle(self, *, keep, days, dry_run, **options):
        cutoff = timezone.now() - timedelta(days=days)
        kept, old = set(), defaultdict(set)  # revision ids; (model, object id) → old revision ids
        for model in versioned_models():
            rows = (
                Version.objects.get_for_model(model)
                .order_by("object_id", "-revision__date_created", "-pk")
                .values_list("object_id", "revision_id", "revision__date_created")
            )
            rank, previous = 0, None
            for object_id, revision_id, saved_at in rows.iterator():
                rank = rank + 1 if object_id == previous else 0
                previous = object_id
                if rank < keep or saved_at >= cutoff:
                    kept.add(revision_id)
                else:
                    old[model, object_id].add(revision_id)
        published = published_revisions({int(pk) for model, pk in old if model is Article})
        kept |= published
        doomed = set().union(*old.values()) - kept
        versions = Version.objects.filter(revision_id__in=doomed).count()

        if dry_run:
            self.stdout.write(f"Chạy thử, không xóa gì: sẽ xóa {versions} phiên bản trong {len(doomed)} lần lưu.")
        else:
            with transaction.atomic():
                Revision.objects.filter(pk__in=doomed).delete()
            self.stdout.write(f"Đã xóa {versions} phiên bản trong {len(doomed)} lần lưu.")
        self.stdout.write(
            f"Giữ lại: {keep} phiên bản mới nhất của mỗi mục, mọi phiên bản lưu trong {days} ngày qua, "
            f"và phiên bản đang đăng của {len(published)} bài."
        )


def versioned_models():
    """The registered models whose versions are not only parts of another's (gallery rows, tags, participants)."""
    registered = list(reversion.get_registered_models())
    parts = {child for model in registered for _label, child, _fk in followed_relations(model)}
    return [model for model in registered if model not in parts]


def published_revisions(article_ids):
    """For each published article among `article_ids`, the revision holding its version as it is online now."""
    found = set()
    for article in Article.objects.published().filter(pk__in=article_ids).only("pk", "version"):
        versions = list(Version.objects.get_for_object(article).order_by("-pk"))
        shown = [v for v in versions if v.field_dict.get("status") == Article.Status.PUBLISHED]
        same = [v for v in shown if v.field_dict.get("version") == article.version]
        if same or shown:
            found.add((same or shown)[0].revision_id)
    return found
