"""Safety screening for board entries written by children.

``screen(text)`` is one pure function: no app, no database, no network, standard library only.
It reports which checks an entry trips and gives the text a non-staff view may show::

    >>> result = screen("call me on 0712 345 678, this app is sh1t")
    >>> sorted(result.flags)
    ['personal_details', 'profanity']
    >>> result.redacted
    'call me on [phone number removed], this app is s***'
    >>> result.held
    False

Distress and disclosure always hold an entry for a person. Profanity and personal details do not:
the calling service decides (it holds profanity on pre-moderated activities and shows the masked
text on post-moderated ones; personal details are shown redacted).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.safety import concern, normalise, personal_details, profanity
from facilitator.safety.profanity import load_wordlist

__all__ = ["FLAGS", "HOLDING_FLAGS", "Screening", "load_wordlist", "screen"]

FLAGS = frozenset({"personal_details", "profanity", "distress", "disclosure"})
# Flags that always put an entry in front of a person before anyone else sees it.
HOLDING_FLAGS = frozenset({"distress", "disclosure"})


@dataclass(frozen=True)
class Screening:
    """What the checks found in one entry.

    ``flags`` is a subset of :data:`FLAGS`; ``redacted`` is the text a non-staff view may show
    (personal details replaced by bracketed labels, profanity masked); ``held`` is True exactly
    when distress or disclosure was found.
    """

    flags: frozenset[str]
    redacted: str
    held: bool
    # "high" or "possible" when distress or disclosure is flagged, else None (DESIGN.md §3).
    confidence: str | None = None


def screen(text: str, extra_words: Iterable[str] | None = None) -> Screening:
    """Screen one entry.

    *text* is the entry as typed. *extra_words* are event-specific profanity entries added to
    the shipped lists (same format as a word list line, same leetspeak and spacing handling).
    Never raises for any ``str`` input.
    """
    if not isinstance(text, str):
        raise TypeError(f"screen() takes a str, not {type(text).__name__}")
    cleaned = normalise.clean(text)
    flags: set[str] = set()

    details = personal_details.find(cleaned)
    if details:
        flags.add("personal_details")
    shown = personal_details.redact(cleaned, details)

    # Profanity is looked for after redaction: a swear word inside an email address or handle is
    # already gone from what anyone sees.
    rude = profanity.find(shown, extra_words)
    if rude:
        flags.add("profanity")
        shown = profanity.mask(shown, rude)

    found = concern.assess(normalise.for_phrases(cleaned))
    flags.update(found.flags)

    frozen = frozenset(flags)
    return Screening(flags=frozen, redacted=shown, held=bool(frozen & HOLDING_FLAGS), confidence=found.confidence)
