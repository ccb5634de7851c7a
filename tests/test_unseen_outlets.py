"""The reader on outlets the dev corpora do not show: their bylines, datelines,
publication lines and trailers, read from strings (invented text in the style of news)."""

import datetime
import json
import os
import re
import shutil

import pytest

from arshif_seeds.decoding import decode_seed
from arshif_seeds.parse import parse_seed
from sitebuild import build_site

TODAY = datetime.date(2016, 1, 1)
HEADLINE = "افتتاح مستشفى جديد بالمنطقة الشرقية"
LEAD = ("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المنطقة الشرقية بسعة ثلاثمائة سرير، "
        "في خطوة تهدف إلى تخفيف الضغط على المستشفيات القائمة.")
SECOND = ("وقال المتحدث باسم الوزارة إن المستشفى سيبدأ استقبال المرضى خلال الأسابيع المقبلة "
          "بعد استكمال تجهيزه بالكامل.")
THIRD = ("ويضم المستشفى أقساماً للطوارئ والعناية المركزة وجراحة القلب، إضافة إلى عيادات "
         "خارجية تخدم سكان القرى المجاورة.")
BODY = f"{LEAD}\n\n{SECOND}\n\n{THIRD}"


def parsed(text):
    return parse_seed(text, "seed.txt", today=TODAY)


def published(seed):
    """Everything a page shows of the article's text."""
    return "\n".join(seed.paragraphs) + "\n" + seed.summary


@pytest.mark.parametrize("byline, author", [
    ("بقلم: محمد عبد الرحمن", "محمد عبد الرحمن"),
    ("كتب - خالد المنصوري", "خالد المنصوري"),
    ("كتبت: فاطمة الزهراء علي", "فاطمة الزهراء علي"),
    ("إعداد: سارة محمود", "سارة محمود"),
    # Tatweel and diacritics in the credit and the name.
    ("بقلـــم: مُحمّد عبـد الرحمن", "محمد عبد الرحمن"),
    ("كَتَبَ: أَحْمَد سَالِم", "أحمد سالم"),
    # The name beside a place in a marked byline.
    ("كتب - محمد حسن - القاهرة", "محمد حسن"),
    ("By Ahmed Salem", "Ahmed Salem"),
    # An editor or a photographer is no author: the line goes, nothing is stated.
    ("تحرير: أحمد سالم", None),
    ("تصوير - علي حسن", None),
    # Name, outlet and place; a name with its city in brackets; the outlet's own report.
    ("علي الغامدي - الأنباء - جدة", "علي الغامدي"),
    ("محمد العتيبي (الرياض)", "محمد العتيبي"),
    ("كتب - أحمد سالم - الإسكندرية:", "أحمد سالم"),
    ("خاص - الأنباء", None),
    ("الأنباء - الرياض", None),
    # A desk is no author.
    ("كتب - محرر الشؤون المحلية", None),
])
def test_byline_line_under_the_headline(byline, author):
    seed = parsed(f"{HEADLINE}\n{byline}\n{BODY}")
    assert (seed.title, seed.author) == (HEADLINE, author)
    assert seed.paragraphs == [LEAD, SECOND, THIRD]


def test_windows_line_ends_and_cp1256_bytes():
    text = f"{HEADLINE}\r\nبقلم: محمد عبد الرحمن\r\n{LEAD}\r\n\r\n{SECOND}\r\n"
    seed = parsed(decode_seed(text.encode("cp1256")).text)
    assert (seed.title, seed.author, seed.paragraphs) == (HEADLINE, "محمد عبد الرحمن", [LEAD, SECOND])


@pytest.mark.parametrize("line, date", [
    ("آخر تحديث: 12 مارس 2014 - 10:30 ص", datetime.date(2014, 3, 12)),
    ("تاريخ النشر: 12/03/2014", datetime.date(2014, 3, 12)),
    ("نُشر في: ٢٠١٤/٠٣/١٢", datetime.date(2014, 3, 12)),
    ("الأربعاء، 12 مارس 2014 09:15 م", datetime.date(2014, 3, 12)),
    ("Cairo, 12 March 2014", datetime.date(2014, 3, 12)),
    ("Published: March 12, 2014", datetime.date(2014, 3, 12)),
    ("تاريخ النشر : 2014-03-12 10:30:00", datetime.date(2014, 3, 12)),
    ("نشر بتاريخ 12-03-2014 الساعة 10:30", datetime.date(2014, 3, 12)),
    ("الخميس, 12 مارس, 2014", datetime.date(2014, 3, 12)),
    # Hijri and Gregorian with a dash between them (they agree).
    ("الأربعاء 11 جمادى الأولى 1435 هـ - 12 مارس 2014 م", datetime.date(2014, 3, 12)),
    ("بقلم: محمد عبد الرحمن\nتاريخ النشر: 12/03/2014", datetime.date(2014, 3, 12)),
    ("(د ب أ)\nالأربعاء 12 مارس 2014", datetime.date(2014, 3, 12)),
    ("الرياض - الأربعاء 12 مارس 2014", datetime.date(2014, 3, 12)),
    ("نشر في: 12/03/2014 - آخر تحديث: 15/03/2014", datetime.date(2014, 3, 12)),
    ("10:30 ص - 12 مارس 2014", datetime.date(2014, 3, 12)),
    ("الأربعاء 11 جمادى الأولى 1435 هـ (12 مارس 2014 م)", datetime.date(2014, 3, 12)),
    ("نشر في: 12/3/2014م", datetime.date(2014, 3, 12)),
    ("نشر في 12 مارس 2014 م الساعة 10:30 صباحاً", datetime.date(2014, 3, 12)),
    ("2014-03-12T10:30:00+03:00", datetime.date(2014, 3, 12)),
    # Numeric Hijri dates (12 Jumada I 1435 is 13 March 2014, Umm al-Qura).
    ("1435/5/12هـ", datetime.date(2014, 3, 13)),
    ("تاريخ النشر: 1435/5/12هـ الموافق 2014/3/12م", datetime.date(2014, 3, 12)),
    # A time relative to when the page was saved dates nothing; the line goes.
    ("آخر تحديث: منذ 3 ساعات", None),
    # Hijri and Gregorian dates that disagree: neither is trusted.
    ("الرياض 11 رجب 1435 هـ الموافق 12 مارس 2014 م", None),
    # A Hijri-only dateline (12 Rajab 1435 is 11 May 2014, Umm al-Qura).
    ("الرياض 12 رجب 1435هـ", datetime.date(2014, 5, 11)),
    # A date after `today` is no publication date; the line is still a dateline.
    ("الرياض 12 مارس 2030", None),
    ("تاريخ النشر: 12/03/2030", None),
])
def test_publication_line_or_dateline_at_the_top(line, date):
    seed = parsed(f"{HEADLINE}\n{line}\n{BODY}")
    assert (seed.title, seed.date, seed.paragraphs) == (HEADLINE, date, [LEAD, SECOND, THIRD])


