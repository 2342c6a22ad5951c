"""Personal details: phone numbers, email addresses, links, social handles, ID numbers and names.

Every finder returns spans in the cleaned text with the label that replaces them. Patterns are
case-insensitive and work on digits as typed: leetspeak is never applied to numbers.

What is deliberately not caught: years ("2025"), ages ("I am 14"), counts ("100 children"),
money ("Ksh 2,000,000"), times and percentages, and brand names used as topics ("TikTok should").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple


class Span(NamedTuple):
    start: int
    end: int
    label: str


PHONE = "[phone number removed]"
EMAIL = "[email removed]"
LINK = "[link removed]"
HANDLE = "[handle removed]"
ID_NUMBER = "[ID number removed]"
NAME = "[name removed]"

_I = re.IGNORECASE

# --- Phone numbers ------------------------------------------------------------------------------

_SEP = r"[\s\-.()]*"  # what people put between digits: spaces, dashes, dots, brackets
_KENYAN_PHONE_RE = re.compile(
    # 07xx / 01xx, +254 7xx / 254 1xx (optionally "+254 (0) 7xx"); digits may be written apart.
    # Every branch starts on a concrete character ("+", "2", "(", "0", "o") so runs of spaces or
    # dashes are not rescanned from each position.
    rf"(?<![\w+])(?:(?:\+{_SEP})?2{_SEP}5{_SEP}4{_SEP}(?:\(?0\)?{_SEP})?|"
    rf"(?:\(\s*)?[0oO]{_SEP})[17](?:{_SEP}\d){{8}}(?![\d])"
)
_INTERNATIONAL_PHONE_RE = re.compile(
    # "+44 20 7946 0958", "+1 (555) 123-4567", "00 44 ..." : 8 to 15 digits after the prefix.
    rf"(?:(?<![\w+])\+|(?<![\w])00{_SEP})[1-9](?:{_SEP}\d){{6,14}}(?!\d)"
)
_LOCAL_PHONE_RE = re.compile(
    # "712 345 678" (a Kenyan mobile without the leading 0) and "555-123-4567" (North American).
    r"(?<![\w.,])(?:7\d{2}[\s\-.]?\d{3}[\s\-.]?\d{3}|\(?\d{3}\)?[\s\-.]\d{3}[\s\-.]\d{4})(?![\w.,%])"
)

_DATE_RE = re.compile(r"\b\d{1,2}[./\-]\d{1,2}[./\-](?:19|20)\d\d\b")  # "07.12.2025"

_DIGIT_WORDS = frozenset(
    "zero oh one two three four five six seven eight nine "  # English
    "sifuri moja mbili tatu nne tano sita saba nane tisa".split()  # Kiswahili
)
_DIGIT_WORD_ALT = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
_SPELLED_ITEM = rf"(?:{_DIGIT_WORD_ALT}|double|triple|mara\s+mbili|\d+)"
_SPELLED_NUMBER_RE = re.compile(rf"\b{_SPELLED_ITEM}(?:[\s,\-.]+{_SPELLED_ITEM}\b)+", _I)
_SPELLED_TOKEN_RE = re.compile(rf"{_SPELLED_ITEM}", _I)


def _spelled_digit_count(run: str) -> int:
    count = 0
    for token in _SPELLED_TOKEN_RE.findall(run):
        token = token.lower()
        if token[0].isdigit():
            count += len(token)
        elif token == "double" or token.startswith("mara"):
            count += 1  # "double seven" is two digits: the word itself adds one
        elif token == "triple":
            count += 2
        else:
            count += 1
    return count


def _count_digit_words(text: str) -> int:
    # A split and a set lookup are much cheaper than the spelled-number regex on ordinary text.
    return sum(1 for word in text.lower().split() if word.strip(",.-") in _DIGIT_WORDS)


def _spelled_phones(text: str) -> Iterator[Span]:
    """Phone numbers spelled out: "zero seven one two ...", "sifuri saba moja mbili ..."."""
    for match in _SPELLED_NUMBER_RE.finditer(text):
        run = match.group(0)
        words = sum(1 for t in _SPELLED_TOKEN_RE.findall(run) if not t[0].isdigit())
        if words >= 3 and _spelled_digit_count(run) >= 9:
            yield Span(match.start(), match.end(), PHONE)


# --- Email addresses and links ----------------------------------------------------------------------

# Each pattern starts where a run of its first character class starts (the lookbehinds), so a long
# run of letters is scanned once, not once per position.
_EMAIL_RE = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", _I)
_EMAIL_NO_TLD_RE = re.compile(
    r"(?<![\w.+\-])[\w.+\-]+@(?:gmail|yahoo|ymail|outlook|hotmail|icloud|live|proton(?:mail)?)\b", _I
)
_AT = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+)"
_DOT = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\s*\.\s*)"
_MAIL_PROVIDERS = r"(?:gmail|googlemail|yahoo|ymail|outlook|hotmail|live|icloud|aol|proton(?:mail)?|zoho|gmx|yandex)"
_OBFUSCATED_EMAIL_RE = re.compile(
    # "jane at gmail dot com", "jane(at)yahoo(dot)co(dot)ke", "jane [at] school [dot] ac [dot] ke".
    rf"(?<![\w.+\-])[\w.+\-]+(?:{_AT}{_MAIL_PROVIDERS}|\s*[(\[{{<]\s*at\s*[)\]}}>]\s*[\w\-]+)(?:{_DOT}[a-z]{{2,6}}\b)+",
    _I,
)

_TLDS = (
    "com|org|net|edu|gov|info|biz|io|co|ke|ly|me|tv|app|gg|link|xyz|site|online|ug|tz|rw|uk|us|ca|"
    "au|za|ng|ai|dev|live|page|blog|store|shop|club|ru|de|fr|ac|go|or|sc|be|cc|to|ws|lnk|bio|fm|gl|tk|ee"
)
_LINK_RE = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']+"
    rf"|(?<![\w.\-])(?:[a-z0-9](?:[a-z0-9\-]{{0,61}}[a-z0-9])?\.)+(?:{_TLDS})\b(?![.\-]?\w)(?:/[^\s<>\"']*)?",
    _I,
)
# Top-level domains that are also short words. "good.me" or "went.to" is more often a missing space
# after a full stop than a link, so such a bare domain needs a path ("t.me/xyz") or a third label.
_WORDLIKE_TLDS = frozenset("me to go or be us so ac co ly tv io sc cc ws fm gl tk ai de fr ca ee".split())
_TRAILING_PUNCT = ".,;:!?)]}'\""

_OBFUSCATED_EMAIL_HINT_RE = re.compile(rf"[(\[{{<]\s*at\s*[)\]}}>]|{_MAIL_PROVIDERS}", _I)

# --- Handles ----------------------------------------------------------------------------------------

_HANDLE = r"[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?(?:#\d{4})?"  # "#1234": a Discord tag
_AT_HANDLE_RE = re.compile(rf"(?<![\w@.])@{_HANDLE}", _I)
_NOT_A_HANDLE = re.compile(r"@(?:\d{1,2}(?::\d\d)?(?:am|pm|hrs)?|home|school|work|night|noon|all|everyone|here)$", _I)
_PLATFORM = (
    r"(?:snap(?:chat)?|sc|ig|insta(?:gram)?|tiktok|tik\s+tok|tt|twitter|fb|facebook|telegram|discord|threads|"
    r"youtube|yt|whatsapp|signal|kik|roblox|free\s*fire|pubg|reddit|pinterest|twitch|x)"
)
_ACCOUNT = r"(?:handle|username|user\s*name|user\s*id|gamertag|gamer\s*tag|account|acc)"
# "my snap is jane.doe22", "my ig handle: jane_doe", "snap yangu ni jane.doe22", "username: jane"
_HANDLE_INTRO_RE = re.compile(
    rf"\b(?:(?:my|mine|our)\s+(?:{_PLATFORM}\b\s*{_ACCOUNT}?|{_ACCOUNT})|(?:{_PLATFORM}\b\s*{_ACCOUNT}?|"
    rf"{_ACCOUNT})\s+(?:yangu|yetu|changu|wangu))\s*(?P<sep>is|ni|:|=|->|-)\s*(?P<at>@?)(?P<handle>{_HANDLE})",
    _I,
)
_HANDLE_LABEL_RE = re.compile(
    rf"\b(?P<what>{_PLATFORM}|{_ACCOUNT})\b\s*(?P<sep>:|=|->)\s*(?P<at>@?)(?P<handle>{_HANDLE})", _I
)
# "add me on snap jane.doe22", "follow me on tiktok @jane", "nifollow kwa insta jane_doe"
_HANDLE_INVITE_RE = re.compile(
    rf"\b(?:(?:add|follow|dm|message|text|inbox|find|search|check|hmu)\s+(?:me\s+|us\s+)?|ni(?:add|follow|dm|text|"
    rf"inbox|tafute)\s+|hit\s+me\s+up\s+)(?:on|kwa|via|in|at)\s+{_PLATFORM}\b\s*(?P<sep>at|as|:|-|"
    rf"ni)?\s*(?P<at>@?)(?P<handle>{_HANDLE})",
    _I,
)
_HANDLE_HINT_RE = re.compile(rf"\b(?:{_PLATFORM}|{_ACCOUNT})\b", _I)
# Short platform labels that are only ever followed by a handle ("ig: jane", "sc: jane").
_SHORT_LABELS = {"ig", "sc", "snap", "snapchat", "insta", "tt", "username", "user name", "handle", "gamertag"}

# Words that follow "my tiktok is ..." and are not handles.
_COMMON_WORDS = frozenset(
    """
    a an the is am are was be been my your our their his her its it this that these those and or but so
    not no yes very too also just only really more most less fun boring private public blocked hacked
    banned closed deleted new old good bad great nice cool locked safe unsafe open off on for to from
    with without of in at by me you we they he she him them us i guys everyone everybody people friends
    please now today tomorrow later there here what where when why how who which ni na ya wa kwa la za
    yangu yetu changu sasa tu pia hapa huko mimi wewe sisi nyinyi wao marafiki
    addictive dangerous fake real full empty down up gone lost
    """.split()
)

# --- ID numbers -------------------------------------------------------------------------------------

_ID_WORDS = (
    r"(?:national\s+id|id\s*card|id|i\.d\.?|kitambulisho(?:\s+changu)?|namba\s+ya\s+kitambulisho|"
    r"birth\s*cert(?:ificate)?|cheti\s+cha\s+kuzaliwa|passport|pasipoti|nemis|upi|assessment\s+(?:no|number)|"
    r"index\s+(?:no|number)|adm(?:ission)?\s*(?:no|number))"
)
_ID_FILLER = r"(?:no|nos|number|num|namba|nambari|is|ni|yangu|changu|yake|:|#|=|-|\.)"
_INTRODUCED_ID_RE = re.compile(
    rf"\b{_ID_WORDS}\b(?:\s*{_ID_FILLER})*\s*(?P<number>[a-z]{{0,3}}[\-/]?\d[\da-z/\-]{{3,16}})\b",
    _I,
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_BARE_ID_RE = re.compile(r"(?<![\w.,:/+\-])\d{7,8}(?![\w%]|[.,:/]\d)")
_PASSPORT_RE = re.compile(r"(?<![\w])[A-Z]{1,2}\d{7}(?!\w)")  # Kenyan passports: "AK1234567"
_LONG_NUMBER_RE = re.compile(r"(?<![\w.,:/+\-])\d{9,15}(?![\w%]|[.,:/]\d)")
_MONEY_BEFORE_RE = re.compile(r"(?:ksh|kes|kshs|sh|shs|usd|\$|£|€)\s*\.?\s*$", _I)
_COUNT_AFTER_RE = re.compile(
    r"^\s*(?:/=|shillings|shilingi|bob|ksh|kes|dollars|people|persons|children|kids|youths?|users|views|followers|"
    r"likes|downloads|subscribers|times|watu|watoto|wanafunzi|vijana|km|kms|metres|meters)\b",
    _I,
)

# --- Names ------------------------------------------------------------------------------------------

_EXPLICIT_NAME_INTRO_RE = re.compile(
    r"\b(?:my\s+(?:full\s+|real\s+|first\s+|second\s+|last\s+|sur)?names?\s*(?:is|are|'s|:|=)|my\s+name's|"
    r"(?:majina|jina)\s+(?:langu|yangu)\s+(?:kamili\s+)?(?:ni|:)|(?:mimi\s+)?(?:ni)?naitwa|name\s*:|(?:i\s+am|i'm|"
    r"i’m|im)\s+called|(?:they|people|everyone|friends)\s+call\s+me)\s*",
    _I,
)
_SOFT_NAME_INTRO_RE = re.compile(r"\b(?:i\s+am|i'm|i’m|im|am|mimi\s+ni|it's\s+me|hi\s+i'm|this\s+is\s+me)\s+", _I)
# "it's Shiko Wanjiku here", "this is Brian Kiprop speaking"
_SIGNED_NAME_INTRO_RE = re.compile(r"\b(?:it's|it’s|its|this\s+is)\s+", _I)
_SIGNED_NAME_END_RE = re.compile(r"\s+(?:here|speaking|from)\b", _I)
_NAME_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
_NAME_GAP_RE = re.compile(r"[ \t]+")
_NOT_NAMES = frozenset(
    """
    a an the and or but from of in at on to with by for as is am are was not no yes so very too just
    really only also still here there this that my your his her our their i im me we you he she they it
    age aged years year old student learner pupil girl boy child kid teen teenager young form grade class
    standard std one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen happy sad tired scared afraid angry fine ok okay good well sure sorry
    glad proud worried bored hungry sick alone lonely done from living staying studying going from
    na ni wa ya kutoka niko nina nime mimi katika kwa huko hapa mwanafunzi msichana mvulana mtoto
    darasa gredi kidato miaka mwaka nimefurahi sijui secret private anonymous unknown
    kenyan kenya nairobi mombasa kisumu nakuru eldoret
    """.split()
)


def _trim_link(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING_PUNCT:
        end -= 1
    return end


def _phones(text: str, digits: int) -> Iterator[Span]:
    if _count_digit_words(text) >= 3:
        yield from _spelled_phones(text)
    if digits < 7:
        return
    for pattern in (_KENYAN_PHONE_RE, _INTERNATIONAL_PHONE_RE, _LOCAL_PHONE_RE):
        for match in pattern.finditer(text):
            if _DATE_RE.search(match.group(0)):
                continue  # "07.12.2025 10:30" is a date and a time
            if pattern is _LOCAL_PHONE_RE and _is_count_or_money(text, match.start(), match.end()):
                continue
            yield Span(match.start(), match.end(), PHONE)


def _emails(text: str) -> Iterator[Span]:
    patterns = (_EMAIL_RE, _EMAIL_NO_TLD_RE) if "@" in text else ()
    if _OBFUSCATED_EMAIL_HINT_RE.search(text):
        patterns += (_OBFUSCATED_EMAIL_RE,)
    for pattern in patterns:
        for match in pattern.finditer(text):
            yield Span(match.start(), _trim_link(text, match.start(), match.end()), EMAIL)


def _links(text: str) -> Iterator[Span]:
    for match in _LINK_RE.finditer(text):
        found = match.group(0)
        if not re.match(r"https?://|www\.", found, _I) and "/" not in found:
            labels = found.split(".")
            if len(labels) == 2 and labels[1].lower() in _WORDLIKE_TLDS:
                continue
        yield Span(match.start(), _trim_link(text, match.start(), match.end()), LINK)


def _looks_like_handle(candidate: str) -> bool:
    return any(ch in candidate for ch in "_.0123456789")


def _handles(text: str) -> Iterator[Span]:
    if "@" in text:
        for match in _AT_HANDLE_RE.finditer(text):
            if not _NOT_A_HANDLE.match(match.group(0)):
                yield Span(match.start(), match.end(), HANDLE)
    if not _HANDLE_HINT_RE.search(text):
        return
    for pattern in (_HANDLE_INTRO_RE, _HANDLE_LABEL_RE, _HANDLE_INVITE_RE):
        for match in pattern.finditer(text):
            handle = match.group("handle")
            if handle.lower() in _COMMON_WORDS:
                continue
            explicit = bool(match.group("at")) or _looks_like_handle(handle)
            what = (match.groupdict().get("what") or "").lower()
            labelled = match.group("sep") in (":", "=", "->") and (
                pattern is not _HANDLE_LABEL_RE or what in _SHORT_LABELS
            )
            account_word = re.search(_ACCOUNT, match.group(0), _I) is not None and pattern is _HANDLE_INTRO_RE
            if explicit or labelled or account_word or (pattern is _HANDLE_INVITE_RE and len(handle) >= 4):
                yield Span(match.start("at"), match.end("handle"), HANDLE)


def _is_count_or_money(text: str, start: int, end: int) -> bool:
    return bool(_MONEY_BEFORE_RE.search(text[max(0, start - 6) : start]) or _COUNT_AFTER_RE.match(text[end : end + 16]))


def _id_numbers(text: str, digits: int) -> Iterator[Span]:
    if digits < 3:
        return
    for match in _INTRODUCED_ID_RE.finditer(text):
        number = match.group("number").rstrip("-/ ")
        if sum(ch.isdigit() for ch in number) >= 3 and len(number) >= 5 and not _YEAR_RE.fullmatch(number):
            yield Span(match.start("number"), match.start("number") + len(number), ID_NUMBER)
    for pattern in (_BARE_ID_RE, _LONG_NUMBER_RE):
        for match in pattern.finditer(text):
            digits = match.group(0)
            if digits.endswith("0000") or _is_count_or_money(text, match.start(), match.end()):
                continue  # round amounts and counts: "5000000 people", "Ksh 2500000"
            yield Span(match.start(), match.end(), ID_NUMBER)
    for match in _PASSPORT_RE.finditer(text):
        yield Span(match.start(), match.end(), ID_NUMBER)


def _name_words(text: str, position: int, *, limit: int, titlecase_only: bool) -> list[re.Match[str]]:
    words = []
    while len(words) < limit:
        gap = _NAME_GAP_RE.match(text, position)
        word = _NAME_WORD_RE.match(text, gap.end() if gap and words else position)
        if word is None:
            break
        value = word.group(0)
        if value.lower().strip("'’-") in _NOT_NAMES or len(value) < 2:
            break
        if titlecase_only and not (value[0].isupper() and (value[1:].islower() or len(value) == 1)):
            break
        words.append(word)
        position = word.end()
    return words


def _names(text: str) -> Iterator[Span]:
    for match in _EXPLICIT_NAME_INTRO_RE.finditer(text):
        words = _name_words(text, match.end(), limit=3, titlecase_only=False)
        if words:
            yield Span(words[0].start(), words[-1].end(), NAME)
    longer_words = [w for w in _NAME_WORD_RE.findall(text) if len(w) >= 3]
    if len(longer_words) >= 3 and all(w[0].isupper() for w in longer_words):
        return  # Title Case Or CAPS everywhere: capitals say nothing about names
    for match in _SOFT_NAME_INTRO_RE.finditer(text):
        words = _name_words(text, match.end(), limit=3, titlecase_only=True)
        if len(words) >= 2:
            yield Span(words[0].start(), words[-1].end(), NAME)
    for match in _SIGNED_NAME_INTRO_RE.finditer(text):
        words = _name_words(text, match.end(), limit=3, titlecase_only=True)
        if len(words) >= 2 and _SIGNED_NAME_END_RE.match(text, words[-1].end()):
            yield Span(words[0].start(), words[-1].end(), NAME)


def find(text: str) -> list[Span]:
    """Return non-overlapping personal-detail spans in *text* (cleaned), in text order.

    Where findings overlap, the one that starts first wins, and of those the longest, so an email
    address is not also reported as a link and a handle.
    """
    # Cheap tests first: most entries have no digits, no "@" and no dot, and skip most patterns.
    digits = sum(map(str.isdigit, text))
    found: list[Span] = [*_emails(text)]
    if "." in text:
        found += _links(text)
    found += _phones(text, digits)
    found += _handles(text)
    found += _id_numbers(text, digits)
    found += _names(text)
    # Sorting is stable, so for equal spans the order above decides: a phone number beats an ID.
    candidates = sorted((s for s in found if s.end > s.start), key=lambda s: (s.start, -s.end))
    chosen: list[Span] = []
    for span in candidates:
        if chosen and span.start < chosen[-1].end:
            if span.end > chosen[-1].end and span.label == chosen[-1].label:
                chosen[-1] = Span(chosen[-1].start, span.end, span.label)
            continue
        chosen.append(span)
    return chosen


def redact(text: str, spans: list[Span]) -> str:
    """Replace each span of *text* with its label."""
    out = []
    position = 0
    for span in spans:
        out.append(text[position : span.start])
        out.append(span.label)
        position = span.end
    out.append(text[position:])
    return "".join(out)
