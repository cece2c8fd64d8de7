"""Where the mentions stage spends its CPU time, pass by pass, without cProfile's cost per call of small helpers.

usage: python benchmarks/profile_mentions.py CORPUS [--zips 2015-08-06.zip 2015-08-07.zip | --all] [--chunk-size 1000]
                                             [--skeleton | --idle]

Loads the given zips of CORPUS (the SaudiNewsNet folder; by default two of them, or the whole of CORPUS when it
holds neither, e.g. ``data/seeds``), then runs ``extract_mentions`` chunk by chunk (as
``analysis.pipeline.extract_chunk`` does; garbage collector paused, as in ``compare_stages_cpu.py``) with the
passes of ``analysis.actors.matcher`` wrapped: each wrapper adds its CPU seconds (``time.process_time``) minus
those of the wrapped passes it calls, so every line is exclusive time and the lines add up to the stage. cProfile
(``profile_stages.py``) instead charges every call of ``f.word`` or ``f.adjacent`` (hundreds of thousands) with
its own overhead, which inflates the rules that call them most. Each wrapped call costs ~1 µs (about 15
per field), charged to its caller's line: ``_match_prepared`` and ``extract_mentions`` read ~0.1 s high
per 10,000 fields.

Lines: the batch normalisation, tokenisation and automaton scan (``_batch_fields``); ``_match_prepared`` itself
(reading the hits, longest match, the ambiguous-form rules); each rule pass it calls; the sentence split of the
fields with mentions (shared with the timex and events stages); the hand-over of the normalisation to the later
stages; and ``extract_mentions`` itself (the records and the table).

``--skeleton``: every rule pass (``RULE_PASSES``: discovery, names, teams, references, post-processing) replaced by
one that returns its input: what the stage costs without any rule work (batch, automaton, reading the hits, longest
match, the ambiguous forms, sentences, the table), i.e. the floor of this design in pure Python.
``--idle``: each rule pass's CPU seconds split into the calls that changed nothing (same mentions, same occupied
characters) and those that changed something: how much skipping a pass on the fields it leaves alone could save at
most. (The comparison is not charged to the passes, but it is in the total and the lines above.)
"""
from __future__ import annotations

import argparse
import gc
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

import analysis.actors.matcher as matcher
import analysis.actors.names as names
import analysis.actors.resolve as resolve
import analysis.actors.teams as teams
from analysis.actors import load_codebook
from analysis.corpus import load_corpus

#: the functions that matcher.extract_mentions and matcher._match_prepared call by their module-level names (and
#: resolve._postprocess: _trim_heads_and_titles), wrapped in the module that calls them
PASSES = (*((matcher, n) for n in (
    "_batch_fields", "_match_prepared", "_market_hits", "_drop_first_name_persons", "_resolve_capitals_and_nisba",
    "_drop_name_part_nisbas", "_discover_named_heads", "_discover", "_link_short_forms", "_coordinated_names",
    "refine_persons", "refine_organizations", "_capitals_by_context", "_postprocess", "_map_to_original",
    "split_sentences_cached", "remember_normalized", "_located_places", "_numbered_units", "_bracketed_places",
    "_legitimate_government", "_coordinated_places", "_listed_places", "_bracketed_short_names",
    "_codebook_full_names")), (resolve, "_trim_heads_and_titles"))


#: The rule passes (module, function name, position of ``occ`` among the arguments after ``f, out``, or None): what
#: ``--skeleton`` stubs and ``--idle`` splits. ``_link_articles`` runs the references of analysis.actors.references.
RULE_PASSES = (
    (matcher, "_drop_first_name_persons", 0), (matcher, "_resolve_capitals_and_nisba", None),
    (matcher, "_drop_name_part_nisbas", 0), (matcher, "_discover_named_heads", 0), (matcher, "_discover", 0),
    (matcher, "_coordinated_names", 0), (matcher, "_coordinated_places", 0), (matcher, "_located_places", 0), (matcher, "_numbered_units", 0),
    (matcher, "_bracketed_places", 0),
    (matcher, "_capitals_by_context", 0), (matcher, "_legitimate_government", 0),
    (matcher, "_country_titles", 0), (matcher, "_deputy_of_king", None), (matcher, "_prophet_with_blessing", None),
    (matcher, "_postprocess", None),
    (matcher, "_ministry_short_forms", 0), (matcher, "_bracketed_short_names", 0),
    (matcher, "_link_short_forms", 0), (resolve, "_trim_heads_and_titles", None), (matcher, "refine_organizations", 0),
    *((names, n, 0) for n in ("_byline_names", "_role_names", "_names_before_roles", "_names_after_role_phrases",
                              "_lexicon_names", "_coordinated_foreign_names", "_extend_first_names", "_trim_verbs",
                              "_regnal_numbers", "_kunya", "_kunya_names", "_extend_left", "_nisba_family_names",
                              "_link_foreign_surnames")),
    (names, "_merge_adjacent", None), (teams, "_clubs_named_by_city", 0), (teams, "_teams_before_scores", 0),
)


