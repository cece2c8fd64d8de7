"""Arabic-correct charts and figure export.

``core`` holds the one Arabic text helper (:func:`arabic_text`), the report style, the chart building
blocks and :func:`save_figure`; the feature charts (``actors``, ``timeline``, ``attribution``) are built on
it. Nothing here touches global matplotlib state at import time: call :func:`use_report_style` (or use
``with report_style():``) in a notebook or script.
"""
from __future__ import annotations

from .core import (
    PALETTE,
    ArabicDateFormatter,
    arabic_annotate,
    arabic_legend,
    arabic_text,
    arabic_text_problems,
    arabic_title,
    arabic_xlabel,
    arabic_ylabel,
    category_colors,
    format_date,
    format_number,
    is_shaped_for_display,
    native_arabic_shaping,
    outlet_names,
    plot_heatmap,
    plot_intervals,
    plot_ranked_bars,
    plot_time_series,
    probe_native_shaping,
    report_fonts,
    report_style,
    report_style_rc,
    save_figure,
    set_arabic_ticklabels,
    use_report_style,
)

__all__ = [
    "PALETTE", "ArabicDateFormatter", "arabic_annotate", "arabic_legend", "arabic_text", "arabic_text_problems", "arabic_title", "arabic_xlabel", "arabic_ylabel",
    "category_colors", "format_date", "format_number", "is_shaped_for_display", "native_arabic_shaping", "outlet_names", "plot_heatmap",
    "plot_intervals", "plot_ranked_bars", "plot_time_series", "probe_native_shaping", "report_fonts",
    "report_style", "report_style_rc", "save_figure", "set_arabic_ticklabels", "use_report_style",
]
