"""Tags an editor would accept: names and salient nouns, chosen with corpus statistics.

Per article (cached with the reader's output) we collect candidates: definite
nouns (a verb never takes ال, so ال marks a noun), names that follow a title
(«الرئيس الصيني شي جين بينغ»), places from a small gazetteer, and two-word
names: an institution noun and its complement («وزارة الداخلية») or a noun
and its nisba adjective («الأمم المتحدة»). Across all seeds we then keep the
candidates with the best tf-idf that occur in more than one article, so that
tag pages group related news, and never a word together with a phrase that
holds it.
"""

import functools
import math
import re
from collections import Counter
from itertools import chain

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
_CLITIC_AL = re.compile("^(?:[وف]?(?:[بك]?ال|لل))(?=...)")

# Function words and generic nouns that are never tags on their own.
STOP = frozenset("""
الذي التي الذين اللذين اللتين اللاتي اللواتي الى الي الآن الان اليوم امس الأمس
العام الماضي الحالي المقبل القادم الأول الاول الأولى الاولى الثاني الثانية الثالث الأخير
الأخيرة الاخير الاخيرة الكثير الكبير الكبرى الجديد الجديدة السابق السابقة اللازم اللازمة
الخاص الخاصة العامة الوقت الفترة الأمر الامر الشأن الجانب الجانبان الجانبين الطرفين الطرف
الأسبوع الاسبوع الشهر الساعة الساعات الأيام الايام السنة السنوات العديد البعض الكل الجميع
المزيد الحديث القول الإطار الاطار الصدد الحين الخارج الداخل المرحلة النحو الحالة الظروف
المصدر المصادر الموقع الخبر الأخبار الاخبار الصور الفيديو التفاصيل المقال الأنباء الانباء
اليومين الصباح المساء الليل الليلة الظهر الأحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء
الخميس الجمعة السبت الله اللهم المختلفة المختلف الحقيقة الواقع الأساس الاساس النهاية
البلاد الدولة الدول المستوى الشكل الطريق الطريقة الأطراف الاطراف المجال المجالات الأخرى الاخرى
الآخر الاخر الآخرين الاخرين الثلاث الثلاثة الأربعة الخمسة العشرات المئات الآلاف الالاف
""".split())

TITLES = frozenset("""
الرئيس رئيس الوزير وزير السيد السيدة الدكتور الدكتورة د المستشار اللواء العميد العقيد
الفريق المشير الشيخ النائب المتحدث نظيره نظيرته الأمين الامين الملك الأمير الامير
المرشد الإمام الامام البابا الأنبا الانبا القاضي المحامي الكاتب الفنان الفنانة المهندس
رئيسة محافظ المحافظ مدير المدير السفير الداعية الناشط الناشطة القيادي العضو عضو
نائب مساعد وكيل مستشار أول اول ركن قائد منسق مفتش مأمور معاون ضابط نقيب رائد مقدم ملازم
النقيب الرائد المقدم الملازم الضابط المفتش المأمور المعاون قاضي قاضى
""".split())

# Adjectives that follow a noun in names without the nisba ending checked
# by `_adjective` («الأمم المتحدة», «الشرق الأوسط»).
ADJECTIVES = frozenset("""
المتحدة المسلمين المسلمون الأوسط الاوسط العالي العالى الأحمر الاحمر الأبيض الابيض
الأعلى الاعلى العليا المسلحة الحرة الكبرى
""".split())
_NISBA = re.compile("(?:ي|ى|ية|يه|يين|يون|يان|يتين)$")


def _adjective(word):
    """Whether a definite word after a noun reads as its adjective (mostly nisba: الأمريكية)."""
    return word in ADJECTIVES or bool(_NISBA.search(word))


# Nouns that head an institution or a place named by the word after them
# («وزارة الداخلية», «ميدان التحرير»): the pair is the tag, and a name never
# starts with one («رئيس وحدة مباحث ...» is no person).
HEADS = frozenset("""
وزارة وزير مجلس جماعة حزب جامعة محكمة نقابة حركة جبهة هيئة مديرية محافظة قوات منظمة
اتحاد بنك شركة مستشفى ميدان شارع قناة صحيفة وكالة مطار نادي لجنة جمهورية مدينة قرية
مركز قسم سجن قصر جهاز قطاع إدارة ادارة وحدة مباحث مكتب مصلحة دار مسجد كنيسة جامع
ائتلاف تيار تحالف مؤسسة بورصة صندوق
""".split())

