"""frontlines.relevance: is a page, and each sentence of it, conflict reporting in ACLED's
sense? A cheap document judgement (:mod:`.document`) runs before the expensive stages
(:mod:`.stage`); a sense check (:mod:`.senses`) keeps a trigger word only with the
participants its conflict sense needs. The vocabulary is data (``data/senses.json``)."""
