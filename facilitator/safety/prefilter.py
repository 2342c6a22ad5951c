"""Run a long list of phrase patterns over an entry by first finding which of them can match at all.

The lexicon rules (``signals``) and the first-person rules (``disclosure``, ``distress``) are a few hundred
patterns. Joined into one alternation, Python's ``re`` still tries every alternative at every word of the entry,
so their cost grows with the entry's length times the number of patterns: 330 µs of a 90-character entry
(fresh set 32), most of the screen's time on long entries.

Almost every pattern needs one of a few literal strings somewhere in its match: "jirush", "jitup", "jizamish",
"throw myself" or "drown myself" for ``\\b(?:\\w*jirush\\w*|\\w*jitup\\w*|...)``. Each pattern is read once, at
import, with the standard library's own regex parser, for such a set of strings. At run time the entry's
three-character slices are looked up in an index of those strings; only the patterns with a string present
run. The answer is the same as the joined pattern's (``tests/safety/test_screen.py`` checks that on every
corpus, fresh and blind line); a pattern with no usable string always runs.

Hand-written because no kept library does it for Python's ``re``: RE2's FilteredRE2 and Hyperscan filter
this way but cannot run the look-arounds these rules depend on, and an Aho-Corasick package would only
replace the three-character index, which costs a few µs an entry. Measured 2026-11-30 (bench/safety.py,
same machine, same run): see the README's "Where it stands".
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

with warnings.catch_warnings():
    # the public name of re's parser: deprecated, still shipped (3.11-3.13), and the one typeshed describes
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants
    import sre_parse

# A single letter rules nothing out; two letters ("bf", "gf") are looked for one by one, longer ones by index.
_SHORTEST_USEFUL = 2
# Alternatives multiplied out while joining literals ("(?:a|wa)(?:na|li)" -> "ana", "ali", "wana", "wali").
_MOST_STRINGS = 64
# A string is indexed by its first three or four characters; most entries hold a few hundred three-letter slices
# of some string ("ana", "the"), far fewer four-letter ones: 250 string checks an entry fell to 73 (fresh sets 35
# and 38; the screen from 778 to 745 µs an entry).
_GRAM = 3
_LONG_GRAM = 4

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT_NOT}


@dataclass(frozen=True)
class _Strings:
    """What a piece of a pattern tells about the text it matches.

    ``exact``: the piece matches exactly one of these strings (None when it can match more than a few).
    ``needed``: every match of the piece contains one of these strings (None when nothing is known).
    """

    exact: frozenset[str] | None
    needed: frozenset[str] | None


_NOTHING_KNOWN = _Strings(None, None)
_EMPTY = _Strings(frozenset({""}), None)


def _useful(strings: frozenset[str] | None) -> bool:
    return strings is not None and all(len(string) >= _SHORTEST_USEFUL for string in strings)


# Words in nearly every entry: a set that needs one of them lets its pattern run on most entries ("my" before
# "(boyfriend|bf|sponsor)" was chosen by length alone and ran on 439 of 1,659 entries of fresh sets 43-45).
_EVERYWHERE = frozenset(
    """my is ni na wa ya of im tu an in on to me we he it at be do no so us or if as am the and you for are was
    but not this that with have they kwa hii ana ako ila ama au she her his him our all can get got just like
    when what then sana pia mimi wewe huyu""".split()
)


def _weakness(strings: frozenset[str]) -> int:
    """How often a set's strings will be in an entry anyway: a common word counts 3, any other two letters 1."""
    return sum(3 if string.strip() in _EVERYWHERE else 1 if len(string) <= 2 else 0 for string in strings)


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective usable set: the fewest common words and two-letter strings, then its shortest string
    longest, then the fewest strings."""
    usable = [strings for strings in candidates if _useful(strings)]
    if not usable:
        return None
    return min(usable, key=lambda strings: (_weakness(strings), -min(map(len, strings)), len(strings)))


def _as_needed(strings: _Strings) -> frozenset[str] | None:
    return _best([found for found in (strings.exact, strings.needed) if found is not None])


def _sequence(items: Any, fold_case: bool = False) -> _Strings:
    candidates: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})  # the literal strings the items since the last break spell out
    all_exact = True
    for op, argument in items:
        part = _item(op, argument, fold_case)
        if part.exact is not None and len(run) * len(part.exact) <= _MOST_STRINGS:
            run = frozenset(before + after for before in run for after in part.exact)
            continue
        all_exact = False
        candidates.append(run)
        if part.exact is not None:
            run = part.exact
            continue
        if part.needed is not None:
            candidates.append(part.needed)
        run = frozenset({""})
    candidates.append(run)
    return _Strings(run if all_exact else None, _best(candidates))


def _item(op: Any, argument: Any, fold_case: bool = False) -> _Strings:
    if op is sre_constants.LITERAL:
        return _Strings(frozenset({chr(argument)}), None)
    if op in _ZERO_WIDTH:
        return _EMPTY
    if op is sre_constants.IN:
        if all(kind is sre_constants.LITERAL for kind, _ in argument) and len(argument) <= 4:
            return _Strings(frozenset(chr(code) for _, code in argument), None)
        return _NOTHING_KNOWN
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, _del_flags, body = argument
        if add_flags & re.IGNORECASE and not fold_case:
            return _NOTHING_KNOWN
        return _sequence(body, fold_case)
    if op is sre_constants.ATOMIC_GROUP:
        return _sequence(argument, fold_case)
    if op is sre_constants.ASSERT:
        _direction, body = argument
        return _Strings(None, _as_needed(_sequence(body, fold_case)))
    if op is sre_constants.BRANCH:
        return _branch(argument[1], fold_case)
    if op in _REPEATS:
        least, most, body = argument
        inner = _sequence(body, fold_case)
        if least == 0:
            optional = most == 1 and inner.exact is not None
            return _Strings(inner.exact | {""} if optional and inner.exact is not None else None, None)
        if least == most == 1:
            return inner
        return _Strings(None, _as_needed(inner))
    return _NOTHING_KNOWN


def _branch(alternatives: list[Any], fold_case: bool = False) -> _Strings:
    parts = [_sequence(alternative, fold_case) for alternative in alternatives]
    exact: frozenset[str] | None = None
    if all(part.exact is not None for part in parts):
        exact = frozenset().union(*(part.exact for part in parts if part.exact is not None))
        if len(exact) > _MOST_STRINGS:
            exact = None
    needed_each = [_as_needed(part) for part in parts]
    needed = None
    if all(found is not None for found in needed_each):
        needed = frozenset().union(*(found for found in needed_each if found is not None))
    return _Strings(exact, needed)


def needed_strings(pattern: str, flags: int = 0, fold_case: bool = False) -> frozenset[str] | None:
    """Strings at least one of which is in any text *pattern* matches (None if none is known).

    With *fold_case* the strings are lower-cased and the pattern's case-insensitive parts read too: one of them is
    then in ``fold(text)`` of any text the pattern matches."""
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE and not fold_case:
        return None
    strings = _as_needed(_sequence(parsed, fold_case))
    if strings is None or not fold_case:
        return strings
    # A cased letter beyond ASCII may lower-case differently in context (Greek final sigma): no gate then.
    if not all(string.isascii() or string.lower() == string.upper() for string in strings):
        return None
    return frozenset(string.lower() for string in strings)


# Beyond str.lower(), the letters that ``re.IGNORECASE`` takes for an ASCII letter: dotless i and long s (found by
# trying every code point against [a-z]; U+0130 and the Kelvin sign lower-case to a string holding the letter).
_FOLD_EXTRA = str.maketrans({"\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """*text* lower-cased so that a case-insensitive match's literal letters are in it, lower-cased."""
    return text.lower() if text.isascii() else text.lower().translate(_FOLD_EXTRA)


