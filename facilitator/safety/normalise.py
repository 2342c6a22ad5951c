"""Text normalisation shared by the safety checks.

Two levels, because the checks need different things:

* :func:`clean` keeps the text readable. It is what the board shows (after redaction), so it only
  removes what should never be shown or that is used to dodge filters: invisible format characters
  (zero-width spaces, bidi overrides), control characters, and compatibility forms (NFKC turns
  fullwidth and "mathematical bold" letters into plain ones). Offsets in the cleaned text are the
  ones the redaction works with.
* :func:`for_phrases` is only ever matched against, never shown: casefolded, leetspeak mapped back
  to letters inside words, apostrophes and in-word hyphens dropped, long letter runs shortened.

Number detection works on the cleaned text, never on the leetspeak-mapped one: "0712..." must
stay digits.
"""

from __future__ import annotations

import re
import unicodedata

from facilitator.safety.confusables_table import SOURCES, TARGETS

# Letters of other scripts that look like Latin letters or digits ("fuсk" with a Cyrillic с,
# "07Ι2" with a Greek Ι), from Unicode's confusables data (see build_confusables.py).
CONFUSABLES = _CONFUSABLES = str.maketrans(SOURCES, TARGETS)

# Leetspeak: symbol or digit -> the letter it usually stands for. "1" and "|" are ambiguous
# (i or l); the profanity patterns handle that with character classes, phrases take "i".
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s", "!": "i"}

_APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"
_ZWJ = "\u200d"


def clean(text: str) -> str:
    """Return *text* safe to show and to match offsets against.

    NFKC-normalised, with format characters (zero-width, bidi controls, soft hyphen) and control
    characters removed. Newlines and tabs become spaces or stay newlines; CR LF becomes LF.
    A zero-width joiner between two non-letters (emoji sequences) is kept so emoji still render.
    """
    text = unicodedata.normalize("NFKC", text)
    if text.isprintable():
        # Nothing in _clean_each_character applies to a text with no control, format, private, unassigned or
        # line-breaking character: most entries, which then skip a Python step per character (fresh sets 43-45:
        # 12.5 -> 0.3 µs an entry; a test checks the premise on every corpus line and 20,000 random ones).
        return text
    return _clean_each_character(text)


def _clean_each_character(text: str) -> str:
    out: list[str] = []
    length = len(text)
    for index, char in enumerate(text):
        if char in "\n\t":
            out.append("\n" if char == "\n" else " ")
            continue
        if char == "\r":
            if index + 1 < length and text[index + 1] == "\n":
                continue
            out.append("\n")
            continue
        category = unicodedata.category(char)
        if category == "Cc":
            continue
        if category == "Cf":
            if char == _ZWJ and out and not out[-1].isalnum() and index + 1 < length and not text[index + 1].isalnum():
                out.append(char)
            continue
        if category in ("Cs", "Co", "Cn"):
            # Lone surrogates, private use and unassigned code points: nothing a phone keyboard sends.
            continue
        out.append(char)
    return "".join(out)


def fold(text: str) -> str:
    """Map look-alike letters of other scripts to Latin ones and casefold."""
    if text.isascii():
        # The confusables table maps no ASCII character and casefold() is lower() on ASCII: the same string without
        # a dict lookup per character (a 33-character entry: 2.0 -> 0.3 µs).
        return text.lower()
    return text.translate(_CONFUSABLES).casefold()


def strip_marks(text: str) -> str:
    """Drop combining marks left after NFKC ("zalgo" and strike-through text)."""
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_LEET_CHAR_RE = re.compile("[" + re.escape("".join(LEET)) + "]")
# A word holding a leetspeak character: only those can change, and the others are not handed to Python (fresh sets
# 12-44 and the corpus, 29,822 lines: the pass from 15 to 3 µs a line, the same output).
_LEET_WORD_RE = re.compile(r"(?<![\w@$!])[\w@$!]*" + _LEET_CHAR_RE.pattern + r"[\w@$!]*")
_IN_WORD_HYPHENS = "-\u2010\u2011\u2012\u2013"
_IN_WORD_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])[" + _IN_WORD_HYPHENS + r"](?=[^\W\d_])")
_APOSTROPHE_RE = re.compile("[" + _APOSTROPHES + "]")
_VOWEL_RUN_RE = re.compile(r"([aeiou])\1{2,}")
_CONSONANT_RUN_RE = re.compile(r"([b-df-hj-np-tv-z])\1{2,}")
_SPACES_RE = re.compile(r"[^\S\n]+")
_VOWEL_TRIPLES = tuple(letter * 3 for letter in "aeiou")
_CONSONANT_TRIPLES = tuple(letter * 3 for letter in "bcdfghjklmnpqrstvwxyz")


