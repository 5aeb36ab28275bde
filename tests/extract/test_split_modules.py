"""The modules split out of assign.py and eventtypes.py work on their own, and the old
import paths still give the same objects."""

from __future__ import annotations

from frontlines.extract import assign
from frontlines.extract.actors.agent_split import split_sides
from frontlines.extract.actors.side_order import internal, state_first
from frontlines.extract.actors.sides import Sides, has_own_name, unique
from frontlines.extract.types import eventtypes
from frontlines.extract.types.crowds import crowd_fight, mob_violence, protest
from frontlines.extract.types.event_patterns import TIER1, TIER2
from frontlines.extract.types.taxonomy import EVENT_TYPES, make_class, span
from frontlines.records import Actor, Span

_GANG = Actor("Gang X", 3)
_POLICE = Actor("Police Forces of Kenya (2022-)", 1)


def _hit(sentence: str, name: str, actor: Actor) -> tuple[Span, Actor]:
    start = sentence.index(name)
    return Span(start, start + len(name), name), actor


def test_old_import_paths_are_the_new_objects() -> None:
    assert assign.Sides is Sides
    assert eventtypes.crowd_fight is crowd_fight
    assert eventtypes.make_class is make_class
    assert eventtypes.EVENT_TYPES is EVENT_TYPES


def test_every_table_type_is_in_the_taxonomy() -> None:
    assert all(sub_type in EVENT_TYPES for sub_type, _ in (*TIER1, *TIER2))


def test_passive_agent_is_actor1() -> None:
    sentence = "Two officers were ambushed by Gang X near the market."
    trigger = Span(sentence.index("ambushed"), sentence.index("ambushed") + 8, "ambushed")
    hits = [_hit(sentence, "officers", _POLICE), _hit(sentence, "Gang X", _GANG)]
    first, second = split_sides(hits, sentence, trigger)
    assert first == [_GANG]
    assert second == [_POLICE]


def test_state_force_first_in_mutual_fire() -> None:
    sides = state_first(Sides(_GANG, actor2=_POLICE), "The gang exchanged fire with police.")
    assert sides.actor1 == _POLICE
    assert sides.actor2 == _GANG


def test_infighting_has_one_group_on_both_sides() -> None:
    sentence = "Gang X members fought each other in the slum."
    sides = internal(Sides(_GANG), [_hit(sentence, "Gang X", _GANG)], sentence)
    assert sides.actor1 == sides.actor2 == _GANG


def test_sides_helpers() -> None:
    assert unique([_GANG, _POLICE, _GANG]) == [_GANG, _POLICE]
    assert not has_own_name(Actor("Unidentified Armed Group (Kenya)", 3))
    assert has_own_name(_GANG)


def test_crowd_rules_on_their_own() -> None:
    found = protest("Teachers staged a sit-in outside the ministry.", "")
    assert found is not None and found.sub_event_type == "Peaceful protest"
    assert mob_violence("An angry mob lynched a suspected thief.") is not None
    match = dict(TIER2)["Armed clash"].search("Rival villagers clashed over land.")
    assert match is not None
    clash = make_class("Armed clash", span(match))
    assert crowd_fight(clash, "Rival villagers clashed over land.", armed_named=False)