def stub_rule_passes() -> None:
    """``--skeleton``: every rule pass returns the mentions it is given (for the rest of the process; the passes that
    work in place return None, which their callers ignore)."""
    for module, name, _occ in RULE_PASSES:
        setattr(module, name, lambda f, out, *args, **kwargs: out)
    matcher._link_articles = lambda batch, fields, mss, m, rules: mss


def split_idle(idle: dict, busy: dict) -> None:
    """``--idle``: wrap every rule pass so that its exclusive CPU seconds go to ``idle[name]`` when the call changed
    nothing (the mentions' spans, ids, kinds and labels, and the occupied characters) and to ``busy[name]`` otherwise."""
    stack = [0.0]

    def state(out, occ):
        return [(o.s, o.e, o.plen, o.actor_id, o.kind, o.typ, o.label_ar) for o in out], (bytes(occ) if occ is not None else None)

    def make(name, fn, occ_pos):
        def timed(f, out, *args, **kwargs):
            occ = args[occ_pos] if occ_pos is not None else None
            before = state(out, occ)
            stack.append(0.0)
            t0 = time.process_time()
            got = fn(f, out, *args, **kwargs)
            spent = time.process_time() - t0
            inner = stack.pop()
            stack[-1] += spent
            (idle if state(out if got is None else got, occ) == before else busy)[name] += spent - inner
            return got
        return timed

    for module, name, occ_pos in RULE_PASSES:
        setattr(module, name, make(name, getattr(module, name), occ_pos))


def wrap_passes(passes: tuple[tuple[object, str], ...], own: dict[str, float]) -> dict[tuple[object, str], object]:
    """Replace each ``module.<name>`` of ``passes`` by a wrapper adding its exclusive CPU seconds to ``own[name]``;
    returns the originals (to put back)."""
    originals = {(module, n): getattr(module, n) for module, n in passes}
    stack = [0.0]  # CPU seconds of wrapped callees of the running wrapper

    def make(name, fn):
        def timed(*args, **kwargs):
            stack.append(0.0)
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.process_time() - t0
                inner = stack.pop()
                own[name] += spent - inner
                stack[-1] += spent
        return timed

    for (module, n), fn in originals.items():
        setattr(module, n, make(n, fn))
    return originals


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--zips", nargs="*", default=None, help="default: 2015-08-06.zip 2015-08-07.zip")
    ap.add_argument("--all", action="store_true", help="every zip of CORPUS")
    ap.add_argument("--chunk-size", type=int, default=1000)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--skeleton", action="store_true", help="every rule pass stubbed: the cost of the rest")
    mode.add_argument("--idle", action="store_true", help="each rule pass's time in calls that changed nothing")
    args = ap.parse_args()

    if args.all:
        paths = sorted(args.corpus.glob("*.zip"))
    elif args.zips is not None:
        paths = [args.corpus / z for z in args.zips]
    else:
        paths = [p for p in (args.corpus / "2015-08-06.zip", args.corpus / "2015-08-07.zip") if p.exists()] or [args.corpus]
    articles = pd.concat([load_corpus(p, timezone="Asia/Riyadh").articles for p in paths], ignore_index=True)
    cb = load_codebook()
    matcher.extract_mentions(articles.head(5), codebook=cb)  # build the automaton and load the rules before timing
    idle: dict[str, float] = defaultdict(float)
    busy: dict[str, float] = defaultdict(float)
    if args.skeleton:
        stub_rule_passes()
    elif args.idle:
        split_idle(idle, busy)
    own: dict[str, float] = defaultdict(float)
    originals = wrap_passes(PASSES, own)
    gc.disable()
    try:
        t0 = time.process_time()
        rows = 0
        for a in range(0, len(articles), args.chunk_size):
            rows += len(matcher.extract_mentions(articles.iloc[a : a + args.chunk_size], codebook=cb))
        total = time.process_time() - t0
    finally:
        gc.enable()
        for (module, n), fn in originals.items():
            setattr(module, n, fn)
    own["extract_mentions (records, table)"] = total - sum(own.values())
    print(f"{len(articles):,} articles of {len(paths)} input(s), {rows:,} mentions: {total:.2f} CPU s "
          f"({len(articles) / total:,.0f} articles/s)")
    for name, sec in sorted(own.items(), key=lambda kv: -kv[1]):
        print(f"  {name:34s} {sec:6.2f} s  {100 * sec / total:5.1f} %")
    if args.idle:
        print(f"rule passes, exclusive CPU s: {sum(idle.values()):.2f} in calls that changed nothing, "
              f"{sum(busy.values()):.2f} in calls that changed something")
        for name in sorted(set(idle) | set(busy), key=lambda n: -(idle[n] + busy[n])):
            print(f"  {name:34s} idle {idle[name]:6.2f} s  busy {busy[name]:6.2f} s")


if __name__ == "__main__":
    main()
