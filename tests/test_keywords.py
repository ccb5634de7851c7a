"""Tags an editor would accept: each rule of keywords.py on small strings and lists."""

from arshif_seeds import keywords
from arshif_seeds.keywords import TITLE_WEIGHT, candidates, choose_tags


def archive(*groups, size=300):
    """A list of `size` candidate dicts: the given ones, then unrelated filler articles."""
    docs = [dict(doc) for count, doc in groups for _ in range(count)]
    return docs + [{f"كلمة{i}": 1.0} for i in range(size - len(docs))]


def test_a_clitic_is_stripped_only_when_the_archive_writes_the_word_alone():
    valencia = candidates("", ["فاز فالنسيا على خصمه في الدوري."])
    assert "النسيا" not in valencia
    docs = [valencia, candidates("", ["خسر فالنسيا أمس."]),
            candidates("الصين تفتح أسواقها", ["وقالت الصين إن التجارة تنمو."]),
            candidates("", ["اتفاق بين روسيا والصين على التجارة."])]
    chosen = choose_tags(docs)
    assert not any("النسيا" in tags for tags in chosen)
    assert "الصين" in chosen[3]  # «والصين» is «الصين»: the archive writes it alone


def test_a_verb_is_never_part_of_a_name():
    found = candidates("محمود شعبان يطالب الشيوخ برده", ["قال الدكتور محمود شعبان يطالب العلماء بالرد."])
    assert "محمود شعبان" in found
    assert not [term for term in found if "يطالب" in term]
    assert not [term for term in candidates("", ["الرئيس يلتقي عمرو موسى اليوم"]) if "يلتقي" in term]


def test_names_are_whole():
    found = candidates("", ["قال أبو العلا ماضي رئيس حزب الوسط إن الدكتور محمد محيي الدين وكيل الحزب حضر."])
    assert "أبو العلا ماضي" in found and "محمد محيي الدين" in found
    assert "العلا" not in found and "الدين" not in found and "محمد محيي" not in found
    saudi = candidates("", ["استقبل الأمير محمد بن سلمان بن عبد العزيز ولي ولي العهد الوفد."])
    assert "محمد بن سلمان" in saudi
    assert "عبد العزيز" not in saudi and "بن عبد العزيز" not in saudi  # no tail taken for a name


def test_a_family_name_said_alone_counts_for_the_full_name():
    found = candidates("المالكي يحذر من الحرب", ["حذر رئيس الوزراء نوري المالكي من الحرب. وقال المالكي إن ..."])
    assert "المالكي" not in found
    assert found["نوري المالكي"] >= TITLE_WEIGHT  # the headline's «المالكي» is his


def test_phrases_stop_at_coordination_and_disagreement():
    found = candidates("", ["قالت هيئة الإذاعة والتلفزيون في يوم المرأة العالمي إن خط القاهرة الإسكندرية توقف."])
    for wrong in ("الإذاعة التلفزيون", "المرأة العالمي", "القاهرة الإسكندرية"):
        assert wrong not in found, wrong


def test_institutions_keep_their_whole_name():
    found = candidates("", ["أصدر المجلس القومي للمرأة بيانا، وزار المملكة العربية السعودية رئيس "
                            "الاتحاد الدولي لكرة القدم، وفي الضفة الغربية مواجهات."])
    assert "الاتحاد" not in found  # after a title it is a complement, not a tag of its own
    assert "الغربية" not in found  # a direction of «الضفة», not the governorate
    for name in ("المجلس القومي للمرأة", "المملكة العربية السعودية", "الاتحاد الدولي لكرة القدم",
                 "الضفة الغربية"):
        assert name in found, name


def test_the_headline_is_told_from_repetitions_in_the_text():
    found = candidates("الانتخابات البرلمانية", ["الاهتمام " * 30 + "الانتخابات"])
    assert found["الانتخابات"] >= TITLE_WEIGHT
    assert found["الاهتمام"] < TITLE_WEIGHT  # thirty times in the text is still no headline


