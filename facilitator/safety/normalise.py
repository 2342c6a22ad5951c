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

# Letters that look like Latin ones and are used to slip past word filters ("fuсk" with a Cyrillic с).
# Only the common lookalikes; this is not a full confusables table.
_CONFUSABLES = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
        "ѕ": "s", "к": "k", "м": "m", "т": "t", "в": "b", "н": "h", "ԁ": "d", "ɡ": "g",
        "α": "a", "ο": "o", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "τ": "t", "υ": "u", "ρ": "p",
    }
)  # fmt: skip

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
    """Casefold and map common Cyrillic/Greek lookalikes to Latin letters."""
    return text.casefold().translate(_CONFUSABLES)


def strip_marks(text: str) -> str:
    """Drop combining marks left after NFKC ("zalgo" and strike-through text)."""
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_WORDISH_RE = re.compile(r"[\w@$!]+")
_LEET_CHAR_RE = re.compile("[" + re.escape("".join(LEET)) + "]")
_IN_WORD_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011\u2012\u2013](?=[^\W\d_])")
_APOSTROPHE_RE = re.compile("[" + _APOSTROPHES + "]")
_VOWEL_RUN_RE = re.compile(r"([aeiou])\1{2,}")
_CONSONANT_RUN_RE = re.compile(r"([b-df-hj-np-tv-z])\1{2,}")
_SPACES_RE = re.compile(r"[^\S\n]+")


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
    text = _VOWEL_RUN_RE.sub(r"\1", text)
    return _CONSONANT_RUN_RE.sub(r"\1\1", text)


def for_phrases(text: str) -> str:
    """Return the matching form of already-cleaned *text* for phrase patterns (distress, disclosure).

    Casefolded, lookalikes and leetspeak mapped inside words, apostrophes removed ("can't" ->
    "cant", "I'm" -> "im"), in-word hyphens removed ("ku-end" -> "kuend", "self-harm" ->
    "selfharm"), letter runs shortened and whitespace collapsed to single spaces.
    """
    text = fold(text) if text.isascii() else strip_marks(fold(text))
    text = _APOSTROPHE_RE.sub("", text)
    text = _IN_WORD_HYPHEN_RE.sub("", text)
    if _LEET_CHAR_RE.search(text):
        text = _WORDISH_RE.sub(_unleet_word, text)
    text = collapse_runs(text)
    return _SPACES_RE.sub(" ", text).strip()
