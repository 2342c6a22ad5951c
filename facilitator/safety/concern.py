"""Distress and disclosure: rules and the trained model together, with a level of confidence.

A rule hit is specific evidence (a self-harm verb with the writer as subject, an abuse verb with the
writer or another child as object, a grooming or sextortion step): ``high``. The model's score
catches what no rule spells out; a high score is ``high`` too, a middling one ``possible``. Both
levels hold the entry (DESIGN.md §3); ``possible`` only changes how loudly the lead is told.

The thresholds were chosen on the dev part of the corpus (``bench/safety.py --part dev``): with rules
and model together and 2,340 training lines, ``POSSIBLE_AT`` 0.6 gave 267/270 dev concern lines and
10/231 false alarms on clean dev lines, 0.65 gave 266/270 and 5/231, 0.7 266/270 and 4/231; 0.65 keeps
the model's reach into what no rule names while halving false alarms. ``HIGH_AT`` is where the model
alone was right on nearly every dev line it flagged.

Re-checked after fresh sets 12-15 were merged (2,908 training lines): ``POSSIBLE_AT`` 0.65 gave 336/341 dev
concern lines and 9/268 false alarms, 0.7 336/341 and 6/268, 0.75 335/341 and 3/268; the new rules carry what
the model's middling scores used to, so 0.7 loses nothing on dev and drops a third of the false alarms.

Chosen again on leave-one-set-out over fresh sets 12-28 (bench/safety_crossval.py; the model is now trained on
the dev part too, so dev no longer measures it): ``POSSIBLE_AT`` 0.62 is where the model alone flags 2% of the
held-out clean lines, leaving room under the 5% goal for the rules' own false alarms on unseen text; the model
alone then catches 88.0% of held-out distress+disclosure labels (84.7% at 0.7). ``HIGH_AT`` 0.9: the model alone
put 1 of 625 held-out clean lines above it. See the safety README, "Why this model".

Lowered to 0.5 on 2026-11-30, chosen on fresh sets 43-45 (1,294 lines that neither the model, trained without them,
nor any rule had seen; never a blind set): distress+disclosure caught at 0.62 / 0.55 / 0.5 / 0.45 / 0.4:
94.0 / 95.5 / 96.7 / 97.2 / 97.4% of 717 labels, with 1.4 / 2.1 / 2.3 / 2.3 / 2.6% of 577 clean lines flagged
distress or disclosure. On sets 39-42 (unseen by the model only) false alarms went from 1.1 to 1.5%. 0.5 takes most
of the recall while keeping the concern false alarms under half of the 5% allowed for all flags together.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from facilitator.safety import disclosure, distress, model, morphology, signals

HIGH_AT = 0.9
POSSIBLE_AT = 0.5

# Where a rule's words stand in advice, a hypothetical, a story, a game or a statement about children
# in general ("if someone asks you for photos, report", "watoto wengi wanapigwa", "the news said", "he
# beat me at fifa"), a rule hit alone is not enough: the model must agree.
_TOPIC_CONTEXT_RE = re.compile(
    r"\b(?:how (?:can|do|to|should)|(?:adults|people|those|anyone|men|women|children|kids|students|teens|teenagers|"
    r"learners|youth|girls|boys|a child|a kid) (?:who|whose|that)|may think|if mtu|report (?:kwa|to|it|them)|"
    r"is when|means|ni wakati|ni pale|inamaanisha|"
    r"(?:watu|wanaume) wanao(?!mba\b)\w+|"
    r"if (?:someone|somebody|anyone|a |an |you|they)|when (?:someone|somebody|a )|ukiona|ukisikia|ukiskia|"
    r"\w*akikuambia|\w*akikuomba|\w*akikutumia|\w*akikutishia|kama mtu|"
    r"kama (?:mtoto|msichana|mvulana|kijana|mwanafunzi)|(?:tu|m|wa)kiona|mtu akiku\w+|should|must|lazima|"
    r"tell an adult|ambia mtu mzima|waambie wazazi|report it|ripoti|uripoti|piga 116|call 116|serikali|government|"
    r"watoto wengi|many (?:children|kids)|children are|kids are|"
    r"(?<!long )story(?! ni ndefu| ya (?:goodbye|kwaheri|kuaga)| yangu)|movie|film|filamu|"
    r"hadithi|news|"
    r"book|kitabu|fifa|chess|draft|draughts|pubg|free fire|race|mechi|mchezo wa|tukicheza|watoto|lol|haha|hahaha)\b"
    r"|\b(?:says|said|told us|tells us|anasema|alisema|alituambia|anatuambia) (?:never|dont|not to|usi\w+|tusi\w+)\b"
    r"|😂|🤣|😅"
)


# What only looks like topic context: a man's words reported to the child ("says i should thank him properly", "says
# our love must stay secret") and "watoto wa watu" (other people's children the writer is made to mind) are the
# child's own situation, not advice or a statement about children in general; nor is a game named as the place a man
# was met, or a film being watched when it happened.
_REPORTED_RE = re.compile(
    r"\b(?:says|said|tells me|told me|anasema|alisema|ananiambia|aliniambia)\s+(?:that\s+)?(?:i|we|u|you|our \w+|"
    r"mimi|sisi)\s+(?:should|must|lazima|have to)\b|\bwatoto wa (?:watu|jirani|wenyewe)\b"
    # the writer's own obligation is no rule for others: "he says i owe him and i must go to his place"
    r"|\bi (?:must|have to)\b"
    # nor the writer's own "i should just end it" or "i keep thinking i should"
    r"|\bi (?:should|shud) (?:just|probably|maybe)\b"
    # an age when it happened is a told past, not "when someone asks you": "i was 11 when someone first asked me"
    r"|\b(?:i|she|he) was (?:only |just )?\d+ when\b|\b(?:nikiwa|akiwa) na miaka \w+\b"
    # a school exercise book is not a book's story: "i wrote my will at the back of my maths book"
    r"|\b(?:maths?|exercise|note|kiswahili|english|science|composition|school|diary)\s+book\b"
    # children of a named class are particular children, not children in general: "ananunulia watoto wa grade 6 juice"
    r"|\bwatoto wa (?:grade|class|form|darasa|std)\s+\w+\b"
    # the same boys who post about me are the writer's own bullies, not boys in general
    r"|\b(?:the same|those same|hao hao|wale wale)\s+(?:boys|girls|men|guys|people|kids)\s+who\b"
    # a game as the place an adult was met, not a fight in it: "a guy on free fire ... asks me for pics"
    r"|\b(?:guy|man|msee|jamaa|someone|mtu|adult|player)\s+(?:on|in|kwa|wa)\s+(?:free fire|pubg|fifa)\b"
    # "kwa free fire kuna guild leader ...", "old men in the fifa lobby": a game as where the adults are
    r"|\b(?:on|in|kwa|kwenye)\s+(?:free fire|pubg|fifa)\s+(?:kuna|there is|theres|there are)\b"
    r"|\b(?:men|guys|wazee|mabuda|players)\s+(?:\w+\s+)?(?:on|in|kwa)\s+(?:the\s+)?(?:free fire|pubg|fifa)\s+"
    r"(?:lobby|chat|squad|guild|server)\b"
    # watching a film is where it happened, not a film's plot: "alinishika ... tukiwa tunacheki movie"
    r"|\b(?:tukiwa|nikiwa|while|when)\s+(?:we\s+were\s+|i\s+was\s+)?(?:tunacheki|tunatazama|tunaangalia|nikicheki|"
    r"nikitazama|watching)\s+(?:a\s+|the\s+)?(?:movie|film|filamu)\b"
)


def _has_topic_context(text: str) -> bool:
    if _TOPIC_CONTEXT_RE.search(text) is None:
        return False
    return _TOPIC_CONTEXT_RE.search(_REPORTED_RE.sub(" ", text)) is not None


# Laughter marks a joke ("I'm dead 😂", "dying rn lol"): the model alone must then be sure.
_JOKING_RE = re.compile(r"😂|🤣|😅|💀|😭|\b(?:lol|lmao|lmfao|haha\w*|hehe|jk)\b")


# Lines that only say the writer is worn out or unsure of coping ("im so tired of everything lately", "sijui
# kama nitaweza tena", "everything is too much rn") score as high as explicit ones, because the corpus labels
# them distress. Both are held; from the model alone such a line is ``possible``, unless it also names death,
# vanishing, an end, a plan, the means, harm or being a burden.
_ONLY_WORN_OUT_RE = re.compile(
    r"\b(?:(?:so |very |really )?tired of (?:everything|it all|life|this life)|exhausted|drained|overwhelmed|"
    r"(?:is|its|imekuwa|ni) too much|cant cope|cant do this|cant take (?:it|this)|sijui kama nitaweza|sitaweza tena|"
    r"nimechoka(?: sana)?(?: na (?:kila kitu|maisha|life))?|nimechoka kabisa|siwezi tena|i give up|nimekata tamaa|"
    r"nothing matters|im done|nimechoka na hii)\b"
)
_EXPLICIT_RE = re.compile(
    r"\b(?:die|dying|dead|death|kill|kufa|nife|kudedi|dedi|suicide|kujiua|jiua|disappear|vanish|potea|kupotea|"
    r"exist|forever|milele|end it|end this|ending|the end|mwisho|plan|panga|pills?|vidonge|dawa|sumu|poison|rope|"
    r"kamba|wembe|razor|blade|cut|kata|jump|ruka|bridge|daraja|burden|mzigo|bila mimi|without me|better off|"
    r"goodbye|kwaheri|kuaga|wake up|kuamka|sleep|lala|hurt|harm|bleed|damu|gone|leave|ondoka|here anymore|"
    r"hapa duniani|duniani|alive|live|kuishi|life|maisha)\b"
)


class Concern(NamedTuple):
    flags: frozenset[str]
    confidence: str | None


NONE = Concern(frozenset(), None)


def assess(phrase_text: str) -> Concern:
    """Flags among distress/disclosure for *phrase_text* (``normalise.for_phrases`` output)."""
    if not phrase_text:
        return NONE
    return decide(phrase_text, rule_hits(phrase_text), model.load().scores(phrase_text))


def rule_hits(phrase_text: str) -> dict[str, bool]:
    """Whether any rule names distress or disclosure in *phrase_text*, whatever the model says."""
    # Cheapest first: the lexicons and morphology are single scans, the first-person rules longer.
    return {
        "distress": bool(
            signals.distress(phrase_text) or morphology.self_harm_verb(phrase_text) or distress.detect(phrase_text)
        ),
        "disclosure": bool(
            signals.disclosure(phrase_text) or morphology.harm_verb(phrase_text) or disclosure.detect(phrase_text)
        ),
    }


def decide(
    phrase_text: str,
    rules: dict[str, bool],
    scores: dict[str, float],
    possible_at: float = POSSIBLE_AT,
    high_at: float = HIGH_AT,
) -> Concern:
    """The concern from rule hits and model scores; apart from ``assess`` so the cross-validation bench
    (bench/safety_crossval.py) can try other models and thresholds without running the rules again."""
    if any(rules.values()) and _has_topic_context(phrase_text):
        own = _rule_hits_outside_topic_sentences(phrase_text)
        rules = {target: ruled and (own[target] or scores[target] >= possible_at) for target, ruled in rules.items()}
    model_possible_at = high_at if _JOKING_RE.search(phrase_text) else possible_at
    flags = set()
    high = False
    for target, ruled in rules.items():
        score = scores[target]
        if ruled or score >= high_at:
            flags.add(target)
            high = True
        elif score >= model_possible_at:
            flags.add(target)
    if not flags:
        return NONE
    if high and not any(rules.values()) and _only_worn_out(phrase_text):
        high = False
    return Concern(frozenset(flags), "high" if high else "possible")


_SENTENCE_END_RE = re.compile(r"(?<=[.!?;])\s+|\n+")


def _rule_hits_outside_topic_sentences(phrase_text: str) -> dict[str, bool]:
    """Rule hits in a sentence with no topic context of its own. A long entry may talk about the topic in one
    sentence and tell of the writer's own harm in another ("we should teach parents. a guy waits outside our
    gate every evening"); the topic words of the first must not silence the second. Measured on fresh set 32
    (long entries) after its rules were written: 86.0% -> 97.7% distress+disclosure caught, the same false
    alarms on the dev part (4 of 374) and on the corpus's clean lines."""
    sentences = _SENTENCE_END_RE.split(phrase_text)
    if len(sentences) < 2:
        return {"distress": False, "disclosure": False}
    personal = [sentence for sentence in sentences if sentence and not _has_topic_context(sentence)]
    hits = [rule_hits(sentence) for sentence in personal]
    return {target: any(hit[target] for hit in hits) for target in ("distress", "disclosure")}


def _only_worn_out(phrase_text: str) -> bool:
    worn_out = _ONLY_WORN_OUT_RE.search(phrase_text)
    if worn_out is None:
        return False
    # the worn-out phrase itself may hold "life" ("tired of life"): look for the explicit words around it
    rest = phrase_text[: worn_out.start()] + " " + phrase_text[worn_out.end() :]
    return _EXPLICIT_RE.search(rest) is None
