"""strip_boilerplate: site furniture goes, body paragraphs stay."""

import pathlib

import pytest

from arshif_seeds.boilerplate import Removed, strip_boilerplate

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "text"
BODY = "وقال المتحدث إن الحكومة تعمل في ظروف بالغة التعقيد على تلبية الاحتياجات الملحة للمواطنين في كل المحافظات."


@pytest.mark.parametrize("line, kind", [
    ("مشاركة :", "share"),
    ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك", "share"),
    ("لمشاهدة الفيديو من هــــــنـــــا", "video"),
    ("لقراءة تفاصيل الخبر بالكامل إضغط هنا", "video"),
    ("صور متعلقة", "video"),
    ("صورة أرشيفية", "video"),
    ("// انتهى //", "end_mark"),
    ("(انتهى)", "end_mark"),
    (".", "punctuation"),
    ("■ ■ ■", "punctuation"),
    ("..المزيد", "more_link"),
    ("المزيد من مقالات د.فاروق الباز", "more_link"),
    ("(إعداد أشرف راضي للنشرة العربية - تحرير أحمد حسن)", "credit"),
    ("للتواصل أرسل sms إلى 88548 الاتصالات، 636250 موبايلي", "footer"),
    ("737221 - Zain", "footer"),
    ("www.alforsan.net", "link"),
])
def test_boilerplate_lines(line, kind):
    kept, removed = strip_boilerplate([BODY, line, BODY])
    assert kept == [BODY, BODY]
    assert removed == [Removed(kind, line)]


def test_related_block_takes_its_headline_list_and_stops_at_the_body():
    lines = [
        BODY,
        "اقرأ أيضًا",
        "مصرع سائق وإصابة 4 طلاب في تصادم أتوبيس وميكروباص ببني سويف",
        "مصرع فلاح على يد 3 أشقاء ثأرًا لوالدهم",
        BODY,
    ]
    kept, removed = strip_boilerplate(lines)
    assert kept == [BODY, BODY]
    assert [r.kind for r in removed] == ["related"] * 3


@pytest.mark.parametrize("heading", ["اقرأ أيضا", "أخبار متعلقة:", "الأخبار المتعلقة:", "اخبار متعلقة"])
def test_related_headings(heading):
    kept, removed = strip_boilerplate([BODY, heading, "عنوان خبر آخر"])
    assert kept == [BODY]
    assert removed[0] == Removed("related", heading)


def test_end_mark_and_source_link_glued_to_a_paragraph():
    lines = ["وانتهى الاجتماع مساء أمس. (انتهى)", "وعاد الوفد. رابط الخبر بصحيفة الوئام: عنوان الخبر"]
    kept, removed = strip_boilerplate(lines)
    assert kept == ["وانتهى الاجتماع مساء أمس.", "وعاد الوفد."]
    assert [r.kind for r in removed] == ["end_mark", "source_link"]


def test_body_lines_that_mention_the_markers_are_kept():
    lines = [
        "ورأى مواطن مصري يدعى أحمد حسن أن تعطى الفرصة لمشاهدة الفيديو كاملا قبل الحكم على الواقعة.",
        "وقالت الوزارة إن المشاركة في الانتخابات واجب وطني.",
        "قصة قصيرة بلا نقطة في آخرها",
    ]
    assert strip_boilerplate(lines) == (lines, [])


def _words(lines):
    return sum(len(line.split()) for line in lines)


@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "egynews2013").glob("*.txt")))
def test_corpus_word_count_drops_only_by_what_was_removed(name):
    lines = (FIXTURES / "egynews2013" / name).read_text(encoding="utf-8").split("\n")
    kept, removed = strip_boilerplate(lines)
    assert _words(kept) + sum(len(r.text.split()) for r in removed) == _words(lines)
    # Nothing that reads like a paragraph of the article is removed.
    assert all(len(r.text.split()) <= 20 for r in removed)


def test_corpus_related_list_is_removed_whole():
    lines = (FIXTURES / "egynews2013" / "11086_accidents.txt").read_text(encoding="utf-8").split("\n")
    kept, removed = strip_boilerplate(lines)
    first_item = "العشرات ببني سويف يقطعون السكك الحديدية احتجاجًا على اختفاء السولار والمازوت"
    assert [r.text for r in removed][:2] == ["اقرأ أيضًا", first_item]
    assert len(removed) == 4
    assert any(line.startswith("وكان اللواء زكريا أبوزينة") for line in kept)


def test_thumbnail_addresses_and_scraped_style_code_are_taken_out():
    line = ("جورجيس يغير خطته http://example.com/files/styles/114x72/unnamed-4.jpg?itok=6V0QV_2n "
            "جهز مدرب الفريق خطة جديدة")
    kept, removed = strip_boilerplate([line, "سجلوا في www.example.org قبل الموعد"])
    assert kept == ["جورجيس يغير خطته جهز مدرب الفريق خطة جديدة", "سجلوا في www.example.org قبل الموعد"]
    assert [r.kind for r in removed] == ["image_link"]
    kept, removed = strip_boilerplate(["ما رأيك؟ #vote ul { padding: 0; margin: 0; } .box { color: red; }"])
    assert kept == ["ما رأيك؟"] and removed[0].kind == "code"


def test_syndication_credits_are_furniture():
    kept, removed = strip_boilerplate(["نص الخبر هنا.", "* خدمة «نيويورك تايمز»", "بالاتفاق مع «بلومبيرغ»"])
    assert kept == ["نص الخبر هنا."] and {r.kind for r in removed} == {"credit"}


def test_a_headline_that_mentions_sms_is_not_a_footer():
    kept, _ = strip_boilerplate(["شاشات تفاعلية ونصف مليون «sms» بمكة المكرمة", "نص الخبر."])
    assert kept[0] == "شاشات تفاعلية ونصف مليون «sms» بمكة المكرمة"
