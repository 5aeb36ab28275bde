"""Readers for the geoparsing evaluation corpora and for EUPEG-format parser outputs.

Three XML corpora are read, told apart by their content (never by file name):

* **TR-News** (Kamalloo & Rafiei 2018): ``<article docid=...>`` with ``<text>`` in CDATA and
  ``<toponym><phrase/><start/><end/><gaztag geonameid=...><lat/><lon/>...</gaztag></toponym>``.
  A toponym has coordinates when it has a ``gaztag`` (1,275 of 1,319).
* **GeoWebNews** (Gritta et al. 2019/2020, ``GWN.xml``): ``<article file=...>`` with
  ``<toponym><extractedName/><type/><start/><end/><geonamesID/><latitude/><longitude/>``.
  A toponym has coordinates when it has both ``latitude`` and ``longitude`` (2,601
  annotations; 2,599 once the 5 spans with negative offsets, which cannot point into the
  text, are dropped).
* **GeoVirus** (Gritta et al. 2018): ``<article>`` with ``<text>`` and
  ``<locations><location><name/><start/><end/><lat/><lon/><page/></location>``, ``page``
  being the place's Wikipedia page. There is no GeoNames id (``exact_id`` is not available);
  every location carries coordinates, and articles are numbered by their position. When
  ``text[start:end]`` is not the name but the name starts at ``start`` (an end offset that
  counts differently), the name's own extent is recorded as the aligned span.

Offsets are 0-based, end-exclusive code-point indices into the ``<text>`` content exactly as
the XML parser returns it (never stripped). TR-News has 117 spans that do not match their
surface string, most of them shifted 1-3 characters to the right; the reader keeps the
released offsets in ``start``/``end`` (the EUPEG gold and baselines were scored against
those) and records in ``aligned_start``/``aligned_end`` where the surface string really is
when it can be found within 3 characters before or after.

Demonyms ("Turkish", "Syrian") are kept as gold toponyms with ``demonym=True``; their
coordinates in both corpora are the country's, so an evaluation resolves them to the country.

EUPEG line format (``baselines/<Corpus>_<Parser>.txt``): one line per article, in corpus
order; entries separated by ``||``; each entry ``name,,surface,,lat,,lon,,start,,end``.
Extra trailing fields are tolerated and ignored.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.errors import EvaluationError

TR_NEWS = "tr-news"
GEOWEBNEWS = "geowebnews"
GEOVIRUS = "geovirus"
FORMATS = (TR_NEWS, GEOWEBNEWS, GEOVIRUS)
# the element holding one gold annotation, per format
_ANNOTATION = {TR_NEWS: "toponym", GEOWEBNEWS: "toponym", GEOVIRUS: "location"}

DEMONYM_TYPES = frozenset({"Demonym"})
_SHIFT_WINDOW = 3
_DEMONYM_ENDINGS = ("an", "ish", "ese", "i", "ch")


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold annotation. ``lat``/``lon`` are None when the annotation has no coordinates."""

    start: int
    end: int
    surface: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str = ""
    demonym: bool = False
    aligned_start: int | None = None
    aligned_end: int | None = None
    page: str = ""  # GeoVirus: the place's Wikipedia page

    @property
    def has_coords(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(slots=True)
class Article:
    """One corpus article: ``text`` is the unstripped ``<text>`` content."""

    index: int
    id: str
    title: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)

    @property
    def resolvable(self) -> list[GoldToponym]:
        """The gold toponyms with coordinates (the ones distance metrics are over)."""
        return [t for t in self.toponyms if t.has_coords]


@dataclass(slots=True)
class Corpus:
    """A read corpus: ``format`` is ``"tr-news"``, ``"geowebnews"`` or ``"geovirus"``."""

    name: str
    format: str
    path: str
    articles: list[Article] = field(default_factory=list)
    dropped: int = 0

    @property
    def toponyms(self) -> list[GoldToponym]:
        return [t for a in self.articles for t in a.toponyms]


@dataclass(frozen=True, slots=True)
class EupegEntry:
    """One entry of an EUPEG line: a system's (or the gold's) toponym.

    ``lat``/``lon`` are None when the parser found the span but did not resolve it
    (Edinburgh writes ``No Gaz,,surface,,,,,,start,,end``).
    """

    name: str
    surface: str
    lat: float | None
    lon: float | None
    start: int
    end: int


