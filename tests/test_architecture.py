"""The package's layers, as docs/architecture.md draws them, hold in the code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kcn_tracker"
# Lower layers never import higher ones; a layer may import itself and anything below.
LAYERS = {
    "text": 0,
    "errors": 1, "findings": 1, "project": 1, "writes": 1,
    "plans": 2,
    "progress": 3, "extract": 3,
    "check": 4,
    "report": 5, "edit": 5, "draft": 5,
    "cli": 6, "__main__": 7,
}
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


def _part(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _imported(path: Path) -> list[tuple[int, str]]:
    """Every kcn_tracker module ``path`` imports, at any depth (lazy imports too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}:{node.lineno}: a relative import; write kcn_tracker.…")
        names = ([node.module] if isinstance(node, ast.ImportFrom) and node.module
                 else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
        for name in names:
            parts = name.split(".")
            if parts[0] == "kcn_tracker" and len(parts) > 1:
                found.append((node.lineno, parts[1]))
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_flow_down_the_layers(path):
    own = _part(path)
    upward = [f"line {line}: {own} (layer {LAYERS[own]}) imports {target} (layer "
              f"{LAYERS[target]})" for line, target in _imported(path)
              if target in LAYERS and target != own and LAYERS[target] >= LAYERS[own]
              and not (LAYERS[own] == 1 and LAYERS[target] == 1)]
    assert not upward, upward


def test_every_package_has_its_layer():
    tops = {_part(p) for p in _modules()}
    assert tops <= set(LAYERS) | {"__init__"}, tops - set(LAYERS)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_only_the_cli_imports_typer():
    users = [p for p in _modules() if "import typer" in p.read_text(encoding="utf-8")
             or "from typer" in p.read_text(encoding="utf-8")]
    assert users and all(_part(p) == "cli" for p in users), users


def test_a_second_check_in_one_process_sees_a_changed_document(project):
    """The documents read by one run are not reused by the next."""
    from kcn_tracker.check.run import check_paths

    plan = project / "plans" / "bac-kan.toml"
    assert not check_paths([plan]).failed(strict=False)
    document = next((project / "seeds").glob("003_*.txt"))
    document.write_text("Văn bản đã được thay bằng một văn bản khác hẳn.\n", encoding="utf-8")
    second = check_paths([plan])
    assert {f.problem.code for f in second.findings} >= {"KCN203"}
