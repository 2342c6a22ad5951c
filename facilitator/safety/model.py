"""The statistical part of the distress and disclosure checks: a linear model over text features.

Rules (``distress.py``, ``disclosure.py``, ``morphology.py``) catch what is said in a known way;
children say the same things in endless other ways, with their spelling, in three languages at
once. A linear model over character n-grams generalises over spelling and over Kiswahili verbs,
whose subject, tense and object are affixes of one word ("a-li-ni-fanyia"): the n-grams of a root
match in any of its forms. Words, word pairs and pairs one word apart add the short phrases ("no
point", "our secret", "want ... die").

The weights are trained by ``python -m facilitator.safety.train`` from tests/safety/corpus.tsv and
shipped as ``wordlists/concern_model.txt`` (JSON). Scoring is pure Python (a dict lookup per word pair, and a
word's own features summed once per process): the app needs no numpy or scikit-learn, and nothing is downloaded
at run time.

A line's features are a bag: each distinct word brings itself and its n-grams, so an n-gram shared by two words
counts twice. A set of features (each once per line) scored the same: model alone on fresh sets 39-45 (3,800
lines never trained on), recall of distress+disclosure labels at 2/3/4/5% false alarms 93.8/95.0/96.8/97.1 as a
set, 93.4/94.5/96.6/97.2 as a bag (1 point is 13 labels); the bag lets a word's rows be summed once, and scoring
took half the time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

# JSON, kept beside the word lists with a .txt name so the package data already shipped with the
# package (``safety/wordlists/*.txt`` in pyproject.toml) includes it.
MODEL_PATH = Path(__file__).with_name("wordlists") / "concern_model.txt"
TARGETS = ("distress", "disclosure")

_WORD_RE = re.compile(r"[^\W_]+")
# Measured on the dev part (model alone, recall at 5 false alarms in 184 clean lines): n-grams of 4 and 5
# characters 165/207, of 3-5 158/207, of 3 and 5 163/207; word features are kept in all.
CHAR_NGRAM_SIZES = (4, 5)
# Long entries are scored on their start: a 10,000-character paste costs no more than a paragraph.
MAX_SCORED_CHARS = 600
# The precision weights are kept and written at (see ``LinearModel.to_json``).
WEIGHT_UNIT = 0.001
WEIGHT_DECIMALS = 3


# Where a clause ends: a sentence's end, a line break, or a conjunction that turns to something else.
_CLAUSE_BREAK_RE = re.compile(
    r"(?<=[.!?;])\s+|\s*\n\s*|\s+(?:but|then|and then|because|coz|cuz|lakini|halafu|alafu|na sasa)\s+"
)
# Every break holds one of these; most short entries hold none and are one clause without the split's scan (a
# 33-character entry: 3.5 µs for the split, 0.7 for these tests).
_CLAUSE_BREAK_HINTS = (
    ".",
    "!",
    "?",
    ";",
    "\n",
    "but",
    "then",
    "because",
    "coz",
    "cuz",
    "lakini",
    "halafu",
    "alafu",
    "sasa",
)


def features(phrase_text: str) -> list[str]:
    """Feature names of *phrase_text* (``normalise.for_phrases`` output), as a bag: a name may come more than once.

    ``w:`` words, ``b:`` word pairs, ``p:`` pairs of words one apart ("want die" in "want to die", "nataka
    kufa" in "nataka tu kufa"), ``c:`` character n-grams of each word padded with spaces so a prefix or
    suffix is its own feature ("c: ali", "c:nia "). Pairs count once per entry and so does each distinct word with
    its own n-grams; an n-gram two different words share counts for each ("c: the" in "the" and "there"). A word's
    features are then one sum for every entry it is in (``LinearModel._word_totals``).
    """
    words = _words(phrase_text)
    found = sorted(_pair_features(words))
    for word in dict.fromkeys(words):
        found.extend(_word_features(word))
    return found


def _words(phrase_text: str) -> list[str]:
    return _WORD_RE.findall(phrase_text[:MAX_SCORED_CHARS])


def _pair_features(words: list[str]) -> set[str]:
    found: set[str] = set()
    previous = "<s>"
    before_previous = ""
    for word in words:
        # f-strings: one join each instead of three concatenations
        found.add(f"b:{previous} {word}")
        if before_previous:
            found.add(f"p:{before_previous} {word}")
        before_previous = previous
        previous = word
    return found


# Words whose sums a model keeps (a room's vocabulary): a count and one float per target each.
_WORDS_KEPT = 16384


def _word_features(word: str) -> tuple[str, ...]:
    """The word itself and its character n-grams, padded with spaces so a prefix or suffix is its own feature."""
    padded = f" {word} "
    length = len(padded)
    grams = ["c:" + padded[start : start + size] for size in CHAR_NGRAM_SIZES for start in range(length - size + 1)]
    return ("w:" + word, *grams)


# A short entry ("I'm dead 😂", "private parts") has few features, and dividing by the square root of
# so few would let one word decide; below this many features the divisor stays the same.
MIN_SCALED_FEATURES = 60


def feature_scale(count: int) -> float:
    """What a line's summed weights are multiplied by, in training and scoring alike."""
    return 1.0 / math.sqrt(max(count, MIN_SCALED_FEATURES))


def sigmoid(value: float) -> float:
    if value < -30:
        return 0.0
    if value > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-value))


