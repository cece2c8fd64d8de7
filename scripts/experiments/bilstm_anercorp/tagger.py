"""BiLSTM-CRF tagger over [fastText word vector (frozen) | optional trainable word emb] + char CNN.

Usage:
  dev run  : python tagger.py --emb ft  --epochs 25                 (train on first 85% sentences, early-stop on last 15%)
  final    : python tagger.py --emb ft  --epochs N --full --test    (train on 100% for N epochs, evaluate on test once)
"""
import argparse, json, random, time, os, collections
import numpy as np
import torch
import torch.nn as nn
from common import WORK, read_train, split_sentences, read_conll, normalize, score, fmt

torch.set_num_threads(1)
torch.set_num_interop_threads(1)

ap = argparse.ArgumentParser()
ap.add_argument("--emb", choices=["ft", "rand", "ft+tune"], default="ft",
                help="ft: frozen fastText vectors; ft+tune: also a trainable copy initialised from fastText; "
                     "rand: no pretrained vectors (random trainable word embeddings)")
ap.add_argument("--epochs", type=int, default=25)
ap.add_argument("--full", action="store_true", help="train on 100%% of the training split (no dev)")
ap.add_argument("--test", action="store_true", help="evaluate on the TEST split at the end (final candidates only)")
ap.add_argument("--hidden", type=int, default=150)
ap.add_argument("--lr", type=float, default=2e-3)
ap.add_argument("--batch", type=int, default=16)
ap.add_argument("--dropout", type=float, default=0.5)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--cfilters", type=int, default=50, help="char CNN filters")
ap.add_argument("--tag", default="")
args = ap.parse_args()
name = args.tag or f"{args.emb}_{'full' if args.full else 'dev'}_e{args.epochs}_h{args.hidden}_c{args.cfilters}"
print(vars(args), flush=True)

random.seed(args.seed); np.random.seed(args.seed); torch.manual_seed(args.seed)

# ---------------- data ----------------
sents = split_sentences(read_train())
n_tr = int(0.85 * len(sents))
train = sents if args.full else sents[:n_tr]
dev = [] if args.full else sents[n_tr:]
test = read_conll() if args.test else []
print(f"train {len(train)} sents / {sum(map(len, train))} tok; dev {len(dev)} sents / {sum(map(len, dev))} tok", flush=True)

TAGS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
T2I = {t: i for i, t in enumerate(TAGS)}

def norm(t):
    t = normalize(t.strip())
    return t if t else "<EMPTY>"

# word vocabulary for trainable embeddings: training-set words with count >= 2
wc = collections.Counter(norm(t) for s in train for t, _ in s)
WV = ["<PAD>", "<UNK>"] + sorted(w for w, c in wc.items() if c >= 2)
W2I = {w: i for i, w in enumerate(WV)}
cc = collections.Counter(ch for s in train for t, _ in s for ch in norm(t))
CV = ["<PAD>", "<UNK>"] + sorted(c for c, n in cc.items() if n >= 2)
C2I = {c: i for i, c in enumerate(CV)}

# pretrained vectors: fastText vector for every word type we will ever tag (OOV words get subword vectors;
# computing a vector from the embedding model is inference only, nothing is trained on the test split)
all_words = sorted({norm(t) for part in (train, dev, test) for s in part for t, _ in s})
PW2I = {w: i for i, w in enumerate(all_words)}
if args.emb in ("ft", "ft+tune"):
    from gensim.models import FastText
    ft = FastText.load(f"{WORK}/emb/ft100.model")
    pre = np.stack([ft.wv[w] if w != "<EMPTY>" else np.zeros(100, dtype=np.float32) for w in all_words]).astype(np.float32)
    pre /= (np.linalg.norm(pre, axis=1, keepdims=True).mean() + 1e-8)  # global rescale to ~unit norm
    n_in_vocab = sum(w in ft.wv.key_to_index for w in all_words)
    print(f"pretrained lookup for {len(all_words)} word types ({n_in_vocab} in fastText vocab, rest from subwords)", flush=True)
    del ft
else:
    pre = None


def encode(s):
    toks = [norm(t) for t, _ in s]
    return {"p": [PW2I[w] for w in toks],
            "w": [W2I.get(w, 1) for w in toks],
            "c": [[C2I.get(ch, 1) for ch in w[:20]] for w in toks],
            "y": [T2I.get(l, 0) for l in fix_bio([l for _, l in s])]}


def fix_bio(labs):  # I-X not preceded by B-X/I-X -> B-X (so the gold path is CRF-legal)
    out, prev = [], "O"
    for l in labs:
        if l.startswith("I-") and prev[2:] != l[2:]:
            l = "B-" + l[2:]
        out.append(l); prev = l
    return out


