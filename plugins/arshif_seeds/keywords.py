"""Tags an editor would accept: names, places and salient nouns, chosen with corpus statistics.

Per article (cached with the reader's output) we collect candidates as they
are written: definite nouns (a verb never takes ال, so ال marks a noun), names
that follow a title («الرئيس الصيني شي جين بينغ») or open with a common given
name («نوري المالكي»), places from a gazetteer, and names made of several
words: a noun and its adjectives («الأمم المتحدة»), an institution noun and
its complement («وزارة الخارجية الأمريكية»). Across all seeds we then keep,
by tf-idf, candidates that several articles spell the same way and that are
about something: a single common noun must often stand in headlines of the
archive (a topic such as «الانتخابات» does, an anaphoric «الشركة» or a generic
«الاهتمام» does not), and a word read behind a clitic («فالنسيا» → «النسيا»)
counts only when the archive also writes it on its own. An article gets fewer
tags rather than weak ones.
"""

import functools
import math
import re
from collections import Counter, defaultdict
from itertools import chain

from .lexicon import GIVEN_NAMES, PLACES

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
# Arabic words, and anything else that is not a space as a break: a name or a
# phrase never runs over a comma or a number («القانون رقم 12 لسنة»).
_TOKEN = re.compile(f"[{_LETTERS}]+|[^\\s{_LETTERS}]+")
_ARABIC = re.compile(f"[{_LETTERS}]")
_CLITIC_AL = re.compile("^(?:[وف]?(?:[بك]?ال|لل))(?=...)")

# Function words and generic nouns that are never tags on their own.
STOP = frozenset("""
الذي التي الذين اللذين اللتين اللاتي اللواتي الى الي الآن الان اليوم امس الأمس
العام الماضي الماضية الحالي الحالية المقبل المقبلة القادم القادمة الأول الاول الأولى الاولى الثاني الثانية الثالث الأخير
الأخيرة الاخير الاخيرة الكثير الكبير الكبرى الجديد الجديدة السابق السابقة اللازم اللازمة
الخاص الخاصة العامة الوقت الفترة الأمر الامر الشأن الجانب الجانبان الجانبين الطرفين الطرف
الأسبوع الاسبوع الشهر الساعة الساعات الأيام الايام السنة السنوات العديد البعض الكل الجميع
المزيد الحديث القول الإطار الاطار الصدد الحين الخارج الداخل المرحلة النحو الحالة الظروف
المصدر المصادر الموقع الخبر الأخبار الاخبار الصور الفيديو التفاصيل المقال الأنباء الانباء
اليومين الصباح المساء الليل الليلة الظهر الأحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء
الخميس الجمعة السبت الله اللهم المختلفة المختلف الحقيقة الواقع الأساس الاساس النهاية
البلاد الدولة الدول المستوى الشكل الطريق الطريقة الأطراف الاطراف المجال المجالات الأخرى الاخرى
الآخر الاخر الآخرين الاخرين الثلاث الثلاثة الأربعة الخمسة العشرات المئات الآلاف الالاف
الرابع الرابعة الخامس الخامسة السادس السادسة السابع السابعة الثامن الثامنة التاسع التاسعة العاشر العاشرة
""".split())

TITLES = frozenset("""
الرئيس رئيس الوزير وزير السيد السيدة الدكتور الدكتورة د المستشار اللواء العميد العقيد
الفريق المشير الشيخ النائب المتحدث نظيره نظيرته الأمين الامين الملك الأمير الامير
المرشد الإمام الامام البابا الأنبا الانبا القاضي المحامي الكاتب الفنان الفنانة المهندس
رئيسة محافظ المحافظ مدير المدير السفير الداعية الناشط الناشطة القيادي العضو عضو
نائب مساعد وكيل مستشار ولي قائد منسق مفتش مأمور معاون ضابط نقيب رائد مقدم ملازم
النقيب الرائد المقدم الملازم الضابط المفتش المأمور المعاون قاضي قاضى الأستاذ الاستاذ
الأستاذة المدرب اللاعب الكابتن سمو معالي معالى
""".split())

# Ranks that follow a title («الفريق أول», «اللواء الركن») and are no name.
RANKS = frozenset("أول اول ركن الركن".split())

# Adjectives that follow a noun in names without the nisba ending checked
# by `_adjective` («الأمم المتحدة», «الشرق الأوسط»).
ADJECTIVES = frozenset("""
المتحدة المسلمين المسلمون الأوسط الاوسط العالي العالى الأحمر الاحمر الأبيض الابيض
الأعلى الاعلى العليا المسلحة الحرة الكبرى المنورة المكرمة الحرام
""".split())
COMPASS = frozenset("شمال جنوب شرق غرب".split())  # «شمال سيناء», «جنوب أفريقيا»
DIRECTIONS = frozenset("الشرقية الغربية الشمالية الجنوبية الوسطى الشرقي الغربي الشمالي الجنوبي".split())
_NISBA = re.compile("(?:ي|ى|ية|يه|يين|يون|يان|يتين)$")


def _adjective(word):
    """Whether a definite word after a noun reads as its adjective (mostly nisba: الأمريكية)."""
    return word in ADJECTIVES or bool(_NISBA.search(word))


# Adjectives of a people or region that are no country's («التحالف العربي»).
PEOPLES = frozenset("العربي العربية الخليجي الخليجية".split())


def _named_by(adjective):
    """An adjective that makes a name of its noun: a place's or a people's
    («الاتحاد الأوروبي», «التحالف العربي»), a direction («المنطقة الشرقية»)
    or a listed one («الأمم المتحدة»)."""
    return adjective in ADJECTIVES or adjective in DIRECTIONS or adjective in PEOPLES or place_adjective(adjective)


def _agrees(noun, adjective):
    """False where gender or number disagree («المرأة العالمي», «اللغتين العربية»): no phrase."""
    if noun.endswith(("تين", "تان")):
        return adjective.endswith(("تين", "تان"))
    return not (noun.endswith(("ة", "ه")) and adjective.endswith(("ي", "ى")))


_NISBA_ENDING = re.compile("(?:ية|يه|يين|يون|يان|ي|ى)$")


@functools.lru_cache(maxsize=50_000)
def place_adjective(word):
    """Whether a definite adjective names a country or region (الأمريكية, السوري, الخليجي)."""
    stem = _NISBA_ENDING.sub("", word[2:]) if word[:2] == "ال" else ""
    if len(stem) < 2:
        return False
    return any(fold(form) in _PLACES for form in (stem, stem + "ا", stem + "يا", "ال" + stem, "ال" + stem + "ية"))


