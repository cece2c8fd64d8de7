# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     notebook_metadata_filter: -all,kernelspec,jupytext
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Actor mentions
#
# **Purpose.** Who is in the news, how often, with whom, and in which outlets. Actors are matched
# against the codebook (countries, capitals, organisations, armed and political groups, agencies and
# media, office-holders) on normalised text, with their proclitics (والقاهرة، للرياض), nationality
# adjectives (المصريين → Egypt, `nisba`), capitals that stand for governments (دمشق ترفض → Syria,
# `metonym`) and titles resolved by date (الرئيس المصري). Names the codebook lacks are `discovered`
# and listed at the end so you can promote them into your own codebook CSV.
#
# Counts use article bodies (not titles) and leave out articles that repeat an earlier text.
# Change the `parameters` cell (or pass `--params FILE` to `python -m analysis report`) to look at
# other outlets, dates or one actor's articles.

# %% tags=["parameters"]
corpus: str = "../data/seeds"  # folder, file or .zip of articles (relative to this notebook)
codebook: str = ""  # your actor CSV extending the default codebook; empty: the default only
timezone: str = "UTC"  # zone of the corpus's naive timestamps (SaudiNewsNet: "Asia/Riyadh")
gap_filler: bool = True  # actor names of the gap filler after the rules (non-commercial licence); False: rules alone
date_from: str = ""  # first publication day kept, YYYY-MM-DD; empty: from the start
date_to: str = ""  # last publication day kept, YYYY-MM-DD; empty: to the end
outlets: list[str] = []  # outlets kept, e.g. ["alriyadh", "okaz"]; empty: all
actor: str = ""  # keep only articles that mention this actor (actor_id or exact label); empty: all
top_n: int = 20  # actors in the ranking and the network
focus_actor: str = ""  # actor_id shown by outlet and in context; empty: the most mentioned one
first_names: bool = False  # rank and list as candidates persons named by a first name alone (discovered:محمد holds every Mohammed)
out_dir: str = "../results/seeds"  # where tables, figures, exports and recorded values are written

# %%
from analysis import reporting
from analysis.actors import cooccurrence, count_mentions, discovery_candidates, first_name_only, kwic
from analysis.plotting import use_report_style
from analysis.plotting.actors import (
    plot_actor_by_outlet,
    plot_actor_timeline,
    plot_cooccurrence_network,
    plot_top_actors,
)

use_report_style()
actor_tables = reporting.filter_tables(
    reporting.load_tables(corpus, out_dir=out_dir, codebook=codebook, timezone=timezone, gap_filler=gap_filler),
    outlets=outlets, date_from=date_from, date_to=date_to, actor=actor)
mentions, articles = actor_tables["mentions"], actor_tables["articles"]
ranked = mentions if first_names else mentions[~first_name_only(mentions)]
counts = count_mentions(ranked, articles)
focus = focus_actor or counts["actor_id"].iloc[0]
reporting.markdown("{m} actor mentions of {a} distinct actors in {n} articles.", m=len(mentions),
                   a=mentions["actor_id"].nunique(), n=len(articles))

# %% [markdown]
# ## Who is mentioned most
#
# Bars are coloured by actor type. Countries usually lead because every nationality adjective and
# every capital used for its government counts for its country; read the table below for how many
# *articles* mention each actor, which is less sensitive to one long article repeating a name.
# Persons found by a first name alone (الشيخ محمد) are left out of the rankings, the timeline and the
# network unless `first_names` is set: their one id holds every man of that name.

# %%
top_bars = reporting.try_chart(plot_top_actors, counts, top_n=top_n)
reporting.save_chart(top_bars, "02_top_actors", out_dir=out_dir)

# %%
reporting.rtl_table(counts[["label_ar", "label_en", "actor_type", "mentions", "articles"]], max_rows=top_n,
                    caption="Actors by mentions (article bodies, duplicates left out)")

# %% [markdown]
# ## How the mentions were found
#
# `name` and `alias` are codebook forms; `nisba` a nationality adjective; `metonym` a capital standing
# for its government; `title` an office resolved by the article's date; `discovered` a name found by a
# title, a quotation or a reporting verb but missing from the codebook. A large `discovered` share
# means the codebook should grow (see the candidates at the end).

# %%
reporting.rtl_table(reporting.count_table(mentions, ["actor_type", "match_kind"], name="mentions"),
                    caption="Mentions by actor type and kind of match")

# %% [markdown]
# ## Over time
#
# Mentions per local publication day of the five most mentioned actors. Peaks that all actors share
# follow the number of articles per day (see the corpus overview); a peak of one actor alone is news
# about it.

# %%
actor_days = reporting.try_chart(plot_actor_timeline, ranked, articles, top_n=5, freq="D")
reporting.save_chart(actor_days, "02_actor_timeline", out_dir=out_dir)

# %% [markdown]
# ## One actor by outlet
#
# The focus actor (the `focus_actor` parameter, or the most mentioned one) per outlet and day: which
# outlets cover it, and when.

# %%
by_outlet = reporting.try_chart(plot_actor_by_outlet, mentions, articles, actor_id=focus)
reporting.save_chart(by_outlet, "02_focus_actor_by_outlet", out_dir=out_dir)

# %% [markdown]
# ## Who appears with whom
#
# Two actors are linked when they are named in the same sentence; thicker lines mean more sentences.
# Node size is an actor's total number of such links, colour its type.

# %%
pairs = cooccurrence(ranked, level="sentence")
network = reporting.try_chart(plot_cooccurrence_network, pairs, top_n=top_n)
reporting.save_chart(network, "02_cooccurrence_network", out_dir=out_dir)

# %%
reporting.rtl_table(pairs[["label_a", "label_b", "type_a", "type_b", "count"]], max_rows=15,
                    caption="Pairs of actors named in the same sentence")

# %% [markdown]
# ## The focus actor in context
#
# Each mention in its sentence, right to left, the matched words highlighted: the quickest way to
# check that a count means what it seems to (a capital as a place, or as a government?).

# %%
kwic(mentions, articles, actor_id=focus, width=70, limit=25)

# %% [markdown]
# ## Names the codebook lacks
#
# Candidates found after titles (اللواء، وزير الخارجية), in quotation marks or before reporting verbs,
# with how often and in how many articles they occur and example sentences. `found_by` says who found
# them: the discovery rules, the statistical gap filler (`tagger`: about one in three of its names is
# wrong, so read its examples first) or both. Copy the rows you want into your codebook CSV
# (`suggested_actor_id`, `label_ar`, `actor_type`) and pass it as `codebook`.
# The full list is exported as `exports/02_discovery_candidates.csv`.

# %%
candidates = discovery_candidates(ranked, articles, min_count=2)  # (first names alone left out unless first_names)
reporting.export_csv(candidates, "02_discovery_candidates", out_dir=out_dir)
reporting.export_csv(counts, "02_actor_counts", out_dir=out_dir)
shown = ["label_ar", "actor_type", "count", "articles", "found_by", "suggested_actor_id", "examples"]
reporting.rtl_table(candidates[shown],
                    max_rows=top_n, caption="Discovered names (at least 2 mentions)")

# %%
reporting.record("02_actor_mentions", out_dir=out_dir, mentions=len(mentions), actors=len(counts),
                 top_actors=counts["actor_id"].head(10), focus_actor=focus,
                 match_kinds=mentions["match_kind"].value_counts(), discovered_candidates=len(candidates))
