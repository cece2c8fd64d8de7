"""Statistical name taggers (averaged perceptron, BIO over PERS/LOC/ORG) that run after the rules.

Two models are shipped, both trained by ``scripts/train_tagger.py`` (``analysis/resources/tagger/README.md``): the
default configuration's gap filler (``analysis.config.GAP_FILLER``: the ANERcorp TRAINING split and hand-annotated
SaudiNewsNet articles, CC BY-NC-SA 4.0; its names are added only where no rule mention is) and the ANERcorp tagger
(``extract --tagger``, ``extract_mentions(..., tagger=True)``; the training split only, CC BY-SA 4.0). Features: the
word, its clitic-stripped form, affixes, the neighbouring words, word-list flags (first names, common words, words
that take ال) and the mention the rule matcher found at that token (so the tagger learns when to trust the
codebook). Greedy left-to-right decoding with the previous tag as a feature. The mentions stage costs about 1.5x its
CPU with a tagger (``benchmarks/check_tagger.py``, ``benchmarks/run_benchmark.py``).

A model may also use word clusters built from unlabelled news (``meta["clusters"]``, :func:`load_clusters`; the
default gap filler does, with :data:`CLUSTERS_FILE`): the token's cluster at three granularities and the middle one
of its neighbours.

Decoding is done by :class:`FastTagger`: every feature depends on ONE of the word, the word before or after
it (one or two places), the rule tag at offset -1/0/+1, the punctuation before it or after it, or the previous
tag. So a token's score is a sum of per-word, per-rule-tag and per-gap vectors (computed once per distinct
value and cached) plus the previous tag's row. The weights are multiples of 0.001, so the vectors are exact
integers; a token whose O-margin no previous tag can overturn is O without the sequential loop, the rest is
decoded greedily. Where the integer best score is tied, the float sum of :class:`Perceptron` (the reference,
:func:`tag_words_reference`) decides, so the tags are identical to the reference's. The matcher tags the fields
of a batch together (:meth:`FastTagger.tag_concat`, :func:`tag_concat`): one numpy pass over all their tokens
instead of one per field; :meth:`FastTagger.tag` of one sequence is the plain form it reproduces. For the gap
filler it also gives each token's integer margin of its tag over O (``margins=True``), which settles a name's margin
test without the reference's float sums unless the margin is within rounding of the threshold (:func:`sure_margins`).
"""
from __future__ import annotations

import gzip
import json
import sys
import threading
from functools import lru_cache
from importlib import resources
from itertools import repeat
from operator import itemgetter
from pathlib import Path

import numpy as np

from analysis.actors.rules import Rules, strip_clitics

TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG")
TYPE_OF = {"PERS": "person", "LOC": "location", "ORG": "organization"}
MODEL_FILE = "anercorp_perceptron.json.gz"
CLUSTERS_FILE = "word_clusters.tsv.gz"  # the word clusters of the default gap filler (scripts/build_word_clusters.py)


@lru_cache(maxsize=4096)
def gap_feature(g: str) -> str:
    """The gap feature of the text between two tokens: its first two non-space characters, "_" when it has none."""
    return "".join(g.split())[:2] or "_"


def gaps_of(norm: str, tokens: list[tuple[int, int]]) -> list[str]:
    """The punctuation (spaces removed) before each token, "^" for the first: a name often follows a quote
    mark or a comma and precedes one."""
    out, prev = [], 0
    for a, b in tokens:
        g = norm[prev:a]
        out.append("_" if g == " " else gap_feature(g))  # one space: the common case
        prev = b
    if out:
        out[0] = "^"
    return out