def test_a_generic_noun_spread_over_many_articles_is_not_chosen():
    topic = {"الانتخابات": TITLE_WEIGHT + 1.0, "الاهتمام": 1.0}
    text_only = {"الانتخابات": 1.0, "الاهتمام": 2.0}
    docs = archive((6, topic), (14, text_only))
    chosen = choose_tags(docs)
    assert chosen[0] == ["الانتخابات"]  # makes headlines: a topic
    assert not any("الاهتمام" in tags for tags in chosen)  # twenty articles, never a headline


def test_a_common_noun_is_a_tag_only_where_it_is_in_the_headline():
    docs = archive((6, {"الانتخابات": TITLE_WEIGHT + 1.0}), (4, {"الانتخابات": 2.0}))
    chosen = choose_tags(docs)
    assert chosen[0] == ["الانتخابات"] and chosen[6] == []


def test_places_and_names_need_no_headline():
    docs = archive((3, {"الزقازيق": 1.0, "محمد مرسي": 1.5}))
    assert choose_tags(docs)[0] == ["محمد مرسي", "الزقازيق"]


def test_a_nationality_adjective_alone_is_no_tag():
    docs = archive((8, {"التركي": TITLE_WEIGHT + 1.0, "تركيا": 1.0}))
    assert choose_tags(docs)[0] == ["تركيا"]


def test_a_description_needs_headlines_a_name_does_not():
    description = {"الجودة العالية": 2.0}
    name = {"الولايات المتحدة": 2.0}
    docs = archive((5, description), (10, name), size=1000)  # an established name: 1% of the archive
    chosen = choose_tags(docs)
    assert chosen[0] == [] and chosen[5] == ["الولايات المتحدة"]


def test_fewer_tags_rather_than_weak_ones():
    strong = {"الزقازيق": 4.0, "محمد مرسي": 4.5}
    weak = {"أسيوط": 0.5, "سوهاج": 0.5, "قنا": 0.5}
    docs = archive((3, {**strong, **weak}), (40, weak))
    assert sorted(choose_tags(docs)[0]) == ["الزقازيق", "محمد مرسي"]


def test_marks_and_tatweel_do_not_split_a_word():
    assert "محمد مرسي" in candidates("", ["قال الرئيس مُحَمَّد مـرسـي إن"])


def test_a_small_archive_keeps_the_two_article_rule_only():
    docs = [{"الاهتمام": 1.0}, {"الاهتمام": 1.0}] + [{"غيره": 1.0}] * 18
    assert choose_tags(docs)[0] == ["الاهتمام"]


def test_choosing_is_deterministic():
    docs = archive((4, {"الزقازيق": 1.0, "أسيوط": 1.0, "سوهاج": 1.0}))
    assert choose_tags(docs) == choose_tags([dict(reversed(d.items())) for d in docs])
    assert keywords.fold("الإسكندرية") == keywords.fold("الاسكندريه")


def test_names_after_titles_ranks_and_chains():
    found = candidates("", ["قال الفريق أول عبد الفتاح السيسي إن الرئيس السابق علي عبد الله صالح "
                            "والدكتور عبدالله بن أحمد المغلوث ورئيس الوزراء بنيامين نتنياهو حضروا."])
    for name in ("عبد الفتاح السيسي", "علي عبد الله صالح", "عبدالله بن أحمد المغلوث", "بنيامين نتنياهو"):
        assert name in found, name
    assert not [term for term in found if term.startswith("أول ")]
    university = candidates("", ["درس في جامعة الإمام محمد بن سعود الإسلامية بالرياض."])
    assert "محمد بن سعود الإسلامية" not in university


def test_a_name_or_phrase_never_runs_over_a_comma_or_a_number():
    found = candidates("", ["صدر القانون رقم 12 لسنة 2013، وقال عمرو موسى فى تصريحات إن الأمن، المركزي."])
    assert "عمرو موسى" in found  # «فى» ends it as «في» does
    assert not [term for term in found if "لسنة" in term] and "الأمن المركزي" not in found