def _fail(path: str | Path, message: str) -> EvaluationError:
    return EvaluationError(message, source=str(path))


def detect_format(root: ET.Element, path: str | Path) -> str:
    """Tell TR-News, GeoWebNews and GeoVirus apart by the elements the first annotated
    article uses."""
    if root.tag != "articles":
        raise _fail(
            path,
            f"root element is <{root.tag}>, not <articles>; "
            "give a TR-News, GeoWebNews or GeoVirus XML corpus",
        )
    for art in root.iter("article"):
        if art.find("toponyms/toponym/phrase") is not None or art.get("docid") is not None:
            return TR_NEWS
        if art.find("toponyms/toponym/extractedName") is not None or art.get("file") is not None:
            return GEOWEBNEWS
        if art.find("locations/location/name") is not None:
            return GEOVIRUS
    raise _fail(
        path,
        "no <article> with TR-News (<phrase>), GeoWebNews (<extractedName>) or GeoVirus "
        "(<location><name>) toponyms; give one of those corpora",
    )


def read_corpus(path: str | Path) -> Corpus:
    """Read a TR-News, GeoWebNews or GeoVirus XML corpus (format detected by content)."""
    p = Path(path)
    try:
        root = ET.parse(p).getroot()
    except FileNotFoundError as exc:
        raise _fail(p, "no such file; give the path of a corpus XML file") from exc
    except (ET.ParseError, OSError, UnicodeDecodeError) as exc:
        raise _fail(
            p, f"not readable XML ({exc}); give a TR-News, GeoWebNews or GeoVirus XML file"
        ) from exc
    fmt = detect_format(root, p)
    corpus = Corpus(name=p.stem, format=fmt, path=str(p))
    for index, art in enumerate(root.iter("article")):
        text = art.findtext("text")
        if text is None:
            raise _fail(p, f"article {index} has no <text>; fix or remove that article")
        title = " ".join((art.findtext("title") or "").split())
        article = Article(index=index, id=_article_id(art, index), title=title, text=text)
        for node in art.iter(_ANNOTATION[fmt]):
            gold = _read_toponym(node, fmt, text, p, index)
            if gold is None:
                corpus.dropped += 1
            else:
                article.toponyms.append(gold)
        corpus.articles.append(article)
    return corpus


def _article_id(art: ET.Element, index: int) -> str:
    return art.get("docid") or art.get("file") or str(index)


def _int_field(node: ET.Element, tag: str, path: Path, index: int) -> int:
    raw = (node.findtext(tag) or "").strip()
    try:
        return int(raw)
    except ValueError as exc:
        raise _fail(
            path, f"article {index}: toponym <{tag}> is {raw!r}, not an integer; fix the offset"
        ) from exc


def _float_or_none(raw: str | None) -> float | None:
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        return None


def _coord(raw: str) -> float | None:
    """An EUPEG coordinate: empty is None, anything else must be a number."""
    return float(raw) if raw.strip() else None


def _int_or_none(raw: str | None) -> int | None:
    raw = (raw or "").strip()
    return int(raw) if raw.isdigit() else None


def _read_toponym(
    node: ET.Element, fmt: str, text: str, path: Path, index: int
) -> GoldToponym | None:
    start = _int_field(node, "start", path, index)
    end = _int_field(node, "end", path, index)
    if start < 0 or end < start:
        return None
    if fmt == GEOVIRUS:
        return _read_location(node, start, end, text)
    if fmt == TR_NEWS:
        surface = node.findtext("phrase") or ""
        tag = node.find("gaztag")
        lat = _float_or_none(tag.findtext("lat")) if tag is not None else None
        lon = _float_or_none(tag.findtext("lon")) if tag is not None else None
        gid = _int_or_none(tag.get("geonameid")) if tag is not None else None
        fcode = (tag.findtext("fcode") or "") if tag is not None else ""
        kind = "Demonym" if _looks_demonym(surface, tag) else fcode
    else:
        surface = node.findtext("extractedName") or ""
        lat = _float_or_none(node.findtext("latitude"))
        lon = _float_or_none(node.findtext("longitude"))
        gid = _int_or_none(node.findtext("geonamesID"))
        kind = (node.findtext("type") or "").strip()
    if lat is None or lon is None:
        lat = lon = None
    aligned = align_span(text, start, end, surface)
    return GoldToponym(
        start=start,
        end=end,
        surface=surface,
        lat=lat,
        lon=lon,
        geonameid=gid,
        kind=kind,
        demonym=kind in DEMONYM_TYPES,
        aligned_start=aligned[0] if aligned else None,
        aligned_end=aligned[1] if aligned else None,
    )


