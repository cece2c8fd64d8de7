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
# # Corpus overview
#
# **Purpose.** Know the corpus before reading anything into it: how many articles each outlet
# contributes and on which days, how long they are, how many repeat one another, and what the loader
# could not read and why. Every count in the other notebooks inherits these proportions: an outlet
# with half the articles will dominate every "top actors" chart.
#
# **Re-run on another corpus** by changing the `parameters` cell below (in JupyterLab), or from the
# shell with `python -m analysis report CORPUS --params FILE` (example files in `notebooks/params/`).
# Never edit the code cells for that.

# %% tags=["parameters"]
corpus: str = "../data/seeds"  # folder, file or .zip of articles (relative to this notebook)
codebook: str = ""  # extra actor CSV extending the default codebook; empty: the default only
timezone: str = "UTC"  # zone of the corpus's naive timestamps (SaudiNewsNet: "Asia/Riyadh")
gap_filler: bool = True  # actor names of the gap filler after the rules (non-commercial licence); False: rules alone
date_from: str = ""  # first publication day kept, YYYY-MM-DD; empty: from the start
date_to: str = ""  # last publication day kept, YYYY-MM-DD; empty: to the end
outlets: list[str] = []  # outlets kept, e.g. ["alriyadh", "okaz"]; empty: all
actor: str = ""  # keep only articles that mention this actor (actor_id or exact label); empty: all
out_dir: str = "../results/seeds"  # where tables, figures and recorded values are written

# %%
from analysis import reporting
from analysis.plotting import plot_ranked_bars, plot_time_series, use_report_style

use_report_style()
corpus_tables = reporting.load_tables(corpus, out_dir=out_dir, codebook=codebook, timezone=timezone, gap_filler=gap_filler)
tables = reporting.filter_tables(corpus_tables, outlets=outlets, date_from=date_from, date_to=date_to, actor=actor)
articles, skipped = tables["articles"], tables["skipped"]
overview = reporting.headline_numbers(tables)
reporting.numbers_table({k: overview[k] for k in ("articles", "outlets", "first_day", "last_day", "undated",
                                                  "words", "duplicates", "skipped")})

# %% [markdown]
# ## Articles per outlet
#
# The share column is each outlet's weight in every later count. Duplicates are articles whose
# normalised text repeats an earlier one (agency copy run by several papers, or the same story crawled
# twice); the other notebooks leave them out of counts by default.

# %%
per_outlet = reporting.articles_per_outlet(articles)
reporting.rtl_table(per_outlet, caption="Articles per outlet")

# %%
outlet_bars = plot_ranked_bars(per_outlet, label="source", value="articles", title="Articles per outlet",
                               xlabel="articles")
reporting.save_chart(outlet_bars, "01_articles_per_outlet", out_dir=out_dir)

# %% [markdown]
# ## Articles per day
#
# Days are local publication days (the `timezone` parameter turns the stored UTC times into the
# outlet's calendar). A gap is a day with nothing crawled or published, not necessarily a quiet day;
# a spike in one outlet alone usually means a crawl catching up.

# %%
per_day = reporting.articles_per_day(articles)
daily = reporting.try_chart(plot_time_series, per_day, date="day", value="articles", series="source", top_series=8,
                            title="Articles per day and outlet", ylabel="articles")
reporting.save_chart(daily, "01_articles_per_day", out_dir=out_dir)

# %% [markdown]
# ## Article length
#
# Very short texts (under 50 words) are usually captions, briefs or truncated crawls: few actors and
# sources can be found in them. A long tail of very long texts is clipped into the last bar.

# %%
lengths = reporting.plot_length_histogram(articles)
reporting.save_chart(lengths, "01_article_length", out_dir=out_dir)

# %%
reporting.rtl_table(reporting.length_summary(articles), caption="Words per article, by outlet")

# %% [markdown]
# ## Repeated texts
#
# The largest groups of identical (normalised) texts: the first article of each group, how many later
# articles repeat it and in which outlets. Many copies across outlets point at agency material.

# %%
reporting.rtl_table(reporting.duplicate_groups(articles, max_groups=15), caption="Largest groups of repeated texts")

# %% [markdown]
# ## What the loader skipped, and why
#
# Records that were not loaded (empty text, unreadable files, missing fields), grouped by reason, with
# one example each. The full list is `skipped.csv` in the output folder.

# %%
reporting.rtl_table(reporting.skipped_summary(skipped), caption="Skipped records by reason")

# %%
reporting.record("01_corpus_overview", out_dir=out_dir, **overview,
                 top_outlet=per_outlet["source"].iloc[0] if len(per_outlet) else None,
                 skipped_reasons=sorted(set(skipped["reason"].dropna())))