def test_english_byline_with_its_publication_date():
    seed = parsed(f"{HEADLINE}\nBy Ahmed Salem, Published: 12 March 2014\n{BODY}")
    assert (seed.author, seed.date, seed.paragraphs) == (
        "Ahmed Salem", datetime.date(2014, 3, 12), [LEAD, SECOND, THIRD])


def test_publication_line_at_the_bottom_with_a_weekday():
    seed = parsed(f"{HEADLINE}\n{BODY}\nتاريخ النشر: الأربعاء 12 مارس 2014")
    assert (seed.date, seed.paragraphs) == (datetime.date(2014, 3, 12), [LEAD, SECOND, THIRD])


def test_a_date_in_the_headline_is_not_the_publication_date():
    headline = "أحداث 11 سبتمبر 2001 بعد عشر سنوات"
    seed = parsed(f"{headline}\n{BODY}")
    assert (seed.title, seed.date) == (headline, None)


def test_a_date_in_the_story_is_not_the_publication_date():
    lead = LEAD[:-1] + " منذ 11 سبتمبر 2001."
    seed = parsed(f"{HEADLINE}\n{lead}\n{SECOND}")
    assert (seed.date, seed.paragraphs) == (None, [lead, SECOND])


@pytest.mark.parametrize("prefix, place, agency, date", [
    ("(د ب أ) - ", None, "د ب أ", None),
    ("القاهرة (د ب أ) - ", "القاهرة", "د ب أ", None),
    ("الرياض - واس - ", "الرياض", "واس", None),
    ("دبي – (وام) – ", "دبي", "وام", None),
    ("بيروت - رويترز: ", "بيروت", "رويترز", None),
    ("الرياض 12 رجب 1435هـ - ", "الرياض", None, datetime.date(2014, 5, 11)),
    ("مكة المكرمة 12 رجب 1435هـ (واس) - ", "مكة المكرمة", "واس", datetime.date(2014, 5, 11)),
    ("القاهرة في 12 مارس 2014 - ", "القاهرة", None, datetime.date(2014, 3, 12)),
    ("CAIRO, March 12, 2014 - ", "CAIRO", None, datetime.date(2014, 3, 12)),
    ("الرياض، الأربعاء 12 مارس 2014 - ", "الرياض", None, datetime.date(2014, 3, 12)),
    ("القاهرة - «الأنباء»: ", "القاهرة", None, None),
    ("جدة - الأنباء: ", "جدة", None, None),
    # An unknown place beside `خاص` goes, stating nothing.
    ("المكلا - خاص: ", None, None, None),
    ("(AFP) - ", None, "AFP", None),
])
def test_dateline_before_the_lead(prefix, place, agency, date):
    seed = parsed(f"{HEADLINE}\n{prefix}{LEAD}\n{SECOND}")
    assert (seed.place, seed.agency, seed.date) == (place, agency, date)
    assert seed.paragraphs == [LEAD, SECOND]


def test_name_paper_place_prefix():
    seed = parsed(f"{HEADLINE}\nعلي الغامدي - الأنباء - جدة: {LEAD}\n{SECOND}")
    assert (seed.author, seed.place, seed.paragraphs) == ("علي الغامدي", "جدة", [LEAD, SECOND])


@pytest.mark.parametrize("ending", [
    f"{THIRD} (رويترز)",
    f"{THIRD}\n(د ب أ)",
    f"{THIRD}\n- واس -",
    f"{THIRD} - واس",
])
def test_agency_tag_closing_the_article(ending):
    seed = parsed(f"{HEADLINE}\n{LEAD}\n{SECOND}\n{ending}")
    assert seed.paragraphs == [LEAD, SECOND, THIRD]


@pytest.mark.parametrize("trailer", [
    "المصدر: وكالة الأنباء الرسمية",
    "شارك هذا الخبر",
    "شارك المقال عبر فيسبوك",
    "تابعونا على فيسبوك وتويتر",
    "تابعوا آخر الأخبار على تويتر",
    "جميع الحقوق محفوظة © 2014",
    "© 2014 جميع الحقوق محفوظة لصحيفة الأنباء",
    "Copyright 2014 Example News. All rights reserved",
    "طباعة | أرسل لصديق | تكبير الخط",
    "اقرأ أيضًا: وزير الصحة يتفقد مستشفيات الجنوب",
    "الكلمات الدالة: صحة، مستشفيات، المنطقة الشرقية",
    "وسوم: صحة - مستشفيات",
    "رابط مختصر: https://example.com/a1b2",
    "نقلاً عن صحيفة الحياة",
    "كلمات البحث: صحة، مستشفيات",
    "عدد القراءات: 1234",
    "1234 مشاهدة",
    "أضف تعليقك",
])
def test_site_trailers(trailer):
    seed = parsed(f"{HEADLINE}\n{BODY}\n{trailer}")
    assert seed.paragraphs == [LEAD, SECOND, THIRD]


@pytest.mark.parametrize("line", [
    "الرئيسية » أخبار » محليات", "الرئيسية > أخبار > محليات", "التعليقات (3)", "وقت القراءة: 3 دقائق",
])
def test_page_furniture_over_the_article(line):
    seed = parsed(f"{line}\n{HEADLINE}\n{BODY}")
    assert (seed.title, seed.paragraphs) == (HEADLINE, [LEAD, SECOND, THIRD])
    seed = parsed(f"{HEADLINE}\n{line}\n{BODY}")
    assert (seed.title, seed.paragraphs) == (HEADLINE, [LEAD, SECOND, THIRD])


def test_photo_credit_between_paragraphs():
    seed = parsed(f"{HEADLINE}\n{LEAD}\nتصوير: علي حسن\n{SECOND}")
    assert seed.paragraphs == [LEAD, SECOND]


def test_read_also_link_between_paragraphs():
    seed = parsed(f"{HEADLINE}\n{LEAD}\nاقرأ أيضا: وزير الصحة يتفقد مستشفيات الجنوب\n{SECOND}")
    assert seed.paragraphs == [LEAD, SECOND]


