"""ACLED coders' remarks are removed with --strip-remarks, and only they."""

from __future__ import annotations

import pytest

from frontlines.evaluation.remarks import strip_coder_remarks


@pytest.mark.parametrize(
    ("note", "clean"),
    [
        ("Dock workers rallied at the port gate. [size=a few dozen]",
         "Dock workers rallied at the port gate."),
        ("Gunmen abducted two herders near Lowtown (coded to Hightown (Rivers)) at night.",
         "Gunmen abducted two herders near Lowtown at night."),
        ("Armed men (coded as Blue Front) raided a depot [coded separately].",
         "Armed men raided a depot."),
        ("Displacement: On 2 May 2022, families fled the valley.",
         "On 2 May 2022, families fled the valley."),
        ("A girl was assaulted in Eastville. [women targeted: girls]",
         "A girl was assaulted in Eastville."),
    ],
)  # fmt: skip
def test_remarks_are_removed(note: str, clean: str) -> None:
    assert strip_coder_remarks(note) == clean


def test_reporting_is_left_alone() -> None:
    note = "On 3 May 2022, in Southport (Coast province), police said: two shops burned."
    assert strip_coder_remarks(note) == note