# Nouns that head an institution, a place or an event named by the word after
# them («وزارة الداخلية», «ميدان التحرير», «كأس العالم»): the pair is the tag,
# a name never starts with one («رئيس وحدة مباحث ...» is no person), and a
# person's name after one is part of that name («ملعب الأمير فيصل بن فهد»).
HEADS = frozenset("""
وزارة وزير مجلس جماعة حزب جامعة محكمة نقابة حركة جبهة هيئة مديرية محافظة قوات منظمة
اتحاد بنك شركة مستشفى ميدان شارع قناة صحيفة وكالة مطار نادي لجنة جمهورية مدينة قرية
مركز قسم سجن قصر جهاز قطاع إدارة ادارة وحدة مباحث مكتب مصلحة دار مسجد كنيسة جامع
ائتلاف تيار تحالف مؤسسة بورصة صندوق جمعية رابطة أكاديمية معهد رئاسة إمارة منطقة
ملعب استاد ستاد دوري كأس بطولة جائزة ميناء قاعدة مجمع حديقة
""".split())

# Heads that name things as often as they describe them («قطاع الخدمات»,
# «إدارة المشروعات»): their phrases must pass the same test as a noun and
# its adjective in `choose_tags`.
WEAK_HEADS = frozenset("""
إدارة ادارة قطاع مكتب حركة جبهة قوات منطقة وحدة قسم مركز شركة دار قصر جهاز لجنة مصلحة
بطولة جائزة قاعدة مجمع ملعب استاد ستاد حديقة
""".split())
# Heads of an administrative area: «منطقة عسير» is «عسير».
ADMINISTRATIVE = frozenset("منطقة محافظة مدينة قرية إمارة ولاية".split())
# Heads that a person's name after them is part of («ملعب الأمير فيصل بن فهد»,
# «جامعة الملك سعود»), unlike «برئاسة المستشار ...», which only says who.
NAMESAKES = frozenset("""
ملعب استاد ستاد دوري كأس بطولة جائزة مستشفى جامعة مدينة مطار مسجد جامع شارع ميدان مركز
مؤسسة قاعدة ميناء مجمع صندوق جمعية معهد أكاديمية قصر دار
""".split())

# Words that end a name: particles, prepositions, pronouns, common verbs of speech.
NAME_STOP = frozenset("""
لشئون لشؤون عدم بشأن بشان جراء إثر اثر وسط
قال قالت فقال فقالت وقال وقالت يقول تقول أنه انه أنها انها ان أن إن عن في من الى إلى على علي مع بعد قبل خلال حول بين هو هي هم هذا هذه ذلك تلك التي الذي
اكد أكد أكدت اكدت اضاف أضاف أضافت اشار أشار أشارت اوضح أوضح أوضحت ذكر ذكرت
لا لم لن ما ماذا كما كان كانت يكون تكون قد لقد ثم او أو اي أي كل بعض غير منذ عند لدى
هنا هناك اليوم امس أمس يوم صباح مساء عام رحمه أحد احد إحدى احدى امام أمام ضد عبر نحو دون حتى اذا إذا لكن لكنه
""".split())
# Adjectives that end like family names but follow a name as part of
# another one («مطار الملك فهد الدولي»).
NOT_FAMILY = frozenset("""
الدولي الوطني العالمي الإقليمي الرسمي الحالي الأمني الشعبي الخليجي العربي الإسلامي الجامعي
المركزي الرئيسي الرئيسى الصحي الطبي الاجتماعي الاقتصادي السياسي الثقافي التجاري الخيري التعليمي
التنفيذي الماضي الثاني الحقيقي الأساسي الفعلي الملكي الدبلوماسي العسكري الجوي البحري
""".split())
# Prepositions that a verbal noun governs («الإفراج عن», «الطعن على»); not
# «في» or «من», which follow any noun («الأسرى في سجون ...»).
PREPOSITIONS = frozenset("عن على الى إلى".split())
# Name parts that are always followed by another part, even a definite one (عبد الله).
NAME_JOINERS = frozenset("عبد ابو أبو ابن بن بنت ام أم آل ال".split())
# Second halves of compound given names: «محيي الدين», «سيف الإسلام», «زين العابدين».
NAME_ENDINGS = frozenset("الدين الله الإسلام الاسلام العابدين الرحمن الحق".split())
# Definite nouns whose next word is an institution name («المجلس القومي للمرأة»).
_INSTITUTION_HEADS = frozenset("ال" + head for head in HEADS)


_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


@functools.lru_cache(maxsize=200_000)
def fold(word):
    """Matching key: marks and tatweel dropped, hamza seats and final letters folded."""
    return _MARKS.sub("", word).translate(_FOLD)


_PLACES = frozenset(fold(place) for place in PLACES)
_GIVEN = frozenset(fold(name) for name in GIVEN_NAMES)
_TITLES = frozenset(fold(title) for title in TITLES)  # «المحامى» is «المحامي»
_JOINERS = frozenset(fold(joiner) for joiner in NAME_JOINERS)
_FOLDED_HEADS = frozenset(fold(head) for head in HEADS)
_NAME_STOP = frozenset(fold(word) for word in NAME_STOP)  # «فى» is «في»
_PREPOSITIONS = frozenset(fold(word) for word in PREPOSITIONS)
# Who speaks «باسم» («in the name of») someone: then «باسم» is no given name.
_SPEAKERS = frozenset(fold(word) for word in "المتحدث المتحدثة متحدث متحدثا الناطق الناطقة ناطق ناطقا".split())


def _definite(word):
    """`والصين` → (`الصين`, `وال`); None when the word has no definite article."""
    match = _CLITIC_AL.match(word)
    if not match:
        return None
    rest, prefix = word[match.end():], match.group()
    if len(rest) < 3:
        return None
    return "ال" + rest, prefix[:-2] if prefix.endswith("ال") else prefix[:-1]


PLACE, DEFINITE, TITLE, OTHER = range(4)
JOINER, OPENER = 1, 2  # flags of a word that is not a place or a definite noun
_NOTHING = (OTHER, "", "", None, 0)  # before the first word and after the last