def test_a_sentence_about_sources_or_rights_stays():
    kept = ["وقال المصدر إن الاجتماع سيعقد الأسبوع المقبل في العاصمة لبحث القضايا العالقة.",
            "نقلا عن شهود عيان.",
            "وأكدت النقابة أن جميع الحقوق محفوظة للعاملين وفق القانون الجديد الذي أقره البرلمان أمس."]
    seed = parsed(f"{HEADLINE}\n{LEAD}\n" + "\n".join(kept))
    assert seed.paragraphs == [LEAD, *kept]


def test_headline_repeated_as_the_first_body_line():
    seed = parsed(f"{HEADLINE}\n{HEADLINE}\n{BODY}")
    assert (seed.title, seed.paragraphs) == (HEADLINE, [LEAD, SECOND, THIRD])
    assert [r.kind for r in seed.removed] == ["repeated_headline"]


def test_paragraph_breaks_of_non_breaking_spaces():
    seed = parsed(f"{HEADLINE}\n{LEAD}\u00a0\u00a0{SECOND}\u00a0\u00a0{THIRD}")
    assert seed.paragraphs == [LEAD, SECOND, THIRD]


def test_a_headline_that_names_its_source_stays():
    headline = "المصدر: الحكومة تعلن خطة جديدة للإسكان"
    assert parsed(f"{headline}\n{BODY}").title == headline


# An invented outlet (tests/fixtures/unseen/): a masthead line over every headline,
# `مراسل صدى الوادي - <place> | <date>` bylines, a related link and an app plug
# under every article. Nothing of it is in the reader's patterns: it is learned.
OUTLET = os.path.join(os.path.dirname(__file__), "fixtures", "unseen")
FURNITURE = ["صدى الوادي", "حمّل تطبيق", "المزيد من", "مراسل", "أخبار المحافظات"]
DATES = {1: "2014-03-11", 3: "2014-03-12", 5: "2014-03-13", 7: "2014-03-15", 9: "2014-03-17",
         11: "2014-03-18"}
AUTHORS = {2: "سامر العلي", 6: "علي الحسن", 10: "سلمى يوسف"}


@pytest.fixture(scope="module")
def outlet_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("unseen")
    shutil.copytree(OUTLET, tmp / "seeds")
    build_site(tmp / "seeds", tmp / "out")
    report = json.loads((tmp / "out-ingest-report.json").read_text(encoding="utf-8"))
    return tmp / "out", report


def _shown(page):
    """The article as a page shows it: its story element, description and JSON-LD."""
    story = re.search(r'<article class="story">.*?</article>', page, re.S).group()
    description = re.search(r'<meta name="description" content="([^"]*)"', page)[1]
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1])
    return story, description, data


def test_learned_outlet_furniture_is_not_published(outlet_site):
    out, report = outlet_site
    learned = report["sources"]["(folder)"]
    assert learned["masthead"] == ["صدى الوادي | أخبار المحافظات"]
    assert learned["seeds_touched"] == 12
    for listing in ("index.html", "feeds/all.atom.xml"):
        text = (out / listing).read_text(encoding="utf-8")
        assert not [f for f in FURNITURE if f in text], listing
    for n in range(1, 13):
        page = (out / "a" / f"sada_{n:04d}" / "index.html").read_text(encoding="utf-8")
        story, description, data = _shown(page)
        assert not [f for f in FURNITURE if f in story + description], n
        # The date is the byline's (never the story's 1961), or none.
        assert data.get("datePublished", "")[:10] == DATES.get(n, ""), n
        assert ("غير مؤرخ" in story) == (n not in DATES), n
        # The author is the person of a byline: never the headline (`ماجد الخطيب`), a place or a desk.
        assert data.get("author", {}).get("name") == AUTHORS.get(n), n
    page = (out / "a" / "sada_0002" / "index.html").read_text(encoding="utf-8")
    assert "<h1>ماجد الخطيب</h1>" in page


def _learned_parse(texts, today=TODAY):
    from arshif_seeds.furniture import learn, sketch
    from arshif_seeds.normalize import normalize_text
    profile = learn(sketch(normalize_text(t)) for t in texts)
    return profile, [parse_seed(t, f"s{i}.txt", profile, today=today) for i, t in enumerate(texts)]


TOPICS = ["الصحة", "الأسواق", "المشروع", "المباراة", "الطاقة", "الجامعة", "المطار", "الميناء",
          "المدارس", "الطرق", "المياه", "الزراعة", "السياحة", "الإسكان", "النقل", "البيئة"]


def _stories(n):
    """`n` different stories (headlines differ in words, not only in numbers)."""
    return [(f"{HEADLINE} و{TOPICS[i % 16]} و{TOPICS[(i * 7 + 3) % 16]}", f"{LEAD[:-1]} في الحي رقم {i}.",
             f"{SECOND[:-1]} رقم {i}.") for i in range(n)]


def test_a_masthead_on_every_seed_is_furniture_a_column_name_on_some_is_a_kicker():
    texts = [("مجلة الحي | الصفحة الأولى\n" if i % 10 else "") + "\n".join(story)
             for i, story in enumerate(_stories(20))]
    profile, seeds = _learned_parse(texts)
    assert profile.masthead == {"مجلة الحي | الصفحة الأولى"}
    assert all(s.kicker is None and s.title.startswith(HEADLINE) for s in seeds)
    texts = [("رأي الحي\n" if i % 3 == 0 else "") + "\n".join(story) for i, story in enumerate(_stories(20))]
    profile, seeds = _learned_parse(texts)
    assert not profile.masthead and [s.kicker for s in seeds[:2]] == ["رأي الحي", None]


def test_a_masthead_that_names_the_agency_is_read_as_a_byline():
    texts = ["(واس)\n" + "\n".join(story) for story in _stories(12)]
    profile, seeds = _learned_parse(texts)
    assert profile.masthead == {"(واس)"}
    assert all(s.agency == "واس" and "واس" not in published(s) for s in seeds)


def test_an_outlet_in_every_byline_prefix_is_learned():
    """`<name>- صدى- <place>: <lead>`: the outlet recurs beside many names and places, so
    a prefix with a name the reader does not know still goes (stating only the place)."""
    names = ["هتان الزهراني", "عائض القرني", "فهد الشمري", "نورة القحطاني", "بندر الغامدي"]
    places = ["جدة", "الرياض", "الدمام", "الطائف", "أبها", "تبوك"]
    stories = _stories(25)
    texts = [f"{h}\n{names[i % 5]}- صدى- {places[i % 6]}: {lead}\n{second}"
             for i, (h, lead, second) in enumerate(stories)]
    profile, seeds = _learned_parse(texts)
    assert "صدى" in profile.hubs
    assert [s.paragraphs[0] for s in seeds] == [lead for _, lead, _ in stories]
    assert [s.place for s in seeds] == [places[i % 6] for i in range(25)]
    assert {s.author for s in seeds} == {None, "فهد الشمري", "نورة القحطاني", "بندر الغامدي"}


