"""Measuring the extractor against a labelled set: per-field agreement with expected.json."""

import json
from pathlib import Path

from newsroom.text import tone_key

from .extraction import extract
from .reading import UnreadableFile, read_file

FIELDS = [
    "title",
    "meeting_date",
    "published",
    "organizing_unit",
    "meeting_type",
    "period",
    "term",
    "chair",
    "people",
    "author",
    "photo_captions",
]


def _text_key(value):
    return tone_key(value or "")


def normalized(field, value):
    """The comparable form of a value: case, Unicode form, tone placement and spacing ignored; lists as sets."""
    if field == "people":
        return frozenset(_text_key(person["name"]) for person in value or [])
    if isinstance(value, list):
        return frozenset(_text_key(item) for item in value)
    if field == "title":
        return _text_key(value).rstrip(" .")
    if field == "organizing_unit":
        return _text_key(value).replace("đảng ủy", "đảng bộ")
    if isinstance(value, str):
        return _text_key(value)
    return value


def agrees(field, found, expected):
    return normalized(field, found) == normalized(field, expected)


def extract_file(path: Path) -> dict:
    return extract(read_file(path)).as_expected(path.name)


def evaluate(directory: Path, expected_file: Path):
    """(share of agreeing files per field, what was read from every .txt of `directory`, disagreements).

    Scores are over the labelled files; a labelled file that cannot be read disagrees on every field."""
    labels = {label["file"]: label for label in json.loads(expected_file.read_text(encoding="utf-8"))}
    rows, found = [], {}
    for path in sorted(directory.glob("*.txt")):
        try:
            found[path.name] = extract_file(path)
        except UnreadableFile:
            continue
        rows.append(found[path.name])
    mismatches = []
    right = dict.fromkeys(FIELDS, 0)
    for name, label in labels.items():
        row = found.get(name, {})
        for field in FIELDS:
            if row and agrees(field, row.get(field), label.get(field)):
                right[field] += 1
            else:
                mismatches.append((name, field, row.get(field), label.get(field)))
    total = len(labels) or 1
    return {field: right[field] / total for field in FIELDS}, rows, mismatches
