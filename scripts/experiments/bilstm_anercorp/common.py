"""Shared helpers: Arabic normalisation, tokenisation, ANERcorp reading, entity scoring."""
import os
import re

# the data and the work folder: environment variables (defaults: a checkout beside ../shared)
DATA = os.environ.get("ANERCORP_DIR", "../shared/data/anercorp")
WORK = os.environ.get("BILSTM_WORK", "/tmp/bilstm_anercorp")  # embeddings, models, logs
TRAIN = f"{DATA}/ANERCorp_train_first125305.txt"
TEST = f"{DATA}/ANERCorp_test_last25008_conll.txt"
TYPES = ("PERS", "LOC", "ORG")

_DIAC = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")  # harakat, Quranic marks, tatweel
_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                      "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
                      "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9"})


def normalize(tok: str) -> str:
    """Light normalisation, identical for embedding corpus and tagger input."""
    tok = _DIAC.sub("", tok).translate(_MAP)
    tok = re.sub(r"\d", "0", tok)  # all digits -> 0
    return tok


# tokens: runs of word characters (letters/digits, incl. Arabic) or single punctuation marks
_TOK = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def tokenize(text: str):
    return _TOK.findall(text)


def read_train(path=TRAIN):
    """Return list of (token, label) in file order (no sentence breaks in the file)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                continue
            if line == ". Oالإصابة O":  # known merged line in the original corpus
                out += [(".", "O"), ("الإصابة", "O")]
                continue
            tok, lab = line.rsplit(" ", 1)
            out.append((tok, lab))
    return out


def split_sentences(pairs, max_len=60):
    """Break after '.', '!', '?', '؟'; also cut sentences reaching max_len tokens,
    but never right before an I-* token (so no entity is split)."""
    ends = {".", "!", "?", "؟"}
    sents, cur = [], []
    for i, (tok, lab) in enumerate(pairs):
        cur.append((tok, lab))
        nxt = pairs[i + 1][1] if i + 1 < len(pairs) else "O"
        if tok.strip() in ends or (len(cur) >= max_len and not nxt.startswith("I-")):
            sents.append(cur); cur = []
    if cur:
        sents.append(cur)
    return sents


def read_conll(path=TEST):
    """Test file: 'token LABEL' lines, blank line = sentence break."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if line == "":
                if cur:
                    sents.append(cur); cur = []
                continue
            tok, lab = line.rsplit(" ", 1)
            cur.append((tok, lab))
    if cur:
        sents.append(cur)
    return sents


def entities(labels):
    """Set of (start, end_exclusive, type) for maximal B-X I-X* runs, X in TYPES.
    An I-X not continuing an X entity starts a new entity. Everything else (O, MISC) is outside."""
    ents = []
    cur = None  # [start, type]
    for i, lab in enumerate(list(labels) + ["O"]):
        if "-" in lab:
            bio, typ = lab.split("-", 1)
        else:
            bio, typ = "O", None
        if typ not in TYPES:
            bio, typ = "O", None
        if cur is not None and not (bio == "I" and typ == cur[1]):
            ents.append((cur[0], i, cur[1])); cur = None
        if bio == "B" or (bio == "I" and cur is None):
            cur = [i, typ]
    return set(ents)


def score(gold_seqs, pred_seqs):
    """Entity-level exact-match P/R/F1 overall and per type. The sentences are concatenated
    into one token stream (the corpus is one stream; sentence breaks are ours)."""
    stats = {t: [0, 0, 0] for t in TYPES}  # tp, n_pred, n_gold
    gflat = [l for s in gold_seqs for l in s]
    pflat = [l for s in pred_seqs for l in s]
    for g, p in [(gflat, pflat)]:
        assert len(g) == len(p)
        ge, pe = entities(g), entities(p)
        for t in TYPES:
            gt = {e for e in ge if e[2] == t}
            pt = {e for e in pe if e[2] == t}
            stats[t][0] += len(gt & pt); stats[t][1] += len(pt); stats[t][2] += len(gt)

    def prf(tp, np_, ng):
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"P": p, "R": r, "F1": f, "tp": tp, "pred": np_, "gold": ng}

    res = {t: prf(*stats[t]) for t in TYPES}
    res["ALL"] = prf(*[sum(stats[t][k] for t in TYPES) for k in range(3)])
    return res


def fmt(res):
    return " | ".join(f"{k}: P={v['P']:.4f} R={v['R']:.4f} F1={v['F1']:.4f}" for k, v in res.items())
