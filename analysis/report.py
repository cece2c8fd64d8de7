"""``python -m analysis report CORPUS``: run every notebook on a corpus and write one HTML report.

What :func:`run_report` writes under ``out_dir`` (default ``results/<corpus-name>/``, where ``extract``
writes too):

* the extraction tables (``articles.parquet`` … ``attributions.parquet``, ``tables.json``), computed
  once by :func:`analysis.pipeline.ensure_tables` and reused by every notebook (and by the next run,
  as long as the corpus, codebook, parameters and package version are unchanged);
* ``notebooks/NN_*.ipynb``: each notebook of ``notebooks/`` executed with papermill on this corpus;
* ``figures/*.png|svg|pdf``: every figure the notebooks save;
* ``recorded/NN_*.json``: the values each notebook records (see :func:`analysis.reporting.record`);
* ``report.html``: all notebooks in one page, code hidden, images embedded.

Failures are loud: a notebook that raises, times out (``execution_timeout`` per cell) or loses output
(IOPub timeout) stops the command with :class:`NotebookFailed`, whose message names the notebook, the
cell (its number as JupyterLab shows it and its first line) and the error. A notebook that ends with a
cell that never ran is a failure too — papermill alone would mark such cells "completed".

Parameters (``--params FILE``, YAML or JSON): a mapping of the names in the notebooks' ``parameters``
cells (``codebook``, ``timezone``, ``date_from``, ``date_to``, ``outlets``, ``top_n``, …), applied to
every notebook that declares them; per-notebook values under ``notebooks: {02_actor_mentions: {...}}``.
``corpus`` and ``out_dir`` come from the command line. Examples: ``notebooks/params/``.

The kernel is the interpreter running this command: a kernelspec pointing at ``sys.executable`` is
written to a temporary ``JUPYTER_PATH`` for the run, so nothing needs ``ipykernel install`` and a
user-level ``python3`` kernel of another environment is never picked up.
"""
from __future__ import annotations

import contextlib
import html
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

#: The notebooks folder of the repository (the package's sibling).
NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent / "notebooks"
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
KERNEL_NAME = "arabic-news-analysis"
REPORT_NAME = "report.html"
EXECUTED_DIR = "notebooks"
#: Parameters that only the command line sets.
RESERVED = ("corpus", "out_dir")
#: Seconds one cell may run before the notebook fails (a whole SaudiNewsNet extraction runs before the
#: notebooks, so no cell should come near this).
CELL_TIMEOUT = 1800


class ReportError(RuntimeError):
    """The report could not be made (bad parameters, missing notebooks, …); the message says what to do."""


class NotebookFailed(ReportError):
    """A notebook failed: ``notebook``, ``cell`` (1-based, as in JupyterLab), ``error`` (``Name: message``)."""

    def __init__(self, notebook: str, cell: int | None, error: str, *, source_line: str = "", executed: Path | None = None):
        self.notebook, self.cell, self.error, self.executed = notebook, cell, error, executed
        where = f"cell {cell}" if cell is not None else "an unknown cell"
        line = f" `{source_line}`" if source_line else ""
        see = f"; the executed notebook is {executed}" if executed else ""
        super().__init__(f"notebook {notebook} failed in {where}{line}: {error}{see}")


@dataclass(frozen=True)
class NotebookRun:
    """One executed notebook: its source, where the executed copy is, and the parameters it got."""

    source: Path
    executed: Path
    parameters: dict


# --- parameters ---------------------------------------------------------------------------------


def read_params(params_file: str | Path | None) -> dict:
    """The mapping in a YAML or JSON parameters file (``{}`` for None). Relative paths under the keys
    ``codebook`` are resolved against the file's folder."""
    if params_file is None:
        return {}
    path = Path(params_file)
    if not path.exists():
        raise ReportError(f"parameters file {path} does not exist")
    text = path.read_text(encoding="utf-8")
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as e:
        raise ReportError(f"cannot read parameters file {path}: {e}") from e
    data = data or {}
    if not isinstance(data, dict):
        raise ReportError(f"parameters file {path} must hold a mapping of name: value, got {type(data).__name__}")
    return _resolve_paths(data, path.parent)


def _resolve_paths(data: dict, base: Path) -> dict:
    out = {}
    for k, v in data.items():
        if k == "codebook" and isinstance(v, str) and v and not Path(v).is_absolute():
            out[k] = str((base / v).resolve())
        elif k == "notebooks" and isinstance(v, dict):
            out[k] = {nb: _resolve_paths(p or {}, base) for nb, p in v.items()}
        else:
            out[k] = v
    return out


def declared_parameters(notebook: Path) -> dict[str, str]:
    """``{name: type annotation}`` of the notebook's ``parameters`` cell (papermill's inspection)."""
    import papermill as pm

    return {name: info.get("inferred_type_name", "") for name, info in pm.inspect_notebook(str(notebook)).items()}


