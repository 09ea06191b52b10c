"""Architecture rules: the domain stays free of Django, adapters stay thin."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "kwalibo"
DOMAIN_MODULES = sorted(SRC.glob("*/domain/**/*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_there_are_domain_modules() -> None:
    assert len(DOMAIN_MODULES) >= 4


@pytest.mark.parametrize("path", DOMAIN_MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_domain_modules_do_not_import_django_or_framework_code(path: Path) -> None:
    forbidden = {
        name
        for name in imported_modules(path)
        if name.split(".")[0] in {"django", "rest_framework", "drf_spectacular"}
        or (name.startswith("kwalibo.") and ".domain" not in name)
    }
    assert forbidden == set()


@pytest.mark.parametrize(
    "path",
    [p for p in DOMAIN_MODULES if p.name != "__init__.py"],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_domain_modules_state_their_rule_in_a_docstring(path: Path) -> None:
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
