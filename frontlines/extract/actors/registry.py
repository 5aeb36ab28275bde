"""The actor registry: ACLED actor names, inter codes, countries and aliases.

Entries may be templates: ``{country}`` is the event's country in ACLED spelling,
``{the}`` its article in force names, ``{period}`` the government period at the event date
("Military Forces of Syria (2000-)"; closed, "(2017-2022)", only within ``names_as_of``). :meth:`ActorRegistry.for_country`
fills them in. The registry holds the theatre packs' actors (:mod:`.theatres`) before
the world-wide ones of ``data/actors.json``. Aliases written in capitals ("SAA", "IS")
match only in capitals as whole words; others ignore case. A demonym may stand before a ``prefixed`` actor's alias
("Russian troops") and then sets that actor's country. Armed groups the registry does
not list are named from the text (:mod:`.named_groups`).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from ...records import Actor, Span
from ...regex_gate import grouped_alternation
from ..places.admin_hint import hint_country
from ..theatres import air_arm, government_periods, pack_actors
from .militias import named_militias
from .named_groups import named_groups

UNIDENTIFIED = "Unidentified Armed Group ({country})"
# words for a country's own government that may stand where a demonym stands before one
# of its forces ("regime artillery", "government jets"): that of the event's country
_OWN_GOVERNMENT = r"government|regime|junta"
# an aircraft's or drone's model or kind between its owner and the force word ("U.S. F-15
# jets", "Russian Su-24 warplanes", "a regime suicide drone")
_CRAFT = (r"(?:(?:[A-Z][A-Za-z]?-\d+[A-Za-z]?|MiG-\d+|Bayraktar(?:\s+TB2)?|Shahed(?:-\d+)?|suicide"
          r"|kamikaze|armed|explosive-laden|attack)\s+)?")


# The date actor names are read as of ("" = none: every period open): ACLED closes a period
# ("Military Forces of Somalia (2017-2022)") once the next has begun, so a data set taken
# on a date names the periods closed by then (``names_as_of``).
NAMES_AS_OF: ContextVar[str] = ContextVar("names_as_of", default="")


@contextmanager
def names_as_of(date: str) -> Iterator[None]:
    """Within the block, name government periods as closed only if the next began by
    ``date`` (ISO), as a data set taken on that date names them."""
    token = NAMES_AS_OF.set(date)
    try:
        yield
    finally:
        NAMES_AS_OF.reset(token)


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """A country as ACLED names it, with its government periods (``YYYY-MM[-DD]`` starts)
    and, where ACLED's convention there differs from "Unidentified Armed Group
    (<country>)", the name it gives armed perpetrators nobody identified."""

    iso2: str
    name: str
    article: str
    periods: tuple[str, ...]
    unidentified: str = ""

    def period(self, when: str = "", as_of: str = "") -> str:
        """The period in force at ``when`` (ISO date; "" = latest) as ACLED writes it in a
        name: ``2017-`` while it lasts, ``2017-2022`` once the next began by ``as_of`` (the
        date the names are read as of; "" = every period read as still open, the names
        frontlines gives unless told a date). A start may be a month (``YYYY-MM``) or,
        where a leader took office mid-month, a day (``YYYY-MM-DD``)."""
        if not self.periods:
            return ""
        index = 0
        for i, start in enumerate(self.periods):
            if not when or start <= when[: len(start)]:
                index = i
        later = self.periods[index + 1 :]
        end = later[0][:4] if as_of and later and later[0] <= as_of[: len(later[0])] else ""
        return f"{self.periods[index][:4]}-{end}"


@cache
def countries() -> dict[str, CountryInfo]:
    """ISO alpha-2 -> CountryInfo, from the packaged table."""
    raw = json.loads(_data_text("countries.json"))
    periods = government_periods()  # a theatre pack's periods replace the world table's
    return {
        code: CountryInfo(
            code, row[0], row[1], periods.get(code, tuple(row[2])), row[3] if len(row) > 3 else ""
        )
        for code, row in raw.items()
        if not code.startswith("_")
    }


def country_info(country: str) -> CountryInfo | None:
    """Look a country up by ISO alpha-2 code or ACLED name."""
    table = countries()
    if country.upper() in table:
        return table[country.upper()]
    for info in table.values():
        if info.name.lower() == country.lower():
            return info
    return None


def _packaged() -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The theatre packs' actors and demonyms, then the world-wide ones."""
    base = json.loads(_data_text("actors.json"))
    entries, demonyms = pack_actors()
    return [*entries, *base["actors"]], {**base["demonyms"], **demonyms}