def notebook_parameters(params: Mapping, declared: Mapping[str, str], notebook: str) -> dict:
    """The parameters one notebook gets: the shared ones it declares, then its own section."""
    shared = {k: v for k, v in params.items() if k != "notebooks" and k in declared}
    own = dict((params.get("notebooks") or {}).get(notebook, {}) or {})
    unknown = sorted(set(own) - set(declared))
    if unknown:
        raise ReportError(f"notebook {notebook} has no parameter(s) {unknown}; it declares {sorted(declared)}")
    return {**shared, **own}


def check_params(params: Mapping, declared: Mapping[str, Mapping[str, str]], *, where: str = "parameters") -> None:
    """Raise :class:`ReportError` unless every key of ``params`` is declared by some notebook (``declared``:
    ``{notebook: {name: type}}``), every ``notebooks:`` section names a notebook and only its own
    parameters, and ``corpus``/``out_dir`` (command-line only) are absent. A typo never passes silently."""
    reserved = sorted(set(params) & set(RESERVED))
    if reserved:
        raise ReportError(f"{where}: {reserved} come from the command line (CORPUS, --out); remove them")
    known = set().union(*declared.values()) if declared else set()
    unknown = sorted(set(params) - known - {"notebooks"})
    if unknown:
        raise ReportError(f"{where}: no notebook has parameter(s) {unknown}; the notebooks declare {sorted(known)}")
    for nb in params.get("notebooks") or {}:
        if nb not in declared:
            raise ReportError(f"{where}: no notebook {nb!r}; there are {sorted(declared)}")
        notebook_parameters(params, declared[nb], nb)


# --- the kernel ---------------------------------------------------------------------------------


