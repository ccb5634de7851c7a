"""A rebuild renders again only the article pages whose inputs changed."""

import json
import os
import re
import shutil

from sitebuild import SAMPLE, SEEDS, build_site, copy_seeds


def article_pages(out, report):
    data = json.loads(report.read_text(encoding="utf-8"))
    return {e["file"]: out / e["url"] / "index.html"
            for e in data["files"] if e["outcome"] == "published"}


def stamps(pages):
    return {name: os.stat(path).st_mtime_ns for name, path in pages.items()}


def test_rebuild_touches_only_what_changed(tmp_path):
    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))[:12]
    seeds = copy_seeds(names, tmp_path / "seeds")
    out = tmp_path / "out"
    report = tmp_path / "out-ingest-report.json"
    build_site(seeds, out)
    first = stamps(article_pages(out, report))
    listings = {"front": out / "index.html", "cases": out / "category" / "cases" / "index.html",
                "politics": out / "category" / "politics" / "index.html"}
    listed = {k: os.stat(p).st_mtime_ns for k, p in listings.items()}

    build_site(seeds, out)
    assert stamps(article_pages(out, report)) == first
    assert {k: os.stat(p).st_mtime_ns for k, p in listings.items()} == listed

    # One more article, newer than all the others: it and its neighbour change.
    newest = "20000_politics.txt"
    shutil.copy(os.path.join(SAMPLE, newest), seeds / newest)
    with open(seeds / "manifest.tsv", "a", encoding="utf-8") as handle:
        handle.write(f"{newest}\tx\tpolitics\t2030-01-01 00:00:00\t1\tأحدث خبر في الأرشيف\tx\n")
    build_site(seeds, out)
    pages = article_pages(out, report)
    after = stamps(pages)
    assert newest in after
    changed = {name for name in first if after[name] != first[name]}
    assert 1 <= len(changed) <= 3, changed
    neighbour_html = "".join(pages[name].read_text(encoding="utf-8") for name in changed)
    new_url = json.loads(report.read_text(encoding="utf-8"))
    new_url = next(e["url"] for e in new_url["files"] if e["file"] == newest)
    assert f'href="/{new_url}"' in neighbour_html
    # Listings that show the new article are written again; the others are left alone.
    now = {k: os.stat(p).st_mtime_ns for k, p in listings.items()}
    assert now["cases"] == listed["cases"]
    assert now["front"] != listed["front"] and now["politics"] != listed["politics"]
    assert new_url in listings["politics"].read_text(encoding="utf-8")

    # Editing one article's text renders that page again.
    target = names[3]
    with open(seeds / target, "a", encoding="utf-8") as handle:
        handle.write("\nفقرة جديدة أضيفت إلى الخبر بعد نشره.\n")
    build_site(seeds, out)
    again = stamps(article_pages(out, report))
    assert again[target] != after[target]
    assert "فقرة جديدة أضيفت" in pages[target].read_text(encoding="utf-8")


def test_theme_never_shows_the_whole_archive_on_a_listing():
    """The listing key leaves out `all_articles`; a template using it would go stale."""
    from sitebuild import ROOT

    templates = os.path.join(ROOT, "theme", "templates")
    for name in os.listdir(templates):
        with open(os.path.join(templates, name), encoding="utf-8") as handle:
            assert "all_articles" not in handle.read(), name


def test_cached_parses_of_other_code_or_settings_are_not_used(tmp_path, monkeypatch):
    """Pelican's reader cache only looks at file times: after an upgrade of the
    seed reader, or a change of a setting it reads, the seeds are parsed again."""
    import arshif_seeds.reader as reader

    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))[:6]
    seeds = copy_seeds(names, tmp_path / "seeds")
    parsed = []
    parse = reader.SeedReader.parse
    monkeypatch.setattr(reader.SeedReader, "parse",
                        lambda self, path: parsed.append(os.path.basename(path)) or parse(self, path))

    build_site(seeds, tmp_path / "out")
    assert sorted(parsed) == names
    parsed.clear()
    build_site(seeds, tmp_path / "out")
    assert parsed == []

    monkeypatch.setattr(reader, "CODE_FINGERPRINT", "a newer reader")
    build_site(seeds, tmp_path / "out")
    assert sorted(parsed) == names
    parsed.clear()
    build_site(seeds, tmp_path / "out", SEEDS_DEFAULT_CATEGORY="منوعات")
    assert sorted(parsed) == names
    page = (tmp_path / "out" / "a" / names[0][:-4] / "index.html").read_text(encoding="utf-8")
    assert "arshif_reader" not in page and reader.stamp({}) not in page


