"""A headline written from the lead, for a seed that has none.

The way an Arabic copy editor would: the lead sentence's main clause, or its
reported statement as `المتحدث: …` (`المتحدث: «…»` for a quotation), without
dateline, time words, honorifics or asides, cut at a phrase boundary within 120
characters and never ending on a particle or with an ellipsis; a clause or sentence that
ends within 170 is kept whole rather than cut mid-clause (editors reject a verb or phrase cut
before what it needs far more than a long headline). A lead that is no news (a circumstance
with no main clause, a question) gives way to a later sentence. A comma right after the
subject ends nothing: the asides after it go and the complement stays. No cut leaves a word without the complement
Arabic usage gives it (`تفكر | في`, `إحالة … | إلى`): that is learnt from running text,
offline, into data/continuations.tsv (data/make_continuations.py). The text it gets has had its
boilerplate, byline and dateline taken off already; what is left of them is
taken off again here.
"""

import functools
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from .byline import DASH, byline_fields, is_name, split_dateline
from .keywords import fold
from .segment import split_sentences

MADE_MAX_CHARS = 120
# A cut leaves at least this much; the first clause end past HEADLINE_TARGET_CHARS is taken.
MADE_MIN_CHARS = 25
# A clause end this far past MADE_MAX_CHARS is taken rather than a cut mid-clause.
HEADLINE_SLACK_CHARS = 10
# How far past MADE_MAX_CHARS a cut may go to give a word its complement.
COMPLETE_SLACK_CHARS = 20
# How far past MADE_MAX_CHARS a clause end (or the whole sentence) may go rather than a cut mid-clause:
# editors reject a verb or phrase cut before what it needs far more often than a long headline.
WHOLE_SLACK_CHARS = 50
HEADLINE_TARGET_CHARS = 45
SPEAKER_MAX_WORDS = 3
# A shorter word ending in `ين` (without `ال`) is most often a name or a singular (`حسين`, `الصين`), not a plural.
OBLIQUE_MIN_LETTERS = 5
# Words of the statement a plain `قال فلان إن …` clause must keep to stand for it.
STATEMENT_MIN_WORDS = 3
# Words of a statement about the speaker (`أنها ترحب …`) the plain clause keeps when it cannot keep all of it.
ABOUT_SPEAKER_MIN_WORDS = 6
# A speaker without a title word (`هيئة الإذاعة والتلفزيون التركية`) may be this long.
PLAIN_SPEAKER_MAX_WORDS = 6
PLAIN_SPEAKER_MAX_CHARS = 40
# A speaker named by title only (`الناطق باسم الجيش الفرنسي`) may be this long.
TITLE_SPEAKER_MAX_WORDS = 6
TITLE_SPEAKER_MAX_CHARS = 40
# Words of a title between commas after its first (`رئيس`), taken out as an aside.
TITLE_ASIDE_MAX_WORDS = 14
LEAD_SCAN_CHARS = 1500
LEAD_MAX_SENTENCES = 3
# Only this much of a (run-on) lead sentence can end up in a headline, asides taken out.
LEAD_MAX_CHARS = 400
# What a clause headline is cut from: asides and time words out, it is still past the limit.
CLAUSE_SCAN_CHARS = 280
LEAD_MIN_WORDS = 4
MAX_ASIDES = 4
# A phrase cut needs a complete clause before it: an earlier prepositional phrase or this many words.
PHRASE_MIN_WORDS = 6
# A dash this near the start ends a dateline or byline (`خالد سجاف ـ الدمام`).
LEAD_IN_MAX_WORDS = 5
# A byline, dateline or agency line is never longer than this.
BYLINE_MAX_WORDS = 8
# How Arabic prose goes on after a word, learnt from running text (data/make_continuations.py).
CONTINUATIONS = Path(__file__).parent / "data" / "continuations.tsv"
# No cut right after a word that ends a clause at most this often when the word after the cut is
# the preposition that follows it this often (`تفكر | في`, `الابتعاد | عن`).
OPEN_MAX_END = 0.05
NEXT_MIN_SHARE = 0.25
# No cut within this many words after a word whose clause has its governed preposition at least
# this often, before that preposition comes (`إحالة أربعة أشخاص | إلى`); the lead's verb, any distance.
GOVERNED_WINDOW = 6
GOVERNED_MIN_SHARE = 0.5
# A word after `إن` seen this rarely after a preposition has the accusative ending (`شخصا`).
ACCUSATIVE_MAX_AFTER_PREPOSITION = 0.01
# A word that ends at most this share of its clauses is never a headline's last (`مقارنة`, `الموالية`).
NEVER_END_MAX_SHARE = 0.01
# A word that opens at least this share of the sentences it is in opens a clause: a verb (`اجتمع`, `تم`).
CLAUSE_OPENER_MIN_SHARE = 0.1
# A lead whose first word opens at least this share of sentences opens with its verb (`يبدأ`, `وزير`
# too: a nominal lead's subject is no clause either).
LEAD_VERB_MIN_SHARE = 0.05
# A verb opening at least this share of its sentences starts a new one after a definite noun (`… بالشرقية لقي`).
RUN_ON_MIN_SHARE = 0.3
# A clause's opening up to its subject (`اجتمع الأمين العام … الزياني،`) is at most this long.
SUBJECT_MAX_WORDS = 16
# An aside between the subject and the complement is at most this long; a name in one this long.
ASIDE_MAX_WORDS = 20
NAME_ASIDE_MAX_WORDS = 3
# A quoted name (`«الفيصل.. شاهد وشهيد»`) has at most this many words on each side of its dots.
QUOTED_NAME_MAX_WORDS = 4
# A subject has at least this many words after its verb.
SUBJECT_MIN_WORDS = 3
# A place or time after the subject with no comma after it (`، في مكتبه بمقر الأمانة مع …`) is this short.
ADJUNCT_MAX_WORDS = 10

_AR_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_VERBS = frozenset(
    "قال قالت أكد أكدت اكد اكدت أعلن أعلنت اعلن اعلنت ذكر ذكرت أوضح أوضحت اوضح اوضحت أشار أشارت اشار اشارت "
    "صرح صرحت كشف كشفت شدد شددت أفاد أفادت افاد افادت أضاف أضافت رأى رأت اعتبر اعتبرت توقع توقعت حذر حذرت "
    "نفى نفت لفت لفتت أورد أوردت بين بينت أفصح أفصحت ادعى ادعت زعم زعمت أبلغ أبلغت رجح رجحت".split()
)
# `نفى فلان أن …`: what follows is what the speaker denies; `فلان: …` would state it as his word.
_DENYING = frozenset("نفى نفت".split())
# `الشرطة تشتبه`, `المصادر ترجح`: a subject's belief or claim (a statement within a statement).
_ATTRIBUTING_VERBS = frozenset(
    "تشتبه يشتبه ترجح يرجح تعتقد يعتقد تتوقع يتوقع تقول يقول تؤكد يؤكد تزعم يزعم تتهم يتهم".split()
)
# Other verbs a lead opens with, to see a place word between a byline and the lead (`ـ الدمام أعرب`).
_LEAD_VERBS = _VERBS | frozenset("أعرب أعربت دشن دشنت أقام أقامت افتتح افتتحت استقبل استقبلت التقى التقت".split())
_COMPLEMENTISER = r"ب?[إأا]ن[\u064b-\u0652]*(?P<pronoun>ه|ها|هم|هما)?"
# `<verb> <speaker> [في …] [، إلى، على، من، عن] أن <statement>`; the speaker part is bounded.
_REPORTED = re.compile(
    r"^(?P<verb>\S+)\s+(?P<speaker>[^.!?؟]{2,200}?)\s*[،,:]?\s+"
    # `شدد على أن`, but not `قال … علي إن`: a preposition governs `أن`, never `إن` (`علي` is also a name).
    rf"(?:(?:إلى|الى|على|علي|من|عن)\s+(?!إن))?[\"«“]?{_COMPLEMENTISER}\s*[:،,]?\s+(?P<statement>\S.*)$",
    re.DOTALL,
)
# `<verb> <speaker>: «<quote>»`, and `«<quote>»، قال <speaker>`.
_QUOTED = re.compile(r"^(?P<verb>\S+)\s+(?P<speaker>[^.!?؟«»]{2,150}?)\s*[:،,]?\s*«(?P<quote>[^«»]+\s[^«»]+\s[^«»]+)»")
_QUOTE_FIRST = re.compile(r"^«(?P<quote>[^«»]{8,})»\s*[،,.]?\s*(?:هكذا\s+)?(?P<verb>\S+)\s+(?P<speaker>[^،,.:]{2,80})")
# Where the speaker's name ends and the circumstances begin (`هنا يوم السبت أثناء …`).
_WEEKDAYS = "الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|اﻷربعاء|الخميس|الجمعة|السبت"
_WEEKDAY = f"(?:{_WEEKDAYS})"
_SPEAKER_STOP = re.compile(
    r"\s(?:الذي|التي|الذين|هنا|يوم|اليوم|أمس|امس|في|فى|خلال|أثناء|اثناء|عقب|لدى|قبل|بعد|مساء|صباح|عبر"
    rf"|{_WEEKDAY}|عن|على لسان|لوكالة|لصحيفة|لجريدة|لقناة|لـ|ل«|بحسب|حسب|وفق|وفقا|ضمن|أمام|امام)\s|[،,(:]"
)
# Courtesies go before any word; the other honorifics are titles, nouns when no name follows
# (`المستشار الإعلامي`, `العقيد الراحل`).
_COURTESIES = (
    "صاحب السمو الملكي|صاحب السمو|صاحبة السمو|سمو|معالي|فخامة|سعادة|فضيلة|السيد|السيدة"
    "|الدكتور|الدكتورة|دكتور|د\\.|م\\."
)
_HONORIFICS = (
    f"{_COURTESIES}|المستشار|المهندس|المهندسة|الأستاذ|الأستاذة|الشيخ"
    "|(?:الفريق أول|اللواء|العميد|العقيد|المقدم)(?: ركن)?"
)
_COURTESY = re.compile(rf"(?<!\S)(?:{_COURTESIES})(?=\s|$)")
# `اكد د. عماد …`: the abbreviated title, whose dot is no sentence end.
_DOCTOR = re.compile(r"(?<!\S)د\.\s*(?=[^\W\d])")
# Honorifics before a name; `لفخامة الرئيس` becomes `للرئيس`.
# Not the family name `آل الشيخ`.
_HONORIFIC = re.compile(rf"(?<!\S)(?<!آل\s)(?:{_HONORIFICS})(?:\s+(?:{_HONORIFICS}))*(?=\s|$)")
# A word naming a place or a direction: an honorific after it is part of a place's name.
_PLACE_BEFORE = re.compile(
    r"(?<!\S)[وبل]?(?:مركز|مدينة|قرية|حي|بلدة|منطقة|محافظة|شارع|ميدان|مسجد|جامع|مدرسة|جزيرة"
    r"|جنوب|جنوبي|شمال|شمالي|شرق|شرقي|غرب|غربي)\s+$"
)
_HONORIFIC_AFTER_L = re.compile(rf"(?<!\S)ل(?:{_HONORIFICS})\s+(?:ال)?")
_TITLE_WORD = re.compile(
    r"^(?:رئيس|رئيسة|وزير|وزيرة|عضو|نائب|مدير|مديرة|أمين|الأمين|محافظ|مساعد|مستشار|سفير|قائد|زعيم|إمام|خطيب"
    r"|المتحدث|المتحدثة|متحدث|الناطق|ناطق|الناشط|الناشطة|الخبير|القيادي|مؤسس|منسق|المنسق|عميد|نقيب|مرشد|المرشد|مسؤول|المسؤول"
    r"|مدرب|المدرب|لاعب|اللاعب|الرئيس|وكيل|الوزير|الوزيرة|النائب|المدير|المحافظ|السفير|القائد|الزعيم|عضوة|ممثل|سكرتير|المفوض|مفوض|أستاذ|استاذ)$"
)
# `القيادي بحزب «الوطن»`, `المتحدث باسم «الجماعة»`: a quoted name after `ب`/`ل` + a noun is the speaker's
# party or employer, not the speaker.
_OBJECT_OF_PREPOSITION = re.compile(r"^[بل]\w{3,}$")
_NOT_A_NAME = re.compile(r"^(?:بال|لل|وال|فال|كال|ل[إأ]|ب[إأ]|بشكل$|بصورة$|بصفة$|بطريقة$|بشدة$)")
# A definite word that ends a title (`الروسية`, `السوداني`, `الوزراء`), not a name (`الكسندر`).
_TITLE_END = re.compile(r"^ال\w+(?:ي|ية|ة|اء|ين|ون)$")
# `لـ«الرياض»`: the paper the speaker talked to.
_ADDRESSEE = re.compile(r"(?<!\S)لـ?\s*[«\"“][^«»\"“”]{1,30}[»\"”]")
_QUOTED_NAME = re.compile(r"[«“\"]([^«»“”\"]{2,40})[»”\"]")
_PATRONYMIC = re.compile(r"(?<!\S)((?:بن|ابن|بنت)\s+(?:عبد\s*)?\S+)(?:\s+(?:بن|ابن)\s+(?:عبد\s*)?\S+)+")