def test_outlet_from_place_byline():
    seed = parsed(f"{HEADLINE}\n«الأنباء» من جدة\n{BODY}")
    assert (seed.place, seed.author, seed.paragraphs) == ("جدة", None, [LEAD, SECOND, THIRD])


def test_numeric_date_order_is_learned_from_the_archive():
    """`03/05/2014` is 3 May in an archive writing d/m, 5 March in one whose dates show m/d."""
    stories = _stories(8)
    days = [25, 5, 17, 9, 28, 2, 30, 14]
    month_first = [f"{h}\nUpdated: 03/{d:02d}/2014 10:30 AM\n{lead}\n{second}"
                   for (h, lead, second), d in zip(stories, days)]
    profile, seeds = _learned_parse(month_first)
    assert profile.month_first
    assert [s.date for s in seeds] == [datetime.date(2014, 3, d) for d in days]
    day_first = [f"{h}\nتاريخ النشر: {d:02d}/03/2014\n{lead}\n{second}"
                 for (h, lead, second), d in zip(stories, days)]
    profile, seeds = _learned_parse(day_first)
    assert not profile.month_first
    assert [s.date for s in seeds] == [datetime.date(2014, 3, d) for d in days]


@pytest.mark.parametrize("line, author", [
    ("إعداد: صالح العمري, تصوير : خالد الدوسري", "صالح العمري"),
    ("إعداد : علي محمد الشهري تصوير : تركي البوق", "علي محمد الشهري"),
    ("تصوير: تركي البوق - إعداد: علي محمد", "علي محمد"),
    ("تحرير: أحمد سالم - تصوير: علي حسن", None),
])
def test_several_credits_on_one_line(line, author):
    """The writer's credit names the author, a photographer's none; no name is left behind."""
    seed = parsed(f"{HEADLINE}\nالرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n{line}\n{BODY}")
    assert (seed.author, seed.paragraphs) == (author, [LEAD, SECOND, THIRD])


def test_a_poem_titled_by_its_first_verse_keeps_it():
    verses = ["ليتني مثل الغيم ما يجيب الا مطر", "لجل ما يزعل عليه فلان ولا فلان", "ادري ان الوقت دوار والدنيا ممر"]
    seed = parsed("\n".join([verses[0], *verses]))
    assert (seed.title, seed.paragraphs) == (verses[0], verses)


def test_repeated_headline_over_a_byline():
    seed = parsed(f"{HEADLINE}\n{HEADLINE}\nبقلم: محمد عبد الرحمن\n{BODY}")
    assert (seed.author, seed.paragraphs) == ("محمد عبد الرحمن", [LEAD, SECOND, THIRD])


@pytest.mark.parametrize("lead", [
    "«الطب الشرعي» يؤكد: المتهم تقدم بطلب رسمي لفحصه وبيان حالته الإصابية قبل عودته إلى محبسه.",
    "مصادر لـ «الأنباء»: الوزير أطلع رئيس الحكومة على الأوضاع الأخيرة قبل لقاءاته السياسية المقبلة.",
    "قائد «حرس الحدود»: المهندسون ينفذون عمليات هدم الأنفاق ونحن نؤمنها ونمنع تهريب الأسلحة.",
])
def test_a_quoted_name_before_a_colon_is_the_lead_own_words(lead):
    assert parsed(f"{HEADLINE}\n{lead}\n{SECOND}").paragraphs == [lead, SECOND]


@pytest.mark.parametrize("label", ["عاجل", "عاجل:", "بالفيديو", "خاص", "Breaking"])
def test_a_label_over_the_headline_is_its_kicker(label):
    seed = parsed(f"{label}\n{HEADLINE}\n{BODY}")
    assert (seed.kicker, seed.title, seed.paragraphs) == (label, HEADLINE, [LEAD, SECOND, THIRD])


@pytest.mark.parametrize("account", ["تويتر: @ahmed_salem", "@ahmed_salem"])
def test_a_writer_account_under_the_column(account):
    assert parsed(f"{HEADLINE}\n{BODY}\n{account}").paragraphs == [LEAD, SECOND, THIRD]


@pytest.mark.parametrize("top, fields", [
    ("الأربعاء 12 مارس 2014", {"date": datetime.date(2014, 3, 12)}),
    ("(د ب أ)", {"agency": "د ب أ"}),
    ("بقلم: محمد عبد الرحمن", {"author": "محمد عبد الرحمن"}),
    ("القاهرة - أ ش أ", {"place": "القاهرة", "agency": "أ ش أ"}),
])
def test_a_byline_or_date_printed_over_the_headline(top, fields):
    seed = parsed(f"{top}\n{HEADLINE}\n{BODY}")
    assert (seed.title, seed.title_generated, seed.paragraphs) == (HEADLINE, False, [LEAD, SECOND, THIRD])
    assert {key: getattr(seed, key) for key in fields} == fields


def test_a_lead_under_a_byline_is_not_taken_for_a_headline():
    """A body-only seed: its byline, then a lead broken after one word or left unpunctuated."""
    broken = parsed(f"القاهرة - أ ش أ\nيوجه\n{LEAD}\n{SECOND}")
    assert broken.title_generated and broken.paragraphs[0] == "يوجه"
    lead = " ".join(LEAD.replace("،", "").rstrip(".").split()[:22])
    unpunctuated = parsed(f"الرياض - واس\n{lead}\n{SECOND} {THIRD}")
    assert unpunctuated.title_generated and unpunctuated.paragraphs[0] == lead


def test_a_trailer_glued_after_the_last_sentence_is_learned():
    stories = _stories(20)
    texts = [f"{h}\n{lead}\n{second} لمزيد من الأخبار تابعوا صحيفة المرصد" for h, lead, second in stories]
    profile, seeds = _learned_parse(texts)
    assert profile.endings == {"لمزيد من الأخبار تابعوا صحيفة المرصد"}
    assert [s.paragraphs for s in seeds] == [[lead, second] for _, lead, second in stories]
    # Seen under a few articles only, the same words are the articles' own.
    texts = [f"{h}\n{lead}\n{second}" + (" لمزيد من الأخبار تابعوا صحيفة المرصد" if i < 3 else "")
             for i, (h, lead, second) in enumerate(stories)]
    assert not _learned_parse(texts)[0].endings


