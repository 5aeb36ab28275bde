"""Admin codes for points that come without them (frontlines.geo.neighbours)."""

from __future__ import annotations

from frontlines.geo.neighbours import with_admins
from frontlines.geo.sources import Entry
from frontlines.records import Place


def _entry(id_: str, lat: float, lon: float, country: str, admin1: str = "") -> Entry:
    place = Place(id_, id_, lat, lon, "P.PPL", country, admin1, admin2="7" if admin1 else "")
    return Entry(place, [id_])


TOWNS = [
    _entry("Qarvan", 34.60, 38.30, "SY", "12"),
    _entry("Dibra", 34.90, 38.60, "SY", "09"),
    _entry("Salif", 34.62, 38.33, "IQ", "03"),  # a town across the border, nearer still
]


def test_a_point_takes_the_admin_codes_of_its_countrys_nearest_town() -> None:
    (point,) = with_admins([_entry("Wadi point", 34.63, 38.34, "SY")], TOWNS)
    assert (point.place.admin1, point.place.admin2) == ("12", "7")


def test_a_point_far_from_every_town_takes_the_province_only() -> None:
    far, coded, abroad = with_admins(
        [_entry("Desert well", 33.50, 40.50, "SY"), _entry("Kept", 34.61, 38.31, "SY", "05"),
         _entry("Island", 10.0, 10.0, "ZZ")],
        TOWNS,
    )  # fmt: skip
    assert (far.place.admin1, far.place.admin2) == ("09", "")  # Dibra is the nearest
    assert coded.place.admin1 == "05"
    assert abroad.place.admin1 == ""  # no town of its country at all
