"""The package's layout keeps its promises: dependencies point one way, modules stay small.

    cli → engine → pages → exports → text → programme
    engine → search → text → programme
    cli → importers → programme
    cli → history (what each publication changed, from git) → programme
    cli → repository (starting a conference, taking a newer Podium)
    text, exports, pages, search, engine → translations (Podium's words in the site's language)

Pages and exports are functions of the programme: they never import the engine
(what is made in which process, what `serve` keeps, MkDocs). MkDocs loads the hooks
file by its path, so it imports nothing of Podium's.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "podium"
# What each part may import from Podium, besides itself.
ALLOWED = {
    "programme": set(),
    "translations": set(),
    "text": {"programme", "translations"},
    "exports": {"programme", "text", "translations"},
    "pages": {"programme", "text", "exports", "translations"},
    "search": {"programme", "text", "translations"},
    "engine": {"programme", "text", "exports", "pages", "search", "translations"},
    "importers": {"programme"},
    "history": {"programme"},
    "repository": set(),
    "cli": {"programme", "text", "exports", "pages", "search", "engine", "importers", "repository", "translations", "history"},
}
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _part(module: Path) -> str:
    relative = module.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _podium_imports(module: Path) -> set[str]:
    """The parts of Podium (programme, pages...) that `module` imports, relative or absolute."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    package = module.relative_to(REPO).with_suffix("").parts[:-1]  # ("podium", "pages")
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name.split(".") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            target = base + (node.module.split(".") if node.module else [])
            # `from . import a, b` imports modules a and b of the package.
            names = [target + [alias.name] for alias in node.names] if not node.module else [target]
        else:
            continue
        for name in names:
            if name[0] == "podium" and len(name) > 1:
                imported.add(name[1])
    return imported


def test_every_module_belongs_to_a_known_part():
    unknown = {_part(m) for m in _modules()} - set(ALLOWED) - {"__init__"}
    assert not unknown, f"modules outside the layout: {unknown}"


def test_imports_point_one_way():
    wrong = {}
    for module in _modules():
        part = _part(module)
        if part != "__init__" and (imported := _podium_imports(module) - ALLOWED[part] - {part}):
            wrong[module.relative_to(PACKAGE).as_posix()] = sorted(imported)
    assert not wrong, f"imports against the layout: {wrong}"


def test_the_dependency_reader_sees_a_wrong_import(tmp_path, monkeypatch):
    fake = tmp_path / "podium" / "pages" / "bad.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("from ..engine import reuse\nfrom podium.engine.forking import cores\n", encoding="utf-8")
    monkeypatch.setattr("tests.unit.test_architecture.REPO", tmp_path)
    assert _podium_imports(fake) == {"engine"}


def test_pages_and_exports_never_import_the_engine():
    for part in ("pages", "exports", "search", "programme", "text"):
        for module in (PACKAGE / part).rglob("*.py"):
            assert "engine" not in _podium_imports(module), module


def test_the_mkdocs_hooks_import_nothing_of_podium():
    assert _podium_imports(PACKAGE / "engine" / "mkdocs_hooks.py") == set()
    text = (PACKAGE / "engine" / "mkdocs_hooks.py").read_text(encoding="utf-8")
    assert "from ." not in text and "import podium" not in text


def test_no_module_is_longer_than_400_lines():
    lines = {m.relative_to(PACKAGE).as_posix(): m.read_text(encoding="utf-8").count("\n") for m in _modules()}
    too_long = {name: count for name, count in lines.items() if count > MAX_LINES}
    assert not too_long, f"split these by what their parts do: {too_long}"


def test_tests_mirror_the_package():
    """Each part of the package has its folder of unit tests, named the same."""
    for part in ("programme", "text", "pages", "exports", "search", "engine", "importers"):
        assert (REPO / "tests" / "unit" / part).is_dir(), part
