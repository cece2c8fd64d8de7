#!/usr/bin/env bash
# Prove the reshaping fallback of analysis.plotting.core.arabic_text on matplotlib < 3.11.
#
# matplotlib 3.11+ shapes and orders Arabic itself (bundled libraqm); older versions need
# arabic-reshaper + python-bidi. The main environment (.venv) has 3.11, so this script builds a
# second environment, .venv-mpl310, pinned to `matplotlib<3.11`, installs the project into it and
# runs the plotting tests (tests/test_plotting*.py: the pixel tests on PNG, PDF and SVG included) there.
#
# Usage:   .ci/mpl310.sh [extra pytest args]
# Env:     PYTHON        interpreter used to create the venv (default: the one behind .venv, else python3)
#          MPL310_VENV   where to create it (default: <repo>/.venv-mpl310)
#          MPL310_FRESH  set to 1 to delete and recreate the venv
# Needs:   network access to PyPI on the first run (nothing from apt).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${MPL310_VENV:-$ROOT/.venv-mpl310}"
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x "$ROOT/.venv/bin/python" ]]; then
        # the base interpreter of .venv (a venv must not be created from inside another venv's python)
        PYTHON="$("$ROOT/.venv/bin/python" -c 'import sys; print(sys._base_executable)')"
    else
        PYTHON="python3"
    fi
fi

if [[ "${MPL310_FRESH:-0}" == "1" ]]; then
    rm -rf "$VENV"
fi

if [[ ! -x "$VENV/bin/python" ]]; then
    echo "mpl310: creating $VENV with $PYTHON"
    "$PYTHON" -m venv "$VENV"
fi

# (Re)install only when the project's metadata changed (or on the first run). The project comes with
# its declared dependencies; the pin keeps matplotlib on the 3.10 line.
STAMP="$VENV/.installed"
if [[ ! -f "$STAMP" || "$ROOT/pyproject.toml" -nt "$STAMP" ]]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet \
        "matplotlib<3.11" \
        "pytest>=8" "hypothesis>=6.90" "pypdfium2>=4.20" "resvg-py>=0.1" \
        -e "$ROOT"
    touch "$STAMP"
fi

MPL_VERSION="$("$VENV/bin/python" -c 'import matplotlib; print(matplotlib.__version__)')"
echo "mpl310: matplotlib $MPL_VERSION in $VENV"
case "$MPL_VERSION" in
    3.1[1-9]*|[4-9]*) echo "mpl310: expected matplotlib < 3.11, got $MPL_VERSION" >&2; exit 1 ;;
esac

cd "$ROOT"
# With a matplotlib >= 3.11 interpreter at hand, the tests also compare what the fallback draws for real
# titles with what native shaping draws (test_fallback_draws_real_titles_as_native_matplotlib_does).
if [[ -z "${MPL_NATIVE_PYTHON:-}" && -x "$ROOT/.venv/bin/python" ]]; then
    export MPL_NATIVE_PYTHON="$ROOT/.venv/bin/python"
fi
# -p no:cacheprovider: do not write .pytest_cache from this run.
# Every plotting test file (tests/test_plotting.py and the chart modules' tests/test_plotting_*.py).
exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider tests/test_plotting*.py "$@"
