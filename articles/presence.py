"""Who else has an article open in the admin: a short-lived note per reader in the cache."""

import time

from django.core.cache import cache

PRESENCE_SECONDS = 90  # three missed heartbeats of presence.js and a reader is gone


def mark_present(article_id, user, page, *, leaving=False) -> list[str]:
    """Note that `user` has the article open in `page` (or has left it); the names of the others who have it open.

    Leaving counts only from the page last seen: a page reloaded after a save must not be cleared by its
    predecessor's goodbye, which may arrive later.
    """
    key, now = f"presence:article:{article_id}", time.time()
    seen = {uid: entry for uid, entry in cache.get(key, {}).items() if now - entry[1] < PRESENCE_SECONDS}
    if not leaving:
        seen[user.pk] = (user.get_full_name() or user.get_username(), now, page)
    elif seen.get(user.pk, (None, None, page))[2] == page:
        seen.pop(user.pk, None)
    cache.set(key, seen, PRESENCE_SECONDS)
    return sorted(name for uid, (name, _at, _page) in seen.items() if uid != user.pk)
