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
# # Event timeline
#
# **Purpose.** When did things happen — not only when articles appeared. Arabic news dates events
# relative to publication (أمس الخميس، الشهر الماضي، قبل أقل من شهرين، أغسطس من العام الماضي); each
# time expression is resolved against the article's local publication date. Sentences with an event
# trigger (زار، التقى، اتفق، أعلن، قصف، اعتقل …) become events of a small set of types, with the
# actors named in the sentence and the sentence's own date where it has one — otherwise the
# publication date, said so in `date_source`. A month-level date covers its whole month on the charts.
#
# Change the `parameters` cell (or pass `--params FILE` to `python -m analysis report`) to look at
# other outlets, dates, or one actor's events.

# %% tags=["parameters"]
corpus: str = "../data/seeds"  # folder, file or .zip of articles (relative to this notebook)
codebook: str = ""  # your actor CSV extending the default codebook; empty: the default only
timezone: str = "UTC"  # zone of the corpus's naive timestamps (SaudiNewsNet: "Asia/Riyadh")
gap_filler: bool = True  # actor names of the gap filler after the rules (non-commercial licence); False: rules alone
date_from: str = ""  # first publication day kept, YYYY-MM-DD; empty: from the start
date_to: str = ""  # last publication day kept, YYYY-MM-DD; empty: to the end
outlets: list[str] = []  # outlets kept, e.g. ["alriyadh", "okaz"]; empty: all
actor: str = ""  # keep only articles that mention this actor (actor_id or exact label); empty: all
top_n: int = 12  # lanes (event types or actors) on the timelines
focus_actor: str = ""  # actor_id whose own timeline is drawn; empty: the actor in most events
timeline_from: str = ""  # first day on the timelines, YYYY-MM-DD; empty: 60 days before the first article
timeline_to: str = ""  # last day on the timelines, YYYY-MM-DD; empty: 14 days after the last article
max_span_days: int = 31  # events whose date covers more days (a year, a decade) are left off the timelines
out_dir: str = "../results/seeds"  # where tables, figures, exports and recorded values are written

# %%
from analysis import reporting
from analysis.plotting import use_report_style
from analysis.plotting.timeline import explode_actors, plot_actor_timeline, plot_event_timeline

use_report_style()
event_tables = reporting.filter_tables(
    reporting.load_tables(corpus, out_dir=out_dir, codebook=codebook, timezone=timezone, gap_filler=gap_filler),
    outlets=outlets, date_from=date_from, date_to=date_to, actor=actor)
events, timex = event_tables["events"], event_tables["timex"]
actor_labels = dict(zip(event_tables["mentions"]["actor_id"], event_tables["mentions"]["label_ar"]))
event_actors = reporting.count_table(explode_actors(events), "actor_id", name="events")
focus = focus_actor or (event_actors["actor_id"].iloc[0] if len(event_actors) else "")
window = reporting.timeline_window(event_tables["articles"], start=timeline_from, end=timeline_to)
shown = reporting.in_window(events, window, max_days=max_span_days)
reporting.markdown("{e} events in {a} articles; {t} time expressions, {u} of them left unresolved "
                   "(anchored to an unknown publication date).", e=len(events), a=events["article_id"].nunique(),
                   t=len(timex), u=int((timex["anchored"].fillna(False) & timex["value"].isna()).sum()))

# %% [markdown]
# ## Time expressions
#
# What kinds of time expressions the articles use, and at what grain. `ref` are vague references
# (مؤخرا، حاليا) kept as PAST_REF / PRESENT_REF; they date nothing precisely. Durations (ثلاثة أسابيع)
# and sets (سنويا) are not dates and do not place events.

# %%
reporting.rtl_table(reporting.count_table(timex, ["timex_type", "granularity"], name="expressions"),
                    caption="Time expressions by type and grain")

# %%
reporting.rtl_table(timex[["surface", "value", "mod", "date_start", "date_end"]], max_rows=15,
                    caption="Examples: the expression as written, its TIMEX3 value and the interval it covers")

# %% [markdown]
# ## Events by type and where their dates come from
#
# `timex`: the sentence says when (its own time expression); `published`: the event is placed on
# the publication day, a good guess for news about "today" but not for background paragraphs;
# `none`: an undated article.

# %%
reporting.rtl_table(reporting.count_table(events, ["event_type", "date_source"], name="events"),
                    caption="Events by type and date source")

# %% [markdown]
# ## Timeline by event type
#
# Each bar covers the interval its date covers (a day, a week, a month); colour says whether the
# date came from the text or from the publication date. The timelines show the publication period
# and the two months before it; background dates (last year's agreement, a war decades ago) fall
# outside — widen the period with `timeline_from` / `timeline_to`. Events dated only to a year or
# more (العام الماضي، 2014) would cover the whole axis and are left off (`max_span_days`).

# %%
reporting.markdown("{s} of {d} dated events are shown: those between {a} and (before) {b}, dated to within "
                   "{m} days.", s=len(shown), m=max_span_days,
                   d=int(events["date_start"].notna().sum()), a=window[0], b=window[1])

# %%
type_lanes = reporting.try_chart(plot_event_timeline, shown, lanes="event_type", top_lanes=top_n,
                                 title="الأحداث حسب النوع")
reporting.save_chart(type_lanes, "03_timeline_by_type", out_dir=out_dir)

# %% [markdown]
# ## Timeline by actor
#
# The same events, one lane per actor taking part (the actors named in the event's sentence), the
# `top_n` actors with most events; colour is the event type.

# %%
actor_lanes = reporting.try_chart(plot_event_timeline, shown, lanes="actor", actor_labels=actor_labels,
                                  top_lanes=top_n, title="الأحداث حسب الفاعل")
reporting.save_chart(actor_lanes, "03_timeline_by_actor", out_dir=out_dir)

# %% [markdown]
# ## One actor's timeline
#
# The events of the focus actor (the `focus_actor` parameter, or the actor in most events) in the
# period shown, one lane per event type. Below: the sentences behind all its events, to check what
# each bar stands for.

# %%
one_actor = reporting.try_chart(plot_actor_timeline, shown, focus, actor_label=actor_labels.get(focus, focus))
reporting.save_chart(one_actor, "03_focus_actor_timeline", out_dir=out_dir)

# %%
focus_events = explode_actors(events).query("actor_id == @focus")
reporting.export_csv(events, "03_events", out_dir=out_dir)
reporting.rtl_table(focus_events[["date_start", "date_source", "event_type", "trigger", "text"]], max_rows=20,
                    caption=f"Events of {actor_labels.get(focus, focus)}")

# %%
reporting.record("03_event_timeline", out_dir=out_dir, events=len(events), time_expressions=len(timex),
                 event_types=events["event_type"].value_counts(), date_sources=events["date_source"].value_counts(),
                 focus_actor=focus, focus_events=len(focus_events))
