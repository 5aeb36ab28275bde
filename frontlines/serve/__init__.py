"""frontlines.serve stage."""