@functools.lru_cache(maxsize=300_000)
def classify(word):
    """(kind, tag form, clitic before ال, institution head, JOINER/OPENER flags) of a word.

    Cached: words repeat. A place is recognised with or without one clitic
    (`وبغداد`); a definite noun keeps the clitic it was read behind, which
    `choose_tags` checks; the last two fields spare the scan of every article
    the same look-ups.
    """
    word = _MARKS.sub("", word)
    key = fold(word)
    if key in _PLACES:
        return PLACE, word, "", None, 0
    if word[:1] in "وفبل" and key[1:] in _PLACES:
        return PLACE, word[1:], "", None, 0
    if word[:2] == "لل" and word[1:] in HEADS:
        return DEFINITE, "ال" + word[1:], "ل", None, 0  # «للجنة» is «ل» + «اللجنة», not «لل» + «جنة»
    if key in _TITLES or (word[:1] == "و" and key[1:] in _TITLES):
        return TITLE, word, "", _head(word), 0
    definite = _definite(word)
    if definite:
        return DEFINITE, definite[0], definite[1], None, 0
    return OTHER, word, "", _head(word), (JOINER if key in _JOINERS else 0) | (OPENER if _opens_name(key) else 0)


def _verb_like(word, first):
    """A verb (يطالب, تختبر, ويبدو, حضروا) that is no given name (يوسف, تامر).

    The first word of a name is held to fewer patterns: «تركي بن سعود» is a
    name, «يأتي ضمن» and «تختبر محرك» start with a verb.
    """
    bare = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    if fold(bare) in _GIVEN or len(bare) < 4:
        return False
    if first:
        return bare[0] == "ي" or (bare[0] == "ت" and len(bare) >= 5)
    # Not ن («بنيامين نتنياهو», «علاء بن عبدالله نصيف»); a plural past ends in وا («حضروا»).
    return bare[0] in "يت" or bare.endswith("وا")


_MASDAR = re.compile("^[بل]ت..ي.$")  # «بتشكيل», «لتوزيع»: a preposition and a verbal noun


def _name_part(kinds, j, name):
    """The word at `j` as the next part of `name`, or None where the name ends."""
    kind, word, clitic = kinds[j][:3]
    joined = bool(name) and fold(name[-1]) in _JOINERS
    if not name and fold(word) == "باسم" and j and fold(kinds[j - 1][1]).lstrip("و") in _SPEAKERS:
        return None  # «المتحدث باسم مقاتلين»: «in the name of», not «Basem»
    if kind == DEFINITE and not clitic:
        if joined or (name and word in NAME_ENDINGS):
            return word  # «عبد الله», «محيي الدين»
        if name and word not in STOP and word not in NOT_FAMILY and not word.endswith(("ية", "يه")) and (
                word[-1] in "يى" or any(fold(part) in ("بن", "ابن") for part in name)):
            # A family name («محمد البرادعي», «عبدالله بن أحمد المغلوث»); a feminine
            # adjective ends an institution («جامعة الإمام محمد بن سعود الإسلامية»).
            return word
        return None
    if kind != OTHER or len(word) < 2 or fold(word) in _NAME_STOP or _verb_like(word, not name) \
            or word in HEADS or (word[:1] in "وبل" and word[1:] in HEADS):
        return None
    if word[:1] == "و" and (name and not joined or (len(word) > 4 and fold(word) not in _GIVEN)):
        return None  # «واستصلاح»: a conjunction, not a name
    if fold(word) not in _GIVEN and ((word[:1] in "لب" and (word.endswith("ات") or word[1:2] in "أإ"
                                                             or _MASDAR.match(word)))
                                     or (word[:1] == "ل" and word[-1] == "ة") or (not name and word[-1] == "ة")):
        return None  # «لنيابات», «لإعمار», «بتشغيل», «لسنة»: a preposition and a noun; «قافلة»: no given name
    return word


def _name_from(kinds, j, max_words=4, titled=False):
    """The name that starts at `j` («شي جين بينغ»), with the index after it; None if no name.

    A long chain of ancestors («محمد بن سلمان بن عبد العزيز») is read to its
    end, so that its tail is not taken for another name, and cut to `max_words`.
    """
    name = []
    while j < len(kinds):
        # After a title «علي» is a name («الرئيس السابق علي عبد الله صالح»), not «على».
        part = kinds[j][1] if titled and not name and fold(kinds[j][1]) == "علي" else _name_part(kinds, j, name)
        if part is None:
            break
        name.append(part)
        j += 1
        if part.startswith("ال") and fold(name[-2] if len(name) > 1 else "") not in _JOINERS \
                and part not in NAME_ENDINGS:
            break  # a family name ends it
    end = j
    # `max_words` counts the words of a name, «جاب الله» as one.
    kept, parts = [], 0
    for part in name:
        parts += not (kept and part in NAME_ENDINGS and fold(kept[-1]) != "عبد")
        if parts > max_words:
            break
        kept.append(part)
    name = kept
    while name and fold(name[-1]) in _JOINERS:
        name.pop()
    # «عبد العزيز» is one given name, not a person's full name; two accusatives
    # («يصدر الوزير قرارا مسببا», «أجرى الأمير اتصالا هاتفيا») are none either.
    parts = len(name) - sum(fold(part) == "عبد" for part in name[:-1])
    if len(name) >= 2 and name[0][-1] == name[1][-1] == "ا" and fold(name[0]) not in _GIVEN:
        return None, end
    return (" ".join(name), end) if parts >= 2 else (None, end)


def _opens_name(key):
    """A given name, or عبد/أبو, can open a name with no title before it (`key` is folded)."""
    return key in _GIVEN or key in ("عبد", "ابو") or (key.startswith("عبدال") and len(key) > 6)


def _head(word):
    """The institution head a word is, clitic dropped («بوزارة» → «وزارة»), or None."""
    if word in HEADS:
        return word
    return word[1:] if word[:1] in "وبلف" and word[1:] in HEADS else None