# Words that end a name: particles, prepositions, pronouns, common verbs of speech.
NAME_STOP = frozenset("""
لشئون لشؤون عدم بشأن بشان جراء إثر اثر وسط
قال قالت فقال فقالت وقال وقالت يقول تقول أنه انه أنها انها ان أن إن عن في من الى إلى على علي مع بعد قبل خلال حول بين هو هي هم هذا هذه ذلك تلك التي الذي
قال قالت اكد أكد أكدت اكدت اضاف أضاف أضافت اشار أشار أشارت اوضح أوضح أوضحت ذكر ذكرت
لا لم لن ما ماذا كما كان كانت يكون تكون قد لقد ثم او أو اي أي كل بعض غير منذ عند لدى
هنا هناك اليوم امس أمس يوم صباح مساء امام أمام ضد عبر نحو دون حتى اذا إذا لكن لكنه
""".split())
# Name parts that are always followed by another part, even a definite one (عبد الله).
NAME_JOINERS = frozenset("عبد ابو أبو ابن بن بنت ام أم".split())

# A few places that carry no ال and that news names constantly.
PLACES = frozenset("""
مصر سوريا ليبيا تونس لبنان فلسطين إسرائيل اسرائيل إيران ايران تركيا روسيا أمريكا امريكا
بريطانيا فرنسا ألمانيا المانيا إيطاليا ايطاليا إسبانيا اسبانيا الصين اليابان الهند باكستان
أفغانستان افغانستان قطر الكويت البحرين عمان الإمارات الامارات السعودية اليمن العراق الأردن
الاردن السودان الجزائر المغرب موريتانيا الصومال إثيوبيا اثيوبيا كينيا نيجيريا مالي أوكرانيا
اوكرانيا بروكسل واشنطن موسكو بكين لندن باريس برلين طهران أنقرة انقرة دمشق بيروت بغداد غزة
رفح القدس الضفة القاهرة الإسكندرية الاسكندرية الجيزة الأقصر الاقصر أسوان اسوان سيناء السويس
بورسعيد الإسماعيلية الاسماعيلية دمياط المنصورة طنطا الفيوم المنيا أسيوط اسيوط سوهاج قنا
الدقهلية الشرقية المنوفية القليوبية الغربية البحيرة كفرالشيخ بنها الزقازيق دبي الرياض جدة
الدوحة أبوظبي ابوظبي الخرطوم طرابلس بنغازي تونس الرباط نيويورك جنيف فيينا أوروبا اوروبا
أفريقيا افريقيا آسيا اسيا
""".split())


_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


@functools.lru_cache(maxsize=200_000)
def fold(word):
    """Matching key: marks and tatweel dropped, hamza seats and final letters folded."""
    return _MARKS.sub("", word).translate(_FOLD)


def _definite(word):
    """`والصين` → `الصين`; None when the word has no definite article."""
    match = _CLITIC_AL.match(word)
    if not match:
        return None
    rest = word[match.end():]
    return "ال" + rest if len(rest) >= 3 else None


PLACE, DEFINITE, TITLE, OTHER = range(4)
# Titles as `fold` spells them: «المحامى» is «المحامي».
_TITLES = frozenset(fold(title) for title in TITLES)


@functools.lru_cache(maxsize=300_000)
def classify(word):
    """What a word can contribute to tags, with its tag form (cached: words repeat)."""
    word = _MARKS.sub("", word)
    bare = word[1:] if word[:1] in "وفبل" and word[1:] in PLACES else word
    if bare in PLACES:
        return PLACE, bare
    if fold(word) in _TITLES or (word[:1] == "و" and fold(word[1:]) in _TITLES):
        return TITLE, word
    definite = _definite(word)
    return (DEFINITE, definite) if definite else (OTHER, word)


