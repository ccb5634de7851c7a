"""The same story across outlets: copies and edited copies of one report list each
other under «نُشر أيضًا في»; a digest holding an article and a follow-up reusing a
report's background do not (fixtures: tests/fixtures/stories/README.md)."""

import json
import os
import re

import pytest

from arshif_theme import stories
from arshif_theme.stories import story_groups
from sitebuild import ROOT, build_site, copy_seeds

FIXTURES = os.path.join(ROOT, "tests", "fixtures", "stories")
ALL = sorted(n for n in os.listdir(FIXTURES) if n.endswith(".txt"))
COPY = ["12945_egypt.txt", "13048_politics.txt"]  # the same text at two outlets (13048 undated)
EDITED = ["19568_accidents.txt", "19571_accidents.txt"]
DIGEST = ["17098_accidents.txt", "digest.txt"]  # digest.txt holds 17098 whole
FOLLOW_UP = ["15278_world.txt", "15395_world.txt"]


def report_of(tmp):
    return json.loads((tmp / "out-ingest-report.json").read_text(encoding="utf-8"))


def urls(tmp):
    return {e["file"]: e["url"] for e in report_of(tmp)["files"] if e["outcome"] == "published"}


def page(tmp, url):
    return (tmp / "out" / url / "index.html").read_text(encoding="utf-8")


def section(html, role):
    found = re.search(rf'<section class="[^"]+" data-role="{role}".*?</section>', html, re.S)
    return found.group(0) if found else ""


def links(html):
    return re.findall(r'<li><a href="/([^"]+)">', html)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("stories")
    build_site(copy_seeds(ALL, tmp / "seeds", source=FIXTURES), tmp / "out")
    return tmp


def test_a_copy_at_two_outlets_lists_the_other_with_outlet_date_and_headline(site):
    address = urls(site)
    assert set(ALL) <= set(address)  # separate publications: none merged
    block = section(page(site, address["12945_egypt.txt"]), "same-story")
    assert "<h2" in block and "نُشر أيضًا في" in block
    assert links(block) == [address["13048_politics.txt"]]
    assert "النائب العام يصدق على طلب ضبط شباب البلاك بلوك فورا" in block
    assert "مصراوي · غير مؤرخ" in block  # an undated member: no date made up
    other = section(page(site, address["13048_politics.txt"]), "same-story")
    assert links(other) == [address["12945_egypt.txt"]] and "الفجر · 6 مارس 2013" in other


def test_an_edited_copy_is_the_same_story(site):
    address = urls(site)
    for name, other in (EDITED, EDITED[::-1]):
        assert links(section(page(site, address[name]), "same-story")) == [address[other]]


@pytest.mark.parametrize("names", [DIGEST, FOLLOW_UP], ids=["digest", "follow-up"])
def test_a_digest_and_a_follow_up_are_not_the_same_story(site, names):
    address = urls(site)
    for name in names:
        assert 'data-role="same-story"' not in page(site, address[name])


def test_the_report_lists_the_groups(site):
    assert report_of(site)["stories"] == [COPY, EDITED]


def test_related_coverage_never_lists_a_member_of_the_same_story(site):
    address = urls(site)
    for name in COPY + EDITED:
        html = page(site, address[name])
        members = set(links(section(html, "same-story")))
        assert members and not members & set(links(section(html, "related")))


def test_stories_can_be_turned_off(tmp_path):
    build_site(copy_seeds(COPY, tmp_path / "seeds", source=FIXTURES), tmp_path / "out", ARSHIF_STORIES=False)
    assert 'data-role="same-story"' not in page(tmp_path, urls(tmp_path)["12945_egypt.txt"])
    assert report_of(tmp_path)["stories"] == []


def test_a_new_member_re_renders_its_group_and_not_the_others(tmp_path):
    seeds = copy_seeds([n for n in ALL if n != "13048_politics.txt"], tmp_path / "seeds", source=FIXTURES)
    out = tmp_path / "out"
    build_site(seeds, out)
    address = urls(tmp_path)
    before = {n: os.stat(out / address[n] / "index.html").st_mtime_ns for n in address}
    assert 'data-role="same-story"' not in page(tmp_path, address["12945_egypt.txt"])
    copy_seeds(["13048_politics.txt"], seeds, source=FIXTURES)
    build_site(seeds, out)  # the same cache: unchanged pages are not rendered again
    address = urls(tmp_path)
    assert links(section(page(tmp_path, address["12945_egypt.txt"]), "same-story")) == [
        address["13048_politics.txt"]]
    after = {n: os.stat(out / address[n] / "index.html").st_mtime_ns for n in before}
    assert after["12945_egypt.txt"] != before["12945_egypt.txt"]
    assert all(after[n] == before[n] for n in EDITED + FOLLOW_UP)


def counting_sketches(monkeypatch):
    """Patch `stories.sketch` and `stories.whole` to list the texts they are made of."""
    made = []
    for name in ("sketch", "whole"):
        make = getattr(stories, name)
        monkeypatch.setattr(stories, name, lambda text, vocabulary, make=make, name=name: (
            made.append((name, text)) or make(text, vocabulary)))
    return made


def sketched(made, kind="sketch"):
    return [text for name, text in made if name == kind]


