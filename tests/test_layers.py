"""The layers depend downward only (README, Layout): the import-linter contract in pyproject.toml holds it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "newsroom",
    "audit",
    "accounts",
    "organizations",
    "articles",
    "comments",
    "documents",
    "statutory",
    "reporting",
    "api",
    "demo",
]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(cwd):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_tree_keeps_the_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    "module, planted, broken",
    [
        ("newsroom/text.py", "import audit.models", "newsroom.text -> audit.models"),
        ("audit/models.py", "import organizations.models", "audit.models -> organizations.models"),
        ("audit/models.py", "import accounts.services", "audit.models -> accounts.services"),
        ("accounts/views.py", "import organizations.models", "accounts.views -> organizations.models"),
        ("organizations/models.py", "from articles.models import Article", "organizations.models -> articles.models"),
        ("articles/views.py", "import demo", "articles.views -> demo"),
        ("articles/models.py", "import comments.models", "articles.models -> comments.models"),
        ("comments/views.py", "import api.views", "comments.views -> api.views"),
        ("articles/models.py", "import documents.models", "articles.models -> documents.models"),
        ("documents/views.py", "import statutory.models", "documents.views -> statutory.models"),
        ("statutory/views.py", "import demo", "statutory.views -> demo"),
        ("articles/views.py", "import reporting.models", "articles.views -> reporting.models"),
        ("reporting/models.py", "import demo", "reporting.models -> demo"),
        ("reporting/models.py", "import comments.models", "reporting.models -> comments.models"),
    ],
)
def test_a_planted_back_import_breaks_the_contract(tmp_path, module, planted, broken):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with open(tmp_path / module, "a", encoding="utf-8") as source:
        source.write(f"\n{planted}  # planted by the test\n")

    result = lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 broken" in result.stdout
    assert broken in result.stdout