def _name_after(kinds, start):
    """The name that follows a title («الرئيس الصيني شي جين بينغ» → «شي جين بينغ»)."""
    j = start
    while j < len(kinds) and kinds[j][0] in (DEFINITE, TITLE):
        j += 1
    name = []
    while j < len(kinds) and len(name) < 3:
        kind, word = kinds[j]
        joined = bool(name) and name[-1] in NAME_JOINERS
        if not joined and name and kind == DEFINITE and word[-1] in "يى" and word not in STOP:
            name.append(word)  # a family name ends it: «محمد البرادعي», «عبد الفتاح السيسي»
            break
        if not joined and (kind != OTHER or word in NAME_STOP or len(word) < 2
                           or (word.startswith("و") and name) or word in HEADS
                           or (word[:1] in "وبل" and word[1:] in HEADS)):
            break
        name.append(word)
        j += 1
    while name and name[-1] in NAME_JOINERS:
        name.pop()
    return " ".join(name) if len(name) >= 2 else None


def candidates(title, paragraphs, lead_words=120, body_words=400):
    """Candidate tags of one article with a weight (title 3, lead 1, the rest ½).

    Only the first few hundred words are read: what an article is about is
    said early, and long opinion pieces would otherwise cost the most.
    """
    found = Counter()
    words = " ".join(paragraphs).split()
    texts = [(title or "", 3.0), (" ".join(words[:lead_words]), 1.0),
             (" ".join(words[lead_words:body_words]), 0.5)]
    for text, weight in texts:
        kinds = [classify(w) for w in _WORD.findall(text)]
        previous = (OTHER, "")
        for i, (kind, word) in enumerate(kinds):
            after_definite = previous[0] in (DEFINITE, TITLE) or (
                previous[0] == PLACE and previous[1].startswith("ال"))
            if kind == PLACE:
                found[word] += weight
            elif kind == DEFINITE and word not in STOP:
                if not after_definite:
                    found[word] += weight
                # Noun and adjective («الأمن المركزي»), head and name
                # («وزارة الداخلية»): the pair says more than either word.
                if ((previous[0] == DEFINITE and previous[1] not in STOP and _adjective(word))
                        or previous[1] in HEADS):
                    found[previous[1] + " " + word] += weight
            elif kind == TITLE:
                name = _name_after(kinds, i + 1)
                if name:
                    found[name] += weight * 1.5
            previous = (kind, word)
    return {term: round(w, 2) for term, w in found.items()}


def choose_tags(candidate_lists, max_tags=5, max_share=0.1):
    """For each article's candidates, the best tags by tf-idf across all articles.

    A tag must occur in at least two articles (a tag page of one is no grouping)
    and in at most `max_share` of them (too common to tell news apart).
    """
    total = len(candidate_lists)
    # Counted per spelling first (in C), then folded once per distinct spelling.
    per_spelling = Counter(chain.from_iterable(candidate_lists))
    df = Counter()
    canonical = {}
    most = {}
    for term, count in per_spelling.items():  # first-seen order: ties go to the first spelling
        key = fold(term)
        df[key] += count
        if count > most.get(key, 0):
            most[key] = count
            canonical[key] = term
    ceiling = max(2, int(total * max_share))
    scoring = {term: (math.log(total / df[key]), canonical[key])
               for term in per_spelling if 2 <= df[key := fold(term)] <= ceiling}
    chosen = []
    for terms in candidate_lists:
        scored = [(weight * found[0], found[1]) for term, weight in terms.items()
                  if (found := scoring.get(term))]
        # On a tie the longer name wins: «الأمم» alone is a fragment of «الأمم المتحدة».
        scored.sort(key=lambda item: (-item[0], -item[1].count(" "), item[1]))
        tags, keys, words = [], set(), set()
        for _score, term in scored:
            key = fold(term)
            parts = set(key.split())
            # «الأمم المتحدة» and «الأمم» are one tag, not two.
            if key not in keys and not parts & words:
                keys.add(key)
                words |= parts
                tags.append(term)
            if len(tags) == max_tags:
                break
        chosen.append(tags)
    return chosen