_MONTH = (
    "(?:يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
    "|كانون الثاني|كانون الأول|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني"
    "|محرم|صفر|ربيع الأول|ربيع الآخر|ربيع الثاني|جمادى الأولى|جمادى الآخرة|جمادى الثانية|رجب|شعبان|رمضان|شوال"
    "|ذو القعدة|ذي القعدة|ذو الحجة|ذي الحجة)"
)
_DAY_WORD = r"(?:اليوم|أمس|امس|غدا|غدًا|غداً|الليلة الماضية|الليلة)"
_PART_OF_DAY = "(?:مساء|صباح|ظهر|عصر|فجر|ظهيرة|ليلة)"
_DATE = (
    r"(?:\d{1,4}\s*/\s*\d{1,2}\s*/\s*\d{1,4}\s*(?:هـ|ه|م)?"
    rf"|\d{{1,2}}\s+(?:من\s+)?{_MONTH}(?:\s+\d{{4}}\s*(?:هـ|ه|م|مـ)?)?)"
)
_TIME_END = r"(?=[\s،,.:؛)]|$)"
# `15 مارس الجارى`: which month a date is in.
_DATE_TAIL = r"(?:\s+(?:الجاري|الجارى|الماضي|الماضى|المقبل))?"
# `من ،` left where a time phrase was taken out.
_DANGLING = re.compile(r"\s+(?:من|في|فى|منذ|حتى|خلال)(?=\s*(?:[،,.:؛]|$))")
# Time words: `اليوم`, `أمس الأول`, `مساء أمس الأربعاء`, `يوم الأحد`, `(السبت)`, `الموافق 10 أغسطس`;
# not `اليوم الوطني`.
_WHEN = re.compile(
    rf"(?<!\S)(?:(?:{_PART_OF_DAY}\s+)?أول\s+(?:من\s+)?(?:أمس|امس)"
    rf"|{_PART_OF_DAY}\s+(?:يوم\s+)?(?:{_DAY_WORD}|{_WEEKDAY})(?:\s+الأول)?"
    rf"|(?:يوم\s+)?{_DAY_WORD}(?:\s+الأول)?(?!\s+(?!{_WEEKDAY})ال)"
    rf"|يوم\s+{_WEEKDAY}(?:\s+(?:الماضي|المقبل|القادم))?)"
    rf"(?:\s*[(/]?{_WEEKDAY}[)/]?)?(?:\s+(?:الماضي|المقبل|القادم))?(?:\s*(?:الموافق\s+(?:ل\s*)?)?{_DATE}{_DATE_TAIL})?{_TIME_END}"
    rf"|\(\s*{_WEEKDAY}\s*\)"
    rf"|(?<!\S){_WEEKDAY}\s+(?:الماضي|المقبل|القادم){_TIME_END}"
    rf"|(?<!\S)(?:منذ|بعد)\s+(?:قليل|قليلة|ساعات\s+قليلة){_TIME_END}"
    rf"|(?<!\S)(?:الموافق|بتاريخ)\s+(?:ل\s*)?{_DATE}{_DATE_TAIL}{_TIME_END}"
)
# Words every time phrase has one of: _WHEN runs only where one is.
_WHEN_HINT = re.compile(
    rf"اليوم|أمس|امس|غد|الليلة|يوم|الموافق|بتاريخ|منذ|قليل|{_WEEKDAYS}"
)
# `، الأحد،` or `، رئيس مجلس الوزراء،`: a day or a title between commas (or where an aside
# before it was taken out: _FENCE marks that place, so `، برئاسة فلان، مدير الإدارة،` goes whole).
# A title may run long (`، رئيس مجلس إدارة الجمعية … ووزير الدولة … الأسبق،`) but holds no relative clause.
_FENCE = "\x01"
_TITLE_ASIDE_WORD = r"\s+(?!(?:التي|الذي|الذين|التى|الذى)(?:\s|$))[^\s،,.]+"
_ASIDE = re.compile(
    rf"\s*[،,{_FENCE}]\s*(?:{_WEEKDAY}|(?:رئيس|رئيسة|وزير|وزيرة|المتحدث|مدير|محافظ|نائب|عضو|الأمين|أمين عام|وكيل|مستشار)"
    rf"(?:{_TITLE_ASIDE_WORD}){{0,{TITLE_ASIDE_MAX_WORDS}}}|(?:برئاسة|بقيادة)(?:\s+[^\s،,.]+){{0,7}})\s*[،,؛]\s*"
)
# A time word right before a comma.
_TIME_BEFORE = re.compile(rf"(?<!\S)(?:{_DAY_WORD}|{_WEEKDAY})\s*$")
_WEEKDAY_ASIDE = re.compile(rf"[\s،,{_FENCE}]*{_WEEKDAY}")
# Where a time phrase was taken out; a comma right after it goes with it (`الرومي أمس، بزيارة`).
_GONE = "\x02"
# Not before `و`/`ف` and a verb or particle: that comma ends a clause (`بالمدينة اليوم، ولم ينتج …`).
_GONE_WITH_COMMA = re.compile(
    rf"(?<![\s،,{_FENCE}])\s*{_GONE}\s*[،,](?!\s*[وف](?:(?:لم|لا|لن|قد)\s|كان|[أإاتين]\S))"
)
# `الملك سلمان – حفظه الله –`: a blessing after a name, not news.
_BLESSING = re.compile(
    r"(?:\s*[-–—]\s*|\s+)(?:حفظه|حفظها|حفظهم|يحفظه|يحفظها|رعاه|رعاها|أيده|ايده|رحمه|رحمها|يرحمه)\s+الله"
    r"(?:\s+(?:تعالى|تعالي|ورعاه))?(?=[\s،,.\-–—]|$)\s*[-–—]?"
)
# `العطيشان – – انطلاقة`: the dashes around a time phrase that was taken out.
_EMPTY_DASHES = re.compile(r"\s[-–—]\s*[-–—](?=\s)")
# A parenthesis that only glosses: a weekday, a month, an age, Latin letters.
# A bare number is an age only where the phrase ends after it (`محمد (45)،`), not a count (`(431) مطلوبا`).
_GLOSS = re.compile(
    rf"\s*\(\s*(?:{_WEEKDAY}|{_MONTH}|\d+\s*(?:عاما|عامًا|عاماً|سنة)|[A-Za-z][^()]{{0,40}})\s*\)"
    r"|\s*\(\s*\d+\s*\)(?=\s*(?:[،,.:؛]|$))"
    # a clock time (`(7.15 مساءً)`), which says nothing once its day went with the time words
    rf"|\s*\(\s*\d{{1,2}}[.:]\d{{2}}\s*(?:{_PART_OF_DAY}[اًء]*|ص|م)?\s*\)"
)
# A parenthesis of five words or more is an aside (`(الديمقراطي الكردستاني بزعامة …)`).
_PARENTHETICAL = re.compile(r"\s*\((?:[^()\s]+\s+){4,}[^()]*\)")
_ABBREVIATED_TITLE = re.compile(r"(?<!\S)([دم]\.)(?=[^\W\d])")
_STRAIGHT_QUOTES = re.compile(r'"\s*([^"]{1,120}?)\s*"')
_CURLY_QUOTES = re.compile(r"“\s*([^“”]{1,120}?)\s*”")
# `الأوروبي، ، فرض`: the fence of an aside that was taken out.
_EMPTY_FENCE = re.compile(r"\s*[،,](?:\s*[،,])+\s*")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([،,.:;؛!?؟)»])")
_SPACE_AFTER_OPEN = re.compile(r"([(«])\s+")
# `بالمنطقة,يأتي`, `الأمر..وهو`: a comma or dots glued to the next word.
_PUNCT_GLUED = re.compile(r"(\.\.+|…|[،,])(?=[^\W\d])")
_LEADING_JUNK = re.compile(r"^[^\w«(\"“]+")
# A dash between words (`خالد سجاف ـ الدمام`, `الرياض- واس`), not the tatweel of `لـ«الرياض»`.
_DASH = re.compile(rf"\s+{DASH}+\s*|(?<=\S)[-–—]+\s+|:\s+")
# A lead that opens with a circumstance before its main clause: `استعدادا لـ…، انتهت وزارة …`.
_ADVERBIAL_START = re.compile(
    r"^(?:استعدادا|استعداداً|تزامنا|تزامناً|ضمن|في إطار|فى إطار|في ظل|فى ظل|بعد|قبل|رغم|برغم|على الرغم"
    r"|بالرغم|بينما|وسط|خلال|من جهته|من جهتها|من جانبه|من جانبها|بحضور|برعاية|تحت رعاية|بمناسبة|نظرا|نظراً"
    r"|تنفيذا|تنفيذاً|انطلاقا|انطلاقاً|حرصا|حرصاً|في خطوة|فى خطوة|في وقت|فى وقت|في الوقت الذي|فى الوقت الذي"
    r"|إلحاقا|الحاقا|تعليقا|تعليقاً|ردا|رداً|تعقيبا|تعقيباً|بالتزامن مع|بالتوازي مع|عقب|إثر|اثر|مع|منذ|إذا|اذا|لو|لأن|كما|حين|عندما|عند|لما|فيما"
    # an accusative of purpose written with its tanween: `استمراراً لـ…`, `دعماً لـ…`
    r"|\w{3,}(?:اً|ًا)(?=\s+(?:ل|على\s|مع\s|من\s|في\s|فى\s)))(?=\s)"
)
# `يترتب على ذلك انقطاع …`: a verb pointing back at the circumstance that was dropped.
# `تعزيزا لـ… فقد افتتح …`: the answer that opens the main clause, without a comma before it.
_ANSWER = re.compile(r"\s(?=(?:فقد|فإن|فان|فإنه|فانه)\s)")
# A subordinate clause that needs a main one after it (`حين نرى …`, `ما إذا كان …`).
_SUBORDINATE_START = re.compile(r"^(?:حين|عندما|لما|كلما|إذا|اذا|لو|ما\s+(?:إذا|اذا))\s")
# A praise or blessing that opens a statement or sermon (`الحمد لله …`, `بسم الله …`) is no news either.
_FORMULA_START = re.compile(r"^(?:الحمد لله|الحمدلله|بسم الله)(?=\s|$)")
# `… وفيما يلي نص البيان`: the formula that brings in a document's text, and all after it.
_TEXT_FOLLOWS = re.compile(r"\s+و?(?:فيما|في ما|فى ما|فيما|وفيما)\s+(?:يلي|يأتي|يلى)(?=[\s:،,]|$)|\s+و?إليكم\s+نص")
_BACK_REFERENCE = re.compile(r"^\S+\s+(?:على|عن|من)\s+ذلك\s+")
# `لا شك أن`, `مما لا شك فيه أن`, `من المعروف أن`: the writer's hedge before the statement.
_HEDGE_START = re.compile(
    r"^(?:(?:و?مما|من)\s+)?(?:لا\s*شك|المعروف|المؤكد|الواضح|الملاحظ)(?:\s+فيه)?\s+(?:أن|ان|أنّ)\s+"
)
_CONNECTIVE_START = re.compile(r"^(?:(?:إلا|الا) (?:أن|ان)|ولكن|لكن|فإن|فان|فإنه|فانه|فقد)\s+")
# The main clause after an opening circumstance: a comma, then not a conjunction or preposition, or
# the answer `فإنه` / `فقد` (`نظرا لـ…، فإنه يترتب …`).
_CLAUSE_AFTER_COMMA = re.compile(
    r"[،,]\s+(?:(?=(?:فإن|فان|فقد)\S*\s)|(?![وف](?!\S))(?!و|ف|ب|ل|في\s|فى\s|من\s|على\s|إلى\s|الى\s|الت[يى]\s|الذ[يى]\s|[أا]و\s))"
)

# Words a headline never ends on: particles, prepositions, conjunctions, relatives, demonstratives.
_PARTICLES = frozenset(
    "في فى من على علي إلى الى إلي عن و أو او ثم أن ان إن أنه انه أنها انها بأن بان إنه إنها التي الذي الذين "
    "التى الذى والتي والذي والتى والذى والذين "
    "اللذين اللتين اللاتي اللواتي ما مما لما لا لم لن قد وقد لقد فقد كان كانت يكون تكون بعد قبل خلال مع بين حول "
    "ضد لدى عند حتى منذ نحو عبر دون بدون ضمن وسط إثر اثر عقب تجاه أمام امام خلف فوق تحت كل بعض أي غير سوى "
    "ذلك هذا هذه تلك هؤلاء حيث كما بل لكن لكنه أما إذا اذا إلا الا هو هي هم عدة أحد احد إحدى احدى جميع كافة "
    "أكثر اكثر أقل اقل ليس تم يتم بشأن حسب وفق وفقا بسبب نتيجة مثل أجل لأن كي لكي عندما حين بينما فيما وذلك "
    "إزاء ازاء لصالح بحق بحسب عبر ومن وفي وعلى وإلى والى وعن ومع وهو وهي وأن وان وما ولا ولم ولن فإن فان "
    "بعدما قبيل تجاه لدي يا أيضا أيضاً كذلك جراء بواسطة برئاسة بقيادة بمشاركة بحضور ذات ذو ذوي فقط لو ولو بخصوص حيال بصدد "
    # quantifiers: `عددا من`, `العديد من`
    "ناهيك عدد عددا عددًا العديد بعض مجموعة عشرات مئات آلاف الآلاف كثير جملة سلسلة".split()
)
# Adjectives that need the phrase after them (`الواقعة في …`, `التابعة لـ…`, `المتعلقة بـ…`).
_NEEDS_COMPLEMENT = frozenset(
    "الواقع الواقعة الواقعين المقام المقامة المتعلق المتعلقة المتعلقين التابع التابعة التابعين "
    "الصادر الصادرة المؤدي المؤدية".split()
)
# Prepositions that start an adjunct (where, when, why) rather than the verb's complement.
_ADJUNCT_PREPOSITIONS = frozenset(
    "في فى خلال منذ بعد قبل أمام امام داخل خارج عبر ضمن وسط لدى قرب حتى إثر اثر عقب بسبب جراء حول".split()
)
# A Latin comma between words (not in `1,2 مليار`).
_LATIN_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
# `فريق طبي … برئاسة فلان`: who leads the subject, at its end.
_LED_BY_WORDS = frozenset({"برئاسة", "بقيادة"})
_LED_BY = re.compile(rf"\s(?:{'|'.join(_LED_BY_WORDS)})\s.*$")
# Descriptions in an apposition (`، المرشح لمنصب …،`).
_APPOSITION_WORDS = frozenset("المرشح المرشحة مرشح مرشحة المعروف المعروفة الملقب الملقبة".split())
# Prepositions that open an object, not a subject's description (`عن`, not `من` of `فريق من …`; not
# `علي`, a name as often as a misspelt `على`).
_OBJECT_PREPOSITIONS = frozenset("على إلى الى عن مع".split())
# Prepositions that may open a verb's or verbal noun's complement (`كشف عن`, `تمكن من`).
_COMPLEMENT_PREPOSITIONS = frozenset("من على علي إلى الى عن مع".split())
_PREPOSITIONS = frozenset(
    "في فى من على علي إلى الى عن مع بين لدى حتى منذ نحو ضد عبر خلال أمام امام قرب داخل خارج لصالح بحق "
    "ضمن وسط إثر اثر عقب تجاه بسبب جراء بعد قبل حول".split()
)
# A clause starts at these words: cut before them and the head is a complete clause.
_CLAUSE_STARTS = frozenset(
    "حيث وذلك بعد بعدما مما بينما فيما كما لكن ولكن إلا الا عندما حين "
    "إذ اذ وفيما قائلا قائلاً قائلة قائلين "
    "سواء بهدف بمناسبة وسط عقب إثر اثر وفق وفقا وفقاً حسب حسبما بحسب لأن كي لكي نظرا نظرًا نظراً مؤكدا مؤكدة مؤكداً مشيرا مشيرة مشيراً "
    "مؤكدين مشيرين موضحين مضيفين معربين مطالبين داعين مشددا مشدداً معتبرا معتبراً "
    # not `مشددة`, `معتبرة`, `مبينة`: see _CLAUSE_STARTS_AFTER_COMMA
    "محذرا محذرة محذراً مبينا مبيناً منوها منوهة منوهاً "
    "إضافة بالإضافة علاوة داعيا داعية داعياً مطالبا مطالبة مطالباً موضحا موضحة موضحاً مضيفا مضيفة مضيفاً لافتا لافتة لافتاً معربا معربة معرباً وأكد وقال وقالت وأضاف وأضافت "
    "وأوضح وأوضحت وأشار وأشارت وأكدت ولفت ولفتت وكان وكانت وهو وهي يأتي تأتي ويأتي وتأتي وجاء وجاءت".split()
)
# An adverbial accusative (`مؤكدةً`, `مشيراً`) starts a circumstantial clause.
_HAL = re.compile(r"\w{3,}(?:اً|ًا|ةً)$")
# After a comma, an accusative participle written without its tanween (`، محاولا التخفيف …`).
_PARTICIPLE = re.compile(r"^م\w{3,}ا$")
_EXCEPT = frozenset({"إلا", "الا"})
# `تم نقل`, `يتم`: a verb that never is a noun.
_PASSIVE_AUXILIARIES = frozenset({"تم", "يتم"})
# After a comma only: participles that are adjectives too (`إجراءات مشددة`), and a partitive
# elaboration (`4.5 مليارات ريال، منها …`), not `اقتناعا منها`.
_CLAUSE_STARTS_AFTER_COMMA = frozenset({"مشددة", "معتبرة", "مبينة", "منها", "منهم", "بينها", "بينهم"})
_RELATIVES = frozenset("الذي التي الذى التى الذين اللذين اللتين اللاتي اللواتي".split())
_BETWEEN = frozenset({"بين", "مابين"})
# `في إطار ما تقدمه`, `مما أدى`, `ما زال`: `ما` and the one word after it are not a clause yet.
_WHAT = frozenset({"ما", "مما", "بما", "لما", "فيما"})
# A preposition with the pronoun that points back at a relative's noun (`التي أعلن فيها`).
_RESUMPTIVES = frozenset("فيه فيها عليه عليها له لها به بها منه منها عنه عنها إليه إليها اليه اليها".split())
# Prepositions as the continuation table spells their slots (`keywords.fold`; `إلى` and `ل` share one).
_PREPOSITION_SLOTS = {fold(word): fold(word) for word in "في من على عن مع بين حول ضد لدى نحو تجاه".split()}
_PREPOSITION_SLOTS[fold("إلى")] = "الي"
# What an impersonal `إنه` (it) is followed by: `إنه تم`, `إنه لا توجد`, `إنه من المقرر`.
_IMPERSONAL_STARTS = frozenset("كان يمكن تم يتم سيتم لا لم لن ليس من قد يجب ينبغي بات جرى سوف يوجد توجد يبدو يتعين يلزم يجوز يحق".split())
_COMPLEMENTISERS = frozenset("أن ان إن أنه انه إنه أنها انها إنها بأن بان بأنه بانه بأنها بانها أنهم انهم بأنهم".split())
_NAME_GLUE = frozenset("بن ابن بنت أبو ابو أبي ابي عبد آل ال أم".split())
_OPEN_CLOSE = {"«": "»", "(": ")", "“": "”", "[": "]", '"': '"'}
_TRAILING_PUNCT = re.compile(r"[\s.،,:;؛\-–—…]+$")
_BRACKETS = re.compile(r"[«»()“”\[\]]")
_WORD_WITH_LETTER = re.compile(r"\S*[^\W\d_]\S*")
_BYLINE_KEYS = frozenset({"place", "agency", "author", "date_text"})
# Verbs that only report: without a statement after them the headline says nothing (not `أضاف`,
# which adds things too: `أضافت الخطوط … خدمة`).
_SAYING = frozenset("قال قالت صرح صرحت أوضح أوضحت".split())
_SAID_AFTER_COMMA = re.compile(rf"[،,]\s+(?=(?:{'|'.join(_SAYING)})\s)")
_MODAL_START = re.compile(r"^(?:قد|لقد)\s+")


