"""Legacy files kept in the database (`ImportFile`): the review queue of files whose host unit could not be
determined, and the batches of the "Nhập bài cũ" admin page (an upload read as a dry run, corrected per row, then
imported in the background with its progress in the database)."""

import zipfile
from pathlib import PurePosixPath

from django.db import transaction
from django.utils import timezone

from organizations.models import Organization

from . import importer
from .importer.reading import MAX_PAGE_BYTES, MAX_TEXT_BYTES, SUFFIXES, decode
from .importer.saving import _article_text, _named_parent
from .models import ImportBatch, ImportFile

MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # one uploaded file or .zip
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # what a .zip holds, unpacked
MAX_FILES = 2000  # more at once: the import_articles command
ARCHIVE_SUFFIXES = (".zip",)


class BadUpload(Exception):
    """An upload that is not a batch of articles; the message says why, in Vietnamese."""


def _size(count):
    return f"{count / 1024 / 1024:.0f} MB"


def unpack(uploads) -> list[tuple[str, bytes | None]]:
    """(name, content) of every article file in `uploads` (.txt, .html, or .zip archives of them); the content is
    None for a file in an archive too large to be an article."""
    found = []
    for upload in uploads:
        suffix = PurePosixPath(upload.name).suffix.lower()
        if suffix not in (*SUFFIXES, *ARCHIVE_SUFFIXES):
            raise BadUpload(f"“{upload.name}”: chỉ nhận tệp .txt, .html, .htm hoặc .zip chứa các tệp đó.")
        if upload.size > MAX_UPLOAD_BYTES:
            raise BadUpload(f"“{upload.name}” quá lớn ({_size(upload.size)}, tối đa {_size(MAX_UPLOAD_BYTES)}).")
        if suffix in ARCHIVE_SUFFIXES:
            found += _unzip(upload)
        else:
            found.append((upload.name, upload.read()))
        if len(found) > MAX_FILES:
            raise BadUpload(
                f"Quá nhiều tệp một lần (tối đa {MAX_FILES}): chia thành nhiều đợt, hoặc dùng lệnh import_articles."
            )
    if not found:
        raise BadUpload("Không có tệp .txt hay .html nào để nhập.")
    return found


def _unzip(upload):
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError):
        raise BadUpload(f"“{upload.name}” không phải tệp .zip đọc được.") from None
    entries = [
        info
        for info in archive.infolist()
        if not info.is_dir()
        and PurePosixPath(info.filename).suffix.lower() in SUFFIXES
        and not info.filename.startswith("__MACOSX/")
        and not PurePosixPath(info.filename).name.startswith(".")
    ]
    if sum(info.file_size for info in entries) > MAX_UNPACKED_BYTES:
        raise BadUpload(f"“{upload.name}” giải nén ra quá lớn (tối đa {_size(MAX_UNPACKED_BYTES)}).")
    found = []
    for info in entries:
        if info.flag_bits & 0x1:
            raise BadUpload(f"“{upload.name}” có mật khẩu: hãy nén lại không đặt mật khẩu.")
        if info.file_size > MAX_PAGE_BYTES:  # not an article: its row says so, unread
            found.append((info.filename, None))
            continue
        try:
            found.append((info.filename, archive.read(info)))
        except (zipfile.BadZipFile, OSError, NotImplementedError):
            raise BadUpload(f"“{upload.name}”: tệp “{info.filename}” bên trong bị hỏng.") from None
    if not found:
        raise BadUpload(f"“{upload.name}” không chứa tệp .txt hay .html nào.")
    return found


def extraction_of(row: ImportFile) -> importer.Extraction:
    """What the row's text says, with the administrator's correction of the meeting's kind."""
    found = importer.extract_html(row.text) if row.is_page else importer.extract(row.text)
    if row.meeting_type:
        found.meeting_type = row.meeting_type
    return found


def describe(extraction: importer.Extraction, *, units: importer.UnitIndex) -> dict:
    """The facts of a dry run, as the page and the review queue show them (no database write)."""
    facts = extraction.as_expected()
    facts["missing"] = extraction.missing()
    facts["period_label"] = extraction.period.label if extraction.period else ""
    facts["unit_id"], facts["unit_label"] = None, ""
    name = extraction.organizing_unit
    on = extraction.meeting_date or (extraction.published.date() if extraction.published else None)
    if name:
        text = _article_text(extraction)
        unit = units.match(name, text=text, on=on)
        if unit is not None:
            facts["unit_id"], facts["unit_label"] = unit.pk, unit.name
        else:
            parent = _named_parent(name, units=units, text=text, on=on)
            facts["unit_label"] = f"Đề xuất đơn vị mới “{name}”" + (f" thuộc “{parent.name}”" if parent else "")
    return facts