@contextlib.contextmanager
def current_interpreter_kernel() -> Iterator[str]:
    """Make a kernelspec that runs ``sys.executable`` visible to Jupyter for the duration; yield its name.

    The spec lives in a temporary folder put first on ``JUPYTER_PATH`` (restored afterwards). The kernel
    gets the repository root on ``PYTHONPATH`` so it imports the same ``analysis`` as this process.
    """
    root = str(Path(__file__).resolve().parent.parent)
    with tempfile.TemporaryDirectory(prefix="analysis-kernel-") as tmp:
        spec_dir = Path(tmp) / "kernels" / KERNEL_NAME
        spec_dir.mkdir(parents=True)
        env_path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)
        spec = {
            "argv": [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": f"Python ({Path(sys.prefix).name})",
            "language": "python",
            "env": {"PYTHONPATH": env_path, "PYDEVD_DISABLE_FILE_VALIDATION": "1"},
            "metadata": {"debugger": False},
        }
        (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
        old = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (tmp, old) if p)
        try:
            yield KERNEL_NAME
        finally:
            if old is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = old


# --- running one notebook -----------------------------------------------------------------------


def run_notebook(source: Path, executed: Path, *, parameters: Mapping, kernel_name: str,
                 progress: bool = False, cell_timeout: int | None = CELL_TIMEOUT) -> Path:
    """Execute ``source`` with papermill into ``executed`` (the working folder is the notebook's own).

    Raises :class:`NotebookFailed` naming the notebook, the cell and the error when a cell raises, times
    out, loses output, or never ran. The executed notebook is kept (also on failure) for inspection.
    """
    import nbformat
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    executed.parent.mkdir(parents=True, exist_ok=True)
    partial = executed.with_name(f".{executed.stem}.running.ipynb")
    name = source.name
    try:
        pm.execute_notebook(
            str(source), str(partial), parameters=dict(parameters), kernel_name=kernel_name,
            cwd=str(source.parent), progress_bar=progress, log_output=False,
            execution_timeout=cell_timeout, raise_on_iopub_timeout=True,
        )
    except PapermillExecutionError as e:
        _publish(partial, executed)
        cell, line = _running_cell(source, executed)
        line = _failing_line(e.traceback, e.source) or line
        raise NotebookFailed(name, cell, f"{e.ename}: {_first_line(e.evalue)}", source_line=line,
                             executed=executed) from None
    except Exception as e:  # timeouts, dead kernels, lost output: papermill passes them on as they are
        _publish(partial, executed)
        cell, line = _running_cell(source, executed)
        raise NotebookFailed(name, cell, f"{type(e).__name__}: {_first_line(str(e))}", source_line=line,
                             executed=executed if executed.exists() else None) from e
    _publish(partial, executed)
    nb = nbformat.read(executed, as_version=4)
    for i, c in enumerate(nb.cells):
        if c.cell_type != "code" or not c.source.strip():
            continue
        errors = [o for o in c.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            cell, line = _source_cell(source, executed, i)
            line = _failing_line(errors[0].get("traceback", []), c.source) or line
            raise NotebookFailed(name, cell, f"{errors[0].get('ename')}: {_first_line(errors[0].get('evalue', ''))}",
                                 source_line=line, executed=executed)
        if c.get("execution_count") is None:
            cell, line = _source_cell(source, executed, i)
            raise NotebookFailed(name, cell, "the cell never ran (execution stopped early)", source_line=line,
                                 executed=executed)
    return executed


def _publish(partial: Path, final: Path) -> None:
    if partial.exists():
        os.replace(partial, final)


def _first_line(text: str) -> str:
    text = str(text).strip()
    first = text.splitlines()[0] if text else ""
    return first if len(first) <= 300 else first[:300] + "…"


def _source_cell(source: Path, executed: Path, executed_index: int | None) -> tuple[int | None, str]:
    """Map a cell of the executed notebook (which has papermill's injected cell) to its 1-based number
    in the source notebook, and its first source line."""
    import nbformat

    if executed_index is None or not executed.exists():
        return None, ""
    ex = nbformat.read(executed, as_version=4)
    if not 0 <= executed_index < len(ex.cells):
        return None, ""
    cell = ex.cells[executed_index]
    line = _first_code_line(cell.source)
    src = nbformat.read(source, as_version=4)
    ids = [c.get("id") for c in src.cells]
    if cell.get("id") in ids and cell.get("id") is not None:
        return ids.index(cell.get("id")) + 1, line
    added = ("injected-parameters", "papermill-error-cell-tag")
    before = sum(1 for c in ex.cells[:executed_index] if set(c.metadata.get("tags", [])) & set(added))
    return executed_index - before + 1, line


def _running_cell(source: Path, executed: Path) -> tuple[int | None, str]:
    import nbformat

    if not executed.exists():
        return None, ""
    ex = nbformat.read(executed, as_version=4)
    for i, c in enumerate(ex.cells):
        if c.metadata.get("papermill", {}).get("status") in ("running", "failed"):
            return _source_cell(source, executed, i)
    # A timeout leaves no mark: papermill calls the cell (and every later one) "completed". The cell
    # that was running is the last one that has a start time.
    started = [i for i, c in enumerate(ex.cells) if c.metadata.get("papermill", {}).get("start_time")]
    return _source_cell(source, executed, started[-1]) if started else (None, "")


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_CELL_FRAME = re.compile(r"Cell In\[\d*\], line (\d+)")


def _failing_line(traceback: Sequence[str], cell_source: str) -> str:
    """The line of the cell where the error was raised, from IPython's traceback ("Cell In[3], line 12")."""
    for frame in traceback or []:
        m = _CELL_FRAME.search(_ANSI.sub("", frame))
        if m:
            lines = cell_source.splitlines()
            n = int(m.group(1))
            return f"line {n}: {lines[n - 1].strip()[:120]}" if 0 < n <= len(lines) else ""
    return ""


def _first_code_line(source: str) -> str:
    for ln in source.splitlines():
        if ln.strip() and not ln.lstrip().startswith("#"):
            return ln.strip()[:120]
    return ""


# --- the HTML report ----------------------------------------------------------------------------

#: Output HTML that must not reach the report as markup: a notebook output carrying any of these is
#: shown as escaped text instead (defence in depth: the helpers in analysis.reporting escape already).
_ACTIVE_HTML = re.compile(r"<\s*(script|iframe|object|embed|link|meta|base|form)\b|javascript:|\son\w+\s*=", re.IGNORECASE)


def _neutralise_outputs(nb) -> int:
    """Replace active HTML outputs by escaped text and drop JavaScript outputs; returns how many changed."""
    changed = 0
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        for o in c.get("outputs", []):
            data = o.get("data")
            if not data:
                continue
            for mime in [m for m in data if m in ("application/javascript", "text/javascript")
                         or m.startswith("application/vnd.jupyter.widget")]:
                del data[mime]
                changed += 1
            h = data.get("text/html")
            if h is not None:
                text = h if isinstance(h, str) else "".join(h)
                if _ACTIVE_HTML.search(text):
                    plain = data.get("text/plain", text)
                    plain = plain if isinstance(plain, str) else "".join(plain)
                    data["text/html"] = f"<pre>{html.escape(plain)}</pre>"
                    changed += 1
            if not data:
                data["text/plain"] = ""
    return changed


def build_html(runs: Sequence[NotebookRun], path: Path, *, corpus: Path, title: str | None = None) -> Path:
    """One HTML page from the executed notebooks: their prose and outputs, no code, no prompts, no
    parameters cells; images embedded. Written atomically; returns ``path``."""
    import nbformat
    from nbconvert import HTMLExporter

    from .files import write_text_atomic
    from .pipeline import package_version

    title = title or f"Arabic news analysis — {corpus.name}"
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    toc = "\n".join(f"- {html.escape(r.source.stem.replace('_', ' '))}" for r in runs)
    intro = (f"# {html.escape(title)}\n\nCorpus: `{html.escape(str(corpus))}` · made {when} · "
             f"analysis {html.escape(package_version())}\n\nContents:\n\n{toc}\n")
    combined = nbformat.v4.new_notebook()
    combined.cells.append(nbformat.v4.new_markdown_cell(intro))
    for r in runs:
        nb = nbformat.read(r.executed, as_version=4)
        for c in nb.cells:
            tags = c.metadata.get("tags", [])
            if "parameters" in tags or "injected-parameters" in tags:
                continue
            if c.cell_type == "code" and not c.get("outputs"):
                continue
            combined.cells.append(c)
    _neutralise_outputs(combined)
    combined.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    combined.metadata["language_info"] = {"name": "python"}
    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(combined, resources={"metadata": {"name": title}})
    return write_text_atomic(body, path)


# --- the command --------------------------------------------------------------------------------


def list_notebooks(notebooks_dir: str | Path | None = None) -> list[Path]:
    """The notebooks a report runs, in name order (``NN_topic.ipynb``)."""
    folder = Path(notebooks_dir) if notebooks_dir else NOTEBOOKS_DIR
    found = sorted(folder.glob(NOTEBOOK_GLOB))
    if not found:
        raise ReportError(f"no notebooks matching {NOTEBOOK_GLOB} in {folder}")
    return found


def run_report(corpus: str | Path, *, out_dir: str | Path | None = None, params_file: str | Path | None = None,
               progress: bool = True, notebooks_dir: str | Path | None = None,
               cell_timeout: int | None = CELL_TIMEOUT, overrides: Mapping | None = None) -> Path:
    """Run every notebook on ``corpus`` and return the path of the HTML report (see the module docstring).

    corpus         a folder, a file or a .zip (anything :func:`analysis.corpus.load_corpus` reads)
    out_dir        output folder (default ``results/<corpus-name>/``)
    params_file    YAML/JSON parameters for the notebooks
    progress       progress bars on stderr
    notebooks_dir  where the notebooks are (default: the repository's ``notebooks/``)
    cell_timeout   seconds a cell may run (None: no limit)
    overrides      parameters that win over the file's, e.g. ``{"timezone": "Asia/Riyadh"}`` from command-line
                   options (None values are ignored)

    A previous ``report.html`` in ``out_dir`` is removed first, so a failed run never leaves an old
    report looking current. Raises :class:`ReportError` (bad input) or :class:`NotebookFailed`.
    """
    from . import reporting
    from .pipeline import ensure_tables

    corpus = Path(corpus).resolve()
    if not corpus.exists():
        raise ReportError(f"corpus {corpus} does not exist; give a folder, a file or a .zip")
    if out_dir is None:
        from .cli import default_out

        out_dir = default_out(corpus)
    out = Path(out_dir).resolve()
    params = {**read_params(params_file), **{k: v for k, v in (overrides or {}).items() if v is not None}}
    notebooks = list_notebooks(notebooks_dir)
    declared = {nb.stem: declared_parameters(nb) for nb in notebooks}
    check_params(params, declared, where=f"parameters file {params_file}")

    settings = reporting.settings_for(codebook=params.get("codebook"), timezone=params.get("timezone") or "UTC",
                                      workers=min(os.cpu_count() or 1, 8), progress=progress,
                                      gap_filler=bool(params.get("gap_filler", True)))
    (out / REPORT_NAME).unlink(missing_ok=True)
    ensure_tables(corpus, out_dir=out, settings=settings)

    runs: list[NotebookRun] = []
    with current_interpreter_kernel() as kernel:
        for nb in notebooks:
            p = {**notebook_parameters(params, declared[nb.stem], nb.stem), "corpus": str(corpus), "out_dir": str(out)}
            p = {k: v for k, v in p.items() if k in declared[nb.stem]}
            if progress:
                print(f"report: running {nb.name}", file=sys.stderr, flush=True)
            executed = run_notebook(nb, out / EXECUTED_DIR / nb.name, parameters=p, kernel_name=kernel,
                                    progress=progress, cell_timeout=cell_timeout)
            runs.append(NotebookRun(nb, executed, p))
    return build_html(runs, out / REPORT_NAME, corpus=corpus)


def clean_outputs(out_dir: str | Path) -> None:
    """Remove what a report wrote (executed notebooks, figures, recorded values, the HTML), keep the tables."""
    out = Path(out_dir)
    for sub in (EXECUTED_DIR, "figures", "recorded"):
        shutil.rmtree(out / sub, ignore_errors=True)
    (out / REPORT_NAME).unlink(missing_ok=True)