def _data_text(name: str) -> str:
    return resources.files("frontlines.extract").joinpath("data", name).read_text("utf-8")


@dataclass(frozen=True, slots=True)
class _Entry:
    actor: Actor
    prefixed: bool


class ActorRegistry:
    """Finds actors in text and names them ACLED's way."""

    def __init__(self, entries: Iterable[dict[str, Any]], demonyms: dict[str, str]) -> None:
        self._entries: list[_Entry] = []
        self._demonyms = dict(demonyms)
        self._alias: dict[str, tuple[_Entry, bool]] = {}
        self._upper: dict[str, _Entry] = {}
        self._raw = list(entries)
        self._elsewhere: dict[str, str] = {}
        self._units: dict[str, tuple[frozenset[str], str]] = {}
        self._air_arms: dict[str, str] = {}
        self._before: dict[str, tuple[str, str, int]] = {}  # name -> (until, earlier name, inter)
        self._homonyms: dict[tuple[str, str], Actor] = {}  # (name, ISO2) -> actor named there
        self._country_pattern: re.Pattern[str] | None = None
        self._state_pattern: re.Pattern[str] | None = None
        self._possessed_pattern: re.Pattern[str] | None = None
        self._owned_body = ""
        self._nationals_pattern: re.Pattern[str] | None = None
        self._country_names: dict[str, str] = {}
        # the extractor and assign() both look at each sentence: answer the repeat from here
        self._last_found: tuple[str, list[tuple[Span, Actor]]] = ("", [])
        for raw in self._raw:
            self._add(raw)
        self._military_entry = next((e for e in self._entries if e.actor.name == _MILITARY), None)
        self._compile()

    @classmethod
    def default(cls) -> ActorRegistry:
        """The packaged registry: the theatre packs' actors, then the world-wide ones."""
        entries, demonyms = _packaged()
        return cls(entries, demonyms)

    @classmethod
    def load(cls, path: str | Path, *, extend: bool = True) -> ActorRegistry:
        """A registry from a JSON file (``{"actors": [...], "demonyms": {...}}`` or a list),
        added to the packaged one unless ``extend`` is False."""
        try:
            raw = json.loads(Path(path).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(
                f"cannot read actors file: {exc}; give a JSON list of "
                '{"name", "inter", "aliases"} objects',
                source=str(path),
            ) from exc
        extra = raw if isinstance(raw, list) else raw.get("actors", [])
        demonyms = {} if isinstance(raw, list) else raw.get("demonyms", {})
        if not extend:
            return cls(extra, demonyms)
        entries, base_demonyms = _packaged()
        return cls([*entries, *extra], {**base_demonyms, **demonyms})

    def extend_from(self, path: str | Path) -> ActorRegistry:
        """A new registry: this one's actors plus those in the JSON file at ``path``."""
        extra = ActorRegistry.load(path, extend=False)
        return ActorRegistry([*self._raw, *extra._raw], {**self._demonyms, **extra._demonyms})

    def _add(self, raw: dict[str, Any]) -> None:
        if not isinstance(raw, dict) or "name" not in raw or "inter" not in raw:
            raise ConfigError(f"actor entry {raw!r} needs 'name' and 'inter'; add them")
        aliases = tuple(raw.get("aliases", ()))
        actor = Actor(str(raw["name"]), int(raw["inter"]), str(raw.get("country", "")), aliases)
        entry = _Entry(actor, bool(raw.get("prefixed", False)))
        if raw.get("elsewhere"):
            self._elsewhere[actor.name] = str(raw["elsewhere"])
        if raw.get("unit_in"):
            self._units[actor.name] = (frozenset(raw["unit_in"]), str(raw["plain"]))
        if raw.get("air_arm"):
            self._air_arms[actor.name] = str(raw["plain"])
        if raw.get("before"):
            before = raw["before"]
            self._before[actor.name] = (
                str(before["until"]),
                str(before["name"]),
                int(before["inter"]),
            )
        self._entries.append(entry)
        for alias in (*aliases, *raw.get("prefixed_only", ())):
            needs_prefix = alias in raw.get("prefixed_only", ())
            if _is_acronym(alias):
                first = self._upper.setdefault(alias, entry)
            else:
                first = self._alias.setdefault(alias.lower(), (entry, needs_prefix))[0]
            if first is not entry and actor.country and first.actor.country != actor.country:
                # "coalition warplanes": the first entry's name everywhere but in the
                # country of a later entry that the same words name
                self._homonyms.setdefault((first.actor.name, actor.country), actor)

    def _compile(self) -> None:
        names = sorted(self._alias, key=len, reverse=True)
        dems = sorted(self._demonyms, key=len, reverse=True)
        dem = "|".join(re.escape(d) for d in dems)
        body = "|".join(re.escape(n) for n in names) or "(?!)"
        grouped = grouped_alternation([], names)  # the same matches, tried by first letter
        self._pattern = re.compile(
            rf"(?<![\w-])(?:(?P<dem>{dem})\s+(?:government\s+|regime\s+|state\s+)?{_CRAFT})?"
            rf"(?i:(?P<alias>{grouped or body}))(?:(?![\w-])|{_DEED})"
        )
        self._pair_pattern = re.compile(
            rf"(?<![\w-])(?P<dem>{dem or '(?!)'})(?P<more>(?:,\s+(?:{dem or '(?!)'}))*),?\s+(?:and|&)\s+"
            rf"(?:the\s+)?(?:[\w'-]+\s+){{1,2}}?(?i:(?P<word>{body}))(?![\w-])"
        )
        self._dem_pattern = re.compile(rf"(?<![\w-])(?:{dem or '(?!)'})(?![\w-])")
        prefixed = [a for a, (e, _) in self._alias.items() if e.prefixed]
        owned = "|".join(re.escape(a) for a in sorted(prefixed, key=len, reverse=True))
        self._owned_body = owned
        self._own_pattern = re.compile(
            rf"(?<![\w-])(?i:{_OWN_GOVERNMENT})\s+{_CRAFT}(?i:(?P<alias>{owned or '(?!)'}))(?![\w-])"
        )
        armed = "|".join(re.escape(d) for d in dems if self._demonyms[d])
        self._bare_pattern = re.compile(
            rf"(?<![\w-])(?:(?P<dem>{armed or '(?!)'})(?:\s+{_MODELS})?|(?i:the {_OWN_GOVERNMENT})){_BARE_DEED}"
        )
        acronyms = sorted(self._upper, key=len, reverse=True)
        upper = grouped_alternation(acronyms, []) or "(?!)"
        self._upper_pattern = re.compile(rf"(?<![\w-])(?:{upper})(?![\w-])")

    @property
    def actors(self) -> list[Actor]:
        return [entry.actor for entry in self._entries]

    def find(self, text: str) -> list[tuple[Span, Actor]]:
        """Actors named in ``text``, in order, longest match first where they overlap."""
        last_text, last_hits = self._last_found
        if text and text == last_text:
            return list(last_hits)
        found = self._find(text)
        self._last_found = (text, found)
        return list(found)

    def _find(self, text: str) -> list[tuple[Span, Actor]]:
        hits: list[tuple[Span, Actor]] = []
        for match in self._upper_pattern.finditer(text):
            entry = self._upper[match.group(0)]
            hits.append((Span(match.start(), match.end(), match.group(0)), entry.actor))
        for match in self._pattern.finditer(text):
            hit = self._hit(match)
            if hit is not None:
                hits.append(hit)
        hits.extend(self._paired(text))
        hits.extend(self._owned(text))
        hits.extend(self._possessed(text))
        hits.extend(self._bare(text))
        hits.extend(self._states(text))
        hits.extend(named_militias(text))
        hits.extend(self._unlisted(text, hits))
        hits = [h for h in hits if not _SPEAKER.match(text, h[0].end) and not _told_by(text, h[0])]
        return _coded_as(self._affiliated(_non_overlapping(hits), text), text)

    def _affiliated(
        self, hits: list[tuple[Span, Actor]], text: str
    ) -> list[tuple[Span, Actor]]:
        """A generic force glued to the non-state group it belongs to ("the SNA-affiliated
        Military Police", "HTS-run security forces") is that group."""
        out: list[tuple[Span, Actor]] = []
        for span, actor in hits:
            force = not _named(actor) or actor.inter == 1  # a kind of force, a state's
            # (read in the words just before the force, not the whole text before it)
            window = max(0, span.start - _AFFILIATED_REACH)
            glued = _AFFILIATED.search(text, window, span.start) if force else None
            owners = self._find(glued["name"]) if glued else []
            own = [a for _, a in owners if a.inter in (2, 3, 4) and _named(a)]
            out.append((span, own[0]) if len(own) == 1 else (span, actor))
        return out

    def _unlisted(self, text: str, listed: list[tuple[Span, Actor]]) -> list[tuple[Span, Actor]]:
        """Groups the registry does not list (:mod:`.named_groups`). A listed actor wins
        where they overlap, unless the group's name holds it as a mere word ("Yangon
        Federal Army", "Black Wolf PDF")."""
        kept: list[tuple[Span, Actor]] = []
        for span, actor in named_groups(text):
            if self._state_named(span.text, actor):
                continue
            overlapping = [h for h in listed if h[0].start < span.end and span.start < h[0].end]
            if all(_inside(h, span, actor) for h in overlapping):
                kept.append((span, actor))
        return kept

    def _state_named(self, name: str, actor: Actor) -> bool:
        """ "Sudan Armed Forces", "Nigerian Army 6 Brigade": a country's own forces."""
        first = name.split(" ", 1)[0]
        if first in ("the", "The") and " " in name:
            first = name.split(" ", 2)[1]
        named = first in self._demonyms or (len(first) > 2 and country_info(first) is not None)
        return named and actor.inter != 4 and not _MILITANT_NAME.search(name)

    def _paired(self, text: str) -> list[tuple[Span, Actor]]:
        """ "Russian and Ukrainian forces", "Russian and NAF forces": the first demonym
        names that country's force of the same kind."""
        hits: list[tuple[Span, Actor]] = []
        for match in self._pair_pattern.finditer(text):
            entry, _ = self._alias[match.group("word").lower()]
            if not entry.prefixed:
                continue
            # "US, British and French forces": each demonym of the list before "and"
            listed = [(match.start("dem"), match.group("dem"))] + [
                (match.start("more") + m.start(), m.group(0))
                for m in self._dem_pattern.finditer(match.group("more"))
            ]
            for start, word in listed:
                country = self._demonyms.get(word, "")
                if country:
                    hits.append((Span(start, start + len(word), word), replace(entry.actor, country=country)))
        return hits

    def _military(self) -> _Entry | None:
        """The entry of a country's military (a template filled per country)."""
        return self._military_entry

    def _owned(self, text: str) -> list[tuple[Span, Actor]]:
        """ "regime artillery", "government jets": a country's force named by the words
        for its government stands for the force of the country the event is in, as a
        demonym before it would ("Syrian artillery")."""
        hits: list[tuple[Span, Actor]] = []
        for match in self._own_pattern.finditer(text):
            entry, _ = self._alias[match.group("alias").lower()]
            hits.append((Span(match.start(), match.end(), match.group(0)), entry.actor))
        return hits

    def _possessed(self, text: str) -> list[tuple[Span, Actor]]:
        """ "Turkey's military", "Iraq's army": a country's force named with the country's
        name in the possessive, as a demonym before it would name it ("Turkish military")."""
        if "'s " not in text and "’s " not in text:
            return []
        if self._possessed_pattern is None:
            self._possessed_pattern = re.compile(
                rf"(?<![\w-])(?P<country>{_country_names_body()})['’]s\s+{_CRAFT}"
                rf"(?i:(?P<alias>{self._owned_body or '(?!)'}))(?![\w-])"
            )
        hits: list[tuple[Span, Actor]] = []
        for match in self._possessed_pattern.finditer(text):
            entry, _ = self._alias[match.group("alias").lower()]
            code = _country_name_codes()[match.group("country")]
            hits.append((Span(match.start(), match.end(), match.group(0)),
                         replace(entry.actor, country=code)))  # fmt: skip
        return hits

    def _states(self, text: str) -> list[tuple[Span, Actor]]:
        """ "Iran fired missiles at X", "Turkey shelled Y": a country named as the subject
        of a strike names its military."""
        military = self._military()
        if military is None or not _STATE_DEED.search(text):
            return []
        if self._state_pattern is None:
            self._state_pattern = re.compile(
                rf"(?<![\w-])(?:{_country_names_body()}){_STATE_DEED.pattern}"
            )
        codes = _country_name_codes()
        return [
            (Span(m.start(), m.end(), m.group(0)),
             replace(military.actor, country=codes[m.group(0)]))
            for m in self._state_pattern.finditer(text)
        ]  # fmt: skip

    def _bare(self, text: str) -> list[tuple[Span, Actor]]:
        """ "Russian shelled X": a demonym standing alone as the subject of a strike
        names that country's military; "the regime shelled X" the military of the country
        the event is in."""
        military = self._military()
        if military is None:
            return []
        return [
            (
                Span(m.start(), m.end(), m.group(0)),
                replace(military.actor, country=self._demonyms.get(m.group("dem") or "", "")),
            )
            for m in self._bare_pattern.finditer(text)
        ]

    def _hit(self, match: re.Match[str]) -> tuple[Span, Actor] | None:
        entry, needs_prefix = self._alias[match.group("alias").lower()]
        demonym = match.group("dem")
        span = Span(match.start(), match.end(), match.group(0))
        if demonym and entry.prefixed and self._demonyms.get(demonym):
            return span, replace(entry.actor, country=self._demonyms[demonym])
        foreign = self._demonyms.get(demonym or "", "")
        if foreign and entry.actor.country and entry.actor.country != foreign:
            # "Russian military police": a force named like one of another country's
            # (Brazil's military police) is the named country's military
            military = self._military()
            if military is not None and entry.actor.inter == 1:
                return span, replace(military.actor, country=foreign)
        if needs_prefix:
            return None
        start = match.start("alias")
        named = self._named_force_after(match.string, match.end()) if entry.prefixed else None
        if named is not None:
            # "artillery units of the Iraq Federal Police": a part of the force named after
            # it, with that force's country
            end, actor = named
            return Span(start, end, match.string[start:end]), actor
        owner = _of_country(match.string, match.end()) if entry.prefixed else None
        if owner is not None:
            # "the military forces of Russia": the country named after the force owns it.
            end, code = owner
            return Span(start, end, match.string[start:end]), replace(entry.actor, country=code)
        return Span(start, match.end(), match.group("alias")), entry.actor

    def _named_force_after(self, text: str, end: int) -> tuple[int, Actor] | None:
        """The end of "of (the) <Country> <force>" right after ``end`` and that country's
        force ("of the Iraq Federal Police": Iraq's police), or None."""
        match = _OF_COUNTRY.match(text, end)
        if match is None:
            return None
        words = match.group("name").split()
        size = next((n for n in range(1, len(words)) if country_info(" ".join(words[:n]))), 0)
        info = country_info(" ".join(words[:size])) if size else None
        if info is None:
            return None
        for cut in range(len(words) - size, 0, -1):  # the longest force name ending the name
            found = self._alias.get(" ".join(words[-cut:]).lower())
            if found is not None and found[0].prefixed:
                stop = match.start("name") + len(match.group("name"))
                return stop, replace(found[0].actor, country=info.iso2)
        return None

    def for_country(self, actor: Actor, country: str, when: str = "") -> Actor:
        """``actor`` with its template filled for an event in ``country`` (ISO2 or name)
        at ``when``; a state force acting outside its own country gets inter 8."""
        here = country_info(country) if country else None
        actor = self._homonyms.get((actor.name, here.iso2 if here else ""), actor)
        actor = self._as_before(actor, when)
        own = country_info(actor.country) if actor.country else None
        if actor.name in self._elsewhere and here is not None and own is not None and own != here:
            # A force named for one country ("gendarmerie") acting in another is that
            # country's own force of the same kind.
            actor = Actor(self._elsewhere[actor.name], actor.inter, "", actor.aliases)
            own = None
        info = own or here
        if actor.name in self._air_arms:
            # "Russian air force": named apart only where a theatre pack says ACLED does.
            arm = air_arm(info.iso2, (here or info).iso2) if info else ""
            plain = self._air_arms[actor.name]
            actor = replace(actor, name=f"{plain} {arm}" if arm else plain)
        if actor.name in self._units and (
            info is None or info.iso2 not in self._units[actor.name][0]
        ):
            # A unit ACLED names apart only in some countries ("... Air Force" in Russia
            # and Ukraine) is the plain force elsewhere.
            actor = replace(actor, name=self._units[actor.name][1])
        name = actor.name
        if name == UNIDENTIFIED and here is not None and here.unidentified:
            name = here.unidentified
        if "{" in name:
            if info is None:
                name = re.sub(r"\s*\(\{(?:country|period)\}\)|\s*of \{the\}\{country\}", "", name)
                name = name.replace("{country}", "").replace("{the}", "").strip()
            else:
                name = name.format(
                    country=info.name,
                    the=f"{info.article} " if info.article else "",
                    period=info.period(when, NAMES_AS_OF.get()),
                )
                name = name.replace(" (-)", "")
        inter = actor.inter
        if inter == 1 and own is not None and here is not None and own.iso2 != here.iso2:
            inter = 8
        return Actor(name, inter, (info.iso2 if info else ""), actor.aliases)

    def _as_before(self, actor: Actor, when: str) -> Actor:
        """A group that became a state's force at a date ("Taliban" in Afghanistan from
        August 2021) is, before that date, the armed group it was (its entry's ``before``)."""
        before = self._before.get(actor.name)
        if before is None or not when or when[: len(before[0])] >= before[0]:
            return actor
        return Actor(before[1], before[2], actor.country, actor.aliases)

    def country_in(self, text: str) -> str:
        """The ISO2 code of the country ``text`` names most often (a country name or a
        demonym such as "French"; first on ties); failing that, the country its
        organisations ("KCTU") or administrative units ("Durango") belong to; "" when
        it names none."""
        return self.country_named(text) or hint_country(text)

    def country_named(self, text: str) -> str:
        """The ISO2 code of the country ``text`` names most often by name or demonym
        (first on ties); "" when it names none."""
        if self._country_pattern is None:
            self._country_pattern = _country_pattern(self._demonyms)
            names = {info.name.lower(): code for code, info in countries().items()}
            self._country_names = {**names, **{k.lower(): v for k, v in _COUNTRY_ALIASES.items()}}
        counts: dict[str, int] = {}
        for match in self._country_pattern.finditer(text):
            code = self._country_names.get(match.group(0).lower()) or self._demonyms.get(
                match.group(0), ""
            )
            if code:
                counts[code] = counts.get(code, 0) + 1
        if counts:
            return max(counts, key=lambda code: counts[code])
        return ""

    def nationals(self, text: str) -> str:
        """The ISO2 code of the nationality of the people a sentence is about when they
        alone are its subject ("about 200 Ukrainians rallied", "Afghan nationals living
        in X staged a protest"); "" when the subject is mixed or not a nationality."""
        if self._nationals_pattern is None:
            self._nationals_pattern = _nationals_pattern(self._demonyms)
        match = self._nationals_pattern.search(text)
        return self._demonyms.get(match.group("dem"), "") if match else ""

    def stateless_crowd(self, text: str) -> bool:
        """True when the subject of ``text`` is migrants or asylum seekers of no stated
        nationality ("around 300 migrants protested"): ACLED's "(International)"."""
        return _MIGRANTS.search(text) is not None

    def unidentified(self, country: str) -> Actor:
        """ACLED's actor for an armed group nobody named."""
        return self.for_country(Actor(UNIDENTIFIED, 3), country)


_MILITARY = "Military Forces of {the}{country} ({period})"
# warplanes named by their model alone, after their owner's demonym ("two U.S. F-15s")
_MODELS = r"(?:[A-Z]-\d+|Su-\d+|MiG-\d+)s"
# "Russian shelled the positions": a demonym as the subject of a strike verb.
_BARE_DEED = r"(?=\s+(?:shelled|bombed|fired at|struck|attacked|targeted)\b)"
# "Iran fired missiles", "Turkey shelled": the deeds a country named alone is the subject of
_STATE_DEED = re.compile(
    r"(?=\s+(?:shelled|bombed|fired|launched|struck|attacked|targeted|pounded|bombarded"
    r"|(?:stepped up|intensified|escalated|resumed|renewed|continued) (?:its|their) (?:shelling"
    r"|bombardment|bombing|air ?strikes|strikes|attacks|offensive))\s)"
)

# "a Houthi-planted mine", "IS-fired rockets": the actor named before its deed.
_DEED = r"(?=-(?:planted|laid|placed|fired|launched|triggered|set)\b)"

# "military sources said", "police officials": people who speak for a force, not a force acting.
_SPEAKER = re.compile(
    r"\s+(?:sources?|spokes(?:man|woman|person)|officials?|analysts?|experts?|statements?|media"
    r"|correspondents?|commentators?|bloggers?|channels?)\b",
    re.I,
)

# ", the Syrian government said.", ", Iraq's security media cell reported": the source a
# report is attributed to in a closing clause, not a side of the event
_TAIL_BEFORE = re.compile(r",\s*(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}$")
_TAIL_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:said|says|reported|reports|announced|stated|added|told)\s*(?:[.;]|$|,\s)"
)


