"""The builder is pure Python: importing it loads nothing from Django."""

import ast
import subprocess
import sys


def django_modules_loaded_by(module: str) -> list[str]:
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.startswith('django')))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return ast.literal_eval(result.stdout)


def test_the_builder_imports_nothing_from_django():
    assert django_modules_loaded_by("plans.builder") == []


def test_the_check_sees_django_where_it_is_imported():
    assert "django.db" in django_modules_loaded_by("django.db.models")
