"""Tests for analysis.corpus: every input format and encoding, the bad inputs of issue 2, the seed,
the bundled sample, and the accounting invariant (every input record is loaded or reported)."""

from __future__ import annotations

import codecs
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import schema
from analysis.corpus import (
    NOTE_PREFIXES,
    _words_and_keys,
    clean_text,
    clean_texts,
    decode_bytes,
    iter_corpus,
    load_corpus,
    skipped_records,
)
from analysis.normalize import normalize, tokenize

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
SEED = SEEDS / "000_e3dabb0c118fe892.txt"
SAUDINEWSNET = ROOT.parent / "shared" / "data" / "saudinewsnet"

AR1 = "أعلنت وزارة الخارجية السعودية اليوم عن زيارة رسمية إلى القاهرة"
AR2 = "قال المتحدث باسم الحكومة إن المحادثات ستستمر الأسبوع المقبل"


def write_jsonl(path: Path, records: list, *, tail: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records) + tail, encoding="utf-8")
    return path


def reasons(skipped: pd.DataFrame) -> list[tuple[str, object, str]]:
    return [(r.path, None if pd.isna(r.record) else int(r.record), r.reason) for r in skipped.itertuples()]


def check_schema(c) -> None:
    assert list(c.articles.columns) == list(schema.ARTICLES)
    assert list(c.skipped.columns) == list(schema.SKIPPED)
    assert {k: str(v) for k, v in c.articles.dtypes.items()} == {
        k: str(pd.Series(dtype=v).dtype) for k, v in schema.ARTICLES.items()
    }
    assert c.articles["article_id"].is_unique


# --- the seed and the bundled sample -----------------------------------------------------------


def test_seed_loads_as_one_article_without_title_or_date():
    c = load_corpus(SEED)
    check_schema(c)
    assert len(c.articles) == 1 and len(c.skipped) == 0
    a = c.articles.iloc[0]
    assert a["article_id"] == "000_e3dabb0c118fe892.txt"
    assert pd.isna(a["title"]) and pd.isna(a["source"]) and pd.isna(a["url"])
    assert pd.isna(a["published"])
    assert "Sorry" not in a["text"] and "Comments" not in a["text"]
    raw_paragraphs = SEED.read_text(encoding="utf-8").split("\n")
    assert raw_paragraphs[-1] == "Sorry Comments are closed"
    paragraphs = a["text"].split("\n")
    assert len(paragraphs) == 15
    assert paragraphs == [p.strip() for p in raw_paragraphs[:15]]
    assert a["n_words"] == len(tokenize(a["text"]))


