"""Throughput of facilitator.safety.screen on one core.

Runs the labelled corpus (tests/safety/corpus.tsv) repeated to 10,000 entries and prints entries
per second. Regexes are compiled at import and word lists load on first use, so one warm-up call
is made before timing.

    python bench/safety_throughput.py [--entries N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facilitator.safety import screen  # noqa: E402

CORPUS = ROOT / "tests" / "safety" / "corpus.tsv"


def corpus_texts() -> list[str]:
    """The corpus entries' texts, without labels."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t", 1)[0] for line in lines if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000, help="how many entries to screen (default 10000)")
    args = parser.parse_args()

    texts = corpus_texts()
    batch = (texts * (args.entries // len(texts) + 1))[: args.entries]
    screen(texts[0])  # warm-up: loads the word lists

    start = time.perf_counter()
    for text in batch:
        screen(text)
    elapsed = time.perf_counter() - start
    mean_chars = sum(map(len, batch)) / len(batch)
    rate = len(batch) / elapsed
    print(f"screened {len(batch)} entries (mean {mean_chars:.0f} chars) in {elapsed:.2f} s: {rate:,.0f} entries/s")


if __name__ == "__main__":
    main()
