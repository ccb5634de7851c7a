"""The same story across outlets: articles that are one report (a copy or an
edit of the same agency text) published separately, grouped across the archive.

Comparing every pair is quadratic. Each article is cut into word 3-shingles
(hashed, letters folded as the search analyzer folds them) and keeps the ones
whose hash is 0 modulo SAMPLE: the same shingle is kept by every article that
has it, so two copies keep the same sample and the share of it they have in
common estimates their overlap. Sorted, the kept shingles give the articles
that share them; shingles of many articles (stock phrases) are skipped, and
articles too far apart in time are not paired. Only pairs that share enough
of their samples are compared whole.

Overlap alone is a poor judge at the edges (benchmarks/data/story_pairs.jsonl
holds the pairs read to set these rules), so several signals must agree:
- near in time (MAX_DAYS), or days apart but the same text throughout
  (a release reissued: REISSUE_DAYS);
- a near-copy (each text mostly in the other) needs nothing more;
- otherwise the leads must agree, the more so the less text is shared both
  ways: an agency text shortened or lengthened by one outlet starts as the
  other does, while a follow-up that reuses an earlier report's background,
  or a different report of the same day, opens with its own news;
- or, when the opening was rewritten, both share much text and the shorter
  text's rare words (names, numbers: rare in the archive) are in the other;
- a template filled in for another country or another day (a royal cable, a
  weather report) shares its wording but not its rare words: never one report;
- and the shorter text is not a small part of the longer one (a digest that
  holds an article whole is many times its length).
"""

import gc
import hashlib
import logging
import os
import re
import zlib
from array import array
from collections import Counter
from collections.abc import Sequence
from itertools import combinations, groupby

from arshif_core.fingerprint import files_fingerprint
from arshif_core.pelican_compat import body_html
from arshif_search.analyzer import normalize
from arshif_search.indexer import ANALYZER_FINGERPRINT, markup_text
from arshif_seeds import cachefile

from .arabic import is_undated

logger = logging.getLogger(__name__)

# One shingle in SAMPLE is kept for finding pairs (all are compared for a pair found).
SAMPLE = 4
# Only the start of a text is sampled (copies share their start; long texts cost most).
SAMPLE_CHARS = 1500
# A shingle kept by more articles than this is a stock phrase, not a shared report.
MAX_DF = 60
# Kept shingles two articles must share before they are compared whole: at
# least MIN_SHARED, and ESTIMATE of the smaller sample (SHORTER_IN_LONGER less
# the samples' noise).
MIN_SHARED = 2
ESTIMATE = 0.3
# Days apart beyond which two dated articles are one report only as a reissue (below).
MAX_DAYS = 2
# A release reissued days later (up to REISSUE_DAYS apart) is the same text
# throughout: each text at least REISSUE of the other, the leads agreeing
# (REISSUE_LEAD) and the shorter's rare words nearly all in the other
# (REISSUE_NAMES). A template notice of another day (receptions, forecasts,
# statements of other cases) shares its wording, not all of these.
REISSUE_DAYS = 7
REISSUE = 0.45
REISSUE_LEAD = 0.75
REISSUE_NAMES = 0.75
# Each text at least this much in the other: a near-copy.
NEAR_COPY = 0.8
# Each text at least this much in the other: an edited copy if the leads agree (LOOSE_LEAD).
EDITED = 0.5
LOOSE_LEAD = 0.5
# The shorter text at least this much in the longer, whose leads agree
# (CLOSE_LEAD): the same text, one version shorter.
SHORTER_IN_LONGER = 0.45
CLOSE_LEAD = 0.7
# Each text at least this much in the other, and its rare words (below) mostly
# (NAMES_AGREE) in the other: the same text with its opening rewritten.
REWRITTEN = 0.4
NAMES_AGREE = 0.6
# Rare words: in at most RARE_SHARE of the archive's articles (RARE_MIN at
# least): names, numbers, places. A template filled in for another country or
# another day shares its wording, not these: fewer than NAMES_DIFFER of the
# shorter text's rare words in the other, and the two are not one report
# (judged when the two hold MIN_RARE rare words between them).
RARE_SHARE = 0.001
RARE_MIN = 20
NAMES_DIFFER = 0.3
MIN_RARE = 3
# The shorter text at least this share of the longer's length (a digest is longer).
MIN_LENGTH_RATIO = 0.15
# Leads: the share of the first LEAD_WORDS words of one text found in the
# first 2 × LEAD_WORDS of the other (words, not shingles: edits reorder).
LEAD_WORDS = 25
# Texts shorter than this (in words) are too short to tell a copy from a stock paragraph.
MIN_WORDS = 25

