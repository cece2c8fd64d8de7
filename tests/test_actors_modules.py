"""The layering of the actor matcher's modules: each imports only from the layers below it."""
from __future__ import annotations

import ast
from pathlib import Path

import analysis.actors

PACKAGE = Path(analysis.actors.__file__).parent
# bottom to top: the second passes and word lists, then the matcher's own modules in the order they build on each other
LAYERS = [("rules", "codebook", "names", "teams", "references", "tagger"), ("fields",), ("head_nouns",), ("persons",),
          ("ambiguous",), ("resolve",), ("matcher",), ("counts",)]


def actor_imports(module: str) -> set[str]:
    """The ``analysis.actors`` modules that ``module`` imports (anywhere in it, functions included)."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("analysis.actors."):
                out.add(node.module.split(".")[2])
            elif node.module == "analysis.actors":
                out.update(a.name for a in node.names if (PACKAGE / f"{a.name}.py").exists())
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[2] for a in node.names if a.name.startswith("analysis.actors."))
    return out - {module}


def test_every_actor_module_is_in_a_layer():
    listed = {m for layer in LAYERS for m in layer}
    assert {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"} == listed


def test_matcher_modules_import_only_from_the_layers_below():
    below: set[str] = set()
    for layer in LAYERS:
        for module in layer:
            if module in LAYERS[0]:  # the bottom layer's modules may use one another (not the matcher's)
                assert not actor_imports(module) - set(LAYERS[0]), module
            else:
                assert actor_imports(module) <= below, (module, actor_imports(module) - below)
        below |= set(layer)
