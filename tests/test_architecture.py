"""The layering the README describes, read from the source: ui -> qa -> index, evaluation beside, no circles."""
from __future__ import annotations

import ast

from conftest import ROOT

PACKAGES = ("index", "qa", "ui", "evaluation")
# What each package may import of the project (lazy imports inside functions count too).
ALLOWED = {"index": {"index"}, "qa": {"qa", "index"}, "ui": {"ui", "qa", "evaluation"},
           "evaluation": {"evaluation", "qa", "index"}}


def _imports() -> dict[str, set[str]]:
    """Each project module ("qa.assistant") and the project modules it imports, wherever in the file."""
    found: dict[str, set[str]] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).glob("*.py")):
            module = f"{package}.{path.stem}"
            names: set[str] = set()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module:
                    names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
                elif isinstance(node, ast.Import):
                    names |= {alias.name for alias in node.names}
            found[module] = {name for name in names if name.split(".")[0] in PACKAGES}
    modules = set(found)
    # "from index import forms" names the module index.forms; "from index.forms import X" names index.forms
    return {module: {name if name in modules else name.rsplit(".", 1)[0] for name in names} & modules - {module}
            for module, names in found.items()}


def test_each_package_imports_only_the_layers_below_it():
    wrong = {module: sorted(name for name in names if name.split(".")[0] not in ALLOWED[module.split(".")[0]])
             for module, names in _imports().items()}
    assert {module: names for module, names in wrong.items() if names} == {}


def test_no_module_imports_itself_through_others():
    graph = _imports()

    def reaches(start: str) -> set[str]:
        seen, stack = set(), list(graph[start])
        while stack:
            module = stack.pop()
            if module not in seen:
                seen.add(module)
                stack.extend(graph[module])
        return seen

    assert sorted(module for module in graph if module in reaches(module)) == []
