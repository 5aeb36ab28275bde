"""frontlines.batch stage."""
