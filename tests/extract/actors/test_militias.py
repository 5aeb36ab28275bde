"""Local People's Defense Force branches named from the text."""

from __future__ import annotations

import pytest

from frontlines.extract.actors.militias import named_militias


def _names(text: str) -> list[str]:
    return [actor.name for _span, actor in named_militias(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of the People's Defense Force - Kale ambushed a convoy.",
        "The Kale PDF ambushed a convoy.",
        "A joint force of PDF - Kalay and allies ambushed a convoy.",
        "Allies such as the People's Defense Force Kalay ambushed a convoy.",
    ],
)
def test_kale_branch_takes_acled_spelling(text: str) -> None:
    assert _names(text) == ["People's Defense Force - Kalay"]


def test_unit_words_after_the_force_name_no_town() -> None:
    assert _names("The People's Defense Force Battalion 4 raided a camp.") == []
