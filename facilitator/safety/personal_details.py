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

from facilitator.safety import identifiers, names, normalise, phones
from facilitator.safety.prefilter import GatedPattern, gated


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
ADDRESS = "[address removed]"

_I = re.IGNORECASE

# --- Phone numbers ------------------------------------------------------------------------------

# English and Kiswahili digit words, "oh" among them: the table the number finders' view reads too.
_DIGIT_WORDS = frozenset(normalise.DIGIT_WORD_VALUES)
# Digits spelled as they sound, as children type them ("sifuri sevn wan, tu tu thri, faiv siks ate, nain").
_SOUNDED_VALUES = {
    **dict.fromkeys(("ziro", "zero", "sero"), "0"),
    **dict.fromkeys(("wan", "won"), "1"),
    **dict.fromkeys(("tu", "too"), "2"),
    **dict.fromkeys(("thri", "tree", "tri"), "3"),
    **dict.fromkeys(("foa", "fo", "for", "foh"), "4"),
    **dict.fromkeys(("faiv", "fiv", "fife", "fyv"), "5"),
    **dict.fromkeys(("siks", "sikis", "sixx"), "6"),
    **dict.fromkeys(("sevn", "sevin", "seven", "sebn"), "7"),
    **dict.fromkeys(("ate", "eit", "eyt"), "8"),
    **dict.fromkeys(("nain", "nyn", "nine"), "9"),
}
_UNIT_VALUES = {**_SOUNDED_VALUES, **normalise.DIGIT_WORD_VALUES, "o": "0", "sufuri": "0"}
# Sounded digits that are also common words count toward a spelled number only inside one, never to start looking.
_COMMON_SOUNDED = frozenset({"tu", "too", "won", "ate", "fo", "for", "tree", "tri"})
# Tens and teens are two digits ("66 twenty 81", "mia tatu ishirini"); a hundred is three.
_TENS_VALUES = {
    word: str(value)
    for words in (
        "ten twenty thirty forty fifty sixty seventy eighty ninety",
        "kumi ishirini thelathini arobaini hamsini sitini sabini themanini tisini",
    )
    for value, word in enumerate(words.split(), 1)
}
_TEEN_VALUES = {
    word: str(value)
    for value, word in enumerate(
        "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), 11
    )
}
_NUMBER_WORDS = frozenset(
    (
        _DIGIT_WORDS
        | {"sufuri"}
        | _SOUNDED_VALUES.keys()
        | _TENS_VALUES.keys()
        | _TEEN_VALUES.keys()
        | {"mia", "hundred"}
    )
    - _COMMON_SOUNDED
)
_SPELLED_WORD_ALT = "|".join(
    sorted({*_UNIT_VALUES, *_TENS_VALUES, *_TEEN_VALUES, "double", "triple", "hundred"}, key=len, reverse=True)
)
_SPELLED_ITEM = rf"(?:mara\s+mbili|mia\s+(?:{'|'.join(_UNIT_VALUES)})|(?:{_SPELLED_WORD_ALT})\b|\d+\b)"
# Items apart by any separator; "na"/"and" only joins the parts of one number ("ishirini na tano").
# Any marks between the items: "0 saba 0 8 | 2 2 1 | 9 sita 4", "zero 7 👉 double 1", "07 then mbili tatu, then 5 6 7".
_SPELLED_SEPARATOR = r"(?:[\s,\-.|~/*:;]|[^\x00-\x7f\w]|\bthen\b|\bkisha\b|\bhalafu\b)+"
_SPELLED_NUMBER_RE = re.compile(rf"\b{_SPELLED_ITEM}(?:{_SPELLED_SEPARATOR}(?:(?:na|and)\s+)?{_SPELLED_ITEM})+", _I)
_SPELLED_TOKEN_RE = re.compile(r"mara\s+mbili|[^\W_]+", _I)
# A comma, a dot or a spaced dash ends a group: "ishirini - tisa" is 20 then 9, "twenty-nine" 29.
_GROUP_BREAK_RE = re.compile(r"[,.]|\s-|-\s")


def _tens_at(tokens: list[str], breaks: list[bool], index: int) -> tuple[str, int] | None:
    """Two digits for a tens or teens word at *index* (with its unit: "ishirini na tano", "twenty one")."""
    token = tokens[index]
    if token in _TEEN_VALUES:
        return _TEEN_VALUES[token], index + 1
    if token not in _TENS_VALUES:
        return None
    tens = _TENS_VALUES[token]
    after = index + 1
    if after < len(tokens) and tokens[after] in ("na", "and"):
        after += 1
    unit = "0"
    if after < len(tokens) and not breaks[after]:
        # "fifty 9": a digit as the unit too
        following = tokens[after]
        unit = following if len(following) == 1 and following.isdigit() else _UNIT_VALUES.get(following, "0")
    if unit != "0":
        return tens + unit, after + 1
    return tens + "0", index + 1


def _spelled_digits(run: str) -> tuple[str, int, bool]:
    """The digits a spelled run stands for, its number of words, and whether tens or hundreds are in it."""
    found = list(_SPELLED_TOKEN_RE.finditer(run))
    tokens = [token.group(0).lower() for token in found]
    breaks = [
        index > 0 and bool(_GROUP_BREAK_RE.search(run, found[index - 1].end(), token.start()))
        for index, token in enumerate(found)
    ]
    digits: list[str] = []
    words = 0
    compound = False
    repeat = 1
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in ("na", "and"):
            index += 1
            continue
        if not token[0].isdigit():
            words += 1
        part = ""
        if token[0].isdigit():
            part, index = token, index + 1
        elif token in ("double", "triple") or token.startswith("mara"):
            repeat, index = (3 if token == "triple" else 2), index + 1
            continue
        elif token == "mia" or (index + 1 < len(tokens) and tokens[index + 1] == "hundred"):
            # "mia tatu ishirini" is 320, "three hundred and five" 305, "mia tatu" alone 300
            compound = True
            unit_index = index + 1 if token == "mia" else index
            hundreds = _UNIT_VALUES.get(tokens[unit_index], "") if unit_index < len(tokens) else ""
            index = unit_index + 1 + (token != "mia")
            while index < len(tokens) and tokens[index] in ("na", "and"):
                index += 1
            rest = _tens_at(tokens, breaks, index) if index < len(tokens) else None
            if rest:
                part, index = hundreds + rest[0], rest[1]
            elif index < len(tokens) and _UNIT_VALUES.get(tokens[index], "0") != "0":
                part, index = hundreds + "0" + _UNIT_VALUES[tokens[index]], index + 1
            else:
                part = hundreds + "00"
        elif (tens := _tens_at(tokens, breaks, index)) is not None:
            compound = True
            part, index = tens
        elif token in _UNIT_VALUES:
            part, index = _UNIT_VALUES[token], index + 1
        else:
            index += 1
            continue
        if repeat > 1 and part:
            part = part[0] * repeat + part[1:]
            repeat = 1
        digits.append(part)
    return "".join(digits), words, compound


_REPEAT_WORD_RE = re.compile(r"\b(?:double|triple)\s+\d", _I)


def _count_number_words(text: str) -> int:
    # A split and a set lookup are much cheaper than the spelled-number regex on ordinary text;
    # hyphens split too ("seven-oh-one").
    return sum(1 for word in text.lower().replace("-", " ").split() if word.strip(",.:;") in _NUMBER_WORDS)


