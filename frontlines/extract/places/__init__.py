"""Places: where the event happened, as one scored choice among candidate places (locatives, admin chains, villages the gazetteer lacks, sound-alikes, front lines, the country prior)."""