# SMS spellings of common words, written the way they are read (fresh set 33): vowels dropped ("nmechoka", "mpk",
# "kwli"), "c" or "x" for "s" ("cjui", "xaxa"), letters and digits for English words ("evry1", "wud b betta").
# Whole words only, before leetspeak is undone ("evry1" is a word, not "evryi").
_SMS_WORDS = {
    "cjui": "sijui",
    "cjue": "sijue",
    "cwezi": "siwezi",
    "ctaki": "sitaki",
    "cna": "sina",
    "coni": "sioni",
    "cpendi": "sipendi",
    "cjakula": "sijakula",
    "xaxa": "sasa",
    "xawa": "sawa",
    "xijui": "sijui",
    "xiwezi": "siwezi",
    "xitaki": "sitaki",
    "xina": "sina",
    "nn": "nini",
    "mpk": "mpaka",
    "mpka": "mpaka",
    "kwli": "kweli",
    "ww": "wewe",
    "yng": "yangu",
    "yngu": "yangu",
    "wng": "wangu",
    "wngu": "wangu",
    "nko": "niko",
    "nna": "nina",
    "hkuna": "hakuna",
    "hakna": "hakuna",
    "bdo": "bado",
    "kwnn": "kwa nini",
    "knn": "kwa nini",
    "evry1": "everyone",
    "every1": "everyone",
    "evryone": "everyone",
    "evry": "every",
    "evryday": "everyday",
    "some1": "someone",
    "sum1": "someone",
    "no1": "no one",
    "any1": "anyone",
    "wud": "would",
    "wudnt": "wouldnt",
    "cud": "could",
    "shud": "should",
    "b": "be",
    "betta": "better",
    "beta": "better",
    "d": "the",
    "n": "and",
    "wk": "week",
    "wks": "weeks",
    "nyt": "night",
    "2nyt": "tonight",
    "2day": "today",
    "2moro": "tomorrow",
    "2mrw": "tomorrow",
    "lyf": "life",
    "lif": "life",
    "gud": "good",
    "bcoz": "because",
    "smtyms": "sometimes",
    "plz": "please",
    "pple": "people",
    "ppl": "people",
    "hw": "how",
    "wat": "what",
    "wht": "what",
    "dnt": "dont",
    "cnt": "cant",
    "myslf": "myself",
    "mysef": "myself",
}
_SMS_WORD_RE = re.compile(
    r"(?<![\w'’])(?:" + "|".join(re.escape(w) for w in sorted(_SMS_WORDS, key=len, reverse=True)) + r")(?![\w'’])"
)
# "nm-" and "nl-" for the Kiswahili "nime-"/"nili-" ("nmejaribu", "nlijaribu"), "nk-" for "niki-".
_SMS_PREFIX_RE = re.compile(r"\b(n)(m(?=e[a-z]{2})|l(?=i[a-z]{2})|k(?=i[a-z]{2}))")
# The runs _SMS_WORD_RE tells words by: it matches exactly a maximal run that is a whole SMS word (no key holds an
# apostrophe), so an entry none of whose runs is one is left as it is without the alternation's scan.
_SMS_RUN_RE = re.compile(r"[\w'’]+")


def _unleet_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if not any(ch.isalpha() for ch in word):
        return word  # a number stays a number ("I am 14", "2025")
    chars = list(word)
    for index, char in enumerate(chars):
        if char not in LEET:
            continue
        before = chars[index - 1] if index else ""
        after = chars[index + 1] if index + 1 < len(chars) else ""
        if char == "!" and not (before.isalpha() and after.isalpha()):
            continue  # "die!" is punctuation, "sh!t" is a letter
        if before.isalpha() or after.isalpha():
            chars[index] = LEET[char]
    return "".join(chars)


