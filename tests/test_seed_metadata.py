"""Pure functions of the seed plugin: slugs, manifest rows, tag candidates."""

import datetime

from arshif_seeds import ids, keywords, manifest


def test_seed_slugs_are_ascii_stable_and_distinct():
    assert ids.seed_slug("00001_investigations.txt") == "00001_investigations"
    assert ids.seed_slug("000_90cf851c62d0d665.txt") == "000_90cf851c62d0d665"
    odd = ["خبر عاجل.txt", "Report.TXT", "report.txt", "a b.txt", "sub/a.txt", ".hidden.txt"]
    slugs = [ids.seed_slug(n) for n in odd]
    assert all(s.isascii() and "/" not in s and " " not in s for s in slugs)
    assert len(set(slugs)) == len(slugs)
    assert ids.seed_slug("Report.TXT") == ids.seed_slug("Report.TXT")


def test_name_slugs_keep_different_names_apart():
    assert ids.name_slug("الصين") != ids.name_slug("السين")
    assert ids.name_slug("world") == "world"
    assert ids.name_slug("أخبار", {"أخبار": "news"}) == "news"
    assert ids.name_slug("الصين").isascii()


def test_manifest_dates():
    assert manifest.parse_date("2013-01-17 18:30:24") == datetime.datetime(2013, 1, 17, 18, 30, 24)
    assert manifest.parse_date("2013-01-17") == datetime.datetime(2013, 1, 17)
    assert manifest.parse_date("17/01/2013") == datetime.datetime(2013, 1, 17)
    assert manifest.parse_date("yesterday") is None
    assert manifest.parse_date("2013-13-45") is None
    assert manifest.parse_date("0001-01-01") is None


def test_manifest_formats_and_problems(tmp_path):
    (tmp_path / "manifest.jsonl").write_text(
        '{"file": "a.txt", "title": "عنوان", "extra": "x"}\n{not json}\n[1]\n{"title": "no file"}\n',
        encoding="utf-8")
    loaded = manifest.load_manifest(str(tmp_path))
    assert loaded.rows["a.txt"]["extra"] == "x"
    assert len(loaded.problems) == 3
    assert all("manifest.jsonl line" in p for p in loaded.problems)


def test_manifest_row_wins_and_keeps_unknown_columns():
    metadata = {"title": "made up", "title_generated": True, "undated": True, "slug": "s"}
    made = []
    row = {"file": "a.txt", "title": "حقيقي", "date": "2013-02-01", "source": "shorouknews",
           "words": "120", "slug": "evil"}
    warnings = manifest.apply_row(metadata, row, lambda kind, name: made.append((kind, name)) or name)
    assert warnings == []
    assert metadata["title"] == "حقيقي" and metadata["title_generated"] is False
    assert metadata["date"] == datetime.datetime(2013, 2, 1) and metadata["undated"] is False
    assert metadata["source"] == "shorouknews"
    # Other columns are data in one namespaced place, never Pelican metadata of their own.
    assert metadata["manifest_extra"] == {"words": "120", "slug": "evil"}
    assert metadata["slug"] == "s"


def test_malformed_manifest_date_is_a_warning_not_a_fake_date():
    metadata = {"title": "t", "undated": True}
    warnings = manifest.apply_row(metadata, {"date": "31/31/2013"}, lambda k, n: n)
    assert "not a date" in warnings[0] and "undated" in warnings[0]
    assert "date" not in metadata


SEED_LEAD = ("قال عضو مجلس الدولة وزير الخارجية الصيني وانغ يي هنا يوم السبت أثناء اجتماعه مع "
             "وزير الخارجية الروسي سيرغي لافروف إن الصين مستعدة للعمل مع روسيا لدعم التعددية. "
             "واستذكر وانغ الاتصالات المكثفة بين الرئيس الصيني شي جين بينغ ونظيره الروسي "
             "فلاديمير بوتين والصين.")


def test_candidates_are_names_places_and_nouns():
    found = keywords.candidates("", [SEED_LEAD])
    assert "الصين" in found and found["الصين"] >= 2  # والصين counts as الصين
    assert "روسيا" in found
    assert "سيرغي لافروف" in found
    assert "شي جين بينغ" in found
    assert "فلاديمير بوتين" in found
    # Verbs, particles and adjectives after a noun are never candidates.
    for word in ("قال", "إن", "مع", "الروسي", "الصيني", "واستذكر"):
        assert word not in found


def test_tags_need_two_articles_and_prefer_rare_terms():
    docs = [{"الصين": 3.0, "الاتصالات": 1.0, "العالم": 1.0},
            {"الصين": 1.0, "العالم": 1.0},
            {"العالم": 1.0, "الاتصالات": 1.0}] + [{"العالم": 1.0}] * 3 + [{"غيره": 1.0}] * 14
    tags = keywords.choose_tags(docs, max_tags=2, max_share=0.2)
    assert tags[0] == ["الصين", "الاتصالات"]
    assert "العالم" not in tags[0]  # in 6 of 20 articles: too common
    assert tags[3] == []


def test_institutions_and_noun_adjective_names_are_one_candidate():
    found = keywords.candidates(
        "وكالة الطاقة الذرية تدين التجربة",
        ["طالب مجلس الأمن والأمم المتحدة بعقد اجتماع في وزارة الخارجية بحضور "
         "الفريق أول عبد الفتاح السيسي ومحمد صبحي قاضي المعارضات، واشتبك المتظاهرين الشرطة."])
    for phrase in ("الطاقة الذرية", "مجلس الأمن", "الأمم المتحدة", "وزارة الخارجية", "عبد الفتاح السيسي"):
        assert phrase in found, phrase
    # Titles and ranks are not part of a name; two nouns side by side are no phrase.
    assert not [t for t in found if t.startswith("أول ") or t.endswith(" قاضي")]
    assert "المتظاهرين الشرطة" not in found and "الشرطة المتظاهرين" not in found


def test_a_tag_and_the_phrase_holding_it_are_not_both_chosen():
    docs = [{"الأمم المتحدة": 2.0, "الأمم": 2.0, "اللاجئين": 1.0}] * 2 + [{"غيره": 1.0}] * 18
    assert keywords.choose_tags(docs, max_tags=3)[0] == ["الأمم المتحدة", "اللاجئين"]
