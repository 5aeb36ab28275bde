"""The full-size static map: formats, the holders' colours and the legend in the image."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from matplotlib.image import imread
from shapely.geometry import box

from frontlines.basemap import MemoryOutlines, find_province
from frontlines.control.areas import control_areas
from frontlines.control.periods import ControlPeriod
from frontlines.errors import ConfigError
from frontlines.publish.fullmap import MapSheet, render_full_map
from frontlines.publish.fullmap_sheet import events_in
from frontlines.publish.holder_colours import holder_colour
from frontlines.records import Event, Span

GOV = "Military Forces of Syria (2000-)"
SDF = "SDF: Syrian Democratic Forces"


def _periods() -> list[ControlPeriod]:
    rows = []
    for i in range(8):
        holder = GOV if i < 4 else SDF
        rows.append(ControlPeriod(f"p{i}", f"P{i}", holder, "2018-01-01", "", 0.5, False, [],
                                  35.3 + (i % 2) * 0.15, 39.6 + (i // 2) * 0.15, "SY"))  # fmt: skip
    return rows


def _sheet() -> MapSheet:
    outlines = MemoryOutlines({"SY": box(35.6, 32.3, 42.4, 37.3)})
    areas = control_areas(_periods(), "2018-05-01", outlines=outlines)
    event = Event("Battles", "Armed clash", GOV, evidence=Span(0, 4, "Text"), event_date="2018-04-28",
                  latitude=35.4, longitude=39.9, fatalities=4, fatalities_known=True)  # fmt: skip
    return MapSheet(at="2018-05-01", extent=(39.2, 34.9, 40.6, 35.9), areas=areas,
                    events=[event], outlines=outlines, title="Test map")  # fmt: skip


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)


def _share_near(image: np.ndarray, colour: np.ndarray, alpha: float) -> float:
    """Share of pixels showing ``colour`` laid at ``alpha`` over the land colour."""
    land = _rgb("#f4f1e8")
    expected = alpha * colour + (1 - alpha) * land
    pixels = image[..., :3].reshape(-1, 3) * 255
    return float((np.abs(pixels - expected).max(axis=1) < 12).mean())


def test_png_shows_both_holders_colours_and_a_legend(tmp_path: Path) -> None:
    path = tmp_path / "map.png"
    render_full_map(_sheet(), path, size="a4", dpi=60)
    image = imread(path)
    assert _share_near(image, _rgb(holder_colour(GOV)), 0.45) > 0.01
    assert _share_near(image, _rgb(holder_colour(SDF)), 0.45) > 0.01
    # the legend column (right quarter) has the holders' swatches (alpha 0.6)
    legend = image[:, int(image.shape[1] * 0.76) :]
    assert _share_near(legend, _rgb(holder_colour(GOV)), 0.6) > 0.0005
    assert _share_near(legend, _rgb(holder_colour(SDF)), 0.6) > 0.0005


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_vector_formats_carry_the_legend_text(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"map.{fmt}"
    render_full_map(_sheet(), path, fmt=fmt, size="a4", dpi=72)
    data = path.read_bytes()
    assert len(data) > 1000
    if fmt == "svg":
        text = data.decode("utf-8")
        assert "front line" in text and "Battles (1)" in text and "Test map" in text


def test_unknown_format_or_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="png, svg, pdf"):
        render_full_map(_sheet(), tmp_path / "x.gif", fmt="gif")
    with pytest.raises(ConfigError, match="a3"):
        render_full_map(_sheet(), tmp_path / "x.png", size="poster")


def test_a_province_selects_by_its_outline_not_its_box() -> None:
    province = find_province("Deir ez-Zor")
    assert province is not None and province.country == "SY"
    bbox = province.geometry.bounds
    near = dict(evidence=Span(0, 1, "x"), event_date="2018-05-01")
    mayadin = Event("Battles", "Armed clash", GOV, latitude=35.02, longitude=40.45, **near)  # type: ignore[arg-type]
    homs = Event("Battles", "Armed clash", GOV, latitude=34.0, longitude=39.5, **near)  # type: ignore[arg-type]
    day = dt.date(2018, 5, 1)
    in_box = events_in([mayadin, homs], day, day, bbox, None)
    in_outline = events_in([mayadin, homs], day, day, bbox, province.geometry)
    assert homs in in_box  # Homs's desert is inside Deir ez-Zor's bounding box
    assert in_outline == [mayadin]
