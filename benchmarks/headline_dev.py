"""The independently judged headlines made again with the current code, beside the editor's verdict.

The development set of issue 12 item 5: every verdict of the "Independent editor" sections of
`results/headline_judgements.md` (seed, article, ACCEPT/REJECT, reason, the headline judged). Each
article's body-only seed (as `headline_eval.py --judge` made it) is parsed again, and the old and new
headlines are printed side by side with the old verdict, changed ones first, with counts of how many
accepted and rejected headlines changed. Whether a changed headline now reads right is for a reader
to say: this only shows what changed.

Usage: .venv/bin/python benchmarks/headline_dev.py [--changed] [--output FILE]
"""

import argparse
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from arshif_seeds.parse import parse_seed  # noqa: E402
from headline_eval import EGYNEWS, SAUDINEWSNET  # noqa: E402

JUDGEMENTS = ROOT / "benchmarks" / "results" / "headline_judgements.md"
_SECTION = re.compile(r"^### Seed (\d+) \(code (\w+)\), the editor's verdicts$", re.M)
_VERDICT = re.compile(
    r"^(\d+)\. (egynews2013|SaudiNewsNet) (\S+) — \*\*(ACCEPT|REJECT)\*\*: (.*?)\s*\n\s+made: (.*)$", re.M
)


def verdicts(path=JUDGEMENTS):
    """[(seed, code, number, corpus, name, verdict, reason, judged headline)] of the independent editor."""
    text = path.read_text(encoding="utf-8")
    sections = list(_SECTION.finditer(text))
    found = []
    for at, section in enumerate(sections):
        end = sections[at + 1].start() if at + 1 < len(sections) else len(text)
        for match in _VERDICT.finditer(text, section.end(), end):
            found.append((int(section[1]), section[2], int(match[1]), *match.group(2, 3, 4, 5, 6)))
    return found


def bodies(names):
    """name → body-only text (an egynews2013 file without its first line, a SaudiNewsNet record's text)."""
    found = {}
    for name in names:
        path = EGYNEWS / name
        if path.suffix == ".txt" and path.exists():
            found[name] = path.read_text(encoding="utf-8").split("\n", 1)[-1]
    with open(SAUDINEWSNET, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in names:
                found[record["id"]] = record["text"]
    return found


def _commit():
    """The checkout's commit, or a note that there is none (a snapshot: say it by hand)."""
    try:
        run = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return "unknown"
    return run.stdout.strip() or "unknown (no git: a snapshot)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--changed", action="store_true", help="list only the headlines that changed")
    parser.add_argument("--output", type=pathlib.Path, help="write the listing here too")
    args = parser.parse_args()
    judged = verdicts()
    texts = bodies({item[4] for item in judged})
    rows = []
    for seed, code, number, corpus, name, verdict, reason, old in judged:
        new = parse_seed(texts[name], name).title if name in texts else "(article not found)"
        rows.append((old != new, verdict, seed, code, number, corpus, name, reason, old, new))
    counts = {
        verdict: (sum(r[1] == verdict for r in rows), sum(r[1] == verdict and r[0] for r in rows))
        for verdict in ("ACCEPT", "REJECT")
    }
    lines = [
        "# The independently judged headlines made again",
        "",
        f"Command: `.venv/bin/python benchmarks/headline_dev.py {' '.join(sys.argv[1:])}`  ",
        f"Code: `{_commit()}` (lead_headline.py and the reader as committed there)",
        "",
        f"{len(rows)} independent verdicts (`{JUDGEMENTS.relative_to(ROOT)}`); made again with the current code:",
        *(f"- {verdict}: {total}, of which {changed} changed" for verdict, (total, changed) in counts.items()),
        "",
    ]
    for changed, verdict, seed, code, number, corpus, name, reason, old, new in sorted(rows, key=lambda r: (not r[0], r[1], r[2], r[4])):
        if args.changed and not changed:
            continue
        lines += [
            f"{'CHANGED' if changed else 'same'} | seed {seed} #{number} ({code}) {corpus} {name} | {verdict}: {reason}  ",
            f"  old: {old}  ",
            *([f"  new: {new}  "] if changed else []),
            "",
        ]
    text = "\n".join(lines)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
