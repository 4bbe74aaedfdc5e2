"""The usual title, tags and period of a report, from its unit, the meeting kind and the day it was held."""

from datetime import date

from newsroom.periods import Period

from .models import Meeting, Term

K = Meeting.Kind


def propose(unit, kind: str, on: date) -> dict:
    """What a report of a `kind` meeting of `unit` held on `on` is usually called and filed under."""
    year = on.year
    review_year = year - 1 if on.month <= 2 else year  # year-end reviews are held in December or January
    term = Term.objects.filter(organization=unit).containing(on).first()
    term_text = f"{term.start_year} - {term.end_year}" if term else ""
    name = unit.name
    proposals = {
        K.SO_KET_6_THANG: (
            f"{name} tổ chức Hội nghị sơ kết công tác Đảng 6 tháng đầu năm, "
            f"triển khai nhiệm vụ 6 tháng cuối năm {year}",
            ["Sơ kết", "Công tác Đảng"],
            Period.half(year, 1),
        ),
        K.SO_KET_9_THANG: (
            f"{name} sơ kết công tác Đảng 9 tháng đầu năm, triển khai nhiệm vụ quý IV năm {year}",
            ["Sơ kết", "Công tác Đảng"],
            Period.nine_months(year),
        ),
        K.TONG_KET_NAM: (
            f"{name} tổng kết công tác xây dựng Đảng năm {review_year}, triển khai nhiệm vụ năm {review_year + 1}",
            ["Tổng kết", "Công tác Đảng"],
            Period.year(review_year),
        ),
        K.SO_KET_GIUA_NHIEM_KY: (
            f"{name} sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội" + (f" nhiệm kỳ {term_text}" if term else ""),
            ["Sơ kết giữa nhiệm kỳ", "Nghị quyết"],
            Period.midterm(term.start_year, term.end_year) if term else None,
        ),
        K.HOC_TAP_QUAN_TRIET: (
            f"{name} tổ chức Hội nghị học tập, quán triệt, triển khai thực hiện Nghị quyết",
            ["Nghị quyết", "Học tập, quán triệt"],
            None,
        ),
        K.SINH_HOAT_CHUYEN_DE: (
            f"{name} sinh hoạt chuyên đề tháng {on.month}/{year}",
            ["Sinh hoạt chi bộ"],
            Period.month(year, on.month),
        ),
        K.DAI_HOI: (
            f"Đại hội đại biểu {name}"
            + (f" lần thứ {term.congress_number}" if term and term.congress_number else "")
            + (f", nhiệm kỳ {term_text}" if term else ""),
            ["Đại hội"],
            Period.term(term.start_year, term.end_year) if term else None,
        ),
        K.KET_NAP_DANG_VIEN: (f"{name} tổ chức Lễ kết nạp đảng viên mới", ["Kết nạp đảng viên"], None),
        K.TRAO_HUY_HIEU: (f"{name} tổ chức Lễ trao Huy hiệu Đảng", ["Huy hiệu Đảng"], None),
    }
    title, tags, period = proposals.get(kind, ("", [], None))
    return {"title": title, "tags": tags, "period": str(period) if period else ""}
