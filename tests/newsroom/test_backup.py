"""`manage.py backup` and `restore`, as an operator runs them: against real PostgreSQL databases, a media folder and
buckets of the test S3 server, each command in its own process with the settings from the environment."""

import hashlib
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings

from tests.conftest import S3_KEYS, Bucket, require

ROOT = Path(settings.BASE_DIR)
SERVER = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
OWN_ENV = ("DATABASE_URL", "REDIS_URL", "DEBUG", "MEDIA_ROOT", "MEDIA_STORAGE", "PYTEST_ADDOPTS")


def run_sql(query, dbname="postgres"):
    connection = psycopg2.connect(dbname=dbname, connect_timeout=3, **SERVER)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(query)
            return cursor.fetchall() if cursor.description else None
    finally:
        connection.close()


def postgresql_is_reachable():
    try:
        run_sql("SELECT 1")
        return True
    except psycopg2.OperationalError:
        return False


@pytest.fixture(scope="module")
def databases():
    """Makes new, empty PostgreSQL databases on 127.0.0.1:5432 (user postgres), dropped at the end of the module."""
    require(postgresql_is_reachable(), "PostgreSQL is not reachable on 127.0.0.1:5432 as postgres")
    made = []

    def new_database():
        name = f"newsroom_backup_{uuid.uuid4().hex[:12]}"
        run_sql(f'CREATE DATABASE "{name}"')
        made.append(name)
        return name

    yield new_database
    for name in made:
        run_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_url(name):
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def local_media(path):
    return {"MEDIA_STORAGE": "local", "MEDIA_ROOT": str(path)}


def s3_media(endpoint_url, bucket_name):
    return {
        "MEDIA_STORAGE": "s3",
        "S3_ENDPOINT_URL": endpoint_url,
        "S3_BUCKET": bucket_name,
        "S3_ACCESS_KEY": S3_KEYS["access_key"],
        "S3_SECRET_KEY": S3_KEYS["secret_key"],
    }


