"""Optional statistical name tagger (averaged perceptron, BIO over PERS/LOC/ORG), behind an option.

Trained by ``scripts/train_tagger.py`` on the ANERcorp TRAINING split only (CC BY-SA 4.0; see
``analysis/resources/tagger/README.md``). Features: the word, its clitic-stripped form, affixes, the
neighbouring words, word-list flags (first names, common words, words that take ال) and the mention the
rule matcher found at that token (so the tagger learns when to trust the codebook). Greedy left-to-right
decoding with the previous tag as a feature. Pure Python: ~10x slower than the rule matcher, hence off by
default (``extract_mentions(..., tagger=True)``).
"""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

from analysis.actors.rules import Rules, strip_clitics

TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG")
TYPE_OF = {"PERS": "person", "LOC": "location", "ORG": "organization"}
MODEL_FILE = "anercorp_perceptron.json.gz"


def gaps_of(norm: str, tokens: list[tuple[int, int]]) -> list[str]:
    """The punctuation (spaces removed) before each token, "^" for the first: a name often follows a quote
    mark or a comma and precedes one."""
    out, prev = [], 0
    for k, (a, b) in enumerate(tokens):
        g = "".join(norm[prev:a].split())
        out.append("^" if k == 0 else (g[:2] or "_"))
        prev = b
    return out


def token_features(words: list[str], i: int, rule_tags: list[str], rules: Rules, gaps: list[str] | None = None) -> list[str]:
    """Feature strings of token i (words are normalised tokens; rule_tags the rule matcher's B-/I-<type> or O;
    gaps the punctuation before each token, see :func:`gaps_of`)."""
    w = words[i]
    st = strip_clitics(w)
    p1 = words[i - 1] if i > 0 else "<s>"
    p2 = words[i - 2] if i > 1 else "<s>"
    n1 = words[i + 1] if i + 1 < len(words) else "</s>"
    n2 = words[i + 2] if i + 2 < len(words) else "</s>"
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
        "p1s=" + strip_clitics(p1),
        "n1s=" + strip_clitics(n1),
        "r=" + rule_tags[i],
        "rp=" + (rule_tags[i - 1] if i > 0 else "O"),
        "rn=" + (rule_tags[i + 1] if i + 1 < len(words) else "O"),
        "al=" + str(w.startswith(("ال", "وال", "بال", "لل"))),
        "len=" + str(min(len(st), 8)),
    ]
    if w in rules.given_names or st in rules.given_names:
        f.append("given")
    if p1 in rules.given_names or strip_clitics(p1) in rules.given_names:
        f.append("p1given")
    if w in rules.common_words or st in rules.common_words:
        f.append("common")
    if st in rules.definite_stems:
        f.append("takes_al")
    if w in rules.frequent_words:
        f.append("frequent")
    if p1 in rules.titles or strip_clitics(p1) in rules.titles:
        f.append("p1title")
    if w in rules.person_tokens or st in rules.person_tokens:
        f.append("ptoken")
    if w.isascii() and w[:1].isalpha():
        f.append("latin")
    if n1 in rules.reporting_verbs:
        f.append("n1verb")
    if p1 in rules.reporting_verbs or strip_clitics(p1) in rules.reporting_verbs:
        f.append("p1verb")
    if gaps is not None:
        f.append("g=" + gaps[i])
        f.append("gn=" + (gaps[i + 1] if i + 1 < len(words) else "$"))
    base = st.removeprefix("ال")
    f.append("bx1=" + base[-1:])
    f.append("bp2=" + base[:2])
    return f


class Perceptron:
    """Averaged perceptron weights: feature -> {tag: weight}."""

    def __init__(self, weights: dict[str, dict[str, float]] | None = None):
        self.w = weights or {}

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


@lru_cache(maxsize=1)
def load_tagger() -> Perceptron:
    """The shipped model (raises FileNotFoundError with what to run when it is missing)."""
    p = resources.files("analysis.resources").joinpath("tagger", MODEL_FILE)
    if not p.is_file():
        raise FileNotFoundError("no tagger model: run `.venv/bin/python scripts/train_tagger.py` first")
    with gzip.open(p.open("rb"), "rt", encoding="utf-8") as fh:
        return Perceptron(json.load(fh)["weights"])


def tag_words(model: Perceptron, words: list[str], rule_tags: list[str], rules: Rules, gaps: list[str] | None = None) -> list[str]:
    """BIO tags for a token sequence (greedy decoding)."""
    out: list[str] = []
    prev = "O"
    for i in range(len(words)):
        t = model.predict(token_features(words, i, rule_tags, rules, gaps), prev)
        out.append(t)
        prev = t
    return out


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, type) of each entity in a BIO sequence."""
    spans, start, typ = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != typ):
            if start is not None:
                spans.append((start, i, typ))
            start, typ = (i, t[2:]) if t != "O" else (None, None)
    return spans
