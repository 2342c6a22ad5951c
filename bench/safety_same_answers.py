"""Check that facilitator.safety.screen gives the same answers as a reference version of it.

Screens a fixed, large set of texts and writes one JSON line per screening (the text, the extra word
list used, the sorted flags, the redacted text, held and confidence). Used to make the screen
faster without changing a single answer: write the reference with the untouched code, then compare
the changed code against it.

The set: every text of tests/safety/corpus.tsv and tests/safety/fresh/*.tsv, any further TSV files
given with --tsv (text in the first column, first line a header), and --variants generated variants
of the corpus texts (digits, phone-number-like strings, emails, handles, names, leetspeak, casing and
spacing changes, truncations, emoji, Swahili/Sheng words), made with a fixed seed so every run
screens the same texts. Each text is screened with extra_words=None and with EXTRA_WORDS.

    # the reference, from a checkout of the untouched code:
    PYTHONPATH=/work/screen-ref python bench/safety_same_answers.py --out /tmp/ref.jsonl
    # the changed code, compared line by line (exit status 1 on any difference):
    PYTHONPATH=. python bench/safety_same_answers.py --out /tmp/new.jsonl --against /tmp/ref.jsonl

The facilitator package is imported from sys.path as it is (PYTHONPATH first), so the same script
checks either version; the path it imported is printed.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "safety" / "corpus.tsv"
FRESH = ROOT / "tests" / "safety" / "fresh"
NAMES = ROOT / "facilitator" / "safety" / "wordlists" / "names_ke.txt"
EXTRA_WORDS = ["badword", "d*mn", "wasee", "b0l0", "# a comment", ""]
SEED = 20240611

EMOJI = ["😀", "😭", "💔", "🔥", "👍🏽", "❤️", "🙏", "😡", "👨‍👩‍👧", "0️⃣", "🇰🇪", "✨"]
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "b": "8", "g": "9"}
LEET_SYMBOLS = {"a": "@", "s": "$", "i": "!", "l": "|"}
INVISIBLES = ["\u200b", "\u200d", "\u00ad", "\u202e", "\t", "\n", "\r\n", "  ", "\u00a0"]
CONFUSABLES = {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "i": "і", "I": "Ι"}
NUMBER_WORDS = "zero one two three four five six seven eight nine sifuri moja mbili tatu nne tano sita saba nane tisa"
AGE_TEMPLATES = [
    "I am {n} years old and in class {c}",
    "nina miaka {n} niko darasa la {c}",
    "im {n} yrs in form {c}",
    "my sister is {n} and I am {c}",
    "we are {n} kids in grade {c}",
    "born in 20{c}{n}",
    "room {n}, {c} floor",
]


def tsv_texts(path: Path) -> list[str]:
    """The first column of a TSV file, without its header line."""
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t", 1)[0] for line in lines if line.strip()]


def base_texts() -> list[str]:
    texts = tsv_texts(CORPUS)
    for path in sorted(FRESH.glob("*.tsv")):
        texts += tsv_texts(path)
    return texts


def _phone(rng: random.Random) -> str:
    digits = "07" + "".join(rng.choice(string.digits) for _ in range(8))
    style = rng.randrange(9)
    if style == 0:
        return digits
    if style == 1:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if style == 2:
        return "+254 " + f"{digits[1:4]} {digits[4:7]} {digits[7:]}"
    if style == 3:
        return "-".join(digits[i : i + 3] for i in range(0, 10, 3))
    if style == 4:
        return " ".join(digits)
    if style == 5:
        return digits.replace("0", "O").replace("1", "l")
    if style == 6:
        words = NUMBER_WORDS.split()
        return " ".join(words[int(d)] if rng.random() < 0.3 else d for d in digits)
    if style == 7:
        return f"{digits[:4]} then {digits[4:7]} kisha {digits[7:]}"
    return "".join(chr(0xFF10 + int(d)) if rng.random() < 0.5 else d for d in digits)


def _email(rng: random.Random, name: str) -> str:
    domain = rng.choice(["gmail.com", "yahoo.com", "school.ac.ke", "outlook.com"])
    local = name.lower() + rng.choice(["", ".", "_"]) + str(rng.randrange(100))
    if rng.random() < 0.2:
        return f"{local} at {domain.replace('.', ' dot ')}"
    return f"{local}@{domain}"


def _handle(rng: random.Random, name: str) -> str:
    prefix = rng.choice(["@", "ig: ", "insta @", "snap ", "tiktok: @", "find me on fb "])
    return prefix + name.lower() + rng.choice(["", "_", "."]) + str(rng.randrange(1000))


def _leet(rng: random.Random, text: str) -> str:
    table = LEET if rng.random() < 0.7 else LEET_SYMBOLS
    share = rng.choice([0.2, 0.5, 1.0])
    return "".join(table[ch] if ch in table and rng.random() < share else ch for ch in text)


def _respace(rng: random.Random, text: str) -> str:
    style = rng.randrange(5)
    if style == 0:
        return " ".join(text)  # "k i l l"
    if style == 1:
        return text.replace(" ", rng.choice(["  ", "\t", " \n ", "_", "."]))
    if style == 2:
        return "".join(ch + rng.choice(INVISIBLES) if rng.random() < 0.15 else ch for ch in text)
    if style == 3:
        return "".join(ch * rng.randint(2, 5) if ch.isalpha() and rng.random() < 0.1 else ch for ch in text)
    return "".join(CONFUSABLES.get(ch, ch) if rng.random() < 0.4 else ch for ch in text)


def _recase(rng: random.Random, text: str) -> str:
    style = rng.randrange(4)
    if style == 0:
        return text.upper()
    if style == 1:
        return text.title()
    if style == 2:
        return "".join(ch.upper() if rng.random() < 0.5 else ch for ch in text)
    return text.swapcase()


def _insert(rng: random.Random, text: str, piece: str) -> str:
    words = text.split(" ")
    at = rng.randint(0, len(words))
    return " ".join(words[:at] + [piece] + words[at:])


def variants(texts: list[str], count: int) -> list[str]:
    """*count* texts made from *texts* with a fixed seed (the same list on every run)."""
    rng = random.Random(SEED)
    names = [line.strip() for line in NAMES.read_text(encoding="utf-8").splitlines()]
    names = [n for n in names if n and not n.startswith("#")] or ["Wanjiru", "Otieno", "Amina"]
    words = sorted({w for t in texts for w in t.split() if w.isalpha()})
    out: list[str] = []
    while len(out) < count:
        text = rng.choice(texts)
        name = rng.choice(names).split()[0]
        for _ in range(rng.randint(1, 3)):
            kind = rng.randrange(13)
            if kind == 0:
                text = _insert(rng, text, str(rng.randrange(0, 10 ** rng.randint(1, 6))))
            elif kind == 1:
                text = _insert(rng, text, _phone(rng))
            elif kind == 2:
                text = _insert(rng, text, _email(rng, name))
            elif kind == 3:
                text = _insert(rng, text, _handle(rng, name))
            elif kind == 4:
                text = _insert(rng, text, rng.choice(["my name is ", "naitwa ", "I'm ", ""]) + name)
            elif kind == 5:
                text = _leet(rng, text)
            elif kind == 6:
                text = _recase(rng, text)
            elif kind == 7:
                text = _respace(rng, text)
            elif kind == 8:
                text = text[: rng.randint(0, len(text))]
            elif kind == 9:
                text = _insert(rng, text, "".join(rng.choice(EMOJI) for _ in range(rng.randint(1, 3))))
            elif kind == 10:
                text = _insert(rng, text, " ".join(rng.choice(words) for _ in range(rng.randint(1, 4))))
            elif kind == 11:
                n, c = rng.randrange(5, 19), rng.randrange(1, 13)
                text = _insert(rng, text, rng.choice(AGE_TEMPLATES).format(n=n, c=c))
            else:
                text = f"Bench idea {''.join(rng.choice(string.ascii_lowercase) for _ in range(7))} for safer apps"
        out.append(text)
    return out


def results(texts: list[str]):
    from facilitator.safety import screen

    for text in texts:
        for extra_name, extra in (("none", None), ("extra", EXTRA_WORDS)):
            result = screen(text, extra_words=extra)
            yield json.dumps(
                [text, extra_name, sorted(result.flags), result.redacted, result.held, result.confidence],
                ensure_ascii=False,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="where to write the results (JSON lines)")
    parser.add_argument("--against", type=Path, help="reference results to compare with, line by line")
    parser.add_argument("--tsv", type=Path, action="append", default=[], help="a further TSV of texts to screen")
    parser.add_argument("--variants", type=int, default=25_000, help="generated variants (default 25000)")
    args = parser.parse_args()

    import facilitator

    print(f"screening with {facilitator.__file__}", file=sys.stderr)
    texts = base_texts()
    # variants of the shipped texts only, so that --tsv adds its texts without changing the others
    texts += variants(texts, args.variants)
    for path in args.tsv:
        texts += tsv_texts(path)
    with args.out.open("w", encoding="utf-8") as out:
        for line in results(texts):
            out.write(line + "\n")
    screened = 2 * len(texts)
    print(f"{len(texts)} texts, {screened} screenings written to {args.out}")
    if args.against is None:
        return
    new = args.out.read_text(encoding="utf-8").splitlines()
    reference = args.against.read_text(encoding="utf-8").splitlines()
    differences = [(a, b) for a, b in zip(reference, new, strict=False) if a != b]
    if len(new) != len(reference):
        print(f"line counts differ: {len(reference)} in the reference, {len(new)} now")
    for before, after in differences[:20]:
        print(f"- {before}\n+ {after}")
    print(f"{len(differences)} differences in {min(len(new), len(reference))} screenings")
    if differences or len(new) != len(reference):
        sys.exit(1)


if __name__ == "__main__":
    main()
