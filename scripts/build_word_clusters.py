"""Word clusters from unlabelled Arabic news: ``analysis/resources/tagger/word_clusters.tsv.gz``, features of the gap filler.

The default gap filler (``saudinewsnet_gap.json.gz``, trained by ``scripts/train_tagger.py --clusters
word_clusters.tsv.gz``) reads each token's cluster at the three granularities ("c1=", "c2=", "c3=" of
``strip_clitics(word)``, "?" outside the vocabulary) and the middle one of the words before and after it
(``tagger.token_features``); see ``analysis/resources/tagger/README.md`` (twenty-sixth session; the eleventh
session's experiment with the ANERcorp tagger is described there too). Rebuild the file, then retrain the gap filler:

    PYTHONHASHSEED=0 .venv/bin/python scripts/build_word_clusters.py --out analysis/resources/tagger/word_clusters.tsv.gz

usage: .venv/bin/python scripts/build_word_clusters.py [--saudinewsnet ../shared/data/saudinewsnet]
       [--anercorp-train ../shared/data/anercorp/ANERCorp_train_first125305.txt] [--vocab 60000] [--contexts 5000]
       [--dims 200] [--k 64 256 1024] [--blind-sets data/eval/blind_sets] [--out /tmp/word_clusters.tsv.gz]

Each word (normalised as the matcher normalises, clitics stripped as ``rules.strip_clitics`` strips them) is
described by the words seen just before and just after it (positive PMI of the counts, context counts smoothed
with the exponent 0.75), reduced to ``--dims`` dimensions by a randomised SVD and clustered by spherical k-means,
once per ``--k``: words that occur in the same contexts (given names, place names, verbs of saying, ...) share a
cluster, so a tagger generalises to names it never saw labelled. Text: every distinct SaudiNewsNet article (title
and content) except the articles of the sealed blind sets (``--blind-sets``: the held-out evaluation, left out by URL
and by identical text) and the ANERcorp TRAINING split's tokens (never the test split). numpy only; fixed seeds: the
same data give the same file. Output: one line per word, ``word<TAB>cluster for each k``, most frequent words first; the header
line holds the k values.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import time
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np

from analysis.actors.fields import _NONWORD_RE
from analysis.actors.rules import strip_clitics
from analysis.normalize import normalize_for_matching
from analysis.resources import word_lines

ROOT = Path(__file__).resolve().parent.parent
OUT = Path("/tmp/word_clusters.tsv.gz")


def sealed_urls(blind_sets: Path) -> set[str]:
    """The URLs of the articles of every sealed blind set (``sealed.txt`` of ``blind_sets``): the held-out evaluation
    articles, whose texts the clusters never see (a second annotation, agreement/setNNb, has no refs.jsonl of its
    own: its set's articles are those of setNN)."""
    names = word_lines((blind_sets / "sealed.txt").read_text(encoding="utf-8"))
    refs = [blind_sets / n / "refs.jsonl" for n in names if (blind_sets / n / "refs.jsonl").is_file()]
    return {json.loads(line)["url"] for p in refs for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}


def texts(snn: Path, aner: Path | None, exclude: set[str] = frozenset()):
    """Distinct article texts of the SaudiNewsNet zips (none whose URL is in ``exclude``, nor any with the same text),
    then the ANERcorp training split in blocks of 200 tokens."""
    recs = []
    for z in sorted(snn.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            recs += json.loads(zf.read(zf.namelist()[0]))
    seen = {(r.get("content") or "").strip() for r in recs if r.get("url") in exclude}
    for r in recs:
        c = (r.get("content") or "").strip()
        if c and c not in seen:
            seen.add(c)
            yield (r.get("title") or "") + "\n" + c
    if aner is not None:
        toks = [ln.rpartition(" ")[0].strip() for ln in aner.read_text(encoding="utf-8").splitlines()]
        toks = [t for t in toks if t]
        for i in range(0, len(toks), 200):
            yield " ".join(toks[i:i + 200])


def keys_of(text: str, cache: dict[str, str]) -> list[str]:
    out = []
    for w in _NONWORD_RE.sub(" ", normalize_for_matching(text).norm).split():
        k = cache.get(w)
        if k is None:
            k = cache[w] = strip_clitics(w)
        out.append(k)
    return out


def spherical_kmeans(x: np.ndarray, k: int, *, seed: int, iters: int = 25) -> np.ndarray:
    """Cluster of each row of ``x`` (rows of unit length): k-means on cosine similarity, k-means++-like seeding
    from the most frequent rows (the first rows), fixed seed."""
    rng = np.random.default_rng(seed)
    n = len(x)
    first = rng.choice(min(n, 20 * k), size=k, replace=False)
    c = x[np.sort(first)].copy()
    lab = np.zeros(n, dtype=np.int64)
    for it in range(iters):
        lab_new = np.empty(n, dtype=np.int64)
        for a in range(0, n, 20000):
            lab_new[a:a + 20000] = (x[a:a + 20000] @ c.T).argmax(axis=1)
        moved = int((lab_new != lab).sum())
        lab = lab_new
        for j in range(k):  # new centres; an empty cluster takes a random row
            m = lab == j
            v = x[m].sum(axis=0) if m.any() else x[rng.integers(n)]
            c[j] = v / max(np.linalg.norm(v), 1e-9)
        if it and moved < n // 1000:
            break
    return lab


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--saudinewsnet", type=Path, default=ROOT.parent / "shared/data/saudinewsnet", metavar="DIR")
    ap.add_argument("--anercorp-train", type=Path, default=ROOT.parent / "shared/data/anercorp/ANERCorp_train_first125305.txt")
    ap.add_argument("--vocab", type=int, default=60000)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--contexts", type=int, default=5000)
    ap.add_argument("--dims", type=int, default=200)
    ap.add_argument("--k", type=int, nargs="+", default=[64, 256, 1024])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--blind-sets", type=Path, default=ROOT / "data" / "eval" / "blind_sets", metavar="DIR",
                    help="leave out the articles of the sealed sets of DIR/sealed.txt (the held-out evaluation)")
    a = ap.parse_args()
    if "test" in a.anercorp_train.name.lower():
        raise SystemExit(f"{a.anercorp_train}: the ANERcorp test split is never used")
    t0 = time.time()
    cache: dict[str, str] = {}
    docs = []
    freq: Counter = Counter()
    exclude = sealed_urls(a.blind_sets)
    print(f"{len(exclude):,} articles of sealed sets left out", flush=True)
    for n, t in enumerate(texts(a.saudinewsnet, a.anercorp_train, exclude), 1):
        ks = keys_of(t, cache)
        docs.append(ks)
        freq.update(ks)
        if n % 5000 == 0:
            print(f"{n} texts read ({time.time() - t0:.0f} s)", flush=True)
    vocab = [w for w, c in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])) if c >= a.min_count][:a.vocab]
    vid = {w: i for i, w in enumerate(vocab)}
    nc = min(a.contexts, len(vocab))
    print(f"{sum(freq.values()):,} tokens, {len(freq):,} distinct keys, vocabulary {len(vocab):,}, contexts {nc}", flush=True)
    # (word, context) counts: context = the key before (columns 0..nc-1) or after (nc..2nc-1); -1 = out of vocabulary
    codes = []
    for ks in docs:
        ids = np.fromiter((vid.get(k, -1) for k in ks), dtype=np.int64, count=len(ks))
        if len(ids) < 2:
            continue
        w, nxt = ids[:-1], ids[1:]
        m = (w >= 0) & (nxt >= 0) & (nxt < nc)
        codes.append(w[m] * (2 * nc) + nc + nxt[m])  # w is followed by nxt
        m = (nxt >= 0) & (w >= 0) & (w < nc)
        codes.append(nxt[m] * (2 * nc) + w[m])  # nxt is preceded by w
    del docs
    u, cnt = np.unique(np.concatenate(codes), return_counts=True)
    rows, cols = u // (2 * nc), u % (2 * nc)
    print(f"{len(u):,} distinct pairs ({time.time() - t0:.0f} s)", flush=True)
    row_sum = np.bincount(rows, weights=cnt, minlength=len(vocab))
    col_sum = np.bincount(cols, weights=cnt, minlength=2 * nc) ** 0.75
    pmi = np.log(cnt * col_sum.sum() / (row_sum[rows] * col_sum[cols]))
    keep = pmi > 0
    m = np.zeros((len(vocab), 2 * nc), dtype=np.float32)
    m[rows[keep], cols[keep]] = pmi[keep]
    # randomised SVD (Halko et al. 2011), two power iterations
    rng = np.random.default_rng(0)
    y = m @ rng.standard_normal((2 * nc, a.dims + 20)).astype(np.float32)
    for _ in range(2):
        q, _r = np.linalg.qr(y)
        y = m @ (m.T @ q)
    q, _r = np.linalg.qr(y)
    ub, s, _vt = np.linalg.svd(q.T @ m, full_matrices=False)
    vec = (q @ ub[:, :a.dims]) * np.sqrt(s[:a.dims])
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    print(f"SVD done ({time.time() - t0:.0f} s)", flush=True)
    labels = []
    for k in a.k:
        labels.append(spherical_kmeans(vec, k, seed=k))
        print(f"k={k} done ({time.time() - t0:.0f} s)", flush=True)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(a.out, "wb", compresslevel=9, mtime=0) as raw, io.TextIOWrapper(raw, encoding="utf-8") as fh:
        fh.write("#word\t" + "\t".join(f"k{k}" for k in a.k) + "\n")
        for i, w in enumerate(vocab):
            fh.write(w + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    print(f"wrote {a.out} ({a.out.stat().st_size:,} bytes, {len(vocab):,} words) in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
