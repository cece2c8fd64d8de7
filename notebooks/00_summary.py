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
# # Summary
#
# **Purpose.** One page with the key numbers and charts of a corpus — the part an analyst pastes into
# a report: how much was published and when, who is in the news, what happened, and whom the stories
# rest on. Each panel has its own notebook with the details and the caveats: 01 corpus overview,
# 02 actor mentions, 03 event timeline, 04 source attribution.
#
# Change the `parameters` cell (or pass `--params FILE` to `python -m analysis report`) for another
# corpus, period, set of outlets or one actor's articles.

# %% tags=["parameters"]
corpus: str = "../data/seeds"  # folder, file or .zip of articles (relative to this notebook)
codebook: str = ""  # your actor CSV extending the default codebook; empty: the default only
timezone: str = "UTC"  # zone of the corpus's naive timestamps (SaudiNewsNet: "Asia/Riyadh")
gap_filler: bool = True  # actor names of the gap filler after the rules (non-commercial licence); False: rules alone
date_from: str = ""  # first publication day kept, YYYY-MM-DD; empty: from the start
date_to: str = ""  # last publication day kept, YYYY-MM-DD; empty: to the end
outlets: list[str] = []  # outlets kept, e.g. ["alriyadh", "okaz"]; empty: all
actor: str = ""  # keep only articles that mention this actor (actor_id or exact label); empty: all
top_n: int = 10  # rows in the rankings of actors and speakers
first_names: bool = False  # rank persons named by a first name alone (discovered:محمد holds every Mohammed)
out_dir: str = "../results/seeds"  # where tables, figures and recorded values are written

# %%
import matplotlib.pyplot as plt

from analysis import reporting
from analysis.actors import count_mentions, first_name_only
from analysis.attribution.summary import speaker_counts
from analysis.plotting import use_report_style
from analysis.plotting.actors import plot_top_actors
from analysis.plotting.attribution import plot_source_types_by_outlet
from analysis.plotting.timeline import plot_event_timeline

use_report_style()
summary_tables = reporting.filter_tables(
    reporting.load_tables(corpus, out_dir=out_dir, codebook=codebook, timezone=timezone, gap_filler=gap_filler),
    outlets=outlets, date_from=date_from, date_to=date_to, actor=actor)
key_numbers = reporting.headline_numbers(summary_tables)
all_mentions = summary_tables["mentions"]
actor_counts = count_mentions(all_mentions if first_names else all_mentions[~first_name_only(all_mentions)],
                              summary_tables["articles"])
speakers = speaker_counts(summary_tables["attributions"], summary_tables["articles"])
recent = reporting.in_window(summary_tables["events"], reporting.timeline_window(summary_tables["articles"]),
                            max_days=31)
reporting.numbers_table(key_numbers, caption="The corpus in numbers")

# %% [markdown]
# ## The corpus on one page
#
# Top left, articles per day and outlet (per outlet for a corpus of one or two days); top right,
# the most mentioned actors (bodies of non-duplicate articles, coloured by type); bottom left,
# events in the publication period by type (bars span the interval their date covers, dates coarser
# than a month left out); bottom right, each outlet's sources by type.

# %%
dashboard, panels = plt.subplots(2, 2, figsize=(17, 13), layout="constrained")
reporting.try_chart(reporting.plot_volume, summary_tables["articles"], ax=panels[0, 0])
reporting.try_chart(plot_top_actors, actor_counts, top_n=top_n, ax=panels[0, 1])
reporting.try_chart(plot_event_timeline, recent, lanes="event_type", top_lanes=top_n, ax=panels[1, 0],
                    title="الأحداث حسب النوع")
reporting.try_chart(plot_source_types_by_outlet, summary_tables["attributions"], summary_tables["articles"],
                    ax=panels[1, 1], min_attributions=10)
reporting.save_chart(dashboard, "00_summary_dashboard", out_dir=out_dir)

# %% [markdown]
# ## Who is in the news, and who is quoted
#
# The first table counts mentions (and the articles they are in); the second counts attributions to
# named speakers. An actor high on the first and absent from the second is talked about, not heard.

# %%
reporting.rtl_table(actor_counts[["label_ar", "label_en", "actor_type", "mentions", "articles"]], max_rows=top_n,
                    caption="Most mentioned actors")

# %%
reporting.rtl_table(speakers[["label", "label_en", "source_type", "n", "articles"]], max_rows=top_n,
                    caption="Most quoted speakers")

# %% [markdown]
# ## What happened
#
# Events per type and how they are dated: from the sentence's own time expression (`timex`) or from
# the publication day (`published`).

# %%
reporting.rtl_table(reporting.count_table(summary_tables["events"], ["event_type", "date_source"], name="events")
                    .pivot_table(index="event_type", columns="date_source", values="events", fill_value=0),
                    index=True, max_rows=40, caption="Events by type and date source")

# %%
reporting.record("00_summary", out_dir=out_dir, **key_numbers,
                 top_actor=actor_counts["actor_id"].iloc[0] if len(actor_counts) else None,
                 top_speaker=speakers["speaker"].iloc[0] if len(speakers) else None)
