"""Article pages list up to five related articles: the same topic, near in time
first, never the article itself nor a copy of it."""

import json
import re

import pytest

from arshif_theme.related import related_lists
from sitebuild import build_site

TOPIC = ("قال الدكتور محمد البرادعي رئيس حزب الدستور إن جبهة الإنقاذ الوطني ترفض الحوار مع الرئاسة "
         "قبل تشكيل حكومة إنقاذ وطني وتعديل الدستور، وأضاف البرادعي أن الجبهة ستواصل التظاهر السلمي.\n"
         "وأكدت جبهة الإنقاذ في بيانها أن الرئاسة تتحمل مسؤولية العنف في الشارع.\n")
OTHER = ("فاز النادي الأهلي على الزمالك بهدفين في مباراة الدوري الممتاز باستاد القاهرة، "
         "وسجل أبوتريكة الهدف الأول من ركلة جزاء قبل أن يضيف جدو الهدف الثاني.\n")
WEATHER = ("توقعت هيئة الأرصاد الجوية طقسا باردا وأمطارا غزيرة على السواحل الشمالية والقاهرة الكبرى، "
           "وحذرت الأرصاد من الشبورة المائية على الطرق السريعة صباحا.\n")
# name: (text, date, source)
SEEDS = {
    "a.txt": (f"البرادعي: جبهة الإنقاذ ترفض الحوار مع الرئاسة\n{TOPIC}", "2013-02-10", "صحيفة الصباح"),
    # An exact copy of a.txt at another outlet: merged into it.
    "a-copy.txt": (f"البرادعي: جبهة الإنقاذ ترفض الحوار مع الرئاسة\n{TOPIC}", "2013-02-11", "صحيفة الفجر"),
    # The same text under another headline: published, but no "related" article of a.txt.
    "a-retitled.txt": (f"الإنقاذ ترفض الحوار\n{TOPIC}", "2013-02-10", "صحيفة النهار"),
    "near.txt": ("البرادعي يجدد رفض جبهة الإنقاذ للحوار مع الرئاسة\n"
                 "جدد الدكتور محمد البرادعي رئيس حزب الدستور رفض جبهة الإنقاذ الوطني الحوار مع الرئاسة، "
                 "وقال إن الجبهة تطالب بحكومة إنقاذ وطني وتعديل الدستور قبل أي حوار.\n", "2013-02-12", "صحيفة المساء"),
    "far.txt": ("البرادعي يجدد رفض جبهة الإنقاذ للحوار مع الرئاسة مرة أخرى\n"
                "جدد الدكتور محمد البرادعي رئيس حزب الدستور رفض جبهة الإنقاذ الوطني الحوار مع الرئاسة، "
                "وقال إن الجبهة تطالب بحكومة إنقاذ وطني وتعديل الدستور قبل أي حوار.\n", "2013-09-12", "صحيفة المساء"),
    "match1.txt": (f"الأهلي يفوز على الزمالك بهدفين\n{OTHER}", "2013-02-10", "صحيفة الصباح"),
    "match2.txt": (f"أبوتريكة وجدو يقودان الأهلي للفوز على الزمالك\n{OTHER}", "2013-02-11", "صحيفة المساء"),
    "weather1.txt": (f"الأرصاد: أمطار غزيرة على السواحل الشمالية\n{WEATHER}", "2013-02-10", "صحيفة الصباح"),
    "weather2.txt": ("الأرصاد تحذر من الشبورة المائية على الطرق السريعة\n"
                     "حذرت هيئة الأرصاد الجوية من الشبورة المائية على الطرق السريعة، "
                     "وتوقعت أمطارا غزيرة على السواحل الشمالية والقاهرة الكبرى.\n", "", "صحيفة المساء"),
}