def make_headline(text: str) -> str:
    """A headline from the lead sentence of `text`: its reported statement when it has one."""
    text = " ".join(text[:LEAD_SCAN_CHARS].split())
    unattributed = ""
    fragment = ""
    for lead in _leads(text):
        # `تعليقا على …، قال فلان إن …`: the statement of the main clause after an opening circumstance.
        main = _main_clause(lead)
        headline = _from_statement(lead) or main != lead and _from_statement(main) or _from_clause(lead)
        said_at = _speaker_only(headline)
        if said_at is not None:
            # `تعليقا على …، قال فلان إن …`: the statement after the circumstance; else what comes before
            # the saying verb when it is a clause (`تقدم فلان باستقالته …، قال`), else the next sentence.
            said = _SAID_AFTER_COMMA.search(lead)
            before = headline.split()[:said_at]
            if said:
                headline = _from_statement(lead[said.end() :])
            else:
                headline = _strip_end(" ".join(before)) if len(before) >= PHRASE_MIN_WORDS else ""
        if not _is_headline_text(headline):
            continue
        # A circumstance with no main clause after it (`حين نرى …`), a question (a column's opening) or a
        # formula is no news: a later sentence that is comes first.
        if _SUBORDINATE_START.match(headline) or _FORMULA_START.match(headline) or "؟" in headline or "?" in headline:
            fragment = fragment or headline
            continue
        # A quotation with no one saying it is the last resort.
        if not (headline.startswith("«") and headline.endswith("»")):
            return headline
        unattributed = unattributed or headline
    return unattributed or fragment


def tighten(text: str) -> str:
    """Headline style: no asides, glosses, time words, honorifics or second patronymics."""
    if '"' in text:
        text = _STRAIGHT_QUOTES.sub(r"«\1»", text) if text.count('"') % 2 == 0 else text.replace('"', "")
    if "." in text:
        text = _ABBREVIATED_TITLE.sub(r"\1 ", text)
    if "“" in text:
        text = _CURLY_QUOTES.sub(r"«\1»", text)
    if "(" in text:
        text = _PARENTHETICAL.sub("", _GLOSS.sub("", text))
    if "الله" in text:
        text = _BLESSING.sub("", text)
    text = _without_asides(text)
    if _WHEN_HINT.search(text):
        text, taken = _WHEN.subn(_time_gone, text)
        if taken:
            text = _DANGLING.sub("", _GONE_WITH_COMMA.sub(" ", text).replace(_GONE, " "))
            text = _EMPTY_DASHES.sub(" ", text)
            text = _without_asides(text)
    text = _HONORIFIC.sub(_without_honorifics, _HONORIFIC_AFTER_L.sub(_after_l, text))
    if "بن " in text:
        text = _PATRONYMIC.sub(r"\1", text)
    text = " ".join(text.split())
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACE_AFTER_OPEN.sub(r"\1", text))
    text = _EMPTY_FENCE.sub(" ", text)
    return _TRAILING_PUNCT.sub("", text.lstrip("،, "))


def _without_honorifics(match):
    """No honorifics before a name; a title before a description (`المستشار المقال`) or another title
    (`المستشار والخبير`) is the noun itself; none goes from a place's name (`مركز الشيخ زويد`, `جنوبي الشيخ زويد`, `شارع الشيخ …`)."""
    after = match.string[match.end() :].lstrip()
    # `المستشار والخبير الأمني …`: a title coordinated with another is the noun itself.
    if _PLACE_BEFORE.search(match.string, 0, match.start()) or after.startswith("وال"):
        return match[0]
    if after[:1].isalpha() and not after.startswith("ال"):
        return " "
    return " " + _COURTESY.sub("", match[0]).strip() + " "


def _time_gone(match):
    """A time phrase goes (marked), but not as a preposition's object (`حتى اليوم`: until now, no date of the
    news; `في الساعات الأولى من صباح اليوم`: `من` would be left dangling)."""
    before = match.string[: match.start()].rstrip().rpartition(" ")[2]
    return match[0] if before in _PREPOSITIONS else _GONE


def _without_asides(text):
    """Asides between commas taken out, one after another; not a title right after a time word, which is
    no apposition but the object (`استقبل الأمير … أمس، رئيس مجموعة …،`)."""
    if "،" not in text and "," not in text:
        return text
    for _ in range(MAX_ASIDES):
        aside = next((m for m in _ASIDE.finditer(text) if not _object_after_time(m)), None)
        if not aside:
            break
        text = text[: aside.start()] + _FENCE + text[aside.end() :]
    return text.replace(_FENCE, " ")


def _object_after_time(aside):
    """A title (not a weekday) between commas right after a time word: the object, no apposition."""
    return bool(_TIME_BEFORE.search(aside.string, 0, aside.start())) and not _WEEKDAY_ASIDE.match(aside[0])


def shorten(text: str, limit: int | None = None, complete: bool = True, taken: int = 0) -> str:
    """`text` cut at a phrase boundary before `limit` characters (never with an ellipsis: a headline says
    its clause or stops; a cut mid-clause is the last resort).

    `complete=False`: `text` is the start of a longer one, so its end is not a clause end.
    `taken`: characters of the headline before `text` (a speaker), which count towards its target length.
    """
    text = _strip_end(text)
    limit = MADE_MAX_CHARS if limit is None else limit
    words = text.split(" ")
    reach = _boundaries(words, limit + HEADLINE_SLACK_CHARS)
    kind, count = _cut(text, words, reach, limit, complete, taken)
    left_open = any(item[1] == count and item[3] for item in reach)
    whole = _whole(text, words, limit, complete, taken) if kind != "A" or left_open else 0
    if whole:
        kind, count = "A", whole
    elif left_open:
        kind, count = _completed(text, words, reach, count, limit, complete) or (kind, count)
    if kind == "C" or not count:
        # Rather than stop mid-clause: a phrase end or the whole text a little further.
        far = _boundaries(words, limit + COMPLETE_SLACK_CHARS)
        later = [item for item in far if item[1] > count and not item[3] and item[0] != "C"]
        if later:
            count = later[0][1]
        elif complete and len(text) <= limit + COMPLETE_SLACK_CHARS:
            count = len(words)
    if not count:
        cut = text.rfind(" ", 0, limit)
        head = text[:cut] if cut >= MADE_MIN_CHARS else text[:limit]
        return _balance(_strip_end(head))
    head = _strip_end(" ".join(words[:count]))
    # `…، ليس بالضرورة`: a cut that leaves one or two words after the last comma ends before it.
    before, comma, last = head.rpartition("،")
    if count < len(words) and comma and len(last.split()) <= 2 and len(before) >= MADE_MIN_CHARS:
        head = _strip_end(before)
    return _balance(head)


def _cut(text, words, reach, limit, complete, taken):
    """(kind, words kept) of the cut `shorten` makes: all of them when the text fits; 0 mid-word."""
    boundaries = [item for item in reach if item[2] <= limit]
    kind, count = _choose(boundaries, max(MADE_MIN_CHARS, HEADLINE_TARGET_CHARS - taken)) if boundaries else ("C", 0)
    if kind != "A":
        # The main clause, without what the lead adds after it (`، مؤكدا …`, `، وذلك …`), even when all
        # fits; a clause end a little past the limit reads better than a cut mid-clause.
        if len(text) <= limit + HEADLINE_SLACK_CHARS and complete:
            return "A", len(words)
        # A clause end, or a comma of the source's before a complement (`الطالباني، إلى العراق`).
        longer = [item for item in reach if item[0] == "A" or item[0] == "P" and words[item[1] - 1][-1] in "،,"]
        if longer and (kind == "C" or longer[-1][2] > limit):
            kind, count = longer[-1][:2]
    return kind, count


def _whole(text, words, limit, complete, taken):
    """Words kept to end the clause rather than cut it: the first clause end past the target length
    within WHOLE_SLACK_CHARS past `limit`, else the whole text when it fits there; 0 when neither."""
    target = max(MADE_MIN_CHARS, HEADLINE_TARGET_CHARS - taken)
    reach = limit + WHOLE_SLACK_CHARS
    ends = [item for item in _boundaries(words, reach) if item[0] == "A" and not item[3] and item[2] >= target]
    if ends:
        return ends[0][1]
    return len(words) if complete and len(text) <= reach else 0


def _completed(text, words, reach, count, limit, complete):
    """For a cut that leaves a word without its complement: the next phrase end within reach, the
    whole text when it fits, the longest clause end before it, else the next phrase end or the whole
    text a little further; None when there is none."""
    later = [item for item in reach if item[1] > count and not item[3] and item[0] != "C"]
    if later:
        return later[0][:2]
    if complete and len(text) <= limit + HEADLINE_SLACK_CHARS:
        return "A", len(words)
    # Not a bare verb and subject (`يقيم محافظ القاهرة أسامة كمال،`).
    earlier = [item for item in reach if PHRASE_MIN_WORDS <= item[1] < count and not item[3] and item[0] == "A"]
    if earlier:
        return earlier[-1][:2]
    # Past the slack, as far as COMPLETE_SLACK_CHARS: long is better than incomplete.
    far = _boundaries(words, limit + COMPLETE_SLACK_CHARS)
    later = [item for item in far if item[1] > count and not item[3] and item[0] != "C"]
    if later:
        return later[0][:2]
    if complete and len(text) <= limit + COMPLETE_SLACK_CHARS:
        return "A", len(words)
    return None


def _leads(text):
    """The candidate lead sentences, each without a dateline, byline or leading junk."""
    text = _PUNCT_GLUED.sub(r"\1 ", _strip_lead_in(text))
    for number, sentence in enumerate(_whole_quotes(split_sentences(text)[: LEAD_MAX_SENTENCES + 1])[:LEAD_MAX_SENTENCES]):
        if number:
            sentence = _strip_lead_in(sentence)
            # `وافتتح الوزير …`: a later sentence's conjunction is no part of a headline.
            if sentence[:1] == "و" and _opener(sentence.split(" ", 1)[0][1:], LEAD_VERB_MIN_SHARE):
                sentence = sentence[1:]
        # `أو عدد البرامج …`: the rest of a sentence the splitter cut, not one.
        if len(sentence.split()) >= LEAD_MIN_WORDS and sentence.split(" ", 1)[0] not in ("أو", "او"):
            yield _TRAILING_PUNCT.sub("", _TEXT_FOLLOWS.split(sentence, 1)[0][:LEAD_MAX_CHARS])


def _whole_quotes(sentences):
    """A short quoted name split at its dots (`معرض “الفيصل..` | `شاهد وشهيد”`) joined again: the quote
    opens within the sentence's last QUOTED_NAME_MAX_WORDS words and closes as soon in the next one."""
    joined = []
    for sentence in sentences:
        last = joined[-1] if joined else ""
        opened = max(last.rfind("«"), last.rfind("“"))
        closes = min((i for i in (sentence.find("»"), sentence.find("”")) if i >= 0), default=-1)
        if (
            opened >= 0 and last.rfind("»") < opened and last.rfind("”") < opened
            and len(last[opened:].split()) <= QUOTED_NAME_MAX_WORDS
            and 0 <= closes and len(sentence[:closes].split()) <= QUOTED_NAME_MAX_WORDS
        ):
            joined[-1] = f"{last} {sentence}"
        else:
            joined.append(sentence)
    return joined


def _strip_lead_in(text):
    """Take off what opens a lead without being part of it: datelines, bylines, bullets."""
    for _ in range(3):
        before = text
        text = _LEADING_JUNK.sub("", text)
        text = split_dateline(text)[1].strip()
        text = _strip_signature(text)
        if text == before:
            break
    return text


def _strip_signature(text):
    """`خالد سجاف ـ الدمام أعرب …`, `الرياض - أعلنت …`: a short name or place before a dash."""
    match = _DASH.search(text, 0, 80)
    if not match or match.start() == 0:
        return text
    head = text[: match.start()]
    if len(head.split()) > LEAD_IN_MAX_WORDS:
        return text
    if _bare(head.split()[0]).removeprefix("و") in _LEAD_VERBS:
        return text  # `نفى أحمد عارف- المتحدث …`: the lead itself
    if not _BYLINE_KEYS & byline_fields(head).keys():
        # Not a known byline: a short name or place before a dash (not a colon: `قالت مصادر: …`).
        if ":" in match.group() or any(mark in head for mark in "«\"“(،,"):
            return text
        if not (is_name(head) or len(head.split()) <= 2 or _source_name(head)):
            return text
    rest = text[match.end() :]
    words = rest.split()
    # `ـ الدمام أعرب`: one place word, then the lead's verb.
    if len(words) > 2 and _bare(words[1]) in _LEAD_VERBS and _bare(words[0]) not in _VERBS:
        rest = " ".join(words[1:])
    return rest


def _source_name(head):
    """`إذاعة … العالمية-`: a few words of a name before a dash, with no verb, particle or number, name
    the source of the text, not its news."""
    words = head.split()
    return len(words) <= LEAD_IN_MAX_WORDS and not any(
        _bare(word) in _PARTICLES or _opener(word, LEAD_VERB_MIN_SHARE) or not _bare(word).isalpha() for word in words
    )


def _from_statement(lead):
    """`المتحدث: الخبر` for `قال المتحدث إن الخبر`, `المتحدث: «…»` for a quotation."""
    lead = _DOCTOR.sub("", lead)
    verb = _bare(lead.split(" ", 1)[0]).removeprefix("و")
    quoted = _QUOTE_FIRST.match(lead)
    quoted_verb = quoted and _bare(quoted["verb"]).removeprefix("و")
    if verb in _DENYING or quoted_verb in _DENYING:
        return ""
    if quoted_verb in _VERBS:
        speaker = _speaker_name(quoted["speaker"])
        return _quote_headline(speaker, quoted["quote"]) if speaker else ""
    if verb not in _VERBS:
        return ""
    match = _REPORTED.match(lead)
    quoted = _QUOTED.match(lead)
    if quoted and (not match or quoted.start("quote") <= match.start("statement") + 1):
        speaker = _speaker_name(quoted["speaker"])
        return _quote_headline(speaker, quoted["quote"]) if speaker else ""
    if not match:
        return ""
    if any(_bare(word) in _CLAUSE_STARTS or _bare(word) == "حتى" for word in match["speaker"].split()):
        return ""
    speaker = _speaker_name(match["speaker"])
    if not speaker:
        return ""
    statement = tighten(match["statement"])
    first, _, rest = statement.partition(" ")
    statement = f"{_nominative(first)} {rest}"
    statement = _MODAL_START.sub("", statement)
    statement = _main_clause(statement)
    if statement.startswith("«") and statement.count("«") == 1 and statement.endswith("»"):
        return _quote_headline(speaker, statement[1:-1])
    room = MADE_MAX_CHARS - len(speaker) - 2
    words = statement.split()
    # `الشرطة تشتبه في أن …`: a statement that names its own source reads as no fact without the
    # speaker; whole, it beats the speaker and a cut that loses the predicate.
    if (
        len(speaker) + 2 + len(statement) > MADE_MAX_CHARS + HEADLINE_SLACK_CHARS
        and len(statement) <= MADE_MAX_CHARS + HEADLINE_SLACK_CHARS
        and len(words) > 2
        and _bare(words[1]) in _ATTRIBUTING_VERBS
    ):
        return shorten(statement)
    if len(words) < 2:
        return ""
    said = shorten(statement, room, taken=len(speaker) + 2)
    # `شخصين قتلا` keeps its accusative only after `أن`, and in `أنه سيستقيل` the speaker is the
    # statement's subject, which `المتحدث: سيستقيل` loses: the plain clause says both right, when
    # it keeps the statement (all of it or ABOUT_SPEAKER_MIN_WORDS, for a pronoun; enough of it to stand, for a
    # case ending).
    oblique = _oblique_start(match["statement"])
    # `توقعت صحيفة … أن يكون …`: a verb in the subjunctive `أن` gave it reads wrong after a colon.
    subjunctive = not match["pronoun"] and _bare(match["statement"])[:1] == "ي"
    if _about_speaker(match) or oblique or subjunctive:
        clause = _from_clause(lead).split()
        start = next((i for i, word in enumerate(clause) if _bare(word) in _COMPLEMENTISERS), len(clause))
        kept = len(clause) - start - 1
        if start >= 2 and kept >= (
            STATEMENT_MIN_WORDS if oblique or subjunctive else min(len(said.split()) - 1, ABOUT_SPEAKER_MIN_WORDS)
        ):
            return " ".join(clause)
    return f"{speaker}: {said}"


def _about_speaker(match):
    """`أنه سيستقيل`, `أنها اعتقلت`: the complementiser's pronoun is the speaker (before a verb), not the
    `إنه كان يمكن`, `أنه نظرا …` of an impersonal statement."""
    pronoun = match["pronoun"]
    first = _bare(match["statement"].split(" ", 1)[0])
    if pronoun != "ه":
        return bool(pronoun)
    # `أنه يجرى اتصالات`: an imperfect verb is the speaker's act as often as not; the plain clause is right
    # either way.
    return first not in _IMPERSONAL_STARTS and (first.startswith(("سي", "ي")) or _opener(first))


def _oblique_start(statement):
    """`شخصين`, `المصريين`: a dual or plural in the case `أن` gave it, wrong once `أن` is gone; `مقاتلي`,
    `ناديي`: the same before the noun it is joined to; `عدداً`: a word written with the accusative's tanween."""
    raw = statement.split(" ", 1)[0]
    bare = _bare(raw)
    first = bare.removeprefix("ال")
    construct = first == bare and first.endswith("ي") and " " in statement.strip()
    return len(first) >= OBLIQUE_MIN_LETTERS and (first.endswith("ين") or construct) or "\u064b" in raw