def test_a_dated_masthead_dates_the_article():
    stories = _stories(20)
    texts = [f"محليات - {i + 1}/3/2014\n{h}\n{lead}\n{second}" for i, (h, lead, second) in enumerate(stories)]
    profile, seeds = _learned_parse(texts)
    assert profile.masthead == {"محليات - 0/0/0"}
    assert [(s.title, s.date) for s in seeds] == [(h, datetime.date(2014, 3, i + 1))
                                                  for i, (h, _, _) in enumerate(stories)]
    assert all(s.paragraphs[0].startswith(LEAD[:20]) for s in seeds)


@pytest.mark.parametrize("byline, author, place", [
    ("By Ahmed Salem, Example Online", "Ahmed Salem", None),
    ("بقلم الكاتب: محمد علي", "محمد علي", None),
    ("بقلم / محمد علي", "محمد علي", None),
    ("كتب/ محمد علي", "محمد علي", None),
    ("كتبت - الصحفية منى أحمد", "منى أحمد", None),
    ("مراسلنا في الرياض", None, "الرياض"),
    ("مراسل الأنباء في جدة", None, "جدة"),
])
def test_more_byline_wordings(byline, author, place):
    seed = parsed(f"{HEADLINE}\n{byline}\n{BODY}")
    assert (seed.author, seed.place, seed.paragraphs) == (author, place, [LEAD, SECOND, THIRD])


# Third round: outlets of the Maghreb, the Levant, the Gulf, Iraq, Sudan and Yemen, and
# pages scraped with their embeds, banners and plugs (invented text in their styles).

@pytest.mark.parametrize("line, date, place, agency", [
    # Maghrebi month names, a Levantine one, French ones; a dateline's colon, a closing agency.
    ("الجزائر في 12 جانفي 2014", datetime.date(2014, 1, 12), "الجزائر", None),
    ("نشر في 5 أوت 2014", datetime.date(2014, 8, 5), None, None),
    ("الثلاثاء 15 جويلية 2014", datetime.date(2014, 7, 15), None, None),
    ("الرباط في 20 ماي 2014", datetime.date(2014, 5, 20), "الرباط", None),
    ("نشر في : 02 جوان 2014", datetime.date(2014, 6, 2), None, None),
    ("الجزائر: 8 أفريل 2014", datetime.date(2014, 4, 8), "الجزائر", None),
    ("تونس في 3 فيفري 2014 (وات) -", datetime.date(2014, 2, 3), "تونس", "وات"),
    ("بيروت في 12 كانون الثاني 2014", datetime.date(2014, 1, 12), "بيروت", None),
    ("دمشق - 3 تشرين الأول 2014 - سانا", datetime.date(2014, 10, 3), "دمشق", "سانا"),
    ("نشر بتاريخ: الخميس 6 تشرين الثاني 2014", datetime.date(2014, 11, 6), None, None),
    ("Publié le 12/03/2014 à 10h30", datetime.date(2014, 3, 12), None, None),
    ("Publié le : 12 mars 2014", datetime.date(2014, 3, 12), None, None),
    ("Mercredi 12 mars 2014 à 10:30", datetime.date(2014, 3, 12), None, None),
    ("12 mars 2014", datetime.date(2014, 3, 12), None, None),
    ("Le 12/03/2014 à 10h30", datetime.date(2014, 3, 12), None, None),
    ("Posted on March 12, 2014", datetime.date(2014, 3, 12), None, None),
    ("Posted by admin on March 12, 2014", datetime.date(2014, 3, 12), None, None),
    # Hijri-only datelines: `هـ` stretched, `للهجرة`, a full stop, Arabic-Indic digits, a slash.
    ("الرياض 12 رجب 1435هــ", datetime.date(2014, 5, 11), "الرياض", None),
    ("الرياض 12 رجب 1435 للهجرة", datetime.date(2014, 5, 11), "الرياض", None),
    ("الرياض 12 رجب 1435 هـ.", datetime.date(2014, 5, 11), "الرياض", None),
    ("١٢ رجب ١٤٣٥هـ", datetime.date(2014, 5, 11), None, None),
    ("تاريخ النشر: 12/7/1435 هـ", datetime.date(2014, 5, 11), None, None),
    ("الرياض 12 رجب 1435 هـ - واس", datetime.date(2014, 5, 11), "الرياض", "واس"),
    ("جدة 12 رجب 1435 هـ / واس", datetime.date(2014, 5, 11), "جدة", "واس"),
    # Agency lines of Iraq, Sudan.
    ("بغداد / واع", None, "بغداد", "واع"),
    ("الخرطوم: سونا", None, "الخرطوم", "سونا"),
    # Relative times date nothing, and go.
    ("منذ ساعتين", None, None, None),
    ("منذ يومين", None, None, None),
    ("قبل 5 دقائق", None, None, None),
    ("منذ 3 ساعات و20 دقيقة", None, None, None),
    ("منذ ساعة واحدة", None, None, None),
    ("3 hours ago", None, None, None),
    ("Updated 3 hours ago", None, None, None),
    ("اليوم 10:30 ص", None, None, None),
    ("أمس 10:30", None, None, None),
    ("نشر: منذ 5 دقائق | آخر تحديث: منذ دقيقتين", None, None, None),
    # An update is no publication: before it, a publication date is impossible.
    ("نشر في: 20/03/2014 - آخر تحديث: 15/03/2014", None, None, None),
    ("Mis à jour le 15/03/2014", datetime.date(2014, 3, 15), None, None),
])
def test_more_datelines_and_stamps_under_the_headline(line, date, place, agency):
    seed = parsed(f"{HEADLINE}\n{line}\n{BODY}")
    assert (seed.title, seed.date, seed.place, seed.agency) == (HEADLINE, date, place, agency)
    assert seed.paragraphs == [LEAD, SECOND, THIRD]


def test_a_publication_line_below_outranks_an_update_stamp_above():
    seed = parsed(f"{HEADLINE}\nآخر تحديث: 15/03/2014\n{BODY}\nنشر في: 12/03/2014")
    assert (seed.date, seed.paragraphs) == (datetime.date(2014, 3, 12), [LEAD, SECOND, THIRD])


