"""A QGIS layer style (``.qml``) for the events layer: circles coloured by event type.

QGIS loads ``events.qml`` from beside ``events.gpkg`` through Layer Properties > Style >
Load Style (and applies it by default to a layer file of the same name). The categories and
colours are the map app's (:data:`frontlines.publish.map.TYPE_COLORS`); any other type is grey.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

from .map import OTHER_COLOR, TYPE_COLORS

__all__ = ["qml_style", "write_qml"]

QGIS_VERSION = "3.28.0"


def _rgba(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"{red},{green},{blue},255"


def _symbol(parent: ET.Element, name: str, colour: str) -> None:
    symbol = ET.SubElement(parent, "symbol", type="marker", name=name, alpha="1",
                           clip_to_extent="1", force_rhr="0")  # fmt: skip
    attrs = {"class": "SimpleMarker", "enabled": "1", "pass": "0", "locked": "0"}
    layer = ET.SubElement(symbol, "layer", attrs)
    values = {
        "color": _rgba(colour), "name": "circle", "outline_color": "34,34,34,255",
        "outline_style": "solid", "outline_width": "0.3", "outline_width_unit": "MM",
        "size": "2.8", "size_unit": "MM",
    }  # fmt: skip
    options = ET.SubElement(layer, "Option", type="Map")
    for key, value in values.items():
        ET.SubElement(options, "Option", name=key, type="QString", value=value)
    for key, value in values.items():  # QGIS before 3.26 reads <prop>
        ET.SubElement(layer, "prop", k=key, v=value)


def qml_style(
    colours: Mapping[str, str] = TYPE_COLORS, other: str = OTHER_COLOR, field: str = "event_type"
) -> ET.ElementTree:
    """The style document: a categorized renderer on ``field`` with one circle per category."""
    root = ET.Element("qgis", version=QGIS_VERSION, styleCategories="Symbology")
    renderer = ET.SubElement(root, "renderer-v2", type="categorizedSymbol", attr=field,
                             symbollevels="0", enableorderby="0", forceraster="0")  # fmt: skip
    categories = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    for index, (value, colour) in enumerate([*colours.items(), ("", other)]):
        ET.SubElement(categories, "category", render="true", symbol=str(index), value=value,
                      label=value or "other", type="string")  # fmt: skip
        _symbol(symbols, str(index), colour)
    ET.SubElement(root, "layerGeometryType").text = "0"  # points
    return ET.ElementTree(root)


def write_qml(path: str | Path) -> Path:
    """Write the events style to ``path`` (``.qml``) and return it."""
    target = Path(path)
    tree = qml_style()
    ET.indent(tree, space=" ")
    with target.open("w", encoding="utf-8") as fp:
        fp.write("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n")
        tree.write(fp, encoding="unicode")
        fp.write("\n")
    return target
