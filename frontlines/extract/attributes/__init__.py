"""Sentence-level attributes of an event: its date and time precision, fatalities, modality (hypotheticals, threats, plans) and notes."""
