"""Derive ``analysis/resources/actors_rules/foreign_names_jrc.txt`` from arabnamer's English→Arabic name dictionary.

usage: .venv/bin/python scripts/build_foreign_names.py PATH/TO/dict_FINAL.json [--out FILE]

The dictionary (arabnamer 0.1.3, ``arabnamer/data/dict_FINAL.json``: 22,797 English→Arabic name pairs derived mainly
from the European Commission JRC-Names gazetteer; CC BY 4.0, © Elsayed Yousef 2026) is read as a plain JSON file:
the package need not be importable, and the runtime never reads the dictionary, only the list written here.

Kept: the Arabic side of a pair when it is ONE word after normalisation (``analysis.actors.rules.norm_word``) that
news text does not use as an ordinary word — no article, at least four letters, no word of ``stopwords.txt``,
``titles.txt``, ``title_complements.txt``, ``reporting_verbs.txt``, ``person_roles.txt``, ``role_adjectives.txt``,
``name_connectors.txt``, ``noun_given_names.txt`` or the SaudiNewsNet lists (``frequent_words``, ``definite_stems``,
``definite_nouns``), not a clitic (و ف ب ل ك) + such a word, nor a dual, plural or construct form of one (ولايتي). Multi-word values are left out (many are
translations of a common English word: 'campos' → الحرم الجامعي). The ANERcorp-derived lists are NOT used here (the
held-out folds of ``eval_anercorp_folds.py`` rebuild those without the fold); ``analysis.actors.rules`` filters the
list against them at load time.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from analysis.actors.rules import norm_word
from analysis.resources import read_word_list

OUT = Path(__file__).resolve().parent.parent / "analysis" / "resources" / "actors_rules" / "foreign_names_jrc.txt"
HEADER = ("# Derived from arabnamer 0.1.3's name dictionary (dict_FINAL.json; Elsayed Yousef 2026, mainly from the EC JRC-Names\n"
          "# gazetteer; CC BY 4.0, https://github.com/sayedyousef/arabnamer) by scripts/build_foreign_names.py: one-word\n"
          "# Arabic spellings of names that are no ordinary word of news text. Changes: filtered, normalised. Do not edit by hand.\n")
_LISTS = ("stopwords.txt", "titles.txt", "title_complements.txt", "reporting_verbs.txt", "person_roles.txt",
          "role_adjectives.txt", "name_connectors.txt", "noun_given_names.txt")
_FREQ = ("frequent_words_saudinewsnet.txt", "definite_stems_saudinewsnet.txt", "definite_nouns_saudinewsnet.txt")


def known_words(lists: tuple[str, ...] = _LISTS, freq: tuple[str, ...] = _FREQ) -> frozenset[str]:
    """Normalised words of the hand-curated ``lists`` and of the SaudiNewsNet frequency lists ``freq`` (already
    normalised), all files of ``analysis/resources/actors_rules/``."""
    words = {norm_word(w) for name in lists for w in read_word_list("actors_rules", name)}
    words |= {w for name in freq for w in read_word_list("actors_rules", name)}
    return frozenset(w for w in words if w)


def foreign_names(pairs: dict[str, str], known: frozenset[str]) -> list[str]:
    """The kept one-word Arabic spellings of ``pairs`` (English → Arabic), sorted."""
    out = set()
    for ar in pairs.values():
        w = norm_word(ar)
        if (" " in w or len(w) < 4 or not w.isalpha() or w.startswith("ال") or w in known
                or w[0] in "وفبلك" and w[1:] in known):
            continue
        if len(w) > 5 and (w.endswith(("تي", "ته")) and w[:-2] + "ه" in known or w.endswith(("ات", "ين", "ون", "ان")) and w[:-2] in known):
            continue  # ولايتي (two states), a plural or dual of a word: a form of a noun, not a name
        out.add(w)
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dictionary", help="arabnamer's data/dict_FINAL.json")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    pairs = json.loads(Path(args.dictionary).read_text(encoding="utf-8"))
    names = foreign_names(pairs, known_words())
    Path(args.out).write_text(HEADER + "".join(w + "\n" for w in names), encoding="utf-8")
    print(f"{len(names)} names -> {args.out}")


if __name__ == "__main__":
    main()
