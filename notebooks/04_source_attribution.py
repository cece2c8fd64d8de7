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
# # Source attribution
#
# **Purpose.** Whom do the stories rest on? Every reporting cue (قال، أكد، أفادت، وذكرت …; حسب،
# وفق، نقلا عن؛ في بيان) is linked to its source — a named official, a ministry, a news agency, a
# newspaper or page, anonymous sources (مصادر مطلعة), unnamed groups (مراقبون، ناشطون) or a document —
# and to what was said, in quotation marks (`direct`) or reported (`indirect`). A cue without a
# source of its own (وأضاف، مضيفا) counts for the speaker it continues.
#
# Change the `parameters` cell (or pass `--params FILE` to `python -m analysis report`) to compare
# other outlets or periods, or to see who is quoted in the articles about one actor.

# %% tags=["parameters"]
corpus: str = "../data/seeds"  # folder, file or .zip of articles (relative to this notebook)
codebook: str = ""  # your actor CSV extending the default codebook; empty: the default only
timezone: str = "UTC"  # zone of the corpus's naive timestamps (SaudiNewsNet: "Asia/Riyadh")
gap_filler: bool = True  # actor names of the gap filler after the rules (non-commercial licence); False: rules alone
date_from: str = ""  # first publication day kept, YYYY-MM-DD; empty: from the start
date_to: str = ""  # last publication day kept, YYYY-MM-DD; empty: to the end
outlets: list[str] = []  # outlets kept, e.g. ["alriyadh", "okaz"]; empty: all
actor: str = ""  # keep only articles that mention this actor (actor_id or exact label); empty: all
top_n: int = 15  # speakers in the ranking and the heatmap
min_attributions: int = 10  # outlets (or periods) with fewer attributions are left out of the shares
period: str = "D"  # period of the anonymous-sourcing trend: "D" day, "W" week, "M" month
out_dir: str = "../results/seeds"  # where tables, figures, exports and recorded values are written

# %%
from analysis import reporting
from analysis.attribution.summary import source_type_table, speaker_counts
from analysis.plotting import use_report_style
from analysis.plotting.attribution import (
    plot_anonymous_share_by_outlet,
    plot_anonymous_share_over_time,
    plot_outlet_speaker_heatmap,
    plot_source_types_by_outlet,
    plot_top_speakers,
)

use_report_style()
source_tables = reporting.filter_tables(
    reporting.load_tables(corpus, out_dir=out_dir, codebook=codebook, timezone=timezone, gap_filler=gap_filler),
    outlets=outlets, date_from=date_from, date_to=date_to, actor=actor)
attributions, articles = source_tables["attributions"], source_tables["articles"]
quoted = reporting.with_span_text(attributions, articles, start="content_start", end="content_end", name="content")
types = reporting.count_table(attributions, "source_type", name="attributions")
reporting.markdown("{n} attributions in {a} of {t} articles; {d} of them direct quotations.", n=len(attributions),
                   a=attributions["article_id"].nunique(), t=len(articles),
                   d=int((attributions["mode"] == "direct").sum()))

# %%
reporting.rtl_table(types, caption="Attributions by source type")

# %% [markdown]
# ## Source types per outlet
#
# Each bar is one outlet's attributions split by source type (shares; the number at the end is the
# outlet's attributions). Outlets that lean on agencies or anonymous sources stand out here; compare
# with the number of articles per outlet in the corpus overview.

# %%
stacked = reporting.try_chart(plot_source_types_by_outlet, attributions, articles, min_attributions=min_attributions)
reporting.save_chart(stacked, "04_source_types_by_outlet", out_dir=out_dir)

# %%
reporting.rtl_table(source_type_table(attributions, articles, shares=False), index=True,
                    caption="Attributions per outlet and source type (counts)")

# %% [markdown]
# ## Anonymous sourcing
#
# The share of each outlet's attributions that rest on anonymous sources (مصادر، مصدر مطلع، مسؤول
# رفض الكشف عن اسمه), then the same share over time. Outlets or periods with fewer than
# `min_attributions` attributions are left out: a share of three is noise.

# %%
anonymous = reporting.try_chart(plot_anonymous_share_by_outlet, attributions, articles,
                               min_attributions=min_attributions)
reporting.save_chart(anonymous, "04_anonymous_share_by_outlet", out_dir=out_dir)

# %%
anonymous_trend = reporting.try_chart(plot_anonymous_share_over_time, attributions, articles, freq=period,
                                     min_attributions=min_attributions)
reporting.save_chart(anonymous_trend, "04_anonymous_share_over_time", out_dir=out_dir)

# %% [markdown]
# ## Who is quoted
#
# The speakers with a name (people, bodies, agencies, outlets), with continuation cues (وأضاف)
# counted for the speaker they continue. The heatmap shows which outlets quote whom.

# %%
speakers = reporting.try_chart(plot_top_speakers, attributions, top_n=top_n)
reporting.save_chart(speakers, "04_top_speakers", out_dir=out_dir)

# %%
heatmap = reporting.try_chart(plot_outlet_speaker_heatmap, attributions, articles, top_n=top_n)
reporting.save_chart(heatmap, "04_outlet_speaker_heatmap", out_dir=out_dir)

# %%
speaker_table = speaker_counts(attributions, articles)
reporting.rtl_table(speaker_table[["label", "label_en", "source_type", "n", "articles"]], max_rows=top_n,
                    caption="Most quoted speakers")

# %% [markdown]
# ## What was said
#
# A sample of attributions with their cue, source and content (the quotation, the clause after
# أن/إن, or the reported phrase). Every attribution, with its content, is exported as
# `exports/04_attributions.csv` for coding in a spreadsheet.

# %%
reporting.export_csv(quoted, "04_attributions", out_dir=out_dir)
reporting.rtl_table(quoted[["cue", "source_surface", "source_label", "source_type", "mode", "content"]],
                    max_rows=25, caption="Attributions (first 25)")

# %%
reporting.record("04_source_attribution", out_dir=out_dir, attributions=len(attributions),
                 source_types=attributions["source_type"].value_counts(),
                 anonymous_share=reporting.headline_numbers(source_tables)["anonymous_share"],
                 direct=int((attributions["mode"] == "direct").sum()),
                 top_speakers=speaker_table["speaker"].head(10))
