"""Record helpers."""

from __future__ import annotations

import dataclasses

from frontlines.records import Place


def test_place_to_dict_is_asdict_in_field_order() -> None:
    place = Place("gn:1", "Kobani", 36.89, 38.35, "P.PPL", "SY", "13", "", 44821, None, "wp")
    found = place.to_dict()
    assert found == dataclasses.asdict(place)
    assert list(found) == [f.name for f in dataclasses.fields(Place)]