def _speaker_only(headline):
    """Where a saying verb with no statement after it is (`قال خالد علم الدين- المستشار …`), else None."""
    words = headline.split()
    said = [index for index, word in enumerate(words) if _bare(word).removeprefix("و") in _SAYING]
    if not said:
        return None
    rest = words[said[-1] + 1 :]
    if any(_bare(word) in _COMPLEMENTISERS or word[-1] == ":" or "«" in word for word in rest):
        return None
    return said[-1]


def _quote_headline(speaker, quote):
    """`المتحدث: «…»`, the quotation cut at a phrase boundary when long; its words are the speaker's."""
    quote = _TRAILING_PUNCT.sub("", " ".join(quote.split()))
    room = MADE_MAX_CHARS - len(speaker) - 4
    cut = shorten(quote, room, taken=len(speaker) + 3)
    return f"{speaker}: «{cut}»" if cut else ""


def _from_clause(lead):
    """The lead's main clause, tightened and cut (only its start is read: the rest cannot fit)."""
    # The main clause is found in the whole lead (`تعزيزا لـ… [250 characters] فقد افتتح …`), then cut.
    text = _main_clause(tighten(lead))
    complete = len(text) <= CLAUSE_SCAN_CHARS and len(lead) < LEAD_MAX_CHARS - 1
    if len(text) > CLAUSE_SCAN_CHARS:
        text = text[: text.rfind(" ", 0, CLAUSE_SCAN_CHARS)]
    text = _past_subject(text)
    headline = shorten(text, complete=complete)
    shorter, governed = _to_complement(text)
    if governed and governed not in headline.split(" "):
        other = shorten(shorter, complete=complete)
        if governed in other.split(" "):
            return other
    return headline


def _to_complement(text):
    """(`text` without a phrase between the subject and the preposition the lead's verb governs, that
    preposition's word), for a cut that would leave that word out (`أعرب فلان باسمه واسم … عن استنكاره` →
    `أعرب فلان عن استنكاره`): a place or time, `برئاسة …`, or `ب` with a pronoun, with no comma, clause or
    relative in it. (`text`, "") when there is none."""
    words = text.split(" ")
    verb = _usage().get(fold(_bare(words[0])))
    if not verb or verb.governs_share < GOVERNED_MIN_SHARE or verb.end > OPEN_MAX_END:
        return text, ""
    if not _opener(words[0], LEAD_VERB_MIN_SHARE):
        return text, ""  # `تفاعلا مع …`: a circumstance, not the lead's verb
    at = next(
        (i for i, word in enumerate(words[1:], 1)
         if preposition(fold(_bare(word))) == verb.governs
         and _bare(word) not in _LED_BY_WORDS and not _bare(word).startswith("بين")),
        0,
    )
    if not at:
        return text, ""
    for start in range(SUBJECT_MIN_WORDS, at):
        bare = _bare(words[start])
        if bare in _RELATIVES:
            break  # `الذي وقع في …`: inside a relative clause
        if _bare(words[start - 1]) in _PREPOSITIONS:
            continue  # `من قبل …`: inside another phrase
        # Not `بمؤشرات البورصة`: a `ب` phrase may be the object itself.
        if (
            bare in _ADJUNCT_PREPOSITIONS or bare in _LED_BY_WORDS
            or bare[:1] == "ب" and bare.endswith(("ه", "ها", "هم")) and len(bare) > 3
        ):
            span = words[start:at]
            if not _no_object(span) or any(word[-1] in "،,.:;؛" or _BRACKETS.search(word) or '"' in word for word in span):
                break
            if len(span) <= ADJUNCT_MAX_WORDS:
                return " ".join(words[:start] + words[at:]), words[at]
    return text, ""


def _past_subject(text):
    """`اجتمع فلان، في مكتبه …، مع …` → `اجتمع فلان مع …`: a comma right after the clause's subject
    ends nothing (the complement comes after it), and the asides between it and the complement go."""
    text = _LATIN_COMMA.sub("،", text)
    head, comma, rest = text.partition("،")
    if not comma or not _subject_only(head) or _opens_clause(rest.split(" ", 2)[1:2]):
        return text
    described = 0  # where an apposition may come: right after the subject or after another one
    for number in range(MAX_ASIDES):
        segment, comma, after = rest.partition("،")
        if not comma or _opens_clause(after.split(" ", 2)[1:2]):
            break
        if _is_name(segment) and not number:
            head = f"{head.rstrip()} {segment.strip()}"  # `مراسل …، جيسون رضايان،`: the subject's name stays
            described = 1
        elif not _is_aside(segment, describes=number == described):
            break
        elif _describes(segment):
            described = number + 1
        rest = after
    words = rest.split()
    # `، في مكتبه بمقر الأمانة مع …`: a place or time with no comma after it, before the object's preposition,
    # goes; one that opens a clause (`، في حين …`, `، في الوقت الذي …`) means the comma ended the clause.
    if words and _bare(words[0]) in _ADJUNCT_PREPOSITIONS:
        to = next((i for i, word in enumerate(words[:ADJUNCT_MAX_WORDS]) if _bare(word) in _OBJECT_PREPOSITIONS), 0)
        if to and _no_object(words[1:to]) and not any(word[-1] in "،,.:;؛" for word in words[:to]):
            rest = " ".join(words[to:])
        elif any(_bare(word) in _CLAUSE_STARTS or _bare(word) in _RELATIVES for word in words[1:3]):
            return text
    # `فريق طبي … برئاسة …`: who leads the subject is an aside too.
    head = _LED_BY.sub("", head)
    return f"{head.rstrip()} {rest.lstrip()}"


def _subject_only(head):
    """Whether `head` is a clause's opening up to its subject: no object, no second verb, no number in it."""
    words = head.split()
    if not 2 <= len(words) <= SUBJECT_MAX_WORDS or _bare(words[0]).startswith("ال"):
        return False
    if _bare(words[0]) in _PARTICLES or not _opener(words[0], LEAD_VERB_MIN_SHARE):
        return False
    for word in words[1:]:
        bare = _bare(word)
        if bare in _OBJECT_PREPOSITIONS or bare.removeprefix("و") in _RELATIVES or bare in _COMPLEMENTISERS:
            return False
        # `بالقبض`, `بعجزها`, `قانونا`: an object already; a digit, a verb: more than a subject.
        if bare.startswith("بال") or _nominative(bare) != bare or any(char.isdigit() for char in bare):
            return False
        if len(bare) > 4 and bare[0] == "ب" and bare.endswith(("ها", "ه", "هم")):
            return False
        if word == bare and _opener(word):
            return False
    return True


def _opener(word, share=CLAUSE_OPENER_MIN_SHARE):
    """Whether prose opens at least `share` of its sentences with `word` (a verb: `اجتمع`, `أطلق`), not a
    definite noun."""
    bare = _bare(word)
    usage = _usage().get(fold(bare))
    return bool(usage and usage.opens >= share) and not bare.startswith("ال")


def _is_aside(segment, describes):
    """A place or time or a relative clause between commas (`، في مكتبه`, `، الذي يحاكم …`); where
    `describes` (right after the subject, its name or another apposition), a title too (`، المرشح
    لمنصب …`, `، ومدير تحرير …`). Elsewhere a title may be the object (`دعا فلان، عضو …، رئيس النادي،
    إلى …`), as may a definite noun anywhere (`ألقى فلان، اللوم، على …`)."""
    words = segment.split()
    if not words or len(words) > ASIDE_MAX_WORDS:
        return False
    first = _bare(words[0])
    if first in _ADJUNCT_PREPOSITIONS and len(words) <= ADJUNCT_MAX_WORDS and _no_object(words[1:]):
        return True
    return first in _RELATIVES or describes and _describes(segment)


def _describes(segment):
    """`المرشح لمنصب …`, `ومدير تحرير …`: a title or description, an apposition to the subject."""
    words = segment.split()
    if not words or len(words) > TITLE_ASIDE_MAX_WORDS + 1 or any(_bare(word) in _RELATIVES for word in words):
        return False  # `، المتحدث باسم الحركة بيان الرئاسة الذي …`: the object, where a comma was left out
    first = _bare(words[0]).removeprefix("و")
    return bool(_TITLE_WORD.match(first)) or first in _APPOSITION_WORDS


def _no_object(words):
    """No object's preposition, `بال` word, relative, clause start or verb among `words` (`في مكتبه بمقر
    الأمانة`, not `في حين عزت …`)."""
    return not any(
        _bare(word) in _OBJECT_PREPOSITIONS or _bare(word) in _RELATIVES or _bare(word) in _CLAUSE_STARTS
        or _bare(word).startswith("بال") or _opener(word) for word in words
    )


def _is_name(segment):
    """`جيسون رضايان`: a name, or a few words that are no particles, numbers or definite nouns."""
    words = segment.split()
    return is_name(segment) or 0 < len(words) <= NAME_ASIDE_MAX_WORDS and not any(
        _bare(word) in _PARTICLES or not word.isalpha() or word.removeprefix("و").startswith("ال") for word in words
    )


def _opens_clause(words):
    """Whether the word (a list of at most one) opens a new clause or purpose: `حيث`, `عقب`, a verb, `و`/`ف`
    before anything but a noun phrase (`وأكد`, `ولم`, not `والمملكة`, `ومدير`), `ل` (`لبحث`, `لتضاف`)."""
    if not words:
        return True
    bare = _bare(words[0])
    if bare[:1] in ("و", "ف") and len(bare) > 2 and (bare[1:] in _PARTICLES or _opener(bare[1:])):
        return True
    if bare[:1] == "و" and len(bare) > 3 and fold(bare) not in _usage():
        rest = bare[1:]
        return not (rest.startswith("ال") or _TITLE_WORD.match(rest) or rest in _APPOSITION_WORDS)
    if bare[:1] == "ل" and len(bare) > 3 and bare not in _PARTICLES:
        return True
    return bare in _CLAUSE_STARTS or bare in _CLAUSE_STARTS_AFTER_COMMA or _opener(bare)


