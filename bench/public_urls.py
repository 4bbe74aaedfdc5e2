# Run by the bench scripts through `manage.py shell -c`: the public pages readers ask for. Prints them as JSON.
import json

from django.urls import reverse

from articles.models import Article, Category
from organizations.models import Organization

articles = list(Article.objects.published().order_by("?")[:60])
units = list(Organization.objects.order_by("?")[:15])
urls = ["/", "/tin-tuc/", "/tin-tuc/?page=2", "/don-vi/", "/hoi-nghi/", "/rss/", "/tim-kiem/?q=hoi+nghi+so+ket"]
urls += ["/ky/2024/", "/tin-tuc/?period=2024-h1"]
urls += [a.get_absolute_url() for a in articles]
urls += [u.get_absolute_url() for u in units]
urls += [reverse("articles:category", args=[c.slug]) for c in Category.objects.all()[:5]]
print(json.dumps(urls))