@pytest.mark.parametrize("prefix, place, agency", [
    ("تونس (وات) - ", "تونس", "وات"),
    ("الرباط (و م ع) - ", "الرباط", "و م ع"),
    ("الرباط-و م ع: ", "الرباط", "و م ع"),
    ("بيروت - الوكالة الوطنية للإعلام - ", "بيروت", "الوكالة الوطنية للإعلام"),
    ("رام الله (وفا) - ", "رام الله", "وفا"),
    ("بغداد (واع) - ", "بغداد", "واع"),
    ("الخرطوم (سونا) - ", "الخرطوم", "سونا"),
    ("صنعاء - سبأنت: ", "صنعاء", "سبأنت"),
    ("(صنعاء - سبأ) - ", "صنعاء", "سبأ"),
    ("صنعاء/سبأ: ", "صنعاء", "سبأ"),
    ("مسقط (العمانية) - ", "مسقط", "العمانية"),
    ("المنامة (بنا) - ", "المنامة", "بنا"),
    # A day and month with no year: a dateline, but no date.
    ("عمان 5 آب (بترا) - ", "عمان", "بترا"),
])
def test_agency_datelines_of_other_countries(prefix, place, agency):
    seed = parsed(f"{HEADLINE}\n{prefix}{LEAD}\n{SECOND}")
    assert (seed.place, seed.agency, seed.date, seed.paragraphs) == (place, agency, None, [LEAD, SECOND])


@pytest.mark.parametrize("byline, author, at_end", [
    ("Par Karim Bouzid", "Karim Bouzid", False),
    ("Posted by Ahmed Salem", "Ahmed Salem", False),
    ("Par la rédaction", None, False),
    ("By Staff Writer", None, False),
    ("كتب - أحمد سالم - منذ 3 ساعات", "أحمد سالم", False),
    ("أجرى الحوار: أحمد سالم", "أحمد سالم", False),
    ("كتب: المحرر السياسي", None, False),
    ("كريم بوزيد - Karim Bouzid", "كريم بوزيد", False),
    # Maghrebi papers sign at the end.
    ("بقلم: محمد بن علي", "محمد بن علي", True),
    ("بقلم الصحفي كريم بوزيد", "كريم بوزيد", True),
    ("- أحمد سالم", "أحمد سالم", True),
    ("الجزائر: محمد بن علي", "محمد بن علي", True),
    # An editor or a desk signs nobody.
    ("تحرير: أحمد سالم", None, True),
    ("المحرر: أحمد سالم", None, True),
    ("بقلم: هيئة التحرير", None, True),
])
def test_latin_interview_and_closing_bylines(byline, author, at_end):
    seed = parsed(f"{HEADLINE}\n{BODY}\n{byline}" if at_end else f"{HEADLINE}\n{byline}\n{BODY}")
    assert (seed.author, seed.paragraphs) == (author, [LEAD, SECOND, THIRD])


@pytest.mark.parametrize("text", [
    f"{HEADLINE}\nPar Karim Bouzid | Publié le 12/03/2014\n{BODY}",
    f"{HEADLINE}\n{BODY}\nبقلم: Karim Bouzid\nPublié le 12 mars 2014",
])
def test_a_byline_with_a_french_publication_line(text):
    seed = parsed(text)
    assert (seed.author, seed.date, seed.paragraphs) == ("Karim Bouzid", datetime.date(2014, 3, 12),
                                                         [LEAD, SECOND, THIRD])


def test_a_list_of_names_keeps_its_last_name():
    names = ["محمد بن علي", "أحمد سالم", "كريم بوزيد"]
    seed = parsed(f"{HEADLINE}\n{LEAD}\n" + "\n".join(names))
    assert (seed.author, seed.paragraphs) == (None, [LEAD, *names])


@pytest.mark.parametrize("trailer", [
    "Partager sur Facebook",
    "Share this:",
    "Print Email",
    "شارك: فيسبوك تويتر واتساب",
    "Source: Reuters",
    "Source : APS",
    "1,234 views",
    "لا توجد تعليقات",
    "اشترك في النشرة البريدية ليصلك كل جديد",
    "اشترك في نشرتنا الإخبارية",
    "حمل تطبيق الأنباء على أندرويد وآيفون",
    "لتحميل تطبيق الجريدة على الآيفون اضغط هنا",
    "يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك. موافق",
    "This website uses cookies to improve your experience. Accept",
    "جميع الحقوق محفوظة © صحيفة الأنباء 2014",
    "© جميع الحقوق محفوظة لموقع الأنباء 2014 - 2024",
    "Tous droits réservés © 2014",
    "انضم إلى قناتنا على واتساب",
    "تابعوا الأنباء على جوجل نيوز",
    "#الصحة #المستشفيات #المنطقة_الشرقية",
    "الخبر السابق\nالخبر التالي",
    "Related Posts\nوزير الصحة يتفقد مستشفيات الجنوب\nافتتاح مدرسة جديدة",
    "أخبار ذات صلة\n• وزير الصحة يتفقد مستشفيات الجنوب\n• افتتاح مدرسة جديدة في الدمام",
    "شاهد أيضا\nوزير الصحة يتفقد مستشفيات الجنوب\nافتتاح مدرسة جديدة في الدمام",
])
def test_more_site_trailers(trailer):
    seed = parsed(f"{HEADLINE}\n{BODY}\n{trailer}")
    assert (seed.author, seed.paragraphs) == (None, [LEAD, SECOND, THIRD])


@pytest.mark.parametrize("line", [
    "Lire aussi : Le ministre visite l'hôpital",
    "اقرأ ايضا.. وزير الصحة يتفقد مستشفيات الجنوب",
    "- اقرأ أيضا: وزير الصحة يتفقد مستشفيات الجنوب",
    "للمزيد: وزير الصحة يتفقد مستشفيات الجنوب",
    "شاهد أيضاً: وزير الصحة يتفقد مستشفيات الجنوب",
    # Captions and photo credits.
    "(صورة أرشيفية)",
    "صورة من أرشيف رويترز",
    "(أ ف ب)",
    "Crédit photo : AFP",
    "Photo: Reuters",
    "(Getty Images)",
    # What embedded posts and videos leave.
    "pic.twitter.com/AbC123xyz",
    "— Ahmed Salem (@ahmed_salem) 12 مارس 2014",
    "A post shared by Ahmed (@ahmed) on Mar 12, 2014 at 10:30am PDT",
    "Posted by وزارة الصحة on Wednesday, March 12, 2014",
    "عرض هذا المنشور على Instagram",
    "View this post on Instagram",
    "متصفحك لا يدعم تشغيل الفيديو",
    "Your browser does not support the video tag.",
    # Advertisement slots and loading notices.
    "- إعلان -",
    "Advertisement",
    "إعلانات",
    "جاري التحميل...",
])
def test_page_furniture_between_paragraphs(line):
    seed = parsed(f"{HEADLINE}\n{LEAD}\n{line}\n{SECOND}")
    assert (seed.date, seed.paragraphs) == (None, [LEAD, SECOND])


