"""The public API is explicit and pinned: changing it is a deliberate act."""

import frontlines

EXPECTED = {
    "Actor", "Analysis", "BatchReport", "Comment", "ControlClaim", "Document", "Event",
    "Frontlines", "FrontlinesError", "ItemResult", "Mention", "Pipeline", "Place", "Settings",
    "Span", "__version__",
}  # fmt: skip


def test_all_is_pinned() -> None:
    assert set(frontlines.__all__) == EXPECTED


def test_every_name_in_all_exists() -> None:
    for name in frontlines.__all__:
        assert hasattr(frontlines, name), name


def test_importing_does_not_load_models_or_open_files() -> None:
    import subprocess
    import sys

    code = (
        "import sys, frontlines; fl = frontlines.Frontlines();"
        "print(sorted(m for m in ('spacy', 'trafilatura', 'frontlines.geo', 'sqlite3') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
