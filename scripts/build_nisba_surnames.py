"""Build ``analysis/resources/actors_rules/nisba_surnames_saudinewsnet.txt``: family names of the shape of a nisba
written without the article (عسيري، حكمي، شراحيلي، هوساوي), read from SaudiNewsNet word counts.

usage:
    .venv/bin/python scripts/build_nisba_surnames.py ../shared/data/saudinewsnet            # rewrite the file
    .venv/bin/python scripts/build_nisba_surnames.py ../shared/data/saudinewsnet --check    # exit 1 when out of date

Why (twentieth session): Saudi family names are very often a nisba without ال (مهند عسيري، يحيى حكمي، متعب شراحيلي،
عمر هوساوي). The name reader (``persons._name_from``) stops at such a word after a first name when the corpus also
writes it with the article or often (the lists ``definite_stems`` / ``frequent_words``), because most such words are
adjectives (نجم إقليمي، دور رياضي، نشاط شعبي): it found «محمد» alone in «وحضر محمد عسيري الحفل». A word list cannot
tell the two kinds apart, the corpus can: a family name mostly follows a first name, an adjective mostly a noun.

What goes in: every distinct article text of the SaudiNewsNet zips in CORPUS_DIR (M. Alhagri 2015, CC BY-NC-SA 4.0;
only word counts are used, no text is kept), tokenised into runs of Arabic letters and normalised (``norm_word``).
A word is counted when it ends in ي, has four letters at least, and has no article or proclitic (ال، و، ف، ب، ل، ك);
it is counted "after a first name" when the word before it is a given name of the project's lists (``Rules.given_names``;
a و on that word is allowed when the rest is the given name) that is no common word.

What is kept (constants below): a word seen after a first name at least ``MIN_AFTER`` times and in at least
``MIN_SHARE`` of all its uses, that is no given name, common word, stopword or title itself (هادي، سامي، مصطفى are
first names and read as such already). Measured on the corpus of 2015 (29,967 distinct texts): 173 words, among them
عسيري (335 of 470 uses after a first name), شراحيلي (176 of 188), حكمي (34 of 55); left out, e.g., منسوبي (21 of 909:
«منسوبي التعليم»), ثاني (13 of 711), مسرحي (21 of 85: «عمل مسرحي»).

What comes out: one word per line, sorted; deterministic.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling helper, also when run from elsewhere

from analysis.actors.rules import load_rules, norm_word  # noqa: E402
from analysis.corpus import load_corpus  # noqa: E402
from generated_file import write_or_check  # noqa: E402

OUT = REPO / "analysis" / "resources" / "actors_rules" / "nisba_surnames_saudinewsnet.txt"
HEADER = ("# Family names of the shape of a nisba without the article (عسيري، حكمي), seen after a first name in at least\n"
          "# {share:.0%} of their uses and at least {after} times in SaudiNewsNet (CC BY-NC-SA 4.0 corpus; only word counts are\n"
          "# used), by scripts/build_nisba_surnames.py; do not edit by hand.\n")
MIN_AFTER = 3  # uses right after a first name
MIN_SHARE = 0.4  # of all the word's uses
_TOKEN_RE = re.compile("[\u0621-\u064a\u0640\u064b-\u0652]+")  # Arabic letters, tatweel and harakat (norm_word drops them)


def count(corpus: Path) -> tuple[Counter, Counter, int]:
    """(uses of each candidate word, its uses right after a first name, number of distinct texts read)."""
    rules = load_rules()
    given = frozenset(w for w in rules.given_names if w not in rules.common_words)
    total: Counter = Counter()
    after: Counter = Counter()
    seen: set[str] = set()
    zips = sorted(corpus.glob("*.zip"))
    if not zips:
        sys.exit(f"no SaudiNewsNet zips in {corpus}: pass the folder that holds the 2015-*.zip files")
    for k, z in enumerate(zips, 1):
        print(f"[{k}/{len(zips)}] {z.name}", file=sys.stderr)
        for text in load_corpus(z, timezone="Asia/Riyadh").articles["text"]:
            if text in seen:
                continue
            seen.add(text)
            prev = ""
            for w in map(norm_word, _TOKEN_RE.findall(text)):
                if len(w) >= 4 and w.endswith("ي") and not w.startswith("ال") and w[0] not in "وفبلك":
                    total[w] += 1
                    first = prev[1:] if prev[:1] == "و" and prev not in given else prev
                    if first in given:
                        after[w] += 1
                prev = w
    return total, after, len(seen)


def build(corpus: Path) -> str:
    rules = load_rules()
    total, after, _n = count(corpus)
    keep = sorted(w for w, a in after.items()
                  if a >= MIN_AFTER and a >= MIN_SHARE * total[w] and w not in rules.given_names
                  and w not in rules.common_words and w not in rules.stopwords and w not in rules.titles)
    return HEADER.format(share=MIN_SHARE, after=MIN_AFTER) + "".join(w + "\n" for w in keep)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="the SaudiNewsNet folder (its 2015-*.zip files)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 when the shipped file differs from a rebuild")
    args = ap.parse_args()
    text = build(args.corpus)
    write_or_check(args.out, text, f"{text.count(chr(10)) - HEADER.count(chr(10))} words", check=args.check)


if __name__ == "__main__":
    main()
