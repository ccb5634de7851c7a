"""A headline written from the lead, for a seed that has none.

The way an Arabic editor would: the reported statement of the lead sentence,
`المتحدث: …`, cut at a word boundary near 90 characters. The text it gets has
had its boilerplate, byline and dateline taken off already.
"""

import re

from .byline import split_dateline
from .segment import split_sentences

MADE_MAX_CHARS = 90
MADE_MIN_CHARS = 50
SPEAKER_MAX_WORDS = 3
LEAD_SCAN_CHARS = 3000

_VERBS = (
    "قال|قالت|أكد|أكدت|اكد|اكدت|أعلن|أعلنت|اعلن|اعلنت|ذكر|ذكرت|أوضح|أوضحت|أشار|أشارت|صرح|صرحت|"
    "كشف|كشفت|شدد|شددت|أفاد|أفادت|افاد|افادت|أضاف|أضافت|رأى|رأت|اعتبر|اعتبرت|توقع|توقعت|حذر|حذرت|"
    "نفى|نفت|أعرب|أعربت|لفت|لفتت|أكّد|أكّدت"
)
# `قال <speaker> [، ] إن <statement>`; the speaker part is bounded so the scan stays linear.
_REPORTED = re.compile(
    rf"^و?(?:{_VERBS})\s+(?P<speaker>[^.!?؟]{{2,120}}?)\s*[،,]?\s+"
    r"(?:(?:إلى|الى|على|علي|من|عن)\s+)?(?:إن|أن|ان|إنّ|أنّ)(?:ه|ها|هم)?\s+(?P<statement>\S.*)$",
    re.DOTALL,
)
# Where the speaker's name ends and the circumstances begin (`هنا يوم السبت أثناء …`).
_SPEAKER_STOP = re.compile(
    r"\s(?:الذي|التي|الذين|هنا|يوم|اليوم|أمس|امس|في|فى|خلال|أثناء|اثناء|عقب|لدى|قبل|بعد|مساء|صباح)\s|[،,(]"
)
_HONORIFIC = re.compile(
    r"^(?:الدكتور|الدكتورة|د\.|المستشار|اللواء|المهندس|الرئيس|السفير|الشيخ|الفريق|العميد|السيد|السيدة|الأستاذ)\s+"
)
_TITLE_WORD = re.compile(
    r"^(?:رئيس|رئيسة|وزير|وزيرة|عضو|نائب|مدير|مديرة|أمين|الأمين|محافظ|مساعد|مستشار|سفير|قائد|زعيم"
    r"|المتحدث|الناشط|الناشطة|الخبير|القيادي|مؤسس|منسق|المنسق|عميد|نقيب|مرشد|المرشد)$"
)
_WEEKDAY = "(?:الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت)"
# `، الأحد،` or `، رئيس مجلس الوزراء،`: a day or a title between commas.
_ASIDE = re.compile(
    rf"\s*[،,]\s*(?:(?:اليوم\s+|يوم\s+)?{_WEEKDAY}|(?:رئيس|رئيسة|وزير|وزيرة|المتحدث|مدير|محافظ|نائب|عضو"
    r"|الأمين|أمين|برئاسة|بقيادة)(?:\s+[^\s،,.]+){0,7})\s*[،,]\s*"
)
_WHEN = re.compile(
    rf"(?<!\S)(?:(?:اليوم|يوم|مساء|صباح|ظهر|مساء اليوم|صباح اليوم|مساء أمس|صباح أمس)\s+{_WEEKDAY}"
    r"|أمس|امس|منذ قليل|مساء اليوم|صباح اليوم)(?!\S)"
)
_HONORIFIC_WORD = re.compile(
    r"(?<!\S)(?:الدكتور|الدكتورة|المستشار|اللواء|المهندس|الفريق|العميد|العقيد|الأستاذ)(?!\S)"
)
# A definite adjective ending a title (`الصيني`, `الروسية`) or a title noun.
_NISBA = re.compile(r"^(?:ال\w+(?:ي|ية)|رئيس|وزير|وزيرة|نائب|مدير|محافظ)$")
_NOT_A_NAME = re.compile(r"^(?:ال|ب|ل)")
_TRAILING_PUNCT = re.compile(r"[\s.،,:;؛\-–—]+$")


def make_headline(text: str) -> str:
    """A headline from the lead sentence of `text`: its reported statement when it has one."""
    _, text = split_dateline(text[:LEAD_SCAN_CHARS].strip())
    sentences = split_sentences(text)
    if not sentences:
        return ""
    lead = sentences[0]
    match = _REPORTED.match(lead)
    if match:
        speaker = _speaker_name(match["speaker"])
        statement = _TRAILING_PUNCT.sub("", match["statement"])
        headline = f"{speaker}: {tighten(statement)}" if speaker else tighten(statement)
    else:
        headline = tighten(lead)
    return shorten(headline)


def tighten(text: str) -> str:
    """Headline style: no comma-fenced asides, weekday phrases or honorifics."""
    text = _ASIDE.sub(" ", text, count=2)
    text = _WHEN.sub(" ", text)
    text = _HONORIFIC_WORD.sub(" ", text)
    return _TRAILING_PUNCT.sub("", " ".join(text.split()))


def shorten(text: str, limit: int = MADE_MAX_CHARS) -> str:
    """`text` cut at a word boundary before `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    if cut < MADE_MIN_CHARS:
        cut = text.find(" ", limit)
        if cut < 0:
            return text[:limit] + "…"
    head = text[:cut]
    # Do not leave a quotation open: back up to before its opening word.
    if head.count('"') % 2:
        space = head.rfind(" ", 0, head.rfind('"'))
        if space >= MADE_MIN_CHARS // 2:
            head = head[:space]
    return _TRAILING_PUNCT.sub("", head) + "…"


def _speaker_name(speaker):
    """The speaker's short name (`وانغ يي`, `محمد مرسي`), or "" when it is not clear."""
    speaker = _SPEAKER_STOP.split(" " + speaker + " ", 1)[0].strip()
    words = _HONORIFIC.sub("", speaker).split()
    if len(words) <= SPEAKER_MAX_WORDS and (len(words) > 1 or not _TITLE_WORD.match(speaker)):
        return " ".join(words)
    # `وزير الخارجية الصيني وانغ يي`: the name follows the title's last (nisba) word.
    titled = [i for i, word in enumerate(words) if _NISBA.match(word)]
    if titled:
        name = words[titled[-1] + 1 :]
        if 0 < len(name) <= SPEAKER_MAX_WORDS and not _NOT_A_NAME.match(name[0]):
            return " ".join(name)
    # `محمد مرسي رئيس الجمهورية`: the name comes before the title.
    for i, word in enumerate(words):
        if _TITLE_WORD.match(word):
            return " ".join(words[:i]) if 0 < i <= SPEAKER_MAX_WORDS else ""
    return ""
