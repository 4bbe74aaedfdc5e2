"""Build a believable demo province: its Party organization tree with the 2025 reorganization, terms, people and
their positions, Party members, meetings and the articles that report them, with photos drawn on the spot."""

from demo.builders import documents, meetings, people, photos, reporting, tree, writing
from demo.builders.context import Demo


def build(*, seed, size, say):
    demo = Demo(seed=seed, size=size)
    say("1/7. Cây tổ chức: tỉnh, khối, huyện, cơ sở, chi bộ, đoàn thể...")
    tree.build(demo)
    people.build_terms(demo)
    say(f"     {len(demo.units)} đơn vị, {sum(len(t) for t in demo.terms.values())} nhiệm kỳ.")
    say("2/7. Nhân sự và chức vụ (Đảng, chính quyền, đoàn thể)...")
    people.staff(demo)
    say("3/7. Đảng viên sinh hoạt tại các chi bộ, kết nạp và chuyển sinh hoạt...")
    people.build_members(demo)
    say("4/7. Sắp xếp tổ chức năm 2025: hợp nhất khối, sáp nhập sở, kết thúc cấp huyện...")
    tree.reorganize(demo)
    people.set_contacts(demo)
    say(f"     {len(demo.units)} đơn vị, {len(demo.names)} nhân sự.")
    say("5/7. Vẽ ảnh minh họa...")
    photos.draw(demo)
    say("6/7. Hội nghị và tin bài tường thuật...")
    writing.make_categories_and_tags(demo)
    plans = meetings.plan_meetings(demo)
    for plan in plans:
        meetings.report(demo, plan)
    held_back = reporting.hold_reviews(demo)
    say(f"     {len(plans) + len(held_back)} hội nghị.")
    say("7/7. Tin hoạt động, đoàn thể; bài chờ duyệt...")
    writing.write_news(demo)
    writing.save_links(demo)
    writing.hold_back_some(demo)
    writing.feature_some()
    writing.save_site_settings()
    say(f"     {documents.build(demo)} văn bản (có bài viết trích dẫn), lịch công tác các tuần quanh hôm nay.")
    say("Quy định hội nghị, thang và kết quả xếp loại 2016-2025...")
    reporting.build(demo, held_back=held_back)
