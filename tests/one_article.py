"""Test helper (not a test module): the actor mentions of one invented article, its body and optionally a headline,
published on 2015-08-01 UTC by default (the date resolves office titles such as الرئيس المصري; ``published=None``:
no date, no office resolved)."""
from __future__ import annotations

import pandas as pd

from analysis.actors import extract_mentions


def one_article(text: str, *, title: str | None = None, published: str | None = "2015-08-01") -> pd.DataFrame:
    """The articles frame of one article with id "a"."""
    return pd.DataFrame({"article_id": ["a"], "title": [title], "text": [text],
                         "published": pd.to_datetime([published], utc=True), "timezone": ["UTC"]})


def mentions(text: str, *, title: str | None = None, published: str | None = "2015-08-01", **options) -> pd.DataFrame:
    """``extract_mentions`` of the article (``options``: its keyword options, e.g. ``learned=False``)."""
    return extract_mentions(one_article(text, title=title, published=published), **options)


def found_in(text: str, *columns: str, published: str | None = "2015-08-01", **options) -> list[tuple]:
    """The given columns of every mention of the article, in table order."""
    m = mentions(text, published=published, **options)
    return list(zip(*(m[c] for c in columns)))
