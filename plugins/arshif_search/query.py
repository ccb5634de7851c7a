"""Search the exported static index from Python, exactly as the browser does.

This is a line-by-line counterpart of theme/static/js/search-engine.js: the
same query parsing, the same integer scoring and the same order, so the CLI
and tests can check rankings without a browser. Format and semantics:
docs/SEARCH_INDEX.md.
"""

import json
import re
from bisect import bisect_right
from pathlib import Path

from .analyzer import normalize, tokenize

_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"'})
_PART = re.compile(r'"([^"]*)"?|(\S+)')


# Proclitics a word being typed may start with (conjunction, preposition,
# article), tried off in turn: the readings of «والرئ» are والرء, الرء, رء.
_PROCLITICS = re.compile("(?:[وف]?[بكل]?(?:ال)?|[وف]?لل)")


def prefix_readings(word):
    """Prefixes of dictionary stems that a word being typed may stand for:
    the folded word and the word without each proclitic it may start with.
    At least 3 letters are left after و ف ب ك ل, 2 after the article (and for
    the word as typed): «الرئ» is رء + the rest of a word."""
    out = []
    for k in range(min(4, len(word)) + 1):
        rest = word[k:]
        if _PROCLITICS.fullmatch(word[:k]) and rest not in out and len(rest) >= (
                2 if k == 0 or word[:k].endswith(("ال", "لل")) else 3):
            out.append(rest)
    return out


def parse_query(query):
    """(units, excluded stems, prefix) of a query string.

    A unit is a list of (exact, stem, pos) words: one word, or the words of
    a quoted phrase. `-word` excludes documents holding the word's stem.
    A word repeated in the query counts once. `prefix` is None, or (the
    readings of the word being typed, the index of its unit) when the query
    ends in a plain word (no space, quote or punctuation after it).
    """
    units, excluded, seen = [], [], set()
    last = None
    text = query.translate(_QUOTES)
    for match in _PART.finditer(text):
        phrase, plain = match.group(1), match.group(2)
        last = None
        if phrase is not None:
            words = [(t.text, t.stem, t.pos) for t in tokenize(phrase)]
            groups = [words] if len(words) > 1 else [[w] for w in words]
        elif plain.startswith("-") and len(plain) > 1:
            excluded.extend(t.stem for t in tokenize(plain[1:]))
            continue
        else:
            tokens = tokenize(plain, keep_stops=True)
            if (tokens and tokens[-1].end == len(plain) and not tokens[-1].stop
                    and match.end() == len(text)):
                last = tokens[-1]
            groups = [[(t.text, t.stem, t.pos)] for t in tokens if not t.stop]
        for unit in groups:
            key = tuple(stem for _, stem, _ in unit)
            if key not in seen:
                seen.add(key)
                units.append(unit)
    prefix = None
    if last is not None:
        unit = next(i for i, u in enumerate(units) if len(u) == 1 and u[0][1] == last.stem)
        readings = prefix_readings(normalize(plain[last.start:last.end]))
        if readings:
            prefix = (readings, unit)
    return units, excluded, prefix


def read_varint(data, i):
    """(value, next offset) of the LEB128 varint at data[i]."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, i
        shift += 7


def read_str(data, i):
    n, i = read_varint(data, i)
    return data[i:i + n].decode("utf-8"), i + n


def parse_shard(data, with_df):
    """{term: (df, block bytes)} of a term or positions shard."""
    n, i = read_varint(data, 0)
    header = []
    for _ in range(n):
        term, i = read_str(data, i)
        df = 0
        if with_df:
            df, i = read_varint(data, i)
        length, i = read_varint(data, i)
        header.append((term, df, length))
    terms = {}
    for term, df, length in header:
        terms[term] = (df, data[i:i + length])
        i += length
    return terms


def decode_postings(df, block):
    """(doc ids, weights, {exact form: set of posting indexes})."""
    docs, i, doc = [], 0, 0
    for _ in range(df):
        gap, i = read_varint(block, i)
        doc += gap
        docs.append(doc)
    weights = block[i:i + df]
    i += df
    exacts = {}
    n, i = read_varint(block, i)
    for _ in range(n):
        form, i = read_str(block, i)
        count, i = read_varint(block, i)
        if count == df:
            exacts[form] = set(range(df))
            continue
        indexes, k = set(), 0
        for _ in range(count):
            gap, i = read_varint(block, i)
            k += gap
            indexes.add(k)
        exacts[form] = indexes
    return docs, weights, exacts


def decode_positions(df, block):
    """Per posting, the set of positions of the term in that document."""
    out, i = [], 0
    for _ in range(df):
        count, i = read_varint(block, i)
        poses, p = set(), 0
        for _ in range(count):
            gap, i = read_varint(block, i)
            p += gap
            poses.add(p)
        out.append(poses)
    return out


def edit_distance(a, b, limit):
    """Levenshtein distance of a and b, or limit + 1 when it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