def _phrase(kinds, raw, start, head=None):
    """The words of the name that starts at `start`, and the index after them.

    A noun or an institution head takes the adjectives after it («الأمم
    المتحدة», «وزارة الخارجية الأمريكية»); a word with a clitic starts a new
    phrase («الإذاعة والتلفزيون» is two); an institution may take a
    complement with ل («المجلس القومي للمرأة», «الاتحاد الدولي لكرة القدم»).
    """
    words, j = [head or kinds[start][1]], start + 1
    if head:  # an institution head: its complement first
        words.append(kinds[j][1])
        j += 1
    institution = len(words) >= 2 or fold(words[0]) in _INSTITUTION_HEADS
    while j < len(kinds) and len(words) < 5:
        if len(words) == 2 and kinds[start][0] == PLACE and words[1] in DIRECTIONS:
            break  # «كوريا الشمالية» is whole: «النووية» after it describes what went before
        kind_j, word_j, clitic_j = kinds[j][:3]
        # A place ends a name after an adjective («المملكة العربية السعودية») or
        # as a direction («الضفة الغربية»), not after a noun («خط القاهرة
        # الإسكندرية»), and never behind a clitic.
        if (kind_j == DEFINITE or (kind_j == PLACE and raw[j][:2] == "ال"
                                   and (len(words) > 1 or word_j in DIRECTIONS))) \
                and not clitic_j and word_j[:2] == "ال" and word_j not in STOP \
                and _adjective(word_j) and _agrees(words[-1], word_j):
            words.append(word_j)
        elif institution and len(words) >= 2 and kind_j == DEFINITE and clitic_j == "ل" \
                and raw[j][:2] == "لل":
            words.append(raw[j])  # «المجلس القومي للمرأة»
        elif institution and len(words) >= 2 and kind_j == OTHER and raw[j][:1] == "ل" and len(raw[j]) > 3 \
                and j + 1 < len(kinds) and kinds[j + 1][0] == DEFINITE and not kinds[j + 1][2]:
            words += [raw[j], kinds[j + 1][1]]  # «الاتحاد الدولي لكرة القدم»
            j += 1
        else:
            break
        j += 1
    return words, j


def _before(kinds, raw, k, name=False):
    """The word at `k` as what completes a name after it («شبين» of «شبين القناطر»), or "".

    Before a person's name only an institution or a venue does («ملعب» of
    «ملعب الأمير فيصل بن فهد»): any other word is the sentence's.
    """
    if k < 0 or kinds[k][0] != OTHER or len(raw[k]) < 3:
        return ""
    if name:
        return kinds[k][3] if kinds[k][3] in NAMESAKES else ""
    word = raw[k]
    return "" if fold(word) in _NAME_STOP or _verb_like(word, True) else word


def _after(kinds, raw, k):
    """The word at `k` as what completes a name before it («بلوك» of «البلاك بلوك»), or "".

    «غير» takes the next word with it («الكسب غير المشروع»); a word behind
    a preposition («بالمنطقة», «بقطاع») starts a phrase of its own, except
    the «لل» of an institution's complement («المجلس القومي للمرأة») and
    the «و» of a name in two parts («حركة العدل والمساواة»). A
    preposition is returned as it is: a noun nearly always followed by the
    same one is an action («الإفراج عن»), which `_completed` leaves out.
    """
    if k >= len(raw) or not kinds[k][1]:
        return ""
    kind, bare, clitic, head = kinds[k][:4]
    if clitic not in ("", "ل", "و") or not clitic and (head or bare) != raw[k] \
            or kind == OTHER and raw[k][:1] == "و":  # «وترفض»: the next clause
        return ""
    word = raw[k]
    if fold(word) == "غير":
        return word + " " + raw[k + 1] if k + 1 < len(raw) and kinds[k + 1][1] else ""
    if fold(word) in _PREPOSITIONS:
        return word  # «الإفراج عن», «الطعن على»: an action, counted to be left out
    return "" if fold(word) in _NAME_STOP or kind == OTHER and _verb_like(word, True) else word


def _occurrences(text):
    """Every candidate in a text: (term, weight, word before, words after, headed).

    A term read behind a clitic is marked `~`. The words around it are what
    might complete it (`_before`, `_after`: «شبين» + «القناطر», «الجيش
    السوري» + «الحر»), for `choose_tags` to tell fragments by counting; a
    word is `headed` where a longer phrase starts with it («المعارضة» of
    «المعارضة السورية»).
    """
    raw = _TOKEN.findall(_MARKS.sub("", text))
    kinds = [classify(w) if _ARABIC.match(w) else _NOTHING for w in raw]
    found = []
    name_end = 0
    previous = _NOTHING

    def add(term, weight, start, end, headed=False, name=False):
        # A phrase is its own completion («المعارضة السورية»), and an institution is whole («مجلس التعاون»).
        before = "" if kinds[start][3] else _before(kinds, raw, start - 1, name)
        found.append((term, weight, before, "" if headed else _after(kinds, raw, end), headed))

    for i, info in enumerate(kinds):
        kind, word, clitic, head, flags = info
        if i < name_end:
            previous = info
            continue
        # A definite word right after a noun or a place is its complement or
        # adjective («رفح البري»), after عبد or أبو part of a name; a clitic
        # (و, ب, لل) frees it.
        bound = not clitic and (previous[0] in (DEFINITE, TITLE, PLACE) or previous[4] & JOINER)
        following = kinds[i + 1] if i + 1 < len(kinds) else _NOTHING
        described = following[0] in (DEFINITE, PLACE) and not following[2] and following[1][:2] == "ال"
        if kind == PLACE or (kind == DEFINITE and word not in STOP and not bound):
            words, end = _phrase(kinds, raw, i) if described else ((word,), i + 1)
            if kind == DEFINITE or not (bound and word in DIRECTIONS):  # «الغربية» of «الضفة الغربية»
                add("~" + word if clitic else word, 1.0, i, i + 1, len(words) > 1)
            if len(words) > 1:  # «كوريا الشمالية», «الأمم المتحدة»
                add(" ".join(words), 1.0, i, end)
        elif kind == DEFINITE and described and previous[0] == TITLE and fold(word) in _INSTITUTION_HEADS:
            words, end = _phrase(kinds, raw, i)  # «رئيس الاتحاد الدولي لكرة القدم»: the institution
            if len(words) > 1:
                add(" ".join(words), 1.0, i, end)
        elif kind == TITLE:
            j = i + 1
            while j < len(kinds) and (kinds[j][0] in (DEFINITE, TITLE, PLACE) or kinds[j][1] in RANKS):
                j += 1
            name, end = _name_from(kinds, j, titled=True)
            if name:
                # The title goes with the word before it: «كأس الأمير» + «فيصل بن فهد».
                before = _before(kinds, raw, i - 1, name=True)
                found.append((name, NAME_FACTOR, before and " ".join([before] + raw[i:j]),
                               _after(kinds, raw, end), False))
                name_end = end
        elif flags & OPENER:
            name, end = _name_from(kinds, i)
            if name:
                add(name, NAME_FACTOR, i, end, name=True)
                name_end = end
        if head and kind != TITLE and fold(head) not in _TITLES and described and following[0] == DEFINITE \
                and following[1] not in STOP:
            words, end = _phrase(kinds, raw, i, head)  # not «وزير الداخلية»: a title, no one named
            add(" ".join(words), 1.0, i, end)
        previous = info
    return found


