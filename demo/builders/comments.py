"""Readers' comments on the newest articles: approved ones show, pending ones wait in the approvers' queue,
rejected ones stay hidden; a few banned words, and one article with comments turned off."""

import random
from datetime import timedelta

from django.utils import timezone

from articles.models import Article
from comments.models import BannedWord, Closure, Comment
from organizations.models import Meeting

READERS = [
    ("Nguyễn Văn Hùng", "hungnv"),
    ("Trần Thị Mai", "maitt"),
    ("Lê Minh Tuấn", "tuanlm"),
    ("Phạm Thu Hà", "hapt"),
    ("Hoàng Đức Thắng", "thanghd"),
    ("Võ Thị Lan", "lanvt"),
    ("Đặng Quốc Bảo", "baodq"),
    ("Bùi Thanh Hương", "huongbt"),
]
APPROVED = [
    "Hội nghị tổ chức chu đáo, các chỉ tiêu đề ra sát với thực tế của đơn vị.",
    "Mong chi bộ tiếp tục đổi mới nội dung sinh hoạt để đảng viên trẻ tham gia nhiều hơn.",
    "Xin chúc mừng các đồng chí được khen thưởng. Đề nghị đăng thêm danh sách chi bộ hoàn thành xuất sắc.",
    "Bài viết đầy đủ, dễ theo dõi. Cảm ơn phóng viên.",
    "Nhiệm vụ 6 tháng cuối năm rất cụ thể, hy vọng đơn vị hoàn thành tốt.",
    "Đề nghị Ban biên tập đăng toàn văn báo cáo để đảng viên nghiên cứu.",
]
PENDING = [
    "Cho hỏi thời gian tổ chức lớp bồi dưỡng nhận thức về Đảng đợt tới?",
    "Ảnh thứ hai chú thích chưa đúng tên đồng chí phát biểu, đề nghị kiểm tra lại.",
    "Mong có thêm tin về hoạt động của Đoàn Thanh niên ở cơ sở.",
]
REJECTED = [
    "Kiếm tiền online nhanh, liên hệ ngay trang web của chúng tôi!!!",
    "Bình luận không liên quan đến nội dung bài viết.",
]
BANNED = ["lừa đảo", "cờ bạc", "kiếm tiền online"]


def build(*, seed):
    rng = random.Random(seed)
    for word in BANNED:
        BannedWord.objects.get_or_create(word=word)
    published = Article.objects.published().order_by("-published_at")
    newest = list(published[:12])
    per_kind = [published.filter(meeting__kind=kind).first() for kind in Meeting.Kind.values]
    articles = list(dict.fromkeys(a for a in [*newest, *per_kind] if a is not None))
    comments, now = [], timezone.now()
    for number, article in enumerate(articles):
        texts = [(Comment.Status.APPROVED, t) for t in rng.sample(APPROVED, rng.randint(1, 3))]
        texts += [(Comment.Status.PENDING, t) for t in rng.sample(PENDING, rng.randint(0, 2))]
        if number % 3 == 0:
            texts.append((Comment.Status.REJECTED, rng.choice(REJECTED)))
        for status, text in texts:
            name, login = rng.choice(READERS)
            sent = min(article.published_at + timedelta(minutes=rng.randint(20, 60 * 24 * 3)), now)
            comments.append(
                Comment(
                    article=article,
                    name=name,
                    email=f"{login}{rng.randint(1, 99)}@example.vn",
                    ip_address=f"203.0.113.{rng.randint(1, 254)}",
                    text=text,
                    status=status,
                    created_at=sent,
                    moderated_at=None if status == Comment.Status.PENDING else sent + timedelta(hours=2),
                )
            )
    Comment.objects.bulk_create(comments)
    if len(newest) > 1:
        Closure.objects.get_or_create(article=newest[-1])
    return len(comments)