def batchify(items):
    L = max(len(x["p"]) for x in items)
    C = max(len(c) for x in items for c in x["c"])
    B = len(items)
    p = torch.zeros(B, L, dtype=torch.long); w = torch.zeros(B, L, dtype=torch.long)
    c = torch.zeros(B, L, max(C, 3), dtype=torch.long); y = torch.zeros(B, L, dtype=torch.long)
    m = torch.zeros(B, L, dtype=torch.bool)
    for i, x in enumerate(items):
        n = len(x["p"])
        p[i, :n] = torch.tensor(x["p"]); w[i, :n] = torch.tensor(x["w"]); y[i, :n] = torch.tensor(x["y"])
        m[i, :n] = True
        for j, cs in enumerate(x["c"]):
            c[i, j, :len(cs)] = torch.tensor(cs)
    return p, w, c, y, m


# ---------------- model ----------------
class CRF(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.trans = nn.Parameter(torch.zeros(n, n))  # trans[i, j]: score of moving from tag i to tag j
        self.start = nn.Parameter(torch.zeros(n))
        self.end = nn.Parameter(torch.zeros(n))
        # hard BIO constraints: I-X only after B-X or I-X
        allowed = torch.ones(n, n, dtype=torch.bool)
        start_ok = torch.ones(n, dtype=torch.bool)
        for j, tj in enumerate(TAGS):
            if tj.startswith("I-"):
                start_ok[j] = False
                for i, ti in enumerate(TAGS):
                    if ti[2:] != tj[2:] or ti == "O":
                        allowed[i, j] = False
        self.register_buffer("mask_trans", (~allowed).float() * -1e4)
        self.register_buffer("mask_start", (~start_ok).float() * -1e4)

    def _t(self):
        return self.trans + self.mask_trans, self.start + self.mask_start

    def nll(self, em, y, m):  # em: B,L,n ; y: B,L ; m: B,L
        trans, start = self._t()
        B, L, n = em.shape
        # gold path score
        s = start[y[:, 0]] + em[:, 0].gather(1, y[:, :1]).squeeze(1)
        for t in range(1, L):
            st = trans[y[:, t - 1], y[:, t]] + em[:, t].gather(1, y[:, t:t + 1]).squeeze(1)
            s = s + st * m[:, t]
        last = y.gather(1, (m.sum(1) - 1).unsqueeze(1)).squeeze(1)
        s = s + self.end[last]
        # partition function
        a = start.unsqueeze(0) + em[:, 0]
        for t in range(1, L):
            na = torch.logsumexp(a.unsqueeze(2) + trans.unsqueeze(0), dim=1) + em[:, t]
            a = torch.where(m[:, t:t + 1], na, a)
        Z = torch.logsumexp(a + self.end.unsqueeze(0), dim=1)
        return (Z - s).sum()

    def viterbi(self, em, m):
        trans, start = self._t()
        B, L, n = em.shape
        a = start.unsqueeze(0) + em[:, 0]
        bps = []
        for t in range(1, L):
            sc = a.unsqueeze(2) + trans.unsqueeze(0)  # B, from, to
            best, bp = sc.max(1)
            na = best + em[:, t]
            a = torch.where(m[:, t:t + 1], na, a)
            bps.append(bp)
        a = a + self.end.unsqueeze(0)
        lens = m.sum(1).tolist()
        out = []
        for b in range(B):
            tag = int(a[b].argmax())
            path = [tag]
            for t in range(lens[b] - 1, 0, -1):
                tag = int(bps[t - 1][b, tag]); path.append(tag)
            out.append(path[::-1])
        return out


class Tagger(nn.Module):
    def __init__(self):
        super().__init__()
        d = 0
        self.use_pre = args.emb in ("ft", "ft+tune")
        if self.use_pre:
            self.pre = nn.Embedding.from_pretrained(torch.from_numpy(pre), freeze=True)
            d += pre.shape[1]
        self.use_w = args.emb in ("rand", "ft+tune")
        if self.use_w:
            self.wemb = nn.Embedding(len(WV), 100, padding_idx=0)
            if args.emb == "ft+tune":  # initialise trainable copy from fastText, training-vocab only
                with torch.no_grad():
                    for w, i in W2I.items():
                        if w in PW2I:
                            self.wemb.weight[i] = torch.from_numpy(pre[PW2I[w]])
            d += 100
        self.cemb = nn.Embedding(len(CV), 30, padding_idx=0)
        self.cnn = nn.Conv1d(30, args.cfilters, kernel_size=3, padding=1)
        d += args.cfilters
        self.drop = nn.Dropout(args.dropout)
        self.lstm = nn.LSTM(d, args.hidden, num_layers=1, bidirectional=True, batch_first=True)
        self.out = nn.Linear(2 * args.hidden, len(TAGS))
        self.crf = CRF(len(TAGS))

    def emissions(self, p, w, c, m):
        B, L, C = c.shape
        feats = []
        if self.use_pre:
            feats.append(self.pre(p))
        if self.use_w:
            if self.training:  # word dropout -> UNK, so the model learns to rely on chars/pretrained for rare words
                w = torch.where((torch.rand(w.shape) < 0.05) & (w > 0), torch.ones_like(w), w)
            feats.append(self.wemb(w))
        ce = self.cemb(c.view(B * L, C)).transpose(1, 2)
        ch = torch.relu(self.cnn(ce))
        ch = ch.masked_fill((c.view(B * L, C) == 0).unsqueeze(1), -1e4).max(2).values
        ch = ch.clamp(min=0).view(B, L, -1)
        feats.append(ch)
        x = self.drop(torch.cat(feats, -1))
        lens = m.sum(1)
        pk = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(pk)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=L)
        return self.out(self.drop(h))

    def loss(self, p, w, c, y, m):
        return self.crf.nll(self.emissions(p, w, c, m), y, m)

    def predict(self, p, w, c, m):
        return self.crf.viterbi(self.emissions(p, w, c, m), m)


