"""People named in an article with their titles as written, and who chaired the meeting.

Two word orders are read: name first ("Đồng chí Hoàng Thanh Oai - Tỉnh ủy viên – Bí thư Đảng ủy – Giám đốc Sở")
and titles first ("Phó bí thư Thường trực Tỉnh uỷ - Chủ tịch HĐND tỉnh Hồ Thị Hoàng Yến"). A name is a run of
capitalized words; without "đồng chí" before it, it must start with a Vietnamese family name and carry titles.
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from newsroom.text import phrases, tone_key

from .layout import SENTENCE_END

TOKEN = re.compile(r"[^\W_]+(?:[/&.'’][^\W_]+)*|[^\w\s]")
SEPARATORS = {",", "-", "–", "—"}
BOUNDARIES = {".", ";", ":", "!", "?", "(", ")", "“", "”", '"', "…", "[", "]"}

FAMILY_NAMES = set(
    """nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lưu tạ phùng trương đinh mai cao
    đào lâm hà trịnh đoàn lương tô thái chu tăng quách triệu kiều lại vương giang hứa la châu mạc thạch lò nông
    khổng âu lục từ tôn thân nghiêm phí doãn quan ninh kim diệp bạch đàm đồng lã lạc mã tiêu viên ông ưng cù hàn
    vi văn đường trình chung nhữ tống khúc khương lữ bế hầu lục lầu mè sầm sùng giàng hoàng cầm lò ma đới
    đàm tòng ksor siu rơ rah nay y h' điểu danh thạch trịnh lê vương hầu phó""".split()
)
# The family names of most Vietnamese, seldom the last word of a place name (unlike Giang, Hà, Lâm, Sơn ...).
COMMON_FAMILY_NAMES = frozenset("nguyễn trần lê phạm huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương".split())
ORGANIZATION_TAILS = frozenset({"thanh niên"})
# Words after "đồng chí" that begin a body, not a name: "5 đồng chí Ban Thường vụ".
BODY_WORDS = frozenset({"ban", "ủy", "uỷ", "sở", "phòng", "thường", "chi", "đảng", "tỉnh", "huyện", "hội"})
HONORIFICS = frozenset({"đồng chí", "đ/c", "ông", "bà"})
PLURAL_HONORIFICS = frozenset({"các đồng chí", "các đ/c"})
# How titles begin ("Phó" + any of these also begins one).
TITLE_HEADS = phrases(
    """
    bí thư, ủy viên, uv, tỉnh ủy viên, huyện ủy viên, thành ủy viên, thị ủy viên, quận ủy viên,
    đảng ủy viên, chi ủy viên, chủ tịch, giám đốc, tổng giám đốc, chánh văn phòng, chánh thanh tra,
    trưởng ban, trưởng phòng, trưởng, chủ nhiệm, tổng bí thư, thủ tướng, bộ trưởng, thứ trưởng,
    đại biểu quốc hội, hiệu trưởng, cục trưởng, chi cục trưởng, viện trưởng, chỉ huy trưởng,
    chính ủy, tư lệnh, trưởng công an, trưởng đoàn, kế toán trưởng, trưởng khoa, chánh án,
    tổng biên tập, thường trực, chuyên viên, đại tá, thượng tá, trung tá, thiếu tướng,
    trung tướng, giáo sư, tiến sĩ, chủ tịch công đoàn, ủy viên ban thường vụ, ủy viên ban chấp hành,
    bí thư chi bộ, bí thư đoàn, tổ trưởng, chi hội trưởng, trưởng thôn, trưởng ấp, bí thư đảng ủy
"""
)
TITLE_HEADS = frozenset(
    TITLE_HEADS | {f"phó {head}" for head in TITLE_HEADS} | {"phó", "báo cáo viên", "mẹ việt nam anh hùng"}
)
ANY_HONORIFIC = HONORIFICS | PLURAL_HONORIFICS
# Jobs and standings written in lower case in apposition to a name: "chuyên viên Phòng Quản lý đất đai".
OCCUPATIONS = phrases(
    """
    chuyên viên, sinh viên, giảng viên, giáo viên, học sinh, công chức, viên chức, nhân viên,
    kỹ sư, bác sĩ, báo cáo viên, thương binh, bệnh binh, thân nhân liệt sĩ, cựu chiến binh,
    phóng viên, biên tập viên, kiểm sát viên, thẩm phán, luật sư
"""
)
FORMER = frozenset({"nguyên"})
# Lowercase words that end a title: what a person does next in the sentence.
STOPS = phrases(
    """
    phát biểu, chủ trì, đồng chủ trì, nhấn mạnh, đánh giá, giới thiệu, thông tin, trình bày,
    báo cáo, kết luận, khai mạc, bế mạc, trao, tặng, đến dự, dự, tham dự, cho rằng, cho biết,
    đề nghị, yêu cầu, khẳng định, ghi nhận, biểu dương, chúc mừng, quán triệt, chỉ đạo,
    phát động, nêu, cảm ơn, chia sẻ, lưu ý, mong muốn, tiếp thu, được, đã, sẽ, đang,
    cùng, với, tại, làm, thay mặt, về, lên, gửi, tới, đến, nhận, có, trong, để, khi,
    là, cũng, lại, vừa, đồng thời, cho, tuyên bố, điều hành, thông qua, truyền đạt, đọc,
    công bố, nhất trí, kêu gọi, đề xuất, chỉ ra, phân tích, hoan nghênh, tham gia, dẫn đầu,
    làm việc, động viên, ôn lại, nói, trả lời, giải đáp, trực tiếp, thăm, nhắc nhở, căn dặn,
    trao tặng, gắn, kết nạp, theo, vào, từ, ngày, sáng, chiều, hội nghị, đại hội, chụp,
    cắt, bấm, nghe, quyết định, chuẩn y, bầu, tái đắc cử, đắc cử, được bầu, trúng cử,
    mong, tin tưởng, đặt, khen, chủ động, thực hiện, hướng dẫn, ký, xem, chứng kiến,
    điều khiển, tham luận, thảo luận, góp ý, đóng góp, ôn, thì, mà, nhưng, nên,
    vì, do, bởi, như, đây, này, đó, ấy, rằng, khá, rất, luôn, cần, phải, hãy, ở
"""
)
GUEST_MARKERS = frozenset({"dự", "tham dự", "đến dự", "cùng dự", "sự tham dự"})
PLACE_WORDS = phrases(
    """
    tỉnh, huyện, thành phố, thị xã, xã, phường, thị trấn, quận, tp, huyện ủy, thành ủy,
    tỉnh ủy, thị ủy, quận ủy, ấp, thôn, bản, khu phố, tổ dân phố
"""
)
# Historical figures named in set phrases ("tư tưởng, đạo đức, phong cách Hồ Chí Minh"), not people at the event.
FAMOUS_DEAD = phrases(
    """
    hồ chí minh, nguyễn ái quốc, võ nguyên giáp, tôn đức thắng, lê duẩn, trường chinh, phạm văn đồng,
    nguyễn văn cừ, trần phú, lê hồng phong, hà huy tập, nguyễn văn linh, lý tự trọng, võ thị sáu,
    nguyễn thị minh khai
"""
)
# Words before a name that make it the name of a place, school, street or idea rather than of a person here.
NAMESAKES = phrases(
    """
    trường, thpt, thcs, tiểu học, mầm non, đại học, học viện, đường, phố, phường, xã, huyện,
    quận, tỉnh, thị trấn, thành phố, tp, ấp, thôn, bệnh viện, công ty, quỹ, giải,
    giải thưởng, nhà văn hóa, trung tâm, cầu, chợ, khu, tượng đài, đền, di tích, bảo tàng,
    tư tưởng, phong cách, đạo đức, tấm gương, bác, chủ tịch, lăng, làm theo, cách
"""
)


