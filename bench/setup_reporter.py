# Run by the bench scripts through `manage.py shell -c`: a reporter of one demo unit (BENCH_REPORTER,
# BENCH_PASSWORD) with BENCH_DRAFTS drafts of his own to edit (a reporter's edits never reach a published
# article). Prints the drafts' ids as JSON.
import json
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.models import Article
from newsroom.roles import EDITOR
from organizations.models import StaffAssignment

source = Article.objects.published().order_by("pk").first()
user, _ = get_user_model().objects.get_or_create(username=os.environ["BENCH_REPORTER"], defaults={"is_staff": True})
user.set_password(os.environ["BENCH_PASSWORD"])
user.save()
user.groups.add(Group.objects.get(name=EDITOR))
StaffAssignment.objects.get_or_create(user=user, organization=source.unit)
drafts = []
for number in range(int(os.environ["BENCH_DRAFTS"])):
    draft = Article.objects.get(pk=source.pk)
    draft.pk = draft.id = None
    draft.slug = f"ban-tin-thu-tai-{number}"
    draft.title = f"Bản tin thử tải số {number}"
    draft.status, draft.published_at, draft.import_key, draft.imported_version = Article.Status.DRAFT, None, None, None
    draft.created_by, draft.version, draft.cover = user, 1, None
    draft.save()
    drafts.append(draft.pk)
print(json.dumps(drafts))
