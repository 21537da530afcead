"""The package's layout: feature folders on both floors, arrows pointing down, no circles.

Every import counts, wherever it stands (module level, inside a function, under
``TYPE_CHECKING``): a late import still ties two modules together. The rules:

* ``core`` is pure Python: it imports no Qt, ``gui``, ``settings`` or ``paths``.
  Its model and parser (``report``, ``source``, ``parse``, ``glossary``…; a new
  module in ``core/`` counts as one) import only each other; the feature folders
  ``search/``, ``annotations/`` and ``figures/`` build on the model and never import
  each other; ``library/`` (the shelf) builds on the model and search; ``promises/``
  on the model, figures and the shelf; ``printing`` and ``quoting`` build on the
  model and annotations.
* In ``gui``: ``common/`` imports only itself and the core; ``reader/`` only
  ``common/`` and the core; a feature folder (``contents/``, ``glossary/``…)
  never imports another feature or ``window/``; ``window/`` may use them all,
  and ``launch`` the window.
* No import circle anywhere.
* A folder's ``__init__.py`` holds one docstring saying what belongs there and
  nothing else (no re-exports: start-up loads only what the first paint needs),
  except two that must run code when the package is imported: the package's
  own (``__version__``) and ``gui``'s (the PySide6 work-around that has to come
  before any Qt object exists).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "haizhu_reader"
ROOT = "haizhu_reader"

QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
CORE_FEATURES = {"printing", "quoting"}  # the rest of core/*.py: model and parser
CORE_FOLDERS = {"search", "annotations", "figures", "library", "promises"}
GUI_FEATURES = {"contents", "glossary", "search", "annotations", "figures", "printing",
                "comfort", "help", "library"}  # fmt: skip
TOP_HELPERS = {"haizhu_reader", "haizhu_reader.resources"}  # version, bundled files
PROFILE = {"haizhu_reader.settings", "haizhu_reader.paths"}  # the user's profile (Qt-backed)
INIT_WITH_CODE = {"haizhu_reader", "haizhu_reader.gui"}


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(module: str, tree: ast.AST) -> Iterator[tuple[str, int]]:
    """(what is imported, line): an app module when the name is one, else the name."""
    is_package = MODULES[module].name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".")[: len(module.split(".")) - node.level + is_package]
                base = ".".join([*parts, *([base] if base else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield (full if full in MODULES else base), node.lineno


GRAPH = {m: list(_imports(m, ast.parse(p.read_text(encoding="utf-8")))) for m, p in MODULES.items()}


def _unit(module: str) -> str:
    """The layer a module belongs to, as the rules name it."""
    parts = module.split(".")
    if len(parts) > 2 and parts[1] == "core":
        sub = parts[2]
        return f"core.{sub}" if sub in {*CORE_FOLDERS, *CORE_FEATURES} else "core"
    if len(parts) == 2 and parts[1] == "core":
        return "core"
    if len(parts) > 2 and parts[1] == "gui":
        folder = parts[2]  # common, reader, window, launch, or a feature
        return f"gui.{folder}" if folder in GUI_FEATURES else folder
    return "top"  # the app, its profile and files, and the gui package's work-around


def _allowed(unit: str) -> set[str]:
    """The units a unit may import (its own always)."""
    core = {"core", *(f"core.{f}" for f in CORE_FOLDERS | CORE_FEATURES)}
    rules = {
        "core": {"core"},
        "core.search": {"core"},
        "core.annotations": {"core"},
        "core.library": {"core", "core.search"},
        "core.figures": {"core"},
        "core.promises": {"core", "core.figures", "core.library"},
        "core.printing": {"core", "core.annotations"},
        "core.quoting": {"core", "core.annotations"},
        "common": core,
        "reader": core | {"common"},
        **{f"gui.{f}": core | {"common", "reader"} for f in GUI_FEATURES},
        "window": core | {"common", "reader", *(f"gui.{f}" for f in GUI_FEATURES)},
    }
    if unit == "launch":
        return core | {"common", "window"}
    if unit == "top":
        return core | {"top", "launch"}
    return rules[unit] | {unit}


def _app_imports() -> Iterator[tuple[str, str, int]]:
    for module, imports in GRAPH.items():
        for name, line in imports:
            if name == ROOT or name.startswith(f"{ROOT}."):
                yield module, name, line


def _violations() -> list[str]:
    out = []
    for module, name, line in _app_imports():
        if name in TOP_HELPERS or name.rsplit(".", 1)[0] == module.rsplit(".", 1)[0] == ROOT:
            continue  # the version and bundled files; top-level modules use each other
        unit, target = _unit(module), _unit(name)
        if name in PROFILE:
            if unit.startswith("core") or unit in {"common", "reader"}:
                out.append(f"{module}:{line} imports {name} (the profile is the GUI's)")
            continue
        if target not in _allowed(unit):
            out.append(f"{module}:{line} ({unit}) imports {name} ({target})")
    return out


def test_the_rules_hold() -> None:
    assert _violations() == []


def _qt_in_core() -> list[str]:
    return [
        f"{module}:{line} imports {name}"
        for module, imports in GRAPH.items()
        if _unit(module).startswith("core")
        for name, line in imports
        if name.split(".")[0] in QT
    ]


def test_core_imports_no_qt() -> None:
    assert _qt_in_core() == []


def _circles() -> list[list[str]]:
    """The strongly connected groups of two or more modules (Tarjan), and self-imports."""
    edges = {m: {n for n, _ in imports if n in MODULES} for m, imports in GRAPH.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1 or v in edges[v]:
                out.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_circles() -> None:
    assert _circles() == []


def test_package_docstrings_say_what_belongs_there_and_nothing_else() -> None:
    for module, path in MODULES.items():
        if path.name != "__init__.py" or module in INIT_WITH_CODE:
            continue
        body = ast.parse(path.read_text(encoding="utf-8")).body
        assert len(body) == 1, f"{module}: only a docstring"
        doc = " ".join((ast.get_docstring(ast.parse(path.read_text("utf-8"))) or "").split())
        one_sentence = doc.endswith(".") and ". " not in doc
        assert one_sentence, f"{module}: one sentence about its folder"


# -- the checks can fail ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "name", "unit_of_module", "allowed"),
    [
        ("haizhu_reader.core.report", "haizhu_reader.core.search.searching", "core", False),
        ("haizhu_reader.core.search.store", "haizhu_reader.core.annotations.store",
         "core.search", False),
        ("haizhu_reader.core.annotations.export", "haizhu_reader.core.search.key",
         "core.annotations", False),
        ("haizhu_reader.core.search.searching", "haizhu_reader.core.figures.extract",
         "core.search", False),
        ("haizhu_reader.core.figures.table", "haizhu_reader.core.annotations.store",
         "core.figures", False),
        ("haizhu_reader.core.figures.plan", "haizhu_reader.core.report", "core.figures", True),
        ("haizhu_reader.gui.search.pane", "haizhu_reader.gui.annotations.session",
         "gui.search", False),
        ("haizhu_reader.gui.figures.pane", "haizhu_reader.gui.window.docks", "gui.figures", False),
        ("haizhu_reader.gui.reader.view", "haizhu_reader.gui.annotations.labels", "reader",
         False),
        ("haizhu_reader.gui.common.jobs", "haizhu_reader.gui.reader.view", "common", False),
        ("haizhu_reader.gui.window.docks", "haizhu_reader.gui.launch", "window", False),
        ("haizhu_reader.gui.search.pane", "haizhu_reader.gui.reader.typesetting", "gui.search",
         True),
        ("haizhu_reader.core.printing", "haizhu_reader.core.annotations.store", "core.printing",
         True),
        ("haizhu_reader.core.promises.pairing", "haizhu_reader.core.figures.extract",
         "core.promises", True),
        ("haizhu_reader.core.promises.export", "haizhu_reader.core.annotations.word",
         "core.promises", False),
        ("haizhu_reader.core.figures.table", "haizhu_reader.core.promises.names", "core.figures",
         False),
        ("haizhu_reader.core.library.searching", "haizhu_reader.core.search.query",
         "core.library", True),
        ("haizhu_reader.core.search.searching", "haizhu_reader.core.library.store",
         "core.search", False),
        ("haizhu_reader.gui.library.pane", "haizhu_reader.gui.search.results", "gui.library",
         False),
    ],
)  # fmt: skip
def test_the_rules_tell_down_from_up_and_across(
    module: str, name: str, unit_of_module: str, allowed: bool
) -> None:
    assert _unit(module) == unit_of_module
    assert (_unit(name) in _allowed(unit_of_module)) is allowed


def test_a_circle_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = "haizhu_reader.gui.reader.view", "haizhu_reader.gui.reader.layers"
    assert b in [n for n, _ in GRAPH[a]]  # the view imports its layers
    monkeypatch.setitem(GRAPH, b, [*GRAPH[b], (a, 1)])  # as the layers once imported the view
    assert any(a in group and b in group for group in _circles())


def test_a_late_import_counts_too(monkeypatch: pytest.MonkeyPatch) -> None:
    source = "def f():\n    from PySide6.QtCore import QObject\n"
    module = "haizhu_reader.core.text"
    monkeypatch.setitem(GRAPH, module, list(_imports(module, ast.parse(source))))
    assert _qt_in_core() == [f"{module}:2 imports PySide6.QtCore"]


def test_a_feature_importing_another_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    module = "haizhu_reader.gui.search.pane"
    added = ("haizhu_reader.gui.annotations.session", 7)
    monkeypatch.setitem(GRAPH, module, [*GRAPH[module], added])
    assert _violations() == [f"{module}:7 (gui.search) imports {added[0]} (gui.annotations)"]
