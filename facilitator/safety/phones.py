"""Phone numbers, however written, found on the number view of the text and checked by libphonenumber.

Children write numbers to get past filters: "O7l2 345 678", "0722–418–903", "0712 then 448 then
391", keycap emoji, Arabic-Indic digits, "sifuri saba moja ...". :func:`normalise.numbers_view`
undoes the disguise character for character; here the digit groups are joined and each candidate
is checked with Google's libphonenumber (``phonenumbers``), region KE, international with a "+" or
"00". Validity, not a hand-written pattern, decides what a phone number is: a date, a year or an
amount is not a valid number, "0712 345 678" is.

Leniency, measured on the corpus: for bare digits ``is_valid_number`` (``is_possible_number`` takes
any run of the right length, counts and dates included); for numbers written with "+" or "00"
``is_possible_number``, because the writer marked them as phone numbers and fictional or new
ranges ("+1 555 ...") are possible but not valid.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import phonenumbers

# Digit groups of a candidate: digits with separators between groups ("then" is already spaces).
# Any marks between the groups: emoji, bars, tildes, an "x" ("07 😎 45 😎 67", "0741x553x912").
_CANDIDATE_RE = re.compile(r"(?:\+|\b00)?\d+(?:(?:[\s\-.()|~/*x×]|[^\x00-\x7f\w]){1,12}\d+)*")
_GROUP_RE = re.compile(r"\d+")
_MONEY_BEFORE_RE = re.compile(r"(?:ksh|kes|kshs|sh|shs|usd|\$|£|€)\s*\.?\s*$", re.IGNORECASE)
_TRAILING_MARKS = "\ufe0f\u20e3)"
_PUBLIC_TYPES = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.SHARED_COST,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
    }
)
# An organisation's line, named just before the number, is public ("Befrienders Kenya is on 0722 178 177"),
# unless a person is named there too ("my mum at Kenya Power: 0722 ...").
_ORGANISATION_BEFORE_RE = re.compile(
    r"(?:\b(?:helpline|hotline|toll[\s-]?free|customer\s+care|call\s+cent(?:re|er)|childline|befrienders|red\s+cross|"
    r"safaricom|airtel|telkom|police|dci)\b|\b(?-i:[A-Z][a-z]+\s+(?:Kenya|Foundation|Trust|Society|Initiative|Network|"
    r"Organi[sz]ation|Association|Centre|Center|Hospital|Ministry|Bank|Authority|Commission))\b)[^,.;!?\d]{0,25}$",
    re.IGNORECASE,
)
_PERSON_BEFORE_RE = re.compile(
    r"\b(?:my|me|mine|his|her|yangu|wangu|yake|wake|mum|mom|mama|dad|baba|uncle|aunt|sister|brother|friend|rafiki|"
    r"call\s+me|text\s+me|nitext|nipigie)\b",
    re.IGNORECASE,
)
MIN_DIGITS = 9
MAX_DIGITS = 15
# How many groups one number may span ("0 7 1 2 3 4 5 6 7 8" is ten).
MAX_GROUPS = 15


# Only these shapes can be a Kenyan number written without "+": libphonenumber is asked about
# nothing else (a parse costs far more than this test, and a long run of digits has many substrings).
_KENYAN_SHAPE_RE = re.compile(r"0\d{8,9}|[17]\d{8}|254[17]\d{8}")


@functools.lru_cache(maxsize=4096)
def _is_phone(digits: str, international: bool) -> bool:
    if not international and not _KENYAN_SHAPE_RE.fullmatch(digits):
        return False
    try:
        if international:
            number = phonenumbers.parse("+" + digits, None)
        elif digits.startswith("254") and len(digits) >= 12:
            number = phonenumbers.parse("+" + digits, None)
        elif len(digits) == 9 and digits[0] in "17":
            number = phonenumbers.parse("0" + digits, "KE")  # a Kenyan mobile without its 0
        else:
            number = phonenumbers.parse(digits, "KE")
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.number_type(number) in _PUBLIC_TYPES:
        return False  # toll-free and shared-cost lines are organisations' helplines
    if international:
        # Written with "+" or "00", it is meant as a phone number: any possible one counts
        # (fictional ranges such as +1 555 are possible, not valid).
        return phonenumbers.is_possible_number(number)
    return phonenumbers.is_valid_number(number)


def is_phone(digits: str) -> bool:
    """Whether a run of plain digits (no "+") is a personal phone number."""
    return _is_phone(digits, False)


def find(view: str, text: str) -> Iterator[tuple[int, int]]:
    """Spans of phone numbers in *view* (``normalise.numbers_view`` of *text*; offsets hold for both)."""
    for match in _CANDIDATE_RE.finditer(view):
        run = match.group(0)
        if sum(ch.isdigit() for ch in run) < MIN_DIGITS:
            continue
        base = match.start()
        plus = run.startswith("+") or run.startswith("00")
        groups = list(_GROUP_RE.finditer(run))
        if _MONEY_BEFORE_RE.search(view[max(0, base - 6) : base]):
            continue
        index = 0
        while index < len(groups):
            found = None
            digits = ""
            for end in range(index, min(len(groups), index + MAX_GROUPS)):
                digits += groups[end].group(0)
                if len(digits) > MAX_DIGITS:
                    break
                if len(digits) < MIN_DIGITS:
                    continue
                international = plus and index == 0
                if international and digits.startswith("00"):
                    digits_checked = digits[2:]
                else:
                    digits_checked = digits
                if _is_phone(digits_checked, international):
                    found = end  # keep the longest valid stretch starting here
            if found is None:
                index += 1
                continue
            start = base + (0 if (plus and index == 0) else groups[index].start())
            end = base + groups[found].end()
            before = view[max(0, start - 50) : start]
            if _ORGANISATION_BEFORE_RE.search(before) and not _PERSON_BEFORE_RE.search(before):
                index = found + 1
                continue
            if start and view[start - 1] == "(":
                start -= 1  # "(0712) 345 678"
            while end < len(text) and text[end] in _TRAILING_MARKS:
                end += 1  # the keycap marks after the last digit, and a closing bracket
            yield start, end
            index = found + 1
