"""frontlines.events stage."""
