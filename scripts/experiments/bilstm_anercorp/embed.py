"""Build unlabelled corpus (SaudiNewsNet + ANERcorp TRAIN tokens) and train gensim FastText (dim 100, workers=1)."""
import glob, json, zipfile, time, random, sys, os
import numpy as np
import logging
logging.basicConfig(format="%(asctime)s %(message)s", level=logging.INFO)
from gensim.models import FastText
from common import WORK, normalize, tokenize, read_train, split_sentences

OUT = f"{WORK}/emb"
os.makedirs(OUT, exist_ok=True)
EPOCHS = int(sys.argv[1]) if len(sys.argv) > 1 else 5

random.seed(1); np.random.seed(1)
t0 = time.time()
sents, seen = [], set()
for zp in sorted(glob.glob(os.path.join(os.environ.get("SAUDINEWSNET_DIR", "../shared/data/saudinewsnet"), "*.zip"))):
    with zipfile.ZipFile(zp) as z:
        for name in sorted(z.namelist()):
            recs = json.loads(z.read(name).decode("utf-8"))
            for r in recs:
                content = (r.get("content") or "").strip()
                if not content or content in seen:  # skip empty and duplicate articles
                    continue
                seen.add(content)
                for text in (r.get("title") or "", content):
                    for line in text.split("\n"):
                        toks = tokenize(normalize(line))
                        if len(toks) >= 3:
                            sents.append(toks)
n_news = sum(map(len, sents))
# ANERcorp TRAINING split only (never the test split)
for s in split_sentences(read_train()):
    sents.append([normalize(t) for t, _ in s if t.strip()])
n_all = sum(map(len, sents))
print(f"corpus: {len(sents)} lines, {n_news} news tokens, {n_all} total tokens, read in {time.time()-t0:.0f}s", flush=True)

t0 = time.time()
model = FastText(vector_size=100, window=5, min_count=3, sg=1, negative=5, min_n=2, max_n=5,
                 bucket=500000, workers=1, seed=1, epochs=EPOCHS)
model.build_vocab(corpus_iterable=sents)
print(f"vocab {len(model.wv.key_to_index)}", flush=True)
model.train(corpus_iterable=sents, total_examples=len(sents), epochs=EPOCHS)
print(f"trained {EPOCHS} epochs in {time.time()-t0:.0f}s", flush=True)
model.save(f"{OUT}/ft100.model")
for w in ["الرياض", "محمد", "وزاره", "بالرياض"]:
    print(w, [x for x, _ in model.wv.most_similar(w, topn=6)])
