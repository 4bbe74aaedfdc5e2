"""`manage.py import_articles`: bring legacy articles in, or measure the extractor with --evaluate."""

import argparse
import json
import multiprocessing
import time
from collections import Counter
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, OperationalError, connection, connections

from articles import importer
from articles.importer.jobs import read_all
from articles.imports import queue_for_unit
from articles.models import Article, Category
from articles.tasks import import_article_file
from articles.workflow import APPROVE_PERMISSION
from organizations.models import Organization

ACTIONS = {"created": "nhập mới", "updated": "cập nhật", "unchanged": "không đổi", "conflict": "giữ nguyên"}
DRY_RUN_ACTIONS = {
    "created": "sẽ nhập mới",
    "updated": "sẽ cập nhật",
    "unchanged": "không đổi",
    "conflict": "giữ nguyên",
}


_COMMAND = None  # the command whose options a process of --jobs imports with (inherited when it forks)


def _import_in_process(path):
    try:
        extraction = _COMMAND.read(path)
    except Exception as error:
        extraction = error
    return _COMMAND.import_file(path, extraction)


def positive(value):
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"cần một số nguyên dương, không phải “{value}”")
    return number


class Command(BaseCommand):
    help = (
        "Nhập bài viết cũ (.txt, .html): tiêu đề, thời gian đăng, nội dung, chú thích ảnh, tác giả, cùng hội nghị, "
        "đơn vị tổ chức, kỳ báo cáo và người dự. Nhập lại cùng tệp thì cập nhật, không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH", help="Tệp .txt/.html hoặc thư mục chứa chúng.")
        parser.add_argument("--dry-run", action="store_true", help="Chạy thử: cho biết sẽ làm gì, không ghi gì.")
        parser.add_argument("--unit", metavar="SLUG", help="Đăng mọi bài vào đơn vị này thay vì đơn vị đọc được.")
        parser.add_argument("--category", metavar="SLUG", help="Chuyên mục cho mọi bài.")
        parser.add_argument(
            "--status",
            choices=[Article.Status.DRAFT, Article.Status.PUBLISHED],
            help="Trạng thái của bài nhập mới (mặc định: nháp); bài đã có giữ trạng thái của quy trình duyệt.",
        )
        parser.add_argument(
            "--by",
            metavar="USERNAME",
            help="Tài khoản người duyệt đăng các bài mới khi dùng --status published (ghi vào nhật ký duyệt bài).",
        )
        parser.add_argument(
            "--jobs",
            type=positive,
            default=1,
            metavar="N",
            help="Đọc và nhập bằng N tiến trình song song (mặc định 1); với SQLite hay --dry-run chỉ đọc song song.",
        )
        parser.add_argument("--report", metavar="FILE.json", help="Ghi kết quả đọc từng tệp ra tệp JSON.")
        parser.add_argument(
            "--background",
            action="store_true",
            help="Không nhập ngay: xếp mỗi tệp thành một tác vụ nền cho tiến trình db_worker, in mã các tác vụ.",
        )
        parser.add_argument(
            "--evaluate", metavar="DIR", help="Đo độ chính xác trên bộ bài đã gán nhãn (không ghi gì)."
        )
        parser.add_argument(
            "--expected", metavar="FILE", help="Tệp nhãn cho --evaluate (mặc định: DIR/expected.json)."
        )
        parser.add_argument(
            "--verbose", action="store_true", help="Với --evaluate: in mọi chỗ sai (nhãn và giá trị đọc được)."
        )

    def handle(self, *args, paths, evaluate, expected, report, verbose, **options):
        self.verbosity = 2 if verbose else options["verbosity"]
        if evaluate:
            return self.evaluate(Path(evaluate), Path(expected) if expected else None, report)
        if not paths:
            raise CommandError("Hãy chỉ ra ít nhất một tệp hoặc thư mục cần nhập.")
        unit = self.find(Organization, options["unit"], "đơn vị")
        category = self.find(Category, options["category"], "chuyên mục")
        approver = self.approver(options["by"]) if options["status"] == Article.Status.PUBLISHED else None
        if options["background"]:
            if options["dry_run"] or report:
                raise CommandError("--background không dùng cùng --dry-run hay --report: tác vụ nền ghi thật.")
            return self.enqueue(paths, unit=unit, category=category, status=options["status"], by=approver)
        self.run_import(
            paths,
            unit=unit,
            category=category,
            status=options["status"],
            by=approver,
            dry_run=options["dry_run"],
            report=report,
            jobs=options["jobs"],
        )

    def approver(self, username):
        if not username:
            raise CommandError("Đăng bài khi nhập phải qua người duyệt: thêm --by TÊN_ĐĂNG_NHẬP của người duyệt.")
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Không có tài khoản “{username}” đang hoạt động.")
        if not user.has_perm(APPROVE_PERMISSION):
            raise CommandError(f"Tài khoản “{username}” không có quyền duyệt đăng bài.")
        return user

    def find(self, model, slug, label):
        if not slug:
            return None
        try:
            return model.objects.get(slug=slug)
        except model.DoesNotExist:
            raise CommandError(f"Không có {label} với đường dẫn “{slug}”.") from None

    # --- Import ---

    def run_import(self, paths, *, unit, category, status, by, dry_run, report, jobs=1):
        started = time.monotonic()
        files, missing = importer.collect_paths(paths)
        counts = Counter()
        unknown = Counter()
        rows = []
        for path in missing:
            counts["failed"] += 1
            self.stdout.write(self.style.ERROR(f"✗ {path}: không tìm thấy tệp hoặc thư mục."))
        self.options = {"unit": unit, "category": category, "status": status, "by": by, "dry_run": dry_run}
        self.units = None
        # Writers side by side need PostgreSQL (SQLite takes one writer at a time); a dry run's proposals, rolled
        # back, would be made again and again: then only the reading is shared out
        if jobs > 1 and not dry_run and connection.vendor == "postgresql":
            outcomes = self.in_processes(files, jobs)
        else:
            readings = read_all(files, jobs=jobs, read=self.read)
            outcomes = ((path, self.import_file(path, extraction)) for path, extraction in readings)
        for number, (path, (outcome, text, missing_facts, row)) in enumerate(outcomes, start=1):
            self.progress(number - 1, len(files), path.name)
            counts[outcome] += 1
            unknown.update(missing_facts)
            if row:
                rows.append(row)
            self.say(text)
        self.progress(len(files), len(files), "")
        self.summary(counts, unknown, len(files) + len(missing), time.monotonic() - started, dry_run)
        if report:
            self.write_report(report, rows)

    def import_file(self, path, extraction):
        """(outcome, what to print, facts not found, row of the report) for one file read as `extraction` (or the
        exception reading it raised)."""
        if self.units is None:
            self.units = importer.UnitIndex()
            self.fast_commits()
        prefix = "[chạy thử] " if self.options["dry_run"] else ""
        try:
            if isinstance(extraction, Exception):
                raise extraction
            result = self.write(extraction)
        except importer.UnitUnknown:
            return "queued", self.style.WARNING(self.queue(path, extraction, dry_run=bool(prefix))), [], None
        except (importer.UnreadableFile, importer.CannotImport) as error:
            self.units = None  # it may have proposed a unit before failing: that was rolled back
            return "failed", self.style.ERROR(f"✗ {path.name}: {error}"), [], None
        except Exception as error:  # one broken file must not stop the batch
            self.units = None
            text = f"✗ {path.name}: lỗi không mong đợi ({type(error).__name__}: {error})."
            return "failed", self.style.ERROR(text), [], None
        if prefix and result.proposed_unit is not None:
            self.units = None  # the proposal was rolled back
        outcome = "skipped" if result.action == "unchanged" else result.action
        return (
            outcome,
            self.describe(prefix, path, extraction, result),
            extraction.missing(),
            extraction.as_expected(path.name),
        )

    def write(self, extraction, attempts=3):
        """import_extraction(); imports running side by side may both take a name (a slug, a term) at once: the
        one that loses is rolled back whole and tried again."""
        for attempt in range(attempts):
            try:
                return importer.import_extraction(extraction, units=self.units, **self.options)
            except (IntegrityError, OperationalError):
                self.units = importer.UnitIndex()
                if attempt == attempts - 1:
                    raise
        return None

    def in_processes(self, files, jobs):
        """Read and import in `jobs` processes, each with its own database connection; the outcomes in order."""
        global _COMMAND
        _COMMAND = self
        connections.close_all()  # why: the processes must not share this one's connection
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            yield from zip(files, pool.imap(_import_in_process, files, chunksize=4), strict=True)

    def queue(self, path, extraction, *, dry_run):
        """A file without a host unit waits in the review queue of the admin, with what was read from it."""
        if dry_run:
            return (
                f"? [chạy thử] {path.name}: không xác định được đơn vị tổ chức: sẽ vào hàng chờ “Cần xác nhận đơn vị”."
            )
        text = importer.read_file(path)
        queue_for_unit(
            name=path.name, text=text, is_page=importer.is_page(path), extraction=extraction, units=self.units
        )
        return (
            f"? {path.name}: không xác định được đơn vị tổ chức: đã đưa vào hàng chờ “Cần xác nhận đơn vị” "
            "(trang quản trị), chưa hiện ra ngoài; hoặc nhập lại với --unit."
        )

    def fast_commits(self):
        """PostgreSQL: commits do not wait for the disk. A crash may lose the last second of imports, never mix
        them up; importing again brings them back (a file already imported is not imported twice)."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO off")

    def read(self, path):
        return importer.read_extraction(path)

    def enqueue(self, paths, *, unit, category, status, by):
        files, missing = importer.collect_paths(paths)
        for path in missing:
            self.stdout.write(self.style.ERROR(f"✗ {path}: không tìm thấy tệp hoặc thư mục."))
        for path in files:
            result = import_article_file.enqueue(
                str(path.resolve()),
                unit_id=unit and unit.pk,
                category_id=category and category.pk,
                status=status,
                by_id=by and by.pk,
            )
            self.stdout.write(f"→ {path.name}: tác vụ {result.id}")
        self.stdout.write(
            f"Đã xếp {len(files)} tệp vào hàng đợi ({len(missing)} không tìm thấy). Kết quả từng tệp: trang quản trị, "
            "mục “Tác vụ nền”."
        )

    def describe(self, prefix, path, extraction, result):
        verb = DRY_RUN_ACTIONS if prefix else ACTIONS
        meeting = result.meeting
        facts = [result.unit.name]
        if meeting is not None:
            facts.append(meeting.get_kind_display())
            if meeting.held_on:
                facts.append(meeting.held_on.strftime("%d/%m/%Y"))
        if extraction.period:
            facts.append(f"kỳ {extraction.period.label}")
        if extraction.people:
            facts.append(f"{len(extraction.people)} người")
        if extraction.captions:
            facts.append(f"{len(extraction.captions)} chú thích ảnh")
        style = {"unchanged": str, "conflict": self.style.WARNING}.get(result.action, self.style.SUCCESS)
        lines = [
            style(f"✓ {prefix}{verb[result.action]}: {path.name} → “{result.article.title}” ({'; '.join(facts)})")
        ]
        lines += [f"    · {note}" for note in result.notes]
        return "\n".join(lines)

    def summary(self, counts, unknown, total, seconds, dry_run):
        self.stdout.write(
            f"Tổng cộng {total} tệp: nhập mới {counts['created']}, cập nhật {counts['updated']}, "
            f"bỏ qua {counts['skipped']} (không đổi), lỗi {counts['failed']} — {seconds:.1f} giây."
        )
        if counts["queued"]:
            self.stdout.write(
                self.style.WARNING(
                    f"{counts['queued']} tệp chưa rõ đơn vị tổ chức: "
                    + ("sẽ vào" if dry_run else "đã vào")
                    + " hàng chờ “Cần xác nhận đơn vị” của trang quản trị."
                )
            )
        if counts["conflict"]:
            self.stdout.write(
                self.style.WARNING(
                    f"Giữ nguyên {counts['conflict']} bài đã được sửa trên hệ thống sau lần nhập trước (không ghi đè)."
                )
            )
        if unknown:
            listed = ", ".join(f"{label} ({count} tệp)" for label, count in unknown.most_common())
            self.stdout.write(f"Không xác định được: {listed}.")
        if dry_run:
            self.stdout.write(self.style.WARNING("Chạy thử: không ghi gì vào cơ sở dữ liệu."))

    def say(self, text):
        if self.stderr.isatty():  # why: start the line where the progress bar was
            self.stderr.write("\r\033[K", ending="")
        self.stdout.write(text)

    def progress(self, done, total, name):
        if total < 2:
            return
        width = 30
        filled = width * done // total
        bar = "█" * filled + "░" * (width - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total} {name[:40]:<40}", ending="\n" if done == total else "")
        self.stderr.flush()

    def write_report(self, report, rows):
        Path(report).write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.stdout.write(f"Đã ghi kết quả đọc {len(rows)} tệp vào {report}.")

    # --- Evaluation ---

    def evaluate(self, directory, expected, report):
        expected = expected or directory / "expected.json"
        if not directory.is_dir():
            raise CommandError(f"Không có thư mục {directory}.")
        if not expected.is_file():
            raise CommandError(f"Không có tệp nhãn {expected}.")
        started = time.monotonic()
        scores, overall, rows, mismatches = importer.evaluate(directory, expected)
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Đánh giá {len(rows)} tệp trong {directory} với {expected.name} ({seconds:.2f} giây; "
            "trường trống ở cả nhãn lẫn kết quả không tính):"
        )
        for field in importer.FIELDS:
            self.stdout.write(f"  {field:<16} {scores[field]:.2f}")
        if self.verbosity >= 2:
            for file, field, found, wanted in mismatches:
                self.stdout.write(f"  ≠ {file} {field}:\n      nhãn      {wanted!r}\n      đọc được  {found!r}")
        if report:
            self.write_report(report, rows)
        self.stdout.write(f"overall: {overall:.2f}")