# "plus two five four ...": the international sign spelled too belongs to the number.
_SPELLED_PLUS_RE = re.compile(r"\b(?:plus|jumlisha)\s+$", _I)
# The name part of a spaced email written with spaced dots: "omondi . james @ gmail . com".
_SPACED_LOCAL_PART_RE = re.compile(r"(?:[\w+\-]+\s*\.\s*)+$")


_ID_CUE_BEFORE_RE = re.compile(rf"\b{identifiers.ID_CUES}\b[^.!?\d]{{0,40}}$", _I)


def _spelled_phones(text: str) -> Iterator[Span]:
    """Phone numbers spelled out: "zero seven one two ...", "sifuri saba nne tano - mia tatu ishirini ..."."""
    for match in _SPELLED_NUMBER_RE.finditer(text):
        run = match.group(0)
        digits, words, compound = _spelled_digits(run)
        plus = _SPELLED_PLUS_RE.search(text, 0, match.start())
        if (
            words
            and 6 <= len(digits) <= 10
            and _ID_CUE_BEFORE_RE.search(text, max(0, match.start() - 40), match.start())
        ):
            # an ID spelled after its cue: "ID ya baba tatu nne tano sifuri ...", "ID thirty-one four-oh-eight ..."
            yield Span(match.start(), match.end(), ID_NUMBER)
            continue
        if words == 0 or len(digits) < 9:
            continue
        # "0-7-2-0 double 4 5 triple 6": digits with "double"/"triple" read as a phone with fewer words
        repeats = any(word in run.lower() for word in ("double", "triple"))
        phone_shaped = bool(plus) or (digits[0] in "071" or digits.startswith("254")) and len(digits) <= 13
        if compound and not phone_shaped:
            continue  # "twenty one, twenty two, twenty three ...": counting, not a number
        if words >= 3 or (repeats and digits[0] in "071") or phones.is_phone(digits):
            yield Span(plus.start() if plus else match.start(), match.end(), PHONE)


# --- Email addresses and links ----------------------------------------------------------------------

# Each pattern starts where a run of its first character class starts (the lookbehinds), so a long
# run of letters is scanned once, not once per position.
_EMAIL_RE = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", _I)
_EMAIL_NO_TLD_RE = re.compile(
    r"(?<![\w.+\-])[\w.+\-]+@(?:gmail|yahoo|ymail|outlook|hotmail|icloud|live|proton(?:mail)?)\b", _I
)
# "at" and "dot" in English and Kiswahili ("mary kwa gmail nukta com").
_AT = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+(?:at|kwa)\s+)"
_DOT = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+(?:dot|nukta|doti)\s+|\s*\.\s*)"
_MAIL_PROVIDERS = r"(?:gmail|googlemail|yahoo|ymail|outlook|hotmail|live|icloud|aol|proton(?:mail)?|zoho|gmx|yandex)"
_OBFUSCATED_EMAIL_RE = re.compile(
    # "jane at gmail dot com", "jane(at)yahoo(dot)co(dot)ke", "jane [at] school [dot] ac [dot] ke".
    rf"(?<![\w.+\-])[\w.+\-]+(?:\s+(?:dot|underscore|dash)\s+[\w+\-]+)*(?:{_AT}{_MAIL_PROVIDERS}|\s*[(\[{{<]\s*at\s*[)\]}}>]\s*[\w\-]+)(?:{_DOT}[a-z]{{2,6}}\b)+",
    _I,
)

_TLDS = (
    "com|org|net|edu|gov|info|biz|io|co|ke|ly|me|tv|app|gg|link|xyz|site|online|ug|tz|rw|uk|us|ca|"
    "au|za|ng|ai|dev|live|page|blog|store|shop|club|ru|de|fr|ac|go|or|sc|be|cc|to|ws|lnk|bio|fm|gl|tk|ee|gle"
)
_LINK_RE = gated(
    re.compile(
        r"\b(?:https?://|www\.)[^\s<>\"']+"
        rf"|(?<![\w.\-])(?:[a-z0-9](?:[a-z0-9\-]{{0,61}}[a-z0-9])?\.)+(?:{_TLDS})\b(?![.\-]?\w)(?:/[^\s<>\"']*)?",
        _I,
    )
)
# Top-level domains that are also short words. "good.me" or "went.to" is more often a missing space
# after a full stop than a link, so such a bare domain needs a path ("t.me/xyz") or a third label.
_WORDLIKE_TLDS = frozenset("me to go or be us so ac co ly tv io sc cc ws fm gl tk ai de fr ca ee".split())
_TRAILING_PUNCT = ".,;:!?)]}'\""
# Public sites of organisations (government, telecoms, platforms' home pages, child-protection bodies):
# only their bare address, since a path can lead to a person ("tiktok.com/@jane").
_PUBLIC_SITE_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?(?:[\w\-]+\.)*(?:go\.ke|gov|gov\.\w\w|un\.org|unicef\.org|who\.int)/?$"
    r"|^(?:https?://)?(?:www\.)?x\.com/?$"
    r"|^(?:https?://)?(?:www\.)?(?:google|safaricom|airtel|telkom|childlinekenya|kenyalaw|tiktok|instagram|facebook|"
    r"youtube|whatsapp|twitter|snapchat|meta)\.(?:com|co\.ke|or\.ke|org|ke)/?$",
    _I,
)
# "brianart . co . ke", "wanjikuwrites dot com": a domain with its dots spaced or spelled out.
# "luanda-art[.]weebly[.]com": a dot in brackets, as links are written to keep them from working, is a dot too
_SPACED_DOT = r"(?:\s+\.\s*|\s*\.\s+|\s+dot\s+|\s*[\[(]\s*(?:\.|dot)\s*[\])]\s*)"
_SPACED_LINK_RE = gated(
    re.compile(
        rf"(?<![\w.\-])[a-z0-9][a-z0-9\-]{{1,61}}(?:(?:{_SPACED_DOT}|\.)[a-z0-9\-]{{2,30}}){{0,2}}?{_SPACED_DOT}"
        rf"(?:(?:co|or|ac|go|ne|sc)(?:{_SPACED_DOT}|\.)ke|com|org|net|ke|io|info|app|tv|biz|xyz|co\.uk|ee|me|ly|gg)\b"
        # and its path, spaced too: "soundcloud . com / kilimanibeatz"
        rf"(?:\s*/\s*@?[\w\-.]+(?<!\.))*"
        # a one-letter short link with its path: "t . me / mamba_wa_mombasa"
        rf"|(?<![\w.\-])[a-z]\s*\.\s*(?:me|co|ly)\s*/\s*@?[\w\-.]+(?<!\.)",
        _I,
    )
)
# "bit . ly / mtotoform24", "linktr.ee / kui": any short domain, its dot or its slash written apart, with a path.
_SPACED_PATH_LINK_RE = re.compile(
    rf"(?<![\w.\-])[a-z0-9][a-z0-9\-]{{1,61}}(?:(?:{_SPACED_DOT}|\.)[a-z0-9\-]{{2,30}}){{0,2}}?(?:{_SPACED_DOT}|\.)"
    r"[a-z]{2,6}(?:\s+/\s*|\s*/\s+|(?<=\s[a-z]{2})/|(?<=\s[a-z]{3})/|(?<=\s[a-z]{4})/)[\w\-]{2,}(?:\.[\w\-]+)*",
    _I,
)
# "kiptoo dot me slash art": a link with its dot and slash spelled out.
_SPELLED_PATH_LINK_RE = gated(re.compile(r"\b[a-z0-9][a-z0-9\-]{1,61}\s+dot\s+[a-z]{2,6}\s+slash\s+[\w\-]+", _I))
# "jane.k @ gmail . com": an email address with spaces around "@" and its dots.
_SPACED_EMAIL_RE = re.compile(r"(?<![\w.+\-])[\w.+\-]+\s*@\s*[\w\-]+(?:\s*\.\s*[\w\-]+)*\s*\.\s*[a-z]{2,6}\b", _I)