@dataclass
class Mention:
    name: str
    titles: list[str] = field(default_factory=list)
    start: int = 0  # token positions in the sentence
    end: int = 0


@dataclass
class Person:
    name: str
    titles: list[str] = field(default_factory=list)
    chair: bool = False


class Sentence:
    def __init__(self, text):
        self.text = text
        self.tokens = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
        self.keys = [_key(t) for t, _, _ in self.tokens]

    def __len__(self):
        return len(self.tokens)

    def word(self, i):
        return self.tokens[i][0]

    def is_word(self, i):
        return 0 <= i < len(self) and self.tokens[i][0][0].isalnum()

    def capitalized(self, i):
        return self.is_word(i) and self.tokens[i][0][0].isupper()

    def lowercase(self, i):
        return self.is_word(i) and self.tokens[i][0][0].islower()

    def phrase_at(self, i, phrases, *, capital=None):
        """The length of the longest of `phrases` (a frozenset) starting at token i (0 if none)."""
        if not 0 <= i < len(self) or capital is True and not self.capitalized(i):
            return 0
        if capital is False and not self.lowercase(i):
            return 0
        for size in _lengths(phrases).get(self.keys[i], ()):
            if i + size <= len(self) and " ".join(self.keys[i : i + size]) in phrases:
                if all(self.is_word(j) for j in range(i, i + size)):
                    return size
        return 0

    def span(self, i, j):
        """The text of tokens i..j-1 as written."""
        return self.text[self.tokens[i][1] : self.tokens[j - 1][2]] if j > i else ""


_key = lru_cache(maxsize=65536)(tone_key)


@cache
def _lengths(phrases: frozenset) -> dict[str, list[int]]:
    """For each first word of `phrases`, the numbers of words of the phrases it begins, longest first."""
    lengths = {}
    for phrase in phrases:
        words = phrase.split()
        lengths.setdefault(words[0], set()).add(len(words))
    return {word: sorted(sizes, reverse=True) for word, sizes in lengths.items()}


def sentences_of(paragraph):
    return [part for part in SENTENCE_END.split(paragraph) if part.strip()]


def _head_at(s, i):
    if s.phrase_at(i, FORMER, capital=False) and (size := s.phrase_at(i + 1, TITLE_HEADS, capital=True)):
        return size + 1
    return s.phrase_at(i, TITLE_HEADS, capital=True) or s.phrase_at(i, OCCUPATIONS, capital=False)


def _name_run(s, i, *, need_family):
    """The end of a personal name starting at token i, or i when none starts there."""
    if not s.capitalized(i) or _head_at(s, i) or s.word(i).isupper() and len(s.word(i)) > 1:
        return i
    if need_family and s.keys[i] not in FAMILY_NAMES:
        return i
    j = i
    while j < len(s) and j - i < 5 and s.capitalized(j) and not (j > i and _head_at(s, j)):
        if s.word(j).isupper() and len(s.word(j)) > 1 or not s.word(j).isalpha():
            break
        j += 1
    if j - i < 2:
        return i
    if i > 0 and s.phrase_at(i - 1, PLACE_WORDS) or i > 1 and s.phrase_at(i - 2, PLACE_WORDS) == 2:
        # after "tỉnh", "huyện"...: two words are a place ("huyện Mai Sơn"); a longer run may be place + name
        if j - i <= 2:
            return i
        if j - i >= 5:
            split = next((k for k in range(i + 2, j - 1) if s.keys[k] in FAMILY_NAMES), None)
            return i if split is None else -split  # negative: the name starts later
    if j < len(s) and s.lowercase(j) and f"{s.keys[j - 1]} {s.keys[j]}" in ORGANIZATION_TAILS:
        return i  # "Đoàn Thanh niên": an organization, not Mr Đoàn Thanh
    if j - i >= 4 and s.keys[i] not in COMMON_FAMILY_NAMES:
        # "Tỉnh ủy Kiên Giang Nguyễn Thanh Nghị": a place ending in a rarer family name, then the name
        split = next((k for k in range(i + 1, j - 1) if s.keys[k] in COMMON_FAMILY_NAMES), None)
        if split is not None:
            return -split
    return j


def _name_at(s, i, *, need_family):
    """(start, end) of a name at token i, allowing for a place name before it."""
    end = _name_run(s, i, need_family=need_family)
    if end < 0:
        start = -end
        return start, _name_run(s, start, need_family=True)
    return i, end


def _title_end(s, j):
    """The end of a title going on at token j: before a verb, a name, a separator or punctuation."""
    while j < len(s):
        word = s.word(j)
        if word in BOUNDARIES or word in SEPARATORS:
            break
        if s.lowercase(j) and (s.phrase_at(j, STOPS) or s.keys[j] == "và" and not _and_goes_on(s, j)):
            break
        if s.phrase_at(j, ANY_HONORIFIC, capital=True):
            break
        start, end = _name_at(s, j, need_family=True)
        # a name right after the title, or after a place name that ends it ("Huyện ủy Mai Sơn Nguyễn Văn Hải")
        if end - start >= 2 and start >= j and all(s.capitalized(k) for k in range(j, start)):
            return start
        j += 1
    return j


