"""How well the distress/disclosure model generalises: leave-one-set-out over the fresh sets.

Each fresh set in tests/safety/fresh/ was scored once, then merged into tests/safety/corpus.tsv. For each
set in turn, a model is trained on the corpus without that set's lines (matched by text) and scored on
them; the figures are pooled over all sets:

- (a) the model alone: a line is flagged for a target when its score reaches the threshold;
- (b) the whole screen's concern (``concern.decide``: rules and this model, with the shipped thresholds
  ``POSSIBLE_AT``/``HIGH_AT``), which flatters: the rules were written from these very sets.

Recall counts each distress or disclosure label of a line (as bench/safety.py does); a false alarm is a clean
line flagged distress or disclosure (a ``possible`` counts). The curves give the best recall with at most
2/3/4/5% of clean lines flagged, by moving the model's threshold (for (b), ``POSSIBLE_AT``, with ``HIGH_AT``
no lower). Deterministic; about three minutes (17 trainings). ``--epochs`` trains fewer epochs for a quicker
look (the figures then differ from the shipped settings').

    python bench/safety_crossval.py [--epochs N] [--per-set]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facilitator.safety import concern, model, normalise, screen, train  # noqa: E402
from facilitator.safety.corpus import CORPUS_PATH, Entry, read  # noqa: E402

FRESH_DIR = ROOT / "tests" / "safety" / "fresh"
TARGETS = ("distress", "disclosure")
BUDGETS = (0.02, 0.03, 0.04, 0.05)
# The thresholds tried for the screen's curve; the model-alone curve uses the clean lines' own scores.
SCREEN_GRID = [round(0.05 + 0.01 * step, 2) for step in range(95)] + [0.995, 0.999]


@dataclass(frozen=True)
class Scored:
    """One held-out line: its labels, what the rules say, and the fold model's scores."""

    fold: str
    text: str
    phrase: str
    labels: frozenset[str]
    rules: dict[str, bool]
    scores: dict[str, float]
    # What the screen flags apart from concern (personal details, profanity): no model in it.
    other_flags: frozenset[str]


def folds(corpus: list[Entry]) -> list[tuple[str, list[Entry], list[Entry]]]:
    """(set name, training lines, held-out lines) per fresh set; held-out lines carry the corpus's labels."""
    by_text = {entry.text: entry for entry in corpus}
    result = []
    for path in sorted(FRESH_DIR.glob("set*.tsv")):
        held_out = [by_text.get(entry.text, entry) for entry in read(path)]
        texts = {entry.text for entry in held_out}
        result.append((path.stem, [e for e in corpus if e.text not in texts], held_out))
    return result


def score_folds(
    trainer: Callable[[list[Entry]], model.LinearModel], corpus: list[Entry], log: bool = True
) -> tuple[list[Scored], model.LinearModel]:
    """The held-out lines of every fold, scored, and the first fold's model (to check against ``screen``)."""
    scored = []
    first_model = None
    rule_cache: dict[str, dict[str, bool]] = {}
    other_cache: dict[str, frozenset[str]] = {}
    for name, training, held_out in folds(corpus):
        started = time.perf_counter()
        fold_model = trainer(training)
        first_model = first_model or fold_model
        for entry in held_out:
            phrase = normalise.for_phrases(normalise.clean(entry.text))
            if phrase not in rule_cache:
                rule_cache[phrase] = concern.rule_hits(phrase)
            if entry.text not in other_cache:
                other_cache[entry.text] = screen(entry.text).flags - set(TARGETS)
            scores = fold_model.scores(phrase) if phrase else dict.fromkeys(TARGETS, 0.0)
            scored.append(
                Scored(name, entry.text, phrase, entry.labels, rule_cache[phrase], scores, other_cache[entry.text])
            )
        if log:
            print(f"  {name}: trained on {len(training)} lines in {time.perf_counter() - started:.1f} s", flush=True)
    assert first_model is not None, f"no fresh sets in {FRESH_DIR}"
    return scored, first_model


def _concern_labels(line: Scored) -> list[str]:
    return [target for target in TARGETS if target in line.labels]


def model_alone(lines: list[Scored], threshold: float) -> tuple[int, int, int, int]:
    """(labels caught, labels, clean lines flagged, clean lines) with the model alone at *threshold*."""
    hit = total = alarms = clean = 0
    for line in lines:
        for target in _concern_labels(line):
            total += 1
            hit += line.scores[target] >= threshold
        if not line.labels:
            clean += 1
            alarms += max(line.scores.values()) >= threshold
    return hit, total, alarms, clean


def whole_screen(lines: list[Scored], possible_at: float, high_at: float) -> tuple[int, int, int, int]:
    """The same four counts for the rules and model together (``concern.decide``)."""
    hit = total = alarms = clean = 0
    for line in lines:
        found = concern.decide(line.phrase, line.rules, line.scores, possible_at, high_at) if line.phrase else None
        flags = found.flags if found else frozenset()
        for target in _concern_labels(line):
            total += 1
            hit += target in flags
        if not line.labels:
            clean += 1
            alarms += bool(flags)
    return hit, total, alarms, clean


