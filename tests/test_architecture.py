"""The apps import downwards: core at the bottom, libraries above it, feature apps above those.

Read from the source with ``ast``, so every import counts, also those inside functions.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "core",
    "libraries",
    "documents",
    "events",
    "movement",
    "partnerships",
    "news",
    "opendata",
    "home",
    "search",
    "reader",
    "localization",
]


def _modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def _imported_apps(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {name.split(".")[0] for name in names} & set(APPS)
    return found


def import_graph():
    """app → {(imported app, file)} for every import of another project app."""
    graph = {app: set() for app in APPS}
    for app in APPS:
        for path in _modules(app):
            for other in _imported_apps(path) - {app}:
                graph[app].add((other, str(path.relative_to(ROOT))))
    return graph


def find_cycle(edges):
    """A cycle in the app graph as a list of apps, or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(edges):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_find_cycle_sees_a_cycle_and_its_absence():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_import_cycle_between_apps():
    graph = import_graph()
    edges = {app: {other for other, _path in imports} for app, imports in graph.items()}
    cycle = find_cycle(edges)
    if cycle:
        pairs = list(zip(cycle, cycle[1:], strict=False))
        where = [sorted(path for other, path in graph[a] if other == b) for a, b in pairs]
        pytest.fail(f"import cycle {' → '.join(cycle)}: {where}")


def test_core_imports_no_other_app():
    assert not import_graph()["core"]


def test_cms_holds_only_settings_urls_and_wsgi():
    names = {path.relative_to(ROOT / "cms").parts[0] for path in (ROOT / "cms").rglob("*.py")}
    assert names <= {"__init__.py", "settings", "urls.py", "wsgi.py"}


@pytest.mark.parametrize("app", APPS)
def test_no_model_lookup_by_name_for_the_projects_own_models(app):
    offenders = []
    for path in _modules(app):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "get_model"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and str(node.args[0].value).split(".")[0] in APPS
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders
