"""Numbers and places that identify a person: ID, birth-certificate, passport, school admission,
NEMIS/UPI and gaming IDs; M-Pesa till and paybill numbers; where someone lives.

All finders read the number view (:func:`normalise.numbers_view`): Unicode digits are ASCII there,
letters standing for digits inside number-like runs are digits, separators are "-". Offsets are
those of the shown text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_I = re.IGNORECASE

# A cue word, up to three filler words ("ya free fire ni", "number is"), then the number. The number
# may be written in groups ("2987 6543", "21 345 678", "3 4 5 6 7 8 9 0").
_ID_CUES = (
    r"(?:national\s+id|id\s*card|id|i\.d\.?|ids|ma-?id|kitambulisho|birth\s*cert(?:ificate)?|cheti\s+cha\s+kuzaliwa|"
    r"passport|pasipoti|nemis|upi|assessment|index|adm(?:n|ission)?|admno|reg(?:istration)?|usajili|uid|player\s+id|"
    r"gamer\s*id|game\s+id)"
)
_FILLER = r"(?:\s*(?:no\.?|nos|number|num|namba|nambari|is|ni|yangu|changu|yake|ya|cha|la|my|:|#|=|-|\.|"
_FILLER += r"free\s+fire|pubg|cod|roblox|fortnite|fifa|mobile|shuleni|school|ya\s+\w+))*"
_GROUPED_NUMBER = r"[a-z]{0,3}[ \-]?\d[\da-z]*(?:(?:[ \-/]|\s-\s)\d[\da-z]*){0,7}"
# Up to three other words may stand between the cue and the number ("kitambulisho cha mama ni ...").
_OTHER_WORDS = r"(?:\s+[a-z]{2,10}(?=\s)){0,3}"
_INTRODUCED_ID_RE = re.compile(rf"\b{_ID_CUES}\b{_FILLER}{_OTHER_WORDS}{_FILLER}\s*(?P<number>{_GROUPED_NUMBER})\b", _I)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_BARE_ID_RE = re.compile(r"(?<![\w.,:/+\-])\d{7,8}(?![\w%]|[.,:/]\d)")
_PASSPORT_RE = re.compile(r"(?<![\w])[A-Z]{1,2}\s?\d{7}(?!\w)")  # Kenyan passports: "AK1234567"
_LONG_NUMBER_RE = re.compile(r"(?<![\w.,:/+\-])\d{9,15}(?![\w%]|[.,:/]\d)")
_MONEY_BEFORE_RE = re.compile(r"(?:ksh|kes|kshs|sh|shs|usd|\$|£|€)\s*\.?\s*$", _I)
_COUNT_AFTER_RE = re.compile(
    r"^\s*(?:/=|shillings|shilingi|bob|ksh|kes|dollars|people|persons|children|kids|youths?|users|views|followers|"
    r"likes|downloads|subscribers|times|watu|watoto|wanafunzi|vijana|km|kms|metres|meters)\b",
    _I,
)

# M-Pesa: "till 5123678", "paybill 400200 acc 77123", "buy goods 567 8901".
_TILL_RE = re.compile(
    r"\b(?:till|paybill|pay\s+bill|buy\s*goods|business\s+(?:no|number)|acc(?:ount)?|akaunti)\b"
    # a few words may come between: "till number yangu ya kuuza mandazi ni 5 4 3 2 1 2"
    r"(?:\s*(?:no\.?|number|namba|nambari|ni|is|:|#|-))*(?:(?:\s+[a-z]+){1,5}?\s*(?:ni|is|:|-)?)?"
    r"\s*(?P<number>\d[\d ]{2,12}\d)\b",
    _I,
)

# Where someone lives: an estate or village, then plot/house/block/door/gate/road/room numbers.
_UNIT = (
    r"(?:plot|house|hse|block|blk|door|gate|road|rd|room|rm|flat|apartment|apt|court|nyumba|barabara|mlango|ploti|"
    r"chumba|lane|kibanda|stall)"
)
# A unit and its number; blocks, courts and wings may be lettered ("block B").
_UNIT_NUMBER = (
    rf"(?:{_UNIT}\s*(?:no\.?|nr\.?|number|namba|nambari|ya|#)?\s*[a-z]?\d+[a-z]?\b"
    r"|(?:block|blk|court|wing|phase|gate)\s+[a-z]\b)"
)
_ADDRESS_RE = re.compile(rf"\b{_UNIT_NUMBER}(?:[\s,]+{_UNIT_NUMBER})*", _I)
_PLACE_WORD_RE = re.compile(r"[^\W_][\w'’]*|\d+")
# Words before the units that are not a place's name.
_NOT_PLACES = frozenset(
    """
    in at to from near on live lives living stay stays staying stayed come came go we i you they he she it my our
    the a is are was niko tuko tunaishi naishi anaishi tunakaa nakaa anakaa tunadoze nadoze kwa katika karibu na
    ni at of and or then our class exam for meet meeting hall lab number
    nko tko nkaa tnakaa nipo tupo
    """.split()
)


def _is_count_or_money(text: str, start: int, end: int) -> bool:
    return bool(_MONEY_BEFORE_RE.search(text[max(0, start - 6) : start]) or _COUNT_AFTER_RE.match(text[end : end + 16]))


def id_numbers(view: str) -> Iterator[tuple[int, int]]:
    """ID, certificate, passport, school and gaming numbers, introduced or standing alone."""
    for match in _INTRODUCED_ID_RE.finditer(view):
        number = match.group("number").rstrip("-/ ")
        digits = sum(ch.isdigit() for ch in number)
        if digits >= 3 and len(number.replace(" ", "")) >= 4 and not _YEAR_RE.fullmatch(number):
            yield match.start("number"), match.start("number") + len(number)
        elif digits >= 2 and len(number) >= 5 and not number.isalpha():
            yield match.start("number"), match.start("number") + len(number)  # a UPI: "KX9L2P"
    for pattern in (_BARE_ID_RE, _LONG_NUMBER_RE):
        for match in pattern.finditer(view):
            if match.group(0).endswith("0000") or _is_count_or_money(view, match.start(), match.end()):
                continue  # round amounts and counts: "5000000 people", "Ksh 2500000"
            yield match.start(), match.end()
    for match in _PASSPORT_RE.finditer(view):
        yield match.start(), match.end()


def till_numbers(view: str) -> Iterator[tuple[int, int]]:
    for match in _TILL_RE.finditer(view):
        yield match.start("number"), match.end("number")


def addresses(text: str) -> Iterator[tuple[int, int]]:
    """Places with house numbers: "kayole plot 45 house 12", "Kibera plot 12 nyumba 3"."""
    for match in _ADDRESS_RE.finditer(text):
        start = match.start()
        before = list(_PLACE_WORD_RE.finditer(text[max(0, start - 40) : start]))
        offset = max(0, start - 40)
        place_words = 0
        kept = before[-4:]
        for index in range(len(kept) - 1, -1, -1):
            word = kept[index]
            # "Mukuru kwa Njenga": "kwa" between two capitalised words belongs to the place's name.
            inside_name = (
                word.group(0) == "kwa" and index > 0 and kept[index - 1].group(0)[:1].isupper() and place_words > 0
            )
            if word.group(0).lower() in _NOT_PLACES and not inside_name:
                break
            start = offset + word.start()
            place_words += 1
        units = len(re.findall(_UNIT, match.group(0), _I))
        # One unit alone ("room 8") needs a place before it; two ("plot 45 house 12") stand alone.
        if units >= 2 or place_words:
            yield start, match.end()
