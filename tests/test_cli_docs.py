"""The CLI reference cannot drift from the real commands."""

from pathlib import Path

from frontlines.cli_docs import render

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run `.venv/bin/python -m frontlines.cli_docs > docs/cli.md`"
    )
