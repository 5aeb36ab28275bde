"""Recognising candidates: the name pattern, cue words and divisions written in brackets."""

from __future__ import annotations

from frontlines.geo.recognize import NAME, cue_candidates, ngrams, paren_admin_candidates


def test_english_at_is_not_an_article() -> None:
    import re

    assert re.search(NAME, "a protest at Balurghat tehsil").group(0) == "Balurghat"  # type: ignore[union-attr]
    assert re.search(NAME, "near al Qaim").group(0) == "al Qaim"  # type: ignore[union-attr]
    assert re.search(NAME, "in as-Sukhnah").group(0) == "as-Sukhnah"  # type: ignore[union-attr]


def test_numbers_after_cues_are_not_places() -> None:
    text = "around 50 residents gathered near 200 Main Street"
    assert not [c for c in cue_candidates(text) if c.text[:1].isdigit()]


# --- divisions in brackets ---------------------------------------------------------


def test_parenthesised_divisions_are_cued() -> None:
    text = "protested in Cahors (Lot, Occitanie) against it; the United Nations (UN) said"
    found = {c.text: c.hint for c in paren_admin_candidates(text)}
    assert found == {"Cahors": "", "Lot": "admin", "Occitanie": "admin"}


def test_paren_admin_accepts_a_dash_separator() -> None:
    text = "a market in Jongno-gu (Seoul City - Jongno) burned"
    found = {c.text for c in paren_admin_candidates(text)}
    assert {"Jongno-gu", "Seoul City", "Jongno"} <= found


def test_unit_words_and_four_parts_are_read() -> None:
    text = "clashed in Tolva village (Upper Ridge district, Norland region) on Monday"
    found = {c.text: (c.hint, c.group) for c in paren_admin_candidates(text)}
    assert found == {"Tolva": ("", 0), "Upper Ridge": ("admin", 0), "Norland": ("admin", 0)}


def test_unit_word_before_bracket_is_enough_for_one_part() -> None:
    text = "protesters gathered at the Brava town (Kestrel) hall"
    assert {c.text for c in paren_admin_candidates(text)} == {"Brava", "Kestrel"}


def test_lowercase_particles_stay_inside_a_name() -> None:
    from frontlines.geo.recognize import ngrams, paren_admin_candidates

    text = "Parents marched in Villa Rosa de la Sierra (Brava) and in Porto do Vale."
    assert "Villa Rosa de la Sierra" in [n for _, _, n in ngrams(text)]
    assert "Porto do Vale" in [n for _, _, n in ngrams(text)]
    assert [c.text for c in paren_admin_candidates(text)][:1] == ["Villa Rosa de la Sierra"]


def test_abbreviated_saint_stays_part_of_the_name() -> None:
    grams = {text for _, _, text in ngrams("Students protested in St. Gallen on Friday.")}
    assert "St. Gallen" in grams
    # a sentence's full stop after a name does not join the next sentence's word
    grams = {text for _, _, text in ngrams("They met in Bern. Gallen spoke.")}
    assert "Bern. Gallen" not in grams


def test_the_theatres_locality_words_cue_a_place() -> None:
    from frontlines.geo.recognize import cue_candidates

    text = "Shells hit Tall Hanun town in Qalbara countryside and the Milaja axis."
    names = {(c.text, c.hint) for c in cue_candidates(text)}
    assert ("Tall Hanun", "locality") in names
    assert ("Milaja", "") in names
    text = "Regime forces shelled Sfuhen in Idleb; protests in May in Hama."
    found = {c.text for c in cue_candidates(text)}
    assert "Sfuhen" in found and "May" not in found


def test_between_cues_two_places_only_across_a_stretch_of_land() -> None:
    spans = {c.text for c in cue_candidates("Gunmen hid on the road between Abu Fares and Tell Omar.")}
    assert {"Abu Fares", "Tell Omar"} <= spans
    spans = {c.text for c in cue_candidates("Shells fell between Kafr Zeid and Ain Tor villages.")}
    assert {"Kafr Zeid", "Ain Tor"} <= spans
    talks = {c.text for c in cue_candidates("Talks between Hamas and Israel resumed on Monday.")}
    assert not talks & {"Hamas", "Israel"}


def test_ayn_and_hamza_marks_stay_inside_a_name() -> None:
    import re

    for name in ("Umm al-'Amad", "Mas`udiyah", "Jisr al-`Ayn"):
        assert re.fullmatch(NAME, name) is not None


def test_a_facility_named_after_its_place_is_cued_whole() -> None:
    found = {c.text: c.hint for c in cue_candidates("He died in Sidnaya Military Prison last week.")}
    assert found.get("Sidnaya Military Prison") == "facility"
    found = {c.text: c.hint for c in cue_candidates("Guards detained women in Hole Camp on Monday.")}
    assert found.get("Hole Camp") == "facility"
    assert not [c for c in cue_candidates("The camp was quiet.") if c.hint == "facility"]