def test_the_same_pelican_runs_again_as_autoreload_does(tmp_path):
    """`pelican -r` (`invoke regenerate`) calls run() again on one Pelican object."""
    import json as _json

    from pelican import Pelican
    from pelican.settings import read_settings

    from sitebuild import ROOT

    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))[:8]
    seeds = copy_seeds(names, tmp_path / "seeds")
    report = tmp_path / "report.json"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        settings = read_settings("pelicanconf.py", override={
            "SEEDS_PATH": str(seeds), "OUTPUT_PATH": str(tmp_path / "out"),
            "CACHE_PATH": str(tmp_path / "cache"), "INGEST_REPORT_PATH": str(report),
            "SEEDS_WORKERS": 2, "SEEDS_PARALLEL_MIN": 1})
        pelican = Pelican(settings)
        pelican.run()
        os.remove(report)
        (seeds / names[0]).write_text((seeds / names[0]).read_text(encoding="utf-8") + "\nسطر جديد.",
                                      encoding="utf-8")
        pelican.run()
    finally:
        os.chdir(cwd)
    outcomes = {e["file"]: e["outcome"] for e in _json.loads(report.read_text(encoding="utf-8"))["files"]}
    assert [outcomes[n] for n in names] == ["published"] * len(names)
    assert "سطر جديد" in (tmp_path / "out" / "a" / names[0][:-4] / "index.html").read_text(encoding="utf-8")


def test_listings_follow_which_tags_have_pages(tmp_path, monkeypatch):
    """The tags index lists the tags that have pages: when that set changes and
    no listed article does, it is written again, not left stale."""
    import arshif_theme

    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))[:30]
    seeds = copy_seeds(names, tmp_path / "seeds")
    out = tmp_path / "out"
    build_site(seeds, out, ARSHIF_TAG_MIN_ARTICLES=2)
    index = (out / "tags" / "index.html").read_text(encoding="utf-8")
    linked = index.count("<li>")
    assert linked >= 2

    prune = arshif_theme.prune_tags
    monkeypatch.setattr(arshif_theme, "prune_tags", lambda generator, minimum: prune(generator, 99))
    build_site(seeds, out, ARSHIF_TAG_MIN_ARTICLES=2)
    assert (out / "tags" / "index.html").read_text(encoding="utf-8").count("<li>") == 0


def snapshot(output):
    """{relative path: bytes} of every file of a build."""
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def test_adding_the_newest_article_rewrites_first_pages_only(tmp_path):
    """Listing pages are counted from the oldest end: one newer article changes the
    first page of each listing it is on, the older pages keep their names and
    bytes (and are not written again), and the output is byte for byte a build
    from scratch of the same seeds."""
    paging = {"DEFAULT_PAGINATION": 3, "PAGINATED_TEMPLATES": {
        "index": None, "tag": None, "category": None, "source": None, "period_archives": 4}}
    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))[:40]
    seeds = copy_seeds(names, tmp_path / "seeds")
    out = tmp_path / "out"
    build_site(seeds, out, **paging)
    older = sorted((out / "page").glob("*/index.html"))
    assert len(older) >= 9  # 40 articles, 3 a page: the first page holds 3 to 5
    before = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in out.rglob("page/*/index.html")}

    newest = "20000_politics.txt"
    shutil.copy(os.path.join(SAMPLE, newest), seeds / newest)
    with open(seeds / "manifest.tsv", "a", encoding="utf-8") as handle:
        handle.write(f"{newest}\tx\tpolitics\t2030-01-01 00:00:00\t1\tأحدث خبر في الأرشيف\tx\n")
    build_site(seeds, out, **paging)
    fresh = tmp_path / "fresh"
    build_site(seeds, fresh, **paging)
    assert snapshot(out) == snapshot(fresh)

    kept = {p for p, (data, stamp) in before.items() if p.exists() and os.stat(p).st_mtime_ns == stamp}
    assert kept == set(before)  # 41 articles: no listing gained a page
    assert all(p.read_bytes() == data for p, (data, _) in before.items())
    front = (out / "index.html").read_text(encoding="utf-8")
    assert "أحدث خبر في الأرشيف" in front
    # The next older page is named by its place from the oldest end; readers count from the newest.
    assert f'href="/page/{len(older) + 1}/"' in front and "صفحة 1 من" in front


