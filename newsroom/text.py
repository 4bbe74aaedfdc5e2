"""Vietnamese text: Unicode form, tone placement, search keys, unit-name keys, slugs and name sorting."""

import re
import unicodedata
from html import escape

# huyền, hỏi, ngã, sắc, nặng: the order in which tones break ties when sorting
TONES = "\u0300\u0309\u0303\u0301\u0323"
ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy" + "fjwz0123456789"
LETTER_CODES = {letter: str(code) for code, letter in enumerate(ALPHABET, start=10)}
WORD = re.compile(r"[^\W\d_]{2,}")


def phrases(table: str) -> frozenset[str]:
    """The comma-separated phrases of `table`: a word list written as text, wrapped wherever reads best."""
    return frozenset(phrase.strip() for phrase in table.split(",") if phrase.strip())


def nfc(value: str | None) -> str | None:
    return None if value is None else unicodedata.normalize("NFC", value)


def _move_tone(match: re.Match) -> str:
    word = match.group()
    first, second = (unicodedata.normalize("NFD", letter) for letter in word[-2:])
    if (
        (first + second[0]).lower() in ("oa", "oe", "uy")
        and len(first) == 1
        and len(second) == 2
        and second[1] in TONES
        and word[-3:-2].lower() != "q"
    ):
        return word[:-2] + unicodedata.normalize("NFC", first + second[1]) + second[0]
    return word


def normalize_tone(value: str) -> str:
    """NFC, with the tone of a final oa/oe/uy on its first vowel: "uỷ" -> "ủy", "khoá" -> "khóa"."""
    return WORD.sub(_move_tone, nfc(value))


def fold(value: str) -> str:
    """Search key without case or diacritics: "Hội nghị  Tỉnh uỷ" -> "hoi nghi tinh uy"."""
    decomposed = unicodedata.normalize("NFD", value.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.replace("đ", "d").split())


def tone_key(value: str) -> str:
    """Key ignoring case, tone placement, Unicode form and spacing, but not diacritics."""
    return " ".join(nfc(normalize_tone(value).casefold()).split())


# Abbreviations in unit names, written out (after folding): "Sở TN&MT" is "Sở Tài nguyên và Môi trường".
UNIT_ABBREVIATIONS = [
    (r"tn ?& ?mt|tnmt", "tai nguyen moi truong"),
    (r"nn ?& ?ptnt|nnptnt", "nong nghiep phat trien nong thon"),
    (r"nn ?& ?mt|nnmt", "nong nghiep moi truong"),
    (r"vh ?, ?tt ?& ?dl|vh ?- ?tt ?- ?dl|vhttdl", "van hoa the thao du lich"),
    (r"gd ?& ?dt|gddt", "giao duc dao tao"),
    (r"kh ?& ?dt|khdt", "ke hoach dau tu"),
    (r"ld ?- ?tb ?& ?xh|ldtbxh", "lao dong thuong binh xa hoi"),
    (r"tt ?& ?tt|tttt", "thong tin truyen thong"),
    (r"kh ?& ?cn|khcn", "khoa hoc cong nghe"),
    (r"gtvt", "giao thong van tai"),
    (r"ubnd", "uy ban nhan dan"),
    (r"hdnd", "hoi dong nhan dan"),
    (r"ubkt", "uy ban kiem tra"),
    (r"mttq", "mat tran to quoc"),
    (r"bch", "ban chap hanh"),
    (r"btv", "ban thuong vu"),
    (r"ccq", "cac co quan"),
    (r"ccb", "cuu chien binh"),
    (r"lhpn", "lien hiep phu nu"),
    (r"thpt", "trung hoc pho thong"),
    (r"thcs", "trung hoc co so"),
    (r"dn", "doanh nghiep"),
    (r"cq", "co quan"),
    (r"vp", "van phong"),
    (r"tp", "thanh pho"),
    (r"tn", "thanh nien"),
    # the committee stands for its organization: "Đảng ủy X" is "Đảng bộ X", "Tỉnh ủy" is "Đảng bộ tỉnh"
    (r"dang uy", "dang bo"),
    (r"chi uy", "chi bo"),
    (r"tinh uy", "dang bo tinh"),
    (r"huyen uy", "dang bo huyen"),
    (r"thanh uy", "dang bo thanh pho"),
    (r"thi uy", "dang bo thi xa"),
    (r"quan uy", "dang bo quan"),
]
UNIT_ABBREVIATION_PATTERN = re.compile(r"\b(?:" + "|".join(f"({a})" for a, _ in UNIT_ABBREVIATIONS) + r")(?![\w&])")


def _expand_unit_abbreviation(match):
    return UNIT_ABBREVIATIONS[match.lastindex - 1][1]


