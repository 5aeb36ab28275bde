"""frontlines.scale: the same pipeline run over large inputs on Ray (``frontlines batch``).

    run_batch(inputs, sink, *, settings, address=None, workers=1, progress=None) -> BatchStats

Ray is a runner around the one pipeline, not a second copy of any stage: Ray Data reads
the inputs as blocks (``frontlines.ingest.iter_documents``: the readers ``ingest`` uses),
a pool of actors each holding one loaded :class:`frontlines.Frontlines` analyses them
(``Frontlines.analyze``: the same stages), and the driver alone writes the results
through a :class:`Sink` (the store, or partitioned GeoParquet) in batches. Documents are
keyed by their content hash as ``ingest`` keys them, so a rerun skips what was stored:
the batch is idempotent and resumes after a kill.

Ray is an optional extra (``pip install 'frontlines[scale]'``); without it ``batch`` says
how to install it, and everything else works.
"""

from .runner import BatchStats, ray_available, run_batch
from .sinks import ParquetSink, Sink, StoreSink, open_sink

__all__ = [
    "BatchStats",
    "ParquetSink",
    "Sink",
    "StoreSink",
    "open_sink",
    "ray_available",
    "run_batch",
]
