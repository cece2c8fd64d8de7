"""Tests of analysis.report: running notebooks with papermill (failures named, timeouts fatal), the kernel
of the current interpreter, parameters files and the HTML report (code hidden, output escaped).

These use tiny notebooks written by the tests; tests/test_notebooks.py runs the real ones."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import report
from analysis.report import NotebookFailed, NotebookRun, ReportError

pytestmark = pytest.mark.slow  # each test starts a kernel (a few seconds)


def _notebook(path: Path, *code: str, params: str = "x: int = 1  # a number") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# A test notebook\n\nPurpose: exercise the runner."))
    p = nbformat.v4.new_code_cell(params)
    p.metadata["tags"] = ["parameters"]
    nb.cells.append(p)
    nb.cells.extend(nbformat.v4.new_code_cell(c) for c in code)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def kernel():
    with report.current_interpreter_kernel() as name:
        yield name


def test_failing_notebook_names_the_notebook_the_cell_and_the_error(tmp_path, kernel):
    src = _notebook(tmp_path / "98_fails.ipynb", "y = x + 1", "w = 2\nraise ValueError(f'boom {y}')", "z = 3")
    executed = tmp_path / "out" / "98_fails.ipynb"
    with pytest.raises(NotebookFailed) as err:
        report.run_notebook(src, executed, parameters={"x": 41}, kernel_name=kernel)
    e = err.value
    assert (e.notebook, e.cell) == ("98_fails.ipynb", 4)  # markdown, parameters, y = …, raise (1-based)
    assert e.error == "ValueError: boom 42"  # the injected parameter reached the kernel
    msg = str(e)
    assert "notebook 98_fails.ipynb failed in cell 4 `line 2: raise ValueError(f'boom {y}')`" in msg
    assert "ValueError: boom 42" in msg
    assert executed.exists() and not list(executed.parent.glob(".*.running"))  # kept for inspection


def test_a_cell_timeout_fails_the_notebook_and_never_passes_as_success(tmp_path, kernel):
    src = _notebook(tmp_path / "97_slow.ipynb", "import time", "time.sleep(60)", "done = True")
    with pytest.raises(NotebookFailed) as err:
        report.run_notebook(src, tmp_path / "out" / "97_slow.ipynb", parameters={}, kernel_name=kernel,
                            cell_timeout=3)
    assert err.value.cell == 4
    assert "Timeout" in err.value.error or "timed out" in err.value.error.lower()


def test_the_kernel_is_the_current_interpreter_and_runs_in_the_notebooks_folder(tmp_path, kernel):
    src = _notebook(tmp_path / "96_where.ipynb",
                    "import sys, os, analysis\nprint(sys.executable)\nprint(os.getcwd())\nprint(analysis.__file__)")
    executed = report.run_notebook(src, tmp_path / "out" / "96_where.ipynb", parameters={}, kernel_name=kernel)
    nb = nbformat.read(executed, as_version=4)
    lines = "".join(o.get("text", "") for o in nb.cells[-1].outputs).split("\n")
    assert Path(lines[0]).resolve() == Path(sys.executable).resolve()
    assert Path(lines[1]).resolve() == tmp_path.resolve()
    assert Path(lines[2]).resolve().parent == Path(report.__file__).resolve().parent


def test_html_report_hides_code_and_escapes_active_html(tmp_path, kernel):
    src = _notebook(
        tmp_path / "95_show.ipynb",
        "secret_code_marker = 'visible'\nprint('<script>alert(1)</script> قال')",
        "from analysis.reporting import RichHTML\nRichHTML('<b>bold</b><script>alert(2)</script>', text='plain <x>')",
        "from analysis.reporting import rtl_table\nimport pandas as pd\n"
        "rtl_table(pd.DataFrame({'t': ['<script>alert(3)</script> قال']}))",
    )
    executed = report.run_notebook(src, tmp_path / "out" / "95_show.ipynb", parameters={}, kernel_name=kernel)
    path = report.build_html([NotebookRun(src, executed, {})], tmp_path / "out" / "report.html",
                             corpus=tmp_path / "<corpus>")
    html = path.read_text(encoding="utf-8")
    assert "secret_code_marker" not in html  # code hidden
    assert "A test notebook" in html  # prose kept
    for n in (1, 2, 3):
        assert f"<script>alert({n})" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; قال" in html
    assert "plain &lt;x&gt;" in html  # active HTML output replaced by its escaped text form
    assert "&lt;script&gt;alert(3)&lt;/script&gt; قال" in html and 'dir="rtl"' in html  # safe HTML kept as is
    assert "&lt;corpus&gt;" in html


def test_read_params_yaml_and_json_resolve_codebook_next_to_the_file(tmp_path):
    (tmp_path / "p.yaml").write_text("timezone: Asia/Riyadh\ncodebook: my_actors.csv\noutlets: [okaz]\n"
                                     "notebooks:\n  02_actor_mentions: {top_n: 30}\n", encoding="utf-8")
    p = report.read_params(tmp_path / "p.yaml")
    assert p["timezone"] == "Asia/Riyadh" and p["outlets"] == ["okaz"]
    assert p["codebook"] == str((tmp_path / "my_actors.csv").resolve())
    assert p["notebooks"] == {"02_actor_mentions": {"top_n": 30}}
    (tmp_path / "p.json").write_text(json.dumps({"top_n": 5}), encoding="utf-8")
    assert report.read_params(tmp_path / "p.json") == {"top_n": 5}
    assert report.read_params(None) == {}
    (tmp_path / "bad.yaml").write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(ReportError, match="mapping"):
        report.read_params(tmp_path / "bad.yaml")
    with pytest.raises(ReportError, match="does not exist"):
        report.read_params(tmp_path / "missing.yaml")


def test_notebook_parameters_take_shared_then_own_values_and_reject_unknown_ones():
    declared = {"top_n": "int", "outlets": "list[str]"}
    params = {"top_n": 10, "timezone": "UTC", "notebooks": {"02_x": {"top_n": 30}}}
    assert report.notebook_parameters(params, declared, "02_x") == {"top_n": 30}
    assert report.notebook_parameters(params, declared, "03_y") == {"top_n": 10}
    with pytest.raises(ReportError, match="no parameter"):
        report.notebook_parameters({"notebooks": {"02_x": {"nope": 1}}}, declared, "02_x")


def test_run_report_rejects_bad_parameters_before_running_anything(tmp_path):
    nbdir = tmp_path / "nbs"
    nbdir.mkdir()
    _notebook(nbdir / "01_a.ipynb", "pass", params="corpus: str = ''  # c\nout_dir: str = ''  # o\ntop_n: int = 5  # n")
    corpus = tmp_path / "c.txt"
    corpus.write_text("قالت وكالة الأنباء إن الوزير زار القاهرة.", encoding="utf-8")
    (tmp_path / "p.yaml").write_text("top_m: 3\n", encoding="utf-8")
    with pytest.raises(ReportError, match=r"no notebook has parameter\(s\) \['top_m'\]"):
        report.run_report(corpus, out_dir=tmp_path / "out", params_file=tmp_path / "p.yaml", notebooks_dir=nbdir,
                          progress=False)
    (tmp_path / "p.yaml").write_text("corpus: elsewhere\n", encoding="utf-8")
    with pytest.raises(ReportError, match="command line"):
        report.run_report(corpus, out_dir=tmp_path / "out", params_file=tmp_path / "p.yaml", notebooks_dir=nbdir,
                          progress=False)
    assert not (tmp_path / "out").exists()  # nothing computed, nothing written
    with pytest.raises(ReportError, match="no notebooks"):
        report.run_report(corpus, out_dir=tmp_path / "out", notebooks_dir=tmp_path / "empty", progress=False)
