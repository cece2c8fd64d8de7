"""environment.yml (conda) and pyproject.toml (pip) must ask for the same runtime dependencies.

conda cannot be reached from the build machines, so the agreement is checked statically."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = {"pandas", "matplotlib", "arabic-reshaper", "python-bidi", "jupyterlab"}


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject() -> dict[str, str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return {_name(d): d for d in deps}


def _environment() -> tuple[dict[str, str], list[str]]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "conda-forge" in env["channels"]
    conda, pip = {}, []
    for d in env["dependencies"]:
        if isinstance(d, dict):
            pip.extend(d["pip"])
        else:
            conda[_name(d)] = d
    return conda, pip


def test_required_dependencies_are_declared():
    assert REQUIRED <= set(_pyproject())


def test_environment_matches_pyproject():
    conda, pip = _environment()
    declared = set(conda) | {_name(p) for p in pip if not p.startswith("-e")}
    assert set(_pyproject()) <= declared, f"missing from environment.yml: {set(_pyproject()) - declared}"
    assert declared - {"python", "pip"} <= set(_pyproject()), f"only in environment.yml: {declared - set(_pyproject()) - {'python', 'pip'}}"


def test_environment_pins_agree_and_installs_project():
    conda, pip = _environment()
    for name, req in _pyproject().items():
        spec = conda.get(name) or next(p for p in pip if _name(p) == name)
        assert spec.replace(" ", "") == req.replace(" ", ""), f"{name}: pyproject {req!r} vs environment.yml {spec!r}"
    assert "-e ." in pip
    assert conda["python"].startswith("python>=3.11")
