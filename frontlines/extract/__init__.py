"""frontlines.extract stage."""