# Each article's sketch (`sketch`, and its `whole` shingles once needed) is kept
# in CACHE_PATH between builds, under the digest of exactly what it is made of;
# the file holds the fingerprint of the code that made them.
CACHE_NAME = "arshif-stories.pickle"
CODE_FINGERPRINT = files_fingerprint([__file__], ANALYZER_FINGERPRINT)

# A word: word characters and the marks (diacritics) inside it.
_WORD = re.compile("[\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]+")


class Vocabulary(dict):
    """Spelling → one number for the word, folded as the search analyzer folds
    words and with punctuation dropped («القاهرة،» is القاهرة; 0: no word in it).
    An archive has far fewer spellings than words: each is folded once, when
    first looked up."""

    def __missing__(self, token):
        folded = " ".join(_WORD.findall(normalize(token)))
        value = self[token] = zlib.crc32(folded.encode("utf-8", "surrogatepass")) if folded else 0
        return value


def word_hashes(text, vocabulary):
    """The numbers of the words of `text` (`vocabulary`: a Vocabulary)."""
    return list(filter(None, map(vocabulary.__getitem__, text.split())))


def shingles(hashes):
    """The set of word 3-shingles of a list of word numbers, each as one number
    (the hash of a tuple of ints is the same in every run)."""
    return {hash(shingle) for shingle in zip(hashes, hashes[1:], hashes[2:])}


def containment(a, b):
    """(share of a in b, share of b in a) of two collections of distinct shingles."""
    if not a or not b:
        return 0.0, 0.0
    common = len(set(a).intersection(b))
    return common / len(a), common / len(b)


def digest(text, kind):
    """A cache key: the digest of `text` (exactly what is read of it), `kind` (bytes) telling uses apart."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16, person=kind).digest()


class Sketches:
    """What is made of one text alone, by the digest of what it is made of:
    `cached` (of earlier builds, read) and `fresh` (of this build's texts,
    what the next build may reuse)."""

    def __init__(self, cached=None):
        self.cached, self.fresh = cached or {}, {}

    def get(self, key, make, *args):
        made = self.fresh.get(key) or self.cached.get(key) or make(*args)
        self.fresh[key] = made
        return made


def whole(text, vocabulary):
    """(length in words, all shingles) of a text."""
    hashes = word_hashes(text, vocabulary)
    return len(hashes), array("q", shingles(hashes))


def sketch(text, vocabulary):
    """(lead, distinct words, length in words or None, kept shingles) of a text's
    first SAMPLE_CHARS, as `Doc` keeps them; the length only when that is all of it."""
    hashes = word_hashes(text[:SAMPLE_CHARS], vocabulary)
    return (array("I", hashes[:2 * LEAD_WORDS]), array("I", set(hashes)),
            len(hashes) if len(text) <= SAMPLE_CHARS else None,
            array("q", [s for s in shingles(hashes) if s % SAMPLE == 0] if len(hashes) >= MIN_WORDS else []))


class Doc:
    """What the grouping needs of one article: its `sketch` and its day; the
    shingles of its whole text only once it is in a candidate pair, from its
    text made again (`items[index]`). Numbers are kept in arrays, not sets of
    ints (a tenth of the memory, for every article of the archive).

    Both are taken from `sketches` (a Sketches) when made by an earlier build."""

    __slots__ = ("lead", "distinct", "words", "day", "sample", "_shingles", "_items", "_index", "_vocabulary",
                 "_sketches")

    def __init__(self, items, index, vocabulary, sketches):
        text, self.day = items[index]
        made = sketches.get(digest(text[:SAMPLE_CHARS + 1], b"sample"), sketch, text, vocabulary)
        self.lead, self.distinct, self.words, self.sample = made
        self._items, self._index, self._vocabulary, self._shingles = items, index, vocabulary, None
        self._sketches = sketches

    @property
    def shingles(self):
        """All its shingles (and its length in words, known from then on)."""
        if self._shingles is None:
            text = self._items[self._index][0]
            self.words, self._shingles = self._sketches.get(digest(text, b"whole"), whole, text, self._vocabulary)
        return self._shingles


def lead_agreement(a, b):
    """The larger share of one lead's words found at the start of the other."""
    def found(x, y):
        words = set(x[:LEAD_WORDS])
        return len(words & set(y)) / len(words) if words else 0.0
    return max(found(a, b), found(b, a))


