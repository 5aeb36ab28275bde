"""Event types: which of ACLED's event and sub-event types a sentence reports (patterns, precedence, the codebook's conventions, crowds, territory, what is not an ACLED event)."""
