"""Measuring the extractor against a labelled set: per-field agreement with expected.json."""

import json
from pathlib import Path

from newsroom.text import tone_key

from .extraction import extract
from .layout import split_credit
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
    if field == "photo_captions":  # a credit inline or on its own line, kept or dropped: the same caption
        return frozenset(_text_key(split_credit(item)[0]).rstrip(" .") for item in value or [])
    if field == "people":
        return frozenset(_text_key(person["name"]) for person in value or [])
    if isinstance(value, list):
        return frozenset(_text_key(item) for item in value)
    if field == "title":
        return _text_key(value).strip(" .")
    if field == "organizing_unit":
        return _text_key(value).replace("đảng ủy", "đảng bộ")
    if isinstance(value, str):
        return _text_key(value)
    return value


def agrees(field, found, expected, aliases=()):
    """Whether `found` is the labelled value; a unit may also be one of the label's other acceptable names."""
    if field == "organizing_unit" and found:
        return any(normalized(field, found) == normalized(field, name) for name in [expected, *aliases])
    return normalized(field, found) == normalized(field, expected)


def extract_file(path: Path) -> dict:
    return extract(read_file(path)).as_expected(path.name)


def evaluate(directory: Path, expected_file: Path):
    """(share of agreeing values per field, overall share, what was read from every .txt of `directory` and its
    sub-folders, disagreements).

    A field empty both in the label and in what was read is not counted (nothing to find, nothing found); a field
    with nothing counted scores 1. A labelled file that cannot be read disagrees on every labelled field."""
    labels = {label["file"]: label for label in json.loads(expected_file.read_text(encoding="utf-8"))}
    rows, found = [], {}
    for path in sorted(directory.rglob("*.txt"), key=lambda p: (p.name, p)):  # the texts may sit in a sub-folder
        try:
            found[path.name] = extract_file(path)
        except UnreadableFile:
            continue
        rows.append(found[path.name])
    mismatches = []
    right, counted = dict.fromkeys(FIELDS, 0), dict.fromkeys(FIELDS, 0)
    for name, label in labels.items():
        row = found.get(name, {})
        for field in FIELDS:
            got, wanted = row.get(field), label.get(field)
            if field == "period" and label.get("meeting_type") == "dai_hoi" and wanted == label.get("term"):
                wanted = None  # sets that file a congress under its term write it twice, as period and term
            if not got and not wanted:
                continue
            counted[field] += 1
            if agrees(field, got, wanted, label.get(f"{field}_aliases") or ()):
                right[field] += 1
            else:
                mismatches.append((name, field, got, wanted))
    scores = {field: right[field] / counted[field] if counted[field] else 1.0 for field in FIELDS}
    overall = sum(right.values()) / (sum(counted.values()) or 1)
    return scores, overall, rows, mismatches
