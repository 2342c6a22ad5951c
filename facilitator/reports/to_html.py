"""A report as one print-ready HTML page: A4 pages, each chapter on a new page, so a browser's
"Save as PDF" gives a clean PDF. The look is ``static/reports/report.css``: linked when the app shows the
page (the CSP forbids inline styles), copied into the file when it is downloaded to be opened anywhere."""

from __future__ import annotations

from pathlib import Path

from flask import current_app, render_template

from facilitator.reports.document import Block, BulletList, Heading, Paragraph, Quote, Report, Table

STYLESHEET = Path("reports") / "report.css"


def render(report: Report, *, css_href: str | None = None) -> str:
    """With ``css_href`` the page links its stylesheet; without, it carries a copy (a standalone file)."""
    inline_css = None
    if css_href is None:
        assert current_app.static_folder is not None  # create_app sets it
        inline_css = (Path(current_app.static_folder) / STYLESHEET).read_text(encoding="utf-8")
    items, contents, headings = [], [], 0
    for block in report.blocks:
        anchor = None
        if isinstance(block, Heading):
            headings += 1
            anchor = f"section-{headings}"
            if block.level <= 2:
                contents.append((block, anchor))
        items.append((_kind(block), block, anchor))
    return render_template(
        "reports/report.html", report=report, css_href=css_href, inline_css=inline_css, items=items, contents=contents
    )


def _kind(block: Block) -> str:
    for name, cls in (
        ("heading", Heading),
        ("paragraph", Paragraph),
        ("list", BulletList),
        ("quote", Quote),
        ("table", Table),
    ):
        if isinstance(block, cls):
            return name
    raise TypeError(f"unknown block {block!r}")
