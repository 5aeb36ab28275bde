"""frontlines.publish stage."""