def write_seeds(folder, names):
    folder.mkdir(exist_ok=True)
    rows = ["file\ttitle\tdate\tsource"]
    for name in names:
        text, date, source = SEEDS[name]
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(f"{name}\t\t{date}\t{source}")
    (folder / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def urls(tmp):
    report = json.loads((tmp / "out-ingest-report.json").read_text(encoding="utf-8"))
    return {e["file"]: e["url"] for e in report["files"] if e["outcome"] == "published"}


def related_of(out, url):
    html = (out / url / "index.html").read_text(encoding="utf-8")
    section = re.search(r'<section class="related" data-role="related".*?</section>', html, re.S)
    return re.findall(r'<li><a href="/([^"]+)">', section.group(0)) if section else []


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("related")
    write_seeds(tmp / "seeds", SEEDS)
    build_site(tmp / "seeds", tmp / "out")
    return tmp


def test_related_articles_are_on_topic_and_never_the_article_or_its_copies(site):
    address = urls(site)
    assert "a-copy.txt" not in address  # merged into a.txt
    listed = related_of(site / "out", address["a.txt"])
    assert address["near.txt"] in listed and address["far.txt"] in listed
    assert address["a.txt"] not in listed and address["a-retitled.txt"] not in listed
    assert not {address[n] for n in ("match1.txt", "match2.txt", "weather1.txt")} & set(listed)
    assert len(listed) <= 5


def test_near_in_time_comes_first(site):
    address = urls(site)
    listed = related_of(site / "out", address["a.txt"])
    assert listed.index(address["near.txt"]) < listed.index(address["far.txt"])


def test_each_entry_shows_outlet_and_date_or_undated(site):
    address = urls(site)
    html = (site / "out" / address["weather1.txt"] / "index.html").read_text(encoding="utf-8")
    section = re.search(r'data-role="related".*?</section>', html, re.S).group(0)
    assert "<h2" in section and "تغطيات ذات صلة" in section
    assert f'href="/{address["weather2.txt"]}"' in section and "غير مؤرخ" in section
    near = (site / "out" / address["a.txt"] / "index.html").read_text(encoding="utf-8")
    assert "صحيفة المساء · 12 فبراير 2013" in near


def test_a_new_article_re_renders_the_pages_whose_list_it_joins(tmp_path):
    seeds = tmp_path / "seeds"
    write_seeds(seeds, ["a.txt", "far.txt", "match1.txt", "match2.txt", "weather1.txt", "weather2.txt"])
    out = tmp_path / "out"
    build_site(seeds, out)
    address = urls(tmp_path)
    assert address.get("near.txt") is None
    page = out / address["a.txt"] / "index.html"
    write_seeds(seeds, ["a.txt", "far.txt", "near.txt", "match1.txt", "match2.txt", "weather1.txt", "weather2.txt"])
    build_site(seeds, out)  # the same cache: unchanged pages are not rendered again
    address = urls(tmp_path)
    assert address["near.txt"] in related_of(out, address["a.txt"])
    assert address["near.txt"] in page.read_text(encoding="utf-8")


def test_related_can_be_turned_off(tmp_path):
    write_seeds(tmp_path / "seeds", ["a.txt", "near.txt", "far.txt"])
    build_site(tmp_path / "seeds", tmp_path / "out", ARSHIF_RELATED=0)
    assert 'data-role="related"' not in (tmp_path / "out" / urls(tmp_path)["a.txt"] / "index.html").read_text(
        encoding="utf-8")


def _docs():
    """Three docs on one topic (days 100, 101, 400), two of a copy group, and pairs of fillers."""
    topic = {"البرادعي": 3.0, "جبهة الإنقاذ": 2.0, "الحوار": 1.0}
    docs = [(topic, 100, frozenset({"a"})), (dict(topic), 400, frozenset({"b"})),
            (dict(topic), 101, frozenset({"c"})), (dict(topic), 100, frozenset({"d", "a-text"})),
            (dict(topic), 100, frozenset({"e", "a-text"}))]
    for i in range(6):
        fillers = {f"filler{i // 2}": 2.0, f"other{i // 2}": 1.0}
        docs.append((fillers, 100 + i, frozenset({f"f{i}"})))
    return docs


def test_pure_nearest_first_and_bounded():
    lists = related_lists(_docs(), limit=2)
    assert lists[0] == [3, 4]  # the same day first
    assert lists[1][0] == 2  # day 400: the one of day 101 is the nearest
    assert all(i not in lst for i, lst in enumerate(lists))
    assert all(len(lst) <= 2 for lst in lists)


def test_pure_docs_sharing_a_key_are_never_related():
    lists = related_lists(_docs(), limit=5)
    assert 4 not in lists[3] and 3 not in lists[4]
    assert 3 in lists[0] and 4 in lists[0]
    assert not set(lists[0]) & set(range(5, 11))  # no shared term, nothing related
