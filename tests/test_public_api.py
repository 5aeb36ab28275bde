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


def test_importing_does_not_load_models() -> None:
    import sys

    assert "spacy" not in sys.modules or "frontlines.geo.recognize" not in sys.modules