class _SharedIndex:
    """The needed strings of every ``PatternSet``, in one index: the screen asks four sets about the same entry in a
    row, and the entry's slices are looked up once for all of them (fresh sets 34, 35 and 38: the rules from 97-112
    to 89-100 µs an entry, side by side on a busy machine). A few texts are kept, as a sentence is asked apart."""

    def __init__(self) -> None:
        # a string's first three or four characters -> (the string, or None when the key is all of it; set; indices)
        self.by_gram: dict[str, list[tuple[str | None, int, tuple[int, ...]]]] = {}
        self.grams: frozenset[str] = frozenset()
        self.short: list[tuple[str, int, tuple[int, ...]]] = []  # two-letter strings ("bf", "my"), one by one
        self.sets = 0
        self._found: dict[str, dict[int, set[int]]] = {}

    def add(self, owners: dict[str, list[int]]) -> int:
        """Index one set's strings (string -> its patterns' indices); returns the set's number."""
        number = self.sets
        self.sets += 1
        for string, indices in sorted(owners.items()):
            if len(string) < _GRAM:
                self.short.append((string, number, tuple(indices)))
            else:
                key = string[:_LONG_GRAM]
                self.by_gram.setdefault(key, []).append((None if key == string else string, number, tuple(indices)))
        self.grams = frozenset(self.by_gram)
        self._found.clear()
        return number

    def found(self, text: str) -> dict[int, set[int]]:
        """Per set (by number; a set with none left out), the indices of the patterns whose needed strings are in
        *text*."""
        found = self._found.get(text)
        if found is not None:
            return found
        found = {}
        for gram in self.grams.intersection(_grams(text)):
            for string, number, indices in self.by_gram[gram]:
                if string is None or string in text:
                    found.setdefault(number, set()).update(indices)
        for string, number, indices in self.short:
            if string in text:
                found.setdefault(number, set()).update(indices)
        if len(self._found) >= _TEXTS_KEPT:
            self._found.clear()
        self._found[text] = found
        return found


