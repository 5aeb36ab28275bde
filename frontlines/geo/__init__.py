"""frontlines.geo stage."""
