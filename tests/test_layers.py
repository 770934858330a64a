"""The package's layers, read from its own imports: lang/ at the bottom, no stage
importing a later stage, no import cycle between modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "consistency"

#: Lower rank = lower layer. A module may import its own rank or lower ones only.
RANKS = {
    "lang": 0,
    "tables": 1,
    "exitcodes": 1,
    "cache": 1,
    "live": 1,
    "ingest": 2,
    "nlp": 2,
    "anchor": 3,
    "stories": 3,
    "parsed": 4,
    "draft": 4,
    "extract": 5,
    "normalize": 6,
    "matcher": 6,
    "propagate": 6,
    "join": 7,
    "checks": 8,
    "config": 9,
    "work": 9,
    "engine": 10,
    "pipeline": 10,
    "report": 11,
    "baseline": 12,
    "guard": 12,  # interrupts and unexpected errors as one line and an exit code
    "cli": 13,
    "__main__": 14,
    "launch": 14,
    "api": 12,  # the Python API over the pipeline and reports
    "__init__": 12,  # the package root: the Python API over the pipeline and reports
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


ALL_NAMES = {_module_name(p) for p in PACKAGE.rglob("*.py")}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = (
        _module_name(path) if path.name == "__init__.py" else _module_name(path).rsplit(".", 1)[0]
    )
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("consistency")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module.startswith("consistency"):
                submodules = {f"{module}.{a.name}" for a in node.names}
                found |= submodules & ALL_NAMES
                if submodules - ALL_NAMES:  # names defined in the module itself
                    found.add(module)
    return found


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {name: {m for m in _imports(path) if m in MODULES} for name, path in MODULES.items()}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_later_layer(module: str) -> None:
    rank = RANKS[_layer(module)]
    later = sorted(m for m in GRAPH[module] if RANKS[_layer(m)] > rank)
    assert not later, f"{module} (layer {_layer(module)}) imports later layers: {later}"


def test_lang_imports_nothing_but_lang() -> None:
    for module, imported in GRAPH.items():
        if _layer(module) == "lang":
            assert {_layer(m) for m in imported} <= {"lang"}, module


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])


def test_every_layer_has_a_rank() -> None:
    assert {_layer(m) for m in MODULES} <= set(RANKS)
