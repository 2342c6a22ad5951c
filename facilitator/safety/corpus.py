"""The labelled corpus format (docs/safety-labelling.md) and its deterministic train/dev split.

Used by the training command, the bench and the tests; the screen itself never reads a corpus.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

HEADER = "text\tlabels\tlanguage\tdetails"
LABELS = ("pii", "distress", "disclosure", "profanity")
LANGUAGES = ("en", "sw", "sheng", "mixed")
# The screen's flag for each corpus label.
FLAG_FOR_LABEL = {
    "pii": "personal_details",
    "distress": "distress",
    "disclosure": "disclosure",
    "profanity": "profanity",
}
# One line in five goes to the dev part; the choice depends on the text only, so adding lines
# never moves an existing line between parts.
DEV_SHARE = 5
CORPUS_PATH = Path(__file__).resolve().parents[2] / "tests" / "safety" / "corpus.tsv"


@dataclass(frozen=True)
class Entry:
    text: str
    labels: frozenset[str]  # empty for a clean line
    language: str
    details: tuple[str, ...]


def read(path: str | Path) -> list[Entry]:
    """Read a labelled TSV; raise ValueError on a malformed line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != HEADER:
        raise ValueError(f"{path}: the first line must be the header {HEADER!r}")
    entries = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise ValueError(f"{path}:{number}: expected text, labels, language and details")
        text, labels_field, language = fields[0], fields[1].strip(), fields[2].strip()
        details_field = fields[3].strip() if len(fields) > 3 else ""
        labels = frozenset() if labels_field == "clean" else frozenset(x.strip() for x in labels_field.split(","))
        if not labels <= set(LABELS) or language not in LANGUAGES:
            raise ValueError(f"{path}:{number}: unknown label or language in {labels_field!r}, {language!r}")
        details = tuple(p.strip() for p in details_field.split(" | ") if p.strip())
        entries.append(Entry(text=text, labels=labels, language=language, details=details))
    return entries


def is_dev(text: str) -> bool:
    """True for the lines of the dev part (a fixed fifth, chosen by a hash of the text)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return digest[0] % DEV_SHARE == 0


def split(entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """Return (train, dev)."""
    train = [e for e in entries if not is_dev(e.text)]
    dev = [e for e in entries if is_dev(e.text)]
    return train, dev
