"""Related coverage: a few articles on the same event or topic, near in time.

Comparing every pair is quadratic; instead each article keeps its few most
telling terms (its tag candidates, weighted by how rare they are in the
archive), and each term's postings are ordered by date. An article meets only
the articles nearest to it in time in the postings of its own terms: the
candidates are bounded (terms × window) and the near ones, which the reader
wants first, are the ones met. Terms in too many articles («مصر») say little
and cost the most: they are dropped.
"""

import bisect
import gc
import heapq
import logging
import math
from collections import defaultdict

from .arabic import is_undated

logger = logging.getLogger(__name__)

# Terms kept per article, and articles met on each side in a term's postings.
TERMS = 10
WINDOW = 15
# A term in more than this share of the archive is no sign of a shared topic.
MAX_DF_SHARE = 0.02
MIN_MAX_DF = 20  # (a small archive keeps every term)
# Similarity (cosine of the kept terms) below which nothing is related.
MIN_SIMILARITY = 0.12
# Days at which the time factor halves: a week's news before a year's.
HALF_DAYS = 30
# An undated article is as far from any other as this many days.
UNDATED_DAYS = 180


def top_terms(terms, df, total, keep=TERMS, max_df=None):
    """The `keep` heaviest terms of one article as {term: weight × idf}, ties by term.

    Terms found in only this article or in more than `max_df` articles are left out.
    """
    max_df = max_df if max_df is not None else max(MIN_MAX_DF, MAX_DF_SHARE * total)
    weighted = [(-weight * math.log(total / df[term]), term) for term, weight in terms.items()
                if 1 < df[term] <= max_df]
    return {term: -w for w, term in heapq.nsmallest(keep, weighted)}


def time_factor(day_a, day_b):
    """1 on the same day, ½ at HALF_DAYS apart; a fixed distance when either is undated."""
    days = UNDATED_DAYS if day_a is None or day_b is None else abs(day_a - day_b)
    return 1 / (1 + days / HALF_DAYS)


def related_lists(docs, limit=5, window=WINDOW):
    """For each doc, the indices of up to `limit` related docs, best first.

    docs: [(terms {term: weight}, day number or None, keys)…]; two docs that
    share a key (the same seed, the same text, a merged copy's seed) are never
    related. Deterministic: ties go to the lower index.
    """
    total = len(docs)
    df = defaultdict(int)
    for terms, _, _ in docs:
        for term in terms:
            df[term] += 1
    kept = [top_terms(terms, df, total) for terms, _, _ in docs]
    norms = [math.sqrt(sum(w * w for w in k.values())) or 1.0 for k in kept]
    # Postings in time order (undated docs after every dated one): positions
    # to find an article's place, and (doc, weight) to score its neighbours.
    positions = [(day if day is not None else math.inf, index) for index, (_, day, _) in enumerate(docs)]
    postings = defaultdict(list)
    for index, position in enumerate(positions):
        for term, weight in kept[index].items():
            postings[term].append((position, index, weight))
    places, entries = {}, {}
    for term, posting in postings.items():
        posting.sort()
        places[term] = [item[0] for item in posting]
        entries[term] = [(other, weight) for _, other, weight in posting]
    result = []
    for index, (_, day, keys) in enumerate(docs):
        # other → [score, terms shared]: the hot loop of a build's related lists.
        met = {}
        terms, position = kept[index], positions[index]
        for term in sorted(terms):
            weight = terms[term]
            at = bisect.bisect_left(places[term], position)
            for other, other_weight in entries[term][max(0, at - window):at + window + 1]:
                seen = met.get(other)
                if seen is None:
                    met[other] = [weight * other_weight, 1]
                else:
                    seen[0] += weight * other_weight
                    seen[1] += 1
        ranked = []
        norm = norms[index]
        for other, (score, shared) in met.items():
            if shared < 2 or other == index:
                continue
            similarity = score / (norm * norms[other])
            if similarity < MIN_SIMILARITY or keys & docs[other][2]:
                continue
            ranked.append((-similarity * time_factor(day, docs[other][1]), other))
        ranked.sort()
        result.append([other for _, other in ranked[:limit]])
    return result


def _doc(article):
    """(terms, day number or None, keys) of one article for `related_lists`.

    Terms: the reader's tag candidates, and the tags (the terms chosen as what
    the article is about) once more; Markdown articles have only tags. Keys:
    its seed, its merged copies' seeds and its text, so that neither the
    article nor a copy of it is ever listed as related to it; and its
    same-story group's seeds (stories.py), listed on its page already.
    """
    terms = dict(getattr(article, "arshif_terms", None) or {})
    for tag in getattr(article, "tags", None) or ():
        terms[tag.name] = terms.get(tag.name, 0.0) + 1.0
    seed = getattr(article, "source_file", None) or article.source_path
    keys = {("seed", seed)} | {("seed", name) for name in getattr(article, "duplicates", None) or ()}
    keys |= {("seed", name) for name in getattr(article, "story", None) or ()}
    text = getattr(article, "content_hash", None)
    if text:
        keys.add(("text", text))
    day = None if is_undated(article) else article.date.toordinal()
    return terms, day, frozenset(keys)


def _shown(article):
    """What the article page shows of a related article; plain values, so that
    the incremental writer's key of the page (its metadata) changes with them."""
    return {"url": article.url, "title": article.title, "source": getattr(article, "source", None),
            "date": None if is_undated(article) else article.date}


def link_related(generator):
    """Give each article `related`: up to ARSHIF_RELATED articles (0: none)."""
    limit = generator.settings["ARSHIF_RELATED"]
    articles = generator.articles
    if not limit or not articles:
        return
    # Many small objects made and dropped, none in a cycle: with the whole
    # archive in memory, the collector's passes would cost more than the work.
    collecting = gc.isenabled()
    gc.disable()
    try:
        lists = related_lists([_doc(a) for a in articles], limit)
    finally:
        if collecting:
            gc.enable()
    for article, chosen in zip(articles, lists):
        article.related = article.metadata["related"] = [_shown(articles[i]) for i in chosen]
    logger.debug("Related coverage listed for %d of %d articles", sum(map(bool, lists)), len(articles))
