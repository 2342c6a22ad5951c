"""Train the distress/disclosure model from the labelled corpus: ``python -m facilitator.safety.train``.

Trains on the whole of tests/safety/corpus.tsv and writes facilitator/safety/wordlists/concern_model.txt
(JSON). The dev fifth is trained on too: the yardstick is now leave-one-set-out over the fresh sets
(bench/safety_crossval.py), which trains its own models, and the blind sets; on it, adding the dev fifth to
training raised recall at 2-5% false alarms by 0-2 points. ``--train-part`` leaves the dev fifth out, for
``bench/safety.py --part dev`` with a model that has not seen those lines.

Why this learner: L2-regularised logistic regression, fitted by AdaGrad over a fixed number of
epochs, in pure Python. The corpus is small (about 5,000 lines), so a linear model over
sparse n-gram features fits in seconds and a heavier learner has nothing to gain; pure Python keeps
training free of numpy/scikit-learn and exactly reproducible: the line order is fixed (a seeded
shuffle), every sum is done in the same order, and the weights are rounded when written. Features
with a tiny weight are dropped to keep the file small.

    python -m facilitator.safety.train            # write the model file
    python -m facilitator.safety.train --check    # exit 1 if the shipped model is not what training gives
    python -m facilitator.safety.train --train-part --output /tmp/m.txt   # leave the dev fifth out
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import sys
from pathlib import Path

from facilitator.safety import normalise
from facilitator.safety.corpus import CORPUS_PATH, Entry, read, split
from facilitator.safety.model import MODEL_PATH, TARGETS, WEIGHT_DECIMALS, LinearModel, feature_scale, features

EPOCHS = 20
LEARNING_RATE = 0.5
L2 = 1e-3
PRUNE_BELOW = 0.002
SEED = 20261129
# Missing a child in distress costs far more than a moderator's second look: positives weigh more.
POSITIVE_WEIGHT = 2.0
# A feature must be seen in at least this many training lines (1: the L2 penalty handles rare ones,
# which measured better on the dev part than dropping them).
MIN_FEATURE_LINES = 1


def fingerprint(entries: list[Entry]) -> str:
    """SHA-256 of the training lines (text and labels, sorted): what the model was trained on."""
    lines = sorted(f"{e.text}\t{','.join(sorted(e.labels))}" for e in entries)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _examples(entries: list[Entry]) -> list[tuple[list[str], list[int]]]:
    rows = []
    for entry in entries:
        phrase = normalise.for_phrases(normalise.clean(entry.text))
        rows.append((sorted(features(phrase)), [int(target in entry.labels) for target in TARGETS]))
    return rows


def train(entries: list[Entry], epochs: int = EPOCHS) -> LinearModel:
    """Fit one logistic regression per target on *entries*; deterministic for the same input.

    *epochs* other than ``EPOCHS`` only for a quicker look (bench/safety_crossval.py --epochs)."""
    examples = _examples(sorted(entries, key=lambda e: e.text))
    seen: dict[str, int] = {}
    for names, _ in examples:
        for name in names:
            seen[name] = seen.get(name, 0) + 1
    kept = {name for name, count in seen.items() if count >= MIN_FEATURE_LINES}
    # Each line keeps its full feature count: scoring divides by it too (see LinearModel.scores).
    scaled = [([n for n in names if n in kept], feature_scale(len(names)), labels) for names, labels in examples]

    count = len(TARGETS)
    weights: dict[str, list[float]] = {name: [0.0] * count for name in sorted(kept)}
    squared: dict[str, list[float]] = {name: [1e-8] * count for name in weights}
    # Each line's weight rows looked up once, not once per epoch: the same sums in the same order, faster.
    rows = [
        ([weights[n] for n in names], [squared[n] for n in names], scale, labels) for names, scale, labels in scaled
    ]
    bias = [0.0] * count
    bias_squared = [1e-8] * count
    order = list(range(len(rows)))
    rng = random.Random(SEED)
    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            line_weights, line_squared, scale, labels = rows[index]
            for target in range(count):
                total = bias[target] + sum(row[target] for row in line_weights) * scale
                probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
                error = probability - labels[target]
                if labels[target]:
                    error *= POSITIVE_WEIGHT
                bias_squared[target] += error * error
                bias[target] -= LEARNING_RATE * error / math.sqrt(bias_squared[target])
                for row, sq in zip(line_weights, line_squared, strict=True):
                    gradient = error * scale + L2 * row[target]
                    sq[target] += gradient * gradient
                    row[target] -= LEARNING_RATE * gradient / math.sqrt(sq[target])
    return _finish(weights, bias, fingerprint(entries))


def _finish(weights: dict[str, list[float]], bias: list[float], trained_on: str) -> LinearModel:
    kept = {
        name: [round(w, WEIGHT_DECIMALS) for w in row]
        for name, row in weights.items()
        if max(map(abs, row)) >= PRUNE_BELOW
    }
    return LinearModel(kept, [round(b, 5) for b in bias], TARGETS, trained_on)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(CORPUS_PATH))
    parser.add_argument("--output", default=str(MODEL_PATH))
    parser.add_argument("--check", action="store_true", help="compare with the output file instead of writing it")
    parser.add_argument("--train-part", action="store_true", help="leave the dev fifth out of training")
    args = parser.parse_args(argv)
    entries = read(args.corpus)
    training = split(entries)[0] if args.train_part else entries
    model_json = train(training).to_json()
    output = Path(args.output)
    if args.check:
        same = output.exists() and output.read_text(encoding="utf-8") == model_json
        print("the shipped model matches training" if same else "the shipped model differs from what training gives")
        return 0 if same else 1
    output.write_text(model_json, encoding="utf-8")
    print(f"trained on {len(training)} lines; wrote {output} ({len(model_json) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
