"""An archive's furniture learned from the archive: what recurs is furniture, what is seen once is news."""

import json

from arshif_seeds.furniture import learn, line_key, sketch
from arshif_seeds.learning import name_prefix, source_of
from arshif_seeds.parse import parse_seed
from sitebuild import build_site

LEADS = [
    "أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير الخدمات في المستشفيات خلال العام المقبل.",
    "شهدت الأسواق حركة نشطة مع بداية الأسبوع وسط توقعات بارتفاع الأسعار في الأيام المقبلة.",
    "افتتح أمير المنطقة مشروعا جديدا يخدم آلاف المواطنين ويوفر فرص عمل للشباب في المحافظة.",
    "قررت اللجنة المنظمة تأجيل المباراة النهائية إلى الأسبوع المقبل بسبب سوء الأحوال الجوية.",
    "وقعت الشركة عقدا مع جهة حكومية لتنفيذ مشروع للطاقة الشمسية في المنطقة الشرقية.",
    "أطلقت الجامعة برنامجا صيفيا لتدريب الطلاب على مهارات البرمجة وتحليل البيانات.",
]


TOPICS = ["الصحة", "الأسواق", "المشروع", "المباراة", "الطاقة", "الجامعة", "المطار", "الميناء",
          "المدارس", "الطرق", "المياه", "الزراعة", "السياحة", "الإسكان", "النقل", "البيئة"]
SPEAKERS = ["المسؤول", "الوزير", "المدير", "المتحدث", "الخبير", "الرئيس", "المحافظ"]


def article(i, footer=True, glued=False, byline=None):
    """A different story each `i`, as one paper publishes it."""
    topic, other = TOPICS[i % len(TOPICS)], TOPICS[(i * 7 + 3) % len(TOPICS)]
    headline = f"{topic} و{other}: تطورات جديدة في اليوم {i}"
    lead = f"{LEADS[i % len(LEADS)]} وذكر التقرير أن {topic} شهدت تغيرات عديدة في الفترة {i}."
    second = f"وأضاف {SPEAKERS[i % len(SPEAKERS)]} أن العمل في {other} يبدأ قريبا بعد اكتمال الدراسات."
    lines = [headline] + ([byline] if byline else []) + [lead, second]
    link = f"رابط الخبر بصحيفة المساء: {headline}"
    if glued:
        lines[-1] += " " + link
    elif footer:
        lines.append(link)
    return "\n".join(lines)


def test_a_footer_every_article_carries_is_learned_and_removed():
    profile = learn(article(i) for i in range(40))
    assert profile.opening("رابط الخبر بصحيفة المساء: عنوان ما", "bottom")
    parsed = parse_seed(article(99), "x.txt", profile)
    assert not any("رابط الخبر" in p for p in parsed.paragraphs)
    assert [r.kind for r in parsed.removed] == ["learned"]
    assert parsed.paragraphs[-1].startswith("وأضاف الوزير")


def test_the_same_footer_glued_to_the_last_paragraph_is_cut_off():
    profile = learn(article(i) for i in range(40))
    parsed = parse_seed(article(7, glued=True), "x.txt", profile)
    assert parsed.paragraphs[-1].endswith("الدراسات.")


def test_nothing_is_learned_from_a_line_seen_once_or_from_copies():
    # The same wire story published again and again: its lines recur, but only as copies.
    copy = article(1, footer=False)
    profile = learn([copy] * 30)
    assert not profile.lines and not profile.openings
    assert parse_seed(copy, "x.txt", profile).paragraphs == copy.split("\n")[1:]


def test_a_stock_sentence_of_the_news_is_not_furniture():
    # A sentence that ends several different stories is kept unless most of the archive has it.
    seeds = [article(i, footer=False) + "\nوقد أعد مرسوم ملكي بذلك." for i in range(6)]
    seeds += [article(i, footer=False) for i in range(6, 40)]
    profile = learn(seeds)
    assert "وقد أعد مرسوم ملكي بذلك." not in profile.lines
    assert parse_seed(seeds[0], "x.txt", profile).paragraphs[-1] == "وقد أعد مرسوم ملكي بذلك."


def test_numbers_are_folded_so_stamps_are_one_habit():
    assert line_key("13:37 ت م") == line_key("18:07 ت م") == "0:0 ت م"


def test_bylines_under_the_headline_are_learned_as_a_habit():
    bylines = ["الرياض - سعد الحربي", "جدة - صحيفة المساء", "الدمام: صحيفة المساء", "مكسيكو سيتي - صحيفة المساء"]
    profile = learn(article(i, footer=False, byline=bylines[i % 4]) for i in range(40))
    assert profile.byline_second > 0.9 and "صحيفة المساء" in profile.hubs
    parsed = parse_seed(article(3, footer=False, byline="مكسيكو سيتي - صحيفة المساء"), "x.txt", profile)
    assert (parsed.author, parsed.place) == (None, "مكسيكو سيتي")
    assert parsed.paragraphs[0].startswith(LEADS[3][:20])
    parsed = parse_seed(article(4, footer=False, byline="تبوك - فهد العنزي"), "x.txt", profile)
    assert (parsed.author, parsed.place) == ("فهد العنزي", "تبوك")


def test_sketch_keeps_what_learning_reads():
    text = "\n".join(f"سطر رقم {i}" + " كلمة" * (i == 5) * 20 for i in range(12))
    kept = sketch(text).split("\n")
    assert kept[:3] == text.split("\n")[:3] and kept[-2:] == text.split("\n")[-2:]
    assert max(kept, key=len) == max(text.split("\n"), key=len)
    assert learn([text]).summary() == learn([sketch(text)]).summary()


def test_sources_from_the_manifest_the_folder_or_the_file_name():
    assert source_of("alweeam_0042.txt", {"source": "الوئام"}) == "source: الوئام"
    assert source_of("sabq/0042.txt", None) == "folder: sabq"
    assert name_prefix("alweeam_0042.txt") == "alweeam"
    assert name_prefix("00012_youm7.txt") == "youm"
    assert name_prefix("000_90cf851c62d0d665.txt") == ""
    assert name_prefix("snn00042.txt") == "snn"


def test_a_build_learns_per_source_and_reports_it(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(30):
        (seeds / f"almasaa_{i:04d}.txt").write_text(article(i), encoding="utf-8")
    for i in range(30, 55):
        (seeds / f"alsabah_{i:04d}.txt").write_text(article(i, footer=False), encoding="utf-8")
    build_site(seeds, tmp_path / "out")
    report = json.loads((tmp_path / "out-ingest-report.json").read_text(encoding="utf-8"))
    sources = report["sources"]
    assert sources["name: almasaa"]["seeds_touched"] == 30
    assert sources["name: almasaa"]["furniture_openings"] == ["bottom: رابط الخبر بصحيفة …"]
    assert sources["name: alsabah"]["seeds_touched"] == 0
    page = (tmp_path / "out" / "a" / "almasaa_0007" / "index.html").read_text(encoding="utf-8")
    assert "رابط الخبر" not in page and "اكتمال الدراسات" in page
