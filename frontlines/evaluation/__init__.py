"""frontlines.evaluation stage."""
