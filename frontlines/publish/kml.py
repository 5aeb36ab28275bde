"""Events as KML 2.2 (Google Earth, QGIS, GDAL), written with ``xml.etree``.

One ``Placemark`` per event: ``name`` (sub-event type and location), ``description``
(plain escaped text: the evidence sentence, the actors, the source; no CDATA, no markup
from page text), ``TimeStamp/when`` (``YYYY-MM-DD``, left out when the date is unknown),
``ExtendedData`` with the attribute columns of :data:`frontlines.publish.gpkg.EVENT_FIELDS`
(a column whose value is None is left out) and a ``Point`` (``lon,lat``) when the event
has coordinates. Characters XML 1.0 cannot carry (control characters) are dropped.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from ..errors import ConfigError
from ..records import Event
from .gpkg import EVENT_FIELDS, event_point, event_values

__all__ = ["KML_NAMESPACE", "kml_tree", "placemark_name", "write_kml"]

KML_NAMESPACE = "http://www.opengis.net/kml/2.2"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    child = ET.SubElement(parent, tag)
    if text is not None:
        child.text = _clean(text)
    return child


def placemark_name(event: Event) -> str:
    """'<sub-event type> - <location>' (or whichever of the two is known)."""
    parts = [p for p in (event.sub_event_type or event.event_type, event.location) if p]
    return " - ".join(parts) or "event"


def _description(event: Event) -> str:
    actors = "; ".join(a for a in (event.actor1, event.actor2) if a)
    lines = [f"Evidence: \u201c{event.evidence.text}\u201d"]
    if actors:
        lines.append(f"Actors: {actors}")
    if event.fatalities_known:
        lines.append(f"Fatalities: {event.fatalities}")
    lines.append(f"Credibility: {event.credibility}")
    source = ", ".join(s for s in (event.source, event.source_url) if s)
    if source:
        lines.append(f"Source: {source}")
    return "\n".join(lines)


def _placemark(parent: ET.Element, event: Event) -> None:
    mark = _sub(parent, "Placemark")
    _sub(mark, "name", placemark_name(event))
    _sub(mark, "description", _description(event))
    if event.event_date:
        _sub(_sub(mark, "TimeStamp"), "when", event.event_date)
    data = _sub(mark, "ExtendedData")
    values = event_values(event)
    for spec in EVENT_FIELDS:
        value = values[spec.name]
        if value is None:
            continue
        item = _sub(data, "Data")
        item.set("name", spec.name)
        text = str(value).lower() if isinstance(value, bool) else str(value)
        _sub(item, "value", text)
    point = event_point(event)
    if point is not None:
        _sub(_sub(mark, "Point"), "coordinates", f"{point[0]!r},{point[1]!r}")


def kml_tree(events: Iterable[Event], *, name: str = "frontlines events") -> ET.ElementTree:
    """The KML document as an ElementTree (default namespace KML 2.2)."""
    root = ET.Element("kml", {"xmlns": KML_NAMESPACE})
    document = _sub(root, "Document")
    _sub(document, "name", name)
    for event in events:
        _placemark(document, event)
    return ET.ElementTree(root)


def write_kml(
    events: Iterable[Event], path: str | Path, *, name: str = "frontlines events"
) -> Path:
    """Write ``events`` as KML 2.2 to ``path`` (replacing it) and return the path."""
    target = Path(path)
    if target.is_dir():
        raise ConfigError("is a directory; give a file name ending in .kml", source=str(target))
    tree = kml_tree(events, name=name)
    ET.indent(tree, space=" ")
    partial = target.with_name(target.name + ".partial")
    try:
        tree.write(partial, encoding="utf-8", xml_declaration=True)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target
