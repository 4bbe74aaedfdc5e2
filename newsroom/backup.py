"""A backup of the whole site in one dated tar archive, and its restore on a fresh machine: the PostgreSQL database in
pg_dump's custom format (`database.dump`), every media file from the folder or the bucket (`media/<name>`), and
`manifest.json`: the versions, the rows of every table and each file's size and SHA-256, checked on restore."""

import hashlib
import io
import json
import os
import platform
import re
import shutil
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

import django
from botocore.exceptions import BotoCoreError, ClientError
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT, VERSION = "newsroom-backup", 1
MANIFEST, DUMP, MEDIA = "manifest.json", "database.dump", "media/"
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError, SuspiciousFileOperation)
PROGRESS_EVERY = 100


def create_backup(directory: Path, *, say=print) -> Path:
    """Write `newsroom-backup-<date>-<time>.tar` into `directory`; nothing is left there if anything fails."""
    require_postgresql()
    pg_dump = pg_tool("pg_dump")
    connect()
    server, client = divmod(connection.pg_version, 10000), tool_version(pg_dump)
    if client[0] < server[0]:
        raise CommandError(
            f"pg_dump {client[0]} cũ hơn máy chủ PostgreSQL {server[0]}: hãy cài gói postgresql-client-{server[0]}."
        )
    path = directory / f"newsroom-backup-{timezone.localtime():%Y%m%d-%H%M%S}.tar"
    partial = path.with_name(path.name + ".partial")
    started = time.monotonic()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as work, tarfile.open(partial, "w") as archive:
            say(f"Đang sao lưu cơ sở dữ liệu “{connection.settings_dict['NAME']}” (pg_dump)…")
            dump = Path(work) / DUMP
            # why: the rows counted in the manifest are those of the dump, even while editors keep writing
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                    cursor.execute("SELECT pg_export_snapshot()")
                    snapshot = cursor.fetchone()[0]
                rows, migrations = row_counts(), latest_migrations()
                run_pg(pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={dump}")
            archive.add(dump, DUMP)
            names = media_names()
            say(f"Đang sao lưu {len(names)} tệp media từ {media_description()}…")
            files = {}
            for number, name in enumerate(names, start=1):
                data = read_media(name)
                add_bytes(archive, MEDIA + name, data)
                files[name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                if number % PROGRESS_EVERY == 0:
                    say(f"  {number}/{len(names)} tệp")
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "created_at": timezone.now().isoformat(),
                "site": settings.SITE_NAME,
                "versions": {
                    "python": platform.python_version(),
                    "django": django.get_version(),
                    "postgresql": ".".join(map(str, server)),
                    "pg_dump": ".".join(map(str, client)),
                    "migrations": migrations,
                },
                "database": {"name": connection.settings_dict["NAME"], "rows": rows},
                "media": {
                    "storage": settings.MEDIA_STORAGE,
                    "count": len(files),
                    "bytes": sum(file["size"] for file in files.values()),
                    "files": files,
                },
            }
            add_bytes(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode())
        os.replace(partial, path)
    except OSError as error:
        raise CommandError(f"Không ghi được bản sao lưu vào {directory}: {error.strerror or error}.") from None
    finally:
        partial.unlink(missing_ok=True)
    say(
        f"Đã tạo bản sao lưu {path} ({path.stat().st_size / 1_000_000:.1f} MB) trong "
        f"{time.monotonic() - started:.1f} giây: {rows.get('articles.article', 0)} bài viết, {len(files)} tệp media."
    )
    return path


def restore_backup(path: Path, *, force=False, say=print):
    """Restore the archive at `path` into the database and the media storage of the settings, which must be empty
    unless `force`: then the database's tables are all dropped first, and media files of the same name replaced."""
    started = time.monotonic()
    with open_backup(path) as (archive, manifest):
        require_postgresql()
        pg_restore = pg_tool("pg_restore")
        connect()
        dumped_with, client = int(manifest["versions"]["pg_dump"].split(".")[0]), tool_version(pg_restore)[0]
        if client < dumped_with:
            raise CommandError(
                f"Bản sao lưu được tạo bằng pg_dump {dumped_with}, mới hơn pg_restore ở đây ({client}): "
                f"hãy cài gói postgresql-client-{dumped_with}."
            )
        name = connection.settings_dict["NAME"]
        tables = connection.introspection.table_names()
        if tables and not force:
            raise CommandError(
                f"Cơ sở dữ liệu “{name}” không trống ({len(tables)} bảng): chỉ khôi phục vào một cơ sở dữ liệu "
                "trống. Hãy tạo một cơ sở dữ liệu mới, hoặc chạy lại với --force để XÓA HẾT dữ liệu trong đó."
            )
        present = set(media_names())
        if present and not force:
            raise CommandError(
                f"Kho tệp media ({media_description()}) không trống ({len(present)} tệp): chỉ khôi phục vào kho "
                "trống. Hãy dùng một thư mục hoặc bucket mới, hoặc chạy lại với --force để ghi đè các tệp trùng tên."
            )
        with tempfile.TemporaryDirectory() as work:
            dump = Path(work) / DUMP
            with dump.open("wb") as file:
                shutil.copyfileobj(archive.extractfile(DUMP), file)
            if tables:
                say(f"Đang xóa {len(tables)} bảng của cơ sở dữ liệu “{name}” (--force)…")
                try:
                    with connection.cursor() as cursor:
                        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
                except DatabaseError as error:
                    raise CommandError(f"Không xóa được các bảng của “{name}”: {error}".strip()) from None
            connection.close()
            say(f"Đang khôi phục cơ sở dữ liệu “{name}” (pg_restore)…")
            run_pg(pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", str(dump))
        files = manifest["media"]["files"]
        say(f"Đang khôi phục {len(files)} tệp media vào {media_description()}…")
        for number, (file_name, expected) in enumerate(files.items(), start=1):
            data = archive.extractfile(MEDIA + file_name).read()
            if hashlib.sha256(data).hexdigest() != expected["sha256"]:
                raise CommandError(f"Tệp {file_name} trong bản sao lưu bị hỏng (mã kiểm tra SHA-256 không khớp).")
            write_media(file_name, data, replace=file_name in present)
            if number % PROGRESS_EVERY == 0:
                say(f"  {number}/{len(files)} tệp")
    different = [
        label for label, count in manifest["database"]["rows"].items() if row_count(label) not in (count, None)
    ]
    if different:
        raise CommandError(f"Số dòng sau khi khôi phục không khớp với bản sao lưu ở: {', '.join(different)}.")
    cache.clear()  # what the cache held described the data that was replaced
    rows = manifest["database"]["rows"]
    say(
        f"Đã khôi phục bản sao lưu ngày {manifest['created_at'][:10]} trong {time.monotonic() - started:.1f} giây: "
        f"{rows.get('articles.article', 0)} bài viết, {len(files)} tệp media; số dòng của {len(rows)} bảng "
        "đã được kiểm tra. Nếu mã nguồn mới hơn bản sao lưu, hãy chạy tiếp: python manage.py migrate"
    )


# --- The archive ---


class open_backup:
    """The tar archive at `path` and its manifest, or a CommandError that says why it is not a backup."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        try:
            self.archive = tarfile.open(self.path, "r:")
        except FileNotFoundError:
            raise CommandError(f"Không tìm thấy tệp sao lưu {self.path}.") from None
        except (tarfile.TarError, OSError):
            raise CommandError(f"{self.path} không phải bản sao lưu của trang (không đọc được như tệp tar).") from None
        try:
            manifest = json.load(self.archive.extractfile(MANIFEST))
            if manifest["format"] != FORMAT:
                raise ValueError
        except (KeyError, TypeError, ValueError, tarfile.TarError):
            self.archive.close()
            raise CommandError(f"{self.path} không phải bản sao lưu của trang (thiếu manifest.json).") from None
        if manifest["version"] > VERSION:
            self.archive.close()
            raise CommandError(f"{self.path} được tạo bởi một phiên bản mới hơn của trang: hãy cập nhật mã nguồn.")
        return self.archive, manifest

    def __exit__(self, *exc):
        self.archive.close()


def add_bytes(archive, name, data):
    member = tarfile.TarInfo(name)
    member.size, member.mtime, member.mode = len(data), int(time.time()), 0o644
    archive.addfile(member, io.BytesIO(data))


# --- The database ---


def require_postgresql():
    if connection.vendor != "postgresql":
        raise CommandError(
            f"Chỉ sao lưu và khôi phục được cơ sở dữ liệu PostgreSQL; DATABASE_URL đang trỏ tới {connection.vendor}."
        )


def connect():
    """Connect to the default database, or say what is wrong with DATABASE_URL."""
    try:
        connection.ensure_connection()
    except DatabaseError as error:
        db = connection.settings_dict
        reason = " ".join(line.strip() for line in str(error).splitlines() if line.strip()) or type(error).__name__
        raise CommandError(
            f"Không kết nối được cơ sở dữ liệu “{db['NAME']}” ở {db['HOST'] or 'localhost'}:{db['PORT'] or 5432} "
            f"({reason}). Hãy kiểm tra DATABASE_URL."
        ) from None


def pg_tool(name):
    path = shutil.which(name)
    if path is None:
        raise CommandError(
            f"Không tìm thấy {name}: hãy cài gói postgresql-client cùng phiên bản với máy chủ PostgreSQL "
            "(Debian: apt-get install postgresql-client)."
        )
    return path


def tool_version(tool):
    output = subprocess.run([tool, "--version"], capture_output=True, text=True, check=False).stdout
    match = re.search(r"\(PostgreSQL\) (\d+)(?:\.(\d+))?", output)
    return (int(match[1]), int(match[2] or 0)) if match else (0, 0)


def run_pg(tool, *args):
    """Run pg_dump or pg_restore against the default database; its password goes in the environment, not argv."""
    db = connection.settings_dict
    env = os.environ | {
        variable: str(value)
        for variable, value in [
            ("PGHOST", db["HOST"]),
            ("PGPORT", db["PORT"]),
            ("PGUSER", db["USER"]),
            ("PGPASSWORD", db["PASSWORD"]),
            ("PGSSLMODE", db["OPTIONS"].get("sslmode")),
        ]
        if value
    }
    result = subprocess.run([tool, *args, f"--dbname={db['NAME']}"], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{Path(tool).name} báo lỗi:\n{result.stderr.strip()}")


def counted_models():
    return [model for model in apps.get_models(include_auto_created=True) if model._meta.managed]


def row_counts():
    return {model._meta.label_lower: model._base_manager.count() for model in counted_models()}


def row_count(label):
    """The rows of model `label` now, or None for a model this code no longer has."""
    try:
        return apps.get_model(label)._base_manager.count()
    except LookupError:
        return None


def latest_migrations():
    applied = MigrationRecorder(connection).applied_migrations()
    latest = {}
    for app, name in sorted(applied):
        latest[app] = name
    return latest


# --- The media ---


def media_description():
    storage = default_storage
    if isinstance(storage, FileSystemStorage):
        return f"thư mục {storage.location}"
    return f"bucket “{getattr(storage, 'bucket_name', '?')}”"


def media_names():
    """The name of every file in the media storage, or a CommandError if the storage cannot be read."""
    try:
        return list(walk(default_storage, ""))
    except FileNotFoundError:  # a media folder that no upload has made yet
        return []
    except STORAGE_ERRORS as error:
        raise CommandError(f"Không đọc được kho tệp media ({media_description()}): {error}") from None


def walk(storage, folder):
    directories, files = storage.listdir(folder)
    for name in sorted(files):
        yield folder + name
    for directory in sorted(directories):
        yield from walk(storage, f"{folder}{directory}/")


def read_media(name):
    try:
        with default_storage.open(name) as file:
            return file.read()
    except STORAGE_ERRORS as error:
        raise CommandError(f"Không đọc được tệp media {name} ({media_description()}): {error}") from None


def write_media(name, data, *, replace):
    try:
        if replace:
            default_storage.delete(name)
        stored = default_storage.save(name, ContentFile(data))
    except STORAGE_ERRORS as error:
        raise CommandError(f"Không ghi được tệp media {name} vào {media_description()}: {error}") from None
    if stored != name:
        raise CommandError(f"Tệp media {name} đã được lưu dưới tên khác ({stored}): kho tệp media không trống.")