# A term in the headline weighs TITLE_WEIGHT; repetitions in the text add up
# to at most BODY_CAP, so a weight of TITLE_WEIGHT or more means "in the headline".
TITLE_WEIGHT = 3.0
BODY_CAP = 2.5
NAME_FACTOR = 1.5  # a name says more about an article than a noun
# The words of a news article's opening sentence or two, where what it is about is named.
SALIENT_WORDS = 40


# A place written as where something is or happens: «في بكين», «ببكين», «إلى», «من», «وسط», «العاصمة (القطرية)».
_LOCATED = r"(?:(?:^|\s)(?:في|فى|إلى|الى|من|وسط|داخل)\s+|(?:^|\s)(?:ال)?عاصمة(?:\s+\S+)?\s+|(?:^|\s)[وف]?ب)[^\w\s]?{}"


class Candidates(dict):
    """An article's candidate tags {term: weight}, with what `choose_tags` needs
    besides: `context`, {term: (word before, words after)} where every
    occurrence in the article has the same one («القناطر»: («شبين», "")),
    counted over the archive to tell a fragment of a longer name from a
    name; and `headed`, the terms that start a longer phrase wherever the
    article writes them («المعارضة» of «المعارضة السورية») or end a name
    after a joiner («حمص» of «أبو حمص»): no tags here,
    though they count for the archive's frequencies; and `passing`, the terms
    named once, after the opening and not in the headline (the hospital the
    injured were taken to, a summit's next venue): no tags of this article
    either; and `metonyms`, the capitals the text never writes as a place
    («بين بكين وموسكو», not «في بكين»): its country's government, one tag
    with that country where it is one."""

    def __init__(self, weights, context, headed, passing=frozenset(), metonyms=frozenset()):
        super().__init__(weights)
        self.context = context
        self.headed = headed
        self.passing = passing
        self.metonyms = metonyms


def candidates(title, paragraphs, lead_words=120, body_words=400):
    """Candidate tags of one article with a weight: headline 3 (names 4.5), lead 1, the rest ½.

    Only the first few hundred words are read: what an article is about is
    said early, and long opinion pieces would otherwise cost the most. Weights
    from the text stop at BODY_CAP, below the headline's, so that choose_tags
    can tell which candidates stood in the headline. A word that starts a
    longer phrase wherever the article writes it («المعارضة» of «المعارضة
    السورية») is no tag of this article.
    """
    words = " ".join(paragraphs).split()
    opening = {term for term, *_ in _occurrences(" ".join(words[:SALIENT_WORDS]))}
    mentions = Counter()
    body = Counter()
    names = set()
    around = {}  # term: [words before, words after, always headed]
    title_terms = {}
    for text, weight in ((" ".join(words[:lead_words]), 1.0), (" ".join(words[lead_words:body_words]), 0.5),
                         (title or "", None)):
        for term, factor, before, after, headed in _occurrences(text):
            if weight is None:
                title_terms[term] = factor
            else:
                body[term] += weight * factor
                mentions[term] += 1
            if factor == NAME_FACTOR:
                names.add(term)
            seen = around.setdefault(term, [set(), set(), True])
            seen[0].add(before)
            seen[1].add(after)
            seen[2] = seen[2] and headed
    found = {term: min(w, BODY_CAP) for term, w in body.items()}
    for term, factor in title_terms.items():
        found[term] = found.get(term, 0.0) + TITLE_WEIGHT * factor
    # «المالكي» alone after «نوري المالكي» is that person: one candidate, the full name.
    for name in sorted(names):
        family = name.rsplit(" ", 1)[1]
        if family[:2] == "ال" and family in found:
            found[name] += found.pop(family)
            mentions[name] += mentions[family]
            if family in opening or family in title_terms:
                opening.add(name)
    context = {}
    for term in found:
        before, after, _ = around[term]
        # «بحفر الباطن» and «حفر الباطن» are completed alike.
        before = {word[1:] if word[:1] in "وبلف" and word[1:] in before else word for word in before}
        before = next(iter(before)) if len(before) == 1 else ""
        after = next(iter(after)) if len(after) == 1 else ""
        if before or after:
            context[term] = (before, after)
    # «حمص» of «أبو حمص», «بأبو حمص» wherever the article writes it: a piece of that name, no tag.
    joined = {term for term in found
              if all(word and fold(word[1:] if word[:1] in "وبلف" and len(word) > 3 else word) in _JOINERS
                     for word in around[term][0])}
    headed = frozenset(term for term in found if around[term][2] or term in joined)
    passing = frozenset(term for term in found
                        if term not in title_terms and term not in opening and mentions[term] <= 1)
    capitals = [term for term in found if term not in title_terms and COUNTRIES.get(fold(term), ("", False))[1]]
    text = " ".join(words[:body_words]) if capitals else ""
    metonyms = frozenset(term for term in capitals if not re.search(_LOCATED.format(re.escape(term)), text))
    return Candidates({term: round(w, 2) for term, w in found.items()}, context, headed, passing, metonyms)



def _resolve_clitics(candidate_lists):
    """Articles' candidates with `~الكلمة` read as `الكلمة` where the archive writes it alone.

    «والصين» is «الصين» because «الصين» occurs on its own; «فالنسيا» gives
    «النسيا», which nowhere stands alone, so it is dropped.
    """
    spellings = set(chain.from_iterable(candidate_lists))
    attested = {fold(term) for term in spellings if term[:1] != "~"}
    marked = {term for term in spellings if term[:1] == "~"}
    readable = {term: term[1:] for term in marked if fold(term[1:]) in attested}
    resolved = []
    for terms in candidate_lists:
        if marked.isdisjoint(terms):
            resolved.append(terms)
            continue
        merged = {}
        for term, weight in terms.items():
            if term in marked:
                term = readable.get(term)
                if term is None:
                    continue
            merged[term] = merged.get(term, 0.0) + weight
        resolved.append(merged)
    return resolved


