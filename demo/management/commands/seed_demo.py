import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Article, ArticlePhoto, Photo
from comments.models import Comment
from demo import data
from demo.builders import build, comments
from organizations.models import Meeting, MeetingParticipant, Membership, Organization, Person, Position, Term

COUNTED = {
    "đơn vị": Organization,
    "nhiệm kỳ": Term,
    "nhân sự": Person,
    "chức vụ": Position,
    "đảng viên sinh hoạt": Membership,
    "hội nghị": Meeting,
    "người dự hội nghị": MeetingParticipant,
    "bài viết": Article,
    "ảnh": Photo,
    "ảnh trong bài": ArticlePhoto,
    "bình luận": Comment,
}


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu: cây tổ chức Đảng của một tỉnh (cả đợt sắp xếp năm 2025), nhân sự, chức vụ, đảng viên, "
        "hội nghị và tin bài có ảnh. Chạy lại không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="Không làm gì nếu đã có bất kỳ tổ chức nào.")
        parser.add_argument("--size", type=int, default=1, help="Hệ số nhân số hội nghị và tin bài (mặc định 1).")
        parser.add_argument(
            "--seed", type=int, default=2025, help="Hạt giống ngẫu nhiên; cùng hạt giống, cùng dữ liệu."
        )

    def handle(self, *args, if_empty, size, seed, **options):
        if size < 1:
            raise CommandError("--size phải là số nguyên dương.")
        if if_empty and Organization.objects.exists():
            self.stdout.write("Cơ sở dữ liệu đã có tổ chức: bỏ qua, không tạo dữ liệu mẫu.")
            return
        if Organization.objects.filter(slug=data.ROOT_SLUG).exists():
            self.stdout.write(f"Dữ liệu mẫu “{data.ROOT['name']}” đã có: không tạo thêm gì.")
            return
        started = time.monotonic()
        before = {label: model.objects.count() for label, model in COUNTED.items()}
        with transaction.atomic():
            build(seed=seed, size=size, say=self.stdout.write)
            comments.build(seed=seed)
        made = ", ".join(f"{model.objects.count() - before[label]} {label}" for label, model in COUNTED.items())
        self.stdout.write(
            self.style.SUCCESS(f"Đã tạo dữ liệu mẫu trong {time.monotonic() - started:.1f} giây: {made}.")
        )
