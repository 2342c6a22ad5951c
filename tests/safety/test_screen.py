"""Tests for facilitator.safety.screen: a labelled corpus plus unit tests of redaction and masking.

The corpus (corpus.tsv beside this file) is in the labelling guide's format (docs/safety-labelling.md).
The screen is scored here on its dev part only (the model never trains on it); the figures are
printed on every run, so a change in quality is visible even when the thresholds still pass.
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest

from facilitator.safety import FLAGS, Screening, corpus, load_wordlist, screen
from facilitator.safety.profanity import WORDLIST_DIR

CORPUS = Path(__file__).with_name("corpus.tsv")
# The promise measured on the dev part of the corpus (never trained on); the blind set is scored by
# bench/safety.py, not here.
MIN_RECALL = {"pii": 0.95, "distress+disclosure": 0.95, "profanity": 0.90}
MAX_FALSE_ALARMS = 0.05


@pytest.fixture(scope="module")
def dev_scored() -> list[tuple[corpus.Entry, Screening]]:
    _, dev = corpus.split(corpus.read(CORPUS))
    return [(entry, screen(entry.text)) for entry in dev]


# --- Corpus -----------------------------------------------------------------------------------------


def test_corpus_is_big_balanced_and_in_the_guide_format():
    entries = corpus.read(CORPUS)
    assert len(entries) >= 1600
    assert len({e.text for e in entries}) == len(entries), "duplicate corpus entries"
    clean = [e for e in entries if not e.labels]
    assert len(clean) * 3 >= len(entries), "a third of the lines must be (hard) clean lines"
    for label in corpus.LABELS:
        for language in corpus.LANGUAGES:
            count = sum(1 for e in entries if label in e.labels and e.language == language)
            assert count >= 5, f"only {count} {label} lines in {language}"
    for entry in entries:
        assert ("pii" in entry.labels) == bool(entry.details), entry.text
        for piece in entry.details:
            assert piece in entry.text, f"details piece {piece!r} is not in {entry.text!r}"


def test_dev_split_is_deterministic_and_disjoint():
    entries = corpus.read(CORPUS)
    train, dev = corpus.split(entries)
    assert corpus.split(entries) == (train, dev)
    assert not {e.text for e in train} & {e.text for e in dev}
    assert 0.15 <= len(dev) / len(entries) <= 0.25


def test_dev_part_keeps_the_promise(dev_scored, capsys):
    def caught(entry: corpus.Entry, label: str, result: Screening) -> bool:
        flag = corpus.FLAG_FOR_LABEL[label]
        if label == "pii":
            return flag in result.flags and not any(p.casefold() in result.redacted.casefold() for p in entry.details)
        return flag in result.flags and (result.held or label == "profanity")

    rows = {}
    for name, labels in (
        ("pii", {"pii"}),
        ("distress+disclosure", {"distress", "disclosure"}),
        ("profanity", {"profanity"}),
    ):
        outcomes = [caught(e, label, r) for e, r in dev_scored for label in e.labels & labels]
        rows[name] = sum(outcomes) / len(outcomes)
    clean = [r for e, r in dev_scored if not e.labels]
    false_alarms = sum(1 for r in clean if r.flags) / len(clean)
    with capsys.disabled():
        print(
            "\nsafety dev part: "
            + ", ".join(f"{k} {v:.1%}" for k, v in rows.items())
            + f", false alarms {false_alarms:.1%}"
        )
    for name, recall in rows.items():
        assert recall >= MIN_RECALL[name], f"{name} recall {recall:.1%}"
    assert false_alarms <= MAX_FALSE_ALARMS


def test_held_and_confidence_follow_the_flags(dev_scored):
    for entry, result in dev_scored:
        concern = bool(result.flags & {"distress", "disclosure"})
        assert result.held == concern, entry.text
        assert (result.confidence in ("high", "possible")) == concern, entry.text
        assert result.flags <= FLAGS and isinstance(result.flags, frozenset)


# --- The contract -------------------------------------------------------------------------------------


def test_screening_is_a_frozen_dataclass():
    result = screen("hello")
    assert dataclasses.is_dataclass(result)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.held = True  # type: ignore[misc]
    assert result == Screening(flags=frozenset(), redacted="hello", held=False, confidence=None)


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


EVERY_SCRIPT = (
    "".join(chr(c) for c in range(0x20, 0x3000, 7))
    + "😀🇰🇪👨‍👩‍👧"
    + "".join(chr(c) for c in range(0x1F300, 0x1F6FF, 13))
)
BINARY_LOOKING = bytes(range(256)).decode("latin-1") * 4


@pytest.mark.parametrize(
    "text", ["", "x" * 10_000, "0 7 1 2 " * 2500, BINARY_LOOKING, EVERY_SCRIPT, "١٢٣ ۴۵۶ ७८९ ๑๒๓ ０１２"]
)
def test_bad_input_gives_a_result_within_the_time_budget(text):
    import time

    start = time.process_time()  # CPU time: the machine running the tests may be busy with other work
    result = screen(text)
    elapsed = time.process_time() - start
    assert isinstance(result.redacted, str) and result.flags <= FLAGS
    assert result.confidence in (None, "high", "possible")
    # One odd entry may cost more than the 0.5 ms mean, never enough to stall the writer.
    assert elapsed < 0.5, f"{elapsed:.3f} s"


def test_random_text_never_raises():
    rng = random.Random(20250101)
    alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFG 0123456789 .,:;!?@#$*+-_()[]/\\'\"\n\t\u200b\u202e\x00😀ñäß"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        result = screen(text)
        assert result.flags <= FLAGS
        assert result.held == bool(result.flags & {"distress", "disclosure"})


def test_the_prefiltered_pattern_sets_answer_as_the_plain_alternation_does():
    """PatternSet runs only the patterns whose needed strings are in the text (for speed): on every corpus,
    fresh and blind line it must find a match exactly where the plain alternation of the same patterns does."""
    from facilitator.safety import disclosure, distress, normalise, signals
    from facilitator.safety.corpus import read
    from facilitator.safety.prefilter import PatternSet

    sets = [CORPUS, *sorted((CORPUS.parent / "fresh").glob("*.tsv")), *sorted(CORPUS.parent.glob("blind*.tsv"))]
    texts = [normalise.for_phrases(normalise.clean(e.text)) for path in sets for e in read(path)]
    assert len(texts) > 20_000
    for patterns in (disclosure._PATTERNS, distress._PATTERNS, signals._DISCLOSURE, signals._DISTRESS):
        plain = re.compile("|".join(f"(?:{p})" for p in patterns))
        prefiltered = PatternSet(patterns)
        assert [prefiltered.search(t) for t in texts] == [plain.search(t) is not None for t in texts]


def test_gated_patterns_find_what_the_plain_pattern_finds():
    """A gated personal-detail pattern skips a text holding none of its needed strings (for speed): on every corpus,
    fresh and blind line where a gate is shut, the plain pattern must find nothing, in the text as given, cleaned and
    with look-alike letters folded, and in its number view."""
    from facilitator.safety import identifiers, names, normalise, personal_details, prefilter  # noqa: F401
    from facilitator.safety.corpus import read

    sets = [CORPUS, *sorted((CORPUS.parent / "fresh").glob("*.tsv")), *sorted(CORPUS.parent.glob("blind*.tsv"))]
    texts = set()
    for path in sets:
        for entry in read(path):
            cleaned = normalise.clean(entry.text)
            texts.update(
                {entry.text, cleaned, cleaned.translate(normalise.CONFUSABLES), normalise.numbers_view(cleaned)}
            )
    assert len(prefilter.GATED) >= 30
    shut = 0
    for gate in prefilter.GATED:
        assert gate.needed, gate.pattern.pattern
        for text in texts:
            if not gate.may_match(text):
                shut += 1
                assert gate.pattern.search(text) is None, (gate.pattern.pattern[:60], text)
    assert shut > len(texts)  # the gates do shut


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"\bmy\s+snap\b", re.IGNORECASE, "MY SNAP is"),
        (r"\b(?i:jina)\s+[A-Z]", 0, "JINA Otieno"),
        (r"\bsnap\b", re.IGNORECASE, "\u017fnap"),  # long s: re takes it for "s" when ignoring case
        (r"\bkid\b", re.IGNORECASE, "\u0130 am a K\u0131d"),  # dotless i
        (r"(?i:kelvin)", 0, "\u212aelvin"),  # the Kelvin sign
    ],
)
def test_a_gate_opens_for_every_case_the_pattern_matches(pattern: str, flags: int, text: str) -> None:
    from facilitator.safety.prefilter import GatedPattern

    gate = GatedPattern(re.compile(pattern, flags))
    assert gate.needed is not None
    assert gate.pattern.search(text) is not None
    assert gate.search(text) is not None
    assert not GatedPattern(re.compile(pattern, flags)).may_match("nothing to see here")


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (r"\b(?:\w*jirush\w*|throw myself)\b", {"jirush", "throw myself"}),
        (r"\bsends?\s+(?:nudes|photos)", {"nudes", "photos"}),  # the set whose shortest string is longer
        (r"\bsends?\b", {"send", "sends"}),
        (r"(?<!\bwho )\b(?:a|wa)(?:na|li)piga\b", {"anapiga", "alipiga", "wanapiga", "walipiga"}),
        (r"\b(?=(?:touch|hurt)\w*\s+me)\w+", {"touch", "hurt"}),
        (r"\bbf\b", {"bf"}),
    ],
)
def test_needed_strings_are_read_from_the_pattern(pattern: str, needed: set[str]) -> None:
    from facilitator.safety.prefilter import needed_strings

    assert needed_strings(pattern) == needed


@pytest.mark.parametrize("pattern", [r"\w+\s+\d+", r"(?i)hurt", r"(?:hurt|\w+)\s+\w", r"x{0,3}y"])
def test_a_pattern_with_no_needed_string_always_runs(pattern: str) -> None:
    from facilitator.safety.prefilter import PatternSet, needed_strings

    assert needed_strings(pattern) is None
    assert PatternSet([pattern]).unfiltered == (pattern,)


def test_the_leetspeak_pass_changes_only_words_holding_a_leet_character():
    """for_phrases hands only words with a leetspeak character to Python (for speed): on every corpus and fresh
    line the result equals handing it every word."""
    from facilitator.safety import normalise
    from facilitator.safety.corpus import read

    every_word = re.compile(r"[\w@$!]+")
    texts = [
        normalise.fold(normalise.clean(e.text))
        for path in [CORPUS, *(CORPUS.parent / "fresh").glob("*.tsv")]
        for e in read(path)
    ]
    texts += ["h3ll0 w0rld", "1234 ab1 !a! a!b $$$ @@ x@y 5h1t", "ñ1ñ 3é", "_1_ a_1 1_a"]
    for text in texts:
        assert normalise._LEET_WORD_RE.sub(normalise._unleet_word, text) == every_word.sub(normalise._unleet_word, text)


def test_the_number_view_swaps_letters_only_in_runs_holding_a_digit():
    """numbers_view hands only runs with a digit to Python (for speed): on every corpus and fresh line the result
    equals handing it every run."""
    from facilitator.safety import normalise
    from facilitator.safety.corpus import read

    every_run = re.compile(r"[0-9A-Za-z|]+")
    paths = [CORPUS, *(CORPUS.parent / "fresh").glob("*.tsv")]
    texts = [normalise.clean(e.text) for path in paths for e in read(path)]
    texts += ["O7l2 3SS", "|||1 a|1 1|a", "07l2-345_678 then 9"]
    for text in texts:
        swap = normalise._swap_letter_digits
        assert normalise._NUMBER_RUN_RE.sub(swap, text) == every_run.sub(swap, text)


def test_the_lower_case_intro_pattern_finds_what_the_case_insensitive_one_does():
    """names runs its introduction cues case-sensitively on a lower-cased ASCII entry (for speed): every letter in
    the pattern must be lower case, and the spans must equal the case-insensitive pattern's on every line."""
    import warnings

    from facilitator.safety import names, normalise
    from facilitator.safety.corpus import read

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import sre_constants
        import sre_parse

    def letters(items):
        for op, argument in items:
            if op is sre_constants.LITERAL:
                yield chr(argument)
            elif op is sre_constants.IN:
                for kind, value in argument:
                    if kind is sre_constants.LITERAL:
                        yield chr(value)
                    elif kind is sre_constants.RANGE:
                        yield from (chr(value[0]), chr(value[1]))
            elif op is sre_constants.SUBPATTERN:
                assert not argument[1] and not argument[2], "no inline flags"
                yield from letters(argument[3])
            elif op is sre_constants.BRANCH:
                for alternative in argument[1]:
                    yield from letters(alternative)
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
                yield from letters(argument[2])
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                yield from letters(argument[1])

    assert not [ch for ch in letters(sre_parse.parse(names._INTRO_LOWER_RE.pattern)) if ch.isupper()]
    sets = [CORPUS, *sorted((CORPUS.parent / "fresh").glob("*.tsv")), *sorted(CORPUS.parent.glob("blind*.tsv"))]
    texts = [normalise.clean(e.text) for path in sets for e in read(path)]
    for text in (t for t in texts if t.isascii()):
        for variant in (text, text.upper()):
            plain = [m.span() for m in names._INTRO_LOWER_RE.finditer(variant.lower())]
            assert plain == [m.span() for m in names._INTRO_RE.finditer(variant)], variant


def test_a_printable_text_is_already_clean():
    """clean() returns a printable NFKC text as it is (for speed): the per-character pass must change nothing in
    one, on every corpus and fresh line and on random text of every script."""
    import unicodedata

    from facilitator.safety import normalise
    from facilitator.safety.corpus import read

    texts = [e.text for path in [CORPUS, *(CORPUS.parent / "fresh").glob("*.tsv")] for e in read(path)]
    rng = random.Random(20261130)
    for _ in range(20_000):
        size = rng.randrange(30)
        texts.append("".join(chr(rng.choice([rng.randrange(0x110000), rng.randrange(0x3000)])) for _ in range(size)))
    printable = 0
    for text in texts:
        normal = unicodedata.normalize("NFKC", text)
        if normal.isprintable():
            printable += 1
            assert normalise._clean_each_character(normal) == normal, repr(text)
    assert printable > len(texts) // 2