_INDEX = _SharedIndex()  # the concern pattern sets
_TEXTS_KEPT = 4


class GatedPattern:
    """A compiled pattern that does not scan a text holding none of the strings its every match needs.

    ``re`` tries a long alternation at every word of an entry: a personal-detail pattern costs 5-25 µs on a long
    entry (fresh sets 34, 35 and 38) where a few substring tests cost under one. The answers are the pattern's
    own: a gate that cannot tell lets the scan run (``tests/safety/test_screen.py`` checks every gated pattern on
    every corpus, fresh and blind line).
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        needed = needed_strings(pattern.pattern, pattern.flags & ~re.IGNORECASE, fold_case=True)
        self.needed = None if needed is None else tuple(sorted(needed))

    def may_match(self, text: str) -> bool:
        # Each string in turn: a shared index of the gates' strings (as for the concern sets) cost more than it saved
        # here, because most gates are asked only when an earlier test passed (personal_details.find on fresh sets
        # 43-45: 168 µs an entry this way, 186 with the index); a loop beats any() over a generator by a fifth.
        if self.needed is None:
            return True
        folded = _folded(text)
        for string in self.needed:
            if string in folded:
                return True
        return False

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self.may_match(text) else iter(())

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.may_match(text) else None


GATED: list[GatedPattern] = []


def gated(pattern: re.Pattern[str]) -> GatedPattern:
    """*pattern* behind its gate, listed in ``GATED`` for the test that checks every gate."""
    gate = GatedPattern(pattern)
    GATED.append(gate)
    return gate


# A personal-detail pass asks many gated patterns about the same text in a row: it is folded once.
_last_folded: tuple[str, str] = ("", "")


def _folded(text: str) -> str:
    global _last_folded
    if _last_folded[0] is not text and _last_folded[0] != text:
        _last_folded = (text, fold(text))
    return _last_folded[1]


class PatternSet:
    """Many patterns asked one question: does any of them match?"""

    def __init__(self, patterns: list[str]) -> None:
        self._patterns = tuple(re.compile(pattern) for pattern in patterns)
        unfiltered: list[int] = []
        owners: dict[str, list[int]] = {}
        for index, pattern in enumerate(patterns):
            strings = needed_strings(pattern)
            if strings is None:
                unfiltered.append(index)
                continue
            for string in strings:
                owners.setdefault(string, []).append(index)
        self._number = _INDEX.add(owners)
        self._always = tuple(unfiltered)
        self.unfiltered = tuple(patterns[index] for index in unfiltered)

    def candidates(self, text: str) -> list[int]:
        """Indices of the patterns whose needed strings are in *text*."""
        found = _INDEX.found(text).get(self._number, _NONE)
        return sorted(found.union(self._always)) if self._always else sorted(found)

    def search(self, text: str) -> bool:
        patterns = self._patterns
        return any(patterns[index].search(text) is not None for index in self.candidates(text))


_NONE: frozenset[int] = frozenset()


def _grams(text: str) -> frozenset[str]:
    grams = _grams_kept.get(text)
    if grams is None:
        grams = frozenset(
            [text[start : start + _GRAM] for start in range(len(text) - _GRAM + 1)]
            + [text[start : start + _LONG_GRAM] for start in range(len(text) - _LONG_GRAM + 1)]
        )
        if len(_grams_kept) >= _TEXTS_KEPT:
            _grams_kept.clear()
        _grams_kept[text] = grams
    return grams


# Cut once per text for every index.
_grams_kept: dict[str, frozenset[str]] = {}
