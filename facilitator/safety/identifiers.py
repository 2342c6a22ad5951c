"""Numbers and places that identify a person: ID, birth-certificate, passport, school admission,
NEMIS/UPI and gaming IDs; M-Pesa till and paybill numbers; where someone lives.

All finders read the number view (:func:`normalise.numbers_view`): Unicode digits are ASCII there,
letters standing for digits inside number-like runs are digits, separators are "-". Offsets are
those of the shown text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from facilitator.safety.prefilter import gated

_I = re.IGNORECASE

# A cue word, up to three filler words ("ya free fire ni", "number is"), then the number. The number
# may be written in groups ("2987 6543", "21 345 678", "3 4 5 6 7 8 9 0").
ID_CUES = (
    r"(?:national\s+id|id\s*card|id|i\.d\.?|ids|ma-?id|kitambulisho|birth\s*cert(?:ificate)?|cheti\s+cha\s+kuzaliwa|"
    r"cheti|cert(?:ificate)?\s*(?:no|number)|passport|pasipoti|nemis|upi|assessment|index|adm(?:n|ission)?|admno|reg(?:istration)?|usajili|uid|player\s+id|"
    # a tax PIN ("KRA PIN ya mathe A0O9 7712 34Y"), a school's number for its pupil ("namba yangu ya shule 12/0078")
    r"gamer\s*id|game\s+id|kra\s+pin|namba(?=\s+(?:yangu\s+|yake\s+|yako\s+)?ya\s+shule)|school\s+(?:no|number))"
)
_FILLER = r"(?:\s*(?:no\.?|nos|number|num|namba|nambari|is|ni|yangu|changu|yake|ya|cha|la|my|:|#|=|-|\.|\(|\)|"
_FILLER += r"free\s+fire|pubg|cod|roblox|fortnite|fifa|mobile|shuleni|school|ya\s+\w+))*"
# Groups may be lettered between digit groups: "2019/ADM/3356" (the number view has "-" for "/").
# Lettered codes too ("LKMP-882-QWT", "G9T3 KX7R", "4 L 2 B 9 Q 7 T"), keycap digits leave two spaces between
# digits in the number view: :func:`_code_span` trims the words the pattern takes around the code.
_GROUPED_NUMBER = r"[a-z\d]{1,16}(?:(?:[ \-/]{1,3}|\s-\s)[a-z\d]{1,16}){0,15}"
_CODE_GROUP_RE = re.compile(r"[a-z\d]+", re.IGNORECASE)
# Up to three other words may stand between the cue and the number ("kitambulisho cha mama ni ...").
_OTHER_WORDS = r"(?:\s+[a-z]{2,10}(?=[\s:])){0,3}"
_INTRODUCED_ID_RE = gated(
    re.compile(rf"\b{ID_CUES}\b{_FILLER}{_OTHER_WORDS}{_FILLER}\s*(?P<number>{_GROUPED_NUMBER})\b", _I)
)
_ID_CONTEXT_RE = gated(
    re.compile(
        r"\b(?:id|ids|uid|nemis|upi|kitambulisho|cheti|passport|adm|admission|index|assessment|player|gamer|game|ff|"
        r"certificates?|cert|kra|"
        r"free\s+fire|pubg|codm|efootball|fortnite|roblox|account|code)\b",
        _I,
    )
)
# Digits in three or more groups ("7730 1928 44", "2 4 0 1 7 7 3 9 5 0").
_GROUPED_DIGITS_RE = re.compile(
    r"(?<![\w.,:/+\-])\d{1,4}(?:(?:[ \-]{1,3}|\s-\s|\s?[^\x00-\x7f\w]\s?)\d{1,4}){2,15}(?![\w%]|[.,:/]\d)"
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_BARE_ID_RE = re.compile(r"(?<![\w.,:/+\-])\d{7,8}(?![\w%]|[.,:/]\d)")
# Kenyan passports: "AK1234567", also in groups: "BK 330 9917"
_PASSPORT_RE = re.compile(r"(?<![\w])[A-Z]{1,2}\s?\d(?:[ \-]?\d){6}(?!\w|[ \-]\d)")
_LONG_NUMBER_RE = re.compile(r"(?<![\w.,:/+\-])\d{9,15}(?![\w%]|[.,:/]\d)")
_MONEY_BEFORE_RE = re.compile(r"(?:ksh|kes|kshs|sh|shs|usd|\$|£|€)\s*\.?\s*$", _I)
_COUNT_AFTER_RE = re.compile(
    r"^\s*(?:/=|shillings|shilingi|bob|ksh|kes|dollars|people|persons|children|kids|youths?|users|views|followers|"
    r"likes|downloads|subscribers|times|watu|watoto|wanafunzi|vijana|km|kms|metres|meters)\b",
    _I,
)

# M-Pesa: "till 5123678", "paybill 400200 acc 77123", "buy goods 567 8901".
_TILL_RE = gated(
    re.compile(
        r"\b(?:till|paybill|pay\s+bill|buy\s*goods|business\s+(?:no|number)|acc(?:ount)?|akaunti)\b"
        # a few words may come between: "till number yangu ya kuuza mandazi ni 5 4 3 2 1 2"
        r"(?:\s*(?:no\.?|number|namba|nambari|ni|is|:|#|-))*(?:(?:\s+[a-z]+){1,7}?\s*(?:ni|is|:|-)?)?"
        # letters standing alone for digits count too: "5 2 O 9 I 7"
        # groups apart by dashes too: "Till: 7 6 1 - 0 8 3"
        r"\s*(?P<number>\d(?:(?:[ ]?|\s?-\s?)(?:\d|(?-i:[OIlSB])(?![a-z]))){3,12})\b",
        _I,
    )
)

# Where someone lives: an estate or village, then plot/house/block/door/gate/road/room numbers.
_UNIT = (
    r"(?:plot|house|hse|block|blk|door|gate|road|rd|room|rm|flat|apartment|apt|court|nyumba|barabara|mlango|ploti|"
    r"chumba|lane|kibanda|stall|stage|keja|tent|hema|shop|kiosk|phase)"
)
# Units a school, an office or a bus stop has too ("room 4B", "stage 2"): alone, they need a place in their clause.
_WEAK_UNITS = frozenset("road rd room rm chumba lane stage barabara phase".split())
# A unit and its number; blocks, courts and wings may be lettered ("block B"); a unit may be described before
# its number ("nyumba ya bati namba 9").
_UNIT_NUMBER = (
    # "our house is number 34", "nyumba yetu ni namba 7": the home's own number
    rf"(?:{_UNIT}(?:\s+(?:ya|la|wa)\s+[a-z]{{3,}})?(?:\s+(?:yetu|yangu|yao|yake))?(?:\s+(?:is|ni)\s+(?=n))?"
    r"\s*(?:no\.?|nr\.?|number|namba|nambari|ya|#)?\s*[a-z]?\d+[a-z]?\b"
    r"|(?:block|blk|court|wing|phase|gate)\s+[a-z]\b)"
)
_BUSINESS_UNITS = frozenset("shop kiosk stall kibanda".split())
_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]")
# After a first unit, a home's door or house may be lettered: "plot 112 house C", "block 4, door B".
_NEXT_UNIT_NUMBER = rf"(?:{_UNIT_NUMBER}|(?:house|hse|door|flat|apt|room|nyumba|mlango)\s+[a-z]\b)"
_ADDRESS_RE = gated(re.compile(rf"\b{_UNIT_NUMBER}(?:[\s,]+{_NEXT_UNIT_NUMBER})*", _I))
_PLACE_WORD_RE = re.compile(r"[^\W_][\w'’]*|\d+")
_LAST_WORD_RE = re.compile(r"(?:[^\W_][\w'’]*|\d+)\W*$")
# Words before the units that are not a place's name.
_NOT_PLACES = frozenset(
    """
    in at to from near on live lives living stay stays staying stayed come came go we i you they he she it my our
    the a is are was niko tuko tunaishi naishi anaishi tunakaa nakaa anakaa tunadoze nadoze kwa katika karibu na
    ni at of and or then our class exam for meet meeting hall lab number hukaa wanaishi wanakaa akam hukam
    today tomorrow tonight yesterday leo kesho jana morning evening asubuhi jioni usiku start starts
    nko tko nkaa tnakaa nipo tupo yuko ako iko uko
    """.split()
)
# A landmark that finds a home without a number: "nyuma ya duka la Mzee Musyoka", "next to the mosque".
_LANDMARK_NOUNS = (
    r"(?:kanisa|makanisa|church|msikiti|mosque|duka|shop|kiosk|kibanda|shule|school|soko|market|mti|tree|posta|stage|"
    r"hospitali|hospital|dispensary|chief|petrol|station|bridge|daraja|mto|river|borehole|kisima|well|factory|kiwanda|"
    r"hoteli|hotel|butchery|salon|field|uwanja|junction|roundabout|camp|office|courts?|mnara|tower|tank)"
)
_LANDMARK_RE = gated(
    re.compile(
        r"\b(?:(?:karibu\s+na|nyuma\s+ya|mbele\s+ya|baada\s+ya|kabla\s+ya|kando\s+ya|pembeni\s+ya|juu\s+ya|opposite|"
        rf"next\s+to|behind|near|across\s+from|facing|above|along)\s+(?:the\s+)?(?:[a-z']+\s+){{0,2}}?(?:{_LANDMARK_NOUNS}|(?-i:[A-Z]\w+))"
        # "after", "from" and "past" lead to a home only from a landmark, not from a name ("after Form 3",
        # "from Kisumu")
        rf"|(?:after|from|past|kutoka(?:\s+kwa)?)\s+(?:the\s+)?(?:[a-z']+\s+){{0,2}}?{_LANDMARK_NOUNS})\b",
        _I,
    )
)
# A home described without a number: "nyumba ya tatu", "gate ya bluu", "boma la pili", "blue gate".
_DESCRIBED_HOME_RE = gated(
    re.compile(
        r"\b(?:(?:nyumba|house|gate|geti|boma|keja|mlango|door)\s+(?:ya|la|wa|yenye|with|number)\s+[a-z]+|"
        r"(?:gate|geti|mlango|door)\s+(?:nyeusi|nyeupe|nyekundu|bluu|kijani|manjano)|"
        r"(?:blue|green|red|black|white|yellow|brown|grey)\s+(?:gate|door|house|roof)|"
        # a floor or an ordinal home: "ground floor", "ghorofa ya pili", "second gate on the left"
        r"(?:ground|first|second|third|fourth|top|\d+(?:st|nd|rd|th)?)\s+floor|ghorofa\s+ya\s+[a-z]+|"
        r"(?:first|second|third|fourth|fifth|last)\s+(?:gate|house|door|boma|compound|plot))\b",
        _I,
    )
)
_UNIT_WORD_RE = re.compile(rf"\b{_UNIT}\b", _I)
_NUMBER_WORD_RE = re.compile(r"\b(?:number|namba|nambari|no)\b|#", _I)
_POSSESSED_HOME_RE = gated(
    re.compile(
        r"\b(?:our|my|their)\s+(?:house|home|keja|plot|flat|door)\b|\b(?:nyumba|keja|ploti|plot|mlango)\s+(?:yetu|yangu|yao)\b",
        _I,
    )
)
# A place named after the number: "... number 34 at Kayole Junction", "... nyumba 9 pale Kware".
_PLACE_AFTER_RE = re.compile(r"\s*(?:at|in|on|pale|kwa|huko|katika)\s+(?-i:[A-Z])", _I)
# Words naming an area where homes are: "Milimani estate", "Kamobo flats".
_AREA_WORD_RE = re.compile(
    r"\b(?:estate|village|kijiji|mtaa|flats|apartments|court|gardens|phase|scheme|location|sub-location|street|avenue|"
    r"drive|close|crescent|area|ward|market|soko|mall|plaza|arcade|centre|center)\b",
    _I,
)
# A village or estate named, the start of an address with landmarks ("kijiji chetu ni Mwala, tunakaa nyuma ya
# duka ...") or after "anwani yetu ni" / "our address is".
_LIVE_VERBS = r"(?:tunakaa|tunaishi|naishi|nakaa|anaishi|anakaa|hukaa|wanaishi|wanakaa|tunadoze|nadoze)"
_PLACE_NAMED_RE = gated(
    re.compile(
        r"(?:\b(?P<place>kijiji|village|estate|mtaa|location|lokesheni)\s+(?:(?:cha|chetu|chao|chake|yetu|yao|yake|wetu|"
        r"wao|wa|of|ya)\s+)?(?:(?:ni|is|called|inaitwa)\s+)?"
        r"|\b(?:anwani\s+(?:yetu|yangu|yake|yao|ya\s+nyumbani|ya\s+kwetu)|(?:my|our|his|her|home)\s+address)\s*(?:ni|is|:)?\s*"
        # "we stay in Zimmerman, behind Quickmart, the brown gate", "nyumba yetu iko Kariobangi North, karibu na ..."
        r"|\b(?:(?:we|i|they|she|he)\s+(?:live|lives|stay|stays)\s+(?:in|at)|(?:our|my|their)\s+(?:house|home)\s+is\s+(?:in|at)|"
        rf"{_LIVE_VERBS}|(?:nyumba|keja|boma)\s+(?:yetu|yangu|yao|yake)\s+(?:iko|ni)"
        # "kwetu ni Emuhaya, boma ya Shiundu, ...", "home ni Kiamwangi village, ...", "tuko Kibera DC, karibu na ..."
        r"|(?:kwetu|nyumbani|(?:my\s+|our\s+)?home|ushago|shags|our\s+place|my\s+place)\s*(?:ni|is|iko|:)|tuko|niko|nko|tupo|nipo"
        # directions to the home: "ukifika Kisauni stage uliza nyumba ya Mama Rehema, mlango wa bluu"
        r"|ukifika|ukija|ukipita|ukishuka|fikeni|when\s+you\s+(?:reach|get\s+to|come\s+to))"
        r"\s+(?:(?:kwa|huko|pale|in|at)\s+)?)"
        r"(?P<name>(?-i:[A-Z][\w'’-]+))",
        _I,
    )
)
# Words without which the pattern above cannot match: a set lookup over the text's words is much cheaper than
# the pattern (or a regex of these words) on the many entries that have none of them.
_PLACE_NAMED_WORDS = frozenset(
    """kijiji village estate mtaa location lokesheni anwani address live lives stay stays house home nyumba keja boma
    tunakaa tunaishi naishi nakaa anaishi anakaa hukaa wanaishi wanakaa tunadoze nadoze kwetu nyumbani ushago shags
    place tuko niko nko tupo nipo ukifika ukija ukipita ukishuka fikeni reach""".split()
)
_WORD_TOKEN_RE = re.compile(r"[a-z]+")
# The home itself is spoken of: a landmark near an estate ("estate yetu iko karibu na shule") is not an address.
_LIVE_RE = gated(re.compile(rf"\b(?:{_LIVE_VERBS}|live|lives|living|stay|stays|staying|kwetu|nyumbani)\b", _I))
# Where the home is spoken of, for a weak unit in a clause of its own ("I stay in Mathare 4A, ground floor, room 9").
_HOME_CUE_RE = gated(
    re.compile(
        rf"\b(?:{_LIVE_VERBS}|live|lives|living|stay|stays|staying|kwetu|nyumbani|home|tuko|niko|nko|tupo|nipo|keja|boma|"
        r"mtaa|estate|address|anwani)\b",
        _I,
    )
)
_SEGMENT_END = ",;"
_SENTENCE_END = ".!?\n"
_MAX_SEGMENT_WORDS = 9


def _segment_start(text: str, end: int) -> int:
    """Where the clause ending at *end* starts (after a comma, a sentence end or the text's start)."""
    position = end
    while position > 0 and text[position - 1] not in _SEGMENT_END and text[position - 1] not in _SENTENCE_END:
        position -= 1
    return position


def _sentence_start(text: str, end: int) -> int:
    position = end
    while position > 0 and text[position - 1] not in _SENTENCE_END:
        position -= 1
    return position


def _segment_end(text: str, start: int) -> int:
    position = start
    while position < len(text) and text[position] not in _SEGMENT_END and text[position] not in _SENTENCE_END:
        position += 1
    return position


def _speaks_of_a_home(segment: str) -> bool:
    return bool(_UNIT_WORD_RE.search(segment) or _LANDMARK_RE.search(segment) or _DESCRIBED_HOME_RE.search(segment))


# Directions to a home: "ukifika kwa Kiamaiko", "shuka Bamburi Mwisho stage", "ingia Kwa Bulo", "ask for Mama Akoth".
_DIRECTIONS_RE = gated(
    re.compile(
        r"\b(?:ukifika|ukija|ukipita|ukishuka|ukiingia|ukikata|shuka|ingia|uliza|fika|pita|kata|tembea|hadi|mpaka|walk|"
        r"when\s+you\s+(?:reach|get|come)|"
        r"ask\s+for|alight|turn|kulia|kushoto|on\s+the\s+(?:left|right))\b",
        _I,
    )
)


def _leads_to_a_home(segment: str) -> bool:
    return _speaks_of_a_home(segment) or _DIRECTIONS_RE.search(segment) is not None


def _walk_back(text: str, clause_start: int, start: int) -> tuple[bool, int, int]:
    """Back from *start* over the place words of its clause: (whether the clause's start was reached, the new
    start, how many place words). A short clause that speaks of the home or gives directions is taken whole
    ("ukifika kwa makanisa ya Redeemed uliza")."""
    segment = text[clause_start:start]
    words = list(_PLACE_WORD_RE.finditer(text, clause_start, start))
    # (a unit word alone is not enough: "ploti yetu iko na nyumba 40" counts houses)
    if (
        words
        and len(words) <= _MAX_SEGMENT_WORDS
        and (_LANDMARK_RE.search(segment) or _DESCRIBED_HOME_RE.search(segment) or _DIRECTIONS_RE.search(segment))
    ):
        return True, words[0].start(), len(words)
    place_words = 0
    for index in range(len(words) - 1, max(-1, len(words) - 7), -1):
        word = words[index].group(0)
        # "Mukuru kwa Njenga", "Umoja Kwa Chief": "kwa" between two capitalised words belongs to the place's name.
        inside_name = (
            word.lower() == "kwa" and index > 0 and words[index - 1].group(0)[:1].isupper() and place_words > 0
        )
        if word.lower() in _NOT_PLACES and not inside_name:
            return False, start, place_words
        start = words[index].start()
        place_words += 1
    return len(words) <= 6, start, place_words


def _place_before(text: str, start: int) -> tuple[int, int]:
    """Where the place before an address starts, and how many place words it has: back over its name in the
    same clause, and over earlier clauses that speak of the home or lead to it ("Kahawa West, stage ya Njathaini,
    keja ...", "Kwetu ni Mathare Mabatini, ukifika kwa Kiamaiko, ni gate ya pili kulia, nyumba 33")."""
    place_words = 0
    for _ in range(6):
        clause_start = _segment_start(text, start)
        reached, start, found = _walk_back(text, clause_start, start)
        place_words += found
        if not reached or clause_start == 0 or text[clause_start - 1] not in _SEGMENT_END:
            return start, place_words
        previous_start = _segment_start(text, clause_start - 1)
        previous = text[previous_start : clause_start - 1]
        if _leads_to_a_home(previous) and len(previous.split()) <= _MAX_SEGMENT_WORDS:
            start = previous_start + len(previous) - len(previous.lstrip())
            place_words += 1
            continue
        last = _LAST_WORD_RE.search(previous)
        if last is None or not (
            last.group(0)[:1].isupper()
            or last.group(0)[:1].isdigit()
            or _AREA_WORD_RE.search(previous)
            or _speaks_of_a_home(previous)
        ):
            return start, place_words
        # a place named in the clause before ("Githurai 45, road ya ..."), or the end of a long clause about the
        # home ("now we stay Kayole Spine road, near ...")
        start = clause_start - 1
    return start, place_words


def _bare_place(segment: str) -> bool:
    """A clause that only names a place: "Othaya", "Mutomo", "Nyeri Town", "Kobama village"."""
    words = segment.split()
    return 0 < len(words) <= 3 and all(word[:1].isupper() or _AREA_WORD_RE.fullmatch(word) for word in words)


def _home_after(text: str, end: int) -> tuple[int, int]:
    """Where the description of a home after *end* ends: the rest of its clause if a landmark is in it
    ("nyumba namba 41 karibu na msikiti"), and following clauses that speak of the home ("gate nyeusi"), over
    clauses that only name a place ("Kiamwangi village, Othaya, after the coffee factory second gate")."""
    described = 0
    rest_end = _segment_end(text, end)
    rest = text[end:rest_end]
    if (_LANDMARK_RE.search(rest) or _DESCRIBED_HOME_RE.search(rest) or _PLACE_AFTER_RE.match(rest)) and len(
        rest.split()
    ) <= _MAX_SEGMENT_WORDS:
        end, described = rest_end, 1
    elif len(rest.split()) <= 2 and rest_end < len(text) and text[rest_end] in _SEGMENT_END:
        end = rest_end  # the rest of the place's name: "Umoja 2, house with a red roof"
    skipped = end
    for _ in range(4):
        if skipped >= len(text) or text[skipped] not in _SEGMENT_END:
            break
        following_end = _segment_end(text, skipped + 1)
        following = text[skipped + 1 : following_end]
        if not _leads_to_a_home(following) or len(following.split()) > _MAX_SEGMENT_WORDS:
            if _bare_place(following):
                skipped = following_end
                continue
            break
        end = skipped = following_end - (len(following) - len(following.rstrip()))
        described += 1
    return end, described


def _is_count_or_money(text: str, start: int, end: int) -> bool:
    return bool(_MONEY_BEFORE_RE.search(text[max(0, start - 6) : start]) or _COUNT_AFTER_RE.match(text[end : end + 16]))


def _code_span(run: str) -> tuple[int, int] | None:
    """The code inside *run*: from its first group with a digit (or a letter group joined to one by "-", or a single
    letter) to its last, words written apart from it left out ("QWER-5521-ZX he wants" is "QWER-5521-ZX")."""
    groups = list(_CODE_GROUP_RE.finditer(run))
    singles = all(len(group.group(0)) == 1 for group in groups)

    def part_of_code(index: int) -> bool:
        group = groups[index].group(0)
        if any(ch.isdigit() for ch in group) or len(group) == 1:
            return True
        joined_after = index + 1 < len(groups) and run[group_end(index) : groups[index + 1].start()] == "-"
        joined_before = index > 0 and run[group_end(index - 1) : groups[index].start()] == "-"
        return len(group) <= 5 and (joined_after or joined_before)

    def group_end(index: int) -> int:
        return groups[index].end()

    first = next((index for index in range(len(groups)) if part_of_code(index)), None)
    if first is None:
        return None
    last = first
    while last + 1 < len(groups) and part_of_code(last + 1):
        last += 1
    # a single letter after the code is a word ("7740 a"), unless the whole code is spaced characters
    while not singles and last > first and groups[last].group(0).isalpha() and len(groups[last].group(0)) == 1:
        last -= 1
    return groups[first].start(), groups[last].end()


def id_numbers(view: str) -> Iterator[tuple[int, int]]:
    """ID, certificate, passport, school and gaming numbers, introduced or standing alone."""
    position = 0
    while (match := _INTRODUCED_ID_RE.search(view, position)) is not None:
        code = _code_span(match.group("number"))
        # the pattern's run may hold the next cue ("UPI: D4Y8P2K, adm 20931"): go on after the code, not the run
        position = match.start("number") + (code[1] if code else 0) + 1
        if code is None:
            continue
        number = match.group("number")[code[0] : code[1]]
        start = match.start("number") + code[0]
        digits = sum(ch.isdigit() for ch in number)
        if digits >= 3 and len(number.replace(" ", "")) >= 4 and not _YEAR_RE.fullmatch(number):
            yield start, start + len(number)
        elif digits >= 2 and len(number) >= 5 and not number.isalpha():
            yield start, start + len(number)  # a UPI: "KX9L2P"
    for pattern in (_BARE_ID_RE, _LONG_NUMBER_RE):
        for match in pattern.finditer(view):
            if match.group(0).endswith("0000") or _is_count_or_money(view, match.start(), match.end()):
                continue  # round amounts and counts: "5000000 people", "Ksh 2500000"
            yield match.start(), match.end()
    for match in _PASSPORT_RE.finditer(view):
        yield match.start(), match.end()
    # An identifier named earlier in the entry, its number later in groups or spaced digits: "he posts his ID
    # everywhere, like it's 5 5 2 - 0 0 1 - 7 7 4", "NEMIS number ... Mine ni 2 4 0 1 7 7 3 9 5 0".
    if sum(ch.isdigit() for ch in view) >= 8 and _ID_CONTEXT_RE.search(view):
        for match in _GROUPED_DIGITS_RE.finditer(view):
            digits = sum(ch.isdigit() for ch in match.group(0))
            if 8 <= digits <= 16 and not _is_count_or_money(view, match.start(), match.end()):
                yield match.start(), match.end()


# Organisations' paybills are public: "paybill ya KPLC, 888880", "KRA paybill 572572".
_PUBLIC_PAYEE_RE = gated(
    re.compile(
        r"\b(?:kplc|kenya\s+power|kra|nhif|sha|nssf|helb|e-?citizen|safaricom|airtel|telkom|dstv|gotv|zuku|startimes|"
        r"nairobi\s+water|kcb|equity|ncba|absa|stanbic|m-?shwari|kenya\s+airways|kenya\s+railways|sgr|red\s+cross|unicef|"
        r"childline)\b",
        _I,
    )
)
# The name an account is held in, after its number: "till 58 31 27 name MAMA ATIENO GENERAL SHOP", "(KAKAI MAMA
# MBOGA)", "jina WAFULA MILLERS", "acc GAKII MWENDA", "account Jemutai Korir", "under KAVINYA CYBER POINT". Capitals
# alone need no cue; a capitalised pair needs one.
_ACCOUNT_NAME_RE = re.compile(
    r"[ \t]*[,:;(\-]?[ \t]*(?:(?P<cue>name|jina(?:\s+la\s+biashara)?|under|acc(?:ount)?|akaunti|a/c|business\s+name|"
    r"kwa\s+jina\s+la)\s*[:\-]?\s*)?\(?"
    r"(?P<name>(?-i:[A-Z][A-Z'’]+(?:[ \t]*&[ \t]*|[ \t]+)){1,5}(?-i:[A-Z][A-Z'’]+)"
    r"|(?-i:[A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+){1,3}))",
    _I,
)


def till_numbers(view: str) -> Iterator[tuple[int, int]]:
    for match in _TILL_RE.finditer(view):
        if _PUBLIC_PAYEE_RE.search(view, max(0, match.start() - 20), match.start("number")):
            continue
        yield match.start("number"), match.end("number")


def account_name_after(text: str, end: int) -> tuple[int, int] | None:
    """The span of the name an account is held in, right after its number at *end*, if any."""
    match = _ACCOUNT_NAME_RE.match(text, end)
    if match is None:
        return None
    name = match.group("name")
    if not name.isupper() and not match.group("cue"):
        return None
    if name.isupper() and len(name.split()) < 2 and not match.group("cue"):
        return None
    return match.start("name"), match.end("name")


def addresses(text: str, has_digits: bool = True) -> Iterator[tuple[int, int]]:
    """Places with house numbers or landmarks: "kayole plot 45 house 12", "Kibera plot 12 nyumba 3", "kijiji
    cha Kaptagat, nyumba ya tatu baada ya kanisa"."""
    for match in _ADDRESS_RE.finditer(text) if has_digits else ():
        start, place_words = _place_before(text, match.start())
        units = [unit.lower() for unit in _UNIT_WORD_RE.findall(match.group(0))]
        # One unit alone ("plot 45") needs a place before it; two ("plot 45 house 12") stand alone. A weak unit
        # ("room 4B") needs its place in its own clause.
        if (
            len(units) == 1
            and units[0] in _WEAK_UNITS
            and not _PLACE_WORD_RE.search(text, _segment_start(text, match.start()), match.start())
            and not _HOME_CUE_RE.search(text, _sentence_start(text, match.start()), match.start())
        ):
            continue
        # the writer's own home is a place by itself: "our house is number 34 at Kayole Junction"
        # (with its number named as one, or a place or a landmark after it; a count is not: "our plot 4 people")
        possessed = (
            bool(units)
            and units[0] not in _WEAK_UNITS
            and _POSSESSED_HOME_RE.search(text, max(0, match.start() - 8), match.end()) is not None
            and not _is_count_or_money(text, match.start(), match.end())
        )
        # a shop or a stall finds its keeper only in a named market, mall or road: "Kongowea market, stall 88", not
        # "tulienda soko, stall 4 ilikuwa imefungwa"
        if set(units) <= _BUSINESS_UNITS and not _CAPITALISED_RE.search(text, start, match.start()):
            continue
        if len(units) >= 2 or place_words or possessed:
            end, described = _home_after(text, match.end())
            if not (len(units) >= 2 or place_words) and not (described or _NUMBER_WORD_RE.search(match.group(0))):
                continue
            yield start if place_words else min(start, match.start()), end
    if not _PLACE_NAMED_WORDS.isdisjoint(_WORD_TOKEN_RE.findall(text.lower())):
        for match in _PLACE_NAMED_RE.finditer(text):
            end, described = _home_after(text, match.end())
            home = text[match.start() : end]
            # a town and a landmark ("we live in Kisumu, near Kisumu Boys") are not a home; a village and a
            # landmark where we live are ("kijiji chetu ni Mwala, tunakaa nyuma ya duka la Mzee Musyoka")
            village = (match.group("place") or "").lower() in ("kijiji", "village")
            if described and (
                _UNIT_WORD_RE.search(home) or _DESCRIBED_HOME_RE.search(home) or (village and _LIVE_RE.search(text))
            ):
                yield match.start("place") if match.group("place") else match.start("name"), end