def test_an_embedded_tweet_keeps_its_words_not_its_signature():
    tweet = "افتتحنا اليوم مستشفى المنطقة الشرقية"
    seed = parsed(f"{HEADLINE}\n{LEAD}\n{tweet} pic.twitter.com/AbC123xyz\n"
                  f"— أحمد سالم (@ahmed_salem) March 12, 2014\n{SECOND}")
    assert (seed.date, seed.paragraphs) == (None, [LEAD, tweet, SECOND])


def test_a_cookie_banner_over_the_headline():
    seed = parsed(f"نحن نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا\n{HEADLINE}\n{BODY}")
    assert (seed.title, seed.paragraphs) == (HEADLINE, [LEAD, SECOND, THIRD])


@pytest.mark.parametrize("top, title", [
    ("افتتاح مستشفى جديد في\nالمنطقة الشرقية بسعة 300 سرير", "افتتاح مستشفى جديد في المنطقة الشرقية بسعة 300 سرير"),
    ("افتتاح مستشفى جديد في المنطقة الشرقية و\nمدرسة في\nالقرى المجاورة",
     "افتتاح مستشفى جديد في المنطقة الشرقية و مدرسة في القرى المجاورة"),
    ("عاجل\nافتتاح مستشفى جديد في\nالمنطقة الشرقية", "افتتاح مستشفى جديد في المنطقة الشرقية"),
])
def test_a_headline_broken_over_lines(top, title):
    seed = parsed(f"{top}\n{BODY}")
    assert (seed.title, seed.paragraphs) == (title, [LEAD, SECOND, THIRD])


@pytest.mark.parametrize("caption", ["من جولات مكتب العمل في المنطقة", "أوباما"])
def test_a_caption_under_a_whole_headline_is_not_joined_to_it(caption):
    seed = parsed(f"{HEADLINE}\n{caption}\n{BODY}")
    assert (seed.title, seed.paragraphs) == (HEADLINE, [caption, LEAD, SECOND, THIRD])


def test_a_subtitle_under_the_headline_stays_and_the_byline_under_it_is_read():
    deck = "المستشفى يضم 300 سرير ويخدم القرى المجاورة"
    seed = parsed(f"{HEADLINE}\n{deck}\nكتب - أحمد سالم\n{BODY}")
    assert (seed.title, seed.author, seed.paragraphs) == (HEADLINE, "أحمد سالم", [deck, LEAD, SECOND, THIRD])
    seed = parsed(f"{HEADLINE}\n{deck}\n{BODY}")
    assert (seed.title, seed.author, seed.paragraphs) == (HEADLINE, None, [deck, LEAD, SECOND, THIRD])


def test_an_interview_keeps_its_questions_and_answers():
    qa = ["س: ما هي أهداف المستشفى؟", "ج: تخفيف الضغط على المستشفيات القائمة وخدمة القرى.",
          "س/ متى يفتح؟", "ج/ خلال أسابيع."]
    seed = parsed(f"{HEADLINE}\nحوار - أحمد سالم\n{LEAD}\n" + "\n".join(qa))
    assert (seed.author, seed.paragraphs) == ("أحمد سالم", [LEAD, *qa])
    seed = parsed(f"{HEADLINE}\n" + "\n".join(qa) + f"\n{SECOND}")
    assert (seed.title, seed.paragraphs) == (HEADLINE, [*qa, SECOND])


@pytest.mark.parametrize("headline", [
    "الرياض 12 مارس 2014: افتتاح مستشفى جديد",
    "افتتاح مستشفى جديد (12 مارس 2014)",
    "ميزانية 2015: افتتاح مستشفى جديد",
])
def test_a_date_in_the_headline_dates_nothing(headline):
    seed = parsed(f"{headline}\n{BODY}")
    assert (seed.title, seed.date) == (headline, None)


def test_paragraphs_parted_by_single_non_breaking_spaces():
    seed = parsed(f"{HEADLINE}\n{LEAD}\u00a0{SECOND}\u00a0{THIRD}")
    assert seed.paragraphs == [LEAD, SECOND, THIRD]
    # One after an initial is no break (`د.\u00a0محمد`).
    seed = parsed(f"{HEADLINE}\nقال د.\u00a0{LEAD}\u00a0{SECOND}\u00a0{THIRD}")
    assert seed.paragraphs == [f"قال د. {LEAD}", SECOND, THIRD]


def test_direction_and_zero_width_marks_everywhere():
    marked = lambda text: "\u200f" + text.replace(" ", " \u200f").replace("ا", "ا\u200b") + "\u200e"  # noqa: E731
    seed = parsed("\n".join(marked(line) for line in [HEADLINE, "كتب - أحمد سالم", "نشر في: 12/03/2014", LEAD, SECOND]))
    assert (seed.title, seed.author, seed.date, seed.paragraphs) == (
        HEADLINE, "أحمد سالم", datetime.date(2014, 3, 12), [LEAD, SECOND])


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "cp1256"])
def test_maghrebi_seed_in_other_encodings(encoding):
    text = f"{HEADLINE}\r\nالجزائر في 5 أوت 2014\r\n{LEAD}\r\n{SECOND}\r\nبقلم: محمد بن علي\r\n"
    seed = parsed(decode_seed(text.encode(encoding)).text)
    assert (seed.title, seed.date, seed.place, seed.author, seed.paragraphs) == (
        HEADLINE, datetime.date(2014, 8, 5), "الجزائر", "محمد بن علي", [LEAD, SECOND])


def test_a_latin_trailer_under_every_article_is_learned():
    stories = _stories(20)
    texts = [f"{h}\n{lead}\n{second}\nRetrouvez toute l'actualité de la région sur notre site"
             for h, lead, second in stories]
    profile, seeds = _learned_parse(texts)
    assert [s.paragraphs for s in seeds] == [[lead, second] for _, lead, second in stories]


@pytest.mark.parametrize("prefix", ["{place} ({desk}) - ", "{place} - {desk} - "])
def test_a_byline_ended_by_a_dash_is_learned(prefix):
    """An agency or outlet the reader does not know, before a dash in every dateline of the
    archive: it recurs beside many places, so it is learned and the datelines go (the place stays)."""
    places = ["الخرطوم", "القاهرة", "جدة", "الرياض", "عمان", "بيروت"]
    stories = _stories(25)
    texts = [f"{h}\n{prefix.format(place=places[i % 6], desk='ومن')}{lead}\n{second}"
             for i, (h, lead, second) in enumerate(stories)]
    profile, seeds = _learned_parse(texts)
    assert [(s.place, s.agency, s.paragraphs) for s in seeds] == [
        (places[i % 6], None, [lead, second]) for i, (_, lead, second) in enumerate(stories)]
    # One seed alone teaches nothing: an unknown word group before the dash stays in the lead.
    seed = parsed(f"{HEADLINE}\n{prefix.format(place='الخرطوم', desk='ومن')}{LEAD}\n{SECOND}")
    assert seed.paragraphs[0] != LEAD and seed.place is None


