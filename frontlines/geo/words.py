"""Vocabulary shared by the gazetteer build and the resolver."""

from __future__ import annotations

# Words that name a kind of thing rather than a place, however capitalised.
_GENERIC = """university college school academy institute hospital clinic center centre court
    council church cathedral basilica chapel mosque temple station airport port street
    avenue road drive lane square park hall city county state district office house tower
    club stadium arena market bank embassy ministry department police government republic
    federal national international general regional central north south east west northern
    southern eastern western upper lower high middle new old great royal saint st the of
    and hotel restaurant museum library gallery bridge village town municipal executive
    memorial downtown domestic industrial harbour metro island glider skypark"""
GENERIC_WORDS = frozenset(_GENERIC.split())


def generic_only(name: str) -> bool:
    """Whether every word of ``name`` is a kind word ("State", "City Hall")."""
    return all(w.lower() in GENERIC_WORDS for w in name.split())


# Arabic words that qualify a place name by its side or size ("Mleihat al-Gharbiyah" is
# what English reports call "Western Mleiha"), as the English word reports put first.
_ARABIC_QUALIFIERS = {
    "Western": "gharbi gharbiya gharbiyah gharbiyeh gharbiyya gharbiyyah gharbiyyeh gharbiye",
    "Eastern": "sharqi sharqiya sharqiyah sharqiyeh sharqiyya sharqiyyah sharqiyyeh sharqiye",
    "Northern": "shamali shamaliya shamaliyah shamaliyeh shamaliyya shamaliyyah",
    "Southern": "janubi janubiya janubiyah janubiyeh janoubi janoubiyeh jnoubi",
    "Upper": "fawqani fawqaniya fawqaniyah foqani foqaniyeh fouqani",
    "Lower": "tahtani tahtaniya tahtaniyah tahtaniyeh tahtaniyyeh",
    "Big": "kabir kabira kabirah kebir kbir kubra",
    "Small": "saghir saghira saghirah sghir sughra",
    "Middle": "wusta awsat",
}
ARABIC_QUALIFIERS = {w: english for english, words in _ARABIC_QUALIFIERS.items()
                     for w in words.split()}  # fmt: skip


def article_split(folded: str) -> list[str]:
    """A folded name whose later word carries the Arabic article written onto it, with the
    article set apart: "shawarghet elarz" -> ["shawarghet el arz"] (a text's "Shawarighat
    al Arz"); [] when no later word starts with al/el before three more letters."""
    words = folded.split()
    split = [f"{w[:2]} {w[2:]}" if i and len(w) >= 5 and w[:2] in ("al", "el") else w
             for i, w in enumerate(words)]  # fmt: skip
    return [" ".join(split)] if split != words else []


def qualifier_aliases(folded: str) -> list[str]:
    """English forms of a folded name carrying an Arabic side or size word: "mleihat
    gharbiyyeh" -> ["Western mleihat", "Western mleiha"] (a construct -at also as -a)."""
    words = folded.split()
    if len(words) < 2 or words[-1] not in ARABIC_QUALIFIERS:
        return []
    english, head = ARABIC_QUALIFIERS[words[-1]], " ".join(words[:-1])
    out = [f"{english} {head}"]
    if head.endswith("at") and len(head) > 4:
        out.append(f"{english} {head[:-1]}")
    return out


# Arabic words that name a kind of place at the head of a name (a spring, a well, a
# monastery, a hill, a ruin): a name that is only such words names no one place.
_ARABIC_KINDS = """ain ayn ein bir deir dayr dair burj dar kafr kfar tall tal tel tell jubb khirbat
    khirbet rasm umm um abu bab ras qasr hawsh mazraat mazraa jisr wadi jabal jebel nahr
    sabkhat qaryat"""
ARABIC_KIND_WORDS = frozenset(_ARABIC_KINDS.split())


def qualifier_heads(folded: str) -> list[str]:
    """The name a qualified place is also called without its side or size word, as reports
    write it when one place of the name is meant ("baghuz fawqani" -> ["baghuz"]); [] when
    the rest is only words of a kind of place ("ain sharqi") or shorter than four letters."""
    words = folded.split()
    if len(words) < 2 or words[-1] not in ARABIC_QUALIFIERS:
        return []
    head = words[:-1]
    if all(w in ARABIC_KIND_WORDS for w in head) or len("".join(head)) < 4:
        return []
    return [" ".join(head)]


# Countries whose place names reach English through transliteration (Arabic, Kurdish and
# Persian script): their names are matched by sound ("Kishkiyeh" = "Kashkiyah"), where a
# Latin-script country's close spelling is mostly another word ("Scout" is not "Scott").
TRANSLITERATED = frozenset(
    ["SY", "IQ", "LB", "JO", "PS", "YE", "SA", "AE", "OM", "KW", "QA", "BH", "EG", "LY", "TN", "DZ", "MA", "MR", "SD", "IR", "AF"]
)
