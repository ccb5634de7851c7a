"""How truthful the seed reader is on archives it has never seen.

Seeds are written the way scrapers leave them, from records whose metadata is
known, and read the way a build reads them: each source's furniture is learned
from that source's own seeds (`furniture.learn`), then every seed is parsed.

Corpora (development data, read from ../shared/corpus):
- SaudiNewsNet (`saudinewsnet.jsonl`): per paper, three shapes: headline +
  body; headline + byline line (the record's `author`, when it has one) + body;
  body only. The paper is the source (as a file-name prefix would give it).
- egynews2013 (`articles/` + `manifest.tsv`): the files as they are (headline,
  sometimes a byline, body) and body only (first line removed); the site is
  the source.

Per corpus and per paper:
- headline found: the title equals the record's (after normalisation), in the
  shapes that have one;
- dated: share of articles given a publication date, and wrong dates: more
  than a day off the record's date;
- author equal to the headline; byline line left as the body's opening;
- boilerplate published: furniture (by the patterns below, which the reader
  does not use) in the body, summary or meta description;
- content sentences kept: the record's sentences (furniture lines and the
  byline line excepted) found in the published body, or shown as the article's
  author, place or agency (a closing signature `فلان - الرياض`);
- reader CPU time per article (learning included).

Usage: .venv/bin/python benchmarks/reader_eval.py [--per-paper N] [--egynews N] [--out FILE]
"""

import argparse
import collections
import csv
import datetime
import json
import pathlib
import platform
import random
import re
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from arshif_seeds import furniture  # noqa: E402
from arshif_seeds.normalize import normalize_text  # noqa: E402
from arshif_seeds.parse import parse_seed  # noqa: E402
from arshif_seeds.segment import split_sentences  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
SAUDI = SHARED / "saudinewsnet" / "saudinewsnet.jsonl"
EGYNEWS = SHARED / "egynews2013" / "articles"
SEED = 2015

# Site furniture as a reader of the page would see it. The reader never uses
# these: they are this benchmark's own judge of what must not be published.
FURNITURE = re.compile(
    "|".join([
        r"رابط الخبر", r"/+\s*(?:يتبع|انتهى)\s*/+", r"(?<!\d)\d{1,2}:\d{2}\s*ت\s*م(?!\w)",
        r"\*\s*خدمة\s*«", r"بالاتفاق مع\s*«",
        r"\b[Ss][Mm][Ss]\b", r"\.(?:jpe?g|png|gif|JPE?G|PNG)\b", r"[اأ]قر[اأ] [اأ]يض", r"[اأ]خبار متعلقة",
        r"لمشاهدة (?:ال)?فيديو", r"[Nn]ext [Pp]revious", r"شارك من خلال", r"الكلمات الدلالية",
        r"كلمات دلالية", r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),",
        r"^\.*\s*المزيد\s*\.*$", r"^(?:مشاركة|شارك)\s*:?$",
    ])
)
RELATED = re.compile(r"^(?:[اأ]قر[اأ] [اأ]يض|(?:ال)?[اأ]خبار (?:ال)?متعلقة|(?:ال)?(?:مواضيع|موضوعات) (?:ال)?متعلقة)")
# A byline or credit line: a few words around a dash or colon, or a whole line in brackets.
BYLINE = re.compile(r"^(?=(?:\S+\s+){0,5}\S+$).*[-–—ـ_:(]|^\(.*\)$")
# Credits: `إعداد: X, تصوير : Y`, one credit word and a name each, longer than a byline line.
CREDITS = re.compile(r"^(?:\s*(?:إعداد|اعداد|تصوير|تحرير|مراجعة|تنسيق|متابعة|كتب|كتبت|بقلم)\s*[:/]\s*[^:,،]{2,40}?\s*[,،]?)+$")
# Links and addresses are furniture when they stand (nearly) alone; a sentence may cite a site.
LINK = re.compile(r"https?://|www\.|[\w.+-]+@[\w-]+\.\w+")
SHORT_WORDS = 8
# A line that is a place, a date and an agency, not a sentence of the story.
DATELINE = re.compile(r"^(?:\S+\s+){1,3}\d{1,2}\s+\S+(?:\s+\S+)?\s+\d{4}\s*(?:هـ|م)?\b.{0,60}$")
_WS = re.compile(r"\s+")
WORD = re.compile(r"[^\W\d_]+")
TAIL_WORDS = 6


def norm(text):
    return _WS.sub(" ", normalize_text(text or "")).strip()