def collapse_runs(text: str) -> str:
    """Shorten letter runs: three or more vowels become one, three or more consonants two.

    "dieeee" -> "die", "nooo" -> "no", "killlll" -> "kill"; legitimate doubles ("kuuma", "good")
    are untouched.
    """
    # A run exists exactly when a letter is there three times in a row: substring tests (0.3 and 1 µs on a short
    # entry) spare the backreference scans (2 µs each) on the many entries with none.
    if any(triple in text for triple in _VOWEL_TRIPLES):
        text = _VOWEL_RUN_RE.sub(r"\1", text)
    if any(triple in text for triple in _CONSONANT_TRIPLES):
        text = _CONSONANT_RUN_RE.sub(r"\1\1", text)
    return text


def for_phrases(text: str) -> str:
    """Return the matching form of already-cleaned *text* for phrase patterns (distress, disclosure).

    Casefolded, lookalikes and leetspeak mapped inside words, apostrophes removed ("can't" ->
    "cant", "I'm" -> "im"), in-word hyphens removed ("ku-end" -> "kuend", "self-harm" ->
    "selfharm"), letter runs shortened and whitespace collapsed to single spaces.
    """
    text = fold(text) if text.isascii() else strip_marks(fold(text))
    # Each substitution below is skipped when the characters or words it needs are absent (the same text: it would
    # find nothing); on a 33-character entry the three scans cost 5.5 µs, the tests under 1.
    if any(char in text for char in _APOSTROPHES):
        text = _APOSTROPHE_RE.sub("", text)
    if any(char in text for char in _IN_WORD_HYPHENS):
        text = _IN_WORD_HYPHEN_RE.sub("", text)
    if not _SMS_WORDS.keys().isdisjoint(_SMS_RUN_RE.findall(text)):
        text = _SMS_WORD_RE.sub(lambda m: _SMS_WORDS[m.group(0)], text)
    text = _SMS_PREFIX_RE.sub(lambda m: m.group(1) + "i" + m.group(2), text)
    if _LEET_CHAR_RE.search(text):
        text = _LEET_WORD_RE.sub(_unleet_word, text)
    text = collapse_runs(text)
    return _SPACES_RE.sub(" ", text).strip()


# --- The number view: what personal-detail finders read ---------------------------------------------

# Keycap emoji ("0️⃣") are a digit, VARIATION SELECTOR-16 and COMBINING ENCLOSING KEYCAP.
_KEYCAP_MARKS = "\ufe0f\u20e3"
# Letters typed for digits, only ever read as digits inside a number-like run ("O7l2", "3SS").
_LETTER_DIGITS = str.maketrans("OoQDlIi|SsBZz", "0000111155822")
# A number-like run holding a digit: only those can change, and the other words are not handed to Python.
_NUMBER_RUN_RE = re.compile(r"(?<![0-9A-Za-z|])[0-9A-Za-z|]*[0-9][0-9A-Za-z|]*")
_SEPARATOR_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212/\\_,;:·•*~"
_SEPARATORS = str.maketrans(_SEPARATOR_CHARS, "-" * len(_SEPARATOR_CHARS))
# Words people put between digit groups: "0712 then 448 then 391", "0722 kisha 448".
_GROUP_WORD_RE = re.compile(r"(?<=\d)(\s+(?:then|kisha|halafu|alafu)\s+)(?=\d)", re.IGNORECASE)


DIGIT_WORD_VALUES = {
    word: str(value)
    for words in (
        "zero one two three four five six seven eight nine",
        "sifuri moja mbili tatu nne tano sita saba nane tisa",
    )
    for value, word in enumerate(words.split())
}
DIGIT_WORD_VALUES["oh"] = "0"  # "six oh five": read as zero only among digits, by the rules below
_DIGIT_WORD_ALTERNATION = "|".join(sorted(DIGIT_WORD_VALUES, key=len, reverse=True))
# A run of digits and digit words apart, with at least three real digits: "0 7 two 2 - 9 nine 8",
# "0799 two two 3 four 5 six". Words alone ("one two three") stay words: the spelled-number finder
# reads those, with its own rules.
_SPACED_DIGIT_WORDS_RE = re.compile(
    # possessive "++": a long run of digits is scanned once, never backtracked into
    rf"\b(?:\d+|{_DIGIT_WORD_ALTERNATION})(?:[\s\-.,]{{1,3}}(?:\d+|{_DIGIT_WORD_ALTERNATION}))++\b",
    re.IGNORECASE,
)


