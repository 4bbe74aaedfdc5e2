from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" redirect, for what the user may open in the admin only.

    Django's own redirects any staff account to any object's address: a draft, scheduled or trashed article of
    another unit would give away its address.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    try:
        model_admin = admin.site.get_model_admin(model) if model else None
    except NotRegistered:
        model_admin = None
    obj = model_admin.get_object(request, unquote(object_id)) if model_admin else None
    if obj is None or not model_admin.has_view_or_change_permission(request, obj):
        raise Http404
    return shortcut(request, content_type_id, object_id)