def _told_by(text: str, span: Span) -> bool:
    """True when the actor at ``span`` is the source a closing clause attributes the
    report to (", the Syrian government said.")."""
    return bool(
        _TAIL_BEFORE.search(text, max(0, span.start - 40), span.start)
        and _TAIL_AFTER.match(text, span.end)
    )


_COUNTRY_ALIASES = {
    "Korea": "KR", "DRC": "CD", "DR Congo": "CD", "USA": "US", "United States": "US",
    "UK": "GB", "Britain": "GB", "Ivory Coast": "CI", "Burma": "MM", "Palestine": "PS",
}  # fmt: skip


_HEADCOUNT = (
    r"(?:(?:about|around|some|over|nearly|at least|more than|up to)\s+)?"
    r"(?:[\d,]+(?:\s*(?:-|to)\s*[\d,]+)?\s+|(?:hundreds|dozens|thousands|scores) of\s+|several\s+"
    r"|a (?:small )?group of\s+|a dozen\s+|a few\s+|a handful of\s+)?"
)
_NATIONALS = (
    r"(?:s|\s+(?:nationals|citizens|women|men|students|people|migrants|refugees|expatriates))"
)
# Where they live ("living in Mersin", "in Puerto Rico", "resident in Costa Rica").
_ABROAD = (
    r"(?:\s+(?:living|resident|residing|based|studying|on erasmus)\s+in\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*"
    r"|\s+in\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)?"
)
# ", waving flags, shouting slogans,": what they did as they gathered.
_ASIDE = r"(?:,\s+(?:holding|carrying|waving|chanting|shouting|wearing|singing)\b[^,]{0,80},)?"
_GATHERED = (
    r",?\s+(?:held|gathered|staged|rallied|protested|demonstrated|marched|assembled|took to)\b"
)


_MIGRANTS = re.compile(
    rf"(?:^|(?<=, )|(?<=\) )){_HEADCOUNT}(?:migrants|asylum seekers)(?:\s+(?!from\b)[a-z]+){{0,2}}?"
    # "from Cuba, Venezuela and Haiti": several nationalities are international too.
    r"(?:\s+from\s+[A-Z][\w ]+(?:,\s*[A-Z][\w ]+)+(?:,?\s+and\s+[A-Z][\w ]+)?)?"
    r",?\s+(?:held|gathered|staged|rallied|protested|demonstrated|marched|assembled|took to|blocked"
    r"|attempted|initiated|rioted|clashed|threw|set)\b",
    re.I,
)


def _nationals_pattern(demonyms: dict[str, str]) -> re.Pattern[str]:
    dems = sorted(
        (d for d, code in demonyms.items() if code and d[-1:].islower()), key=len, reverse=True
    )
    body = "|".join(re.escape(d) for d in dems) or "(?!)"
    return re.compile(
        rf"(?:^|(?<=, )|(?<=\) )){_HEADCOUNT}(?P<dem>{body}){_NATIONALS}{_ABROAD}{_ASIDE}{_GATHERED}"
    )


@functools.cache
def _country_name_codes() -> dict[str, str]:
    """Country names ("Turkey", "the United States" and the aliases) -> ISO2."""
    names = {info.name: code for code, info in countries().items()}
    names.update(_COUNTRY_ALIASES)
    return names


@functools.cache
def _country_names_body() -> str:
    """An alternation of the country names, longest first."""
    names = _country_name_codes()
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _country_pattern(demonyms: dict[str, str]) -> re.Pattern[str]:
    names = [info.name for info in countries().values()] + list(_COUNTRY_ALIASES)
    words = sorted({*names, *(d for d, code in demonyms.items() if code)}, key=len, reverse=True)
    body = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


_OF_COUNTRY = re.compile(
    r"\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w'-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'-]+){0,3})"
)


def _of_country(text: str, end: int) -> tuple[int, str] | None:
    """The end of "of (the) <Country>" right after ``end`` and the country's ISO2 code,
    or None when no country is named there."""
    match = _OF_COUNTRY.match(text, end)
    if match is None:
        return None
    words = match.group("name").split()
    for size in range(len(words), 0, -1):
        info = country_info(" ".join(words[:size]))
        if info is not None:
            stop = match.start("name") + len(" ".join(words[:size]))
            return stop, info.iso2
    return None


_LOCAL_PDF = "People's Defense Force - "
_BRANCH = re.compile(r" - [A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_MILITANT_NAME = re.compile(r"\b(?:Liberation|Revolution(?:ary)?|Resistance|Freedom)\b")


def _inside(listed: tuple[Span, Actor], span: Span, group: Actor) -> bool:
    """True when a listed hit lies within an unlisted group's longer name as one of its
    words: a generic force word ("Army") after the name's start, or the People's Defense
    Force itself."""
    inner, actor = listed
    if (
        inner.start < span.start
        or inner.end > span.end
        or (inner.end - inner.start) >= len(span.text)
    ):
        return False
    if group.name.startswith(f"{actor.name} ("):
        return True  # "Mayi Mayi Yakutumba": a faction of a listed group
    if _BRANCH.fullmatch(span.text, inner.end - span.start):
        return True  # "Chinland Defense Force - Matupi": a branch named for its town
    if actor.name.startswith(("PDF: ", "People's Defense Force")):
        # "Black Wolf PDF", "... Force - Saw township"; not "... PDF Battalion 7".
        return (
            group.name.startswith(_LOCAL_PDF) or span.text.endswith("PDF") or (" - " in group.name)
        )
    if _generic(actor) and actor.inter in (5, 6, 7):
        return True  # "People" in "People Security and Defense Army"
    return _generic(actor) and inner.start > span.start


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "").replace("-", "")
    return letters.isalnum() and letters.upper() == letters and len(letters) <= 6


def _non_overlapping(hits: list[tuple[Span, Actor]]) -> list[tuple[Span, Actor]]:
    """Longest first where hits overlap; a generic word right after a named actor
    ("M23 rebels", "Al Shabaab militants") belongs to that actor."""
    hits.sort(key=lambda h: (h[0].start, -(h[0].end - h[0].start)))
    kept: list[tuple[Span, Actor]] = []
    for span, actor in hits:
        if kept and span.start < kept[-1][0].end:
            continue
        if kept and _generic(actor) and _absorbs(kept[-1][1], actor):
            last = kept[-1][0]
            if span.start - last.end <= 1:
                merged = Span(last.start, span.end, f"{last.text} {span.text}")
                kept[-1] = (merged, kept[-1][1])
                continue
        kept.append((span, actor))
    return kept


# "unidentified militants (coded as X)", "armed men (assumed X)", "gunmen believed to be X",
# "a militant group called X", "gunmen from a faction of X": the named actor the report
# settles on replaces the generic one before it.
_CODED_AS = re.compile(
    r"\s*(?:[(\[]\s*)?(?:coded as|assumed(?: to be)?|presumed(?: to be)?|believed to be"
    r"|suspected(?: to be)?|likely(?: to be)?|probably|identified as|claimed by|called|named"
    r"|known as)\s+(?:the\s+|an?\s+)?$",
    re.I,
)
# "gunmen from a Turkish-backed faction", "fighters of the Islamic State": an armed band
# named by the group it belongs to (not "civilians of the tribe")
_MEMBERS_OF = re.compile(
    r"\s*(?:from|of|belonging to|affiliated (?:with|to)|loyal to|led by)\s+(?:the\s+|an?\s+)?$",
    re.I,
)


# "the SNA-affiliated Military Police": the group a force is glued to
_AFFILIATED = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3})[-‐](?:affiliated|linked|run|led)"
    r"\s+(?:the\s+)?$"
)
_AFFILIATED_REACH = 120  # four capitalised words and "-affiliated the " fit well inside
_KIND_WORD = re.compile(r"\b(?:factions?|groups?|militias?|brigades?|movements?|rebels)$", re.I)


def _apposition(kind: Span, gap: str) -> bool:
    """ "the Turkish-backed faction Ahrar al-Sharqiya", "two Turkish-backed factions, X and
    Y,": a kind of group followed by its name; the name is the actor."""
    return _APPOSED.fullmatch(gap) is not None and _KIND_WORD.search(kind.text) is not None


_APPOSED = re.compile(r"\s*[,:]?\s*(?:the\s+)?")


def _coded_as(hits: list[tuple[Span, Actor]], text: str) -> list[tuple[Span, Actor]]:
    kept: list[tuple[Span, Actor]] = []
    for span, actor in hits:
        if kept and _named(actor):
            gap = text[kept[-1][0].end : span.start]
            generic = _generic(kept[-1][1])
            band = kept[-1][1].name.startswith("Unidentified") and _MEMBERS_OF.match(gap)
            if (generic and (_CODED_AS.match(gap) or band)) or _apposition(kept[-1][0], gap):
                kept[-1] = (span, actor)
                continue
        kept.append((span, actor))
    return kept


def _named(actor: Actor) -> bool:
    """True for an actor with a name of its own (a group, a communal militia)."""
    return not actor.name.startswith(_GENERIC_KINDS)


_GENERIC_KINDS = (
    "Unidentified", "Military Forces of {", "Police Forces of {", "Civilians", "Protesters",
    "Rioters",
)  # fmt: skip


def _absorbs(named: Actor, generic: Actor) -> bool:
    """True when a generic word right after ``named`` is part of its name: "M23 rebels",
    and a force of a stated country before a word with none ("Turkish army warplanes");
    a named group placed by country ("Islamic State fighters") as well."""
    if _named(named):
        return True
    return bool(named.country) and not generic.country and "{" in generic.name


def _generic(actor: Actor) -> bool:
    return "{" in actor.name or actor.name.startswith("Unidentified")
