from frontlines import Analysis, Document, Event, Pipeline, Span


def _doc(i: int) -> Document:
    return Document(id=f"sha256:{i}", source=f"page{i}", title=f"t{i}", text="text")


def test_stages_run_in_order_over_batches() -> None:
    seen: list[str] = []

    def first(batch: list[Analysis]) -> list[Analysis]:
        seen.append(f"first:{len(batch)}")
        return batch

    def second(batch: list[Analysis]) -> list[Analysis]:
        seen.append(f"second:{len(batch)}")
        for a in batch:
            a.events.append(Event("Battles", "Armed clash", "X", Span(0, 4, "text")))
        return batch

    out = list(Pipeline([first, second]).pipe((_doc(i) for i in range(5)), batch_size=2))
    assert [a.document.id for a in out] == [f"sha256:{i}" for i in range(5)]
    assert all(len(a.events) == 1 for a in out)
    assert seen == ["first:2", "second:2", "first:2", "second:2", "first:1", "second:1"]
