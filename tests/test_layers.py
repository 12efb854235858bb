"""The house keeps its layers: every import of pipeline/ points down, and nothing imports in a loop.

Every import is read from the source (module level, inside functions, under TYPE_CHECKING).
A unit is a top-level module or package of pipeline/; each has a rank, and a unit may import
only units of a lower rank (and modules of its own unit, without a cycle between them).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"

# bottom to top; the README's "How the code is laid out" names the same layers
RANKS = {
    # 1 text primitives (no spaCy)
    "text": 1, "paths": 1, "errors": 1, "limits": 1,
    # 2 lexicons: the data files and their accessors; the Persian check reads two of them
    "lexicons": 2, "langcheck": 3,
    # 3 normalize and layout
    "normalize": 4,
    # 4 nlp: tokenizer, sentences, gazetteer feature, Doc extensions
    "nlp": 5,
    # 5 extract, then the components registered over it and the Language built from them
    "extract": 6, "components": 7, "analysis": 8,
    # 6 records, readers/writers, core, batch, and what evaluate and train share
    "records": 9, "readers": 9, "writers": 10, "display": 10, "view": 10, "stats": 11, "corpora": 11, "core": 11,
    "batch": 12, "report": 12,
    # 7 evaluate, train and the command line on top
    "evaluate": 13, "train": 14, "cli": 15, "__main__": 16,
}
RUNTIME_NEVER_IMPORTS = {"evaluate", "train", "cli", "__main__"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports(module: str) -> set[str]:
    """The pipeline modules ``module`` imports (``from P import N`` names P.N when it is a module)."""
    path = MODULES[module]
    here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(here[: len(here) - node.level + 1] + ([base] if base else []))
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module and name != "pipeline" and not module.startswith(name + "."):
                found.add(name)
    return found


GRAPH = {m: imports(m) for m in MODULES}


def test_every_unit_has_a_layer():
    assert {unit(m) for m in MODULES} - {""} <= set(RANKS), "add the new unit to RANKS"


def test_imports_point_down():
    upward = [
        f"{m} -> {t}" for m, targets in GRAPH.items() for t in targets
        if unit(m) and unit(m) != unit(t) and RANKS[unit(t)] >= RANKS[unit(m)]
    ]
    assert upward == []


def test_runtime_never_imports_train_evaluate_or_cli():
    bad = [f"{m} -> {t}" for m, targets in GRAPH.items() for t in targets
           if unit(m) not in RUNTIME_NEVER_IMPORTS and unit(t) in RUNTIME_NEVER_IMPORTS]
    assert bad == []


def test_no_import_cycle_between_modules():
    cycles, state = [], {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in GRAPH.get(module, ()):
            if state.get(target) == "open":
                cycles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in GRAPH:
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_a_leaf_module_does_not_load_spacy():
    import subprocess
    import sys

    code = "import sys, pipeline.limits, pipeline.normalize, pipeline.readers; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