def test_a_rebuild_sketches_only_the_new_article_and_groups_as_from_scratch(tmp_path, monkeypatch, caplog):
    made = counting_sketches(monkeypatch)
    build_site(copy_seeds(ALL, tmp_path / "whole" / "seeds", source=FIXTURES), tmp_path / "whole" / "out")
    scratch = report_of(tmp_path / "whole")["stories"]
    assert len(sketched(made)) == len(urls(tmp_path / "whole"))
    seeds = copy_seeds([n for n in ALL if n != "13048_politics.txt"], tmp_path / "seeds", source=FIXTURES)
    build_site(seeds, tmp_path / "out")
    del made[:]
    copy_seeds(["13048_politics.txt"], seeds, source=FIXTURES)
    build_site(seeds, tmp_path / "out")
    assert report_of(tmp_path)["stories"] == scratch
    assert len(sketched(made)) == 1  # the others' sketches reused
    assert len(sketched(made, "whole")) == 2  # the new pair's first comparison (the others' reused)
    os.remove(seeds / "digest.txt")  # a gone article's sketch is dropped from the cache
    build_site(seeds, tmp_path / "out")
    cache = tmp_path / "out-cache" / stories.CACHE_NAME
    kept = stories.load_sketches(str(cache), {}).values()
    assert sum(len(value) == 4 for value in kept) == len(urls(tmp_path))  # a sketch each (whole shingles: 2)
    cache.write_bytes(b"\x80\x05damaged")
    del made[:]
    build_site(seeds, tmp_path / "out")  # a damaged cache is ignored, said, and made again
    assert "damaged cache" in caplog.text and len(sketched(made)) == len(urls(tmp_path))
    assert report_of(tmp_path)["stories"] == scratch


def test_pure_groups_are_the_connected_same_story_pairs():
    text = ("قررت محكمة جنح الدقي في جلستها المنعقدة اليوم برئاسة المستشار عمرو هاشم تأجيل محاكمة "
            "رئيس تحرير جريدة سابق إلى جلسة الثامن من أبريل المقبل في قضية اتهامه بقذف قيادي حزبي "
            "من خلال الجريدة ونشر أخبار كاذبة ضده على خلفية بلاغ تقدم به القيادي ضد رئيس التحرير.")
    other = ("أعلنت هيئة الأرصاد الجوية أن طقس الغد مائل للبرودة على السواحل الشمالية مع سقوط أمطار "
             "متفرقة على القاهرة والوجه البحري، وحذرت من الشبورة المائية على الطرق السريعة صباحا "
             "ونشاط الرياح المثيرة للرمال والأتربة على مناطق من جنوب البلاد خلال ساعات النهار.")
    items = [(text, 100), (other, 100), ("عاجل: " + text, 101), (text, 130)]
    assert story_groups(items) == [[0, 2]]  # day 130 is a month later: not the same report
    assert story_groups([(other, 100), (text, None), (text, 100)]) == [[1, 2]]  # undated: the text decides


def test_pure_a_template_filled_in_for_another_country_is_not_the_same_story():
    cable = ("بعث خادم الحرمين الشريفين برقية تهنئة لفخامة الرئيس {0} رئيس جمهورية {1} بمناسبة ذكرى "
             "استقلال بلاده، وأعرب باسمه واسم شعب وحكومة المملكة عن أصدق التهاني وأطيب التمنيات بالصحة "
             "والسعادة لفخامته ولحكومة وشعب جمهورية {1} الصديق باطراد التقدم والازدهار، كما بعث ولي العهد "
             "برقية تهنئة مماثلة لفخامة الرئيس {0}.")
    names = ["ألفا", "برافو", "تشارلي", "دلتا", "إيكو", "فوكستروت", "غولف", "هوتيل", "إنديا", "جوليت",
             "كيلو", "ليما", "مايك", "نوفمبر", "أوسكار", "بابا", "كيبيك", "روميو", "سييرا", "تانغو",
             "يونيفورم", "فيكتور", "ويسكي", "إكسراي"]
    items = [(cable.format(f"{name} الأول", f"{name}ستان"), 100) for name in names]
    assert story_groups(items) == []  # the same wording, another president and country each time
    items.append((cable.format("دلتا الأول", "دلتاستان"), 101))  # the Delta cable again, elsewhere
    assert story_groups(items) == [[3, len(names)]]


def test_pure_a_release_reissued_days_later_is_the_same_story_a_template_of_another_day_is_not():
    release = ("أعلنت إدارة التعليم بمحافظة {0} عن مواعيد المقابلات الشخصية للمتقدمين على الوظائف التعليمية "
               "الجديدة، وأوضح المتحدث الرسمي {1} أن المقابلات تبدأ في مقر الإدارة بحي {2} وتستمر أسبوعا، "
               "وأن على المتقدمين إحضار أصول الشهادات والهوية الوطنية وصورة من خطاب الترشيح، وأن اللجان "
               "ستعمل على فترتين صباحية ومسائية لتسهيل الإجراءات على الجميع.")
    regions = ["الخرج", "تبوك", "حائل", "جازان", "نجران", "الباحة", "الجوف", "عرعر", "سكاكا", "القريات",
               "ينبع", "رابغ", "بيشة", "تيماء", "العلا", "الدوادمي", "شقراء", "الزلفي", "المجمعة", "عفيف",
               "القويعية", "الأفلاج", "وادي الدواسر", "رفحاء"]
    notices = [release.format(r, f"{r[:3]}ي {r}", f"{r}ية") for r in regions]  # other names each time
    items = [(notice, 100 + n % 7) for n, notice in enumerate(notices)] + [(notices[0], 104)]
    assert story_groups(items) == [[0, len(notices)]]  # reissued 4 days later; the other regions' notices are not
    assert story_groups([(notices[0], 100), (notices[0], 110)] + items[1:-1]) == []  # 10 days: too far apart
