"""Actors: who acted on whom, under ACLED's names (the actor registry and theatre packs, militias, named groups, perpetrators, sides and their order, victims)."""
