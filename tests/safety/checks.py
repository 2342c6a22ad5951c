"""Assertions the per-class safety tests share."""

from __future__ import annotations

from facilitator.safety import concern, normalise, screen


def assert_rule(text: str, flag: str) -> None:
    """*text* is flagged *flag* and held, and a rule (not the model alone) names it."""
    result = screen(text)
    assert flag in result.flags, f"{flag} missed: {text!r}"
    assert result.held, text
    phrase_text = normalise.for_phrases(normalise.clean(text))
    assert concern.rule_hits(phrase_text)[flag], f"no {flag} rule: {text!r}"


def assert_redacted(text: str, pieces: list[str]) -> None:
    """*text* is flagged for personal details and no piece (nor a piece's digits) is left in what is shown."""
    result = screen(text)
    assert "personal_details" in result.flags, text
    shown = result.redacted.casefold()
    compact = "".join(ch for ch in shown if ch.isalnum())
    for piece in pieces:
        assert piece.casefold() not in shown, (text, result.redacted)
        if piece.isdigit():
            assert piece not in compact, (text, result.redacted)
