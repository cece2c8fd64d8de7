"""The real-browser test: JupyterLab on 127.0.0.1, notebooks/02_actor_mentions.ipynb opened in headless
Chromium (Debian's ``chromium`` package driven by Playwright with ``executable_path``; nothing is
downloaded), Run All Cells, then: an image output appears, no error output does, the Arabic tables are
laid out right to left. Screenshots are kept under ``results/browser/`` (git-ignored): the first chart,
and the keyword-in-context view (else the last right-to-left table).

Without a browser the test is skipped, with the reason in pytest's summary (``-ra``); under CI
(``CI=true``) a missing browser is a failure, so CI can never pass without having run it.
Override the browser with ``CHROMIUM=/path/to/chromium``.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = os.environ.get("BROWSER_NOTEBOOK", "02_actor_mentions.ipynb")  # another one for a manual check
SCREENSHOTS = ROOT / "results" / "browser"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
RUN_TIMEOUT_S = 600


def _missing(reason: str):
    """Skip visibly outside CI; fail under CI=true."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and {reason}: .ci/run must install it (apt-get install -y chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path or not Path(path).exists():
        _missing("no Chromium browser installed (Debian: apt-get install -y chromium; or set CHROMIUM=/path)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing("the Python package playwright is not installed")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _settings(settings_dir: Path) -> None:
    """JupyterLab user settings for an unattended run: every cell rendered (no windowing, so all outputs
    are in the page), no news or update checks."""
    files = {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                           "checkForUpdates": False},
    }
    for rel, value in files.items():
        p = settings_dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps(value), encoding="utf-8")


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1 with a token, serving a temporary copy of notebooks/ and
    data/seeds (so the notebook's relative default paths work and the repository is not touched)."""
    work = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", work / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(ROOT / "data" / "seeds", work / "data" / "seeds")
    home = work / ".jupyter-home"
    for sub in ("config", "data", "runtime", "settings", "workspaces"):
        (home / sub).mkdir(parents=True)
    _settings(home / "settings")
    token, port = secrets.token_hex(16), _free_port()
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),  # ignore the user's Jupyter configuration
        "JUPYTER_DATA_DIR": str(home / "data"),  # and the user's kernels: the venv's python3 is used
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }
    log = open(work / "jupyterlab.log", "wb")  # noqa: SIM115 - open while the server runs, closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.port_retries=0", "--allow-root", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {proc.returncode}: {(work / 'jupyterlab.log').read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("JupyterLab did not answer within 90 s; see " + str(work / "jupyterlab.log"))
            time.sleep(0.5)
        yield {"base": base, "token": token, "root": work, "log": work / "jupyterlab.log"}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


_PROMPTS_JS = "[...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(p => p.textContent)"


def _accept_kernel_dialog(page) -> None:
    """JupyterLab may ask which kernel to start for a notebook opened through its paired script;
    accept its proposal (the notebook's python3 kernel)."""
    try:
        page.wait_for_selector(".jp-Dialog", timeout=5_000)
    except Exception:  # noqa: BLE001 - no dialog: nothing to accept
        return
    page.click(".jp-Dialog .jp-mod-accept")
    page.wait_for_selector(".jp-Dialog", state="detached", timeout=10_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)


def run_all_cells_in_browser(chromium: str, lab: dict, notebook: str, screenshot: Path) -> dict:
    """Open ``notebooks/<notebook>`` in JupyterLab in headless Chromium, Run All Cells, wait until every
    code cell has run, save the notebook; returns what the page showed:
    ``{"cells", "images", "error_outputs", "error_texts", "saved": Path}``."""
    from playwright.sync_api import sync_playwright

    url = f"{lab['base']}/lab/tree/notebooks/{notebook}?token={lab['token']}"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url, wait_until="domcontentloaded", timeout=120_000)
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
            # the kernel must be up before Run All (else the first cells queue behind its start-up)
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
            _accept_kernel_dialog(page)
            page.click(".lm-MenuBar-itemLabel:text-is('Run')")
            page.click("li.lm-Menu-item[data-command='runmenu:run-all']")
            # Run All queues every cell ("[*]"); it is over when no cell is queued or running any more
            # (all numbered, or the rest reset to "[ ]" after an error).
            page.wait_for_function(f"() => {_PROMPTS_JS}.some(t => t.includes('*') || /\\d/.test(t))",
                                   timeout=60_000, polling=200)
            page.wait_for_function(f"() => !{_PROMPTS_JS}.some(t => t.includes('*'))",
                                   timeout=RUN_TIMEOUT_S * 1000, polling=500)
            page.keyboard.press("Control+s")
            page.wait_for_timeout(1500)
            images = page.locator(".jp-OutputArea-output img")
            n_images = images.count()
            errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
            error_texts = [t for t in errors.all_inner_texts() if "Traceback" in t or "Error" in t.split("\n")[0]]
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            if n_images:
                images.first.scroll_into_view_if_needed()
                page.wait_for_timeout(300)
            page.screenshot(path=str(screenshot))
            # Arabic tables (reporting.rtl_table, the keyword-in-context view) render right to left
            rtl = page.locator(".jp-OutputArea-output table[dir='rtl'], .jp-OutputArea-output [dir='rtl'] table")
            rtl_directions = rtl.evaluate_all("els => els.map(e => getComputedStyle(e).direction)")
            if rtl_directions:
                kwic = page.locator(".jp-OutputArea-output table.kwic")
                (kwic.first if kwic.count() else rtl.last).scroll_into_view_if_needed()
                page.wait_for_timeout(300)
                page.screenshot(path=str(screenshot.with_name(screenshot.stem + "_rtl.png")))
            n_cells = page.locator(".jp-Notebook .jp-CodeCell").count()
        finally:
            browser.close()
    return {"cells": n_cells, "images": n_images, "error_outputs": errors_count(lab["root"] / "notebooks" / notebook),
            "error_texts": error_texts, "saved": lab["root"] / "notebooks" / notebook,
            "rtl_tables": rtl_directions}


def errors_count(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error")


def test_actor_notebook_runs_in_jupyterlab_in_a_real_browser(chromium, jupyterlab):
    shot = SCREENSHOTS / f"{Path(NOTEBOOK).stem}.png"
    seen = run_all_cells_in_browser(chromium, jupyterlab, NOTEBOOK, shot)
    log = jupyterlab["log"].read_text(errors="replace")[-3000:]
    assert not seen["error_texts"], f"error output in the page: {seen['error_texts'][0][:1500]}"
    assert seen["error_outputs"] == 0, f"the saved notebook has error outputs; server log:\n{log}"
    assert seen["images"] >= 1, f"no image output appeared; server log:\n{log}"
    assert seen["rtl_tables"] and set(seen["rtl_tables"]) == {"rtl"}, "Arabic tables are not shown right to left"
    saved = nbformat.read(seen["saved"], as_version=4)
    code = [c for c in saved.cells if c.cell_type == "code"]
    assert code and all(c.execution_count is not None for c in code), "a code cell did not run"
    assert any("image/png" in o.get("data", {}) for c in code for o in c.outputs)
    assert shot.exists() and shot.stat().st_size > 10_000
