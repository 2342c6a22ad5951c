"""A report as plain data, in a vocabulary every renderer knows: headings, paragraphs, lists, quotes and
tables. ``content`` decides what the report says, once; the renderers only decide how it looks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

Cell = str | int | float | None


@dataclass(frozen=True)
class Heading:
    level: int  # 1 (a chapter: a session, the asks, the register…), 2 or 3
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str | None = None  # shown in bold before the text: "Prompt:", "Entries:"
    tone: str = "body"  # body | muted | notice


@dataclass(frozen=True)
class BulletList:
    items: list[str]


@dataclass(frozen=True)
class Quote:
    text: str
    source: str | None = None  # the lane or theme it came from; never who wrote it


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: Sequence[Sequence[Cell]]
    numeric: list[bool] = field(default_factory=list)  # right-aligned columns
    widths: list[float] = field(default_factory=list)  # relative column widths, when it matters

    def is_numeric(self, index: int) -> bool:
        return index < len(self.numeric) and self.numeric[index]


Block = Heading | Paragraph | BulletList | Quote | Table


@dataclass
class Report:
    title: str
    subtitle: str | None
    kind: str  # "Report of the event" or "Session report: …"
    facts: list[tuple[str, str]]  # the title page's lines: ("Dates", "3–4 December 2026")…
    notices: list[str]  # what a reader must know before quoting from it
    full: bool
    blocks: list[Block]

    def headings(self, max_level: int = 2) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and b.level <= max_level]
