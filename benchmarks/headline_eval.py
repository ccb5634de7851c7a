"""How well the seed reader finds and makes headlines, measured on egynews2013 and SaudiNewsNet.

1. Found: on the egynews2013 articles as they are, the share whose real
   headline (the manifest `title`) is extracted as the title, or as the kicker
   when a Youm7 kicker sits above the headline (comparison on normalised words).
2. Made: on body-only seeds (an egynews2013 file without its first line, a
   SaudiNewsNet record's `text`), word overlap (precision/recall/F1 of
   normalised words) between the headline `parse_seed` gives and the real one,
   per corpus and per paper; beside it two naive baselines, the body's first
   90 and first 120 characters (the made headline's limit) cut at a word; and
   the lengths of made and real headlines.
3. `--judge [--seed N]`: the fixed 30-article sample (15 per corpus) that an editor reads
   (`benchmarks/results/headline_judgements.md`): real title, lead, headline.

Usage: .venv/bin/python benchmarks/headline_eval.py [--all] [--output FILE] | --judge [--seed N]
"""

import argparse
import collections
import csv
import datetime
import json
import os
import pathlib
import platform
import random
import re
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from arshif_seeds.lead_headline import (  # noqa: E402
    COMPLETE_SLACK_CHARS,
    HEADLINE_SLACK_CHARS,
    MADE_MAX_CHARS,
    WHOLE_SLACK_CHARS,
    make_headline,
)
from arshif_seeds.parse import parse_seed  # noqa: E402
from reader_eval import norm  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
EGYNEWS = CORPUS / "egynews2013" / "articles"
SAUDINEWSNET = CORPUS / "saudinewsnet" / "saudinewsnet.jsonl"
SEED = 2013
FOUND_SAMPLE = 500
MADE_SAMPLE = 2000
JUDGE_PER_CORPUS = 15
JUDGE_LEAD_MIN_WORDS = 12
NAIVE_CHARS = (90, MADE_MAX_CHARS)
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_FOLD = str.maketrans("أإآٱىةؤئ", "اااايهوي")
_WORD = re.compile(r"\w+")
_TRAILING_PUNCT = re.compile(r"[\s.،,:;؛\-–—]+$")


def words(text):
    """The reader's normalised text (`reader_eval.norm`) as words: no diacritics or tatweel, one alef,
    ى→ي, ة→ه, no punctuation."""
    return _WORD.findall(_MARKS.sub("", norm(text)).translate(_FOLD).lower())


def overlap(made, real):
    made_words, real_words = words(made), words(real)
    common = sum(min(made_words.count(w), real_words.count(w)) for w in set(made_words))
    precision = common / len(made_words) if made_words else 0.0
    recall = common / len(real_words) if real_words else 0.0
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def naive(text, chars):
    """A baseline: the body's first `chars` characters, cut at a word."""
    text = " ".join(text.split())
    if len(text) <= chars:
        return text
    cut = text.rfind(" ", 0, chars)
    return _TRAILING_PUNCT.sub("", text[: cut if cut > 0 else chars]) + "…"


