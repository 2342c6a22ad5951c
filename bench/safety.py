"""Quality and speed of facilitator.safety.screen on a labelled set (docs/safety-labelling.md format).

Prints recall per label and per language, false alarms on clean lines (any flag, a ``possible``
concern included), personal-detail redaction completeness and mean microseconds per entry on one core
(CPU time of the process, best of three rounds: on a shared machine wall time counts other work too).

    python bench/safety.py                          # the blind set, tests/safety/blind.tsv
    python bench/safety.py --set tests/safety/corpus.tsv --part dev
    python bench/safety.py --set PATH --misses      # also list every miss and false alarm

A label counts as caught when its flag is raised; distress and disclosure must also be held; a
``pii`` line counts only when flagged and no piece of its ``details`` survives in ``.redacted`` (a word of a
detail that the entry also writes elsewhere, outside the detail, survives only if shown more often than there;
the line "pii caught, strict check" counts it wherever it stands, as this bench did before 2026-11-30).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facilitator.safety import Screening, screen  # noqa: E402
from facilitator.safety.corpus import FLAG_FOR_LABEL, LABELS, LANGUAGES, Entry, read, split  # noqa: E402

_TOKEN_RE = re.compile(r"[^\W_]{4,}")
_NOT_ALNUM_RE = re.compile(r"[\W_]+")
TIMING_ENTRIES = 10_000
TIMING_ROUNDS = 3


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)


def surviving_pieces(entry: Entry, redacted: str, strict: bool = False) -> list[str]:
    """The parts of the entry's details still readable in *redacted*.

    Checked: the whole piece (case-insensitive), each alphanumeric token of 4+ characters, and the
    piece's digit sequence with separators removed. A token the entry also writes outside every detail
    ("design.by.kelvin" beside "kazi za design", "saa kumi na mbili" beside a number spelled "... moja mbili")
    survives only where *redacted* holds it more often than the entry does outside its details; with
    *strict*, wherever it stands.
    """
    shown = redacted.casefold()
    shown_compact = _ascii_digits(_NOT_ALNUM_RE.sub("", shown))
    outside = entry.text.casefold()
    for piece in entry.details:
        outside = outside.replace(piece.casefold(), " ")
    outside_compact = _ascii_digits(_NOT_ALNUM_RE.sub("", outside))

    def left_in(needle: str, seen: str, elsewhere: str) -> bool:
        return seen.count(needle) > (0 if strict else elsewhere.count(needle))

    left = []
    for piece in entry.details:
        folded = piece.casefold()
        digits = "".join(ch for ch in _ascii_digits(folded) if ch.isdigit())
        if left_in(folded, shown, outside):
            left.append(piece)
        elif any(left_in(token, shown, outside) for token in _TOKEN_RE.findall(folded)):
            left.append(piece)
        elif len(digits) >= 4 and left_in(digits, shown_compact, outside_compact):
            left.append(piece)
    return left


def caught(entry: Entry, label: str, result: Screening) -> bool:
    if FLAG_FOR_LABEL[label] not in result.flags:
        return False
    if label in ("distress", "disclosure"):
        return result.held
    if label == "pii":
        return not surviving_pieces(entry, result.redacted)
    return True


def _pct(hit: int, total: int) -> str:
    return f"{hit / total:7.1%} ({hit}/{total})" if total else "      - (0/0)"


def report(entries: list[Entry], show_misses: bool) -> None:
    results = [screen(e.text) for e in entries]
    hits: dict[tuple[str, str], int] = defaultdict(int)
    totals: dict[tuple[str, str], int] = defaultdict(int)
    misses: list[str] = []
    for entry, result in zip(entries, results, strict=True):
        for label in entry.labels:
            ok = caught(entry, label, result)
            for language in (entry.language, "all"):
                totals[label, language] += 1
                hits[label, language] += ok
            if not ok:
                extra = ""
                if label == "pii" and FLAG_FOR_LABEL[label] in result.flags:
                    extra = f" left={surviving_pieces(entry, result.redacted)} shown={result.redacted!r}"
                misses.append(f"MISS {label:<10} {entry.language:<5} {entry.text}{extra}")
    print(f"{len(entries)} entries")
    print(f"{'recall':<12}" + "".join(f"{lang:>20}" for lang in (*LANGUAGES, "all")))
    for label in LABELS:
        print(
            f"{label:<12}"
            + "".join(f"{_pct(hits[label, lang], totals[label, lang]):>20}" for lang in (*LANGUAGES, "all"))
        )
    held_hits = sum(hits[label, "all"] for label in ("distress", "disclosure"))
    held_total = sum(totals[label, "all"] for label in ("distress", "disclosure"))
    print(f"{'dist+discl':<12}{_pct(held_hits, held_total):>20}")

    clean = [(e, r) for e, r in zip(entries, results, strict=True) if not e.labels]
    alarms = [(e, r) for e, r in clean if r.flags]
    by_language = {lang: [(e, r) for e, r in clean if e.language == lang] for lang in LANGUAGES}
    print(
        f"false alarms on clean: {_pct(len(alarms), len(clean))}   "
        + "  ".join(f"{lang} {sum(1 for _, r in pairs if r.flags)}/{len(pairs)}" for lang, pairs in by_language.items())
    )
    for entry, result in alarms:
        confidence = getattr(result, "confidence", None)
        misses.append(f"FALSE ALARM {sorted(result.flags)} {confidence or ''} {entry.language:<5} {entry.text}")
    wrong_extra = sum(
        1
        for e, r in zip(entries, results, strict=True)
        if e.labels and r.flags - {FLAG_FOR_LABEL[label] for label in e.labels}
    )
    pii = [(e, r) for e, r in zip(entries, results, strict=True) if "pii" in e.labels]
    complete = sum(1 for e, r in pii if not surviving_pieces(e, r.redacted))
    strictly = sum(1 for e, r in pii if "personal_details" in r.flags and not surviving_pieces(e, r.redacted, True))
    print(f"pii redaction complete: {_pct(complete, len(pii))}   labelled lines with an extra flag: {wrong_extra}")
    print(f"pii caught, strict check: {_pct(strictly, len(pii))}   (a detail's word written elsewhere counts as left)")

    texts = [e.text for e in entries] or [""]
    batch = (texts * (TIMING_ENTRIES // len(texts) + 1))[:TIMING_ENTRIES]
    # CPU time of this process (one core): on a shared machine wall time also counts other processes.
    # Best of three rounds, as timeit does: the rounds differ only by interference.
    cpu_rounds, wall_rounds = [], []
    for _ in range(TIMING_ROUNDS):
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        for text in batch:
            screen(text)
        cpu_rounds.append(time.process_time() - cpu_start)
        wall_rounds.append(time.perf_counter() - wall_start)
    per_entry = min(cpu_rounds) / len(batch) * 1e6
    wall = min(wall_rounds) / len(batch) * 1e6
    print(f"mean {per_entry:.0f} µs CPU per entry on one core (wall {wall:.0f} µs; {len(batch)} entries, best of 3)")
    if show_misses:
        print("\n".join(["", *misses]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default=str(ROOT / "tests" / "safety" / "blind.tsv"), help="labelled TSV to score")
    parser.add_argument("--part", choices=("all", "train", "dev"), default="all", help="part of the hash split")
    parser.add_argument("--misses", action="store_true", help="list each miss and false alarm")
    args = parser.parse_args()
    if not Path(args.set).exists():
        parser.exit(2, f"no labelled set at {args.set} (give one with --set PATH)\n")
    entries = read(args.set)
    if args.part != "all":
        train, dev = split(entries)
        entries = train if args.part == "train" else dev
    report(entries, args.misses)


if __name__ == "__main__":
    main()
