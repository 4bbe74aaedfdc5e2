"""What every builder shares: the random generator, the size, and the units, terms and posts built so far."""

import random
from collections import defaultdict
from datetime import date, timedelta

from articles.models import Article
from organizations.models import Organization, Person

DAY = timedelta(days=1)
FOREVER = date.max


class Demo:
    """The demo being built; `rng` alone decides every choice, so a seed gives the same data."""

    def __init__(self, *, seed, size):
        self.rng = random.Random(seed)
        self.size = size
        self.units = {}  # key -> Organization
        self.info = {}  # key -> the facts the texts use: names, level, parent key, cells, mass organizations
        self.ends = {}  # key -> last day, for units that end in 2025
        self.successor = {}  # key -> key of the unit that carries it on
        self.terms = defaultdict(dict)  # key -> {start year: Term}
        self.held = defaultdict(list)  # person pk -> [(rank, position pk, title, first day, last day)]
        self.roles = defaultdict(list)  # (unit key, role) -> [(first day, last day, person)]
        self.leads = {}  # unit key -> {role: [holder in the 2015 term, holder in the 2020 term]}
        self.province_people = {}  # label of `data.PROVINCE_PEOPLE` -> Person
        self.names = set()
        self.person_slugs = set(Person.objects.values_list("slug", flat=True))
        self.article_slugs = set(Article.objects.values_list("slug", flat=True))
        self.ordinary = []  # (person, cell key, since): members without a public office
        self.admissions = []  # (cell key, day, number admitted)
        self.photos = defaultdict(list)  # scene -> [Photo]
        self.categories = {}
        self.tags = {}
        self.published = []  # (article pk, published_at)
        self.gallery, self.tagged, self.related = [], [], []

    def fresh(self, key):
        """The unit as it is now in the database: moves change the paths of units loaded before them."""
        self.units[key] = Organization.objects.get(pk=self.units[key].pk)
        return self.units[key]

    def exists(self, key, on):
        return self.info[key]["valid_from"] <= on <= self.ends.get(key, FOREVER)

    def parent_on(self, key, on):
        """The unit above `key` on `on`, following a parent that had ended to the unit that carried it on."""
        parent = self.info[key]["parent"]
        while parent in self.ends and self.ends[parent] < on:
            parent = self.successor[parent]
        return parent

    def term_on(self, key, on):
        for term in self.terms.get(key, {}).values():
            if term.starts_on <= on <= (term.ends_on or FOREVER):
                return term
        return None

    def holder(self, key, role, on):
        for first, last, person in reversed(self.roles.get((key, role), [])):
            if first <= on <= last:
                return person
        return None

    def titles(self, person, on):
        """What `Person.titles_on` answers, without a query."""
        return [title for rank, pk, title, first, last in sorted(self.held[person.pk]) if first <= on <= last]

    def named(self, person, on, sep=" - ", *, titles_first=False):
        titles = sep.join(self.titles(person, on))
        if not titles:
            return person.full_name
        return f"{titles} {person.full_name}" if titles_first else f"{person.full_name}{sep}{titles}"


def unique(base, taken):
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug
