"""Hostile and malformed inputs, generated, ingested in mixed batches: what ends a batch?

    .venv/bin/python benchmarks/adversarial.py [--count 10000] [--scale 1] [--jobs 2] [--json]

Generates ``--count`` inputs (nothing is downloaded or copied): comment threads nested
thousands deep with repeated ids, one name repeated 100,000 times on a line, map-link
lines by the ten thousand, 9-10 MB files, unpunctuated text, charsets that are codecs
but not text encodings, broken and legacy encodings, year-1 and year-9999 dates, entity
tricks (surrogates, billion laughs), deep markup nesting, junk markup, flooded threads,
1-10 MB of one element or link repeated, and 1-10 MB of markup that varies from element
to element (``VARIED_KINDS``: attributes, addresses, blocks nested hundreds deep, tiny
tables and lists, attribute values of megabytes, comments and scripts, random elements);
about one in ten is a good page that must be stored. They are ingested in batches of ``--batch`` (default 100) with the CLI's
isolation (a worker per run, ``--max-seconds`` per input, a memory ceiling). Prints crashes (exceptions that ended a batch), unexpected
failures (inputs failed by an exception frontlines did not raise on purpose), refusals,
timeouts, good pages lost, time per input (p50, p99, max, the slowest input; wall clock,
and the worker's processor time, which the machine's load does not inflate) and the
memory an input added to its worker (its private memory at its peak: max, and the
largest ratio to the input's size among inputs of 1 MB or more; and, apart, the most
file-backed pages one input mapped, the gazetteer's shared page cache). ``--scale``
(0-1) shrinks the big kinds (CI runs 0.02).
``--jobs`` runs that many shards side by side, shard ``j`` seeded ``--seed`` + ``j``.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MB = 1_000_000


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    data: bytes
    good: bool = False

    @property
    def kind(self) -> str:
        return self.name.split("-", 1)[0]


_TOWNS = ("Palmyra", "Deir ez-Zor", "Raqqa", "Hajin", "Mayadin", "Tikrit", "Mosul", "Idlib")
_ACTORS = ("Syrian army troops", "ISIS fighters", "SDF units", "Iraqi forces", "rebels")


def _sentence(rng: random.Random) -> str:
    a, b = rng.sample(_ACTORS, 2)
    return (
        f"{a.capitalize()} clashed with {b} near {rng.choice(_TOWNS)} on Monday, "
        f"killing {rng.randint(2, 30)} people, local sources said."
    )


def _html(body: str, head: str = "", title: str = "Clashes reported") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>"
        f"<article><h1>{title}</h1><div class='entry-content'>{body}</div></article>"
        "</body></html>"
    )


def good_page(rng: random.Random, n: int) -> Case:
    """A plain, well-formed report (must always be stored)."""
    paras = "".join(f"<p>{_sentence(rng)} Report {n} paragraph {i}.</p>" for i in range(4))
    head = '<meta charset="utf-8"><meta property="article:published_time" content="2018-05-14">'
    return Case(f"good-{n}.html", _html(paras, head, f"Report {n}").encode(), good=True)


def nested_comments(rng: random.Random, n: int, depth: int) -> Case:
    """A WordPress thread nested ``depth`` deep, every comment with the same id."""
    cid = "comment-1" if n % 2 == 0 else f"comment-{rng.randint(1, 5)}"
    opening = (
        f"<li class='comment' id='{cid}'><div class='comment-author'><b class='fn'>Rob</b></div>"
        "<div class='comment-content'><p>Aleppo is next.</p></div><ul class='children'>"
    )
    thread = opening * depth + "</ul></li>" * depth
    body = f"<p>{_sentence(rng)}</p><div id='comments'><ol class='comment-list'>{thread}</ol></div>"
    return Case(f"nested-{n}.html", _html(body).encode())


def repeated_name(rng: random.Random, n: int, times: int) -> Case:
    name = rng.choice(("Aleppo ", "Deir ez-Zor ", "ISIS ", "Syrian Arab Army "))
    return Case(f"repeat-{n}.txt", (f"Report\n\n{name * times}\n").encode())


def map_links(rng: random.Random, n: int, times: int) -> Case:
    text = "Click to see the full-size map " * times
    wrap = rng.random() < 0.5
    data = _html(f"<p>{text}</p><p>{_sentence(rng)}</p>") if wrap else f"Maps\n\n{text}\n"
    return Case(f"maplinks-{n}.{'html' if wrap else 'txt'}", data.encode())


def big_file(rng: random.Random, n: int, size: int) -> Case:
    """Real-looking prose (or one long line, or tiny paragraphs) up to ``size`` bytes."""
    style = n % 3
    parts: list[str] = []
    total = 0
    while total < size:
        piece = _sentence(rng)
        piece = piece + (" " if style == 1 else "\n\n" if style == 0 else "\n")
        parts.append(piece)
        total += len(piece)
    text = "".join(parts)[:size]
    if style == 2:
        return Case(f"big-{n}.html", _html(f"<p>{text}</p>").encode()[:size])
    return Case(f"big-{n}.txt", f"Big report\n\n{text}".encode()[:size])


def unpunctuated(rng: random.Random, n: int, words: int) -> Case:
    vocab = ("army", "forces", "town", "near", "the", "fighters", "attack", "road", *_TOWNS)
    text = " ".join(rng.choice(vocab) for _ in range(words))
    return Case(f"unpunct-{n}.txt", f"Untitled\n\n{text}\n".encode())


_BAD_CHARSETS = ("rot13", "rot-13", "base64", "hex", "zlib", "uu", "bz2", "quopri", "idna",
                 "x-no-such-charset", "utf-7", "punycode", "mbcs", "undefined", "")  # fmt: skip


def charset(rng: random.Random, n: int) -> Case:
    name = _BAD_CHARSETS[n % len(_BAD_CHARSETS)]
    where = n % 3
    body = f"<p>{_sentence(rng)}</p>"
    if where == 0:
        data = _html(body, f'<meta charset="{name}">').encode()
    elif where == 1:
        head = f'<meta http-equiv="Content-Type" content="text/html; charset={name}">'
        data = _html(body, head).encode()
    else:
        feed = f'<?xml version="1.0" encoding="{name}"?><rss><channel><item><title>x</title>'
        feed += f"<description>{_sentence(rng)}</description></item></channel></rss>"
        data = feed.encode()
    return Case(f"charset-{n}.html", data)


def encodings(rng: random.Random, n: int) -> Case:
    text = _html(f"<p>{_sentence(rng)} Müller’s report — «Ḥimṣ».</p>")
    variants: list[Callable[[], bytes]] = [
        lambda: text.encode("utf-16"),
        lambda: text.encode("utf-16-le"),
        lambda: text.encode("cp1252", "replace"),
        lambda: text.encode("latin-1", "replace") + bytes(rng.randrange(256) for _ in range(64)),
        lambda: b"\xef\xbb\xbf" + text.encode("utf-8"),
        lambda: base64.b64encode(text.encode()),
        lambda: bytes(rng.randrange(256) for _ in range(2048)),
        lambda: text.encode()[: len(text) // 2] + b"\xff\xfe\x00\x00" + text.encode(),
        lambda: b"",
        lambda: b" \n\t " * 100,
    ]
    return Case(f"encoding-{n}.html", variants[n % len(variants)]())


_DATES = ("0001-01-01", "9999-12-31", "0000-00-00", "1899-12-31", "2999-01-01", "-0001-01-01",
          "Mon, 01 Jan 0001 00:00:00 GMT", "1970-01-01T00:00:00Z", "2018-02-30", "yesterday")  # fmt: skip


def dates(rng: random.Random, n: int) -> Case:
    value = _DATES[n % len(_DATES)]
    if n % 2:
        data = (
            f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item>"
            f"<title>Item</title><pubDate>{value}</pubDate><description>{_sentence(rng)}"
            "</description></item></channel></rss>"
        )
        return Case(f"date-{n}.xml", data.encode())
    head = f'<meta property="article:published_time" content="{value}">'
    return Case(f"date-{n}.html", _html(f"<p>{_sentence(rng)} Last week too.</p>", head).encode())


_ENTITIES = ("&#xD800;", "&#0;", "&#x110000;", "&#99999999999;", "&lol9;", "&amp;" * 3, "&#x202E;")


def entities(rng: random.Random, n: int) -> Case:
    ent = _ENTITIES[n % len(_ENTITIES)]
    if n % 3 == 0:
        laughs = '<!DOCTYPE r [<!ENTITY lol "lol">' + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">'
            for i in range(10)
        )
        data = f"<?xml version='1.0'?>{laughs}]><rss><channel><item><title>&lol9;</title>"
        data += f"<description>{_sentence(rng)}</description></item></channel></rss>"
        return Case(f"entity-{n}.xml", data.encode())
    return Case(f"entity-{n}.html", _html(f"<p>{ent * 50} {_sentence(rng)} {ent}</p>").encode())


def nesting(rng: random.Random, n: int, depth: int) -> Case:
    tag = rng.choice(("div", "span", "b", "p", "table", "ul"))
    body = f"<{tag}>" * depth + _sentence(rng) + f"</{tag}>" * depth
    return Case(f"nesting-{n}.html", _html(body).encode())


def junk_markup(rng: random.Random, n: int, size: int) -> Case:
    pieces = ("<", ">", "<!--", "-->", "<![CDATA[", "]]>", "<script>", "</p", "&", '"', "=")
    text = "".join(rng.choice(pieces) + rng.choice(_TOWNS) for _ in range(size // 8))
    return Case(f"junk-{n}.html", f"<html><body>{text}".encode())


def many_comments(rng: random.Random, n: int, count: int) -> Case:
    one = (
        "<li class='comment' id='comment-{i}'><div class='comment-author'>Rob</div>"
        "<div class='comment-content'><p>Raqqa Raqqa Raqqa ISIS attack.</p></div></li>"
    )
    thread = "".join(one.format(i=i % 7) for i in range(count))
    body = f"<p>{_sentence(rng)}</p><ol class='comment-list'>{thread}</ol>"
    return Case(f"comments-{n}.html", _html(body).encode())


_FLOODS = ("<p>", "<b></b>", "<li>", "<br>", "<i>x</i>", "<a href='#'>Palmyra</a>")


def element_flood(rng: random.Random, n: int, size: int) -> Case:
    """One element (or a link) repeated for ``size`` bytes after a good paragraph."""
    unit = _FLOODS[n % len(_FLOODS)]
    return Case(
        f"flood-{n}.html", _html(f"<p>{_sentence(rng)}</p>" + unit * (size // len(unit))).encode()
    )


# -- floods whose markup varies from element to element (no two copies alike) -------------
def _fill(size: int, unit: Callable[[int], str]) -> str:
    """``unit(0)``, ``unit(1)``, ... joined up to ``size`` characters."""
    parts: list[str] = []
    total = i = 0
    while total < size:
        parts.append(piece := unit(i))
        total += len(piece)
        i += 1
    return "".join(parts)


def _word(rng: random.Random) -> str:
    return rng.choice((*_TOWNS, "x", "map", "Tag", "more", "news"))


def attribute_flood(rng: random.Random, n: int, size: int) -> Case:
    """Elements that differ only in their attributes' values (``<b id='N'>x</b>``)."""
    variant = n % 3
    units: list[Callable[[int], str]] = [
        lambda i: f"<b id='{i}'>x</b>",
        lambda i: f"<span class='c{i % 97}' data-n='{i}' title='t{i * 7}'>{_TOWNS[i % 8]}</span>",
        lambda i: f"<p id='p{i}' data-k='{rng.getrandbits(32):x}'></p>",
    ]
    return _flood_page(rng, "attrs", n, _fill(size, units[variant]))