def names_agreement(shorter, longer, rare):
    """The share of the shorter text's rare words found in the longer, or None
    when the two hold fewer than MIN_RARE rare words between them."""
    own = {w for w in shorter.distinct if w in rare}
    other = set(longer.distinct)
    if len(own) + sum(1 for w in other if w in rare) < MIN_RARE:
        return None
    return len(own & other) / len(own) if own else 0.0


def same_story(a, b, rare):
    """Whether two Docs are the same report (see the module's docstring);
    `rare`: the archive's rare words (`rare_words`)."""
    apart = days_apart(a, b)
    if apart > REISSUE_DAYS:
        return False
    x, y = containment(a.shingles, b.shingles)
    low, high = min(x, y), max(x, y)
    shorter, longer = (a, b) if a.words <= b.words else (b, a)
    names = names_agreement(shorter, longer, rare)
    if apart > MAX_DAYS:
        return (low >= REISSUE and names is not None and names >= REISSUE_NAMES
                and lead_agreement(a.lead, b.lead) >= REISSUE_LEAD)
    if names is not None and names < NAMES_DIFFER:
        return False
    if low >= NEAR_COPY:
        return True
    if shorter.words < MIN_LENGTH_RATIO * longer.words:
        return False
    lead = lead_agreement(a.lead, b.lead)
    return ((low >= EDITED and lead >= LOOSE_LEAD) or (high >= SHORTER_IN_LONGER and lead >= CLOSE_LEAD)
            or (low >= REWRITTEN and names is not None and names >= NAMES_AGREE))


def days_apart(a, b):
    """Days between two Docs; 0 when either is undated (the text decides)."""
    return 0 if a.day is None or b.day is None else abs(a.day - b.day)


def compatible(a, b, rare):
    """Whether two Docs could be one report: near in time, their rare words not
    those of another country or another day (the first two tests of `same_story`;
    a reissue days apart is judged whole, by `same_story`)."""
    if days_apart(a, b) > MAX_DAYS:
        return same_story(a, b, rare)
    shorter, longer = (a, b) if len(a.distinct) <= len(b.distinct) else (b, a)
    names = names_agreement(shorter, longer, rare)
    return names is None or names >= NAMES_DIFFER


def rare_words(docs):
    """The words in at most RARE_SHARE of the docs (RARE_MIN at least): a
    statistic of the whole archive, counted once per build."""
    counts = Counter()
    for doc in docs:
        counts.update(doc.distinct)
    most = max(RARE_MIN, RARE_SHARE * len(docs))
    return {word for word, count in counts.items() if count <= most}


def candidate_pairs(docs):
    """Pairs (i, j), i < j, of docs near in time that share MIN_SHARED kept
    shingles; further apart (a reissue), ESTIMATE of the larger sample."""
    bits = max(len(docs), 1).bit_length()
    low = (1 << bits) - 1
    # One int per kept shingle: 40 bits of it, then the doc's index, sorted
    # so that a shingle's docs are one run. Most shingles are in one doc only:
    # runs of 2 to MAX_DF docs are kept.
    keyed = sorted(((s & 0xFFFFFFFFFF) << bits) | i for i, doc in enumerate(docs) for s in doc.sample)
    shared = Counter()
    for _, run in groupby(keyed, key=lambda k: k >> bits):
        run = [k & low for k in run]
        if not 2 <= len(run) <= MAX_DF:
            continue
        for i, j in combinations(run, 2):
            if days_apart(docs[i], docs[j]) <= REISSUE_DAYS:
                shared[(i, j)] += 1

    def enough(i, j, count):
        sizes = len(docs[i].sample), len(docs[j].sample)
        near = days_apart(docs[i], docs[j]) <= MAX_DAYS
        return count >= MIN_SHARED and count >= ESTIMATE * (min(sizes) if near else max(sizes))
    return sorted(pair for pair, count in shared.items() if enough(*pair, count))