def tag_all(model, data, bs=64):
    model.eval()
    enc = [encode(s) for s in data]
    order = sorted(range(len(enc)), key=lambda i: len(enc[i]["p"]))
    preds = [None] * len(enc)
    with torch.no_grad():
        for k in range(0, len(order), bs):
            idx = order[k:k + bs]
            p, w, c, y, m = batchify([enc[i] for i in idx])
            for i, path in zip(idx, model.predict(p, w, c, m)):
                preds[i] = [TAGS[t] for t in path]
    return preds


model = Tagger()
n_train_params = sum(p.numel() for p in model.parameters() if p.requires_grad)
n_frozen = sum(p.numel() for p in model.parameters() if not p.requires_grad)
print(f"trainable params {n_train_params}, frozen embedding params {n_frozen}", flush=True)
opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)

enc_train = [encode(s) for s in train]
gold_dev = [[l for _, l in s] for s in dev]
best = (-1, 0); history = []
t_start = time.time()
os.makedirs(f"{WORK}/runs", exist_ok=True)
for ep in range(1, args.epochs + 1):
    model.train()
    t0 = time.time()
    rng = random.Random(args.seed * 1000 + ep)
    # bucket by length a little: shuffle, then sort within chunks of 50 batches
    idx = list(range(len(enc_train))); rng.shuffle(idx)
    chunks = [sorted(idx[i:i + args.batch * 50], key=lambda j: len(enc_train[j]["p"])) for i in range(0, len(idx), args.batch * 50)]
    batches = [ch[i:i + args.batch] for ch in chunks for i in range(0, len(ch), args.batch)]
    rng.shuffle(batches)
    tot = 0.0
    for b in batches:
        p, w, c, y, m = batchify([enc_train[i] for i in b])
        loss = model.loss(p, w, c, y, m)
        opt.zero_grad(); (loss / len(b)).backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step(); tot += loss.item()
    msg = f"epoch {ep} loss {tot / sum(map(len, train)):.4f} time {time.time() - t0:.0f}s"
    if dev:
        res = score(gold_dev, tag_all(model, dev))
        f = res["ALL"]["F1"]; history.append(f)
        if f > best[0]:
            best = (f, ep)
            torch.save(model.state_dict(), f"{WORK}/runs/{name}.pt")
        msg += f" dev F1 {f:.4f} (P {res['ALL']['P']:.4f} R {res['ALL']['R']:.4f}) best {best[0]:.4f}@{best[1]}"
    print(msg, flush=True)
train_time = time.time() - t_start
print(f"total training time {train_time:.0f}s", flush=True)

report = {"args": vars(args), "train_time_s": train_time, "trainable_params": n_train_params,
          "pretrained_matrix_params": n_frozen if args.emb != "rand" else 0,
          "pretrained_vocab_types": len(all_words)}
if dev:
    model.load_state_dict(torch.load(f"{WORK}/runs/{name}.pt"))
    res = score(gold_dev, tag_all(model, dev))
    print("DEV best epoch", best[1], fmt(res), flush=True)
    report.update(dev_history=history, best_epoch=best[1], dev=res)
else:
    torch.save(model.state_dict(), f"{WORK}/runs/{name}.pt")
if args.test:
    gold_test = [[l for _, l in s] for s in test]
    t0 = time.time(); pred = tag_all(model, test, bs=64); dt = time.time() - t0
    ntok = sum(map(len, test))
    t1 = time.time(); tag_all(model, test[:300], bs=1); dt1 = time.time() - t1
    ntok1 = sum(map(len, test[:300]))
    res = score(gold_test, pred)
    print("TEST", fmt(res), flush=True)
    print(f"tagging speed: {ntok / dt:.0f} tok/s (batch 64), {ntok1 / dt1:.0f} tok/s (batch 1), 1 thread", flush=True)
    report.update(test=res, speed_tok_s_batch64=ntok / dt, speed_tok_s_batch1=ntok1 / dt1)
    with open(f"{WORK}/runs/{name}_test_pred.txt", "w", encoding="utf-8") as f:
        for s, ps in zip(test, pred):
            for (t, g), pt in zip(s, ps):
                f.write(f"{t}\t{g}\t{pt}\n")
            f.write("\n")
with open(f"{WORK}/runs/{name}.json", "w") as f:
    json.dump(report, f, indent=1)
