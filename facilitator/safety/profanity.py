"""Profanity: find swear words, insults and slurs from the shipped word lists, and mask them.

Matching is per word (a "token"), so a bad word inside an innocent one never matches ("class",
"assess", "Shitanda", "kumaliza"). Each listed word is compiled into a pattern that accepts:

* leetspeak and symbol substitutions through character classes ("sh1t", "$hit", "f*ck", "f#ck");
* stretched letters ("fuuuck", "shiiit"). A vowel must be written once or at least three times,
  because Swahili has real double vowels: "kuuma" (to bite) must not match "kuma";
* for the English list, common endings ("fucking", "bitches", "dickhead").

Letters written apart ("f u c k", "f.u.c.k", "f-u-c-k") are joined and checked as well.

Word list format (plain text, UTF-8, one entry a line, ``#`` starts a comment):

* ``word``         the word as a whole token;
* ``*word``        any token ending in the word (Swahili verbs take prefixes: "*tomba");
* ``two words``    a phrase: consecutive tokens ("mbwa wewe");
* ``!some phrase`` an exception: the tokens of the phrase are never flagged ("!kichaa cha mbwa").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from facilitator.safety.normalise import LEET, fold, strip_marks

WORDLIST_DIR = Path(__file__).with_name("wordlists")

# A token: letters/digits plus the symbols people put in place of letters. Underscore splits
# tokens so "fuck_you" is seen as two words.
_TOKEN_RE = re.compile(r"(?:[^\W_]|[$@*!|#])+")
# Kiswahili writes "ng'" before a vowel inside a word ("ng'ombe"): that apostrophe does not split it. Used only
# when the entry has an apostrophe: the extra branch slows every character.
_TOKEN_WITH_NG_RE = re.compile(r"(?:[^\W_]|[$@*!|#]|(?<=[Nn][Gg])['’](?=[aeiouAEIOU]))+")
# Symbols that stand for "some letter" ("f*ck", "f#ck"); never accepted as a word's first letter.
_WILDCARDS = "*#"
_EDGE_NOISE = "*#!|"
# Words whose answers a matcher keeps (like the word caches below).
_TOKENS_KEPT = 8192
_VOWELS = set("aeiou")
# Words in a phrase entry that only aim the insult at someone; they stay readable when masked.
_ADDRESSING_WORDS = frozenset(
    {
        "wewe",
        "we",
        "ni",
        "you",
        "u",
        "are",
        "your",
        "youre",
        "ur",
        "so",
        "girl",
        "boy",
        "huyu",
        "yule",
        "off",
        "tu",
        "kabisa",
    }
)
_EN_SUFFIXES = r"(?:s|es|ed|er|ers|ing|in|y|ier|head|heads|face|faces|hole|holes)?"

# For each letter, the characters that may be written in its place.
# c and k stand in for each other ("fuk", "fucc"); u is written v ("fvck").
_LETTER_CLASSES: dict[str, str] = {"i": "i1!|l", "l": "l1|i", "u": "uv", "c": "ck", "k": "kc"}
for _digit, _letter in LEET.items():
    _LETTER_CLASSES[_letter] = _LETTER_CLASSES.get(_letter, _letter) + _digit

# Which letters a token's first character may stand for (to pick the candidate patterns).
_FIRST_LETTERS: dict[str, tuple[str, ...]] = {"1": ("i", "l"), "|": ("i", "l")}
for _digit, _letter in LEET.items():
    _FIRST_LETTERS.setdefault(_digit, (_letter,))

# Gaps allowed between letters written apart: one to three spaces or punctuation marks,
# never a line break.
_SPACED_GAP_RE = re.compile(r"[^\w\n]{1,3}")
_MAX_SPACED_WORD = 20


def load_wordlist(path: str | Path) -> frozenset[str]:
    """Read a word list file: one entry a line, blank lines and ``#`` comments ignored.

    Entries are casefolded and stripped; the ``*`` and ``!`` markers are kept (see module doc).
    """
    entries = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.add(" ".join(fold(entry).split()))
    return frozenset(entries)


def _letter_class(letter: str, first: bool) -> str:
    chars = _LETTER_CLASSES.get(letter, letter)
    if not first:
        chars += _WILDCARDS
    return "[" + re.escape(chars) + "]"


def _word_pattern(word: str, english: bool = False) -> str:
    """Regex source for one word: leetspeak classes and stretched letters (see module doc)."""
    word = "".join(LEET.get(ch, ch) for ch in word)  # an organiser may type "sh1t"
    parts = []
    index = 0
    while index < len(word):
        letter = word[index]
        run = 1
        while index + run < len(word) and word[index + run] == letter:
            run += 1
        cls = _letter_class(letter, first=index == 0)
        if letter in _VOWELS and run == 1 and (index + run == len(word) or english):
            # The last vowel may be stretched any way: teens lengthen word ends ("kumanyokoo", "falaa");
            # English has no doubled vowel that turns a swear word into another word ("shiit", "fuuck").
            parts.append(f"{cls}+")
        elif letter in _VOWELS and run == 1:
            # Once, or stretched to three or more: a doubled vowel is another word ("kuuma").
            parts.append(f"{cls}(?:{cls}{{2,}})?")
        else:
            parts.append(f"{cls}{{{run},}}")
        index += run
    return "".join(parts)


@dataclass(frozen=True)
class _Matcher:
    """Compiled form of a set of word list entries."""

    by_first_letter: dict[str, re.Pattern[str]]
    ending_with: re.Pattern[str] | None
    # Phrases grouped by their first word; ``phrase_head`` tests a token against every first word at
    # once and names the group it opens (``g0``, ``g1``...), so only that group's phrases are tried.
    phrases: tuple[tuple[tuple[re.Pattern[str], ...], ...], ...]
    phrase_head: re.Pattern[str] | None
    exceptions: tuple[tuple[str, ...], ...]
    # token -> the phrase group it opens (-1: none). Every token of every entry is tried against all first words;
    # most words repeat across entries (fresh set 32: _phrase_spans from 23 to 12 µs an entry).
    _opened: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # token -> word_matches(token), for an event's extra words (the shipped lists have _shipped_token_hit): each token
    # of an entry not in the shipped lists is tried against them (8-10 µs a short entry with two extra words).
    _matched: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    # first word -> the exceptions it opens: each token is looked up once instead of being tried against every
    # exception (``_exempt_indexes``).
    _exceptions_by_first: dict[str, list[tuple[str, ...]]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for phrase in self.exceptions:
            if phrase:
                self._exceptions_by_first.setdefault(phrase[0], []).append(phrase)

    def phrases_opened_by(self, token: str) -> tuple[tuple[re.Pattern[str], ...], ...]:
        """The phrases whose first word *token* is (none when it opens none)."""
        group = self._opened.get(token)
        if group is None:
            head = self.phrase_head.fullmatch(token) if self.phrase_head is not None else None
            group = -1 if head is None else int(head.lastgroup[1:])  # type: ignore[index]
            if len(self._opened) >= _TOKENS_KEPT:
                self._opened.clear()
            self._opened[token] = group
        return self.phrases[group] if group >= 0 else ()

    def word_matches(self, token: str) -> bool:
        """True when one normalised token is a listed word."""
        if not token:
            return False
        for letter in _FIRST_LETTERS.get(token[0], (token[0],)):
            pattern = self.by_first_letter.get(letter)
            if pattern is not None and pattern.fullmatch(token):
                return True
        return self.ending_with is not None and self.ending_with.fullmatch(token) is not None

    def word_matches_kept(self, token: str) -> bool:
        """``word_matches``, its answers kept (a bounded number of tokens)."""
        matched = self._matched.get(token)
        if matched is None:
            matched = self.word_matches(token)
            if len(self._matched) >= _TOKENS_KEPT:
                self._matched.clear()
            self._matched[token] = matched
        return matched


def _compile(entries: Iterable[str], *, english_suffixes: bool) -> _Matcher:
    grouped: dict[str, list[str]] = {}
    endings: list[str] = []
    phrases: dict[str, list[tuple[re.Pattern[str], ...]]] = {}
    exceptions: list[tuple[str, ...]] = []
    suffix = _EN_SUFFIXES if english_suffixes else ""
    for entry in sorted(entries):
        if entry.startswith("!"):
            exceptions.append(tuple(entry[1:].split()))
            continue
        words = entry.split()
        if len(words) > 1:
            phrases.setdefault(words[0], []).append(
                tuple(re.compile(_word_pattern(w, english_suffixes) + suffix) for w in words)
            )
        elif entry.startswith("*") and len(entry) > 1:
            endings.append(_word_pattern(entry[1:], english_suffixes))
        else:
            first = LEET.get(entry[0], entry[0])
            grouped.setdefault(first, []).append(_word_pattern(entry, english_suffixes) + suffix)
    by_first = {letter: re.compile("(?:" + "|".join(pats) + ")") for letter, pats in grouped.items()}
    ending = re.compile(r"[^\W_]*(?:" + "|".join(endings) + ")") if endings else None
    heads = [f"(?P<g{index}>{_word_pattern(word, english_suffixes)}{suffix})" for index, word in enumerate(phrases)]
    head = re.compile("|".join(heads)) if heads else None
    groups = tuple(tuple(group) for group in phrases.values())
    return _Matcher(by_first, ending, groups, head, tuple(exceptions))


@functools.cache
def _shipped() -> tuple[_Matcher, ...]:
    english = load_wordlist(WORDLIST_DIR / "profanity_en.txt")
    swahili = load_wordlist(WORDLIST_DIR / "profanity_sw.txt")
    return _compile(english, english_suffixes=True), _compile(swahili, english_suffixes=False)


@functools.lru_cache(maxsize=64)
def _extra(words: frozenset[str]) -> _Matcher:
    return _compile(words, english_suffixes=True)


@functools.lru_cache(maxsize=64)
def _normalised_extra_words(words: tuple[str, ...]) -> frozenset[str]:
    return normalise_extra_words(words)


def _extra_entries(words: Iterable[str]) -> frozenset[str]:
    """``normalise_extra_words``, kept per list: an event's list is the same on every entry (folding two words cost
    3-4 µs an entry). Only a list of plain strings is kept: tuples of equal numbers of other types (1, 1.0, True)
    are equal keys with different str() forms."""
    key = tuple(words)
    if all(type(word) is str for word in key):
        return _normalised_extra_words(key)
    return normalise_extra_words(key)


def normalise_extra_words(words: Iterable[str]) -> frozenset[str]:
    """Event-specific words as the matcher wants them: folded, stripped, comments and blanks dropped.

    Entries with fewer than two letters or digits are dropped: "a" or "*" would match everything.
    """
    out = set()
    for word in words:
        entry = " ".join(fold(str(word).split("#", 1)[0]).split())
        if sum(ch.isalnum() for ch in entry) >= 2:
            out.add(entry)
    return frozenset(out)


class _Token(NamedTuple):  # built 20 times an entry: half the cost of a frozen dataclass
    start: int
    end: int
    norm: str  # folded, edge noise stripped


@functools.lru_cache(maxsize=8192)
def _norm_token(raw: str) -> str:
    return fold(raw) if raw.isascii() else strip_marks(fold(raw))


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in (_TOKEN_WITH_NG_RE if "'" in text or "’" in text else _TOKEN_RE).finditer(text):
        raw = match.group(0)
        if raw.isalnum():  # most words: no edge noise, no apostrophe (fresh sets 34, 35, 38: 21 -> 18 µs an entry)
            tokens.append(_Token(*match.span(), _norm_token(raw)))
            continue
        lead = len(raw) - len(raw.lstrip(_EDGE_NOISE))
        trail = len(raw) - len(raw.rstrip(_EDGE_NOISE))
        if lead == len(raw):
            continue
        inner = raw[lead : len(raw) - trail]
        inner = inner.replace("'", "").replace("’", "")
        tokens.append(_Token(match.start() + lead, match.end() - trail, _norm_token(inner)))
    return tokens


def _token_hit(matchers: tuple[_Matcher, ...], token: str) -> bool:
    return any(m.word_matches(token) for m in matchers)


@functools.lru_cache(maxsize=8192)
def _shipped_token_hit(token: str) -> bool:
    # Most words repeat across entries; caching keeps the scan cheap.
    return _token_hit(_shipped(), token)


def find(text: str, extra_words: Iterable[str] | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of profanity in *text* (already cleaned)."""
    extra = _extra_entries(extra_words) if extra_words else frozenset()
    extra_matcher = _extra(extra) if extra else None
    matchers = _shipped() + ((extra_matcher,) if extra_matcher is not None else ())

    def hit(token: str) -> bool:
        return _shipped_token_hit(token) or (extra_matcher is not None and extra_matcher.word_matches_kept(token))

    tokens = _tokens(text)
    exempt = _exempt_indexes(tokens, matchers)
    spans: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        # A token of digits alone is a number, never a word written in leetspeak ("85%" is not "bs").
        if index not in exempt and not token.norm.isdigit() and hit(token.norm):
            spans.append((token.start, token.end))
    spans.extend(_phrase_spans(tokens, matchers, exempt))
    if "**" in text or "##" in text or "*#" in text or "#*" in text:
        spans.extend(found.span() for found in _SELF_MASKED_RE.finditer(text))
    spans.extend(_spaced_letter_spans(text, tokens, hit))
    return spans