def _completions(contexts, alone):
    """How the archive completes its terms: ({folded term: (side, words, articles)}
    of fragments, {folded term: Counter of (side, words)}).

    A term is a fragment where, in at least `COMPLETED_SHARE` of the articles
    that have it on its own (`alone`: not only as the start of a longer
    phrase), and `COMPLETED_MIN` of them, every occurrence has the same word
    before it (side 0: «شبين» + «القناطر», «دوري» + «عبد اللطيف جميل») or the
    same words after it (side 1: «البلاك» + «بلوك», «الكسب» + «غير
    المشروع»). A word written behind a clitic («بشبين») counts as the word.
    What follows a person's name is no part of it («باسم عودة» + «وزير»), what
    follows a noun or an institution may be («دوري الدرجة» + «الأولى»), and
    a noun followed by a title («السمو الملكي» + «الأمير») is an honorific
    only where it nearly always is (`HONORIFIC_SHARE`): «مجلس الوزراء» is
    often followed by the minister who spoke for it. A single noun followed
    by a person's name in `ROLE_SHARE` of its articles is a role («الزميل»,
    «المدافع»), no tag either.
    """
    counts = defaultdict(Counter)
    for context in contexts:
        for term, (before, after) in context.items():
            term = term.lstrip("~")
            key = fold(term)
            if before:
                counts[key][0, before] += 1
            if after and (term[:2] == "ال" or key.split(" ", 1)[0] in _FOLDED_HEADS) \
                    and not (" " in key and fold(after) in _PREPOSITIONS):  # «العدوان الإسرائيلي على»
                counts[key][1, after] += 1
    fragments = {}
    for key, counter in counts.items():
        # «الزميل», «المدافع», «الشاعر»: a noun often followed by a person's name is his role.
        names = " " not in key and sum(n for (side, words), n in counter.items()
                                       if side and _opens_name(fold(words.split()[0])))
        if names and names >= max(COMPLETED_MIN, ROLE_SHARE * alone[key]):
            fragments[key] = (1, "", names)  # a role: no tag
            continue
        titles = 0
        for side, words in list(counter):
            if side and fold(words.split()[0]) in _TITLES:
                titles += counter.pop((side, words))
            elif side == 0 and words[:1] in "وبلف" and (0, words[1:]) in counter:
                counter[0, words[1:]] += counter.pop((0, words))
        if titles >= max(COMPLETED_MIN, HONORIFIC_SHARE * alone[key]):
            fragments[key] = (1, "", titles)  # no longer name: no tag
        elif counter:
            (side, words), n = max(counter.items(), key=lambda item: (item[1], item[0]))
            if n >= max(COMPLETED_MIN, COMPLETED_SHARE * alone[key]):
                fragments[key] = (side, words, n)
    return fragments, counts


def _local_completion(term, context, counter, alone, place_heads=True):
    """The completion this article gives a term that the archive does not take
    for a fragment, as a fragment, or None.

    A person's name after an institution or a venue is part of its name
    wherever the article writes it so («ملعب الأمير» + «عبد الرحمن بن سعود»),
    and so is a place after an institution that is no weak or administrative
    head («قناة السويس», «جامعة تبوك»; not «قطاع غزة», «محافظة القليوبية»).
    Another term, not a place (a place written alone is that place), takes
    the institution before it («حزب» + «مصر القوية») or the definite word
    after it («الجيش السوري» + «الحر», «حركة العدل» + «والمساواة») where
    every occurrence in this article has it and the archive writes the pair
    in other articles too (`LOCAL_MIN`, `LOCAL_SHARE` of the term's articles).
    """
    if fold(term.split(" ", 1)[0]) in _PLACES:
        head = place_heads and " " not in term and context[0] and (
            context[0] if context[0] in COMPASS else classify(context[0])[3])
        if head and head not in WEAK_HEADS and head not in ADMINISTRATIVE:
            return 0, head, 1  # «قناة السويس», «جامعة تبوك», «شمال سيناء»: a name, not the place
        return None
    if " " in term and term[:2] != "ال":
        return (0, context[0], 1) if context[0] and classify(context[0].split()[0])[3] in NAMESAKES else None
    before, after = context
    head = before and classify(before)[3]
    kind, word = classify(after)[:2] if after else (OTHER, "")
    for side, words, usable in ((0, head, bool(head)), (1, after, (kind == DEFINITE or after[:2] == "ال") and word not in STOP)):
        n = usable and (counter[side, words] + (side == 0 and counter[side, before] if before != head else 0))
        if n and n >= max(LOCAL_MIN, LOCAL_SHARE * alone):
            return side, words, n
    return None


# A term completed the same way in this share of its articles is a fragment;
# a noun followed by a title in this share is an honorific; an article's own
# completion needs the pair in this share of the term's articles.
COMPLETED_SHARE = 0.5
OVERREAD_RATIO = 5
HONORIFIC_SHARE = 0.8
HEADED_SHARE = 0.5
ROLE_SHARE = 0.25
COMPLETED_MIN = 3
LOCAL_SHARE = 0.3
LOCAL_MIN = 2


def _completed(term, context, fragment):
    """The longer name a fragment is part of in this article; the term itself
    for a place written alone («مدريد», not «ريال مدريد»); else None (no tag).

    None where this article writes the term otherwise, or where what completes
    it is a particle, and for an honorific («السمو الملكي» + «الأمير»).
    """
    side, words, _ = fragment
    if not words:
        return None  # an honorific
    if fold(term.split(" ", 1)[0]) in _PLACES and (side or classify(words)[3] in ADMINISTRATIVE):
        return term  # «مكة المكرمة», not «منطقة مكة المكرمة» nor «الزقازيق عاصمة»
    if context is None or context[side] != words and context[side][1:] != words \
            and not (side == 0 and context[0] and classify(context[0])[3] == words):
        return term if fold(term) in _PLACES and not (context and context[side]) else None
    if fold(words.split()[-1]) in _NAME_STOP:
        return None
    return f"{words} {term}" if side == 0 else f"{term} {words}"