def _continuation_end(s, i, separator):
    """The end of an organization name or address continued after a separator ("Văn hóa, Thể thao và Du lịch",
    "ấp Hòa Thuận, xã Hòa Lợi"), or i."""
    if separator == "," and (size := s.phrase_at(i, PLACE_WORDS, capital=False)) and s.capitalized(i + size):
        j = i + size
        while s.capitalized(j) and j - i < 6:
            j += 1
        return j
    if not s.capitalized(i) or _head_at(s, i) or s.phrase_at(i, ANY_HONORIFIC):
        return i
    if _name_at(s, i, need_family=True)[1] - i >= 3:
        return i
    j, has_and = i, False
    while j < len(s) and j - i < 7:
        word = s.word(j)
        if word in BOUNDARIES or word in SEPARATORS or s.lowercase(j) and s.phrase_at(j, STOPS):
            break
        if s.lowercase(j) and s.keys[j] == "và":
            if not _and_goes_on(s, j):
                break
            has_and = True
        start, end = _name_at(s, j, need_family=True)
        if j > i and end - start >= 3:
            break
        j += 1
    if separator == "," and not has_and:
        return i
    return j


def _and_goes_on(s, j):
    """Whether "và" at j joins words of a name ("Tài nguyên và Môi trường"), not two people or clauses."""
    start, end = _name_at(s, j + 1, need_family=True)
    return s.capitalized(j + 1) and not s.phrase_at(j + 1, ANY_HONORIFIC) and end - start < 2


def _chain(s, i):
    """Titles starting at token i, split at the separators between them: ([titles as written], end)."""
    titles, j = [], i
    while _head_at(s, j):
        start, end = j, _title_end(s, j + _head_at(s, j))
        while end < len(s) and s.word(end) in SEPARATORS:
            more = _continuation_end(s, end + 1, s.word(end))
            if more == end + 1:
                break
            end = _title_end(s, more)
        titles.append(s.span(start, end).strip(" ,-–—"))
        j = end
        if j < len(s) and (s.word(j) in SEPARATORS or s.keys[j] == "và") and _head_at(s, j + 1):
            j += 1
        else:
            break
    return titles, j


def _titles_after_name(s, j):
    """Titles written after a name: ", Bí thư ...", " - Bí thư ...", " (Bí thư ...)" or directly."""
    if j < len(s) and s.word(j) in SEPARATORS | {"("} and _head_at(s, j + 1):
        titles, end = _chain(s, j + 1)
        if s.word(j) == "(" and end < len(s) and s.word(end) == ")":
            end += 1
        return titles, end
    if _head_at(s, j):
        return _chain(s, j)
    return [], j


def mentions_in(sentence: "str | Sentence") -> list[Mention]:
    """The people named in a sentence, with the titles written beside their names."""
    s = sentence if isinstance(sentence, Sentence) else Sentence(sentence)
    found, i, listing = [], 0, False
    while i < len(s):
        if s.word(i) in BOUNDARIES:
            listing = False
            i += 1
            continue
        honorific = s.phrase_at(i, PLURAL_HONORIFICS) or 0
        plural = bool(honorific)
        honorific = honorific or s.phrase_at(i, HONORIFICS)
        if s.keys[i] in ("ông", "bà") and s.capitalized(i) and i > 0 and s.capitalized(i - 1):
            i += 1  # "Quận Hai Bà Trưng": a word of a proper name, not "Mrs"
            continue
        if honorific and (s.keys[i] not in ("ông", "bà") or s.capitalized(i + honorific)):
            listing = plural or listing
            mention = _after_honorific(s, i + honorific)
            if mention:
                found.append(mention)
                i = mention.end
                continue
            i += honorific
            continue
        if _head_at(s, i):
            titles, end = _chain(s, i)
            start, name_end = _name_at(s, end, need_family=True)
            if name_end - start >= 2 and start == end:
                found.append(Mention(s.span(start, name_end), titles, i, name_end))
                i = name_end
                continue
            i = max(end, i + 1)
            continue
        start, name_end = _name_at(s, i, need_family=not listing)
        if name_end - start >= 2 and start == i:
            titles, end = _titles_after_name(s, name_end)
            if titles or listing or name_end - start >= 3 and not _namesake(s, start):
                found.append(Mention(s.span(start, name_end), titles, start, end))
                i = end
                continue
        if s.lowercase(i) and s.keys[i] != "và":
            listing = False
        i += 1
    return [m for m in found if tone_key(m.name) not in FAMOUS_DEAD]


def _namesake(s, i):
    """Whether the name at token i is that of a place, a school or an idea ("Trường THPT Nguyễn Đình Chiểu")."""
    return any(i - size >= 0 and s.phrase_at(i - size, NAMESAKES) == size for size in (1, 2))