def _exempt_indexes(tokens: list[_Token], matchers: tuple[_Matcher, ...]) -> set[int]:
    exempt: set[int] = set()
    norms = [t.norm for t in tokens]
    for matcher in matchers:
        by_first = matcher._exceptions_by_first
        if not by_first:
            continue
        for start, norm in enumerate(norms):
            for phrase in by_first.get(norm, ()):
                size = len(phrase)
                # a window cut short by the end of the entry is shorter than the phrase, so unequal
                if tuple(norms[start : start + size]) == phrase:
                    exempt.update(range(start, start + size))
    return exempt


def _phrase_spans(tokens: list[_Token], matchers: tuple[_Matcher, ...], exempt: set[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for matcher in matchers:
        if matcher.phrase_head is None:
            continue
        opened = matcher._opened  # a word known to open no phrase is skipped without a call
        for start, token in enumerate(tokens):
            if opened.get(token.norm) == -1:
                continue
            for phrase in matcher.phrases_opened_by(token.norm):
                size = len(phrase)
                window = tokens[start : start + size]
                if len(window) < size or any(i in exempt for i in range(start, start + size)):
                    continue
                if all(p.fullmatch(t.norm) for p, t in zip(phrase, window, strict=True)):
                    # Mask the insult, not the words that aim it ("mbwa wewe" -> "m*** wewe").
                    spans.extend((t.start, t.end) for t in window if t.norm not in _ADDRESSING_WORDS)
    return spans


def _spaced_letter_spans(text: str, tokens: list[_Token], hit) -> list[tuple[int, int]]:
    """Find words written one letter at a time: "f u c k", "f.u.c.k", "s-h-i-t"."""
    spans = []
    run: list[_Token] = []

    def flush() -> None:
        if len(run) >= 3:
            letters = [t.norm for t in run]
            for i in range(len(run)):
                # Longest first, at least three letters, at most a long word's length.
                for j in range(min(len(run), i + _MAX_SPACED_WORD), i + 2, -1):
                    if hit("".join(letters[i:j])):
                        spans.append((run[i].start, run[j - 1].end))
                        break
        run.clear()

    for token in tokens:
        if len(token.norm) != 1:
            flush()
            continue
        if run and not _SPACED_GAP_RE.fullmatch(text[run[-1].end : token.start]):
            flush()
        run.append(token)
    flush()
    return spans


# A word the writer masked themself ("what the f*** is this", "sh** app"): one to three letters, then the rest
# starred out. Only a swear word is written so.
_SELF_MASKED_RE = re.compile(r"(?<![\w*#])[^\W\d_]{1,3}[*#]{2,}(?![\w*#])")

_MASKABLE_RE = re.compile(r"[^\W_]|[$@*!|#]")


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Keep the first letter of each span and replace its other letters with ``*``.

    Separators inside a span stay, so "f u c k" becomes "f * * *".
    """
    chars = list(text)
    for start, end in spans:
        first = True
        for index in range(start, end):
            if _MASKABLE_RE.match(chars[index]):
                if first:
                    first = False
                else:
                    chars[index] = "*"
    return "".join(chars)