class StaticIndex:
    """The exported index in a folder (OUTPUT_PATH/search)."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.manifest = json.loads((self.folder / "manifest.json").read_text("utf-8"))
        self._shards = {}
        self._chunks = {}
        self._blocks = {}
        self._facets = None

    def path(self, kind, n, ext):
        """The n-th file of a kind, relative to the folder (names: docs/SEARCH_INDEX.md)."""
        size = self.manifest["name_length"]
        names = self.manifest["files"]["t" if kind == "p" else kind]
        return f"{kind}/{names[n * size:(n + 1) * size]}.{ext}"

    def _file(self, kind, n, ext):
        return (self.folder / self.path(kind, n, ext)).read_bytes()

    def _shard(self, kind, i):
        key = (kind, i)
        if key not in self._shards:
            self._shards[key] = parse_shard(self._file(kind, i, "bin"), kind == "t")
        return self._shards[key]

    def shard_of(self, term):
        """The term shard whose range holds `term`."""
        return bisect_right(self.manifest["ranges"], term)

    def postings(self, stem):
        """(doc ids, weights, exact sets) of a stem; empty when unknown."""
        entry = self._shard("t", self.shard_of(stem)).get(stem)
        return decode_postings(*entry) if entry else ([], b"", {})

    def positions(self, stem):
        i = self.shard_of(stem)
        df = self._shard("t", i)[stem][0]
        return decode_positions(df, self._shard("p", i)[stem][1])

    def completions(self, readings, own):
        """Stems that start with one of the readings (but the typed word's
        own stem `own`), in order. A reading whose stems span more than
        `prefix_shards` term shards (a prefix too short to say much) is
        skipped rather than fetched."""
        out = []
        for reading in readings:
            first, last = self.shard_of(reading), self.shard_of(reading + "\uffff")
            if last - first >= self.manifest["prefix_shards"]:
                continue
            for i in range(first, last + 1):
                out += [stem for stem in self._shard("t", i)
                        if stem.startswith(reading) and stem != own and stem not in out]
        return out

    def chunk_path(self, chunk):
        """A result chunk's path: its name is in a name block (the manifest names the blocks)."""
        per_block, size = self.manifest["names_per_block"], self.manifest["name_length"]
        n = chunk // per_block
        if n not in self._blocks:
            self._blocks[n] = self._file("n", n, "txt").decode("ascii")
        block = self._blocks[n]
        k = chunk % per_block
        return f"d/{block[k * size:(k + 1) * size]}.json"

    def doc(self, doc_id):
        size = self.manifest["chunk_size"]
        chunk = doc_id // size
        if chunk not in self._chunks:
            raw = (self.folder / self.chunk_path(chunk)).read_bytes()
            self._chunks[chunk] = json.loads(raw)
        url, title, date, source, category, source_file, snippet = \
            self._chunks[chunk][doc_id % size]
        return {"id": doc_id, "url": url, "title": title, "date": date,
                "undated": not date, "source": source, "category": category,
                "source_file": source_file, "snippet": snippet}

    def facet_codes(self):
        """(category code per doc, source code per doc)."""
        if self._facets is None:
            raw = self._file("f", 0, "bin")
            n = self.manifest["docs"]
            self._facets = (raw[:n], raw[n:2 * n])
        return self._facets

    def search(self, query, limit=10, offset=0, category=None, source=None,
               year=None, sort="relevance"):
        """The same result object as SearchEngine.search in the browser."""
        units, excluded, prefix = parse_query(query)
        rank = self.manifest["ranking"]
        exact_w, stem_w = rank["exact_weight"], rank["stem_weight"]
        coord, score, completed = {}, {}, {}
        for u, unit in enumerate(units):
            unit_scores = None
            for k, (exact, stem, _) in enumerate(unit):
                docs, weights, exacts = self.postings(stem)
                exact_set = exacts.get(exact, ())
                word = {}
                for i, doc in enumerate(docs):
                    word[doc] = weights[i] * (exact_w if i in exact_set else stem_w)
                if unit_scores is None:
                    unit_scores = word
                else:
                    unit_scores = {d: s + word[d] for d, s in unit_scores.items() if d in word}
            if len(unit) > 1 and unit_scores:
                unit_scores = self._phrase_filter(unit, unit_scores)
            if prefix is not None and prefix[1] == u:
                # The word being typed: a document without its stem may hold a
                # completion, scored lower when the typed word is itself a word.
                weight = rank["completion_weight"] if unit_scores else stem_w
                for doc, (s, stem) in self._completed(prefix[0], unit[0][1]).items():
                    if doc not in unit_scores:
                        unit_scores[doc] = s * weight
                        completed[doc] = stem
            for doc, s in unit_scores.items():
                coord[doc] = coord.get(doc, 0) + 1
                score[doc] = score.get(doc, 0) + s
        for stem in excluded:
            for doc in self.postings(stem)[0]:
                coord.pop(doc, None)
        docs = self._filter(list(coord), category, source, year)
        n_docs, undated = self.manifest["docs"], self.manifest["undated"]

        def age(doc):  # 0 for the newest document; undated ones after the oldest
            return n_docs - 1 - doc if doc >= undated else n_docs - undated + doc
        if sort == "newest":
            docs.sort(key=lambda d: (-coord[d], age(d)))
        else:
            docs.sort(key=lambda d: (-coord[d], -score[d], age(d)))
        results = []
        for doc in docs[offset:offset + limit]:
            result = self.doc(doc)
            result["score"] = score[doc]
            result["matched"] = coord[doc]
            results.append(result)
        terms = sorted({t for unit in units for exact, stem, _ in unit for t in (exact, stem)}
                       | {completed[d] for d in docs[offset:offset + limit] if d in completed})
        suggestions = []
        for u, unit in enumerate(units):
            for exact, stem, _ in unit:
                if not self.postings(stem)[0] and not (prefix and prefix[1] == u and completed):
                    found = self.suggest(exact)
                    if found:
                        suggestions.append({"word": exact, "suggestion": found[0]})
        return {"total": len(docs), "results": results, "terms": terms,
                "suggestions": suggestions}

    def _completed(self, readings, own):
        """{doc: (weight, stem)} of the documents holding a completion of the
        word being typed: the weight of its best completion (search() scales it)."""
        best = {}
        for stem in self.completions(readings, own):
            docs, weights, _ = self.postings(stem)
            for i, doc in enumerate(docs):
                s = weights[i]
                if doc not in best or s > best[doc][0]:
                    best[doc] = (s, stem)
        return best

    def _phrase_filter(self, unit, candidates):
        """Keep the candidates where the unit's words stand at their query
        distances from each other (stems, in order)."""
        docs_of = []
        for _, stem, _ in unit:
            docs = self.postings(stem)[0]
            positions = self.positions(stem)
            docs_of.append({doc: positions[i] for i, doc in enumerate(docs)})
        base = unit[0][2]
        kept = {}
        for doc, s in candidates.items():
            first = docs_of[0][doc]
            if any(all(p + pos - base in docs_of[k][doc]
                       for k, (_, _, pos) in enumerate(unit) if k)
                   for p in first):
                kept[doc] = s
        return kept

    def _filter(self, docs, category, source, year):
        if category is not None or source is not None:
            cats, srcs = self.facet_codes()
            facets = self.manifest["facets"]
            for value, codes, name in ((category, cats, "category"), (source, srcs, "source")):
                if value is None:
                    continue
                names = [v for v, _ in facets[name]]
                code = names.index(value) if value in names else -1
                docs = [d for d in docs if codes[d] == code]
        if year is not None:
            ranges = [r for r in self.manifest["facets"]["year"] if r[0] == int(year)]
            docs = [d for d in docs if any(start <= d < end for _, start, end in ranges)]
        return docs

    def suggest(self, word, limit=5):
        """Dictionary words nearest `word` by edit distance (then most
        frequent): for "did you mean"."""
        tokens = tokenize(word)
        if not tokens:
            return []
        exact = tokens[0].text
        letter = self.manifest["suggest"].find(exact[0])
        if letter < 0:
            return []
        data = json.loads(self._file("s", letter, "json"))
        limit_d = 1 if len(exact) <= 4 else 2
        scored = []
        for w, n in zip(data["w"], data["n"]):
            if w == exact:
                continue
            d = edit_distance(exact, w, limit_d)
            if d <= limit_d:
                scored.append((d, -n, w))
        scored.sort()
        return [w for _, _, w in scored[:limit]]
