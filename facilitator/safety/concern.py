"""Distress and disclosure: rules and the trained model together, with a level of confidence.

A rule hit is specific evidence (a self-harm verb with the writer as subject, an abuse verb with the
writer or another child as object, a grooming or sextortion step): ``high``. The model's score
catches what no rule spells out; a high score is ``high`` too, a middling one ``possible``. Both
levels hold the entry (DESIGN.md §3); ``possible`` only changes how loudly the lead is told.

The thresholds were chosen on the dev part of the corpus (see ``bench/safety.py --part dev``):
``POSSIBLE_AT`` as low as false alarms on clean lines allow.
"""

from __future__ import annotations

from typing import NamedTuple

from facilitator.safety import disclosure, distress, model

HIGH_AT = 0.9
POSSIBLE_AT = 0.6


class Concern(NamedTuple):
    flags: frozenset[str]
    confidence: str | None


NONE = Concern(frozenset(), None)


def assess(phrase_text: str) -> Concern:
    """Flags among distress/disclosure for *phrase_text* (``normalise.for_phrases`` output)."""
    if not phrase_text:
        return NONE
    rules = {"distress": distress.detect(phrase_text), "disclosure": disclosure.detect(phrase_text)}
    scores = model.load().scores(phrase_text)
    flags = set()
    high = False
    for target, ruled in rules.items():
        score = scores[target]
        if ruled or score >= HIGH_AT:
            flags.add(target)
            high = True
        elif score >= POSSIBLE_AT:
            flags.add(target)
    if not flags:
        return NONE
    return Concern(frozenset(flags), "high" if high else "possible")