def _read_location(node: ET.Element, start: int, end: int, text: str) -> GoldToponym:
    """A GeoVirus ``<location>``: coordinates and a Wikipedia page, no GeoNames id."""
    surface = (node.findtext("name") or "").strip()
    lat = _float_or_none(node.findtext("lat"))
    lon = _float_or_none(node.findtext("lon"))
    if lat is None or lon is None:
        lat = lon = None
    aligned = align_span(text, start, end, surface)
    if aligned is None and surface and text[start : start + len(surface)] == surface:
        aligned = (start, start + len(surface))
    return GoldToponym(
        start=start,
        end=end,
        surface=surface,
        lat=lat,
        lon=lon,
        aligned_start=aligned[0] if aligned else None,
        aligned_end=aligned[1] if aligned else None,
        page=" ".join((node.findtext("page") or "").split()),
    )


def _looks_demonym(surface: str, tag: ET.Element | None) -> bool:
    """TR-News has no type field: a country-level place named by a word that is not its name."""
    if tag is None:
        return False
    fcode = tag.findtext("fcode") or ""
    name = (tag.findtext("name") or "").strip().lower()
    word = surface.strip().lower()
    if not fcode.startswith("PCL") or not word or name.startswith(word):
        return False
    return word.endswith(_DEMONYM_ENDINGS)


def align_span(text: str, start: int, end: int, surface: str) -> tuple[int, int] | None:
    """Where ``surface`` really is: the given span, or the nearest match within 3 characters."""
    if not surface:
        return None
    if text[start:end] == surface:
        return start, end
    for shift in range(1, _SHIFT_WINDOW + 1):
        for s in (start - shift, start + shift):
            if s >= 0 and text[s : s + len(surface)] == surface:
                return s, s + len(surface)
    return None


def read_eupeg(path: str | Path, *, articles: int | None = None) -> list[list[EupegEntry]]:
    """Read an EUPEG output file: one list of entries per article line.

    ``articles`` is the corpus size; a file with more non-empty lines than that is refused.
    Missing trailing lines count as articles without output.
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise _fail(p, "no such file; give the path of an EUPEG-format output file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(p, f"cannot read as UTF-8 text ({exc}); give an EUPEG-format file") from exc
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = [_parse_eupeg_line(line, p, n) for n, line in enumerate(lines)]
    if articles is not None:
        if len(out) > articles and any(out[articles:]):
            raise _fail(
                p,
                f"{len(out)} lines for a corpus of {articles} articles; "
                "give the output made for this corpus (one line per article)",
            )
        out = out[:articles] + [[] for _ in range(articles - len(out))]
    return out


def _parse_eupeg_line(line: str, path: Path, n: int) -> list[EupegEntry]:
    entries: list[EupegEntry] = []
    line = line.rstrip("\r")
    if not line.strip():
        return entries
    for chunk in line.split("||"):
        if not chunk.strip():
            continue
        fields = chunk.split(",,")
        try:
            if (fields[2].strip() == "") != (fields[3].strip() == ""):
                raise ValueError("latitude without longitude")
            entries.append(
                EupegEntry(
                    name=fields[0],
                    surface=fields[1],
                    lat=_coord(fields[2]),
                    lon=_coord(fields[3]),
                    start=int(fields[4]),
                    end=int(fields[5]),
                )
            )
        except (IndexError, ValueError) as exc:
            raise _fail(
                path,
                f"line {n + 1}: entry {chunk[:60]!r} is not 'name,,surface,,lat,,lon,,start,,end'; "
                "fix the entry or regenerate the file",
            ) from exc
    return entries
