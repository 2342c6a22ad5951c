"""Building blocks for "is the writer talking about themself?" patterns.

Distress and disclosure are about the writer's own situation. Topic words alone ("self-harm
content", "people who abuse children", "kujiua ni dhambi") are policy talk and must stay clean,
so the patterns in :mod:`distress` and :mod:`disclosure` pair a harm word with a first-person
marker:

* English: a first-person subject (I, I'm, I've, me) or object (me, my, myself), or a clause that
  starts with the verb and has the subject dropped ("want to die.");
* Kiswahili: the first-person subject prefix ``ni-``/``n-`` ("nataka" = I want, "nime-" = I have),
  the object infix ``-ni-`` after a subject and tense ("a-na-ni-piga" = he/she is hitting me),
  and "mimi", "yangu", "wangu".

All patterns run on :func:`facilitator.safety.normalise.for_phrases` output: lower case, no
apostrophes ("im", "cant", "dont"), in-word hyphens removed ("kuend", "selfharm").
"""

from __future__ import annotations

import re

# The writer as subject. "ill" and "id" are "I'll" and "I'd" once apostrophes are gone.
SUBJECT = r"\b(?:i|im|ive|id|ill|me i|mimi)\b"

# Words that may sit between the subject and the verb without changing who is meant.
ADVERBS = (
    r"(?:\s+(?:really|just|honestly|sometimes|often|always|truly|actually|literally|kinda|seriously|"
    r"still|even|so|do|also|now|lowkey|genuinely|kind of|sort of|am|have|had|been|was|think|feel like|"
    r"keep|kept|might|may|would|could|should|will|wanna|almost|nearly|then|totally|sincerely|swear)\b)*"
)

# Start of a clause: beginning of the text, or after sentence punctuation, a line break or a
# linking word. Used for dropped-subject forms ("Want to die. Nobody cares").
CLAUSE_START = r"(?:^|[.!?,;:\n]\s*|\b(?:and|but|so|because|cause|coz|cuz|sometimes|now|lol)\s+)"

# Where a clause ends: used when a short phrase is only alarming on its own ("I can't go on" as
# opposed to "I can't go on the trip").
CLAUSE_END = r"(?=\s*(?:$|[.!?,;:\n]|\b(?:and|but|anymore|any more|nobody|no one|i|im|please|lol|tena)\b))"

# Kiswahili verb with the writer as object: subject prefix + tense (+ relative) + "ni".
# a-na-ni-, wa-li-ni-, a-me-ni-, a-ta-ni-, a-na-ye-ni- (who ... me), hu-ni- (habitually),
# ku-ni- (infinitive: "alijaribu kunigusa"). "u-" (you/it) is left out: "ujumbe huu umenigusa"
# means "this message touched me" (moved me).
SW_TO_ME = r"\b(?:(?:a|wa|m|mu|yu)(?:na|li|me|ta|nge|ngali|ki|sha){1,2}(?:ye|o|cho)?|hu|ku|a)ni"

# Kiswahili verb with the writer as subject: ni- + tense, or the short present "na-".
SW_I = r"\b(?:ni(?:na|li|me|ta|ki|nge|ngali|sha)?|na)"


def compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    """Compile phrase patterns once, at import."""
    return tuple(re.compile(p) for p in patterns)


def first_match(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """Return the first pattern match in *text* (already phrase-normalised), or None."""
    for pattern in patterns:
        found = pattern.search(text)
        if found:
            return found
    return None
