"""frontlines.ingest stage."""