def test_seed_folder_loads_seed_and_sample():
    c = load_corpus(SEEDS)
    check_schema(c)
    arts = c.articles
    seed = arts[arts["article_id"] == SEED.name]
    assert len(seed) == 1 and pd.isna(seed["published"].iloc[0]) and seed["timezone"].iloc[0] == "UTC"
    sample = arts[arts["origin"].str.startswith("saudinewsnet_sample.jsonl")]
    assert 300 <= len(sample) <= 400
    assert set(sample["timezone"]) == {"Asia/Riyadh"}
    assert sample["published"].notna().all()
    assert sample["source"].nunique() >= 10
    assert sample["published"].dt.tz_convert("Asia/Riyadh").dt.date.nunique() >= 6
    # the sample's records stay as published: naive Riyadh time is stored in UTC (3 hours earlier)
    first = json.loads((SEEDS / "saudinewsnet_sample.jsonl").read_text(encoding="utf-8").splitlines()[0])
    row = arts[arts["article_id"] == "saudinewsnet_sample.jsonl:0"].iloc[0]
    assert row["published"] == pd.Timestamp(first["date_extracted"], tz="Asia/Riyadh").tz_convert("UTC")
    assert row["url"] == first["url"] and row["title"] == first["title"].strip()
    # empty records are skipped; README.md is not an article; nothing else
    real = skipped_records(c.skipped)
    assert set(real["reason"]) == {"empty text"}
    total = sum(
        1 for line in (SEEDS / "saudinewsnet_sample.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
    )
    assert len(sample) + len(real) == total


def test_sample_holds_the_dev_articles_and_stays_small():
    path = SEEDS / "saudinewsnet_sample.jsonl"
    assert path.stat().st_size < 2_000_000
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert all(list(r) == ["source", "url", "date_extracted", "title", "author", "content"] for r in records)
    refs_path = ROOT.parent / "shared" / "eval" / "dev_refs.jsonl"
    if not refs_path.exists():
        pytest.skip("evaluation kit not present")
    urls = {json.loads(line).get("url") for line in refs_path.read_text(encoding="utf-8").splitlines()} - {None}
    assert urls <= {r["url"] for r in records}


# --- formats -----------------------------------------------------------------------------------


def test_txt_folder_recursive_sorted_with_arabic_names_and_spaces(tmp_path):
    (tmp_path / "ب مجلد").mkdir()
    (tmp_path / "ب مجلد" / "مقال أول.txt").write_text(AR1, encoding="utf-8")
    (tmp_path / "a.txt").write_text(AR2, encoding="utf-8")
    # a decomposed (NFD, as macOS writes) name is read under its composed (NFC) spelling
    (tmp_path / unicodedata.normalize("NFD", "آخر.txt")).write_text(AR1 + " آخر", encoding="utf-8")
    c = load_corpus(tmp_path)
    check_schema(c)
    assert c.articles["article_id"].tolist() == ["a.txt", "آخر.txt", "ب مجلد/مقال أول.txt"]
    assert c.articles["origin"].tolist() == c.articles["article_id"].tolist()
    assert c.articles["text"].tolist()[0] == AR2


def test_jsonl_fields_detected_and_extra_kept(tmp_path):
    write_jsonl(
        tmp_path / "x.jsonl",
        [
            {
                "headline": "عنوان",
                "body": AR1,
                "pubdate": "2015-07-21T10:00:00+03:00",
                "outlet": "okaz",
                "link": "http://a",
                "section": "سياسة",
                "author": "فلان",
            },
            {"id": 7, "text": AR2, "date": "2015-07-22", "site": "sabq"},
        ],
    )
    c = load_corpus(tmp_path)
    a = c.articles
    assert a["article_id"].tolist() == ["x.jsonl:0", "7"]
    assert a["title"].tolist()[0] == "عنوان" and pd.isna(a["title"].iloc[1])
    assert a["source"].tolist() == ["okaz", "sabq"]
    assert a["url"].iloc[0] == "http://a"
    assert a["author"].iloc[0] == "فلان"
    assert json.loads(a["extra"].iloc[0]) == {"section": "سياسة"}
    assert pd.isna(a["extra"].iloc[1])
    assert a["published"].iloc[0] == pd.Timestamp("2015-07-21 07:00", tz="UTC")
    assert a["published"].iloc[1] == pd.Timestamp("2015-07-22 00:00", tz="UTC")
    assert a["origin"].tolist() == ["x.jsonl#0", "x.jsonl#1"]


def test_field_override(tmp_path):
    write_jsonl(tmp_path / "x.jsonl", [{"text": "ملخص قصير", "full": AR1, "when": "2015-07-21 10:00:00"}])
    c = load_corpus(tmp_path, fields={"text": "full", "published": "when"}, timezone="Asia/Riyadh")
    assert c.articles["text"].tolist() == [AR1]
    assert c.articles["published"].iloc[0] == pd.Timestamp("2015-07-21 07:00", tz="UTC")
    assert json.loads(c.articles["extra"].iloc[0]) == {"text": "ملخص قصير"}
    with pytest.raises(ValueError, match="unknown role"):
        load_corpus(tmp_path, fields={"txt": "full"})


def test_json_array_single_object_and_wrapper(tmp_path):
    (tmp_path / "arr.json").write_text(
        json.dumps([{"content": AR1}, {"content": AR2}], ensure_ascii=False), encoding="utf-8"
    )
    (tmp_path / "one.json").write_text(json.dumps({"text": AR1, "title": "ت"}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "wrap.json").write_text(
        json.dumps({"status": "ok", "articles": [{"text": AR2}]}, ensure_ascii=False), encoding="utf-8"
    )
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["arr.json:0", "arr.json:1", "one.json:0", "wrap.json:0"]
    assert len(c.skipped) == 0


def test_large_json_array_is_streamed_in_blocks(tmp_path, monkeypatch):
    from analysis import corpus

    monkeypatch.setattr(corpus, "_JSON_BLOCK", 64)  # values straddle many block boundaries
    recs = [{"content": f"{AR1} {i}", "n": i} for i in range(50)]
    (tmp_path / "big.json").write_text(json.dumps(recs, ensure_ascii=False, indent=2), encoding="utf-8")
    c = load_corpus(tmp_path, chunk_size=7)
    assert c.articles["text"].tolist() == [f"{AR1} {i}" for i in range(50)]
    assert [json.loads(e)["n"] for e in c.articles["extra"]] == list(range(50))


def test_csv_with_quoted_newlines_and_commas_and_tsv(tmp_path):
    (tmp_path / "a.csv").write_text(
        'id,title,text,published\r\nc1,"عنوان، مع, فاصلة","سطر أول, بفاصلة\r\nسطر ثان ""مقتبس""",2015-07-21 09:00:00\r\n\r\nc2,,'
        + AR2
        + ",\r\n",
        encoding="utf-8",
    )
    (tmp_path / "b.tsv").write_text("text\tsource\n" + AR1 + "\tokaz\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    a = c.articles
    assert a["article_id"].tolist() == ["c1", "c2", "b.tsv:0"]
    assert a["title"].iloc[0] == "عنوان، مع, فاصلة"
    assert a["text"].iloc[0] == 'سطر أول, بفاصلة\nسطر ثان "مقتبس"'
    assert a["published"].iloc[0] == pd.Timestamp("2015-07-21 09:00", tz="UTC")
    assert pd.isna(a["published"].iloc[1]) and pd.isna(a["title"].iloc[1])
    assert a["source"].iloc[2] == "okaz"
    assert len(c.skipped) == 0


def test_csv_row_with_too_many_fields_is_skipped(tmp_path):
    (tmp_path / "a.csv").write_text(f"id,text\n1,{AR1}\n2,{AR2},زائد\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["1"]
    assert reasons(c.skipped) == [("a.csv", 1, "malformed CSV row")]


def test_parquet(tmp_path):
    df = pd.DataFrame(
        {"text": [AR1, AR2], "date": pd.to_datetime(["2015-07-21 10:00", "2015-07-21 11:00"]), "source": ["a", None]}
    )
    df.to_parquet(tmp_path / "x.parquet")
    c = load_corpus(tmp_path, timezone="Asia/Riyadh")
    assert c.articles["text"].tolist() == [AR1, AR2]
    assert c.articles["published"].tolist() == [
        pd.Timestamp("2015-07-21 07:00", tz="UTC"),
        pd.Timestamp("2015-07-21 08:00", tz="UTC"),
    ]
    assert c.articles["source"].iloc[0] == "a" and pd.isna(c.articles["source"].iloc[1])


def test_zip_with_nested_folders_and_nested_zip(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("deep/d.txt", AR2)
    with zipfile.ZipFile(tmp_path / "day.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a/b/c.txt", AR1)
        z.writestr("a/arr.json", json.dumps([{"content": AR2}, {"content": "  "}], ensure_ascii=False))
        z.writestr("a/l.jsonl", json.dumps({"text": AR1 + " ل"}, ensure_ascii=False) + "\n")
        z.writestr("inner.zip", inner.getvalue())
        z.writestr("__MACOSX/a/._c.txt", b"\x00\x05junk")
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == [
        "day.zip!a/arr.json:0",
        "day.zip!a/b/c.txt",
        "day.zip!a/l.jsonl:0",
        "day.zip!inner.zip!deep/d.txt",
    ]
    assert reasons(c.skipped) == [("day.zip!a/arr.json", 1, "empty text")]


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),  # with BOM
        lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
        lambda s: s.encode("utf-16-le"),  # without BOM
        lambda s: s.encode("cp1256"),
        lambda s: s.encode("iso-8859-6"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16be-bom", "utf16le-nobom", "windows-1256", "iso-8859-6"],
)
def test_encodings(tmp_path, encode):
    text = "أعلنت الحكومة، اليوم، خطة جديدة\nللطاقة في الرياض"
    (tmp_path / "a.txt").write_bytes(encode(text))
    c = load_corpus(tmp_path)
    assert c.articles["text"].tolist() == [text]
    assert len(c.skipped) == 0


def test_windows_1256_jsonl_line_and_csv(tmp_path):
    line = json.dumps({"text": AR1}, ensure_ascii=False).encode("cp1256") + b"\n"
    (tmp_path / "a.jsonl").write_bytes(json.dumps({"text": AR2}, ensure_ascii=False).encode() + b"\n" + line)
    (tmp_path / "b.csv").write_bytes(("text\n" + AR1 + "\n").encode("cp1256"))
    c = load_corpus(tmp_path)
    assert c.articles["text"].tolist() == [AR2, AR1, AR1]


def test_binary_file_named_txt_is_skipped(tmp_path):
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "zeros.txt").write_bytes(b"\x00" * 100)
    (tmp_path / "ok.txt").write_text(AR1, encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["ok.txt"]
    assert reasons(c.skipped) == [("image.txt", None, "not text (binary)"), ("zeros.txt", None, "not text (binary)")]
    assert "UTF-8" in c.skipped["detail"].iloc[0]


def test_high_bytes_without_arabic_are_not_accepted_as_windows_1256():
    latin = "Ça coûte très cher à Genève, déjà été".encode("latin-1")
    assert decode_bytes(latin).text is None
    assert decode_bytes(latin).problem[0] == "unknown encoding"


def test_invalid_utf8_inside_arabic_is_loaded_with_replacement_and_a_note(tmp_path):
    (tmp_path / "a.txt").write_bytes(AR1.encode() + b" \xd8 " + AR2.encode())
    c = load_corpus(tmp_path)
    assert c.articles["text"].tolist() == [AR1 + " \ufffd " + AR2]
    assert reasons(c.skipped) == [("a.txt", None, "loaded with invalid bytes replaced")]
    assert len(skipped_records(c.skipped)) == 0


# --- cleaning ----------------------------------------------------------------------------------


def test_clean_text_whitespace_paragraphs_bidi_presentation_forms():
    raw = (
        "\u200f\ufeb3\ufefc\ufee1\u00a0\u00a0عليكم\r\n\r\n  \u202bفقرة\u202c   ثانية\t\u2028ثالثة \ufefb\ufef7\u0020\n"
    )
    assert clean_text(raw) == "سلام عليكم\nفقرة ثانية\nثالثة لالأ"
    assert clean_text("\ufdf2 \ufe8e") == "الله ا"
    assert clean_text(" \n\t ") == ""


def test_bidi_marks_inside_a_line_are_kept_so_copied_phrases_are_found():
    """A reader copying وزارة ‏الداخلية from the page copies the RLM web text pasted into it: the text keeps marks inside
    a line (matching sees through them) and drops them where they only shape the display."""
    assert clean_text("\u200fأعلنت وزارة \u200fالداخلية\u200f اليوم\u200e\n\u200f\n \u061cثم") == (
        "أعلنت وزارة \u200fالداخلية اليوم\nثم")
    assert clean_text("\u200f \n\u200e") == ""
    assert clean_text("\u200f \u200fا") == "ا"  # marks and spaces mixed at a line's start (found by hypothesis)


def test_boilerplate_lines_only_whole_lines():
    assert clean_text(f"{AR1}\nSorry Comments are closed\n{AR2}") == f"{AR1}\n{AR2}"
    assert clean_text(f"{AR1}\nsorry comments are closed.") == AR1
    kept = f"{AR1} Sorry Comments are closed"
    assert clean_text(kept) == kept


def test_the_sms_footer_keeps_the_lines_that_name_the_operators():
    """Eighteenth session: al-madina's SMS footer loses its first line only; the lines after it name three companies,
    which the annotation rules of ../shared/eval count as organisation mentions."""
    footer = "للتواصل مع الكاتب ارسل رسالة SMS\nتبدأ بالرمز (23) ثم مسافة ثم نص الرسالة إلى\n88591 - Stc\n635031 - Mobily\n737221 - Zain"
    assert clean_text(f"{AR1}\n{footer}") == f"{AR1}\n" + footer.split("\n", 1)[1]


def test_empty_text_after_cleaning_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("\u200f \n Sorry Comments are closed \n", encoding="utf-8")
    write_jsonl(tmp_path / "b.jsonl", [{"text": ""}, {"text": None}, {"text": AR1}])
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["b.jsonl:2"]
    assert reasons(c.skipped) == [
        ("a.txt", None, "empty text"),
        ("b.jsonl", 0, "empty text"),
        ("b.jsonl", 1, "empty text"),
    ]


# --- metadata and dates ------------------------------------------------------------------------


def test_sidecar_and_metadata_csv(tmp_path):
    (tmp_path / "a.txt").write_text(AR1, encoding="utf-8")
    (tmp_path / "b.txt").write_text(AR2, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text(AR1 + " ج", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(
        json.dumps(
            {"title": "عنوان أ", "published": "2016-11-30T12:00:00", "timezone": "Asia/Riyadh", "section": "س"},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (tmp_path / "metadata.csv").write_text(
        "path,title,published,source\na.txt,عنوان من الجدول,,okaz\nb.txt,عنوان ب,2016-11-30,sabq\nsub/c.txt,ج,2016-12-01T10:00:00Z,\n",
        encoding="utf-8",
    )
    c = load_corpus(tmp_path)
    a = c.articles.set_index("article_id")
    assert list(a.index) == ["a.txt", "b.txt", "sub/c.txt"]
    assert a.loc["a.txt", "title"] == "عنوان أ"  # the sidecar wins over metadata.csv
    assert a.loc["a.txt", "source"] == "okaz"  # ... and metadata.csv fills what the sidecar lacks
    assert a.loc["a.txt", "published"] == pd.Timestamp("2016-11-30 09:00", tz="UTC")
    assert a.loc["a.txt", "timezone"] == "Asia/Riyadh"
    assert json.loads(a.loc["a.txt", "extra"]) == {"section": "س"}
    assert a.loc["b.txt", "published"] == pd.Timestamp("2016-11-30", tz="UTC") and a.loc["b.txt", "timezone"] == "UTC"
    assert a.loc["sub/c.txt", "published"] == pd.Timestamp("2016-12-01 10:00", tz="UTC")
    assert len(c.skipped) == 0


def test_metadata_row_naming_a_container_gives_defaults(tmp_path):
    write_jsonl(
        tmp_path / "s.jsonl",
        [
            {"text": AR1, "date_extracted": "2015-07-21 03:00:00"},
            {"text": AR2, "date_extracted": "2015-07-21 04:00:00", "source": "own"},
        ],
    )
    (tmp_path / "metadata.csv").write_text("path,timezone,source\ns.jsonl,Asia/Riyadh,default\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.articles["timezone"].tolist() == ["Asia/Riyadh", "Asia/Riyadh"]
    assert c.articles["source"].tolist() == ["default", "own"]
    assert c.articles["published"].tolist() == [
        pd.Timestamp("2015-07-21 00:00", tz="UTC"),
        pd.Timestamp("2015-07-21 01:00", tz="UTC"),
    ]


def test_metadata_problems_are_reported_not_fatal(tmp_path):
    (tmp_path / "a.txt").write_text(AR1, encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("path,title\nmissing.txt,x\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["a.txt"]
    got = sorted(reasons(c.skipped))
    assert got == [
        ("a.txt.meta.json", None, "metadata ignored (invalid JSON)"),
        ("metadata.csv", 0, "metadata without file"),
    ]
    assert len(skipped_records(c.skipped)) == 0


def test_dates_never_guessed(tmp_path):
    write_jsonl(
        tmp_path / "d.jsonl",
        [
            {"text": AR1, "date": "21/07/2015"},
            {"text": AR1 + " ب", "date": "منذ ساعتين"},
            {"text": AR1 + " ج", "date": 1437465600},
            {"text": AR1 + " د", "date": "2015-07-21 10:00:00", "timezone": "Mars/Olympus"},
            {"text": AR1 + " ه", "date": "2015-07-21T10:00:00+03:00"},
            {"text": AR1 + " و", "date": "2015-07-21T10:00:00Z"},
        ],
    )
    c = load_corpus(tmp_path, timezone="Asia/Riyadh")
    p = c.articles["published"]
    assert p.iloc[:4].isna().all()
    assert p.iloc[4] == pd.Timestamp("2015-07-21 07:00", tz="UTC")
    assert p.iloc[5] == pd.Timestamp("2015-07-21 10:00", tz="UTC")
    assert [r for r in reasons(c.skipped)] == [("d.jsonl", i, "loaded without date") for i in range(4)]
    assert len(skipped_records(c.skipped)) == 0


def test_bad_timezone_argument_raises():
    with pytest.raises(ValueError, match="IANA"):
        next(iter_corpus(SEED, timezone="Riyadh"))
    with pytest.raises(FileNotFoundError, match="does not exist"):
        next(iter_corpus("/nonexistent/corpus"))


# --- bad input ---------------------------------------------------------------------------------


def test_empty_file_and_unsupported_and_documentation(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "README.md").write_text("# corpus", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(AR1, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(AR1, encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["ok.txt"]
    assert reasons(c.skipped) == [  # README.md and the hidden file are not articles: not reported
        ("empty.jsonl", None, "empty file"),
        ("empty.txt", None, "empty text"),  # a one-article file: its article has no text
        ("notes.docx", None, "unsupported file type"),
    ]
    assert skipped_records(c.skipped)["path"].tolist() == ["empty.jsonl", "empty.txt", "notes.docx"]


def test_truncated_last_jsonl_line(tmp_path):
    write_jsonl(
        tmp_path / "t.jsonl", [{"id": "a", "text": AR1}, {"id": "b", "text": AR2}], tail='{"id": "c", "text": "مقطو'
    )
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["a", "b"]
    assert reasons(c.skipped) == [("t.jsonl", 2, "invalid JSON")]
    assert "line 3" in c.skipped["detail"].iloc[0] and "truncated" in c.skipped["detail"].iloc[0]


def test_invalid_json_line_in_the_middle(tmp_path):
    (tmp_path / "t.jsonl").write_text(
        json.dumps({"text": AR1}) + "\n\n{oops}\n" + json.dumps({"text": AR2}) + "\n", encoding="utf-8"
    )
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["t.jsonl:0", "t.jsonl:2"]
    assert reasons(c.skipped) == [("t.jsonl", 1, "invalid JSON")]


def test_truncated_json_array_keeps_earlier_records(tmp_path):
    text = json.dumps([{"content": AR1}, {"content": AR2}, {"content": AR1 + " ج"}], ensure_ascii=False)
    (tmp_path / "t.json").write_text(text[:-20], encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["t.json:0", "t.json:1"]
    assert reasons(c.skipped) == [("t.json", 2, "invalid JSON")]


def test_json_record_without_text_field_and_non_object(tmp_path):
    (tmp_path / "a.json").write_text(
        json.dumps([{"title": "بلا نص", "url": "u"}, "نص مجرد", 42, {"content": AR1}], ensure_ascii=False),
        encoding="utf-8",
    )
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["a.json:1", "a.json:3"]
    assert reasons(c.skipped) == [("a.json", 0, "no text field"), ("a.json", 2, "not a record")]
    assert "fields=" in c.skipped["detail"].iloc[0] and "title" in c.skipped["detail"].iloc[0]


def test_bad_zip_does_not_stop_the_corpus(tmp_path):
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    (tmp_path / "ok.txt").write_text(AR1, encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["ok.txt"]
    assert reasons(c.skipped) == [("bad.zip", None, "unreadable file")]


def test_same_article_id_in_two_files_is_made_unique_and_reported(tmp_path):
    write_jsonl(tmp_path / "a" / "x.jsonl", [{"id": "n1", "text": AR1}])
    write_jsonl(tmp_path / "b" / "x.jsonl", [{"id": "n1", "text": AR2}, {"id": "n1#2", "text": AR1 + " ثالث"}])
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["n1", "n1#2", "n1#2#2"]
    assert reasons(c.skipped) == [
        ("b/x.jsonl", 0, "loaded with renamed article_id"),
        ("b/x.jsonl", 1, "loaded with renamed article_id"),
    ]
    assert "'n1#2'" in c.skipped["detail"].iloc[0] and "a/x.jsonl#0" in c.skipped["detail"].iloc[0]
    assert len(skipped_records(c.skipped)) == 0


def test_a_50_mb_article(tmp_path):
    para = ("كلمة " * 2000).strip() + "\n"
    n = 50_000_000 // len(para.encode("utf-8")) + 1
    (tmp_path / "huge.txt").write_text(para * n, encoding="utf-8")
    assert (tmp_path / "huge.txt").stat().st_size >= 50_000_000
    c = load_corpus(tmp_path)
    a = c.articles.iloc[0]
    assert len(c.articles) == 1 and len(c.skipped) == 0
    assert a["n_words"] == 2000 * n
    assert a["text"].count("\n") == n - 1


# --- identity, duplicates, chunks, invariant -------------------------------------------------


def test_duplicates_flagged_by_normalised_text_never_dropped(tmp_path):
    write_jsonl(
        tmp_path / "d.jsonl",
        [{"text": "أعلنت الوزارة"}, {"text": "اعلنت الوزاره"}, {"text": "أَعلنتْ  الوزارة\n"}, {"text": "شيء آخر"}],
    )
    c = load_corpus(tmp_path)
    assert c.articles["duplicate_of"].tolist()[:3] == [pd.NA, "d.jsonl:0", "d.jsonl:0"]
    assert pd.isna(c.articles["duplicate_of"].iloc[3])
    assert len(c.articles) == 4


def test_chunks_are_bounded_and_concatenate_to_load_corpus(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"text": f"{AR1} {i}"} if i % 3 else {"text": ""} for i in range(23)])
    chunks = list(iter_corpus(tmp_path, chunk_size=4))
    assert all(len(ch.articles) <= 4 for ch in chunks)
    assert all(list(ch.articles.columns) == list(schema.ARTICLES) for ch in chunks)
    both = load_corpus(tmp_path, chunk_size=4)
    pd.testing.assert_frame_equal(pd.concat([ch.articles for ch in chunks], ignore_index=True), both.articles)
    pd.testing.assert_frame_equal(load_corpus(tmp_path, chunk_size=500).articles, both.articles)
    assert len(both.articles) + len(both.skipped) == 23


def test_accounting_invariant_on_a_folder_of_broken_files(tmp_path):
    """Every input record is either loaded or has a skipped row (and notes are rows about loaded ones)."""
    write_jsonl(
        tmp_path / "a.jsonl",
        [{"text": AR1}, {"title": "x"}, {"text": ""}, {"id": "dup", "text": AR2}],
        tail='{"text": "مق',
    )
    write_jsonl(tmp_path / "b.jsonl", [{"id": "dup", "text": AR2}])
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "d.txt").write_bytes(AR1.encode("cp1256"))
    (tmp_path / "e.csv").write_text(f'text,title\n"{AR1}\nسطر",ت\n,فارغ\n', encoding="utf-8")
    (tmp_path / "f.txt").write_bytes(b"")
    with zipfile.ZipFile(tmp_path / "g.zip", "w") as z:
        z.writestr("x/y.json", json.dumps([{"content": AR1}, {"nope": 1}], ensure_ascii=False))
    n_records = 5 + 1 + 1 + 1 + 2 + 1 + 2
    c = load_corpus(tmp_path, chunk_size=2)
    real = skipped_records(c.skipped)
    notes = c.skipped[c.skipped["reason"].str.startswith(NOTE_PREFIXES)]
    assert len(c.articles) + len(real) == n_records
    assert notes["reason"].tolist() == ["loaded with renamed article_id"]
    # each skipped record row names a file and (for containers) a record
    assert set(real["reason"]) == {"no text field", "empty text", "invalid JSON", "not text (binary)"}


def test_deterministic(tmp_path):
    write_jsonl(tmp_path / "z.jsonl", [{"text": AR1}])
    write_jsonl(tmp_path / "a" / "y.jsonl", [{"text": AR2}])
    one, two = load_corpus(tmp_path), load_corpus(tmp_path)
    pd.testing.assert_frame_equal(one.articles, two.articles)
    assert one.articles["article_id"].tolist() == ["a/y.jsonl:0", "z.jsonl:0"]


# --- the fast word count and duplicate key equal the normalize module's --------------------------

_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآٱؤئ")
    + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u06d6\u0610")
    + list("0123456789٠١٢٣٤٥٦٧٨٩۱۴.,٫٬،؛؟!_-() \n")
    + list("abcXYZéß²½")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=40), min_size=1, max_size=5))
def test_word_counts_and_keys_match_tokenize_and_normalize(texts):
    n_words, keys = _words_and_keys(texts)
    assert n_words == [len(tokenize(t)) for t in texts]
    for i in range(len(texts)):
        for j in range(len(texts)):
            assert (keys[i] == keys[j]) == (normalize(texts[i]) == normalize(texts[j]))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_word_counts_match_tokenize_on_any_text(text):
    assert _words_and_keys([text])[0] == [len(tokenize(text))]


def test_word_counts_on_the_seed():
    text = load_corpus(SEED).articles["text"].iloc[0]
    assert _words_and_keys([text, text + " ٣٫٥"])[0] == [len(tokenize(text)), len(tokenize(text)) + 1]


# --- the real SaudiNewsNet -----------------------------------------------------------------------


@pytest.mark.skipif(not (SAUDINEWSNET / "2015-08-10.zip").exists(), reason="SaudiNewsNet not present")
def test_one_saudinewsnet_day_loads_as_published():
    c = load_corpus(SAUDINEWSNET / "2015-08-10.zip", timezone="Asia/Riyadh")
    check_schema(c)
    with zipfile.ZipFile(SAUDINEWSNET / "2015-08-10.zip") as z:
        records = json.loads(z.read("2015-08-10.json"))
    assert len(records) == 1700
    assert len(c.articles) == 1686 and reasons(c.skipped) == [
        ("2015-08-10.zip!2015-08-10.json", i, "empty text") for i, r in enumerate(records) if not r["content"].strip()
    ]
    assert c.articles["url"].tolist() == [r["url"] for r in records if r["content"].strip()]
    first = next(r for r in records if r["content"].strip())
    assert c.articles["published"].iloc[0] == pd.Timestamp(first["date_extracted"], tz="Asia/Riyadh").tz_convert("UTC")
    assert c.articles["article_id"].iloc[0] == "2015-08-10.zip!2015-08-10.json:" + str(records.index(first))


# --- less common paths: non-UTF-8 JSON, UTF-16 JSON lines, big CSV streamed, zip names ------------


def test_json_array_in_windows_1256_and_utf16(tmp_path):
    recs = [{"content": AR1}, {"content": AR2}]
    (tmp_path / "a.json").write_bytes(json.dumps(recs, ensure_ascii=False).encode("cp1256"))
    (tmp_path / "b.json").write_bytes(json.dumps(recs, ensure_ascii=False).encode("utf-16"))
    (tmp_path / "c.jsonl").write_bytes("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode("utf-16"))
    c = load_corpus(tmp_path)
    assert c.articles["text"].tolist() == [AR1, AR2] * 3
    assert len(c.skipped) == 0


def test_big_csv_is_streamed(tmp_path, monkeypatch):
    from analysis import corpus

    monkeypatch.setattr(corpus, "_WHOLE_FILE_LIMIT", -1)  # take the streaming path for any size
    rows = "".join(f'{i},"{AR1}\n{i}, سطر"\n' for i in range(300))
    (tmp_path / "a.csv").write_bytes(codecs.BOM_UTF8 + ("id,text\n" + rows).encode("utf-8"))
    (tmp_path / "b.csv").write_bytes(("id,text\n" + rows).encode("cp1256"))
    c = load_corpus(tmp_path)
    assert c.articles["text"].tolist() == [f"{AR1}\n{i}, سطر" for i in range(300)] * 2
    assert c.articles["article_id"].iloc[0] == "0" and c.articles["article_id"].iloc[300] == "0#2"


def test_zip_member_names_in_utf8_without_flag(tmp_path):
    info = zipfile.ZipInfo("أخبار/مقال.txt")
    with zipfile.ZipFile(tmp_path / "z.zip", "w") as z:
        z.writestr(info, AR1)
    raw = (tmp_path / "z.zip").read_bytes()
    # clear the UTF-8 flag (general purpose bit 11) as many zip tools do
    raw = raw.replace(b"PK\x03\x04\x14\x00\x00\x08", b"PK\x03\x04\x14\x00\x00\x00").replace(
        b"PK\x01\x02\x14\x03\x14\x00\x00\x08", b"PK\x01\x02\x14\x03\x14\x00\x00\x00"
    )
    (tmp_path / "z.zip").write_bytes(raw)
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["z.zip!أخبار/مقال.txt"]


def test_progress_bar_goes_to_stderr(tmp_path, capsys):
    write_jsonl(tmp_path / "a.jsonl", [{"text": AR1}, {"text": AR2}])
    c = load_corpus(tmp_path, progress=True, chunk_size=1)
    assert len(c.articles) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "articles" in captured.err


def test_title_and_author_are_cleaned_on_one_line(tmp_path):
    write_jsonl(
        tmp_path / "a.jsonl",
        [{"text": AR1, "title": "\u200f\ufeb3\ufefc\ufee1\n  عليكم ", "author": " \u202bفلان\u202c "}],
    )
    a = load_corpus(tmp_path).articles.iloc[0]
    assert a["title"] == "سلام عليكم" and a["author"] == "فلان"


def test_html_character_references_are_read_as_their_characters(tmp_path):
    """SaudiNewsNet's scraper left HTML references in 232 titles (&quot;سبق&quot;، &#8220;حافلة&#8221;): the loader
    reads them as characters, in the title and the text alike; a no-break space becomes a space, an unknown name and a
    bare & stay."""
    write_jsonl(tmp_path / "a.jsonl", [{"text": AR1 + " AT&T &foo; &#8220;حافلة&#8221;&nbsp;&amp;",
                                        "title": "مصادر &quot;سبق&quot;: اجتماع"}])
    a = load_corpus(tmp_path).articles.iloc[0]
    assert a["title"] == 'مصادر "سبق": اجتماع'
    assert a["text"].endswith(" AT&T &foo; “حافلة” &"), a["text"]


def test_stem_sidecar_and_metadata_for_a_zip_member(tmp_path):
    (tmp_path / "a.txt").write_text(AR1, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "ت أ"}, ensure_ascii=False), encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "d.zip", "w") as z:
        z.writestr("in/b.txt", AR2)
    (tmp_path / "metadata.csv").write_text("path,title,source\nd.zip!in/b.txt,ت ب,\nd.zip,,outlet\n", encoding="utf-8")
    a = load_corpus(tmp_path).articles.set_index("article_id")
    assert a.loc["a.txt", "title"] == "ت أ"
    assert a.loc["d.zip!in/b.txt", "title"] == "ت ب" and a.loc["d.zip!in/b.txt", "source"] == "outlet"


def test_first_array_element_is_never_taken_for_a_wrapper(tmp_path):
    recs = [{"meta": 1, "items": [{"text": AR1}]}, {"text": AR2}]
    (tmp_path / "a.json").write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.articles["article_id"].tolist() == ["a.json:1"]
    assert reasons(c.skipped) == [("a.json", 0, "no text field")]


def test_many_skipped_records_do_not_pile_up_in_one_chunk(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"title": "x"}] * 50 + [{"text": AR1}])
    chunks = list(iter_corpus(tmp_path, chunk_size=5))
    assert max(len(ch.skipped) for ch in chunks) <= 20
    assert sum(len(ch.skipped) for ch in chunks) == 50 and sum(len(ch.articles) for ch in chunks) == 1


_MESSY = st.sampled_from(
    list("ابت سلام\n\r\t\u00a0\u2028\u200f\u202b\u061c\ufeff\x00\x1f\x85\u3000")
    + list("\ufeb3\ufefc\ufee1\ufe70\ufe71\ufdf2\ufb50")
    + ["Sorry Comments are closed", "...المزيد", "// انتهى //", "&quot;", "&nbsp;", "&#8220;", "&#x202b;", "&amp;"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_MESSY, max_size=30).map("".join), min_size=8, max_size=12))
def test_batch_cleaning_equals_one_by_one(texts):
    from analysis.corpus import (
        _CR,
        _DROPPED,
        _LINE_BREAK,
        _ODD_SPACE,
        _PRESENTATION_FORM,
        _cleaning_flags,
        _cleaning_flags_one,
    )

    assert _cleaning_flags(texts) == [_cleaning_flags_one(t) for t in texts]
    assert {_CR, _DROPPED, _LINE_BREAK, _ODD_SPACE, _PRESENTATION_FORM} == {1, 2, 4, 8, 16}
    cleaned = clean_texts(texts)
    for t, c in zip(texts, cleaned):
        assert c == clean_text(t)
        assert c == c.strip(" \n") and "  " not in c and "\n\n" not in c and "\r" not in c
        assert not any(ch in c for ch in "\u202b\ufeff\x00\x1f\t\u00a0")
        # bidi marks stay only inside a line, never at its start nor before a space or its end
        assert not re.search("(?m)^[\u200f\u061c]|[\u200f\u061c](?=\\s|$)", c)


def test_lone_surrogates_and_undecodable_file_names_do_not_stop_the_corpus(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        '{"text": "\\ud83d نص", "title": "\\udc00", "source": "s\\udc00", "x": "\\udc01"}\n{"text": "\\ud83d\\ude00 نص"}\n',
        encoding="utf-8",
    )
    (tmp_path / b"bad\xff name.txt".decode("utf-8", "surrogateescape")).write_text(AR1, encoding="utf-8")
    c = load_corpus(tmp_path)
    a = c.articles
    assert a["text"].tolist() == ["\ufffd نص", "\U0001f600 نص", AR1]
    assert pd.isna(a["title"].iloc[0]) or a["title"].iloc[0] == "\ufffd"
    assert a["source"].iloc[0] == "s\ufffd" and json.loads(a["extra"].iloc[0]) == {"x": "\ufffd"}
    assert a["article_id"].iloc[2] == "bad\ufffd name.txt"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([".txt", ".json", ".jsonl", ".csv", ".tsv", ".parquet", ".zip", ".meta.json"]),
            st.one_of(
                st.binary(max_size=300),
                st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
                st.sampled_from([b"[", b'[{"text": "\xd8\xa7"}', b'{"text": 1}', b'"x"', b"text\n\x00", b"PK\x03\x04"]),
            ),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_bytes_in_any_file_never_stop_the_corpus(tmp_path_factory, files):
    d = tmp_path_factory.mktemp("fuzz")
    (d / "ok.txt").write_text(AR1, encoding="utf-8")
    for i, (suffix, data) in enumerate(files):
        (d / f"f{i}{suffix}").write_bytes(data)
    c = load_corpus(d, chunk_size=2)
    check_schema(c)
    assert AR1 in c.articles["text"].tolist()
    assert c.skipped["reason"].notna().all() and c.skipped["detail"].notna().all()