# Capitals that news writes for their country's government («بكين تدعو», «طهران
# ترفض»), and a country's other names: general knowledge, not counted; only
# capitals the gazetteer (lexicon.PLACES) has, since no other is a candidate.
# A capital that is also a country (الكويت), or names two places (طرابلس,
# عمان), is left out.
CAPITALS = {
    "واشنطن": "الولايات المتحدة", "موسكو": "روسيا", "بكين": "الصين", "لندن": "بريطانيا", "باريس": "فرنسا",
    "برلين": "ألمانيا", "روما": "إيطاليا", "مدريد": "إسبانيا", "طهران": "إيران", "أنقرة": "تركيا",
    "دمشق": "سوريا", "بيروت": "لبنان", "بغداد": "العراق", "صنعاء": "اليمن", "الخرطوم": "السودان",
    "الرباط": "المغرب", "نواكشوط": "موريتانيا", "مقديشو": "الصومال", "نيروبي": "كينيا", "القاهرة": "مصر",
    "الرياض": "السعودية", "الدوحة": "قطر", "المنامة": "البحرين", "أبوظبي": "الإمارات", "مسقط": "عمان",
    "كابل": "أفغانستان", "نيودلهي": "الهند", "طوكيو": "اليابان", "سيول": "كوريا الجنوبية",
    "فيينا": "النمسا", "بروكسل": "بلجيكا",
}
COUNTRY_NAMES = {"أمريكا": "الولايات المتحدة", "أميركا": "الولايات المتحدة", "سورية": "سوريا",
                 "المملكة العربية السعودية": "السعودية"}
# A continent is too wide to group an archive's news by, unless the headline names it.
CONTINENTS = frozenset(fold(name) for name in "آسيا أوروبا أفريقيا إفريقيا".split())
# {folded name: (folded country, is a capital)}.
COUNTRIES = {fold(name): (fold(country), name in CAPITALS)
             for name, country in chain(CAPITALS.items(), COUNTRY_NAMES.items(),
                                        ((country, country) for country in CAPITALS.values()))}


def _one_per_country(scored, countries, min_score, metonyms):
    """`scored` ((score, term), best first) with one tag per country: another
    name of a country gives way to its own («أمريكا» to «الولايات المتحدة»),
    and so does a capital that stands for its government (`metonyms`: «بين
    بكين وموسكو»)."""
    tagged = {fold(term) for score, term in scored if score >= min_score}
    return [(score, term) for score, term in scored
            if not _gives_way(term, countries, tagged, term in metonyms)]


def _gives_way(term, countries, tagged, metonym):
    """Whether `term` is another name of, or a capital standing for, a country tagged too."""
    key = fold(term)
    country, capital = countries.get(key, (key, False))
    return country != key and country in tagged and (metonym or not capital)


def _anaphoric(term):
    """An institution of another one named by its bare head («مجلس الإدارة», «مباحث
    المركز»): whose, the article says elsewhere. A club is named by any word («نادي الاتحاد»)."""
    words = term.split()
    return len(words) == 2 and fold(words[0]) in _FOLDED_HEADS and fold(words[0]) != "نادي" \
        and words[1] in _INSTITUTION_HEADS


def _place_key(key):
    """One key for a country and its other spelling («سورية», «سوريا»)."""
    return key[:-2] if key in _PLACES and key.endswith(("يه", "يا")) else key


# «التنديد», «التعليم», «التحرير»: the verbal noun of an action (تفعيل), no topic on its own.
_VERBAL_NOUN = re.compile("^الت..ي.$")


