"""extract_headline and is_headline (make_headline: test_text_lead_headline.py)."""

import pathlib

from arshif_seeds.furniture import learn
from arshif_seeds.headline import extract_headline, is_headline

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "text"
LEAD = (
    "أكد الدكتور أحمد عمر، المتحدث الرسمى باسم وزارة الصحة، "
    "أن إجمالى أعداد المصابين بلغ 102 مصاب بالقاهرة والمحافظات."
)
BODY = [LEAD, "وأشار عمر إلى خروج 36 شخصا من المستشفيات بعد تلقيهم العلاج اللازم."]


def _lines(name):
    return (FIXTURES / "egynews2013" / name).read_text(encoding="utf-8").split("\n")


def test_first_line_is_the_headline():
    assert extract_headline(["الصحة: 102 مصاب وحالة وفاة", *BODY]) == ("الصحة: 102 مصاب وحالة وفاة", None, BODY)


def test_youm7_kicker_above_the_headline():
    lines = ["خلال اجتماعه الشهرى...", "محافظ الجيزة يناقش الأحداث السياسية وملفات الصحة", *BODY]
    title, kicker = "محافظ الجيزة يناقش الأحداث السياسية وملفات الصحة", "خلال اجتماعه الشهرى..."
    assert extract_headline(lines) == (title, kicker, BODY)


def test_youm7_kicker_in_corpus_file():
    title, kicker, body = extract_headline(_lines("00298_articles.txt"))
    assert kicker == "فى إطار خطة الدولة لتأمين المنشآت الحيوية.."
    assert title == "استمرار إعلان الطوارئ لحماية السد ومنشآته ومحطات الكهرباء الملحقة"
    assert body[0].startswith("أكد مصدر مسئول بهيئة السد العالى")


def test_short_line_ending_in_dots_over_a_paragraph_is_the_headline():
    lines = ["بالصور.. الزميل محمد الصاوي يروي تفاصيل اختطافه..", *BODY]
    assert extract_headline(lines)[:2] == ("بالصور.. الزميل محمد الصاوي يروي تفاصيل اختطافه..", None)


def test_a_sentence_or_a_byline_is_not_a_headline():
    assert not is_headline(LEAD)
    assert not is_headline("أ ش أ")
    assert not is_headline("كتب - محمد شعبان:")
    assert not is_headline("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس")
    assert is_headline("رأى الأهرام")


def test_a_text_that_starts_with_its_body_has_no_headline():
    assert extract_headline(BODY) == (None, None, BODY)


def test_writer_name_over_the_lead_is_not_a_headline():
    assert extract_headline(["هيثم النويهي", *BODY]) == (None, None, ["هيثم النويهي", *BODY])


def test_two_word_headlines_are_not_taken_for_writers():
    # The examples: headlines that look like names are headlines.
    for headline in ("داعش العلمانية", "مطار الملك خالد", "البيئة المسمومة"):
        assert extract_headline([headline, *BODY])[0] == headline


def test_in_a_headline_first_archive_a_name_line_is_the_headline():
    profile = learn(["\n".join([f"عنوان رقم {i} عن الصحة", *BODY]) for i in range(30)])
    assert extract_headline(["هيثم النويهي", *BODY], profile)[0] == "هيثم النويهي"


def test_a_column_name_over_many_headlines_is_a_kicker():
    # Eight different articles under the same column name (copies would count once).
    seeds = ["\n".join(["كلمة اليوم", f"عنوان المقال {word}", f"{LEAD} {word}", BODY[1]])
             for word in ("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن".split())]
    profile = learn(seeds)
    assert extract_headline(["كلمة اليوم", "الصحة تعلن الحصيلة", *BODY], profile) == (
        "الصحة تعلن الحصيلة", "كلمة اليوم", BODY)


def test_a_long_headline_with_commas_in_a_headline_first_archive():
    profile = learn(["\n".join([f"عنوان رقم {i} عن الصحة", *BODY]) for i in range(30)])
    headline = "سوق عكاظ.. 16 معرضاً متخصصاً.. و200 حرفي وحرفية، من الرجال والنساء، يعرضون منتجاتهم"
    assert not is_headline(headline)
    assert extract_headline([headline, *BODY], profile)[0] == headline


def test_a_line_with_commas_or_a_full_stop_is_a_sentence():
    assert not is_headline("شب، منذ قليل، حريق هائل بأحد المنازل بمدينة المطرية بمحافظة الدقهلية")
    assert not is_headline("لقي 22 شخصا مصرعهم وأصيب 24 آخرون في حادث انقلاب شاحنة.")
    assert is_headline("الصحة: الحصيلة النهائية لجمعة الخلاص 102 مصاب وحالة وفاة")


def test_empty_text():
    assert extract_headline([]) == (None, None, [])
