"""Corpus and EUPEG readers: format detection by content, offsets, errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from frontlines.errors import EvaluationError
from frontlines.evaluation.corpora import (
    GEOVIRUS,
    GEOWEBNEWS,
    TR_NEWS,
    align_span,
    read_corpus,
    read_eupeg,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation" / "geoparse"


def test_tr_news_detected_by_content_even_under_a_misleading_name(tmp_path: Path) -> None:
    target = tmp_path / "GWN.xml"
    shutil.copy(DATA / "a.xml", target)
    corpus = read_corpus(target)
    assert corpus.format == TR_NEWS
    assert [a.id for a in corpus.articles] == ["1", "2"]


def test_geowebnews_detected_by_content(tmp_path: Path) -> None:
    target = tmp_path / "TR-News.xml"
    shutil.copy(DATA / "b.xml", target)
    assert read_corpus(target).format == GEOWEBNEWS


def test_tr_news_fields_title_stripped_and_coordinates() -> None:
    corpus = read_corpus(DATA / "a.xml")
    first = corpus.articles[0]
    assert first.title == "Officer meets officials"
    assert len(first.toponyms) == 4  # count="9" attribute is ignored
    turkish = first.toponyms[0]
    assert (turkish.surface, turkish.geonameid, turkish.lat, turkish.lon) == (
        "Turkish",
        298795,
        39.0,
        35.0,
    )
    assert turkish.demonym
    assert not first.toponyms[1].demonym  # Ankara
    lake = corpus.articles[1].toponyms[1]
    assert lake.surface == "Lake Town" and not lake.has_coords and lake.geonameid is None
    assert len(corpus.articles[1].resolvable) == 1


def test_tr_news_shifted_span_is_kept_and_realigned() -> None:
    aleppo = read_corpus(DATA / "a.xml").articles[0].toponyms[3]
    text = read_corpus(DATA / "a.xml").articles[0].text
    assert text[aleppo.start : aleppo.end] != "Aleppo"
    assert aleppo.aligned_start is not None and aleppo.aligned_end is not None
    assert text[aleppo.aligned_start : aleppo.aligned_end] == "Aleppo"
    assert aleppo.start - aleppo.aligned_start == 2


def test_geowebnews_offsets_index_the_decoded_text_and_negative_spans_are_dropped() -> None:
    corpus = read_corpus(DATA / "b.xml")
    art = corpus.articles[0]
    assert art.text.startswith("Rock & roll")
    for gold in art.toponyms:
        assert art.text[gold.start : gold.end] == gold.surface
    assert corpus.dropped == 1
    kinds = {g.surface: g for g in art.toponyms}
    assert kinds["Bostonians"].demonym and kinds["Bostonians"].geonameid is None
    assert kinds["Bostonians"].has_coords
    assert not kinds["supporters"].has_coords
    assert len(art.resolvable) == 3
    assert corpus.articles[1].toponyms == []


def test_geovirus_detected_by_content_even_under_a_misleading_name(tmp_path: Path) -> None:
    target = tmp_path / "TR-News.xml"
    shutil.copy(DATA / "c_geovirus.xml", target)
    corpus = read_corpus(target)
    assert corpus.format == GEOVIRUS
    assert [a.id for a in corpus.articles] == ["0", "1", "2"]
    assert corpus.articles[2].toponyms == []


def test_geovirus_locations_carry_coordinates_and_page_but_no_geonames_id() -> None:
    corpus = read_corpus(DATA / "c_geovirus.xml")
    kano = corpus.articles[0].toponyms[0]
    assert (kano.surface, kano.lat, kano.lon, kano.geonameid) == ("Kano", 12.00012, 8.51672, None)
    assert kano.page == "https://en.wikipedia.org/wiki/Kano"
    assert not kano.demonym and kano.has_coords
    text = corpus.articles[0].text
    assert text[kano.start : kano.end] == "Kano"
    assert (kano.aligned_start, kano.aligned_end) == (kano.start, kano.end)
    assert len(corpus.toponyms) == 3


def test_geovirus_spans_that_do_not_match_their_name_are_realigned() -> None:
    corpus = read_corpus(DATA / "c_geovirus.xml")
    lagos = corpus.articles[0].toponyms[1]  # the end offset is one short of the name's end
    text = corpus.articles[0].text
    assert text[lagos.start : lagos.end] != "Lagos"
    assert lagos.aligned_start is not None and lagos.aligned_end is not None
    assert text[lagos.aligned_start : lagos.aligned_end] == "Lagos"
    mosul = corpus.articles[1].toponyms[0]  # released two characters to the right
    text = corpus.articles[1].text
    assert mosul.aligned_start is not None and mosul.aligned_end is not None
    assert mosul.start - mosul.aligned_start == 2
    assert text[mosul.aligned_start : mosul.aligned_end] == "Mosul"


def test_align_span_gives_up_beyond_three_characters() -> None:
    text = "xxxxx Paris"
    assert align_span(text, 6, 11, "Paris") == (6, 11)
    assert align_span(text, 8, 13, "Paris") == (6, 11)
    assert align_span(text, 10, 15, "Paris") is None


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("not xml at all", "not readable XML"),
        ("<root><article/></root>", "not <articles>"),
        ("<articles><article><text>x</text></article></articles>", "no <article> with"),
    ],
)
def test_bad_corpus_files_name_the_path_and_the_fix(
    tmp_path: Path, content: str, needle: str
) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationError) as info:
        read_corpus(path)
    assert str(path) in str(info.value)
    assert needle in str(info.value)


def test_missing_corpus_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such file"):
        read_corpus(tmp_path / "absent.xml")


def test_bad_offset_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "c.xml"
    path.write_text(
        '<articles><article docid="1"><text>Paris</text><toponyms><toponym>'
        "<phrase>Paris</phrase><start>zero</start><end>5</end></toponym></toponyms>"
        "</article></articles>",
        encoding="utf-8",
    )
    with pytest.raises(EvaluationError, match="not an integer"):
        read_corpus(path)


def test_eupeg_reader_tolerates_extra_fields_and_unresolved_entries() -> None:
    lines = read_eupeg(DATA / "a_parser.txt", articles=2)
    assert [len(line) for line in lines] == [3, 1]
    unresolved = lines[1][0]
    assert (unresolved.name, unresolved.lat, unresolved.start, unresolved.end) == (
        "No Gaz",
        None,
        11,
        22,
    )


def test_eupeg_pads_missing_trailing_lines_and_refuses_extra_ones(tmp_path: Path) -> None:
    assert len(read_eupeg(DATA / "a_parser.txt", articles=5)) == 5
    with pytest.raises(EvaluationError, match="one line per article"):
        read_eupeg(DATA / "a_parser.txt", articles=1)


def test_eupeg_bad_entry_names_line_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("Paris,,Paris,,48.8,,2.3,,0,,5\nParis,,Paris,,north,,2.3,,0,,5\n")
    with pytest.raises(EvaluationError, match="line 2") as info:
        read_eupeg(path)
    assert str(path) in str(info.value)
