"""The notebook suite: house rules checked on the committed notebooks (fast), and every notebook executed
on the bundled corpus (data/seeds) through ``run_report`` with its figures and recorded values asserted
(slow: a few kernels and one extraction).

Rules checked (docs: /work/shared/STYLE.md, issue 7)
* notebooks 00–04 exist, each paired with a py:percent script holding the same cells (jupytext);
* committed without outputs or execution counts;
* a purpose cell first; exactly one cell tagged ``parameters``, holding only type-annotated literal
  assignments, each with a trailing comment, all of which papermill can read;
* no ``def``, ``class`` or ``lambda``; no code cell repeated in another notebook;
* every figure is saved through ``reporting.save_chart`` under a name starting with the notebook's
  number; each notebook records its values under its own name.
"""
from __future__ import annotations

import ast
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import nbformat
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
SEEDS = ROOT / "data" / "seeds"
EXPECTED = ["00_summary", "01_corpus_overview", "02_actor_mentions", "03_event_timeline", "04_source_attribution"]
COMMON_PARAMETERS = {"corpus", "codebook", "timezone", "date_from", "date_to", "outlets", "out_dir"}


def _notebooks() -> list[Path]:
    return sorted(NB_DIR.glob("[0-9][0-9]_*.ipynb"))


def _read(path: Path):
    return nbformat.read(path, as_version=4)


def _code_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def _calls(nb, attr: str) -> list[ast.Call]:
    out = []
    for c in _code_cells(nb):
        for node in ast.walk(ast.parse(c.source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == attr:
                out.append(node)
    return out


# --- static rules --------------------------------------------------------------------------------


def test_the_suite_is_complete_and_paired_with_jupytext():
    assert [p.stem for p in _notebooks()] == EXPECTED
    assert (NB_DIR / "jupytext.toml").exists()
    import jupytext

    for path in _notebooks():
        script = path.with_suffix(".py")
        assert script.exists(), f"{path.name} has no paired {script.name}; run: jupytext --sync {path}"
        from_script = jupytext.read(script)
        nb = _read(path)
        pairs = [(c.cell_type, c.source.strip(), sorted(c.metadata.get("tags", []))) for c in nb.cells]
        script_pairs = [(c.cell_type, c.source.strip(), sorted(c.metadata.get("tags", []))) for c in from_script.cells]
        assert pairs == script_pairs, f"{path.name} and {script.name} differ; run: jupytext --sync {script}"
        assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("name", EXPECTED)
def test_committed_without_outputs(name):
    nb = _read(NB_DIR / f"{name}.ipynb")
    for i, c in enumerate(_code_cells(nb)):
        assert not c.outputs, f"{name}.ipynb code cell {i + 1} has outputs: clear them before committing"
        assert c.execution_count is None, f"{name}.ipynb code cell {i + 1} has an execution count"


@pytest.mark.parametrize("name", EXPECTED)
def test_purpose_cell_then_one_literal_parameters_cell(name):
    import papermill as pm

    path = NB_DIR / f"{name}.ipynb"
    nb = _read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ") and "**Purpose.**" in first.source
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert tagged == [1], f"{name}: exactly one cell tagged parameters, right after the purpose cell"
    source = nb.cells[1].source
    names = []
    for stmt in ast.parse(source).body:
        assert isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name), \
            f"{name}: parameters cell holds only annotated assignments, got {ast.unparse(stmt)!r}"
        ast.literal_eval(stmt.value)  # a literal, never a derived value
        names.append(stmt.target.id)
    for line in source.splitlines():
        if line.strip():
            assert re.search(r"\S\s{2}# \S", line), f"{name}: parameter line without a trailing comment: {line!r}"
    assert COMMON_PARAMETERS <= set(names), f"{name}: missing parameters {COMMON_PARAMETERS - set(names)}"
    assert list(pm.inspect_notebook(str(path))) == names, f"{name}: papermill cannot read every parameter"


@pytest.mark.parametrize("name", EXPECTED)
def test_no_logic_defined_in_notebooks(name):
    nb = _read(NB_DIR / f"{name}.ipynb")
    for c in _code_cells(nb):
        for node in ast.walk(ast.parse(c.source)):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)), \
                f"{name}: move this into analysis/: {c.source[:80]!r}"


def test_no_code_cell_is_copied_between_notebooks():
    seen: dict[str, str] = {}
    for path in _notebooks():
        for c in _code_cells(_read(path)):
            key = re.sub(r"\s+", " ", c.source).strip()
            assert key not in seen or seen[key] == path.stem, \
                f"the same cell is in {seen[key]} and {path.stem}: move it into analysis/reporting.py\n{c.source}"
            seen[key] = path.stem


@pytest.mark.parametrize("name", EXPECTED)
def test_figures_are_saved_under_the_notebooks_number_and_values_recorded(name):
    nb = _read(NB_DIR / f"{name}.ipynb")
    saves = _calls(nb, "save_chart")
    assert saves, f"{name} saves no figure"
    for call in saves:
        fig_name = call.args[1]
        assert isinstance(fig_name, ast.Constant) and fig_name.value.startswith(name[:3]), \
            f"{name}: figure names start with {name[:3]!r}: {ast.unparse(call)}"
    assert len({c.args[1].value for c in saves}) == len(saves), f"{name}: two figures with one name"
    records = _calls(nb, "record")
    assert [ast.literal_eval(c.args[0]) for c in records] == [name]


@pytest.mark.parametrize("params_file", sorted((NB_DIR / "params").glob("*.yaml")), ids=lambda p: p.name)
def test_example_parameters_files_only_use_declared_parameters(params_file):
    from analysis import report

    declared = {p.stem: report.declared_parameters(p) for p in _notebooks()}
    params = report.read_params(params_file)
    assert params, f"{params_file.name} is empty"
    report.check_params(params, declared, where=params_file.name)


# --- execution on the bundled corpus ------------------------------------------------------------------


def _figure_names(name: str) -> list[str]:
    return [c.args[1].value for c in _calls(_read(NB_DIR / f"{name}.ipynb"), "save_chart")]


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    from analysis.report import run_report

    out = tmp_path_factory.mktemp("report") / "seeds"
    html = run_report(SEEDS, out_dir=out, progress=False)
    return out, html


@pytest.mark.slow
def test_report_runs_every_notebook_and_writes_one_html_without_code(seeds_report):
    out, html = seeds_report
    assert html == out / "report.html"
    assert sorted(p.stem for p in (out / "notebooks").glob("*.ipynb")) == EXPECTED
    text = html.read_text(encoding="utf-8")
    for title in ("Summary", "Corpus overview", "Actor mentions", "Event timeline", "Source attribution"):
        assert title in text
    assert "reporting.load_tables" not in text and "import " not in text  # code hidden
    body = text[text.index("<body"):]
    for bad in ("Traceback", "Error:", "Warning:"):
        i = body.find(bad)
        assert i < 0, f"{bad!r} in the report: …{re.sub(r'<[^>]+>', ' ', body[max(0, i - 600):i + 300])}…"
    assert text.count("data:image/png;base64") >= 5
    for nb in sorted((out / "notebooks").glob("*.ipynb")):  # the bundled corpus makes every chart
        for c in _code_cells(_read(nb)):
            stderr = "".join(o.get("text", "") for o in c.outputs if o.get("name") == "stderr")
            assert "No chart" not in stderr, f"{nb.name}: {stderr.strip()}"


@pytest.mark.slow
@pytest.mark.parametrize("name", EXPECTED)
def test_each_notebook_writes_its_figures_as_png_svg_and_pdf(seeds_report, name):
    out, _ = seeds_report
    for fig in _figure_names(name):
        png, svg, pdf = (out / "figures" / f"{fig}.{ext}" for ext in ("png", "svg", "pdf"))
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{fig}.png missing or not a PNG"
        assert pdf.read_bytes()[:5] == b"%PDF-", f"{fig}.pdf missing or not a PDF"
        assert ET.parse(svg).getroot().tag.endswith("svg"), f"{fig}.svg missing or not SVG"
        assert png.stat().st_size > 5_000  # something was drawn


@pytest.mark.slow
def test_recorded_values_agree_with_the_corpus_and_the_tables(seeds_report):
    from analysis.corpus import load_corpus
    from analysis.pipeline import read_tables
    from analysis.reporting import read_recorded

    out, _ = seeds_report
    rec = read_recorded(out)
    assert sorted(rec) == EXPECTED
    corpus = load_corpus(SEEDS)
    tables = read_tables(out)
    n = len(corpus.articles)
    assert rec["01_corpus_overview"]["articles"] == rec["00_summary"]["articles"] == n
    assert rec["01_corpus_overview"]["outlets"] == corpus.articles["source"].nunique()
    assert rec["01_corpus_overview"]["duplicates"] == int(corpus.articles["duplicate_of"].notna().sum())
    mentions = tables["mentions"]
    assert rec["02_actor_mentions"]["mentions"] == len(mentions)
    top = rec["02_actor_mentions"]["top_actors"]
    body = mentions[(mentions["field"] == "text")
                    & ~mentions["article_id"].isin(corpus.articles.loc[corpus.articles["duplicate_of"].notna(), "article_id"])]
    assert top[0] == body["actor_id"].value_counts().index[0]
    # the seed article is in the bundled corpus: Egypt and Syria are among its actors
    seed_ids = set(mentions.loc[mentions["article_id"].str.startswith("000_e3dabb0c118fe892"), "actor_id"])
    assert {"country:eg", "country:sy"} <= seed_ids
    assert rec["03_event_timeline"]["events"] == len(tables["events"])
    assert rec["04_source_attribution"]["attributions"] == len(tables["attributions"])
    types = rec["04_source_attribution"]["source_types"]
    assert sum(types.values()) == len(tables["attributions"])


@pytest.mark.slow
def test_tables_are_computed_once_and_parameters_filter_a_rerun(seeds_report, tmp_path):
    from analysis import report
    from analysis.pipeline import cache_key
    from analysis.reporting import read_recorded, settings_for

    out, _ = seeds_report
    copy = tmp_path / "out"  # a copy of the computed tables: the key does not depend on the folder
    copy.mkdir()
    for p in [*out.glob("*.parquet"), out / "tables.json"]:
        shutil.copy2(p, copy / p.name)
    stamp = {p.name: p.stat().st_mtime_ns for p in copy.glob("*.parquet")}
    key = json.loads((copy / "tables.json").read_text(encoding="utf-8"))["key"]
    if cache_key(SEEDS, settings_for()) != key:  # only while someone edits analysis/resources meanwhile
        pytest.skip("the codebook or another resource changed since the report ran")
    articles = pd.read_parquet(copy / "articles.parquet")
    outlet = articles["source"].dropna().value_counts().index[0]
    src = NB_DIR / "01_corpus_overview.ipynb"
    with report.current_interpreter_kernel() as kernel:
        report.run_notebook(src, copy / "notebooks" / src.name, kernel_name=kernel,
                            parameters={"corpus": str(SEEDS), "out_dir": str(copy), "outlets": [outlet]})
    if cache_key(SEEDS, settings_for()) != key:
        pytest.skip("the codebook or another resource changed during the test")
    assert {p.name: p.stat().st_mtime_ns for p in copy.glob("*.parquet")} == stamp  # reused, not recomputed
    assert read_recorded(copy)["01_corpus_overview"]["articles"] == int((articles["source"] == outlet).sum())
