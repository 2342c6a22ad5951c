"""A report as Markdown (CommonMark with pipe tables): what participants wrote is escaped, so a card
that reads like Markdown or HTML stays text."""

from __future__ import annotations

import re
from collections import Counter

from facilitator.reports.document import Block, BulletList, Cell, Heading, Paragraph, Quote, Report, Table

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", str(text))
    return _LINE_START.sub(
        lambda m: (
            m.group(1) + "\\" + m.group(2)
            if not m.group(2)[0].isdigit()
            else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1]
        ),
        text,
    )


def _inline(text: str) -> str:
    """One line of a table cell or a list item: line breaks become <br>."""
    return "<br>".join(escape(line) for line in str(text).splitlines() or [""])


def _cell(value: Cell) -> str:
    return "" if value is None else _inline(str(value))


def slug(text: str, seen: Counter[str]) -> str:
    """The anchor GitHub and most renderers give a heading, so the contents can link to it."""
    base = re.sub(r"[^\w\- ]", "", text.lower()).strip().replace(" ", "-")
    seen[base] += 1
    return base if seen[base] == 1 else f"{base}-{seen[base] - 1}"


def render(report: Report) -> str:
    out = [f"# {escape(report.title)}", ""]
    if report.subtitle:
        out += [f"*{escape(report.subtitle)}*", ""]
    out += [f"**{escape(report.kind)}**", ""]
    out += [f"- **{escape(name)}:** {escape(value)}" for name, value in report.facts] + [""]
    for notice in report.notices:
        out += [f"> {escape(notice)}", ">"]
    if report.notices:
        out[-1] = ""
    seen: Counter[str] = Counter()
    seen[slug(report.title, Counter())] += 1
    anchors = {id(h): slug(h.text, seen) for h in report.blocks if isinstance(h, Heading)}
    out += ["## Contents", ""]
    for heading in report.headings(2):
        indent = "  " * (heading.level - 1)
        out.append(f"{indent}- [{escape(heading.text)}](#{anchors[id(heading)]})")
    out.append("")
    for block in report.blocks:
        out += _block(block) + [""]
    return "\n".join(out).rstrip() + "\n"


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * (block.level + 1) + " " + escape(block.text)]
    if isinstance(block, Paragraph):
        text = "  \n".join(escape(line) for line in block.text.splitlines())
        if block.label:
            text = f"**{escape(block.label)}** {text}".rstrip()
        if block.tone == "muted":
            text = f"*{text}*" if text and not block.label else text
        return [text]
    if isinstance(block, BulletList):
        return [f"- {_inline(item)}" for item in block.items]
    if isinstance(block, Quote):
        lines = [f"> {escape(line)}" if line else ">" for line in block.text.splitlines() or [""]]
        if block.source:
            lines.append(f"> — *{escape(block.source)}*")
        return lines
    if isinstance(block, Table):
        header = "| " + " | ".join(_cell(c) or " " for c in block.columns) + " |"
        rule = "|" + "|".join("---:" if block.is_numeric(i) else "---" for i in range(len(block.columns))) + "|"
        return [header, rule] + ["| " + " | ".join(_cell(v) for v in row) + " |" for row in block.rows]
    raise TypeError(f"unknown block {block!r}")
