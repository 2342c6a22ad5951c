"""Tests for facilitator.safety.screen: a labelled corpus plus unit tests of redaction and masking.

The corpus (corpus.tsv beside this file) has one entry a line: ``text<TAB>labels``, labels
comma-separated from the four flags, or ``clean``. Its recall/precision table is printed to the
terminal on every run (also under -q and in CI), so a change in quality is visible even when the
thresholds still pass.
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest

from facilitator.safety import FLAGS, Screening, load_wordlist, screen
from facilitator.safety.profanity import WORDLIST_DIR

CORPUS = Path(__file__).with_name("corpus.tsv")
MIN_RECALL = {"personal_details": 1.0, "distress": 1.0, "disclosure": 1.0, "profanity": 0.95}
MIN_PRECISION = 0.85


def load_corpus() -> list[tuple[str, frozenset[str]]]:
    entries = []
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "text\tlabels", "corpus.tsv must start with its header"
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        text, labels = line.split("\t")
        expected = frozenset() if labels == "clean" else frozenset(labels.split(","))
        assert expected <= FLAGS, f"corpus.tsv line {number}: unknown label in {labels!r}"
        entries.append((text, expected))
    return entries


@pytest.fixture(scope="module")
def scored() -> list[tuple[str, frozenset[str], Screening]]:
    return [(text, expected, screen(text)) for text, expected in load_corpus()]


def _table(scored) -> tuple[str, dict[str, tuple[float, float]], list[str]]:
    header = f"{'flag':<18}{'TP':>5}{'FP':>5}{'FN':>5}{'recall':>9}{'precision':>11}"
    rows = ["", f"safety corpus: {len(scored)} entries", header]
    metrics = {}
    misses = []
    for flag in sorted(FLAGS):
        tp = sum(1 for _, exp, got in scored if flag in exp and flag in got.flags)
        fp = sum(1 for _, exp, got in scored if flag not in exp and flag in got.flags)
        fn = sum(1 for _, exp, got in scored if flag in exp and flag not in got.flags)
        recall = tp / (tp + fn) if tp + fn else 1.0
        precision = tp / (tp + fp) if tp + fp else 1.0
        metrics[flag] = (recall, precision)
        rows.append(f"{flag:<18}{tp:>5}{fp:>5}{fn:>5}{recall:>9.1%}{precision:>11.1%}")
        misses += [f"  FN {flag}: {text}" for text, exp, got in scored if flag in exp and flag not in got.flags]
        misses += [f"  FP {flag}: {text}" for text, exp, got in scored if flag not in exp and flag in got.flags]
    return "\n".join(rows), metrics, misses


# --- Corpus -----------------------------------------------------------------------------------------


def test_corpus_is_big_and_balanced():
    entries = load_corpus()
    counts = {flag: sum(1 for _, exp in entries if flag in exp) for flag in FLAGS}
    clean = sum(1 for _, exp in entries if not exp)
    assert len(entries) >= 260
    assert counts["personal_details"] >= 60 and counts["profanity"] >= 40
    assert counts["distress"] >= 50 and counts["disclosure"] >= 50 and clean >= 80
    assert len({text for text, _ in entries}) == len(entries), "duplicate corpus entries"


def test_corpus_recall_and_precision(scored, capsys):
    table, metrics, misses = _table(scored)
    with capsys.disabled():
        print(table)
        if misses:
            print("\n".join(misses))
    for flag, (recall, precision) in metrics.items():
        assert recall >= MIN_RECALL[flag], f"{flag} recall {recall:.1%}\n{table}"
        assert precision >= MIN_PRECISION, f"{flag} precision {precision:.1%}\n{table}"


def test_held_exactly_when_distress_or_disclosure(scored):
    for text, _, result in scored:
        assert result.held == bool(result.flags & {"distress", "disclosure"}), text


def test_flags_are_known(scored):
    for text, _, result in scored:
        assert result.flags <= FLAGS, text
        assert isinstance(result.flags, frozenset)


# --- The contract -------------------------------------------------------------------------------------


def test_screening_is_a_frozen_dataclass():
    result = screen("hello")
    assert dataclasses.is_dataclass(result)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.held = True  # type: ignore[misc]
    assert result == Screening(flags=frozenset(), redacted="hello", held=False)


def test_flags_constant():
    assert FLAGS == frozenset({"personal_details", "profanity", "distress", "disclosure"})


def test_none_is_not_text():
    with pytest.raises(TypeError):
        screen(None)  # type: ignore[arg-type]


def test_profanity_and_personal_details_alone_do_not_hold():
    assert not screen("this app is shit").held
    assert not screen("call me on 0712345678").held
    assert screen("I want to die").held
    assert screen("my uncle touches me").held


# --- Redaction of personal details --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, secret",
    [
        ("Call me on 0712345678 tonight", "0712345678"),
        ("my number is 0722 123 456", "123 456"),
        ("+254 712 345 678 is my whatsapp", "345 678"),
        ("0 7 1 2 3 4 5 6 7 8 nipigie", "5 6 7 8"),
        ("zero seven one two three four five six seven eight", "seven eight"),
        ("sifuri saba moja mbili tatu nne tano sita saba nane", "sita saba"),
        ("call +44 7700 900123 please", "900123"),
        ("my email is jane.doe@gmail.com ok", "jane.doe@gmail.com"),
        ("janedoe at gmail dot com", "janedoe"),
        ("check www.janeblog.com now", "janeblog"),
        ("join bit.ly/3xYz9 today", "3xYz9"),
        ("text me wa.me/254712345678", "254712345678"),
        ("follow @jane_doe for more", "jane_doe"),
        ("my snap is jane.doe22", "jane.doe22"),
        ("ig: jane_doe", "jane_doe"),
        ("my ID number is 34567890", "34567890"),
        ("my passport is AK1234567", "AK1234567"),
        ("my name is John Kamau and I am 15", "Kamau"),
        ("jina langu ni Wanjiku Mwangi", "Wanjiku"),
        ("I am Achieng Otieno from Kisumu", "Otieno"),
    ],
)
def test_redacted_text_hides_the_detail(text, secret):
    result = screen(text)
    assert "personal_details" in result.flags
    assert secret not in result.redacted
    assert re.search(r"\[(phone number|email|link|handle|ID number|name) removed\]", result.redacted)


def test_redaction_labels_and_surrounding_text_survive():
    result = screen("my name is John Kamau, call 0712 345 678 or mail kim@gmail.com, see x.co.ke and @kim_k")
    assert result.redacted == (
        "my name is [name removed], call [phone number removed] or mail [email removed], "
        "see [link removed] and [handle removed]"
    )


def test_no_digits_of_a_phone_number_survive():
    result = screen("nipigie 0712 345 678 sasa")
    assert not re.search(r"\d", result.redacted)


@pytest.mark.parametrize(
    "text",
    [
        "In 2025 we had 100 children at the forum",
        "I am 14 years old",
        "80% of kids have a phone",
        "The meeting starts at 10:30",
        "TikTok should verify ages and Safaricom must block scams",
        "Ksh 2500000 was raised",
        "Call Childline on 116",
    ],
)
def test_ordinary_numbers_and_brands_are_not_personal_details(text):
    result = screen(text)
    assert result.flags == frozenset()
    assert result.redacted == text


# --- Profanity masking ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, masked",
    [
        ("this app is shit", "this app is s***"),
        ("f*ck the trolls", "f*** the trolls"),
        ("sh1t happens", "s*** happens"),
        ("$hit happens", "$*** happens"),
        ("fuuuuck this", "f****** this"),
        ("f u c k hackers", "f * * * hackers"),
        ("f.u.c.k scammers", "f.*.*.* scammers"),
        ("wewe ni mjinga", "wewe ni m*****"),
        ("mbwa wewe", "m*** wewe"),
    ],
)
def test_profanity_is_masked(text, masked):
    result = screen(text)
    assert "profanity" in result.flags
    assert result.redacted == masked


@pytest.mark.parametrize(
    "text",
    [
        "Our class will assess the rules",
        "Mr Shitanda taught us",
        "Scunthorpe",
        "Kumaliza mtihani",
        "kuuma kwa kichwa",
        "Kichaa cha mbwa ni hatari",
        "Hancock and Cockburn",
        "a bassist in a passage",
    ],
)
def test_innocent_words_containing_bad_ones_are_clean(text):
    assert screen(text).flags == frozenset()


def test_obfuscation_tricks_are_seen_through():
    for text in ["fu\u200bck", "ｆｕｃｋ", "f\u0336u\u0336c\u0336k\u0336", "fuсk", "F U C K", "fucc off"]:
        assert "profanity" in screen(text).flags, repr(text)


def test_extra_words_get_the_same_normalisation():
    assert screen("you are a wasee").flags == frozenset()
    assert screen("you are a wasee", extra_words=["wasee"]).flags == {"profanity"}
    for variant in ["w4see", "wa$ee", "w a s e e", "waaaseee", "WASEE"]:
        result = screen(f"you are a {variant}", extra_words=["wasee", "# a comment", ""])
        assert "profanity" in result.flags, variant
        assert result.redacted.lower().startswith("you are a w"), variant
        assert "wasee" not in result.redacted.lower(), variant
    # An organiser may type the word in leetspeak too.
    assert "profanity" in screen("bolo", extra_words=["b0l0"]).flags


def test_shipped_wordlists_load():
    english = load_wordlist(WORDLIST_DIR / "profanity_en.txt")
    swahili = load_wordlist(WORDLIST_DIR / "profanity_sw.txt")
    assert {"fuck", "shit"} <= english
    assert {"malaya", "kumbavu", "mjinga", "fala", "msenge", "kuma", "mavi", "matako", "mshenzi", "bwege"} <= swahili
    assert not any(entry.startswith("#") for entry in english | swahili)


# --- Robustness -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\t",
        "a" * 10_000,
        "0712345678 " * 900,
        "f u c k " * 1250,
        "😀👨\u200d👩\u200d👧" * 500,
        "\u202eevil\u202c text \u2066isolated\u2069",
        "\x00\x01\x07\x1b[31mred\x7f",
        "\ud800 lone surrogate",
        "\ufeff\u200b\u200c\u200d",
        "مرحبا بالعالم",
        "z\u0351\u0352a\u0353l\u0354g\u0355o",
        "@@@@ $$$$ **** !!!! ####",
        "..........----------((((()))))",
    ],
)
def test_never_raises_on_odd_input(text):
    result = screen(text)
    assert isinstance(result.redacted, str)
    assert result.flags <= FLAGS
    assert result.held == bool(result.flags & {"distress", "disclosure"})


def test_invisible_and_bidi_characters_are_removed_from_the_shown_text():
    result = screen("hello\u202e world\u200b!")
    assert result.redacted == "hello world!"


def test_random_text_never_raises():
    rng = random.Random(20250101)
    alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFG 0123456789 .,:;!?@#$*+-_()[]/\\'\"\n\t\u200b\u202e\x00😀ñäß"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        result = screen(text)
        assert result.flags <= FLAGS
        assert result.held == bool(result.flags & {"distress", "disclosure"})
