"""Names the actor registry finds in text (frontlines.extract.actors.registry): a force
named with its country, an aircraft's model between its owner and the force word."""

from __future__ import annotations

from frontlines.extract.actors.registry import ActorRegistry


def test_a_part_of_a_force_named_with_its_country_is_that_countrys_force() -> None:
    registry = ActorRegistry.default()
    [(span, actor), _] = registry.find("artillery units of the Iraq Federal Police shelled IS")
    assert span.text == "artillery units of the Iraq Federal Police"
    assert actor.name.startswith("Police Forces of") and actor.country == "IQ"
    [(_, russia)] = registry.find("the military forces of Russia shelled the town")
    assert russia.country == "RU"


def test_an_aircraft_model_or_drone_kind_stands_between_owner_and_force_word() -> None:
    registry = ActorRegistry.default()
    [(_, us)] = registry.find("Two U.S. F-15 jets struck a depot")
    assert us.name.startswith("Military Forces of") and us.country == "US"
    [(span, regime)] = registry.find("a regime suicide drone struck a car")
    assert span.text == "regime suicide drone" and regime.name.startswith("Military Forces of")


def test_a_countrys_force_in_the_possessive_and_warplanes_by_their_model() -> None:
    registry = ActorRegistry.default()
    [(_, turkey)] = registry.find("Turkey's military shelled the village")
    assert turkey.name.startswith("Military Forces of") and turkey.country == "TR"
    hits = registry.find("Two U.S. F-15s struck a depot")
    assert [(a.name.startswith("Military Forces of"), a.country) for _, a in hits] == [
        (True, "US")
    ]