def unit_name_key(name: str) -> str:
    """A key under which the names of one unit agree: no case or diacritics, abbreviations written out, "Đảng ủy"
    read as "Đảng bộ", punctuation and "và" ignored: "Đảng uỷ Sở TN&MT" = "Đảng bộ Sở Tài nguyên và Môi trường"."""
    key = UNIT_ABBREVIATION_PATTERN.sub(_expand_unit_abbreviation, fold(name or ""))
    return " ".join(word for word in re.findall(r"[a-z0-9]+", key) if word != "va")


def slugify_vi(value: str, max_length: int = 200) -> str:
    ascii_text = unicodedata.normalize("NFKD", fold(value or "")).encode("ascii", "ignore").decode()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_text))
    if len(slug) > max_length:
        cut = slug.rfind("-", 0, max_length + 1)
        slug = slug[:cut] if cut > 0 else slug[:max_length]
    return slug


def _encode_letter(char: str) -> tuple[str, str]:
    parts = unicodedata.normalize("NFD", char)
    tone = next((TONES.index(mark) + 1 for mark in parts if mark in TONES), 0)
    letter = unicodedata.normalize("NFC", "".join(mark for mark in parts if mark not in TONES))
    return LETTER_CODES.get(letter) or LETTER_CODES.get(parts[0], "99"), str(tone)


def given_name_sort_key(full_name: str) -> str:
    """Digits-only key ordering names as Vietnamese lists do: given name, then family and middle names.

    Words are taken given name first, then the others from the first on. Each letter is two digits
    in Vietnamese order (a=10, ă=11, â=12, b=13 ... y=38, then f j w z and 0-9, anything else 99),
    each word ends with "00" so "An" < "Anh". Then "0" and one tone digit per letter (0 none,
    1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng) break ties. Cut to 255 digits, which keeps the order.
    """
    words = normalize_tone(full_name).casefold().split()
    letters, tones = "", ""
    for word in words[-1:] + words[:-1]:
        for char in word:
            code, tone = _encode_letter(char)
            letters += code
            tones += tone
        letters += "00"
    return (letters + "0" + tones)[:255]


SEARCH_WORD = re.compile(r"[^\W_]+")


def search_words(value: str) -> list[str]:
    """The words of `value` as the search indexes hold them: "Hội nghị sơ-kết!" -> ["hoi", "nghi", "so", "ket"]."""
    return SEARCH_WORD.findall(fold(value or ""))


class _FoldTable(dict):
    """str.translate's table folding each character to one: "Ộ" -> "o", "Đ" -> "d"; filled as characters come."""

    def __missing__(self, code):
        base = unicodedata.normalize("NFD", chr(code).lower())[:1] or chr(code)
        self[code] = "d" if base == "đ" else base
        return self[code]


FOLD_TABLE = _FoldTable()


def _matched_runs(folded: str, terms: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, words) of each run of `folded` that spells neighbouring words of the query `terms`.

    A run is two words or more ("hội nghị" of "hoi nghi so ket", not the "hội" of "đại hội"); one word alone
    only when the query has just that word, or when it is a number ("2021" of "so ket 6 thang 2021")."""
    runs = {
        tuple(terms[first:last])
        for first in range(len(terms))
        for last in range(first + 1, len(terms) + 1)
        if last - first > 1 or len(set(terms)) == 1 or terms[first].isdigit()
    }
    if not runs:
        return []
    longest_first = sorted(runs, key=len, reverse=True)
    pattern = r"(?<![^\W_])(?:" + "|".join(r"\s+".join(map(re.escape, run)) for run in longest_first) + r")(?![^\W_])"
    return [(m.start(), m.end(), len(m.group().split())) for m in re.finditer(pattern, folded)]


def highlight(text: str, query: str, *, length: int = 240) -> str:
    """An HTML-escaped excerpt of `text` around the longest run of the query's words in it, each run in <mark>.

    Matching ignores case, diacritics and tone placement, so "hoi nghi" marks "Hội nghị"; only whole words
    of the query that stand together are marked (see _matched_runs), never a loose syllable of another word.
    """
    text = nfc(text or "")
    folded = text.translate(FOLD_TABLE)  # one character for each character of `text`
    runs = _matched_runs(folded, search_words(query))
    best = max(runs, key=lambda run: run[2], default=None)
    start = max(0, (best[0] if best else 0) - length // 4)
    if start:
        start = text.find(" ", start) + 1 or start
    keep = best[1] if best else start  # the excerpt ends at a space, after the run it shows
    end = min(len(text), max(start + length, keep))
    if end < len(text):
        cut = text.rfind(" ", keep, end)
        end = cut if cut > start else end
    pieces, cursor = [], start
    for run_start, run_end, _ in runs:
        if run_start < cursor or run_end > end:
            continue
        pieces += [escape(text[cursor:run_start]), "<mark>", escape(text[run_start:run_end]), "</mark>"]
        cursor = run_end
    pieces.append(escape(text[cursor:end]))
    return ("… " if start else "") + "".join(pieces).strip() + (" …" if end < len(text) else "")