def _after_honorific(s, i):
    if s.keys[i] in BODY_WORDS and s.keys[i] not in FAMILY_NAMES:
        return None
    if _head_at(s, i):  # "đồng chí Chánh Văn phòng UBND tỉnh Nguyễn Văn Mến"
        titles, end = _chain(s, i)
        start, name_end = _name_at(s, end, need_family=False)
        if name_end - start >= 2 and start == end:
            return Mention(s.span(start, name_end), titles, i, name_end)
        return None
    start, name_end = _name_at(s, i, need_family=False)
    if name_end - start < 2 or start != i:
        return None
    titles, end = _titles_after_name(s, name_end)
    return Mention(s.span(start, name_end), titles, start, end)


CHAIR_VERBS = frozenset({"chủ trì", "đồng chủ trì"})
AGENCIES = frozenset({"cơ quan", "đơn vị"})  # "cơ quan chủ trì": the agency in charge of a task, not a chair


def chairs_in(sentence: "str | Sentence", mentions: list[Mention]) -> list[str]:
    """Names of the people who chair, per this sentence: those named in the clause before "chủ trì" ("Đồng chí X
    ... chủ trì", "Hội nghị do đồng chí X chủ trì"), else those listed after it ("Dự và chủ trì có đồng chí X;
    đồng chí Y"), not guests ("tham dự", "đến dự")."""
    s = sentence if isinstance(sentence, Sentence) else Sentence(sentence)
    verbs, k = [], 0
    while k < len(s):
        size = s.phrase_at(k, CHAIR_VERBS)
        # "cơ quan chủ trì" is the agency in charge; "chi bộ Cơ quan chủ trì" is a branch (named) that chairs
        if size and not (k > 1 and s.phrase_at(k - 2, AGENCIES, capital=False) == 2):
            verbs.append(k)
        k += size or 1
    if not verbs:
        return []
    guests = [(k, size) for k in range(len(s)) if (size := s.phrase_at(k, GUEST_MARKERS))]
    guest_starts = [k for k, _ in guests]
    clause_ends = [k for k in range(len(s)) if s.word(k) in (";", ".")]
    sentence_ends = [k for k in range(len(s)) if s.word(k) == "."]
    starts = [m.start for m in mentions]
    chairs, previous = [], -1
    for number, c in enumerate(verbs):
        begin = max(previous + 1, _last_below(clause_ends, c) + 1)
        # the last guest's verb before "chủ trì" in the clause, unless it is "dự và chủ trì"
        index = bisect_left(guest_starts, c) - 1
        if index >= 0 and sum(guests[index]) + 1 == c:
            index -= 1
        guest = guests[index][0] if index >= 0 else -1
        before = [m.name for m in _mentions_between(mentions, starts, begin, c) if m.end <= c and m.end > guest]
        if not before:
            stop = min(
                _first_above(guest_starts, c, default=len(s)),
                verbs[number + 1] if number + 1 < len(verbs) else len(s),
                _first_above(sentence_ends, c, default=len(s)),
            )
            before = [m.name for m in _mentions_between(mentions, starts, c + 1, stop)]
        chairs += before
        previous = c
    return chairs


def _mentions_between(mentions, starts, first, stop):
    """The mentions starting at token `first` or after, before token `stop`."""
    index = bisect_left(starts, first)
    while index < len(mentions) and mentions[index].start < stop:
        yield mentions[index]
        index += 1


def _first_above(positions, value, *, default):
    index = bisect_right(positions, value)
    return positions[index] if index < len(positions) else default


def _last_below(positions, value):
    index = bisect_left(positions, value)
    return positions[index - 1] if index else -1


def people_in(paragraphs: list[str], captions: list[str] = ()) -> list[Person]:
    """Everyone named with a title, as "đồng chí", or by a full name, once each, chairs marked. Titles come from
    the first mention that has them, in the running text before the captions."""
    people: dict[str, Person] = {}
    for paragraph in [*paragraphs, *captions]:
        for text in sentences_of(paragraph):
            sentence = Sentence(text)
            mentions = mentions_in(sentence)
            chairs = {tone_key(name) for name in chairs_in(sentence, mentions)}
            for mention in mentions:
                key = tone_key(mention.name)
                person = people.setdefault(key, Person(mention.name))
                person.titles = person.titles or mention.titles
                person.chair = person.chair or key in chairs
    # "đ/c Lê Thị Hồng vân" once with a small letter: a name cut short, without titles, is the longer one
    names = [key.split() for key in people]
    return [
        person
        for key, person in people.items()
        if person.titles or not any(len(n) > len(key.split()) and n[: len(key.split())] == key.split() for n in names)
    ]