@pytest.mark.parametrize("prefix, place", [("القاهرة - ", "القاهرة"), ("عمان ـ «الصحيفة» ـ ", "عمان")])
def test_a_known_place_or_quoted_outlet_before_a_dash(prefix, place):
    seed = parsed(f"{HEADLINE}\n{prefix}{LEAD}\n{SECOND}")
    assert (seed.place, seed.paragraphs) == (place, [LEAD, SECOND])


def test_a_site_of_other_outlets_in_other_encodings(tmp_path):
    """Built as a site: a Maghrebi seed in Windows-1256 signed at its end, a Levantine one in
    UTF-16 under a cookie banner with an embedded post, a Gulf one dated in Hijri only with a
    relative stamp; no furniture is published, dates and authors are the stated ones."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    texts = {
        "maghreb.txt": ("cp1256", f"{HEADLINE}\r\nالجزائر في 5 أوت 2014\r\n{LEAD}\r\n{SECOND}\r\n"
                                  "بقلم: محمد بن علي\r\nPartager sur Facebook\r\n"),
        "levant.txt": ("utf-16", "نحن نستخدم ملفات تعريف الارتباط لتحسين تجربتك\nزيارة وزير الصحة إلى المستشفى\n"
                                 f"بيروت - الوكالة الوطنية للإعلام - {LEAD}\n"
                                 "— أحمد سالم (@ahmed_salem) March 12, 2014\n"
                                 f"{SECOND}\nاشترك في النشرة البريدية ليصلك كل جديد\n"),
        "gulf.txt": ("utf-8", f"أمطار غزيرة على المنطقة الشرقية\nالرياض 12 رجب 1435هـ\nمنذ 3 ساعات\n{LEAD}\n{THIRD}\n"),
    }
    for name, (encoding, text) in texts.items():
        (seeds / name).write_bytes(text.encode(encoding))
    build_site(seeds, tmp_path / "out")
    furniture = ["Partager", "الارتباط", "@ahmed_salem", "النشرة البريدية", "منذ 3 ساعات", "بقلم"]
    expected = {"maghreb": ("2014-08-05", "محمد بن علي"), "levant": ("", None), "gulf": ("2014-05-11", None)}
    for name, (date, author) in expected.items():
        page = (tmp_path / "out" / "a" / name / "index.html").read_text(encoding="utf-8")
        story, description, data = _shown(page)
        assert not [f for f in furniture if f in story + description], name
        assert f"<p>{LEAD}" in story, name  # the dateline is off the lead
        assert (data.get("datePublished", "")[:10], data.get("author", {}).get("name")) == (date, author), name


@pytest.mark.parametrize("lines", [
    # A list of quotes under a subtitle: `- name: words` is the list's, no byline.
    ["- حسم موقفه من التحالفات خلال أيام", "- أيمن نور: ننسق مع قوى سياسية لتشكيل تحالف مدني عريض"],
    # Facts of a review: a quoted name and a Latin one beside a label are no byline.
    ["أين: «بيبي» Pepe Italian Street Food.", "المذاق: يتميز هذا المطعم بتقديم المأكولات الإيطالية على أنواعها."],
])
def test_lines_under_the_headline_that_only_look_like_bylines(lines):
    seed = parsed("\n".join([HEADLINE, *lines, LEAD]))
    assert (seed.author, seed.place, seed.paragraphs) == (None, None, [*lines, LEAD])


@pytest.mark.parametrize("top", [
    "https://example.com/news/2014/03/12/123", "Accueil > Actualités > Société", "#عاجل",
])
def test_an_address_or_breadcrumb_over_the_headline(top):
    seed = parsed(f"{top}\n{HEADLINE}\n{BODY}")
    assert (seed.title, seed.paragraphs) == (HEADLINE, [LEAD, SECOND, THIRD])


@pytest.mark.parametrize("trailer", [
    "t.me/example_news", "wa.me/966500000000", "للاشتراك في قناتنا على تلغرام اضغط هنا",
    "Follow us on Twitter @example", "Suivez-nous sur Facebook et Twitter", "اترك تعليقاً\nلن يتم نشر عنوان بريدك الإلكتروني",
    "قيم هذا المقال\n★★★★☆", "شارك عبر واتساب", "طباعة الخبر", "رئيس التحرير: أحمد سالم",
    "ص.ب 1234 الرياض 11431 - هاتف: 0114567890", "10:30 ص",
])
def test_page_widgets_and_mastheads_under_the_article(trailer):
    seed = parsed(f"{HEADLINE}\n{BODY}\n{trailer}")
    assert (seed.author, seed.paragraphs) == (None, [LEAD, SECOND, THIRD])


@pytest.mark.parametrize("line, date", [
    ("12 مارس 2014 - 10:30 GMT", datetime.date(2014, 3, 12)),
    ("آخر تحديث: 12 مارس 2014 - 10:30 بتوقيت غرينتش", datetime.date(2014, 3, 12)),
    ("الأحد 12 كانون الثاني/يناير 2014", datetime.date(2014, 1, 12)),
])
def test_dates_with_a_time_zone_or_two_month_names(line, date):
    seed = parsed(f"{HEADLINE}\n{line}\n{BODY}")
    assert (seed.date, seed.paragraphs) == (date, [LEAD, SECOND, THIRD])


def test_a_french_agency_dateline():
    seed = parsed(f"{HEADLINE}\nALGER, 12 mars 2014 (APS) - {LEAD}\n{SECOND}")
    assert (seed.place, seed.agency, seed.date, seed.paragraphs) == (
        "ALGER", "APS", datetime.date(2014, 3, 12), [LEAD, SECOND])


def test_a_dateline_later_than_the_closing_publication_line_dates_nothing():
    """Published on the 12th, datelined the 20th: one of them is wrong, so neither is said."""
    seed = parsed(f"{HEADLINE}\nالرياض 20 مارس 2014 - {LEAD}\n{SECOND}\nنشر في: 12/03/2014")
    assert (seed.place, seed.date, seed.paragraphs) == ("الرياض", None, [LEAD, SECOND])
    seed = parsed(f"{HEADLINE}\nالرياض 12 مارس 2014 - {LEAD}\n{SECOND}\nنشر في: 12/03/2014")
    assert seed.date == datetime.date(2014, 3, 12)
