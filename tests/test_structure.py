"""The package stays readable: no import cycle, every module importable alone, nothing too big.

Limits: a module of at most 400 lines, a class of at most 200, a function body of at most 60;
every module opens with a docstring saying its one job.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "aligner"
MAX_MODULE_LINES, MAX_CLASS_LINES, MAX_FUNCTION_LINES = 400, 200, 60


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imported(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Modules of the package that ``module`` imports anywhere (at the top or inside a function),
    except under ``if TYPE_CHECKING``, which only type checkers read."""
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if _is_type_checking(node):
            continue
        stack.extend(ast.iter_child_nodes(node))
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = module.split(".") if is_package else module.split(".")[:-1]
            if node.level:
                base = base[:len(base) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            found.add(prefix)
            found.update(f"{prefix}.{alias.name}" for alias in node.names)
    return {name for name in found if name in MODULES and name != module}


def _graph() -> dict[str, set[str]]:
    return {name: _imported(ast.parse(path.read_text(encoding="utf-8")), name, path.name == "__init__.py")
            for name, path in MODULES.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of the graph, or None (a depth-first search for a back edge). A package
    importing its own modules (``__init__`` re-exporting) is not a cycle unless they import it."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        state[node] = 2
        path.pop()
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def _without_parent_packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Leave out a module's import of a package that contains it: importing ``aligner.align.x``
    runs ``aligner.align/__init__`` first anyway, and that is not a cycle of the design."""
    return {name: {other for other in targets if not name.startswith(other + ".")} for name, targets in graph.items()}


def test_the_package_has_no_import_cycle():
    assert _cycle(_without_parent_packages(_graph())) is None


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_imports_alone(module):
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True,
                          cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stderr


def _spans(tree: ast.AST) -> list[tuple[str, str, int]]:
    """(kind, name, lines) of every class and of every function's body."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            found.append(("class", node.name, node.end_lineno - node.lineno + 1))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.append(("function", node.name, node.end_lineno - node.body[0].lineno + 1))
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_classes_and_functions_stay_small(module):
    text = MODULES[module].read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES
    tree = ast.parse(text)
    limits = {"class": MAX_CLASS_LINES, "function": MAX_FUNCTION_LINES}
    too_big = [(kind, name, lines) for kind, name, lines in _spans(tree) if lines > limits[kind]]
    assert not too_big


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_says_its_job(module):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{module} has no docstring"
