"""What the code knows about English words lives in consistency/lang/data: no module
outside lang/ spells out a word table of its own.

A word table, read from the code's syntax tree, is a literal of more than
``MAX_ENTRIES`` string entries: a list, tuple or set of string constants; a dict
whose string keys map to constants (a number, a string, a tuple of them); or a
string constant split into words (``"a b c".split()``). Small closed sets that the
code branches on (dependency labels, a handful of prepositions) stay where they
are read. Regular expressions keep their own alternations: they are patterns, and
those built from a word list are built from the data.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "consistency"
MAX_ENTRIES = 8

#: (module, owner: the name the literal is bound to) → why it stays.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("tables.py", "FACT_KINDS"): "the kinds of fact: labels the code and the schema use",
    ("tables.py", "FACT_DETAIL"): "the declared keys of the detail column and what each means",
    ("extract/numbers/patterns.py", "NEVER"): "regular expressions, not words",
    ("matcher.py", "WEIGHTS"): "the weights of the evidence: numbers, not words",
    ("extract/claims/common.py", "noun_phrase.keep"): "spaCy dependency labels",
    ("report/docs.py", "audit_files.lines"): "the lines of a generated documentation page",
}


def _constant(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Tuple):
        return all(_constant(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.BinOp):
        return _constant(node.left) and _constant(node.right)
    return False


def _is_str(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def entries(node: ast.AST) -> int:
    """How many string entries a literal holds when it is a word table, else 0."""
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return len(node.elts) if node.elts and all(_is_str(e) for e in node.elts) else 0
    if isinstance(node, ast.Dict):
        table = all(_is_str(k) for k in node.keys) and all(_constant(v) for v in node.values)
        return len(node.keys) if node.keys and table else 0
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and not node.args
    ):
        try:
            text = ast.literal_eval(node.func.value)
        except ValueError:
            return 0
        return len(text.split()) if isinstance(text, str) else 0
    return 0


def tables(tree: ast.AST) -> Iterator[tuple[str, int, int]]:
    """(owner, line, entries) of each word table: the owner is the name the literal is
    bound to, prefixed with the function or class holding it ("noun_phrase.keep")."""

    def walk(node: ast.AST, scope: str, owner: str) -> Iterator[tuple[str, int, int]]:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            scope = owner = scope + node.name + "."
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            owner = scope + node.targets[0].id
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            owner = scope + node.target.id
        count = entries(node)
        if count > MAX_ENTRIES:
            yield owner.rstrip("."), getattr(node, "lineno", 0), count
            return
        for child in ast.iter_child_nodes(node):
            yield from walk(child, scope, owner)

    yield from walk(tree, "", "<module>")


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] != "lang")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_word_table_outside_lang(path: Path) -> None:
    module = path.relative_to(PACKAGE).as_posix()
    found = [
        f"{owner} (line {line}, {count} entries)"
        for owner, line, count in tables(ast.parse(path.read_text(encoding="utf-8")))
        if (module, owner) not in EXCEPTIONS
    ]
    assert not found, f"{module}: word tables belong in consistency/lang/data: {found}"


def test_every_exception_is_still_there() -> None:
    present = {
        (path.relative_to(PACKAGE).as_posix(), owner)
        for path in MODULES
        for owner, _, _ in tables(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert set(EXCEPTIONS) <= present


@pytest.mark.parametrize(
    "source",
    [
        "WORDS = frozenset({'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'})",
        "UNITS = {'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5, 'six': 6, "
        "'seven': 7, 'eight': 8, 'nine': 9}",
        "PAIRS = {'a': (1, 'x'), 'b': (2, 'x'), 'c': (3, 'x'), 'd': (4, 'x'), 'e': (5, 'x'), "
        "'f': (6, 'x'), 'g': (7, 'x'), 'h': (8, 'x'), 'i': (9, 'x')}",
        "def f():\n    return 'a b c d e f g h i'.split()",
        "TABLE = {w: i for i, w in enumerate(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'])}",
    ],
)
def test_the_rule_finds_word_tables(source: str) -> None:
    assert [count for _, _, count in tables(ast.parse(source))] == [9]


@pytest.mark.parametrize(
    "source",
    [
        "SMALL = frozenset({'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'})",
        "ROW = {'a': x, 'b': y, 'c': z, 'd': 1, 'e': 2, 'f': 3, 'g': 4, 'h': 5, 'i': 6}",
        "NUMBERS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)",
    ],
)
def test_the_rule_leaves_other_literals(source: str) -> None:
    assert list(tables(ast.parse(source))) == []