def model_curve(lines: list[Scored]) -> list[tuple[float, int, int, int, float]]:
    """Per budget: (budget, labels caught, labels, clean flagged, threshold) for the model alone."""
    clean_scores = sorted((max(line.scores.values()) for line in lines if not line.labels), reverse=True)
    rows = []
    for budget in BUDGETS:
        allowed = math.floor(budget * len(clean_scores))
        # Just above the first clean score that would be one false alarm too many.
        threshold = math.nextafter(clean_scores[allowed], 2.0) if allowed < len(clean_scores) else 0.0
        hit, total, alarms, _ = model_alone(lines, threshold)
        rows.append((budget, hit, total, alarms, threshold))
    return rows


def screen_curve(lines: list[Scored]) -> list[tuple[float, int, int, int, float]]:
    """Per budget: the best (budget, caught, labels, clean flagged, POSSIBLE_AT) over ``SCREEN_GRID``."""
    swept = [(t, *whole_screen(lines, t, max(concern.HIGH_AT, t))) for t in SCREEN_GRID]
    rows = []
    for budget in BUDGETS:
        within = [row for row in swept if row[3] <= budget * row[4]]
        if not within:
            rows.append((budget, 0, 0, 0, math.nan))
            continue
        best = max(within, key=lambda row: (row[1], -row[0]))
        rows.append((budget, best[1], best[2], best[3], best[0]))
    return rows


def _pct(hit: int, total: int) -> str:
    return f"{hit / total:6.1%} ({hit}/{total})" if total else "     - (0/0)"


def any_flag_alarms(lines: list[Scored], possible_at: float, high_at: float) -> tuple[int, int]:
    """(clean lines with any flag of the screen, clean lines): what bench/safety.py counts as false alarms."""
    clean = [line for line in lines if not line.labels]
    flagged = 0
    for line in clean:
        found = concern.decide(line.phrase, line.rules, line.scores, possible_at, high_at) if line.phrase else None
        flagged += bool(line.other_flags or (found and found.flags))
    return flagged, len(clean)


def report(lines: list[Scored], per_set: bool = False) -> None:
    possible_at, high_at = concern.POSSIBLE_AT, concern.HIGH_AT
    print(f"{len(lines)} held-out lines in {len({line.fold for line in lines})} sets")
    for title, counts in (
        (f"(a) model alone >= {possible_at}", model_alone(lines, possible_at)),
        (f"(a) model alone >= {high_at}", model_alone(lines, high_at)),
        (f"(b) whole screen {possible_at}/{high_at}", whole_screen(lines, possible_at, high_at)),
    ):
        hit, total, alarms, clean = counts
        print(f"{title:<32} d+d recall {_pct(hit, total):>18}   false alarms on clean {_pct(alarms, clean):>16}")
    print(f"{'(b) any flag on clean lines':<32} {_pct(*any_flag_alarms(lines, possible_at, high_at))}")
    for title, rows in (("(a) model alone", model_curve(lines)), ("(b) whole screen", screen_curve(lines))):
        cells = [f"{budget:.0%}: {_pct(hit, total)} @{threshold:.3f}" for budget, hit, total, _, threshold in rows]
        print(f"{title + ' curve':<24}" + "  ".join(cells))
    if per_set:
        print(f"{'set':<8}{'(a) d+d':>18}{'(a) false alarms':>18}{'(b) d+d':>18}{'(b) false alarms':>18}")
        for name in sorted({line.fold for line in lines}):
            subset = [line for line in lines if line.fold == name]
            a_hit, a_total, a_alarms, a_clean = model_alone(subset, possible_at)
            b_hit, b_total, b_alarms, b_clean = whole_screen(subset, possible_at, high_at)
            print(
                f"{name:<8}{_pct(a_hit, a_total):>18}{_pct(a_alarms, a_clean):>18}"
                f"{_pct(b_hit, b_total):>18}{_pct(b_alarms, b_clean):>18}"
            )


def check_against_screen(lines: list[Scored], corpus: list[Entry], fold_model: model.LinearModel) -> None:
    """``concern.decide`` on cached rules must be what ``screen`` says with the first fold's model swapped in."""
    name, _, held_out = folds(corpus)[0]
    original = model.load
    model.load = lambda: fold_model  # type: ignore[assignment]
    try:
        for line, entry in zip([x for x in lines if x.fold == name], held_out, strict=True):
            found = concern.decide(line.phrase, line.rules, line.scores) if line.phrase else concern.NONE
            flags = screen(entry.text).flags & set(TARGETS)
            assert flags == found.flags, (entry.text, flags, found)
    finally:
        model.load = original  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=train.EPOCHS, help=f"training epochs (shipped: {train.EPOCHS})")
    parser.add_argument("--per-set", action="store_true", help="also print each set's figures")
    args = parser.parse_args()
    started = time.perf_counter()

    def trainer(entries: list[Entry]) -> model.LinearModel:
        return train.train(entries, epochs=args.epochs)

    corpus = read(CORPUS_PATH)
    lines, first_model = score_folds(trainer, corpus)
    check_against_screen(lines, corpus, first_model)
    report(lines, args.per_set)
    print(f"{args.epochs} epochs; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
