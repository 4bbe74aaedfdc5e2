"""The production static storage: hashed names from the manifest, each address worked out once per process."""

import json

import pytest

from newsroom.staticfiles import StaticStorage


@pytest.fixture
def storage(tmp_path):
    manifest = {"version": "1.1", "hash": "h", "paths": {"css/site.css": "css/site.0123456789ab.css"}}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return StaticStorage(location=tmp_path, base_url="/static/")


def test_a_name_gives_its_hashed_address_worked_out_once(storage, monkeypatch):
    assert storage.url("css/site.css") == "/static/css/site.0123456789ab.css"
    monkeypatch.setattr(StaticStorage.__mro__[1], "url", lambda *args, **kwargs: pytest.fail("worked out again"))
    assert storage.url("css/site.css") == "/static/css/site.0123456789ab.css"


def test_a_name_missing_from_the_manifest_raises_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
    assert "css/missing.css" not in storage.urls


def test_production_settings_use_it():
    from tests.test_deployment import settings_in_subprocess

    # DEBUG off by default (tests use plain names: conftest); DEBUG on serves the files as they are
    production = settings_in_subprocess({"SECRET_KEY": "k" * 50}, "s.STORAGES['staticfiles']['BACKEND']")
    development = settings_in_subprocess({"DEBUG": "true"}, "s.STORAGES['staticfiles']['BACKEND']")
    assert production == "newsroom.staticfiles.StaticStorage"
    assert development == "django.contrib.staticfiles.storage.StaticFilesStorage"