# "j.nyaga at kenyaschools dot org": "at" and "dot" spelled out around any domain, the local part shaped like an
# address (a dot, "_" or a digit in it) or named as an email.
_AT_DOT_EMAIL_RE = re.compile(
    r"(?:(?<![\w.+\-])[\w+\-]*[._\d][\w.+\-]*|(?<=email\s)[\w.+\-]+|(?<=email yake ni\s)[\w.+\-]+|"
    r"(?<=email yangu ni\s)[\w.+\-]+|(?<=email ni\s)[\w.+\-]+)\s+at\s+[\w\-]+(?:\s+dot\s+[a-z]{2,6}\b)+",
    _I,
)
# An address at a mail provider written any way: "akinyi dot otieno at gmail", "chelagat (underscore) mercy (at) gmail
# (dot) com", "kilonzo d k @ gmail . com", "k i p r o t i c h 2010 at gmail com", "njeri.wa.mama at gmail , com",
# "wambugu.k.2009 gmail com". The name part, the "at" and the ending may each be spelled, spaced or left out.
_LOCAL_UNIT = r"[a-z0-9+\-]+(?:[._][a-z0-9+\-]+)*_*"
_LOCAL_JOIN = r"(?:\s*[(\[]\s*(?:dot|underscore|dash)\s*[)\]]\s*|\s+(?:dot|underscore|dash|nukta)\s+)"
_PROVIDER_EMAIL_RE = re.compile(
    r"(?<![\w.+\-])(?P<local>(?:[a-z0-9]\s){2,}[a-z0-9]+(?:\s\d{1,4})?"
    rf"|{_LOCAL_UNIT}(?:{_LOCAL_JOIN}{_LOCAL_UNIT})*(?:\s[a-z]\b){{0,3}}(?:\s\d{{1,4}})?)"
    r"(?P<at>\s*@\s*|\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+(?:at+|kwa|alama\s+ya\s+at)\s+|\s+)"
    r"(?:g\s?m\s?a\s?i\s?l|googlemail|yahoo|ymail|outlook|hotmail|icloud|proton(?:mail)?|aol|zoho)\b"
    r"(?P<tld>(?:(?:\s*[(\[]\s*dot\s*[)\]]\s*|\s+(?:dot|nukta|doti)\s+|\s*[.,]\s*|\s+)(?:com|co|ke|org|net|uk)\b)*)",
    _I,
)
# Substrings without which the pattern cannot match: a substring test is far cheaper than a regex on every entry.
_PROVIDER_HINTS = ("gmail", "g m a i l", "hotmail", "ymail", "yahoo", "outlook", "icloud", "proton", "aol", "zoho")
_SHAPED_LOCAL_RE = re.compile(r"[._\d]|\bdot\b|\bunderscore\b|^(?:\w\s){2,}", _I)


def _provider_emails(text: str) -> Iterator[Span]:
    for match in _PROVIDER_EMAIL_RE.finditer(text):
        local, at, tld = match.group("local"), match.group("at").strip().lower(), match.group("tld")
        shaped = _SHAPED_LOCAL_RE.search(local) is not None
        if local.lower() in _COMMON_WORDS or (not shaped and local.isalpha() and len(local) < 3):
            continue
        # without "@" or a spelled "at", the name part must look like an address and the ending be there
        if at in ("", "kwa") and not (shaped and tld):
            continue
        if at not in ("@",) and not at.startswith(("(", "[", "{", "<")) and not shaped and " " not in local:
            continue  # "look at gmail": a word, not an address
        yield Span(match.start(), match.end(), EMAIL)


_OBFUSCATED_EMAIL_HINT_RE = gated(re.compile(rf"[(\[{{<]\s*at\s*[)\]}}>]|{_MAIL_PROVIDERS}", _I))
# "p.omondi at kisumuboys dot sc dot ke": "at" and "dot" both spelled, the domain ending in a top-level one.
_SPELLED_EMAIL_RE = re.compile(
    rf"(?<![\w.+\-])[\w.+\-]+\s+(?:at|kwa)\s+[\w\-]+(?:\s+(?:dot|nukta)\s+[a-z]{{2,10}})*\s+(?:dot|nukta)\s+"
    rf"(?:{_TLDS})\b(?!\s+slash\b|\s*/)",
    _I,
)

# --- Handles ----------------------------------------------------------------------------------------