def manage(*args, database, media, extra_env=None):
    env = {name: value for name, value in os.environ.items() if name not in OWN_ENV and not name.startswith("S3_")}
    env |= {"SECRET_KEY": "backup-test-" + "x" * 40, "DATABASE_URL": database, **media, **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def succeeded(result):
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def failed_cleanly(result):
    """What the command said when it stopped: an error for the operator, not a traceback."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr


def articles(database):
    return run_sql("SELECT slug, title, status FROM articles_article ORDER BY slug", database)


def table_count(database):
    return run_sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database)[0][0]


def digest(data):
    return len(data), hashlib.sha256(data).hexdigest()


def bucket_files(bucket):
    return {key: digest(bucket.read(key)) for key in bucket.keys()}


def folder_files(folder):
    return {
        path.relative_to(folder).as_posix(): digest(path.read_bytes()) for path in folder.rglob("*") if path.is_file()
    }


def listed_files(manifest):
    return {name: (file["size"], file["sha256"]) for name, file in manifest["media"]["files"].items()}


@pytest.fixture(scope="module")
def source(databases, s3_server, tmp_path_factory):
    """The demo, seeded into a new database with its media in a bucket, and backed up."""
    database, bucket = databases(), Bucket(s3_server, f"media-{uuid.uuid4().hex[:16]}")
    env = {"database": database_url(database), "media": s3_media(bucket.endpoint_url, bucket.name)}
    succeeded(manage("migrate", "--noinput", "-v0", **env))
    succeeded(manage("seed_demo", "--size", "1", **env))
    output_dir = tmp_path_factory.mktemp("backups")
    said = succeeded(manage("backup", "--output-dir", str(output_dir), **env))
    [archive] = output_dir.iterdir()
    return {"database": database, "bucket": bucket, "archive": archive, "said": said}


def test_backup_is_one_dated_archive_with_the_dump_the_media_and_a_manifest(source):
    archive = source["archive"]
    assert archive.name.startswith("newsroom-backup-") and archive.suffix == ".tar"
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
        dump = tar.extractfile("database.dump").read(5)
    assert dump == b"PGDMP"  # pg_dump's custom format
    assert manifest["format"] == "newsroom-backup"
    assert manifest["database"]["rows"]["articles.article"] == len(articles(source["database"]))
    assert manifest["versions"]["postgresql"].startswith("15")
    assert {"django", "pg_dump", "migrations"} <= manifest["versions"].keys()
    files = bucket_files(source["bucket"])
    assert listed_files(manifest) == files
    assert {f"media/{name}" for name in files} <= set(names)
    assert "Đã tạo bản sao lưu" in source["said"]


def test_restore_into_a_new_database_and_an_empty_bucket_gives_the_same_site(source, databases, s3_server):
    target, bucket = databases(), Bucket(s3_server, f"media-{uuid.uuid4().hex[:16]}")
    said = succeeded(
        manage(
            "restore",
            str(source["archive"]),
            database=database_url(target),
            media=s3_media(bucket.endpoint_url, bucket.name),
        )
    )
    assert "Đã khôi phục" in said
    assert articles(target) == articles(source["database"]) != []
    assert bucket_files(bucket) == bucket_files(source["bucket"])
    photos = {name for (name,) in run_sql("SELECT image FROM articles_photo", target)}
    assert photos and photos <= bucket.keys()


def test_restore_moves_a_site_from_a_bucket_to_a_media_folder_and_backs_up_again(source, databases, tmp_path):
    target, media = databases(), tmp_path / "media"
    env = {"database": database_url(target), "media": local_media(media)}
    succeeded(manage("restore", str(source["archive"]), **env))
    assert articles(target) == articles(source["database"])
    assert folder_files(media) == bucket_files(source["bucket"])
    succeeded(manage("backup", "--output-dir", str(tmp_path), **env))
    [again] = tmp_path.glob("newsroom-backup-*.tar")
    with tarfile.open(again) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["media"]["storage"] == "local"
    assert listed_files(manifest) == folder_files(media)


def test_restore_refuses_a_database_that_is_not_empty_and_changes_nothing(source, tmp_path):
    before = articles(source["database"])
    said = failed_cleanly(
        manage(
            "restore", str(source["archive"]), database=database_url(source["database"]), media=local_media(tmp_path)
        )
    )
    assert "không trống" in said and "--force" in said
    assert articles(source["database"]) == before
    assert not any(tmp_path.iterdir())


def test_restore_refuses_media_that_is_not_empty_before_touching_the_database(source, databases, tmp_path):
    target = databases()
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cu.jpg").write_bytes(b"old")
    said = failed_cleanly(
        manage("restore", str(source["archive"]), database=database_url(target), media=local_media(tmp_path))
    )
    assert "không trống" in said and "--force" in said
    assert table_count(target) == 0


def test_restore_with_force_replaces_what_was_there(source, databases, tmp_path):
    target, media = databases(), tmp_path / "media"
    run_sql("CREATE TABLE articles_article (slug text); INSERT INTO articles_article VALUES ('bai-cu')", target)
    (media / "photos").mkdir(parents=True)
    (media / "photos" / "cu.jpg").write_bytes(b"old")
    said = succeeded(
        manage("restore", "--force", str(source["archive"]), database=database_url(target), media=local_media(media))
    )
    assert "Đã khôi phục" in said
    assert articles(target) == articles(source["database"])
    assert bucket_files(source["bucket"]).items() <= folder_files(media).items()


def test_backup_names_a_database_it_cannot_reach(databases, tmp_path):
    said = failed_cleanly(
        manage(
            "backup",
            "--output-dir",
            str(tmp_path),
            database=database_url("newsroom_khong_co"),
            media=local_media(tmp_path),
        )
    )
    assert "Không kết nối được cơ sở dữ liệu" in said and "newsroom_khong_co" in said
    assert not any(tmp_path.glob("newsroom-backup-*"))


def test_backup_names_a_bucket_it_cannot_read_and_leaves_no_archive(source, s3_server, tmp_path):
    missing = s3_media(s3_server, "khong-co-bucket-nay")
    said = failed_cleanly(
        manage("backup", "--output-dir", str(tmp_path), database=database_url(source["database"]), media=missing)
    )
    assert "Không đọc được kho tệp media" in said and "khong-co-bucket-nay" in said
    assert not any(tmp_path.iterdir())


def test_backup_says_to_install_postgresql_client_when_pg_dump_is_missing(tmp_path):
    said = failed_cleanly(
        manage(
            "backup",
            database=database_url("newsroom"),
            media=local_media(tmp_path),
            extra_env={"PATH": str(tmp_path)},
        )
    )
    assert "pg_dump" in said and "postgresql-client" in said


def test_backup_refuses_sqlite_with_a_clear_message(tmp_path):
    said = failed_cleanly(
        manage("backup", database=f"sqlite:///{tmp_path / 'db.sqlite3'}", media=local_media(tmp_path))
    )
    assert "PostgreSQL" in said


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    other = tmp_path / "bao-cao.tar"
    other.write_bytes(b"khong phai tar")
    said = failed_cleanly(
        manage("restore", str(other), database=database_url("newsroom"), media=local_media(tmp_path))
    )
    assert "không phải bản sao lưu" in said
    said = failed_cleanly(
        manage(
            "restore", str(tmp_path / "khong-co.tar"), database=database_url("newsroom"), media=local_media(tmp_path)
        )
    )
    assert "Không tìm thấy" in said