def token_features(words: list[str], i: int, rule_tags: list[str], rules: Rules, gaps: list[str] | None = None,
                   clusters: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """Feature strings of token i (words are normalised tokens; rule_tags the rule matcher's B-/I-<type> or O;
    gaps the punctuation before each token, see :func:`gaps_of`; clusters the word clusters of a model that
    uses them, :func:`load_clusters`: the clitic-stripped word's cluster at each granularity, and the middle one of
    the words before and after it)."""
    w = words[i]
    st = strip_clitics(w)
    p1 = words[i - 1] if i > 0 else "<s>"
    p2 = words[i - 2] if i > 1 else "<s>"
    n1 = words[i + 1] if i + 1 < len(words) else "</s>"
    n2 = words[i + 2] if i + 2 < len(words) else "</s>"
    p1s, n1s = strip_clitics(p1), strip_clitics(n1)
    f = [
        "b",
        "w=" + w,
        "s=" + st,
        "p3=" + w[:3],
        "x2=" + w[-2:],
        "x3=" + w[-3:],
        "sx3=" + st[-3:],
        "p1=" + p1,
        "p2=" + p2,
        "n1=" + n1,
        "n2=" + n2,
        "p1s=" + p1s,
        "n1s=" + n1s,
        "r=" + rule_tags[i],
        "rp=" + (rule_tags[i - 1] if i > 0 else "O"),
        "rn=" + (rule_tags[i + 1] if i + 1 < len(words) else "O"),
        "al=" + str(w.startswith(("ال", "وال", "بال", "لل"))),
        "len=" + str(min(len(st), 8)),
    ]
    if w in rules.given_names or st in rules.given_names:
        f.append("given")
    if p1 in rules.given_names or p1s in rules.given_names:
        f.append("p1given")
    if w in rules.common_words or st in rules.common_words:
        f.append("common")
    if st in rules.definite_stems:
        f.append("takes_al")
    if w in rules.frequent_words:
        f.append("frequent")
    if p1 in rules.titles or p1s in rules.titles:
        f.append("p1title")
    if w in rules.person_tokens or st in rules.person_tokens:
        f.append("ptoken")
    if w.isascii() and w[:1].isalpha():
        f.append("latin")
    if n1 in rules.reporting_verbs:
        f.append("n1verb")
    if p1 in rules.reporting_verbs or p1s in rules.reporting_verbs:
        f.append("p1verb")
    if gaps is not None:
        f.append("g=" + gaps[i])
        f.append("gn=" + (gaps[i + 1] if i + 1 < len(words) else "$"))
    base = st.removeprefix("ال")
    f.append("bx1=" + base[-1:])
    f.append("bp2=" + base[:2])
    if clusters is not None:
        f += [t + "=" + c for t, c in zip(_CLUSTER_TEMPLATES, clusters.get(st, _NO_CLUSTER))]
        f.append("pc2=" + clusters.get(p1s, _NO_CLUSTER)[1])  # the middle granularity of the
        f.append("nc2=" + clusters.get(n1s, _NO_CLUSTER)[1])  # words before and after
    return f


_CLUSTER_TEMPLATES = ("c1", "c2", "c3")
_NO_CLUSTER = ("?",) * len(_CLUSTER_TEMPLATES)


def _read_resource(name: str, what: str, script: str) -> str:
    """The text of a gzipped file: a file name in ``analysis/resources/tagger/`` or a path (FileNotFoundError naming
    the script that writes it when neither exists)."""
    p = resources.files("analysis.resources").joinpath("tagger", name)
    if not p.is_file():
        p = Path(name)
    if not p.is_file():
        raise FileNotFoundError(f"no {what} {name!r}: run `.venv/bin/python scripts/{script}` first")
    with gzip.open(p.open("rb"), "rt", encoding="utf-8") as fh:
        return fh.read()


@lru_cache(maxsize=2)
def load_clusters(name: str) -> dict[str, tuple[str, ...]]:
    """Word clusters (``scripts/build_word_clusters.py``): a file name in ``analysis/resources/tagger/`` or a path;
    clitic-stripped normalised word -> its cluster id at each granularity (coarse to fine)."""
    lines = _read_resource(name, "word-cluster file", "build_word_clusters.py").splitlines()
    out = {}
    for line in lines[1:]:  # the header names the granularities
        word, *ids = line.split("\t")
        out[word] = tuple(map(sys.intern, ids[: len(_CLUSTER_TEMPLATES)]))
    return out


class Perceptron:
    """Averaged perceptron weights: feature -> {tag: weight}."""

    def __init__(self, weights: dict[str, dict[str, float]] | None = None, meta: dict | None = None):
        self.w = weights or {}
        self.meta = meta or {}
        # the word clusters its features use (a model trained with ``--clusters``), else None
        self.clusters = load_clusters(self.meta["clusters"]) if self.meta.get("clusters") else None

    def scores(self, feats: list[str], prev: str) -> dict[str, float]:
        sc = dict.fromkeys(TAGS, 0.0)
        w = self.w
        for ft in feats + ["prev=" + prev]:
            d = w.get(ft)
            if d:
                for t, v in d.items():
                    sc[t] += v
        return sc

    def predict(self, feats: list[str], prev: str) -> str:
        sc = self.scores(feats, prev)
        best = max(TAGS, key=lambda t: (sc[t], t == "O"))
        # a sequence cannot start inside an entity
        if best.startswith("I-") and prev[2:] != best[2:]:
            best = "B-" + best[2:]
        return best


@lru_cache(maxsize=4)
def load_tagger(name: str = MODEL_FILE) -> Perceptron:
    """A model: a file name in ``analysis/resources/tagger/`` (default: the shipped ANERcorp model) or the path
    of a file written by ``scripts/train_tagger.py`` (raises FileNotFoundError with what to run when missing).
    Its ``meta`` holds the training metadata (``gap_margin``: the model is a gap filler, see
    :func:`analysis.actors.extract_mentions`)."""
    data = json.loads(_read_resource(name, "tagger model", "train_tagger.py"))
    return Perceptron(data["weights"], data.get("meta"))


def tag_words_reference(model: Perceptron, words: list[str], rule_tags: list[str], rules: Rules,
                        gaps: list[str] | None = None) -> list[str]:
    """BIO tags for a token sequence (greedy decoding), feature strings per token: the reference that
    :class:`FastTagger` reproduces (used by tests and as its fallback)."""
    out: list[str] = []
    prev = "O"
    for i in range(len(words)):
        t = model.predict(token_features(words, i, rule_tags, rules, gaps, model.clusters), prev)
        out.append(t)
        prev = t
    return out


# the word-dependent feature groups of token_features, by the offset of the word they look at
_SELF, _P1, _P2, _N1, _N2 = range(5)
_SCALE = 1000  # the training script rounds the averaged weights to 3 decimals


def _word_columns(words: list[str], rules: Rules, clusters: dict | None = None) -> tuple[list, list]:
    """The features that each of ``words`` contributes as the token itself (_SELF) and as p1, p2, n1 and n2 of
    another token, column by column: ``(group, template, values)`` with one value per word for the feature
    strings "template=value" of :func:`token_features`, and ``(group, flag, bools)`` (a boolean array) for flags
    such as "given"."""
    st = [strip_clitics(w) for w in words]
    base = [s.removeprefix("ال") for s in st]

    def isin(names: frozenset, values: list[str]) -> np.ndarray:
        return np.fromiter(map(names.__contains__, values), dtype=bool, count=len(values))

    def either(names: frozenset) -> np.ndarray:  # the word or its clitic-stripped form in a list
        return isin(names, words) | isin(names, st)

    valued = [(_SELF, "w", words), (_SELF, "s", st), (_SELF, "p3", [w[:3] for w in words]),
              (_SELF, "x2", [w[-2:] for w in words]), (_SELF, "x3", [w[-3:] for w in words]),
              (_SELF, "sx3", [s[-3:] for s in st]),
              (_SELF, "al", [str(w.startswith(("ال", "وال", "بال", "لل"))) for w in words]),
              (_SELF, "len", [str(min(len(s), 8)) for s in st]), (_SELF, "bx1", [b[-1:] for b in base]),
              (_SELF, "bp2", [b[:2] for b in base]), (_P1, "p1", words), (_P1, "p1s", st), (_P2, "p2", words),
              (_N1, "n1", words), (_N1, "n1s", st), (_N2, "n2", words)]
    if clusters is not None:
        ids = [clusters.get(s, _NO_CLUSTER) for s in st]
        valued += [(_SELF, t, [c[k] for c in ids]) for k, t in enumerate(_CLUSTER_TEMPLATES)]
        valued += [(_P1, "pc2", [c[1] for c in ids]), (_N1, "nc2", [c[1] for c in ids])]
    given = either(rules.given_names)
    flags = [(_SELF, "given", given), (_P1, "p1given", given), (_SELF, "common", either(rules.common_words)),
             (_SELF, "takes_al", isin(rules.definite_stems, st)), (_SELF, "frequent", isin(rules.frequent_words, words)),
             (_SELF, "ptoken", either(rules.person_tokens)),
             (_SELF, "latin", np.array([w.isascii() and w[:1].isalpha() for w in words], dtype=bool)),
             (_P1, "p1title", either(rules.titles)), (_P1, "p1verb", either(rules.reporting_verbs)),
             (_N1, "n1verb", isin(rules.reporting_verbs, words))]
    return valued, flags


class _Index(dict):
    """key -> row of a score table; a key not in it yet gets the next row and is listed in ``new`` (so one lookup
    pass finds the rows of the known keys and numbers the new ones; the caller fills their rows and empties
    ``new``)."""

    def __init__(self):
        super().__init__()
        self.new: list[str] = []

    def __missing__(self, key: str) -> int:
        self[key] = row = len(self)
        self.new.append(key)
        return row


def _lookup(index: dict[str, int], keys: list[str]) -> np.ndarray:
    """``[index[k] for k in keys]`` as an array (itemgetter: the lookups in one C loop, ~2x faster)."""
    if len(keys) < 2:
        return np.array([index[k] for k in keys], dtype=np.intp)
    return np.fromiter(itemgetter(*keys)(index), dtype=np.intp, count=len(keys))


_TEMPLATES = ("w", "s", "p3", "x2", "x3", "sx3", "al", "len", "bx1", "bp2", "p1", "p1s", "p2", "n1", "n1s", "n2",
              "given", "p1given", "common", "takes_al", "frequent", "ptoken", "latin", "p1title", "p1verb", "n1verb",
              *_CLUSTER_TEMPLATES, "pc2", "nc2")


class FastTagger:
    """The greedy decoding of :func:`tag_words_reference`, vectorised, with identical output.

    model, rules   the perceptron and the word lists its features use (both read-only).
    ``tag(words, rule_tags, gaps)`` returns the BIO tags. Score vectors are integers (weights × 1000) cached
    per distinct word, rule tag and gap; the cache is bounded (``max_words``) and only saves time.
    """

    def __init__(self, model: Perceptron, rules: Rules, *, max_words: int = 200_000):
        self.model, self.rules, self.max_words = model, rules, max_words
        vals = [v for d in model.w.values() for v in d.values()]
        # exact integers only when every weight is a multiple of 0.001 (below 1000 in size): the reference's float
        # sum of a score (at most ~40 terms) then differs from the integer sum / 1000 by < 1e-9, far below one
        # unit (0.001), so a unique integer maximum is also the reference's maximum; integer ties go to the
        # reference. The word table's int32 sums stay below 40 × 1e6.
        self.exact = all(abs(v * _SCALE - round(v * _SCALE)) < 1e-6 and abs(v) < 1000 for v in vals)
        feats = list(model.w) if self.exact else []
        self._fidx = {ft: k for k, ft in enumerate(feats)}
        self._by_template: dict[str, dict[str, int]] = {t: {} for t in _TEMPLATES}  # template -> value -> row
        for k, ft in enumerate(feats):
            t, _, v = ft.partition("=")
            if t in self._by_template:
                self._by_template[t][v] = k
        # one row per feature (weights × 1000, in TAGS order) and a last row of zeros
        self._w = np.array([[round(model.w[ft].get(t, 0.0) * _SCALE) for t in TAGS] for ft in feats]
                           + [[0] * len(TAGS)], dtype=np.int64)
        self.bias = self._w[self._fidx.get("b", -1)]
        self.prev_rows = self._w[[self._fidx.get("prev=" + p, -1) for p in TAGS]]  # [previous tag, tag]
        # the least O-margin any previous tag adds, per rival tag: a token whose own O-margin plus this is >= 1
        # against every rival is O whatever came before
        self.min_prev_margin = (self.prev_rows[:, :1] - self.prev_rows[:, 1:]).min(axis=0)
        # I-X after anything but X is repaired to B-X, as in Perceptron.predict: repair[previous tag, best tag]
        self.repair = np.array([[TAGS.index("B-" + t[2:]) if t.startswith("I-") and p[2:] != t[2:] else k
                                 for k, t in enumerate(TAGS)] for p in TAGS])
        # score tables of distinct values: words (as the token, p1, p2, n1, n2), rule tags (r, rp, rn),
        # gaps (g, gn); key -> row
        self._words = _Index()
        self._word_tab = np.zeros((5, 1024, len(TAGS)), dtype=np.int32)  # [group, word, tag]: rows taken per group
        self._rts = _Index()
        self._rt_tab = np.zeros((0, 3, len(TAGS)), dtype=np.int64)
        self._gaps = _Index()
        self._gap_tab = np.zeros((0, 2, len(TAGS)), dtype=np.int64)
        self._lock = threading.Lock()  # the caches are shared: one field at a time (threaded dask workers)

    def _word_ids(self, words: list[str]) -> np.ndarray:
        """Rows of the word table for ``words``, computing the rows of words not seen yet."""
        index = self._words
        if len(index) >= self.max_words:  # start the cache afresh
            index.clear()
        ids = _lookup(index, words)  # new words get the next rows (in order of first appearance) and are listed
        if index.new:
            self._add_words(index.new)
            index.new = []
        return ids

    def _add_words(self, new: list[str]) -> None:
        """Fill the rows of ``new``, the words that the last lookup added to the index (its last rows)."""
        need = len(self._words)
        start = need - len(new)
        if need > self._word_tab.shape[1]:
            tab = np.zeros((5, max(need, 2 * self._word_tab.shape[1]), len(TAGS)), dtype=np.int32)
            tab[:, :start] = self._word_tab[:, :start]
            self._word_tab = tab
        # the sum of the rows per (group, word), column by column (integers: exact)
        sums = np.zeros((5, len(new), len(TAGS)), dtype=np.int64)
        tpl, zero = self._by_template, len(self._w) - 1
        valued, flags = _word_columns(new, self.rules, self.model.clusters)
        for g, t, values in valued:
            rows = np.fromiter(map(tpl[t].get, values, repeat(zero)), dtype=np.intp, count=len(values))
            sums[g] += self._w.take(rows, axis=0)
        for g, t, on in flags:
            r = tpl[t].get("")
            if r is not None:
                sums[g, on] += self._w[r]
        self._word_tab[:, start:need] = sums

    def _small_ids(self, keys: list[str], index: _Index, tab_name: str, prefixes: tuple[str, ...]) -> np.ndarray:
        """Rows of a small table (rule tags, gaps) for ``keys``: one feature per prefix and key."""
        ids = _lookup(index, keys)
        if index.new:
            z = len(self._w) - 1
            add = self._w[[[self._fidx.get(p + k, z) for p in prefixes] for k in index.new]]
            setattr(self, tab_name, np.concatenate([getattr(self, tab_name), add]))
            index.new = []
        return ids

    def scores(self, words: list[str], rule_tags: list[str], gaps: list[str] | None = None) -> np.ndarray:
        """Integer scores (weights × 1000) of each token (rows) and tag (TAGS order) without the previous-tag
        feature (not thread-safe on its own: :meth:`tag` holds the lock)."""
        n = len(words)
        ids = self._word_ids(words + ["<s>", "</s>"])
        s_id, e_id = ids[-2], ids[-1]
        pad = np.concatenate([[s_id, s_id], ids[:n], [e_id, e_id]])
        t = self._word_tab[:, pad]  # [group, position, tag]
        sc = (t[_SELF, 2:n + 2] + t[_P1, 1:n + 1] + t[_P2, :n] + t[_N1, 3:n + 3] + t[_N2, 4:n + 4] + self.bias)
        r = self._small_ids(rule_tags + ["O"], self._rts, "_rt_tab", ("r=", "rp=", "rn="))
        rt = self._rt_tab
        rp = np.concatenate([r[n:], r[:n - 1]])  # rp of the first token and rn of the last are "O"
        sc += rt[r[:n], 0] + rt[rp, 1] + rt[r[1:], 2]
        if gaps is not None:
            g = self._small_ids(gaps + ["$"], self._gaps, "_gap_tab", ("g=", "gn="))
            sc += self._gap_tab[g[:n], 0] + self._gap_tab[g[1:], 1]
        return sc

    def tag(self, words: list[str], rule_tags: list[str], gaps: list[str] | None = None) -> list[str]:
        """BIO tags of a token sequence, the same as :func:`tag_words_reference`."""
        if not self.exact:
            return tag_words_reference(self.model, words, rule_tags, self.rules, gaps)
        n = len(words)
        if n == 0:
            return []
        with self._lock:
            sc = self.scores(words, rule_tags, gaps)
        sure_o = ((sc[:, :1] - sc[:, 1:]) + self.min_prev_margin).min(axis=1) >= 1
        out = ["O"] * n
        todo = np.flatnonzero(~sure_o)
        if not len(todo):
            return out
        # the decision of each remaining token for each possible previous tag: [token, previous tag]
        tot = sc[todo][:, None, :] + self.prev_rows[None, :, :]
        best = tot.argmax(axis=2)
        pick = self.repair[np.arange(len(TAGS))[None, :], best]
        pick[(tot == tot.max(axis=2, keepdims=True)).sum(axis=2) > 1] = -1  # a tie in exact arithmetic
        prev, last = 0, -2
        for i, ks in zip(todo.tolist(), pick.tolist()):
            k = ks[prev if i == last + 1 else 0]  # after a sure O the previous tag is O
            if k < 0:  # the reference's float sums decide a tie
                k = TAGS.index(self.model.predict(token_features(words, i, rule_tags, self.rules, gaps, self.model.clusters),
                                                  TAGS[prev if i == last + 1 else 0]))
            out[i] = TAGS[k]
            prev, last = k, i
        return out

    def tag_concat(self, words: list[str], lengths: list[int], rule_tags: list[str],
                   gaps: list[str] | None = None, *, margins: bool = False):
        """The tags of many token sequences at once, each the same as :meth:`tag` of that sequence alone.

        words, rule_tags, gaps   the sequences' words, rule tags and gaps one after another (gaps: all or none)
        lengths                  the number of tokens of each sequence (0 allowed), summing to ``len(words)``
        margins                  also return each token's margin (below): ``(tags, margins)``
        Returns the index in TAGS of each token's tag (int8, one per word). The sequences are laid out one after
        another as :meth:`scores` lays out one, [<s>, <s>, w1 .. wn, </s>, </s>], with "O" rule tags and "$" gaps
        on the padding, so every token sees the neighbours, rule tags and gaps it sees alone; the scores, the
        sure-O test and the decisions per previous tag are one numpy pass for the whole batch, and the greedy
        loop runs over the remaining tokens in padded positions, where consecutive tokens of different
        sequences are never adjacent (the previous tag resets to O at each sequence, as in :meth:`tag`).

        A token's margin is the score of its tag minus the score of O, after the tag decoded before it (the
        previous-tag feature included), in integer units of 0.001 (int32; 0 at an O token): what the reference's
        float scores (:meth:`Perceptron.scores`) give for that difference, times 1000, up to less than 1e-6
        (see :func:`sure_margins`). None instead of the array when the weights are not exact (``self.exact``).
        """
        out, sc = self._decode_concat(words, lengths, rule_tags, gaps)
        if not margins:
            return out
        if sc is None:
            return out, None
        marg = np.zeros(len(out), dtype=np.int32)
        named = np.flatnonzero(out)
        if len(named):
            lens = np.asarray(lengths, dtype=np.intp).reshape(-1)
            starts = np.zeros(len(out), dtype=bool)
            starts[(np.cumsum(lens) - lens)[lens > 0]] = True
            tag = out[named].astype(np.intp)
            prev = np.where(starts[named], 0, out[named - 1])  # (named - 1 >= 0 where it is read: not a start)
            marg[named] = (sc[named, tag] - sc[named, 0]) + (self.prev_rows[prev, tag] - self.prev_rows[prev, 0])
        return out, marg

    def _decode_concat(self, words: list[str], lengths: list[int], rule_tags: list[str],
                       gaps: list[str] | None) -> tuple[np.ndarray, np.ndarray | None]:
        """:meth:`tag_concat`'s tags and the integer scores of each token and tag without the previous-tag
        feature (int32, [token, tag]; None when the weights are not exact and the reference decoded)."""
        n = len(words)
        lens = np.asarray(lengths, dtype=np.intp).reshape(-1)
        if int(lens.sum()) != n or (lens < 0).any():
            raise ValueError("lengths must be non-negative and sum to len(words)")
        out = np.zeros(n, dtype=np.int8)
        if not self.exact:
            first = np.cumsum(lens) - lens
            for a, b in zip(first.tolist(), (first + lens).tolist()):
                if a < b:
                    tags = tag_words_reference(self.model, words[a:b], rule_tags[a:b], self.rules,
                                               None if gaps is None else gaps[a:b])
                    out[a:b] = [TAGS.index(t) for t in tags]
            return out, None
        if n == 0:
            return out, np.zeros((0, len(TAGS)), dtype=np.int32)
        first = np.cumsum(lens) - lens  # index of each sequence's first token
        pos = np.arange(n) + 4 * np.repeat(np.arange(len(lens)), lens) + 2  # padded position of each token
        heads = first + 4 * np.arange(len(lens))  # padded position of each sequence's first <s>
        m = n + 4 * len(lens)
        with self._lock:
            ids = self._word_ids(words + ["<s>", "</s>"])
            pad = np.full(m, ids[-1])
            pad[heads] = pad[heads + 1] = ids[-2]
            pad[pos] = ids[:n]
            # the score rows summed in place in int32 (|scores| < 5e7: exact; half the memory traffic of int64);
            # take: far faster than fancy indexing for whole rows
            wt = self._word_tab
            sc = wt[_SELF].take(ids[:n], axis=0)
            for group, at in ((_P1, pos - 1), (_P2, pos - 2), (_N1, pos + 1), (_N2, pos + 2)):
                sc += wt[group].take(pad[at], axis=0)
            sc += self.bias.astype(np.int32)
            r = self._small_ids(rule_tags + ["O"], self._rts, "_rt_tab", ("r=", "rp=", "rn="))
            rpad = np.full(m, r[-1])
            rpad[pos] = r[:n]
            rt = self._rt_tab.transpose(1, 0, 2).astype(np.int32)  # [r / rp / rn, rule tag, tag] (a few rows)
            for k, at in ((0, pos), (1, pos - 1), (2, pos + 1)):
                sc += rt[k].take(rpad[at], axis=0)
            if gaps is not None:
                g = self._small_ids(gaps + ["$"], self._gaps, "_gap_tab", ("g=", "gn="))
                gpad = np.full(m, g[-1])
                gpad[pos] = g[:n]
                gt = self._gap_tab.transpose(1, 0, 2).astype(np.int32)  # [g / gn, gap, tag]
                for k, at in ((0, pos), (1, pos + 1)):
                    sc += gt[k].take(gpad[at], axis=0)
        # sure O: O's margin over every rival tag k, plus the least margin any previous tag adds, is >= 1, i.e.
        # max over k of (score k - least added margin k) < score O (on the transposed scores: contiguous rows)
        by_tag = sc.T.copy()
        rival = by_tag[1] - int(self.min_prev_margin[0])
        for k in range(2, len(TAGS)):
            np.maximum(rival, by_tag[k] - int(self.min_prev_margin[k - 1]), out=rival)
        sure_o = rival < by_tag[0]
        todo = np.flatnonzero(~sure_o)
        if not len(todo):
            return out, sc
        # the decision of each remaining token for each possible previous tag, kept as pick[token, previous tag];
        # computed over [tag, previous tag, token] (reductions over the leading axis: contiguous slabs), except for
        # a token after a sure O or at a sequence's start (most of them), whose previous tag is O: its decision
        # after O only, in every column (the loop below reads none of its other columns)
        starts = np.zeros(n, dtype=bool)
        starts[first[lens > 0]] = True
        after_o = starts[todo] | sure_o[todo - 1]  # (todo - 1 is -1 only for token 0, a start)
        pick = np.empty((len(todo), len(TAGS)), dtype=np.intp)
        known, unknown = np.flatnonzero(after_o), np.flatnonzero(~after_o)
        tot = by_tag[:, todo[known]] + self.prev_rows[0, :, None]
        best, tie = _first_best(tot)
        pick[known] = np.where(tie, -1, self.repair[0, best])[:, None]  # -1: a tie in exact arithmetic
        tot = by_tag[:, todo[unknown]][:, None, :] + self.prev_rows.T[:, :, None]
        best, tie = _first_best(tot)
        some = self.repair[np.arange(len(TAGS))[:, None], best]
        some[tie] = -1
        pick[unknown] = some.T
        # the greedy loop, in rounds: a token's tag is pick[token, previous tag], the previous tag being O at a
        # sequence's start and after a sure O; each round decides every token whose previous tag is known (most
        # in the first: names are short chains)
        tags = np.full(n, -2, dtype=np.intp)
        tags[sure_o] = 0
        same = (pick == pick[:, :1]).all(axis=1) & (pick[:, 0] >= 0)  # the same tag after any previous tag
        tags[todo[same]] = pick[same, 0]
        rows = np.flatnonzero(~same)
        left = todo[rows]
        while len(left):
            before = np.where(starts[left], 0, tags[left - 1])
            ready = before >= 0
            k = pick[rows[ready], before[ready]]
            for x in np.flatnonzero(k < 0).tolist():  # the reference's float sums decide a tie, in its sequence
                i = int(left[ready][x])
                q = int(np.searchsorted(first, i, side="right")) - 1
                a, b = int(first[q]), int(first[q] + lens[q])
                feats = token_features(words[a:b], i - a, rule_tags[a:b], self.rules, None if gaps is None else gaps[a:b],
                                       self.model.clusters)
                k[x] = TAGS.index(self.model.predict(feats, TAGS[int(before[ready][x])]))
            tags[left[ready]] = k
            rows, left = rows[~ready], left[~ready]
        out[todo] = tags[todo]
        return out, sc


def _first_best(tot: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The first best tag over the leading axis of ``tot`` (scores [tag, ...], as argmax) and where the best score
    is tied."""
    top, best = tot[0].copy(), np.zeros(tot.shape[1:], dtype=np.intp)
    for k in range(1, len(tot)):
        better = tot[k] > top
        best[better] = k
        np.maximum(top, tot[k], out=top)
    return best, (tot == top).sum(axis=0) > 1


def fast_tagger(model: Perceptron, rules: Rules) -> FastTagger:
    """The :class:`FastTagger` of ``model`` with ``rules`` (built once per model and rules object)."""
    cached = getattr(model, "_fast", None)
    if cached is None or cached.rules is not rules:
        cached = model._fast = FastTagger(model, rules)
    return cached


def tag_words(model: Perceptron, words: list[str], rule_tags: list[str], rules: Rules, gaps: list[str] | None = None) -> list[str]:
    """BIO tags for a token sequence (greedy decoding; the same tags as :func:`tag_words_reference`, faster)."""
    return fast_tagger(model, rules).tag(words, rule_tags, gaps)


def tag_concat(model: Perceptron, words: list[str], lengths: list[int], rule_tags: list[str], rules: Rules,
               gaps: list[str] | None = None, *, margins: bool = False):
    """BIO tags of many token sequences given one after another (``lengths`` tokens each), as indices into TAGS
    (int8, one per word): the tags :func:`tag_words` gives each sequence alone (:meth:`FastTagger.tag_concat`;
    ``margins=True``: also each token's integer margin over O, see there)."""
    return fast_tagger(model, rules).tag_concat(words, lengths, rule_tags, gaps, margins=margins)


def sure_margins(least: np.ndarray, margin: float) -> tuple[np.ndarray, np.ndarray]:
    """Which integer margins (units of 0.001, :meth:`FastTagger.tag_concat` with ``margins=True``; e.g. the least
    over a name's tokens) are surely >= ``margin`` and which surely < ``margin`` when the reference computes them in
    floats (:meth:`Perceptron.scores`); the rest (within 1e-6 of ``margin``) need the reference's sums.

    The bound: with exact weights (multiples of 0.001 below 1000 in size) a float score of at most ~40 terms
    differs from its integer sum / 1000 by < 1e-9 (:class:`FastTagger`), so a difference of two by < 2e-9."""
    x = np.asarray(least, dtype=np.float64) / _SCALE
    return x - 1e-6 >= margin, x + 1e-6 < margin


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, type) of each entity in a BIO sequence (an I- tag after O or after
    another type starts an entity)."""
    spans, start, typ, last = [], -1, "", -2
    for i in [i for i, t in enumerate(tags) if t != "O"]:
        t = tags[i]
        if start >= 0 and (i != last + 1 or t[0] == "B" or t[2:] != typ):
            spans.append((start, last + 1, typ))
            start = -1
        if start < 0:
            start, typ = i, t[2:]
        last = i
    if start >= 0:
        spans.append((start, last + 1, typ))
    return spans