# "#1234": a Discord tag; "#KE01": a Riot one
_HANDLE = r"[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?(?:#\d{4}|#[a-z0-9]{2,5}\b)?"
_AT_HANDLE_RE = re.compile(rf"(?<![\w@.])@{_HANDLE}", _I)
_AT_HANDLE_ANY_SCRIPT_RE = re.compile(r"(?<![\w@.])@\w(?:[\w.]{0,28}\w)?")
_NOT_A_HANDLE = re.compile(r"@(?:\d{1,2}(?::\d\d)?(?:am|pm|hrs)?|home|school|work|night|noon|all|everyone|here)$", _I)
_PLATFORM = (
    r"(?:snap(?:chat)?|sc|ig|insta(?:gram)?|tiktok|tik\s+tok|tt|twitter|fb|facebook|telegram|discord|threads|"
    r"youtube|yt|whatsapp|signal|kik|roblox|free\s*fire|pubg|reddit|pinterest|twitch|fortnite|minecraft|cod|"
    r"call\s+of\s+duty|cod\s+mobile|xbox|psn|ps[345]|playstation|steam|efootball|clash\s+of\s+clans|among\s+us|"
    r"valorant|riot|epic(?:\s+games)?|apex|genshin|brawl\s+stars|clash\s+royale|chess\.com|lichess|spotify|"
    r"soundcloud|linkedin|wattpad|likee|bereal|ea\s+fc|fifa|ea|ff|github|gitlab|behance|x)"
)
_ACCOUNT = (
    r"(?:handles?|usernames?|user\s*names?|user\s*id|gamer\s*tags?|game\s*tags?|gamer\s*names?|game\s*names?|"
    r"in[-\s]?game\s+names?|ign|player\s+names?|account|acc)"
)
# What a platform's account is called after its name: "ps5 id", "epic name", "discord tag".
_PLATFORM_ACCOUNT = rf"(?:{_ACCOUNT}|id|name|tag)"
_POSSESSIVE = r"(?:yangu|yng|yngu|yetu|changu|wangu|zangu|zetu|yake|zake|lake|wake|yao|zao)"
# "my snap is jane.doe22", "my ig handle: jane_doe", "snap yangu ni jane.doe22", "username: jane"
_HANDLE_INTRO_RE = gated(
    re.compile(
        rf"\b(?:(?:my|mine|our|his|her)\s+(?:{_PLATFORM}\b\s*{_PLATFORM_ACCOUNT}?|{_ACCOUNT})|(?:{_PLATFORM}\b\s*"
        rf"{_PLATFORM_ACCOUNT}?|{_ACCOUNT})\s+{_POSSESSIVE})\s*(?P<sep>is|are|ni|:|=|->|-)\s*(?P<at>(?:@\s?)?)(?P<handle>{_HANDLE})",
        _I,
    )
)
_HANDLE_LABEL_RE = re.compile(
    rf"\b(?P<what>{_PLATFORM}|{_ACCOUNT}|gt)\b\s*(?P<sep>:|=|->)\s*(?P<at>(?:@\s?)?)(?P<handle>{_HANDLE})", _I
)
# "add me on snap jane.doe22", "follow me on tiktok @jane", "nifollow kwa insta jane_doe"
_HANDLE_INVITE_RE = gated(
    re.compile(
        rf"\b(?:(?:add|follow|dm|message|text|inbox|find|search|check|hmu)\s+(?:me\s+|us\s+)?|ni(?:add|follow|dm|text|"
        rf"inbox|tafute|ping)\s+|hit\s+me\s+up\s+|ping\s+(?:me\s+)?)(?:on|kwa|via|in|at)\s+{_PLATFORM}\b\s*(?P<sep>at|as|:|"
        rf"-|ni|,)?\s*(?P<at>@?)(?P<handle>{_HANDLE})",
        _I,
    )
)
# "snap ni kevo_mwas", "discord is kevo#4521", "ig its shiko.wanjiru": a cue word after the platform;
# the handle must look like one (a digit, "_", ".", "#" or CamelCase) since "tiktok ni mbaya" is an opinion.
_HANDLE_CUE_RE = re.compile(
    rf"\b(?:{_PLATFORM}|{_ACCOUNT})\b\s*(?:(?:name|id|tag|account|acc|user)\b\s*)?(?:{_POSSESSIVE}\s+)?"
    rf"(?:(?:ni|kama|as|is|its|it's|iko|inaitwa|yaitwa|is called|called|named)\b|:|-)\s*"
    # a handle may come framed in symbols: "⚡KipKing⚡", "『KING』Jabali", "ig/ mo.salim__"
    rf"(?:(?:its|it's|is|ni|kama|ni kama)\s+)?(?P<frame>(?:(?:[^\w\s@]|[^\x00-\x7f\s]){{1,3}}\s*){{0,2}})(?:ig/\s*)?"
    rf"(?P<at>@?)"
    rf"(?P<handle>{_HANDLE})",
    _I,
)
# "Roblox user nyokabi_plays", "ig handle shiro_k": the platform and an account word, then the handle.
_HANDLE_PLATFORM_ACCOUNT_RE = gated(
    re.compile(
        rf"\b{_PLATFORM}\s+(?:user|{_ACCOUNT}|name|id)\s+(?P<at>@?)(?P<handle>{_HANDLE})",
        _I,
    )
)
# "niko tiktok kama shiko254", "nifollow insta kama brayo", "add me kwa roblox kama ShikoQueen",
# "niko yt kama brayo vlogs ke, subscribe": the writer points to themself on a platform.
_HANDLE_SELF_RE = gated(
    re.compile(
        rf"\b(?:niko|nipo|tuko|ni[a-z]{{2,9}}|(?:add|follow|find|search|check|dm)\s+(?:me|us))\s+(?:on\s+|kwa\s+|in\s+)?"
        rf"{_PLATFORM}\b\s+(?:(?:kama|as|ni|its|is)\b|:)\s*(?P<at>@?)(?P<handle>(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{1,3}})|"
        rf"{_HANDLE}(?:\s+[a-z0-9_.]+){{0,2}}(?=\s*"
        rf"(?:[,.!?]|$))|{_HANDLE})",
        _I,
    )
)
# "nifollow insta shiko_wa", "add me brian_254", "hmu kevo.254": an invitation, then something shaped
# like a handle (a digit, "_" or "." in it), with or without the platform.
_HANDLE_INVITATION_RE = gated(
    re.compile(
        rf"\b(?:ni(?:follow|add|dm|text|tafute|cheki|stalk|ping)|(?:add|follow|dm|find|hmu|search|ping|holla)"
        rf"(?:\s+(?:me|us))?)(?:\s+(?:on|kwa|in|via))?(?:\s+{_PLATFORM})?\s*(?:kama|as|:|,)?\s+(?P<at>@?)"
        rf"(?P<handle>{_HANDLE})",
        _I,
    )
)
# "nifollow tiktok, niko kama shosh_wa_kisumu", "add me kwa snap, jina ni baraka.o": the platform named
# earlier, then "niko kama" or "jina ni" and a handle.
_HANDLE_KAMA_RE = gated(
    re.compile(
        rf"\b(?:(?:niko|nipo|tuko|mimi ni|im|i am|i'm)\s+(?:kama|as|called|known\s+as)|(?:jina|username|name|ign)"
        rf"(?:\s+(?:kwa|ya|in|on)\s+(?:game|{_PLATFORM}))?\s*(?:ni|is|:))"
        rf"\s+(?P<frame>[^\w\s@]{{0,3}})(?P<at>@?)(?P<handle>(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{1,3}})|"
        rf"{_HANDLE})",
        _I,
    )
)
# A channel, page or blog named in words with spaces: "youtube channel yangu ni Vybz na Shiku", "my
# tiktok page is called Nai Girls Dance". After "ni"/"is" the name is capitalised (a description is not:
# "channel yangu ni ya michezo"); after "inaitwa"/"called" any words up to the end of the clause.
_NAME_WORD = r"(?-i:[A-Z0-9][\w'.]*)"
_CHANNEL_RE = gated(
    re.compile(
        rf"\b(?:(?:my|our)\s+(?:{_PLATFORM}\s+)?(?:channel|page|chaneli|podcast|blog)|(?:{_PLATFORM}\s+)?"
        rf"(?:channel|page|chaneli|podcast|blog)\s+(?:yangu|yetu|yake|wangu|changu))"
        rf"(?:\s*,?\s+(?P<naming>inaitwa|yaitwa|is\s+called|called|named|name\s+is|jina\s+ni)|\s+is|\s+ni|\s*:)\s+(?P<at>@?)"
        rf"(?P<handle>{_NAME_WORD}(?:\s+(?:na|and|&|wa|ya|of|the|za|la)?\s*{_NAME_WORD}){{0,4}}"
        rf"|(?<=[a-z]\s)(?:[\w'.&]+(?:\s+[\w'.&]+){{0,4}})(?=\s*(?:[,.!?;]|$)))",
        _I,
    )
)
# A channel, page or gamer name in capitalised words, wherever it is pointed to: "channel inaitwa Mtaa Gaming KE",
# "YouTube channel ya mtaa inaitwa Kibra Voices", "kwa channel yangu Mombasa Raha Vlogs", "yt: Tabby Bakes KE",
# "kwa YouTube kama Nduthi Gaming", "my cod name is Jaramogi Sniper", "kwa xbox mimi ni "Kibe The Menace"". Two
# capitalised words at least (a description is lower case: "channel ya michezo"), small joining words between them.
_CAPITALISED_NAME = (
    r"(?-i:[A-Z][\w'’]*)(?:\s+(?:(?-i:na|ya|wa|za|la|the|of|and|&)\s+)?(?-i:[A-Z][\w'’]*|[A-Z0-9]{2,4}\b)){1,4}"
)
_NAMED_CHANNEL_RE = re.compile(
    rf"(?:\b(?:channel|chaneli|page|podcast|blog|vlog)(?:\s+(?:{_POSSESSIVE}|ya\s+[a-z]+|wa\s+[a-z]+)){{0,2}}"
    rf"(?:\s*,?\s*(?:inaitwa|yaitwa|is\s+called|called|named|ni|is|:))?"
    # the naming verb later in the clause: "podcast ya vijana kuhusu mental health, inaitwa Sauti Ya Kijana"
    rf"|\b(?:channel|chaneli|page|podcast|blog|vlog)\b[^.!?\n]{{0,60}}?\b(?:inaitwa|yaitwa|is\s+called|called|named))"
    rf"\s+[\"“'‘]?(?P<handle>{_CAPITALISED_NAME})",
    _I,
)
# The same after a platform, in an entry that names one: "yt: Tabby Bakes KE", "kwa YouTube kama Nduthi Gaming".
_PLATFORM_NAMED_RE = re.compile(
    rf"(?:\b{_PLATFORM}(?:\s+{_POSSESSIVE})?\s*:"
    rf"|\b(?:kwa|on|in)\s+{_PLATFORM}\s+(?:(?:mimi|mi)\s+ni|kama|as)"
    rf"|\b{_PLATFORM}\s+(?:name|id|tag)\s+(?:is|ni|:))"
    rf"\s+[\"“'‘]?(?P<handle>{_CAPITALISED_NAME})",
    _I,
)
# What the pattern above needs, without its platforms (a long alternation tried at every word): a cue, then two
# capitalised words.
_CUE_THEN_CAPITALISED_RE = re.compile(
    r"(?::|\b(?:kama|as|ni|is))\s+[\"“'‘]?[A-Z][\w'’]*\s+(?:(?:na|ya|wa|za|la|the|of|and|&)\s+)?[A-Z0-9]"
)
# Capitalised words that open such a name without being one: "channel ya YouTube", "page: The ..." is kept.
_NOT_A_CHANNEL_NAME = frozenset(
    "youtube tiktok instagram facebook whatsapp twitter kenya i we my our citizen ntv ktn kbc bbc cnn safaricom".split()
)
# "snap kipchirchir.k", "ig lamu.island.girl", "niko na snap lamu_prince": the platform, then a handle with no cue.
_PLATFORM_THEN_HANDLE_RE = re.compile(rf"\b{_PLATFORM}\s*/?\s+(?P<at>@?)(?P<handle>{_HANDLE})", _I)
# "my fb is Fatma Lamu Beauty": a page named in capitalised words after "my <platform> is".
_PAGE_NAME_RE = gated(
    re.compile(
        rf"\b(?:my|ma|mah|our)\s+{_PLATFORM}\s+(?:page\s+)?(?:is|ni|:)\s+(?P<at>)(?P<handle>(?-i:[A-Z][\w'’]+)"
        rf"(?:\s+(?-i:[A-Z][\w'’]+)){{1,3}})",
        _I,
    )
)
# Letters spaced out after "@" or a platform: "IG @ z a w a d i . w a m b u i".
_SPACED_LETTERS_RE = re.compile(r"(?<![\w@])(?:@\s*)?(?:[a-z0-9._]\s){4,}[a-z0-9._](?![\w.])", _I)
# "wambo underscore kimani 07": a handle with its underscore spelled.
_SPELLED_UNDERSCORE_RE = gated(
    re.compile(
        r"(?<![\w.])[a-z0-9]+(?:\s+(?:underscore|dot)\s+[a-z0-9]+)*\s+underscore\s+[a-z0-9]+"
        r"(?:\s+(?:underscore|dot)\s+[a-z0-9]+)*(?:\s+\d+\b)?",
        _I,
    )
)
# "tonyk.254 on discord", "Wan_Eagle254 pale fortnite": something shaped like a handle, then where it is.
_ON_PLATFORM_RE = gated(re.compile(rf"\s+(?:on|kwa|pale|kwenye|huko|in|for)\s+{_PLATFORM}\b", _I))
_HANDLE_BEFORE_RE = re.compile(rf"(?<![\w@.#])@?{_HANDLE}$", _I)
# More handles listed after one: "gamertag zangu: NjugunaBeast254 na GhostRiderKE".
_MORE_HANDLES_RE = re.compile(rf"\s*(?:,|&|/|\bna\b|\band\b|\bau\b|\bor\b)\s*@?(?P<handle>{_HANDLE})", _I)
_CHANNEL_HINT_RE = re.compile(r"channel|chaneli|page|podcast|blog|vlog", _I)
_CAMEL_RE = re.compile(r"[a-z][A-Z]")
# Numbers, ordinals, times, sizes and prices after "add me"/"follow me" are not handles.
_NOT_A_BARE_HANDLE_RE = re.compile(r"[\d.,:]+(?:st|nd|rd|th|am|pm|h|hrs|k|gb|mb|bob|ksh|/=)?", _I)
_HANDLE_HINT_RE = re.compile(rf"\b(?:{_PLATFORM}|{_ACCOUNT})\b", _I)
# The first word of every platform and account word above: a set lookup over the text's words is much
# cheaper than the long alternation, and most entries name none of them.
_HINT_WORDS = frozenset(
    """
    snap snapchat sc ig insta instagram tiktok tik tt twitter fb facebook telegram discord threads youtube yt
    whatsapp signal kik roblox free freefire pubg reddit pinterest twitch fortnite minecraft cod call xbox psn ps3
    ps4 ps5 playstation steam efootball clash among valorant riot epic apex genshin brawl chess lichess spotify
    soundcloud linkedin wattpad likee bereal ea fifa ff github gitlab behance x handle handles username usernames
    user gamertag
    gamertags gamer game ign gt player account acc
    """.split()
)
_TOKEN_RE = re.compile(r"[a-z0-9]+")
_TO_THE_WRITER_RE = re.compile(r"\b(?:me|us)\b|^ni|^hmu", _I)