def saudi_records(per_paper):
    by_paper = collections.defaultdict(list)
    with open(SAUDI, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            by_paper[record["category"]].append(record)
    rng = random.Random(SEED)
    for paper in sorted(by_paper):
        records = by_paper[paper]
        for record in rng.sample(records, min(per_paper, len(records))):
            yield paper, record


def egynews_records(count):
    with open(EGYNEWS / "manifest.tsv", encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t") if row["title"].strip()]
    for row in random.Random(SEED).sample(rows, min(count, len(rows))):
        text = (EGYNEWS / row["file"]).read_text(encoding="utf-8")
        body = text.split("\n", 1)[-1]
        yield row["source"], {"id": row["file"], "title": row["title"], "date": row["date"],
                              "author": "", "text": text, "body": body, "as_is": True}


def shapes(record):
    """(shape, seed text, byline line or None, title or None) as scrapers leave them."""
    text = record["text"]
    if record.get("as_is"):
        yield "as is", text, None, record["title"]
        yield "body only", record["body"], None, None
        return
    yield "headline + body", f"{record['title']}\n{text}", None, record["title"]
    if record["author"].strip():
        yield "headline + byline + body", f"{record['title']}\n{record['author']}\n{text}", \
            record["author"], record["title"]
    yield "body only", text, None, None


def record_date(record):
    try:
        return datetime.date.fromisoformat(record["date"][:10])
    except ValueError:
        return None


def content_sentences(text):
    """The record's own sentences: furniture and dateline lines, the headlines listed under
    a «read also» heading, and very short pieces left out."""
    out = []
    in_related = False
    for line in normalize_text(text).split("\n"):
        line = line.strip()
        if not line:
            continue
        if RELATED.search(line):
            in_related = True
            continue
        if in_related and len(line.split()) <= 20 and not re.search(r"[.!?؟]$", line):
            continue
        in_related = False
        if FURNITURE.search(line) or DATELINE.search(line) or BYLINE.search(line) or CREDITS.search(line):
            continue
        out.extend(s for s in split_sentences(line) if len(s.split()) >= 4 and not FURNITURE.search(s))
    return out


class Tally:
    def __init__(self):
        self.n = collections.Counter()
        self.examples = collections.defaultdict(list)

    def add(self, key, value=1, example=None):
        self.n[key] += value
        if example is not None and len(self.examples[key]) < 6:
            self.examples[key].append(example)


def shown_as_byline(sentence, parsed):
    """Each word of `sentence` is the article's author, place or agency, which its page shows
    (a signature `فلان - الرياض` closing the article)."""
    fields = set(WORD.findall(norm(" ".join(filter(None, (parsed.author, parsed.place, parsed.agency))))))
    words = set(WORD.findall(norm(sentence)))
    return bool(words) and words <= fields


def evaluate(parsed, record, shape, byline, title, tally):
    published = norm(" ".join([parsed.kicker or "", parsed.title, *parsed.paragraphs]))
    tally.add("articles")
    if title is not None:
        tally.add("with headline")
        hit = norm(title) in (norm(parsed.title), norm(parsed.kicker or ""))
        tally.add("headline found", hit, None if hit else (record["id"], title, parsed.title))
    truth = record_date(record)
    if parsed.date:
        tally.add("dated")
        if truth and abs((parsed.date - truth).days) > 1:
            tally.add("wrong date", 1, (record["id"], str(parsed.date), str(truth)))
    if title and parsed.author and norm(parsed.author) == norm(title):
        tally.add("author is headline", 1, (record["id"], parsed.author))
    if parsed.author:
        tally.add("with author", 1, None)
    if byline is not None:
        tally.add("with byline line")
        opening = norm(parsed.paragraphs[0]) if parsed.paragraphs else ""
        if norm(byline) and opening.startswith(norm(byline)):
            tally.add("byline left", 1, (record["id"], byline))
    shown = [*parsed.paragraphs, parsed.summary]
    leaks = [m.group() for part in shown for m in FURNITURE.finditer(norm(part))]
    leaks += [m.group() for part in shown if len(part.split()) <= SHORT_WORDS
              for m in LINK.finditer(norm(part))]
    if leaks:
        tally.add("boilerplate published", 1, (record["id"], leaks[:3]))
    sentences = content_sentences(record.get("body", record["text"]))
    tally.add("sentences", len(sentences))
    # A sentence is kept when its end is published (a dateline may be cut off its start; a
    # first line may become the headline), or when it is shown as the article's byline.
    lost = [s for s in sentences if " ".join(norm(s).split()[-TAIL_WORDS:]) not in published
            and not shown_as_byline(s, parsed)]
    tally.add("sentences lost", len(lost), (record["id"], lost[0][:120]) if lost else None)


def run(corpus_name, records, write, mixed=False):
    """Learn each source's furniture, parse every seed, tally per source and shape.

    `mixed`: all sources' seeds in one folder with nothing that tells them apart
    (no manifest, no file-name prefix), so one archive is learned from all of them.
    """
    seeds = []
    for source, record in records:
        for shape, text, byline, title in shapes(record):
            seeds.append((source, shape, text, byline, title, record))
    tallies = collections.defaultdict(Tally)
    reading = 0.0
    by_source_shape = collections.defaultdict(list)
    for seed in seeds:
        by_source_shape[("all" if mixed else seed[0], seed[1])].append(seed)
    for (source, shape), group in sorted(by_source_shape.items()):
        # One archive per source and shape: a folder of one paper's seeds.
        started = time.process_time()
        profile = furniture.learn(normalize_text(seed[2]) for seed in group)
        parsed_group = [parse_seed(seed[2], seed[5]["id"], profile) for seed in group]
        reading += time.process_time() - started
        for (source, _, text, byline, title, record), parsed in zip(group, parsed_group):
            for key in (("all", "all"), ("all", shape), (source, "all"), (source, shape)):
                evaluate(parsed, record, shape, byline, title, tallies[key])
    cpu_ms = reading * 1000 / max(1, len(seeds))
    write(f"\n## {corpus_name}\n")
    write(f"{len(seeds):,} seeds from {len({id(s[5]) for s in seeds}):,} records; "
          f"reader CPU {cpu_ms:.2f} ms per seed (learning included)\n")
    write("| source | shape | seeds | headline found | dated | wrong dates | author = headline "
          "| byline left | boilerplate published | sentences kept |")
    write("|---|---|---|---|---|---|---|---|---|---|")
    for (source, shape), t in sorted(tallies.items(), key=lambda kv: (kv[0][0] != "all", kv[0])):
        n = t.n["articles"]
        found = (f"{100 * t.n['headline found'] / t.n['with headline']:.1f} %"
                 if t.n["with headline"] else "–")
        left = (f"{100 * t.n['byline left'] / t.n['with byline line']:.1f} %"
                if t.n["with byline line"] else "–")
        kept = 100 * (1 - t.n["sentences lost"] / t.n["sentences"]) if t.n["sentences"] else 100
        write(f"| {source} | {shape} | {n:,} | {found} | {100 * t.n['dated'] / n:.1f} % "
              f"| {100 * t.n['wrong date'] / n:.2f} % | {100 * t.n['author is headline'] / n:.2f} % "
              f"| {left} | {100 * t.n['boilerplate published'] / n:.1f} % | {kept:.2f} % |")
    days = collections.defaultdict(set)
    for source, _, _, _, _, record in seeds:
        days[source].add(record["date"][:10])
    single = sorted(source for source, dates in days.items() if len(dates) == 1 and len(seeds) > 1)
    if single:
        write(f"\nEvery record of {', '.join(single)} has the same date "
              f"({', '.join(sorted(next(iter(days[s])) for s in single))}): when it was crawled, not "
              "published, so a byline's own date counts as wrong here.")
    overall = tallies[("all", "all")]
    write("\nExamples of what went wrong (first few of each):\n")
    for key in ("headline found", "wrong date", "author is headline", "byline left",
                "boilerplate published", "sentences lost"):
        for example in overall.examples.get(key, []):
            write(f"- {key}: `{example}`")
    return overall


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-paper", type=int, default=400, help="SaudiNewsNet records per paper")
    parser.add_argument("--egynews", type=int, default=2000, help="egynews2013 articles")
    parser.add_argument("--out", type=pathlib.Path, help="also write the report to this file")
    args = parser.parse_args()
    lines = []

    def write(text):
        print(text)
        lines.append(text)

    write("# Reader evaluation (`benchmarks/reader_eval.py`)\n")
    write(f"Command: `.venv/bin/python benchmarks/reader_eval.py --per-paper {args.per_paper} "
          f"--egynews {args.egynews}`  ")
    write(f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python "
          f"{platform.python_version()}; date {datetime.date.today()}.  ")
    write(f"Samples: `random.Random({SEED})`. Wrong date = more than one day off the record's "
          "date. Boilerplate = the furniture patterns in this script.")
    saudi = list(saudi_records(args.per_paper))
    run("SaudiNewsNet, each paper's seeds learned as one source", saudi, write)
    run("SaudiNewsNet, all papers in one folder (nothing tells the papers apart)", saudi, write,
        mixed=True)
    run("egynews2013", list(egynews_records(args.egynews)), write)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
