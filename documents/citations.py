"""Citations of documents in running text: "Chỉ thị số 05-CT/TW", "Quyết định số 89/QĐ-UBND ngày 20/01/2021",
"Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII"."""

import re
from dataclasses import dataclass
from datetime import date

from newsroom.text import fold, normalize_tone

# The printed name of each form (after normalize_tone), longest first so "Quyết định" is not read in "Quy định".
FORM_WORDS = {
    "Nghị quyết": "nghi_quyet",
    "Chỉ thị": "chi_thi",
    "Quyết định": "quyet_dinh",
    "Kết luận": "ket_luan",
    "Kế hoạch": "ke_hoach",
    "Hướng dẫn": "huong_dan",
    "Quy định": "quy_dinh",
    "Quy chế": "quy_che",
    "Đề án": "de_an",
    "Chương trình": "chuong_trinh",
    "Thông báo": "thong_bao",
    "Công văn": "cong_van",
    "Nghị định": "nghi_dinh",
    "Thông tư": "thong_tu",
}
ORDINALS = {
    "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15,
}  # fmt: skip

_FORMS = "|".join(sorted(map(re.escape, FORM_WORDS), key=len, reverse=True))
_SYMBOL = r"[A-ZĐ][A-ZĐ0-9&]*"
_NUMBER = rf"\d+[a-z]?(?:/\d{{4}})?[-/]{_SYMBOL}(?:[-/]{_SYMBOL})*"
_DATE = r"(?:\s*,?\s+ngày\s+(?:(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})))?"
NUMBERED = re.compile(rf"\b({_FORMS})\s+(?:số\s+)?({_NUMBER}){_DATE}", re.IGNORECASE)
_ORDINAL = "|".join(sorted(map(re.escape, ORDINALS), key=len, reverse=True))
_TERM = r"\(?\s*,?\s*khóa\s+([IVXL]+)\b(?:\s*\))?"
PLENUM = re.compile(
    r"\bNghị quyết\s+(?:"
    rf"(?:Hội nghị\s+)?Trung ương\s+(?:Đảng\s+)?(?:lần thứ\s+)?(\d{{1,2}}|{_ORDINAL})\s*,?\s*{_TERM}"
    rf"|Hội nghị\s+(?:lần thứ\s+)?(\d{{1,2}}|{_ORDINAL})\s+Ban Chấp hành\s+Trung ương(?:\s+Đảng)?\s*,?\s*{_TERM}"
    r")",
    re.IGNORECASE,
)


LEADING_ZEROS = re.compile(r"^0+(?=\d)")


@dataclass(frozen=True)
class Cited:
    text: str
    form: str
    number: str = ""
    issued_on: date | None = None
    plenum: int | None = None
    central_term: str = ""

    @property
    def key(self):
        if self.plenum:
            return plenum_key(self.plenum, self.central_term)
        return number_key(self.form, self.number)


def number_key(form, number):
    """The same number however it is typed: "05-CT/TW", "5-CT/TW", "05 - CT/TW" are one."""
    if not number:
        return ""
    compact = re.sub(r"\s+", "", fold(number)).upper()
    return f"{form}:{LEADING_ZEROS.sub('', compact)}"


def plenum_key(plenum, central_term):
    return f"nghi_quyet:tw{plenum}:{central_term.upper()}" if plenum and central_term else ""


def _ordinal(value):
    return int(value) if value.isdigit() else ORDINALS[value.lower()]


def _date(groups):
    day, month, year = groups[:3] if groups[0] else groups[3:]
    if not day:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_citations(text):
    """The documents `text` cites, each once (its first mention, or the first that prints its date).

    A citation does not run over a line: "Chỉ thị 05-CT/TW" ending a title is not dated by a lead "Ngày 20/1/2025"."""
    found = []
    for line in (text or "").splitlines():
        found += _cited_in(normalize_tone(" ".join(line.split())))
    chosen = {}
    for cited in found:
        if cited.key not in chosen or (cited.issued_on and not chosen[cited.key].issued_on):
            chosen[cited.key] = cited
    return list(chosen.values())


def _cited_in(line):
    found = []
    for match in NUMBERED.finditer(line):
        form_word = next(word for word in FORM_WORDS if word.lower() == match.group(1).lower())
        found.append(
            (
                match.start(),
                Cited(
                    text=match.group(0),
                    form=FORM_WORDS[form_word],
                    number=match.group(2),
                    issued_on=_date(match.groups()[2:]),
                ),
            )
        )
    for match in PLENUM.finditer(line):
        plenum = _ordinal(match.group(1) or match.group(3))
        term = (match.group(2) or match.group(4)).upper()
        found.append((match.start(), Cited(text=match.group(0), form="nghi_quyet", plenum=plenum, central_term=term)))
    return [cited for _start, cited in sorted(found, key=lambda pair: pair[0])]