def _mentions_an_account(text: str, lower_words: set[str]) -> bool:
    return not _HINT_WORDS.isdisjoint(lower_words) and _HANDLE_HINT_RE.search(text) is not None


# Short platform labels that are only ever followed by a handle ("ig: jane", "sc: jane").
_SHORT_LABELS = {
    *"ig sc snap snapchat insta tt username handle gamertag gametag gt ign userid gamername ingamename".split(),
    "playername",
}

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
    after before tonight tomorrow later soon asap pls plz if when because coz cause since till until leo kesho usiku
    baadaye jioni asubuhi kama ukitaka
    kila masaa saa mara siku wiki hours hour daily sana kawaida mtu watu dakika minutes
    langu lako lake letu lenu lao yake wake halisi feki tofauti another different
    """.split()
)


def _trim_link(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING_PUNCT:
        end -= 1
    return end


_LONE_LETTER_VALUES = {"O": "0", "o": "0", "I": "1", "l": "1"}
_LONE_LETTER_DIGIT_RE = re.compile(r"(?:(?<=[\s\-])|^)[OoIl](?![^\W\d_])(?=[ \-]{1,3}\d)")


def _phones(text: str, view: str, digits: int) -> Iterator[Span]:
    spelled = _count_number_words(text)
    if spelled >= 3 or (digits >= 3 and (spelled or _REPEAT_WORD_RE.search(text))):
        yield from _spelled_phones(text)
    if digits >= phones.MIN_DIGITS - 2:
        if digits < phones.MIN_DIGITS or _LONE_LETTER_DIGIT_RE.search(view):
            # letters standing alone for digits among spaced digits: "O 7 1 O - 5 5 9 - 2 2 3" (one for one)
            view = _LONE_LETTER_DIGIT_RE.sub(lambda m: _LONE_LETTER_VALUES[m.group(0)], view)
        if sum(map(str.isdigit, view)) >= phones.MIN_DIGITS:
            for start, end in phones.find(view, text):
                yield Span(start, end, PHONE)


# Dots of other shapes in an address: "nafula•joy•2008@gmail•com".
_DOT_LIKE = str.maketrans("•·∙・‧", ".....")


def _emails(text: str) -> Iterator[Span]:
    text = text if text.isascii() else text.translate(_DOT_LIKE)
    patterns: tuple[re.Pattern[str], ...] = (_EMAIL_RE, _EMAIL_NO_TLD_RE, _SPACED_EMAIL_RE) if "@" in text else ()
    if _OBFUSCATED_EMAIL_HINT_RE.search(text):
        patterns += (_OBFUSCATED_EMAIL_RE,)
    lower = text.lower()
    if " at " in lower and " dot " in lower:
        patterns += (_AT_DOT_EMAIL_RE,)
    if (" at " in lower or " kwa " in lower) and (" dot " in lower or " nukta " in lower):
        patterns += (_SPELLED_EMAIL_RE,)
    lower = text.lower()
    if any(hint in lower for hint in _PROVIDER_HINTS):
        yield from _provider_emails(text)
    for pattern in patterns:
        for match in pattern.finditer(text):
            at = text.find("@", match.start(), match.end())
            if (
                pattern is _SPACED_EMAIL_RE
                and at > 0
                and text[at - 1].isspace()
                and not text[at + 1 : at + 2].isspace()
            ):
                continue  # "tiktok @nyokabi.wa.muranga": a handle after a word, not a spaced email
            start = match.start()
            if pattern is _SPACED_EMAIL_RE:
                local = _SPACED_LOCAL_PART_RE.search(text, max(0, start - 60), start)
                start = local.start() if local else start
            yield Span(start, _trim_link(text, match.start(), match.end()), EMAIL)


_SPACED_DOT_RE = re.compile(_SPACED_DOT, _I)


def _links(text: str) -> Iterator[Span]:
    for match in _SPACED_LINK_RE.finditer(text):
        # an organisation's site cited with its dots spaced ("unicef . org", "kenyalaw dot org") is public too
        if _PUBLIC_SITE_RE.search(_SPACED_DOT_RE.sub(".", match.group(0))):
            continue
        yield Span(match.start(), match.end(), LINK)
    if "/" in text:
        for match in _SPACED_PATH_LINK_RE.finditer(text):
            yield Span(match.start(), match.end(), LINK)
    if " slash " in text.lower():
        for match in _SPELLED_PATH_LINK_RE.finditer(text):
            yield Span(match.start(), match.end(), LINK)
    for match in _LINK_RE.finditer(text):
        end = _trim_link(text, match.start(), match.end())
        found = text[match.start() : end]
        if _PUBLIC_SITE_RE.search(found):
            continue  # an organisation's site cited as a source is not a personal detail
        if not re.match(r"https?://|www\.", found, _I) and "/" not in found:
            labels = found.split(".")
            if len(labels) == 2 and labels[1].lower() in _WORDLIKE_TLDS:
                continue
        yield Span(match.start(), end, LINK)


def _looks_like_handle(candidate: str) -> bool:
    return any(ch in candidate for ch in "_.0123456789")


# A handle found by its place alone must look like one: "_" or "." inside, CamelCase or a number at its end;
# a digit inside a word is leetspeak ("b1tch on twitter").
_HANDLE_SHAPE_RE = re.compile(r".[_.].|[a-z][A-Z]|[^\W\d_]\d+(?:#\w+)?$")


def _handle_shaped(handle: str) -> bool:
    return (
        _HANDLE_SHAPE_RE.search(handle) is not None
        and handle.lower() not in _COMMON_WORDS
        and not _NOT_A_BARE_HANDLE_RE.fullmatch(handle)
    )


# A word with an underscore inside or at its end is a username wherever it stands ("mr_rich_mombasa", "Ngash_247",
# "SugarDaddyKE_"): ordinary writing has none (no clean line of the corpus or the fresh sets does). A Discord tag
# ("BamburiBaller#2290") is one too.
_UNDERSCORED_RE = re.compile(
    r"(?<![\w@.#/\-])(?:[a-z0-9]+\.)*[a-z0-9]+(?:_+[a-z0-9]+)*_+[a-z0-9]*(?:\.[a-z0-9_]+)*(?<!\.)"
    r"|(?<![\w@.#/])[a-z][\w.]{1,30}#\d{4}\b",
    _I,
)
_TAG_AFTER_RE = re.compile(r"\s+(?:tag|#)\s*#?\d{4}\b", _I)
# Words around an account, a game or a page: a handle-shaped word named in their sentence is a username.
_ACCOUNT_CONTEXT_WORDS = _HINT_WORDS | frozenset(
    """id uid ids squad clan guild server gamer gamers game games page profile channel akaunti dm inbox follow
    nifollow niadd nitext nidm online robux""".split()
)
# A naming word, then the name: "anaitwa nairobi_mentor_ke", "ile mpya ni wekesa.the.artist2", "Roblox ya dadangu ni
# LilPrincessAkinyi9", "squad yangu inanijua kama KakaWaLamu", "gamertag NyeriSniper", "nimeandika hapa: mwas.exe".
_NAMED_HANDLE_CUE_RE = re.compile(
    r"(?:\b(?:a|i|wa|ni|hu|tu|m)?(?:na|li|ta|me)?(?:itwa|jiita|jua\s+kama)|\b(?:hu|a|ni|wa)?(?:na|li)?ni(?:jua|ita)\s+kama"
    r"|\b(?:huitwa|aitwaye|called|named|known\s+as|goes\s+by|(?:na|a|hu)?tumia\s+jina(?:\s+la)?|kwa\s+jina(?:\s+la)?|"
    r"by\s+the\s+name|under\s+the\s+name|ilikuwa|was|is|its|it's|ni|kama|as|be|gamer\s*tag|game\s*tag|username|"
    r"user\s*name|ign|name|jina|tag|handle)|:|=)\s+['\"“‘]?@?$",
    _I,
)
# A word that may be a handle by its shape (checked by ``_named_handle_shaped``), and a cheap test for one.
_HANDLE_CANDIDATE_RE = re.compile(r"(?<![\w@.])[a-z0-9][\w.]{2,30}[a-z0-9](?![\w@])", _I)
_HANDLE_SHAPE_HINT_RE = re.compile(r"[a-z][A-Z]|[a-z0-9]\.[a-z]|[a-z]{3}\d\d")
_CAMEL_HANDLE_RE = re.compile(r"^[A-Z]?[a-z]+(?:[A-Z][a-z0-9]*){1,5}\d*$|^[A-Z]?[a-z]+[A-Z]{2,}\d*$")
_DOTTED_HANDLE_RE = re.compile(r"^[a-z0-9]+(?:\.[a-z0-9]+)+$", _I)
_LETTERS_DIGITS_HANDLE_RE = re.compile(r"^[a-z]{3,}\d{2,}$", _I)
# CamelCase words that are brands and products, not usernames.
_CAMEL_WORDS = frozenset(
    """tiktok youtube whatsapp iphone ipad playstation efootball linkedin freefire mcdonalds mcdonald snapchat github
    paypal mpesa dstv gotv blackberry onlyfans facebook instagram wattpad soundcloud bereal likee chatgpt openai
    powerpoint javascript wifi ecitizen kenyalaw safaricom""".split()
)


def _named_handle_shaped(handle: str) -> bool:
    """Shapes a name given after a naming word must have: CamelCase ("KakaWaLamu", "TurkanaTitan99"), words joined by
    dots that are no domain ("wekesa.the.artist2", "mwas.exe") or letters then digits ("kevo254")."""
    lower = handle.lower()
    if lower in _CAMEL_WORDS or lower in _COMMON_WORDS:
        return False
    if _DOTTED_HANDLE_RE.match(handle):
        last = lower.rsplit(".", 1)[1]
        return last not in _TLDS.split("|") and len(handle) >= 6 and not lower.replace(".", "").isdigit()
    return bool(_CAMEL_HANDLE_RE.match(handle) or _LETTERS_DIGITS_HANDLE_RE.match(handle))


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    rights = [position for mark in "!?\n" if (position := text.find(mark, end)) >= 0]
    # a full stop ends a sentence only before a space ("wekesa.the.artist2" goes on)
    dot = re.compile(r"\.(?:\s|$)").search(text, end)
    rights += [dot.start()] if dot else []
    return text[left + 1 : min(rights, default=len(text))]


def _named_handles(text: str, lower_words: set[str]) -> Iterator[Span]:
    for match in _UNDERSCORED_RE.finditer(text) if "_" in text or "#" in text else ():
        word = match.group(0)
        if len(word.strip("_")) >= 3 and any(ch.isalpha() for ch in word):
            yield Span(match.start(), match.end(), HANDLE)
    if _ACCOUNT_CONTEXT_WORDS.isdisjoint(lower_words):
        return
    if _HANDLE_SHAPE_HINT_RE.search(text) is None:
        return
    for match in _HANDLE_CANDIDATE_RE.finditer(text):
        if not _named_handle_shaped(match.group(0)):
            continue
        if not _NAMED_HANDLE_CUE_RE.search(text, max(0, match.start() - 30), match.start()):
            continue
        sentence = _sentence_around(text, match.start(), match.end())
        if not _ACCOUNT_CONTEXT_WORDS.isdisjoint(_TOKEN_RE.findall(sentence.lower())):
            yield Span(match.start(), match.end(), HANDLE)


# "tiktok yangu ni kama jina langu tu: lindaokello": the writer's platform named, then a colon later in the clause.
_PLATFORM_COLON_RE = gated(
    re.compile(
        rf"(?:\b(?:{_PLATFORM}|{_ACCOUNT}|akaunti)\s+(?:ya\s+[a-z]+\s+)?{_POSSESSIVE}|\b(?:my|our|his|her)\s+(?:{_PLATFORM}|"
        rf"{_ACCOUNT}|akaunti))\b[^:.!?\n]{{0,40}}:\s*(?P<at>@?)(?P<handle>{_HANDLE})(?![\w@])",
        _I,
    )
)
# "nicheki insta natumia jina kevobrayo", "nitafute tiktok kwa jina la shikoqueen": a name used on a platform, in any
# shape, when the platform is named in the same clause.
_USES_THE_NAME_RE = gated(
    re.compile(
        r"\b(?:(?:na|a|hu|tu|wa|ni)?tumia\s+jina(?:\s+la)?|kwa\s+jina(?:\s+la)?|under\s+the\s+name|by\s+the\s+name|"
        r"goes\s+by)\s+['\"“‘]?@?(?P<handle>[a-z0-9][\w.]{2,30})(?![\w@])",
        _I,
    )
)


# A handle written with spaces after a label, up to the end of its clause: "nifollow kwa snap: shiku mwangi 2oo9".
_COLON_TAIL_RE = re.compile(r"(?:[ \t]+[a-z0-9_.]{1,12}){1,2}(?=\s*(?:[,;!?)]|\.(?:\s|$)|$))", _I)


# Symbols of other scripts that decorate a handle on either side or inside: "『KING』Jabali", "꧁BWANA☆MDOGO꧂".
_DECORATION_AFTER_RE = re.compile(r"(?:[^\x00-\x7f\s]+\w*)+")
_DECORATION_BEFORE_RE = re.compile(r"[^\x00-\x7f\w\s]+$")


def _handles(text: str) -> Iterator[Span]:
    # look-alike letters of other scripts folded, one character for one: "snap: аmani_kе22"
    text = text if text.isascii() else text.translate(normalise.CONFUSABLES)
    lower_words = set(_TOKEN_RE.findall(text.lower()))
    for span in (*_handle_spans(text, lower_words), *_named_handles(text, lower_words)):
        start, end = span.start, span.end
        if text[:start].rstrip().endswith(":") and (tail := _COLON_TAIL_RE.match(text, end)):
            if not any(word.lower() in _COMMON_WORDS for word in tail.group(0).split()):
                end = tail.end()
        # "ManyattaMafia tag 0932": the tag's number belongs to the handle
        tag = _TAG_AFTER_RE.match(text, end) if "tag" in lower_words or "#" in text else None
        end = tag.end() if tag else end
        while (more := _MORE_HANDLES_RE.match(text, end)) and _handle_shaped(more.group("handle")):
            end = more.end()
        if not text.isascii():
            decorated = _DECORATION_AFTER_RE.match(text, end)
            end = decorated.end() if decorated else end
            before = _DECORATION_BEFORE_RE.search(text, max(0, start - 3), start)
            start = before.start() if before else start
        yield Span(start, end, span.label)


def _capitalised_names(pattern: re.Pattern[str] | GatedPattern, text: str) -> Iterator[Span]:
    for match in pattern.finditer(text):
        words = match.group("handle").split()
        if words[0].lower() not in _NOT_A_CHANNEL_NAME and (len(words) > 2 or words[0].lower() not in _COMMON_WORDS):
            yield Span(match.start("handle"), match.end("handle"), HANDLE)


def _handle_spans(text: str, lower_words: set[str]) -> Iterator[Span]:
    if "@" in text:
        for match in (_AT_HANDLE_RE if text.isascii() else _AT_HANDLE_ANY_SCRIPT_RE).finditer(text):
            if not _NOT_A_HANDLE.match(match.group(0)):
                yield Span(match.start(), match.end(), HANDLE)
    for match in _HANDLE_INVITATION_RE.finditer(text):
        handle = match.group("handle")
        if _looks_like_handle(handle) and not _NOT_A_BARE_HANDLE_RE.fullmatch(handle):
            yield Span(match.start("at"), match.end("handle"), HANDLE)
    if _CHANNEL_HINT_RE.search(text):
        yield from _capitalised_names(_NAMED_CHANNEL_RE, text)
        for match in _CHANNEL_RE.finditer(text):
            handle = match.group("handle")
            if handle[0].islower() and not match.group("naming"):
                continue  # "my channel is growing": only a name given as one is taken in lower case
            if handle.split()[0].lower() not in _COMMON_WORDS:
                yield Span(match.start("at"), match.end("handle"), HANDLE)
    if not _mentions_an_account(text, lower_words):
        return
    if _CUE_THEN_CAPITALISED_RE.search(text):
        yield from _capitalised_names(_PLATFORM_NAMED_RE, text)
    for pattern in (_HANDLE_INTRO_RE, _HANDLE_LABEL_RE, _HANDLE_INVITE_RE):
        for match in pattern.finditer(text):
            handle = match.group("handle")
            if handle.lower() in _COMMON_WORDS:
                continue
            explicit = bool(match.group("at")) or _looks_like_handle(handle)
            what = (match.groupdict().get("what") or "").lower()
            labelled = match.group("sep") in (":", "=", "->") and (
                pattern is not _HANDLE_LABEL_RE or "".join(what.split()) in _SHORT_LABELS
            )
            account_word = re.search(_ACCOUNT, match.group(0), _I) is not None and pattern is _HANDLE_INTRO_RE
            # "add me on snap kevo": a bare word after an invitation to the writer; "alinitumia message kwa
            # Snap akisema ...": a message mentioned, not an invitation
            bare_invited = (
                pattern is _HANDLE_INVITE_RE
                and len(handle) >= 4
                and _TO_THE_WRITER_RE.search(match.group(0)) is not None
            )
            if explicit or labelled or account_word or bare_invited:
                yield Span(match.start("at"), match.end("handle"), HANDLE)
    if "jina" in lower_words or "name" in lower_words or "goes" in lower_words:
        for match in _USES_THE_NAME_RE.finditer(text):
            handle = match.group("handle")
            clause = text[max(text.rfind(mark, 0, match.start()) for mark in ",.;!?\n") + 1 : match.end()]
            if handle.lower() not in _COMMON_WORDS and _HINT_WORDS.intersection(_TOKEN_RE.findall(clause.lower())):
                yield Span(match.start("handle"), match.end("handle"), HANDLE)
    for match in _PLATFORM_COLON_RE.finditer(text) if ":" in text else ():
        handle = match.group("handle")
        if len(handle) >= 3 and handle.lower() not in _COMMON_WORDS and not handle.isdigit():
            yield Span(match.start("at"), match.end("handle"), HANDLE)
    for match in _PLATFORM_THEN_HANDLE_RE.finditer(text):
        handle = match.group("handle")
        if _HANDLE_SHAPE_RE.search(handle.lower()) and not _NOT_A_BARE_HANDLE_RE.fullmatch(handle):
            yield Span(match.start("at"), match.end("handle"), HANDLE)
    for match in _PAGE_NAME_RE.finditer(text):
        if match.group("handle").split()[0].lower() not in _COMMON_WORDS:
            yield Span(match.start("handle"), match.end("handle"), HANDLE)
    for match in _SPACED_LETTERS_RE.finditer(text):
        # "@" or a "." or "_" among the letters: "tiktok ni a b c d e za dance" is no handle
        if match.group(0).startswith("@") or "." in match.group(0) or "_" in match.group(0):
            yield Span(match.start(), match.end(), HANDLE)
    if "underscore" in text.lower():
        for match in _SPELLED_UNDERSCORE_RE.finditer(text):
            yield Span(match.start(), match.end(), HANDLE)
    for match in _ON_PLATFORM_RE.finditer(text):
        before = _HANDLE_BEFORE_RE.search(text, max(0, match.start() - 40), match.start())
        if before and _handle_shaped(before.group(0).lstrip("@")):
            yield Span(before.start(), before.end(), HANDLE)
    for match in _HANDLE_CUE_RE.finditer(text):
        handle = match.group("handle")
        if handle.isdigit() or text[match.end("handle") : match.end("handle") + 1] == "%":
            continue  # "tiktok ni 60%": a figure
        if (
            match.group("at")
            or _looks_like_handle(handle)
            or _CAMEL_RE.search(handle)
            or not match.group("frame").isascii()
        ):
            yield Span(match.start("at"), match.end("handle"), HANDLE)
    for match in _HANDLE_KAMA_RE.finditer(text):
        handle = match.group("handle")
        if " " in handle and match.group(0).split()[0].lower() in ("jina", "username", "name"):
            continue  # "jina ni Mary Wanjiru" is a name: names.py finds it
        if (
            match.group("at")
            or " " in handle
            or _looks_like_handle(handle)
            or _CAMEL_RE.search(handle)
            or not match.group("frame").isascii()
        ):
            yield Span(match.start("at"), match.end("handle"), HANDLE)
    for match in _HANDLE_PLATFORM_ACCOUNT_RE.finditer(text):
        handle = match.group("handle")
        if match.group("at") or _looks_like_handle(handle) or _CAMEL_RE.search(handle):
            yield Span(match.start("at"), match.end("handle"), HANDLE)
    for match in _HANDLE_SELF_RE.finditer(text):
        handle = match.group("handle")
        if handle.split()[0].lower() not in _COMMON_WORDS and len(handle) >= 3:
            yield Span(match.start("at"), match.end("handle"), HANDLE)


def _name_echoes(text: str, found: list[Span]) -> list[Span]:
    """A full name's parts written again elsewhere in the entry, capitalised: "harambee ya Mitchell: paybill ...,
    account: MITCHELL ODHIAMBO ADERO", "classmate Dennis Kimani Mburu ... account DENNIS" name the same person."""
    parts = {
        part.lower()
        for span in found
        if span.label == NAME
        for part in _NAME_PART_RE.findall(text[span.start : span.end])
        if part.lower() not in names.NOT_NAMES
    }
    if len(parts) < 2:
        return []
    taken = [(span.start, span.end) for span in found]
    return [
        Span(match.start(), match.end(), NAME)
        for match in _CAPITALISED_WORD_RE.finditer(text)
        if match.group(0).lower() in parts and not any(start <= match.start() < end for start, end in taken)
    ]