# Only spaces between a short run and the digits after it: the wide gap a Kiswahili hundred or ten
# leaves once it is a digit ("sifuri saba 11 mia tatu 45 ..." -> "sifuri saba 11        3 45 ...").
_SPACES_THEN_DIGIT_RE = re.compile(r"(?:\s{4,12}|\s+(?:then|kisha)\s+)\d", re.IGNORECASE)
_DIGIT_THEN_SPACES_RE = re.compile(r"\d(?:\s{4,12}|\s+(?:then|kisha)\s+)$", re.IGNORECASE)


def _spaced_digit_words_to_digits(match: re.Match[str]) -> str:
    run = match.group(0)
    if run.isdigit():
        return run
    if sum(ch.isdigit() for ch in run) < 3 and not (
        any(ch.isdigit() for ch in run)
        and (
            _SPACES_THEN_DIGIT_RE.match(match.string, match.end())
            or _DIGIT_THEN_SPACES_RE.search(match.string, max(0, match.start() - 14), match.start())
        )
    ):
        return run
    return _DIGIT_WORD_RE.sub(lambda w: DIGIT_WORD_VALUES[w.group(0).lower()].ljust(len(w.group(0))), run)


# A run mixing digits and digit words with no space: "072two", "0seven12".
_MIXED_DIGIT_WORDS_RE = re.compile(
    r"\b(?=[a-z]*\d)(?:\d|" + "|".join(sorted(DIGIT_WORD_VALUES, key=len, reverse=True)) + r")+\b", re.IGNORECASE
)
# A digit word as a whole word, or glued to a digit ("072two", "0seven12").
_DIGIT_WORD_RE = re.compile(
    rf"\b(?:{_DIGIT_WORD_ALTERNATION})\b|(?<=\d)(?:{_DIGIT_WORD_ALTERNATION})|(?:{_DIGIT_WORD_ALTERNATION})(?=\d)",
    re.IGNORECASE,
)


# Kiswahili tens among digits: "07 ishirini na mbili 334 455" is 0722 334 455. The tens digit takes
# the end of the tens word's place and the unit digit the unit word's, so offsets hold and gaps stay short.
_SW_TENS = {
    word: str(value)
    for value, word in enumerate("kumi ishirini thelathini arobaini hamsini sitini sabini themanini tisini".split(), 1)
}
_SW_UNITS = {word: value for word, value in DIGIT_WORD_VALUES.items() if value != "0"}
_SW_TENS_RE = re.compile(
    rf"\b(?P<tens>{'|'.join(_SW_TENS)})(?:(?P<na>\s+na\s+)(?P<unit>{'|'.join(_SW_UNITS)}|[1-9]))?\b",
    re.IGNORECASE,
)
_DIGIT_NEAR_RE = re.compile(r"\d")


def _sw_tens_to_digits(match: re.Match[str]) -> str:
    text = match.string
    # Only among real digits: "miaka kumi na tatu" (thirteen years) alone stays words.
    if not (
        _DIGIT_NEAR_RE.search(text, max(0, match.start() - 6), match.start())
        or _DIGIT_NEAR_RE.search(text, match.end(), match.end() + 6)
    ):
        return match.group(0)
    tens = match.group("tens")
    digit = _SW_TENS[tens.lower()]
    unit = match.group("unit")
    if unit is None:
        return (digit + "0").rjust(len(tens))
    unit_digit = unit if unit.isdigit() else _SW_UNITS[unit.lower()]
    # the tens digit at the end of its word, so the gap to the unit digit is " na " only
    return digit.rjust(len(tens)) + " " * len(match.group("na")) + unit_digit.ljust(len(unit))


# Kiswahili hundreds among digits: "0711 mia tatu 45 678" is 0711 345 678 ("mia tatu" is the group's
# first digit); with nothing after it, "mia tatu" is 300.
_SW_HUNDREDS_RE = re.compile(rf"\bmia\s+(?P<unit>{'|'.join(_SW_UNITS)}|[1-9])\b(?:\s+na\b)?", re.IGNORECASE)
_DIGIT_NEXT_RE = re.compile(r"\s*\d")