def egynews_rows():
    with open(EGYNEWS / "manifest.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [row for row in rows if row["title"].strip()]


def egynews_bodies(rows):
    """(name, paper, real title, body-only text): the file without its first line."""
    for row in rows:
        text = (EGYNEWS / row["file"]).read_text(encoding="utf-8")
        yield row["file"], row["source"], row["title"], text.split("\n", 1)[-1]


def saudinewsnet_bodies():
    with open(SAUDINEWSNET, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["title"].strip() and record["text"].strip():
                yield record["id"], record["category"], record["title"], record["text"]


def found(parsed, real):
    real_words = words(real)
    return real_words in (words(parsed.title), words(parsed.kicker or ""))


def part_found(rows, run_all):
    sample = random.Random(SEED).sample(rows, min(FOUND_SAMPLE, len(rows)))
    texts = {row["file"]: (EGYNEWS / row["file"]).read_text(encoding="utf-8") for row in sample}
    started = time.process_time()
    hits = strict = 0
    for row in sample:
        parsed = parse_seed(texts[row["file"]], row["file"])
        hits += found(parsed, row["title"])
        strict += words(parsed.title) == words(row["title"])
    parse_ms = (time.process_time() - started) * 1000 / len(sample)
    lines = [
        "## 1. Real headline found (egynews2013 articles as they are)",
        "",
        "| set | found (title, or kicker for Youm7) | title only |",
        "|---|---|---|",
        f"| {len(sample)}-article sample (`random.Random({SEED})`) | **{100 * hits / len(sample):.1f} %**"
        f" | {100 * strict / len(sample):.1f} % |",
    ]
    if run_all:
        hits = sum(
            found(parse_seed((EGYNEWS / row["file"]).read_text(encoding="utf-8"), row["file"]), row["title"])
            for row in rows
        )
        lines.append(f"| all {len(rows):,} articles | **{100 * hits / len(rows):.2f} %** | – |")
    lines += ["", f"`parse_seed` on the sample: {parse_ms:.2f} ms CPU per article.", ""]
    return lines


def measure(bodies):
    """Per paper: list of (made scores, (naive scores per NAIVE_CHARS), generated, parse CPU seconds,
    make_headline CPU seconds or None, made length, real length)."""
    results = collections.defaultdict(list)
    for name, paper, real, body in bodies:
        started = time.process_time()
        parsed = parse_seed(body, name)
        spent = time.process_time() - started
        made = None
        if parsed.title_generated:
            # The call parse_seed made, timed alone.
            started = time.process_time()
            make_headline(" ".join(parsed.paragraphs[:3]))
            made = time.process_time() - started
        naive_scores = tuple(overlap(naive(body, chars), real) for chars in NAIVE_CHARS)
        results[paper].append(
            (overlap(parsed.title, real), naive_scores, parsed.title_generated, spent, made,
             len(parsed.title), len(real))
        )
    return results


def _scores(item, which):
    """Made scores (`which` None) or the scores of the baseline NAIVE_CHARS[which]."""
    return item[0] if which is None else item[1][which]


def _stats(items, which):
    values = [_scores(item, which)[2] for item in items]
    return f"{statistics.mean(values):.3f} / {statistics.median(values):.3f}"


def _prf(items, which):
    cells = []
    for index in range(3):
        values = [_scores(item, which)[index] for item in items]
        cells.append(f"{statistics.mean(values):.3f} / {statistics.median(values):.3f}")
    return cells


def _lengths(values):
    values = sorted(values)
    mean, median, ninetieth = statistics.mean(values), statistics.median(values), values[len(values) * 9 // 10]
    return f"{mean:.0f} / {median:.0f} / {ninetieth} / {values[-1]}"


def made_table(title, results):
    everything = [item for items in results.values() for item in items]
    generated = [item for item in everything if item[2]]
    first = [f"first {chars}" for chars in NAIVE_CHARS]
    lines = [
        f"### {title}",
        "",
        f"| | articles | generated | made F1 mean / median | {first[0]} F1 | {first[1]} F1 |",
        "|---|---|---|---|---|---|",
    ]
    for label, items in [("**all**", everything), ("generated only", generated), *sorted(results.items())]:
        made = f"**{_stats(items, None)}**" if items is everything else _stats(items, None)
        lines.append(
            f"| {label} | {len(items):,} | {sum(item[2] for item in items):,} | {made}"
            f" | {_stats(items, 0)} | {_stats(items, 1)} |"
        )
    cpu = 1000 * statistics.mean(item[3] for item in everything)
    made_cpu = 1000 * statistics.mean(item[4] for item in generated)
    made_p, made_r, made_f = _prf(everything, None)
    lines += [
        "",
        "| all articles | precision mean / median | recall mean / median | F1 mean / median |",
        "|---|---|---|---|",
        f"| made (`parse_seed` title) | {made_p} | {made_r} | **{made_f}** |",
    ]
    for which, chars in enumerate(NAIVE_CHARS):
        naive_p, naive_r, naive_f = _prf(everything, which)
        lines.append(f"| naive: first {chars} characters cut at a word | {naive_p} | {naive_r} | {naive_f} |")
    lines += [
        "",
        "| headline length, characters | mean / median / 90th percentile / longest |",
        "|---|---|",
        f"| made, generated only | {_lengths(item[5] for item in generated)} |",
        f"| real, the same articles | {_lengths(item[6] for item in generated)} |",
        "",
        f"`parse_seed` on these body-only seeds: {cpu:.2f} ms CPU per article, of which `make_headline`"
        f" {made_cpu:.2f} ms per generated headline.",
        "",
    ]
    return lines


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()}-core {model} ({platform.system()} {platform.release()}, {platform.machine()}), "
        f"Python {platform.python_version()}"
    )


def report(run_all):
    rows = egynews_rows()
    made_rows = random.Random(SEED).sample(rows, min(MADE_SAMPLE, len(rows)))
    command = " ".join(["benchmarks/headline_eval.py", *sys.argv[1:]])
    lines = [
        "# Headline evaluation (seed reader, `plugins/arshif_seeds`)",
        "",
        f"Command: `.venv/bin/python {command}`  ",
        f"Machine: {machine()}; CPU times are process CPU time; load average (1 minute) at the start:"
        f" {os.getloadavg()[0]:.2f} (above 0 when other jobs shared the machine).  ",
        f"Date: {datetime.date.today().isoformat()}",
        "",
        "Corpora: egynews2013 (`../shared/corpus/egynews2013/articles`, manifest `title` = the",
        "headline as published) and SaudiNewsNet (`../shared/corpus/saudinewsnet/saudinewsnet.jsonl`,",
        "record `title`). Words are compared after removing diacritics and tatweel, folding",
        "أ/إ/آ→ا, ى→ي, ة→ه and dropping punctuation.",
        "",
        *part_found(rows, run_all),
        "## 2. Made headline vs the real one (body-only seeds)",
        "",
        "A body-only seed is an egynews2013 file without its first line, or a SaudiNewsNet",
        "record's `text`. The measured headline is `parse_seed(body).title`: the one made",
        "from the lead (`lead_headline.make_headline`) when the reader finds no headline line",
        "(\"generated\"), else the line the reader took as the headline. Word-F1 against the",
        f"real title; the baselines are the body's first {' and first '.join(map(str, NAIVE_CHARS))} characters",
        f"cut at a word (the made headline's limit is the second, plus up to {HEADLINE_SLACK_CHARS} characters for a",
        f"clause end, up to {COMPLETE_SLACK_CHARS} rather than leave a word without its complement and up to",
        f"{WHOLE_SLACK_CHARS} to end its clause or sentence rather than cut it).",
        "",
        *made_table(
            f"egynews2013: {len(made_rows):,} articles (`random.Random({SEED}).sample`), per site",
            measure(egynews_bodies(made_rows)),
        ),
        *made_table("SaudiNewsNet: every record, per paper", measure(saudinewsnet_bodies())),
    ]
    return "\n".join(lines)


def judge_sample(seed=SEED):
    """15 body-only articles per corpus whose text opens with a paragraph (12 words or more),
    fixed seed: (corpus, name, real title, lead, parsed title, generated)."""
    picked = []
    for corpus, bodies in (
        ("egynews2013", egynews_bodies(random.Random(seed).sample(egynews_rows(), 200))),
        ("SaudiNewsNet", random.Random(seed).sample(list(saudinewsnet_bodies()), 200)),
    ):
        count = 0
        for name, _paper, real, body in bodies:
            first = next((line for line in body.split("\n") if line.strip()), "")
            if len(first.split()) < JUDGE_LEAD_MIN_WORDS:
                continue
            parsed = parse_seed(body, name)
            lead = " ".join(" ".join(parsed.paragraphs[:1]).split()[:60])
            picked.append((corpus, name, real, lead, parsed.title, parsed.title_generated))
            count += 1
            if count == JUDGE_PER_CORPUS:
                break
    return picked


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--all", action="store_true", help="measure 'found' on every egynews2013 article too")
    parser.add_argument("--output", type=pathlib.Path, help="write the Markdown report here")
    parser.add_argument("--judge", action="store_true", help="print the 30 articles for the editor's judgements")
    parser.add_argument("--seed", type=int, default=SEED, help="the judged sample's seed (another one: a held-out sample)")
    args = parser.parse_args()
    if args.judge:
        for number, (corpus, name, real, lead, made, generated) in enumerate(judge_sample(args.seed), 1):
            found = "" if generated else " (not generated: a line of the text taken as the headline)"
            print(f"{number}. {corpus} {name}\n   real: {real}\n   lead: {lead}\n   made: {made}{found}\n")
        return
    text = report(args.all)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