def read_into(batch: ImportBatch | None, name: str, data: bytes | None, *, units, by=None) -> ImportFile:
    """A row of `batch` for one uploaded file: its text and what a dry run reads from it (or why it cannot)."""
    row = ImportFile(
        batch=batch, name=name[-255:], is_page=PurePosixPath(name).suffix.lower() != ".txt", created_by=by
    )
    try:
        if data is None:
            raise importer.UnreadableFile(f"Tệp quá lớn (tối đa {_size(MAX_PAGE_BYTES)}): không giống một bài viết.")
        row.text = decode(data, limit=MAX_PAGE_BYTES if row.is_page else MAX_TEXT_BYTES)
        extraction = extraction_of(row)
    except importer.UnreadableFile as error:
        row.state, row.message = ImportFile.State.FAILED, str(error)
    else:
        row.import_key = extraction.import_key
        row.facts = describe(extraction, units=units)
    row.save()
    return row


@transaction.atomic
def read_batch(files: list[tuple[str, bytes | None]], *, by) -> ImportBatch:
    """A batch of the "Nhập bài cũ" page from the unpacked upload: every file read, nothing imported yet."""
    batch = ImportBatch.objects.create(created_by=by, total=len(files))
    units = importer.UnitIndex()
    for name, data in files:
        read_into(batch, name, data, units=units, by=by)
    return batch


def queue_for_unit(*, name: str, text: str, is_page: bool, extraction, by=None, units=None) -> ImportFile:
    """Keep a file whose host unit is unknown in the review queue (once, however often it is imported)."""
    row = ImportFile.objects.waiting_for_unit().filter(import_key=extraction.import_key).first() or ImportFile(
        name=name[-255:], text=text, is_page=is_page, import_key=extraction.import_key, created_by=by
    )
    row.state = ImportFile.State.WAITING_UNIT
    row.facts = describe(extraction, units=units or importer.UnitIndex())
    row.message = "Không xác định được đơn vị tổ chức: quản trị viên chọn đơn vị thì bài mới được tạo (bản nháp)."
    row.save()
    return row


class NotYourUnit(importer.CannotImport):
    pass


def import_row(row: ImportFile, *, units=None, by=None) -> ImportFile:
    """Import one kept file (the unit and kind as corrected): an article as a draft, the review queue when no unit
    is known, or the reason it failed. Someone who is not a superuser imports only into units he manages."""
    try:
        with transaction.atomic():
            result = importer.import_extraction(extraction_of(row), unit=row.unit, units=units)
            if by is not None and not Organization.objects.editable_by(by).filter(pk=result.unit.pk).exists():
                raise NotYourUnit(
                    f"Đơn vị “{result.unit.name}” không thuộc các đơn vị bạn quản lý: hãy chọn đơn vị khác."
                )
    except importer.UnitUnknown:
        row.state = ImportFile.State.WAITING_UNIT
        row.message = "Không xác định được đơn vị tổ chức: bài chờ quản trị viên chọn đơn vị (“Cần xác nhận đơn vị”)."
    except importer.CannotImport as error:
        row.state, row.message = ImportFile.State.FAILED, str(error)
    else:
        row.state = ImportFile.State.KEPT if result.action == "conflict" else ImportFile.State.IMPORTED
        row.article, row.unit = result.article, row.unit or result.unit
        row.facts = {**row.facts, "action": result.action}
        row.message = "\n".join(result.notes)
    row.save()
    return row


def run_batch(batch: ImportBatch) -> ImportBatch:
    """Import the batch's rows one by one, the progress saved after each (the page reads it)."""
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING)
    units = importer.UnitIndex()
    waiting = batch.files.filter(state=ImportFile.State.READ)
    done = batch.total - waiting.count()
    try:
        for row in waiting.select_related("unit"):
            import_row(row, units=units, by=batch.created_by)
            done += 1
            ImportBatch.objects.filter(pk=batch.pk).update(done=done)
    except Exception as error:  # the page says the batch stopped and why; the rows done stay done
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.FAILED, error=f"{type(error).__name__}: {error}", finished_at=timezone.now()
        )
        raise
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.DONE, finished_at=timezone.now())
    batch.refresh_from_db()
    return batch


def report(batch: ImportBatch) -> dict:
    """How many rows ended in each state, and the articles created or updated."""
    counts = {state: 0 for state in ImportFile.State.values}
    for row in batch.files.only("state"):
        counts[row.state] += 1
    return counts