_NAME_PART_RE = re.compile(r"[^\W\d_]{4,}")
_CAPITALISED_WORD_RE = re.compile(r"(?<![\w'’\-])[A-Z][^\W\d_]{3,}(?![\w'’\-])")


def find(text: str) -> list[Span]:
    """Return non-overlapping personal-detail spans in *text* (cleaned), in text order.

    Where findings overlap, the one that starts first wins, and of those the longest, so an email
    address is not also reported as a link and a handle.
    """
    # Cheap tests first: most entries have no digits, no "@" and no dot, and skip most patterns.
    view = normalise.numbers_view(text)
    digits = sum(map(str.isdigit, view))
    # Look-alike letters of other scripts folded to Latin, one character for one, so offsets hold: "mimi ni Κevin
    # Οtieno" with Greek capitals, "snap ni ѕhirо_254" with Cyrillic letters.
    text = text if text.isascii() else text.translate(normalise.CONFUSABLES)
    found: list[Span] = [*_emails(text)]
    if "." in text or " dot " in text.lower():
        found += _links(text)
    found += _phones(text, view, digits)
    found += _handles(text)
    found += [Span(start, end, ADDRESS) for start, end in identifiers.addresses(text, digits > 0)]
    if digits >= 2:
        found += [Span(start, end, ID_NUMBER) for start, end in identifiers.id_numbers(view)]
        for start, end in identifiers.till_numbers(view):
            found.append(Span(start, end, ID_NUMBER))
            named = identifiers.account_name_after(text, end)
            if named:
                found.append(Span(*named, NAME))
    found += [Span(start, end, NAME) for start, end in names.find(text)]
    # Sorting is stable, so for equal spans the order above decides: a phone number beats an ID.
    found += _name_echoes(text, found)
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
