from django.utils.functional import SimpleLazyObject

from .models import Category, SiteSettings


def site(request):
    return {"site": SiteSettings.current(), "menu_categories": SimpleLazyObject(Category.menu)}