def _main_clause(text):
    """`استعدادا لـ…، انتهت الوزارة …` → `انتهت الوزارة …`: an opening circumstance is dropped,
    and an opening hedge (`لا شك أن …`)."""
    hedged = _HEDGE_START.match(text)
    if hedged and len(text[hedged.end() :].split()) >= LEAD_MIN_WORDS:
        return text[hedged.end() :]
    if not _ADVERBIAL_START.match(text):
        return text
    match = _CLAUSE_AFTER_COMMA.search(text, 0, len(text) * 3 // 4) or _ANSWER.search(text, 0, len(text) * 3 // 4)
    if not match:
        return text
    rest = _BACK_REFERENCE.sub("", _CONNECTIVE_START.sub("", text[match.end() :]))
    return rest if len(rest.split()) >= LEAD_MIN_WORDS else text


def _speaker_name(speaker):
    """The speaker's short name (`وانغ يي`, `محمد مرسي`, `وزارة الخارجية`), or "" when it is not clear."""
    speaker = _WHEN.sub(" ", _ADDRESSEE.sub(" ", speaker))
    head = _SPEAKER_STOP.split(" " + speaker + " ", 1)[0].strip()
    # After a rank or courtesy the name follows it (`العميد هاني جرجس مأمور قسم شرطة قصر النيل`): the
    # words closing the speaker's part are then a place or an office, not the speaker.
    trailing = _trailing_name(speaker)
    if trailing and _HONORIFIC.search(head) and trailing.split()[0] not in _NAME_GLUE:
        trailing = ""
    name = _TRAILING_PUNCT.sub("", _name_of(head) or trailing or _title_only(head))
    return name if _speaker_like(name) else ""


def _speaker_like(name):
    """Not a clause (`تتحقق مطالبهم`) nor the bare head of a name whose rest went (`صحيفة`)."""
    words = name.split()
    if not words or _opener(words[0]):
        return False
    return not (len(words) == 1 and not words[0].startswith("ال") and _bare(words[0]).endswith("ة"))


def _trailing_name(speaker):
    """`المبعوث الخاص … في سوريا الأخضر الإبراهيمي`: a name closing the speaker's part."""
    words = speaker.split()[-2:]
    if len(words) < 2 or any(_bare(w) in _PARTICLES or _TITLE_WORD.match(w) or _TITLE_END.match(w) for w in words):
        return ""
    if not all(w.isalpha() for w in words) or _NOT_A_NAME.match(words[0]) or _WHEN.search(" ".join(words)):
        return ""
    # `تركي بن عبدالله الشليل`: the given name before `بن` belongs to it (not the father's alone).
    every = speaker.split()
    start = len(every) - 2
    while start >= 2 and every[start - 1] in _NAME_GLUE and every[start - 2].isalpha():
        start -= 2
    # `قائد عسكري موالٍ للرئيس عبد ربه منصور هادي`: the name of someone the speaker is tied to.
    if any(_object_title(word) for word in every[max(0, start - 3) : start]):
        return ""
    return " ".join(every[start:])


def _object_title(word):
    """`للرئيس`, `لوزير`, `بالرئيس`: a title after `ل`/`ب`, the object of the speaker's description."""
    for prefix, article in (("لل", "ال"), ("بال", "ال"), ("ل", ""), ("ب", "")):
        if word.startswith(prefix) and _TITLE_WORD.match(article + word[len(prefix) :]):
            return True
    return False


def _name_of(speaker):
    """The short name in the speaker's part before its circumstances."""
    speaker = _WHEN.sub(" ", speaker)
    named = _QUOTED_NAME.search(speaker)
    before = speaker[: named.start()].split() if named else []
    if (named and len(named[1].split()) <= SPEAKER_MAX_WORDS + 1
            and not (before and _OBJECT_OF_PREPOSITION.match(before[-1]))):
        return named[1].strip()
    # After the last honorific comes the name: `المتحدث باسم الجماعة الدكتور أحمد عارف`.
    honorifics = list(_HONORIFIC.finditer(speaker))
    if honorifics:
        after = speaker[honorifics[-1].end() :].split()
        name = []
        for word in after:
            # `عبد الفتاح السيسي`: a compound given name still wants its family name.
            compound = len(name) == 2 and name[0] in _NAME_GLUE
            definite_after_name = word.startswith("ال") and name and not _in_name(name[-1], word)
            # `عبدالله بن مساعد`: after `بن` comes the father's name, even one spelt like a title.
            joined = bool(name) and name[-1] in _NAME_GLUE
            if not joined and (_TITLE_WORD.match(word) or definite_after_name and not compound):
                break
            name.append(word)
        glue = sum(part in _NAME_GLUE for part in name)
        if 1 < len(name) <= SPEAKER_MAX_WORDS + 1 + glue and name[-1] not in _NAME_GLUE:
            return " ".join(name)
    words = _PATRONYMIC.sub(r"\1", _HONORIFIC.sub(" ", speaker)).split()
    if words and words[0].startswith("وال"):
        words[0] = words[0][1:]  # `المستشار والخبير الأمني …`: the title after a removed one is no conjunct
    if not words or any(_bare(word) in _PARTICLES for word in words[-1:]):
        return ""
    has_title = any(_TITLE_WORD.match(word) for word in words)
    if len(words) <= SPEAKER_MAX_WORDS and (len(words) > 1 or not has_title):
        # `الوزير سامح شكري` → `سامح شكري`; `وزير الخارجية الصيني` stays.
        if len(words) > 2 and _TITLE_WORD.match(words[0]) and not any(w.startswith("ال") for w in words[1:]):
            words = words[1:]
        return " ".join(words)
    if not has_title and len(words) <= PLAIN_SPEAKER_MAX_WORDS and len(" ".join(words)) <= PLAIN_SPEAKER_MAX_CHARS:
        return " ".join(words)
    # `وزير الخارجية الصيني وانغ يي`, `الرئيس السوفيتي الأسبق ميخائيل جورباتشوف`: the name
    # follows the title's last definite word, when the title comes first.
    ends = [i for i, word in enumerate(words) if _TITLE_END.match(word) and words[i - 1] not in _NAME_GLUE]
    if _TITLE_WORD.match(words[0]) and ends:
        name = words[ends[-1] + 1 :]
        while len(name) > 1 and name[0].startswith("ال"):
            name = name[1:]  # `الجمهوري البارز بيتر كينج`: an adjective of the title, not the name
        glue = sum(part in _NAME_GLUE for part in name)
        if 0 < len(name) <= SPEAKER_MAX_WORDS + glue and not _NOT_A_NAME.match(name[0]):
            return " ".join(name)
    # `محمد مرسي رئيس الجمهورية`: the name comes before the title.
    for i, word in enumerate(words):
        if _TITLE_WORD.match(word):
            glue = any(part in _NAME_GLUE for part in words[:i])
            if 1 < i <= SPEAKER_MAX_WORDS + glue:
                return " ".join(words[:i])
            break
    return ""


def _in_name(previous, word):
    """`عبد الله`, `بهاء الدين`: a definite word that belongs to the name before it."""
    return previous in _NAME_GLUE or word in ("الدين", "الله")


def _title_only(speaker):
    """No name: the title itself (`الناطق باسم الجيش الفرنسي`) when it is short."""
    words = _HONORIFIC.sub(" ", _WHEN.sub(" ", speaker)).split()
    # `قائد عسكري يمني موالٍ للرئيس …`: the title without whom it is tied to (and the word tying it).
    tied = next((index for index, word in enumerate(words) if _object_title(word)), 0)
    if tied > 3:
        words = words[: tied - 1]
    if words and (words[0].startswith("ال") or _TITLE_WORD.match(words[0])):
        title = " ".join(words)
        if len(words) <= TITLE_SPEAKER_MAX_WORDS and len(title) <= TITLE_SPEAKER_MAX_CHARS:
            return title
    return ""


def _boundaries(words, limit):
    """(kind, words before the cut, length, open) for every cut within `limit`, by kind:
    A a clause end, B a phrase end (before an adjunct or `و`), P before a complement or a `ب`/`ل` word,
    C any word; open when it leaves a word without its complement (`_leaves_open`).
    """
    end, total = 0, -1
    while end < len(words) and total <= limit:
        total += len(words[end]) + 1
        end += 1
    bares = [_bare(word.rstrip("،,.:;؛")) for word in words[: end + 2]] + ["", ""]
    folded = [fold(bare) for bare in bares]
    found, length, depth = [], -1, 0
    seen_phrase = False
    verb_initial = _opener(words[0], LEAD_VERB_MIN_SHARE)
    between_at = len(words)  # where an open `بين` is
    for index, word in enumerate(words[: end - 1]):
        length += len(word) + 1
        if _BRACKETS.search(word):
            depth += sum(word.count(mark) for mark in "«(“[") - sum(word.count(mark) for mark in "»)”]")
        bare_word, bare_next = bares[index], bares[index + 1]
        # `بين X` wants its `وY`, however long X is (X may start with و: `بين والد …`).
        if bare_word in _BETWEEN:
            between_at = index
        elif index > between_at + 1 and bare_word.startswith("و"):
            between_at = len(words)
        if index and (bare_word in _PREPOSITIONS or bare_word.startswith(("بال", "لل"))):
            seen_phrase = True
        if length > limit:
            break
        recent = bares[max(0, index - 2) : index + 1]
        # A cut right after `أن X` leaves a statement without its predicate.
        if length < MADE_MIN_CHARS or depth > 0 or _COMPLEMENTISERS.intersection(recent):
            continue
        # `بين المملكة وبنجلاديش` is one phrase.
        between = bool(_BETWEEN.intersection(recent))
        phrase_done = seen_phrase or index >= PHRASE_MIN_WORDS
        if (bares[index - 1].removeprefix("و") in _RELATIVES or bares[index - 1] in _WHAT) and word[-1] not in "،,.:;؛":
            continue  # `التي تعمل`, `ما تقدمه`: a relative clause of one word is not done, unless the writer ends it
        if between_at < index and bare_next.startswith("و"):
            continue
        kind = _boundary_kind(word, bare_word, words[index + 1], bare_next, bares[index + 2], phrase_done, between)
        if verb_initial and kind and kind != "A" and _runs_on(word, bare_word, bare_next):
            kind = "A"
        if kind:
            # The writer's punctuation ends the clause: the statistics are of words within one. Without it,
            # a clause that opened with its verb and has no object yet is open too (`أضاء مهرجان جرش | في …`).
            open_ = word[-1] not in "،,.:;؛" and (
                _leaves_open(folded, index) or _never_ends(word)
                or verb_initial and _subject_only(" ".join(words[: index + 1]))
            )
            found.append((kind, index + 1, length, open_))
    return found


def _runs_on(word, bare_word, bare_next):
    """`… بالشرقية تم نقل …`: in a clause that opened with its verb, a verb right after a definite noun,
    with no conjunction or punctuation, starts a second sentence."""
    if word[-1] in "،,.:;؛" or bare_word in _RELATIVES or not bare_word.startswith(("ال", "بال", "لل", "وال")):
        return False
    # Not `بدوره`, `وقال`: a clitic word opens sentences as an adverb or a conjoined verb.
    return bare_next in _PASSIVE_AUXILIARIES or bare_next[:1] not in "بلوف" and _opener(bare_next, RUN_ON_MIN_SHARE)


def _boundary_kind(word, bare_word, following, bare_next, after, phrase_done, between):
    """What a cut between `word` and `following` would leave: "A", "B", "P", "C" or "" (no cut)."""
    if word[-1] in ";؛:":
        return "A"
    if word[-1] in "،,":
        # A comma ends the clause only when a new one starts after it; before an object
        # (`أغلقت الأمانة، 218 محلا`) or an apposition it does not.
        # Before an adjunct (`، في الرياض`) the clause is done; before `عن`, `على`, `من`, `إلى`, `مع`
        # its complement may follow (`كشفت مصادر …، بعدن، عن تواجد …`): a phrase end at most.
        if bare_next in _ADJUNCT_PREPOSITIONS:
            return "A" if phrase_done else ""
        if bare_next in _CLAUSE_STARTS or bare_next in _RELATIVES or bare_next in ("الأمر", "الامر", "ما"):
            return "A"
        if _HAL.search(bare_next) or _PARTICIPLE.match(bare_next) or bare_next in _CLAUSE_STARTS_AFTER_COMMA:
            return "A"
        if bare_next[:1] in ("و", "ف") and bare_next not in _COMPLEMENTISERS:
            return "A"
        if bare_next in _PREPOSITIONS or len(bare_next) > 3 and bare_next[0] in "بل" and bare_next not in _PARTICLES:
            return "P" if phrase_done else ""
        return ""
    if bare_word in _PARTICLES or bare_word in _NAME_GLUE or bare_word in _NEEDS_COMPLEMENT or word.endswith("ـ"):
        return ""
    # Not `لن يوقف القتال | إلا إذا …`: without a comma, `إلا` completes a negation.
    if bare_next in _CLAUSE_STARTS and bare_next not in _EXCEPT:
        return "A"
    if bare_next in _NAME_GLUE:
        return ""
    if bare_next in _RELATIVES:
        return "B"
    if phrase_done and bare_next in _ADJUNCT_PREPOSITIONS:
        return "B"
    # `بتنظيم من`, `بالاشتراك مع`, `لتقليله من`: a verbal noun after `ب`/`ل` needs what follows it.
    # `… عسير وأسفرت عن`: nor a coordinated verb.
    if bare_next in _COMPLEMENT_PREPOSITIONS and len(bare_word) > 3:
        if bare_word[0] in "بل" or bare_word[0] == "و" and not bare_word.startswith("وال"):
            return ""
    if phrase_done and (bare_next in _PREPOSITIONS or bare_next.startswith(("بال", "لل"))):
        return "P"
    if bare_word[-1:].isdigit() or following[0].isdigit() or bare_next.startswith("ال"):
        return ""
    # `… دهسا وأصيب …`, `«…» والشيخ`: coordination; not inside `الحج والعمرة`, `ضباط وأفراد القيادة`.
    if len(bare_next) > 2 and bare_next[0] == "و" and bare_next not in _PARTICLES:
        if word[-1] in "»)":
            return "B"
        # `عدم وجود`: a word that only starts with the letter و is not a coordination.
        if not bare_next.startswith("وال") and bare_word.startswith("ال") and not after.startswith("ال"):
            return "" if between else "B"
    # `المشيدة بجامعة`: a `ب`/`ل` word after a complete (definite) phrase; not `قدامى لاعبي`.
    if len(bare_next) > 3 and bare_next[0] in "بل" and bare_next not in _PARTICLES:
        if bare_word.startswith("ال") or word[-1] in "»)":
            return "P"
    return "C"


def _choose(boundaries, target):
    """The first clause end past `target` characters, else the longest phrase end, clause end, word end."""
    for boundary in boundaries:
        if boundary[0] == "A" and boundary[2] >= target:
            return boundary[:2]
    for kinds in (("B", "P"), ("A",)):
        pool = [item for item in boundaries if item[0] in kinds]
        if pool:
            return pool[-1][:2]
    return boundaries[-1][:2]  # only word ends: the longest


def _never_ends(word):
    """`مقارنة`, `الموالية`, `ينتمون`: prose all but never ends a clause on this word (not `(بناء)`: a
    bracketed or quoted word is a name)."""
    if _BRACKETS.search(word) or '"' in word:
        return False
    usage = _usage().get(fold(_bare(word)))
    return bool(usage and usage.end <= NEVER_END_MAX_SHARE)


def _strip_end(text):
    """No trailing punctuation, particle or dangling word (`في`, `التي`, `و`)."""
    words = _TRAILING_PUNCT.sub("", text).split(" ")
    # `المناورات … بدأت`: a nominal clause's verb at its end is its predicate, not a verb without its object.
    nominal = _bare(words[0]).startswith("ال")
    while len(words) > 2 and (
        _bare(words[-1].rstrip("،,.:;؛")) in _PARTICLES or words[-1].endswith("ـ")
        or _never_ends(words[-1]) and not (nominal and _opener(words[-1]))
        or _bare(words[-1].rstrip("،,.:;؛")) in _CLAUSE_STARTS  # `… قائلا`: what it opens was cut off
    ):
        words.pop()
        words[-1] = _TRAILING_PUNCT.sub("", words[-1])
    # `… لاستقلالها التي تصادف`, `… التي أعلن فيها`: a relative clause of one word (and its pronoun) says nothing.
    if len(words) > 4 and _bare(words[-2]).removeprefix("و") in _RELATIVES:
        del words[-2:]
    elif len(words) > 5 and _bare(words[-3]).removeprefix("و") in _RELATIVES and _bare(words[-1]) in _RESUMPTIVES:
        del words[-3:]
    return _TRAILING_PUNCT.sub("", " ".join(words))


def _balance(text):
    """Close what the cut left open (`«`, `(`, `"`), or back up to before it when that leaves enough;
    a closing mark whose opening is in an earlier sentence goes."""
    for opening, closing in (("«", "»"), ("(", ")")):
        if text.endswith(closing) and text.count(closing) > text.count(opening):
            text = text[:-1]
    unclosed = []
    for position, char in enumerate(text):
        if char == '"' and unclosed and text[unclosed[-1]] == '"':
            unclosed.pop()
        elif char in _OPEN_CLOSE:
            unclosed.append(position)
        elif unclosed and _OPEN_CLOSE[text[unclosed[-1]]] == char:
            unclosed.pop()
    if not unclosed:
        return text
    head = _strip_end(text[: unclosed[0]])
    if len(head) >= MADE_MIN_CHARS:
        return head
    return text + "".join(_OPEN_CLOSE[text[position]] for position in reversed(unclosed))


def _is_headline_text(headline):
    """Not empty, not just a place, agency, byline or date."""
    words = len(_WORD_WITH_LETTER.findall(headline))
    if words < 2:
        return False
    if words > BYLINE_MAX_WORDS:
        return True
    return not _BYLINE_KEYS & byline_fields(headline).keys()


@functools.lru_cache(maxsize=4096)
def _bare(word):
    """The word as the lists spell it: no diacritics, quotes or brackets, no presentation forms."""
    return _AR_MARKS.sub("", unicodedata.normalize("NFKC", word)).strip("«»“”\"()")


def _after_l(match):
    return "لل" if match[0].endswith("ال") else "ل"



class _Usage(NamedTuple):
    end: float
    next: str
    next_share: float
    governs: str
    governs_share: float
    after_preposition: float
    opens: float


@functools.lru_cache(maxsize=1)
def _usage():
    """folded word → how prose goes on after it (`continuations.tsv`; language knowledge, read once)."""
    table = {}
    with open(CONTINUATIONS, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            word, _n, end, following, share, governs, governs_share, after, opens = line.rstrip("\n").split("\t")
            table[word] = _Usage(
                float(end), following, float(share), governs, float(governs_share), float(after), float(opens)
            )
    return table


def preposition(folded):
    """The preposition slot a folded word fills (`بالمدينة` → `ب`, `للمحاكمة`/`إلى` → `الي`), else "".

    A root letter `ب`/`ل` counts too (it cannot be told from the clitic), which only raises their base rate.
    """
    if folded in _PREPOSITION_SLOTS:
        return _PREPOSITION_SLOTS[folded]
    if len(folded) > 3 and folded[0] in "بل":
        return "ب" if folded[0] == "ب" else "الي"
    return ""


def _leaves_open(folded, index):
    """Whether a cut after `folded[index]` leaves a word without the complement prose gives it."""
    usage = _usage()
    word = usage.get(folded[index])
    following = preposition(folded[index + 1]) if index + 1 < len(folded) else ""
    if word and word.end <= OPEN_MAX_END and word.next_share >= NEXT_MIN_SHARE and following == word.next:
        return True
    for start in {0, *range(max(0, index - GOVERNED_WINDOW + 1), index + 1)}:
        governor = usage.get(folded[start])
        # A governor rarely ends a clause too (`إحالة`, `تمكن`), unlike `العامة`, `الخاصة`.
        if not governor or governor.governs_share < GOVERNED_MIN_SHARE or governor.end > OPEN_MAX_END:
            continue
        if not any(preposition(word) == governor.governs for word in folded[start + 1 : index + 1]):
            return True
    return False


def _nominative(word):
    """`شخصا` → `شخص`: a noun left after a removed `إن` loses its accusative ending."""
    folded = fold(_bare(word))
    usage = _usage().get(folded)
    if not (usage and folded.endswith("ا") and usage.after_preposition <= ACCUSATIVE_MAX_AFTER_PREPOSITION):
        return word
    stem = _AR_MARKS.sub("", word).removesuffix("ا")
    return stem[:-1] + "ء" if stem.endswith("يئ") else stem