def _sw_hundreds_to_digits(match: re.Match[str]) -> str:
    text = match.string
    if not (
        _DIGIT_NEAR_RE.search(text, max(0, match.start() - 6), match.start())
        or _DIGIT_NEAR_RE.search(text, match.end(), match.end() + 6)
    ):
        return match.group(0)
    unit = match.group("unit")
    digit = unit if unit.isdigit() else _SW_UNITS[unit.lower()]
    width = len(match.group(0))
    if _DIGIT_NEXT_RE.match(text, match.end()):
        return digit.rjust(width)
    return (digit + "00").ljust(width)


def _digit_words_to_digits(match: re.Match[str]) -> str:
    # Each word becomes its digit padded with spaces, so offsets do not move.
    return _DIGIT_WORD_RE.sub(lambda w: DIGIT_WORD_VALUES[w.group(0).lower()].ljust(len(w.group(0))), match.group(0))


def _swap_letter_digits(match: re.Match[str]) -> str:
    run = match.group(0)
    digits = sum(ch.isdigit() for ch in run)
    # A run is number-like when it has a digit and all its letters can be digits ("O7OO", "3SS", "l2").
    if digits and run.translate(_LETTER_DIGITS).isdigit():
        return run.translate(_LETTER_DIGITS)
    return run


# A group of letters only, all standing for digits, between two digit groups: "O7O8 III 222".
_LETTER_GROUP_RE = re.compile(r"(?<=\d)([\s.\-]{1,3})([OoIl|]{2,})(?=[\s.\-]{1,3}\d)")


def numbers_view(cleaned: str) -> str:
    """Return *cleaned* with digits made plain, character for character (offsets are unchanged).

    Every Unicode decimal digit becomes its ASCII digit, keycap marks become spaces, look-alike
    letters of other scripts become Latin ones, letters standing for digits inside number-like runs
    become digits ("O7l2 3SS" -> "0712 355"), and any separator between digit groups becomes "-"
    (en dash, slash, underscore, comma; "then"/"kisha" become spaces).
    """
    if cleaned.isascii():
        text = cleaned
    else:
        chars = []
        for char in cleaned:
            if char.isascii():
                chars.append(char)
            elif char.isdecimal():
                chars.append(str(unicodedata.decimal(char)))
            elif char in _KEYCAP_MARKS:
                chars.append(" ")
            else:
                chars.append(char.translate(_CONFUSABLES))
        text = "".join(chars)  # the confusables table maps one character to one: offsets hold
    if _DIGIT_NEAR_RE.search(text) is None:
        # every step below reads words and letters as digits only beside a real digit, and four entries in
        # five have none (the corpus; fresh set 32, long entries: numbers_view from 43 to 18 µs an entry)
        return text.translate(_SEPARATORS)
    # An ASCII entry is tested for the words a step needs before its scan: re.IGNORECASE on ASCII text matches
    # what lower() holds. Most entries with digits hold no digit word and no Kiswahili ten ("I am 14 years old and
    # in class 8": numbers_view from 24 to 8 µs); a step that cannot match returns its text unchanged.
    ascii_lower = text.lower() if text.isascii() else None
    if ascii_lower is None or any(word in ascii_lower for word in _SW_TENS):
        text = _SW_TENS_RE.sub(_sw_tens_to_digits, text)
    if "mia" in text.lower():
        text = _SW_HUNDREDS_RE.sub(_sw_hundreds_to_digits, text)
    # Both steps only ever rewrite digit words (the Kiswahili steps above turn words into digits, never into words).
    if ascii_lower is None or any(word in ascii_lower for word in DIGIT_WORD_VALUES):
        text = _MIXED_DIGIT_WORDS_RE.sub(_digit_words_to_digits, text)
        text = _SPACED_DIGIT_WORDS_RE.sub(_spaced_digit_words_to_digits, text)
    text = _NUMBER_RUN_RE.sub(_swap_letter_digits, text)
    text = _LETTER_GROUP_RE.sub(lambda m: m.group(1) + m.group(2).translate(_LETTER_DIGITS), text)
    text = _GROUP_WORD_RE.sub(lambda m: " " * len(m.group(1)), text)
    return text.translate(_SEPARATORS)