def test_two_names_of_one_town_are_cued_together() -> None:
    text = "Turkish forces shelled Ain al Arab - Kaniya Kurdan town in Aleppo countryside."
    assert "Ain al Arab - Kaniya Kurdan" in {c.text for c in cue_candidates(text)}


def test_a_place_written_with_its_second_name_in_brackets_is_cued_whole() -> None:
    text = "Turkish forces shelled Serekaniye (Ras al-Ain) city in Al Hasakeh countryside."
    assert "Serekaniye (Ras al-Ain)" in {c.text for c in cue_candidates(text)}


def test_the_first_and_last_of_listed_villages_are_cued() -> None:
    text = "Regime forces shelled Kansafra, Al Bara and Al Fatira villages in Idleb countryside."
    found = {c.text for c in cue_candidates(text)}
    assert {"Kansafra", "Al Fatira"} <= found


def test_the_desert_of_a_town_cues_the_town() -> None:
    found = {c.text for c in cue_candidates("IS attacked regime forces in the Badia of Al Mayadin.")}
    assert "Al Mayadin" in found


def test_a_sub_district_cues_its_name_as_a_unit() -> None:
    found = {c.text: c.hint for c in cue_candidates("An IED exploded in Qara Tapa subdistrict of Diyala.")}
    assert found.get("Qara Tapa") == "admin"


def test_a_nationality_naming_a_force_is_marked_as_such() -> None:
    from frontlines.geo.recognize import demonym_candidates

    hints = {c.text: c.hint for c in demonym_candidates("Turkish drones struck a Syrian village.")}
    assert hints == {"Turkish": "force", "Syrian": ""}


def test_a_place_with_its_unit_in_brackets_after_an_attack_verb_is_cued() -> None:
    from frontlines.geo.recognize import paren_admin_candidates

    found = {c.text for c in paren_admin_candidates("Turkish forces shelled Tal Rifaat (Aleppo).")}
    assert {"Tal Rifaat", "Aleppo"} <= found


def test_a_mountain_range_is_cued_whole() -> None:
    found = {c.text for c in cue_candidates("Warplanes struck PKK positions in the Qandil mountains.")}
    assert "Qandil mountains" in found


def test_a_name_may_start_with_a_kurdish_or_turkish_capital() -> None:
    import re

    for text, name in (("detained a man in Şiheil town", "Şiheil"), ("clashes near İdlib", "İdlib")):
        found = re.search(NAME, text)
        assert found is not None and found.group(0) == name


def test_a_names_own_article_is_not_a_first_place_of_a_span() -> None:
    found = {c.text: c.relation for c in cue_candidates("IS cells attacked a truck in the Al-Sukhnah desert.")}
    assert "Al" not in found and found.get("Al-Sukhnah desert") != "between"
    spans = {c.text: c.relation for c in cue_candidates("A bomb hit a bus on the Homs-Palmyra highway.")}
    assert spans.get("Homs-Palmyra highway") == "between"


def test_the_people_of_a_place_opening_a_sentence_cue_it() -> None:
    found = {c.text for c in cue_candidates("Residents of Al-Kut protested against power cuts.")}
    assert "Al-Kut" in found


def test_a_town_retaken_or_pounded_is_the_verbs_object() -> None:
    for text in ("Rebels retook Saraqib from government forces.",
                 "Warplanes pounded Ariha and nearby villages."):  # fmt: skip
        assert any(c.hint == "object" for c in cue_candidates(text))


def test_a_border_crossing_cues_the_name_before_it() -> None:
    text = "Regime forces took control of the Nasib border crossing with Jordan."
    assert "Nasib" in {c.text for c in cue_candidates(text)}


def test_a_towns_old_city_named_before_it_leaves_the_town() -> None:
    from types import SimpleNamespace

    from frontlines.geo.recognize import ner_candidates

    text = "SDF fighters clashed with IS militants in the Old City of Raqqa on Sunday."
    start = text.index("Old City")
    ent = SimpleNamespace(text="Old City of Raqqa", start_char=start, label_="LOC")
    [cand] = ner_candidates(SimpleNamespace(ents=[ent]))
    assert (cand.text, cand.start) == ("Raqqa", text.index("Raqqa"))


def test_an_oil_field_is_cued_by_its_kind_before_or_in_apposition() -> None:
    found = {c.text for c in cue_candidates("SDF fighters seized the al-Omar oil field on Sunday.")}
    assert "al-Omar oil field" in found
    text = "Fighters seized Syria's largest oil field, al-Omar, from Islamic State."
    assert "al-Omar" in {c.text for c in cue_candidates(text)}


def test_an_air_base_cues_the_name_before_it() -> None:
    text = "Drones targeted Harir air base in Erbil province."
    assert "Harir" in {c.text for c in cue_candidates(text)}


def test_the_edges_or_heart_of_a_place_cue_its_name() -> None:
    for text in ("Fighters battled on the edges of Ras al-Ain.", "A bomb went off in the heart of Kirkuk."):
        assert {"Ras al-Ain", "Kirkuk"} & {c.text for c in cue_candidates(text)}
