"""frontlines.control stage."""