def story_groups(items, sketches=None):
    """Groups (lists of indices, each sorted, two or more, in order of their first
    index) of items that are one report.

    items: a sequence of (plain text, day number or None), read in full once
    and again for the members of candidate pairs only (`ArticleItems` makes
    each text when asked, so that no text is held). Every two members of a group
    are the same report (complete linkage): a chain of look-alikes (cables to
    one country, then to two, then to the second alone) is not one story.
    Pairs are joined strongest first (the most text shared both ways), so the
    groups are the same for the same items.

    sketches: a Sketches, to reuse what earlier builds made of the same texts.
    """
    vocabulary = Vocabulary()
    sketches = Sketches() if sketches is None else sketches
    docs = [Doc(items, i, vocabulary, sketches) for i in range(len(items))]
    rare = rare_words(docs)
    judged = {}

    def same(i, j):
        key = (min(i, j), max(i, j))
        if key not in judged:
            judged[key] = same_story(docs[key[0]], docs[key[1]], rare)
        return judged[key]

    linked = [(-min(containment(docs[i].shingles, docs[j].shingles)), i, j)
              for i, j in candidate_pairs(docs) if same(i, j)]
    group_of = {}
    for _, i, j in sorted(linked):
        a, b = group_of.get(i, [i]), group_of.get(j, [j])
        if a is not b and all(compatible(docs[x], docs[y], rare) for x in a for y in b):
            a.extend(b)
            for member in b:
                group_of[member] = a
            group_of[i] = a
    groups = {id(group): sorted(group) for group in group_of.values()}
    return sorted(groups.values())


def item_of(article):
    """(plain text, day number or None) of an article for `story_groups`."""
    day = None if is_undated(article) else article.date.toordinal()
    return markup_text(body_html(article)), day


class ArticleItems(Sequence):
    """The articles' `item_of`, each made when asked: the archive's texts are never held at once."""

    def __init__(self, articles):
        self.articles = articles

    def __len__(self):
        return len(self.articles)

    def __getitem__(self, index):
        return item_of(self.articles[index])


def _shown(article):
    """What a member's page shows of another member; plain values, so that the
    incremental writer's key of the page (its metadata) changes with them."""
    return {"url": article.url, "title": article.title, "source": getattr(article, "source", None),
            "date": None if is_undated(article) else article.date}


def seed_name(article):
    """The seed's name, or a hand-written article's path (as related.py keys them)."""
    return getattr(article, "source_file", None) or article.source_path


def load_sketches(path, settings):
    """The sketches cached at `path` by this code ({} when none, or made by other code)."""
    if not path or not settings.get("LOAD_CONTENT_CACHE", True):
        return {}
    data = cachefile.load(path)
    if data.get("code") != CODE_FINGERPRINT or not isinstance(data.get("sketches"), dict):
        if data:
            logger.info("Ignoring the same-story cache %s: made by other code; it is rebuilt", path)
        return {}
    return data["sketches"]


def link_stories(generator):
    """Give each member of a same-story group `same_story` (the other members, by
    date) and `story` (every member's seed name), when ARSHIF_STORIES is on."""
    articles = generator.articles
    if not generator.settings["ARSHIF_STORIES"] or not articles:
        return
    path = (os.path.join(generator.settings["CACHE_PATH"], CACHE_NAME)
            if generator.settings.get("CACHE_CONTENT") else None)
    sketches = Sketches(load_sketches(path, generator.settings))
    collecting = gc.isenabled()
    gc.disable()  # many small sets, none in a cycle (see related.link_related)
    try:
        groups = story_groups(ArticleItems(articles), sketches)
    finally:
        if collecting:
            gc.enable()
    if path and sketches.fresh.keys() != sketches.cached.keys():  # a key's value is the same for the same code
        cachefile.save(path, {"code": CODE_FINGERPRINT, "sketches": sketches.fresh})
    for group in groups:
        members = sorted((articles[i] for i in group),
                         key=lambda a: (is_undated(a), None if is_undated(a) else a.date, seed_name(a)))
        names = tuple(seed_name(a) for a in members)
        for article in members:
            article.story = names
            article.same_story = article.metadata["same_story"] = [
                _shown(other) for other in members if other is not article]
    ingest = getattr(generator, "arshif_ingest", None)  # the seeds plugin's report, if it runs
    if ingest is not None:
        seeds = ([n for n in (getattr(articles[i], "source_file", None) for i in group) if n] for group in groups)
        ingest.report.stories = sorted(sorted(names) for names in seeds if names)
    logger.debug("Same-story groups: %d, holding %d articles", len(groups), sum(map(len, groups)))
