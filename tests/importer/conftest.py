import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import require

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
CORPUS = Path(__file__).parent / "corpus"
REAL_PAGES = Path(settings.BASE_DIR).parent / "shared" / "import-real"


@pytest.fixture
def seeds():
    require(SEEDS.is_dir() and any(SEEDS.glob("*.txt")), f"the real articles in {SEEDS}")
    return SEEDS


@pytest.fixture
def real_pages():
    require((REAL_PAGES / "expected.json").is_file(), f"the labelled real pages in {REAL_PAGES}")
    return REAL_PAGES


@pytest.fixture
def corpus():
    require((CORPUS / "expected.json").is_file(), f"the labelled evaluation set in {CORPUS}")
    return CORPUS


@pytest.fixture
def seed_text(seeds):
    def read(number):
        return next(seeds.glob(f"{number:03}_*.txt")).read_text(encoding="utf-8")

    return read


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text):
    """`text` as Windows-1258 writes it: letters with their vowel marks, then the tone as a combining mark."""
    letters = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        letters.append(base + "".join(c for c in parts if c in TONE_MARKS))
    return "".join(letters).encode("cp1258")
