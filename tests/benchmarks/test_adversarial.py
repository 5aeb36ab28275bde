"""The adversarial corpus, small (CI): hostile inputs mixed with good pages end nothing.

``benchmarks/adversarial.py --count 10000`` is the full run; here a few hundred inputs
with the big kinds shrunk. Every good page must be stored, no batch may end early, and
no input may fail with an exception frontlines did not raise on purpose.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import load_benchmark

adversarial: Any = load_benchmark("adversarial")


def test_every_kind_is_generated_with_good_pages_mixed_in() -> None:
    made = list(adversarial.cases(600, seed=3, scale=0.01))
    kinds = {case.kind for case in made}
    assert {"good", "nested", "repeat", "maplinks", "big", "unpunct", "charset", "encoding",
            "date", "entity", "nesting", "junk", "comments", "flood"} <= kinds  # fmt: skip
    assert set(adversarial.VARIED_KINDS) <= kinds
    assert 0.05 < sum(case.good for case in made) / len(made) < 0.2
    assert [c.data for c in adversarial.cases(20, seed=3)] == [
        c.data for c in adversarial.cases(20, seed=3)
    ]


@pytest.mark.slow
def test_small_corpus_no_crash_no_good_page_lost(gazetteer_file: Path) -> None:
    tally = adversarial.run_corpus(240, seed=21, scale=0.01, batch=60, max_seconds=60)
    summary = tally.summary()
    assert summary["inputs"] == 240 and summary["good_pages"] > 10
    assert (summary["crashes"], summary["inputs_skipped_by_crashes"]) == (0, 0), summary
    assert summary["good_pages_lost"] == 0, summary["lost"]
    assert summary["unexpected_failures"] == {}, summary


def test_varied_floods_repeat_no_markup_back_to_back() -> None:
    import random

    from frontlines.ingest.html_runs import collapse_runs

    for kind, make in adversarial.VARIED_KINDS.items():
        for n in range(3):
            case = make(random.Random(n), n, 200_000)
            assert case.kind == kind and len(case.data) >= 200_000, case.name
            html = case.data.decode()
            assert collapse_runs(html, keep=20)[1] == 0, case.name  # no exact copies in a row


def test_shards_merge_into_one_tally() -> None:
    one = adversarial.Tally(inputs=3, good=1, seconds=[1.0, 2.0, 3.0], peak_ratio=2.0,
                            peak_ratio_input="a", slowest=(3.0, "a"), unexpected={"X": 1},
                            ratio_by_kind={"flood": (2.0, "a"), "big": (1.0, "c")})  # fmt: skip
    two = adversarial.Tally(inputs=2, crashes=1, seconds=[5.0, 0.5], peak_ratio=4.0,
                            peak_ratio_input="b", slowest=(5.0, "b"), unexpected={"X": 2},
                            ratio_by_kind={"flood": (4.0, "b")})  # fmt: skip
    merged = adversarial.merge([one, two])
    assert (merged.inputs, merged.good, merged.crashes) == (5, 1, 1)
    assert sorted(merged.seconds) == [0.5, 1.0, 2.0, 3.0, 5.0]
    assert (merged.peak_ratio_input, merged.slowest[1], merged.unexpected) == ("b", "b", {"X": 3})
    assert merged.summary()["peak_memory_ratio_by_kind"] == {"big": "1.0x c", "flood": "4.0x b"}