def href_flood(rng: random.Random, n: int, size: int) -> Case:
    """Links, each to its own address (a tag cloud, a link farm), labels alike or not."""
    variant = n % 3
    units: list[Callable[[int], str]] = [
        lambda i: f"<li><a href='/t/{i}'>Tag {i}</a></li>",
        lambda i: f"<a href='https://example.org/{rng.getrandbits(40):x}'>Palmyra</a> ",
        lambda i: f"<a href='#{i}'>Palmyra {i}</a>",
    ]
    return _flood_page(rng, "hrefs", n, _fill(size, units[variant]))


_TAGS = ("div", "span", "section", "b", "i", "em", "blockquote", "article")


def deep_blocks(rng: random.Random, n: int, size: int) -> Case:
    """Blocks nested up to a few hundred deep (under the browsers' 512), each its own."""
    depth = rng.choice((50, 200, 500))

    def block(i: int) -> str:
        tags = [_TAGS[(i + k) % len(_TAGS)] for k in range(depth)]
        opened = "".join(f"<{t} id='d{i}-{k}'>" for k, t in enumerate(tags))
        return opened + _word(rng) + "".join(f"</{t}>" for t in reversed(tags))

    return _flood_page(rng, "deep", n, _fill(size, block))


def tiny_tables(rng: random.Random, n: int, size: int) -> Case:
    """Many tiny tables, lists or definition lists, each with its own cell."""
    variant = n % 3
    units: list[Callable[[int], str]] = [
        lambda i: f"<table><tr><td>{i}</td><td>{_word(rng)}</td></tr></table>",
        lambda i: f"<ul><li>{_word(rng)} {i}</li></ul>",
        lambda i: f"<dl><dt>{i}</dt><dd>{_word(rng)}</dd></dl>",
    ]
    return _flood_page(rng, "tables", n, _fill(size, units[variant]))


def huge_attributes(rng: random.Random, n: int, size: int) -> Case:
    """A few attribute values of megabytes (a data: image, a long title, a style)."""
    count = rng.choice((1, 3, 10))
    each = max(1, size // count)
    blob = base64.b64encode(rng.randbytes(each * 3 // 4)).decode()[:each]
    variant = n % 3
    units = (
        lambda i: f"<img src='data:image/png;base64,{blob}' alt='map {i}'>",
        lambda i: f"<div title='{blob}'>{_TOWNS[i % 8]}</div>",
        lambda i: f"<p style='{blob}' data-x=\"{i}\">{_sentence(rng)}</p>",
    )
    return _flood_page(rng, "bigattr", n, "".join(units[variant](i) for i in range(count)))


def comment_script_flood(rng: random.Random, n: int, size: int) -> Case:
    """Markup comments, scripts or styles by the ten thousand, each its own."""
    variant = n % 3
    units: list[Callable[[int], str]] = [
        lambda i: f"<!-- {i} -->",
        lambda i: f"<script>var a{i}={i};</script>",
        lambda i: f"<style>.c{i}{{color:red}}</style><!--{_word(rng)}-->",
    ]
    return _flood_page(rng, "scripts", n, _fill(size, units[variant]))


_MIXED = ("b", "i", "span", "a", "p", "div", "li", "em", "u", "td", "small", "font")


def mixed_markup(rng: random.Random, n: int, size: int) -> Case:
    """Short elements of random names, attributes and words, each closed: no structure
    repeats, and the markup never nests deep."""

    def unit(_: int) -> str:
        tag = rng.choice(_MIXED)
        attr = rng.choice(("", f" id='{rng.getrandbits(24):x}'", " class='x'", " href='#'"))
        inner = rng.choice(("", _word(rng), "<br>"))
        return f"<{tag}{attr}>{inner}</{tag}>"

    return _flood_page(rng, "mixed", n, _fill(size, unit))


def _flood_page(rng: random.Random, kind: str, n: int, flood: str) -> Case:
    body = f"<p>{_sentence(rng)}</p>{flood}<p>{_sentence(rng)}</p>"
    return Case(f"{kind}-{n}.html", _html(body).encode())


VARIED_KINDS: dict[str, Callable[[random.Random, int, int], Case]] = {
    "attrs": attribute_flood, "hrefs": href_flood, "deep": deep_blocks,
    "tables": tiny_tables, "bigattr": huge_attributes, "scripts": comment_script_flood,
    "mixed": mixed_markup,
}  # fmt: skip


def _hostile(rng: random.Random, n: int, scale: float) -> Case:
    def sized(full: int, low: int = 1) -> int:
        return max(low, int(full * scale))

    makers: list[Callable[[], Case]] = [
        lambda: nested_comments(rng, n, sized(rng.choice((500, 2000, 5000, 8000)), 20)),
        lambda: repeated_name(rng, n, sized(rng.choice((10_000, 100_000, 300_000)), 50)),
        lambda: map_links(rng, n, sized(rng.choice((2_000, 20_000, 60_000)), 20)),
        lambda: big_file(rng, n, sized(rng.randint(9 * MB, 10 * MB - 1), 20_000)),
        lambda: unpunctuated(rng, n, sized(rng.choice((20_000, 200_000)), 200)),
        lambda: charset(rng, n),
        lambda: encodings(rng, n),
        lambda: dates(rng, n),
        lambda: entities(rng, n),
        lambda: nesting(rng, n, sized(rng.choice((1_000, 10_000, 100_000)), 50)),
        lambda: junk_markup(rng, n, sized(rng.choice((10_000, 1_000_000)), 2_000)),
        lambda: many_comments(rng, n, sized(rng.choice((1_000, 20_000)), 20)),
        lambda: element_flood(rng, n, sized(rng.randint(MB, 10 * MB), 2_000)),
        *[
            lambda make=make: make(rng, n, sized(rng.randint(MB, 10 * MB), 2_000))
            for make in VARIED_KINDS.values()
        ],
    ]
    # The big kinds are rarer than the cheap ones, as on the web.
    weights = [1, 1, 1, 0.3, 1, 2, 2, 2, 2, 1, 1, 1, 0.5] + [0.2] * len(VARIED_KINDS)
    return rng.choices(makers, weights)[0]()


def cases(
    count: int, *, seed: int = 14, scale: float = 1.0, good_share: float = 0.1
) -> Iterator[Case]:
    """``count`` inputs, about ``good_share`` of them good pages, in a seeded order."""
    rng = random.Random(seed)
    for n in range(count):
        if rng.random() < good_share:
            yield good_page(rng, n)
        else:
            yield _hostile(rng, n, scale)


# -- the run ----------------------------------------------------------------------------------
@dataclass(slots=True)
class Tally:
    inputs: int = 0
    good: int = 0
    crashes: int = 0  # exceptions that ended a batch
    skipped: int = 0  # inputs never read because a batch ended
    unexpected: dict[str, int] = field(default_factory=dict)  # error class -> inputs
    refused: int = 0
    timeouts: int = 0
    good_lost: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # the worker's processor time
    slowest: tuple[float, str] = (0.0, "")
    peak_mb: float = 0.0
    peak_ratio: float = 0.0  # memory added / input size, inputs of 1 MB or more
    peak_ratio_input: str = ""
    ratio_by_kind: dict[str, tuple[float, str]] = field(default_factory=dict)  # 1 MB or more
    mapped_mb: float = 0.0  # file pages an input mapped (the gazetteer's page cache), at most
    wall_s: float = 0.0

    def summary(self) -> dict[str, Any]:
        times = sorted(self.seconds) or [0.0]
        p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
        cpu = sorted(self.cpu_seconds) or [0.0]
        return {
            "inputs": self.inputs, "good_pages": self.good, "crashes": self.crashes,
            "inputs_skipped_by_crashes": self.skipped, "unexpected_failures": self.unexpected,
            "refused": self.refused, "timeouts": self.timeouts,
            "good_pages_lost": len(self.good_lost), "lost": self.good_lost[:10],
            "seconds_p50": round(statistics.median(times), 3), "seconds_p99": round(p99, 3),
            "seconds_max": round(times[-1], 3), "slowest_input": self.slowest[1],
            "cpu_seconds_p99": round(cpu[min(len(cpu) - 1, int(0.99 * len(cpu)))], 3),
            "cpu_seconds_max": round(cpu[-1], 3),
            "peak_memory_mb": round(self.peak_mb, 1),
            "peak_memory_ratio_1mb_plus": round(self.peak_ratio, 2),
            "peak_memory_ratio_input": self.peak_ratio_input,
            "peak_memory_ratio_by_kind": {
                kind: f"{ratio:.1f}x {name}" for kind, (ratio, name) in sorted(self.ratio_by_kind.items())
            },
            "mapped_memory_mb": round(self.mapped_mb, 1),
            "wall_seconds": round(self.wall_s, 1),
        }  # fmt: skip


def run_corpus(
    count: int, *, seed: int = 14, scale: float = 1.0, batch: int = 100,
    max_seconds: float = 60.0, folder: Path | None = None,
) -> Tally:  # fmt: skip
    """Ingest ``count`` generated inputs in batches into a fresh store; tally what happened."""
    from frontlines import Frontlines, Settings

    started = time.perf_counter()
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        where = folder or Path(tmp)
        settings = Settings.from_env(db=str(Path(tmp) / "adversarial.sqlite"),
                                     max_seconds=max_seconds)  # fmt: skip
        app = Frontlines(settings, isolate=True)
        if hasattr(app, "start_workers"):  # the workers' parent, forked before any input is
            app.start_workers()  # held here (older commits: at the first batch)
        pending: list[tuple[Case, Path]] = []
        for case in cases(count, seed=seed, scale=scale):
            path = where / case.name
            path.write_bytes(case.data)
            pending.append((case, path))
            if len(pending) == batch:
                _batch(app, pending, tally)
                pending = []
        if pending:
            _batch(app, pending, tally)
    tally.wall_s = time.perf_counter() - started
    return tally


def merge(tallies: list[Tally]) -> Tally:
    """One tally of several runs (``--jobs``: shards run side by side)."""
    out = Tally()
    for t in tallies:
        out.inputs += t.inputs
        out.good += t.good
        out.crashes += t.crashes
        out.skipped += t.skipped
        for name, n in t.unexpected.items():
            out.unexpected[name] = out.unexpected.get(name, 0) + n
        out.refused += t.refused
        out.timeouts += t.timeouts
        out.good_lost += t.good_lost
        out.seconds += t.seconds
        out.cpu_seconds += t.cpu_seconds
        out.slowest = max(out.slowest, t.slowest)
        out.peak_mb = max(out.peak_mb, t.peak_mb)
        out.mapped_mb = max(out.mapped_mb, t.mapped_mb)
        if t.peak_ratio > out.peak_ratio:
            out.peak_ratio, out.peak_ratio_input = t.peak_ratio, t.peak_ratio_input
        for kind, ratio in t.ratio_by_kind.items():
            out.ratio_by_kind[kind] = max(out.ratio_by_kind.get(kind, ratio), ratio)
    return out


def _shard(args: tuple[int, int, float, int, float]) -> Tally:
    count, seed, scale, batch, max_seconds = args
    return run_corpus(count, seed=seed, scale=scale, batch=batch, max_seconds=max_seconds)


def run_jobs(
    count: int, jobs: int, *, seed: int = 14, scale: float = 1.0, batch: int = 100,
    max_seconds: float = 60.0,
) -> Tally:  # fmt: skip
    """``count`` inputs in ``jobs`` processes side by side, shard ``j`` seeded ``seed + j``
    (shard 0 is the single run's first inputs)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    started = time.perf_counter()
    sizes = [count // jobs + (j < count % jobs) for j in range(jobs)]
    shards = [(n, seed + j, scale, batch, max_seconds) for j, n in enumerate(sizes) if n]
    # not a multiprocessing Pool: its processes are daemons, which may not start the
    # workers that isolate each input
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(len(shards), mp_context=fork) as pool:
        tally = merge(list(pool.map(_shard, shards)))
    tally.wall_s = time.perf_counter() - started
    return tally


def _batch(app: Any, pending: list[tuple[Case, Path]], tally: Tally) -> None:
    tally.inputs += len(pending)
    tally.good += sum(case.good for case, _ in pending)
    try:
        report = app.ingest([str(path) for _, path in pending])
    except Exception as exc:  # what the issue counts: one input ending the batch
        tally.crashes += 1
        tally.skipped += len(pending)
        tally.good_lost += [f"{case.name} (batch ended: {type(exc).__name__})"
                            for case, _ in pending if case.good]  # fmt: skip
        return
    for (case, path), item in zip(pending, report.items, strict=True):
        _count(tally, case, path, item)
        path.unlink()


def _count(tally: Tally, case: Case, path: Path, item: Any) -> None:
    tally.seconds.append(item.seconds)
    tally.cpu_seconds.append(item.cpu_seconds)
    tally.slowest = max(tally.slowest, (item.seconds, case.name))
    tally.peak_mb = max(tally.peak_mb, item.peak_bytes / 1e6)
    tally.mapped_mb = max(tally.mapped_mb, item.mapped_bytes / 1e6)
    if len(case.data) >= 1_000_000:
        ratio = item.peak_bytes / len(case.data)
        named = (ratio, f"{case.name} ({len(case.data) / MB:.1f} MB)")
        tally.ratio_by_kind[case.kind] = max(tally.ratio_by_kind.get(case.kind, named), named)
        if ratio > tally.peak_ratio:
            tally.peak_ratio, tally.peak_ratio_input = named
    if item.status == "refused":
        tally.refused += 1
    elif item.status == "timeout":
        tally.timeouts += 1
    elif item.status == "failed":
        tally.unexpected[item.error_class] = tally.unexpected.get(item.error_class, 0) + 1
    if case.good and not (item.ok and item.documents >= 1):
        tally.good_lost.append(f"{case.name} ({item.status}: {item.error[:120]})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--scale", type=float, default=1.0, help="size of the big kinds (0-1)")
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    parser.add_argument("--jobs", type=int, default=1, help="processes side by side (shards)")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args(argv)
    if args.jobs > 1:
        tally = run_jobs(args.count, args.jobs, seed=args.seed, scale=args.scale,
                         batch=args.batch, max_seconds=args.max_seconds)  # fmt: skip
    else:
        tally = run_corpus(args.count, seed=args.seed, scale=args.scale, batch=args.batch,
                           max_seconds=args.max_seconds)  # fmt: skip
    summary = tally.summary()
    if args.json:
        print(json.dumps(summary))
    else:
        for key, value in summary.items():
            print(f"{key:28} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