def undated_clock(files):
    """Files with the build's clock taken out of the feeds: an archive with no dated
    article has its feeds updated when it is built."""
    return {name: re.sub(rb"<updated>[^<]*</updated>", b"", data) if name.startswith("feeds/") else data
            for name, data in files.items()}


def test_a_rebuild_learns_again_only_the_sources_whose_seeds_changed(tmp_path, monkeypatch):
    """Each source's furniture Profile is kept under a digest of its sketches: a new
    seed has its own source learned again, the others' Profiles are reused, and
    the site is byte for byte a build from scratch. Other code learns everything again."""
    import arshif_seeds.learning as learning

    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))[:41]
    seeds = tmp_path / "seeds"
    for folder, part in (("a", names[:20]), ("b", names[20:40])):
        copy_seeds(part, seeds / folder, manifest=False)
    out = tmp_path / "out"
    build_site(seeds, out)

    learned = []
    learn = learning.learn
    monkeypatch.setattr(learning, "learn", lambda texts: learned.append(len(texts)) or learn(texts))
    build_site(seeds, out)
    assert learned == []

    copy_seeds(names[40:], seeds / "b", manifest=False)
    build_site(seeds, out)
    assert learned == [21]  # folder b's sketches, the new seed's among them
    fresh = tmp_path / "fresh"
    build_site(seeds, fresh)
    assert undated_clock(snapshot(out)) == undated_clock(snapshot(fresh))

    learned.clear()
    monkeypatch.setattr(learning, "CODE_FINGERPRINT", "a newer reader")
    build_site(seeds, out)
    assert sorted(learned) == [20, 21]


def test_a_rebuild_makes_articles_of_the_changed_seeds_only(tmp_path, monkeypatch):
    """Seed articles are kept whole between builds (`article_cache`): a rebuild makes
    an Article of a new seed and of a seed whose manifest row changed, takes the
    others from the cache, and writes the site and the ingest report a build from
    scratch writes. Other code makes every article again. The manifest is read
    again only when it changed."""
    import arshif_seeds.article_cache as article_cache
    import arshif_seeds.ingest as ingest
    from pelican.readers import Readers

    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))[:20]
    seeds = copy_seeds(names, tmp_path / "seeds")
    out = tmp_path / "out"
    build_site(seeds, out)

    made, manifests = [], []
    read_file = Readers.read_file
    monkeypatch.setattr(Readers, "read_file", lambda self, base_path, path, *args, **kwargs: (
        made.append(os.path.basename(path)) or read_file(self, base_path, path, *args, **kwargs)))
    load_manifest = ingest.load_manifest
    monkeypatch.setattr(ingest, "load_manifest", lambda *args: manifests.append(1) or load_manifest(*args))
    build_site(seeds, out)
    assert [name for name in made if name.endswith(".txt")] == [] and manifests == []

    newest = "20000_politics.txt"
    shutil.copy(os.path.join(SAMPLE, newest), seeds / newest)
    manifest = (seeds / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(manifest) if line.startswith(names[2] + "\t"))
    fields = manifest[row].split("\t")
    fields[5] = "عنوان جديد من الملف الوصفي"
    manifest[row] = "\t".join(fields)
    manifest.append(f"{newest}\tx\tpolitics\t2030-01-01 00:00:00\t1\tأحدث خبر في الأرشيف\tx")
    (seeds / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    build_site(seeds, out)
    assert sorted(name for name in made if name.endswith(".txt")) == sorted([names[2], newest])
    assert manifests == [1]
    assert "عنوان جديد من الملف الوصفي" in (out / "a" / names[2][:-4] / "index.html").read_text(encoding="utf-8")

    fresh = tmp_path / "fresh"
    build_site(seeds, fresh)
    assert snapshot(out) == snapshot(fresh)
    report = json.loads((tmp_path / "out-ingest-report.json").read_text(encoding="utf-8"))
    assert report == json.loads((tmp_path / "fresh-ingest-report.json").read_text(encoding="utf-8"))

    made.clear()
    monkeypatch.setattr(article_cache, "code_signature", lambda settings: "newer plugins")
    build_site(seeds, out)
    assert sorted(name for name in made if name.endswith(".txt")) == sorted(names + [newest])
