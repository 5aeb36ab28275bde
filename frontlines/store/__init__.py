"""frontlines.store stage."""