class LinearModel:
    """One logistic-regression model per target, sharing a feature table.

    ``weights[feature]`` is a list with one weight per target, ``bias`` one per target.
    """

    def __init__(
        self,
        weights: dict[str, list[float]],
        bias: list[float],
        targets: Iterable[str] = TARGETS,
        trained_on: str = "",
    ):
        self.targets = tuple(targets)
        self.weights = weights
        self.bias = bias
        # SHA-256 of the training lines: tells whether the shipped model is stale for the corpus.
        self.trained_on = trained_on
        self._word_sums: dict[str, tuple[int, tuple[float, ...]]] = {}

    def scores(self, phrase_text: str) -> dict[str, float]:
        """Probability per target for *phrase_text* (``normalise.for_phrases`` output): the entry whole, and each
        of its clauses alone when it has several, the highest score counting.

        A concern told in one clause of a long entry ("we should teach parents about this. lakini mimi
        nimechoka kuishi, sitaki kuamka") is diluted by the rest when the entry is scored whole (its summed
        weights are divided by the root of its feature count). Scored by clause, fresh sets 29-33 before their
        merge went from 89.3% to 92.1% distress+disclosure caught (set 32, long entries: 85.7% to 100%), with
        the same false alarms (1 of 199) and none more on the corpus's 6,031 clean lines. Clauses in pairs as
        well caught nothing more on 3,600 unseen lines of mostly short entries (94.3% either way).
        """
        pieces = (
            _CLAUSE_BREAK_RE.split(phrase_text)
            if any(hint in phrase_text for hint in _CLAUSE_BREAK_HINTS)
            else [phrase_text]  # what split() returns when nothing breaks
        )
        clauses = [clause for clause in pieces if clause and not clause.isspace()]
        windows = [_words(phrase_text)]
        if len(clauses) >= 2:
            windows.extend(_words(clause) for clause in clauses)
        pairs = [_pair_features(words) for words in windows]
        # One lookup per pair in the model's table, however many windows share it: a lookup there is a cache miss
        # (~0.3 µs over ~270,000 features), one in this entry's few rows is not.
        get = self.weights.get
        known_pairs = {name: row for name in set().union(*pairs) if (row := get(name)) is not None}
        # Each distinct word's sum read once for all windows, with a call only for a word not yet kept.
        kept = self._word_sums
        sums = {word: kept.get(word) or self._word_sum(word) for word in set().union(*windows)}
        best: dict[str, float] = {}
        for words, window_pairs in zip(windows, pairs, strict=True):
            rows: list[Sequence[float]] = [known_pairs[name] for name in window_pairs if name in known_pairs]
            own = [sums[word] for word in dict.fromkeys(words)]
            rows.extend(row for _, row in own)
            scored = self._score(len(window_pairs) + sum(count for count, _ in own), rows)
            best = {target: max(best.get(target, 0.0), scored[target]) for target in scored}
        return best

    def _word_sum(self, word: str) -> tuple[int, tuple[float, ...]]:
        """How many features *word* brings (itself and its n-grams) and the sum of their rows, read once per process.

        Summed once per word rather than once per entry: fresh sets 34, 35 and 38 (long entries), scores() from
        137-150 to 70-73 µs an entry, measured side by side on 2026-11-30 (a busy machine)."""
        found = self._word_sums.get(word)
        if found is None:
            get = self.weights.get
            names = _word_features(word)
            rows = [row for name in names if (row := get(name)) is not None]
            found = (len(names), tuple(map(sum, zip(*rows, strict=True))) if rows else (0.0,) * len(self.targets))
            if len(self._word_sums) >= _WORDS_KEPT:
                self._word_sums.clear()
            self._word_sums[word] = found
        return found

    def _score(self, feature_count: int, rows: Iterable[Sequence[float]]) -> dict[str, float]:
        # Divided by the square root of the feature count, as in training: a long entry does not
        # outvote a short one by its length alone.
        scale = feature_scale(feature_count)
        # one column per target, summed in C
        totals = [sum(column) for column in zip(*rows, strict=True)] or [0.0] * len(self.targets)
        return {
            target: sigmoid(bias + total * scale)
            for target, bias, total in zip(self.targets, self.bias, totals, strict=True)
        }

    def to_json(self) -> str:
        # Sorted keys and fixed rounding: the same training gives the same bytes. Weights are written as
        # whole thousandths: "-884" rather than "-0.88374" (267,000 features in 6.9 MB).
        payload = {
            "trained_on": self.trained_on,
            "targets": list(self.targets),
            "bias": [round(b, 5) for b in self.bias],
            "weight_unit": WEIGHT_UNIT,
            "weights": {name: [round(w / WEIGHT_UNIT) for w in row] for name, row in sorted(self.weights.items())},
        }
        return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        payload = json.loads(text)
        # Dividing by the whole 1000 gives the same float as round(w, 3) did in training.
        per_unit = round(1 / payload["weight_unit"])
        # In place: a second dict of ~270,000 rows beside the parsed one doubled the process's memory at start
        # (RSS +118 MB against +68 MB), and freed memory is rarely given back to the system.
        weights = payload["weights"]
        for name, row in weights.items():
            weights[name] = [w / per_unit for w in row]
        return cls(weights, payload["bias"], payload["targets"], payload.get("trained_on", ""))


@cache
def load() -> LinearModel:
    """The shipped model, read once per process."""
    return LinearModel.from_json(MODEL_PATH.read_text(encoding="utf-8"))