def choose_tags(candidate_lists, max_tags=5, max_share=0.1, min_headline_share=0.3, min_headlines=3,
                min_name_share=0.008, min_relevance=0.45, min_archive=200, countries=COUNTRIES,
                min_description_share=0.05, place_heads=True, anaphoric=True, verbal_nouns=True,
                continents=CONTINENTS):
    """For each article's candidates, the best tags by tf-idf across all articles.

    A tag must occur in at least two articles (a tag page of one is no grouping)
    and in at most `max_share` of them (too common to tell news apart). In an
    archive of `min_archive` articles or more its headlines count as well:

    - a single common noun (no place) must stand in the headline of this
      article, and of `min_headline_share` and at least `min_headlines` of the
      articles that have it: topics make headlines, generic and anaphoric nouns
      («الجودة», «الشركة», «الحوار», «الإضراب») do not (three independent readers'
      verdicts put the line near 0.3: below it they rejected most such tags), nor
      a verbal noun of the form تفعيل (`verbal_nouns`: «التنديد», «التعليم»;
      «ميدان التحرير» stays). A nationality adjective («التركي») is no
      tag, nor a word in ي that the archive never writes after a given name;
    - a noun and its adjective («الجودة العالية»), unless the noun is a place
      («الضفة الغربية»), is an established name if
      written alike in `min_name_share` of the archive («الولايات المتحدة»);
      else it must make headlines half as often, and this article's
      headline. However common, one whose adjective is neither a place's,
      a people's nor a direction's, nor headed by an institution, must make
      `min_description_share` of its articles' headlines («الأجهزة
      الأمنية», «المجتمع الدولي», «الناطق الإعلامي» hardly ever do; most
      readers rejected them). A weak head and its complement («قوات الأمن»,
      «قطاع الخدمات») must make headlines, however common; an institution
      of another one named by its bare head («مجلس الإدارة», «مباحث
      المركز», «رئاسة الجمهورية»: whose, the article says elsewhere) is no
      name (`anaphoric`), a club excepted («نادي الاتحاد»).

    Tags scoring under `min_relevance` × log(articles) (weight × idf, a share
    of the largest idf the archive allows) are left out: a place named once
    in passing is no tag, and an article with two good tags does not get
    three weak ones as well.

    A term that heads a longer phrase wherever the article writes it is no
    tag of that article, nor anywhere if it does so in most of its articles
    (`HEADED_SHARE`); a fragment of a longer name (`_completions`) gives
    way to that name where the article writes it whole, and to nothing
    elsewhere; «على» opens no name unless the archive also spells it «علي»
    (else it is the preposition: «على ملعب»); two spellings of one country
    («سورية», «سوريا») are one tag, and so are a country and another name
    of it, or its capital where the article never writes the capital as a
    place (`countries`: «بين بكين وموسكو» is China's government, not the
    city); a continent is a tag only where the headline names it
    (`continents`).
    """
    contexts = [getattr(terms, "context", {}) for terms in candidate_lists]
    headed = [getattr(terms, "headed", frozenset()) for terms in candidate_lists]
    passing = [getattr(terms, "passing", frozenset()) for terms in candidate_lists]
    standing_for = [getattr(terms, "metonyms", frozenset()) for terms in candidate_lists]
    candidate_lists = _resolve_clitics(candidate_lists)
    total = len(candidate_lists)
    # Counted per spelling first (in C), then folded once per distinct spelling.
    per_spelling = Counter(chain.from_iterable(candidate_lists))
    in_headline = Counter(term for terms in candidate_lists
                          for term, weight in terms.items() if weight >= TITLE_WEIGHT)
    df, headlines = Counter(), Counter()
    canonical, most = {}, {}
    for term, count in per_spelling.items():  # first-seen order: ties go to the first spelling
        key = fold(term)
        df[key] += count
        headlines[key] += in_headline[term]
        if count > most.get(key, 0):
            most[key] = count
            canonical[key] = term
    ceiling = max(2, int(total * max_share))
    established = max(2, total * min_name_share)
    # Family names as the archive writes them after a given name («نوري المالكي»),
    # and adjectives after a noun («الأسلحة النووية»), counted in articles.
    families, adjectives = set(), Counter()
    for key, count in df.items():
        if " " in key and key[:2] == "ال":
            adjectives[key.rsplit(" ", 1)[1]] += count
        elif " " in key and key.split(" ", 1)[0] not in _FOLDED_HEADS:
            families.add(key.rsplit(" ", 1)[1])
    scoring, headline_only = {}, set()
    for term in per_spelling:
        key = fold(term)
        if not 2 <= df[key] <= ceiling:
            continue
        share = headlines[key] / (df[key] + 1)
        if total < min_archive:
            pass  # too few headlines to learn from: the two-article rule only
        elif " " not in key:
            if key not in _PLACES:
                if share < min_headline_share or headlines[key] < min_headlines or place_adjective(term) \
                        or verbal_nouns and _VERBAL_NOUN.match(term) \
                        or (key[-1] == "ي" and key not in families) \
                        or (key[-1] != "ي" and adjectives[key] >= df[key]):
                    continue  # rare in headlines, or an adjective («القومي», «النووية»)
                headline_only.add(term)
        elif term[:2] == "ال" and df[key] < established and not (
                key.split(" ", 1)[0] in _PLACES and term.split(" ", 1)[0] not in DIRECTIONS):
            if share < min_headline_share / 2 or headlines[key] < min_headlines - 1:
                continue  # «الجودة العالية»: a description, not a name
            headline_only.add(term)
        elif term[:2] == "ال" and share < min_description_share and key.split(" ", 1)[0] not in _PLACES \
                and term.split(" ", 1)[0] not in _INSTITUTION_HEADS and not _named_by(term.split(" ", 2)[1]):
            continue  # «الأجهزة الأمنية», «المجتمع الدولي»: common, and hardly ever a headline's subject
        elif share < min_headline_share / 2 and term.split(" ", 1)[0] in WEAK_HEADS:
            continue  # «قوات الأمن», «قطاع الخدمات»
        elif term[:4] == "على " and not per_spelling["علي " + term[4:]]:
            continue  # «على ملعب»: the preposition, not «علي»
        elif anaphoric and _anaphoric(term):
            continue  # «مباحث المركز», «مجلس الإدارة», «رئاسة الجمهورية»: whose, the article says elsewhere
        scoring[term] = (math.log(total / df[key]), canonical[key])
    # idf grows with the archive: the bar is a share of the largest idf, log(total).
    min_score = min_relevance * math.log(max(total, 2))
    # «حمدين صباحي مؤسس»: a name read one word too far, where the archive has
    # the shorter name in far more articles.
    canonical_of = {fold(term): term for term in scoring}
    shortened = {}
    for term in scoring:
        words = term.split()
        # Not where the last word may be a family name («محمد إبراهيم سليمان») or
        # the shorter name is only given names, which many people share («أحمد محمد»).
        if len(words) >= 3 and term[:2] != "ال" and words[-1][:2] != "ال" and fold(words[0]) not in _FOLDED_HEADS \
                and fold(words[-1]) not in _GIVEN and not all(fold(word) in _GIVEN for word in words[:-1]):
            prefix = fold(" ".join(words[:-1]))
            if prefix in canonical_of and df[prefix] >= OVERREAD_RATIO * df[fold(term)]:
                shortened[term] = canonical_of[prefix]
    alone = Counter(df)
    alone.subtract(fold(term.lstrip("~")) for heads in headed for term in heads)
    # «الجالية» of «الجالية المصرية», «الحراك» of «الحراك الجنوبي»: a single word that
    # heads a longer phrase in most of its articles is short for it where it stands alone.
    short = {key for key in alone if " " not in key and df[key] >= COMPLETED_MIN
             and df[key] - alone[key] >= HEADED_SHARE * df[key] and key not in _PLACES}
    fragments, completions = _completions(contexts, alone)
    chosen = []
    for terms, context, heads, once, metonyms in zip(candidate_lists, contexts, headed, passing, standing_for):
        scored = []
        for term, weight in terms.items():
            found = scoring.get(term)
            if not found or (weight < TITLE_WEIGHT and term in headline_only) or term in heads or term in once:
                continue
            if term in shortened:
                term = shortened[term]
                found = scoring[term]
            key = fold(term)
            around = context.get(term, context.get("~" + term))
            fragment = fragments.get(key) or (around and _local_completion(term, around, completions[key], alone[key],
                                                                           place_heads))
            if fragment:  # «القناطر» → «شبين القناطر» where written so, else no tag
                longer = _completed(found[1], around, fragment)  # spelled as the archive mostly does
                if longer is None or anaphoric and _anaphoric(longer):
                    continue
                found = (found[0], longer)
            elif key in short or weight < TITLE_WEIGHT and key in continents:
                continue
            scored.append((weight * found[0], found[1]))
        # On a tie the longer name wins: «الأمم» alone is a fragment of «الأمم المتحدة».
        scored.sort(key=lambda item: (-item[0], -item[1].count(" "), item[1]))
        tags, keys, words = [], set(), set()
        for score, term in _one_per_country(scored, countries, min_score, metonyms):
            if score < min_score or len(tags) == max_tags:
                break
            key = fold(term)
            parts = {_place_key(part) for part in key.split()}
            # «الأمم المتحدة» and «الأمم» are one tag, not two.
            if key not in keys and not parts & words:
                keys.add(key)
                words |= parts
                tags.append(term)
        chosen.append(tags)
    return chosen
