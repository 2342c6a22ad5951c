"""People's names: a full name, introduced ("my name is", "naitwa", "jina lake ni") or not.

A first name alone is not a personal detail (docs/safety-labelling.md); a first and a family name
together are, wherever they stand ("Kevin Otieno from Maseno School"). Without an introduction a
pair of words is taken as a name when the first is a common Kenyan given name and the second a
family name (from ``wordlists/names_ke.txt`` or shaped like one: Luo O-/A- names, Kalenjin
Kip-/Chep-/Jep- names), or both are capitalised and one of them is a known name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from facilitator.safety import normalise
from facilitator.safety.prefilter import gated

NAMES_PATH = Path(__file__).with_name("wordlists") / "names_ke.txt"

_I = re.IGNORECASE
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
_FAMILY_SHAPE_RE = re.compile(
    r"^(?:o(?:ch|dh|ny|[bdgkmnprtwy])[a-z]{3,}|a(?:ch|dh|ny|[kstw])[a-z]{3,}|"
    r"(?:kip|chep|jep|kib|kim)[a-z]{3,}|(?:wan|nj|ng)[a-z]{3,}[iu])$"
)
# Words that end a name or cannot be one.
NOT_NAMES = frozenset(
    """
    a an the and or but from of in at on to with by for as is am are was not no yes so very too just
    really only also still here there this that my your his her our their i im me we you he she they it
    age aged years year old student learner pupil girl boy child kid teen form grade class standard std
    school high primary secondary girls boys academy says said said hi hello here
    one two three four five six seven eight nine ten happy sad tired scared fine ok okay good well sure sorry
    na ni wa ya kutoka niko nina mimi katika kwa huko hapa mwanafunzi msichana mvulana mtoto darasa gredi
    kidato miaka mwaka sijui secret private anonymous unknown yuko ako ndio alishinda anasema
    kenyan kenya nairobi mombasa kisumu nakuru eldoret and lol pls please call text number
    shule chuo kanisa
    sir madam teacher tr mr mrs ms miss dr prof bi bw mzee mwalimu mwl
    church hospital clinic foundation centre center home ministries ministry corps fm tv initiative network
    """.split()
)

_INTRO_RE = re.compile(
    r"\b(?:my\s+(?:full\s+|real\s+|first\s+|second\s+|last\s+|sur)?names?\s*(?:is|are|'s|:|=)|my\s+name's|"
    r"(?:his|her|their)\s+(?:full\s+)?name\s+is|(?:real|full|true|actual)\s+name\s+(?:ni|is|:)|"
    r"jina\s+(?:lake\s+|langu\s+)?(?:halisi|kamili)\s+(?:ni|:)|magac(?:ayg|iis|eed)?u?\s+(?:waa|:)|"
    r"(?:majina|jina)(?:\s+(?:langu|yangu|lake|lako|lao|lenu|letu|"
    # Sheng puts "ya" where Kiswahili has "la": "jina ya beshte yangu ni ..."
    r"(?:la|ya)\s+\w+(?:\s+(?:yangu|wangu|yake|wake|yetu|wetu))?))?(?:\s+kamili)?\s*(?:ni|:)?|(?:mimi\s+)?(?:ni|a|wa|u)?naitwa|aitwaye|name\s*:|"
    r"(?:i\s+am|i'm|i’m|im)\s+called|(?:they|people|everyone|friends)\s+call\s+me|"
    r"(?:i\s+am|i'm|i’m|im|am|mimi\s+ni|mi\s+ni|mie\s+ni|it's\s+me|its\s+me|this\s+is|msee\s+ni|huyu\s+ni)|"
    # "beste yangu ni Shiku Wambui", "mathe wangu ni ...": a relation, then the name
    r"(?:beste|bestie|beshte|beshtee|rafiki|dada|kaka|mathe|buda|cousin|binamu|jirani|mwalimu|siz|shosh|boyfriend|"
    r"girlfriend|bf|gf|crush|sister|brother|friend)\s+(?:yangu|wangu|yake|wake|my)\s+(?:ni|anaitwa|is))\s+",
    _I,
)
# The same pattern, case-sensitive, for an ASCII entry lower-cased (every letter in it is lower case, checked by a
# test): re's case-insensitive matching tries each of its ~40 cues at every word, 20 µs of a long entry (fresh sets
# 43-45), against 5-6 µs lower-cased.
_INTRO_LOWER_RE = re.compile(_INTRO_RE.pattern)
# A title and one name ("Mr Otieno", "Bi Wanjiru", "Mama Njambi") is how children name teachers and
# neighbours: like a first name alone, it is not a personal detail (docs/safety-labelling.md), except as
# the name on a till or account ("till 7712345 Mama Otieno"), which finds the person.
# A title before a given and a family name names a person: "Mr Simiyu Wafula", "Mwalimu Zainabu Athman".
_TITLE_THEN_TWO_NAMES_RE = gated(
    re.compile(
        # titles may follow one another: "teacher Madam Nduku Mwikali"
        r"\b(?:(?i:mr|mrs|ms|miss|dr|prof|mwalimu|mwl|teacher|tr|coach|pastor|madam|mzee|bi|bw|macalin|ustadh|sheikh|chief|"
        r"mama|baba|shosh|cucu|auntie|aunty|uncle|mjomba|shangazi|bibi|babu)\.?\s+)+"
        r"(?P<name>[A-Z][a-z'’]{2,}\s+[A-Z][a-z'’]{2,})"
    )
)
_TITLED_NAME_RE = gated(
    re.compile(r"\b(?:mama|baba|mzee|bi|bw|mr|mrs|ms|miss|madam|auntie|uncle)\.?\s+(?P<family>[^\W\d_]{3,})", _I)
)
# A capitalised pair beside a school or a class: "Tabitha Chelangat of Moi Girls", "Juma Ali, Form 2, Kakamega
# High", "Faiza Omar, niko form 1", "Shadrack Rotich kidato cha nne", "Precious Adhiambo in our class".
_NAME_AT_SCHOOL_RE = gated(
    re.compile(
        r"\b(?P<name>[A-Z][a-z]{2,}\s+[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)\s*[,(]?\s*"
        r"(?:(?:is|ni|yuko|ako|niko|nko|tuko|anasoma|nasoma|alikuwa|was|ndiye)\s+)?(?:(?:of|from|at|wa|in|kwa|katika)\s+)?"
        r"(?:(?i:form|grade|class|std|kidato|darasa|gredi)\s*(?:cha\s+|la\s+)?(?:\d\b|(?i:one|two|three|four|kwanza|"
        r"pili|tatu|nne|tano|sita|saba|nane)\b)"
        r"|(?i:(?:our|my|their|his|her|the\s+same)\s+class\b|class\s+(?:yetu|yangu|yao|moja)\b|darasa\s+(?:letu|langu|"
        r"lao|moja)\b|darasani)"
        r"|(?i:shule\s+ya|school\s+ya)\s+[A-Z]"
        r"|(?:[A-Z][\w'’]+\s+){1,3}(?i:school|girls|boys|high|academy|primary|secondary|sec|pri|day|mixed)\b)"
    )
)
# A capitalised pair, then who they are to the writer: "Kibet Chepkoech ni cousin yangu", "Mary Akoth is my
# neighbour's daughter".
_NAME_THEN_RELATION_RE = gated(
    re.compile(
        r"\b(?P<name>[A-Z][a-z]{2,}\s+[A-Z][a-z]{2,})\s*,?\s+(?:ni|is|ndiye)\s+(?:my\s+|our\s+)?(?i:beste|bestie|beshte|rafiki|"
        r"dada|kaka|mathe|buda|cousin|binamu|jirani|mwalimu|siz|shosh|boyfriend|girlfriend|bf|gf|crush|sister|brother|"
        r"friend|classmate|neighbou?r|teacher|uncle|aunt|auntie|mjomba|shangazi|mpenzi|deskmate|mtoto)\b"
    )
)
# Who they are to the writer, then a capitalised pair, no verb: "ni ya mama yangu Zainabu Hamisi", "my cousin Brian
# Otieno".
_RELATION_THEN_NAME_RE = gated(
    re.compile(
        r"\b(?i:beste|bestie|beshte|rafiki|dada|kaka|mathe|buda|cousin|binamu|jirani|mwalimu|siz|shosh|sister|brother|"
        r"friend|mama|baba|mjomba|shangazi|uncle|auntie|aunt|bibi|babu|coach|mum|mom|dad|neighbou?r|classmate)\s+"
        r"(?i:yangu|wangu|yake|wake|my)\s+(?P<name>[A-Z][a-z]{2,}\s+[A-Z][a-z]{2,})\b"
        r"|\b(?i:my)\s+(?i:cousin|sister|brother|friend|mum|mom|dad|uncle|aunt|auntie|neighbou?r|classmate|teacher|coach)\s+"
        r"(?P<name2>[A-Z][a-z]{2,}\s+[A-Z][a-z]{2,})\b"
    )
)
# A rural home named after its head: "boma ya mzee Ngumbao", "nyumbani kwa mama Akinyi", "home of mzee Kilonzo".
_HOME_OF_RE = re.compile(
    r"\b(?:boma|homestead|home|nyumbani|compound|shamba|kwetu\s+ni)\s+(?:ya|la|kwa|of|ni)\s+(?:the\s+)?"
    # a full stop only after an abbreviation: "shamba ya shosh. Hakuna ..." ends a sentence
    r"(?:mzee|mama|baba|mwalimu|chief|pastor|shosh|guka|cucu|(?:bi|bw|mr|mrs)\.?)\s+(?-i:(?:[Oo]le\s+)?[A-Z][a-z]{2,})",
    _I,
)
# Substrings without which the two patterns above and below cannot match: a substring test costs far less
# than a regex scan, and most entries have none of them.
_HOME_WORDS = ("boma", "home", "nyumbani", "compound", "shamba", "kwetu")
_SURNAME_CUES = ("jina la", "name", "ya pili")
# Public figures named in public are not personal details (docs/safety-labelling.md).
_PUBLIC_FIGURES = frozenset(
    {
        "mark zuckerberg",
        "elon musk",
        "bill gates",
        "william ruto",
        "uhuru kenyatta",
        "raila odinga",
        "rigathi gachagua",
        "kithure kindiki",
        "martha koome",
        "musalia mudavadi",
        "kalonzo musyoka",
        "mwai kibaki",
        "daniel moi",
        "wangari maathai",
        "eliud kipchoge",
        "faith kipyegon",
        "ferdinand omanyala",
        "lupita nyong'o",
        "lupita nyongo",
        "eric omondi",
        "yvonne okwara",
        "jeff koinange",
        "larry madowo",
        "lilian muli",
        "otile brown",
        "willy paul",
        "khaligraph jones",
        "diamond platnumz",
        "victor wanyama",
        "michael olunga",
        "david rudisha",
        "johnson sakaja",
        "babu owino",
        "edwin sifuna",
        "martha karua",
        "anne waiguru",
        "mike sonko",
        "boniface mwangi",
        "ezekiel mutua",
        "ruth chepngetich",
        "ruth chepng'etich",
    }
)
# A public figure is named after their role: "journalist kama Yvonne Okwara", "comedian Eric Omondi".
_PUBLIC_ROLE_RE = re.compile(
    r"\b(?:journalist|reporter|presenter|news\s+anchor|mtangazaji|comedian|mchekeshaji|singer|mwimbaji|musician|"
    r"msanii|artiste?|rapper|actor|actress|mwigizaji|president|rais|governor|gavana|senator|seneta|mbunge|mp|cs|"
    r"minister|waziri|footballer|athlete|mwanariadha|runner|influencer|celebrity|celeb|author|mwandishi|activist)"
    r"\s+(?:(?:kama|like|such\s+as|wa|ya)\s+)?$",
    _I,
)
_NAME_BEFORE_RE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,}) $")
# A family name given on its own: "naitwa Chebet, jina la ukoo ni Ruto" names Chebet Ruto.
_SURNAME_RE = re.compile(
    r"\b(?:jina\s+la\s+(?:ukoo|familia|mwisho|pili)|(?<=,\s)ya\s+pili|surname|last\s+name|family\s+name|second\s+name)\s*"
    r"(?:langu\s+|lake\s+|yangu\s+|yake\s+)?(?:ni|is|:|=)?\s*(?P<name>[^\W\d_]{3,})",
    _I,
)
# Kikuyu and Kamba names go on with "wa" and the father's name ("Njeri wa Kamau"), Maasai ones with "ole"
# ("Lemayian ole Sankale").
# "wa Form 2" is a class, not a father.
_WA_FATHER_RE = re.compile(r"\s+(?:[Ww]a|[Oo]le)\s+(?!(?:Form|Grade|Class|Std|Standard|Kidato|Darasa)\b)[A-Z][a-z]{2,}")
_OLE_NAME_RE = re.compile(r"\b[A-Z][a-z]{2,}\s+[Oo]le\s+[A-Z][a-z]{2,}")
_SOFT_CUES = frozenset(
    """i i'm i’m im am it's its this msee huyu mimi mi mie beste bestie beshte beshtee rafiki dada kaka mathe buda
    cousin binamu jirani mwalimu siz shosh boyfriend girlfriend bf gf crush sister brother friend""".split()
)
_MONEY_CONTEXT_RE = gated(
    re.compile(r"\b(?:till|paybill|pay\s+bill|m-?pesa|akaunti|account|acc|tuma|send|sendia)\b", _I)
)


@cache
def known_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, family names) from the shipped list."""
    given: set[str] = set()
    family: set[str] = set()
    current = given
    for line in NAMES_PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("# [family]"):
            current = family
        entry = line.split("#", 1)[0]
        current.update(entry.lower().split())
    return frozenset(given), frozenset(family)


def _is_titlecase(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower()


def _family_like(word: str) -> bool:
    lower = word.lower().removesuffix("'s").removesuffix("’s")
    given, family = known_names()
    return lower in family or lower in given or bool(_FAMILY_SHAPE_RE.match(lower))


def _known_capitalised(word: str) -> bool:
    # "Said" and "Omar" are names too when capitalised after a name ("Nasra Omar Said").
    given, family = known_names()
    return _is_titlecase(word) and (word.lower() in given or word.lower() in family)


def _words_after(text: str, position: int, limit: int) -> list[re.Match[str]]:
    words: list[re.Match[str]] = []
    while len(words) < limit:
        gap = re.compile(r"[ \t]*").match(text, position)
        word = _WORD_RE.match(text, gap.end() if gap else position)
        if (
            word is None
            or len(word.group(0)) < 2
            or (word.group(0).lower().strip("'’-") in NOT_NAMES and not _known_capitalised(word.group(0)))
        ):
            break
        words.append(word)
        position = word.end()
    return words


def find(text: str) -> Iterator[tuple[int, int]]:
    """Spans of people's full names in *text*."""
    # look-alike capitals of other scripts folded, one character for one: "Кevin Оtieno"
    text = text if text.isascii() else text.translate(normalise.CONFUSABLES)
    for start, end in _find(text):
        start = _earlier_names(text, start)
        if " ".join(text[start:end].lower().split()) in _PUBLIC_FIGURES or _PUBLIC_ROLE_RE.search(
            text, max(0, start - 40), start
        ):
            continue
        start, end = _whole_name(text, start, end)
        father = _WA_FATHER_RE.match(text, end)
        if father and father.group(0).split()[-1].lower() in NOT_NAMES:
            father = None  # "Zainabu Athman wa Shule ya Msingi Mtwapa": a school, not a father
        yield start, father.end() if father else end
    lower = text.lower()
    # A Maasai name with "ole" (son of) between: "Sankale ole Nkaissery".
    if " ole " in lower:
        for match in _OLE_NAME_RE.finditer(text):
            yield match.start(), match.end()
    if any(word in lower for word in _HOME_WORDS):
        for match in _HOME_OF_RE.finditer(text):
            yield match.start(), match.end()


def _earlier_names(text: str, start: int) -> int:
    """Where a name begins that has more parts before the two found: "Wanjala Peter Juma"."""
    for _ in range(2):
        before = _NAME_BEFORE_RE.search(text, max(0, start - 30), start)
        if before is None or before.group(1).lower() in NOT_NAMES or not _family_like(before.group(1)):
            break
        start = before.start(1)
    return start


# Capitalised words that open a sentence or stand beside a name without being one.
_NOT_A_NAME_PART = NOT_NAMES | frozenset(
    """
    when then after before yesterday today tonight tomorrow last next every our their your its if because please
    thanks thank dear guys hey yo weh aki manze wasee jana leo kesho sasa hii huyu hiyo hao wale kuna tuko nilikutana
    monday tuesday wednesday thursday friday saturday sunday jumatatu jumanne jumatano alhamisi ijumaa jumamosi
    jumapili january february march april june july august september october november december
    police polisi university college ward county estate road street stage market mall plot house mkuu jaji waziri
    """.split()
)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n\"“(]\s*)$")


def _name_part(word: str) -> bool:
    return _is_titlecase(word) and len(word) >= 3 and word.lower().strip("'’") not in _NOT_A_NAME_PART


def _whole_name(text: str, start: int, end: int) -> tuple[int, int]:
    """A name of two words found goes on over a third name beside it: "Carol Mueni Mutiso", "Chege Waweru Mbuthia"
    (given, middle and family names, the third often in no list). The word before counts when it is no sentence's
    first word, or is a known name."""
    if len(text[start:end].split()) != 2:
        return start, end
    after = _WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
    if after and _name_part(after.group(0)) and (after.end() == len(text) or text[after.end()] not in "'’@"):
        end = after.end()
    before = _NAME_BEFORE_RE.search(text, max(0, start - 30), start)
    if before and _name_part(before.group(1)) and start - before.start(1) == len(before.group(1)) + 1:
        opening = _SENTENCE_START_RE.search(text, max(0, before.start(1) - 3), before.start(1)) is not None
        if not opening or _known_capitalised(before.group(1)):
            start = before.start(1)
    return start, end


def _find(text: str) -> Iterator[tuple[int, int]]:
    given, _ = known_names()
    money = _MONEY_CONTEXT_RE.search(text) is not None
    lower = text.lower()
    surname = _SURNAME_RE.search(text) if any(cue in lower for cue in _SURNAME_CUES) else None
    surname_span = None
    if surname and surname.group("name").lower() not in NOT_NAMES:
        surname_span = surname.start("name"), surname.end("name")
        yield surname_span
    for match in _INTRO_LOWER_RE.finditer(lower) if text.isascii() else _INTRO_RE.finditer(text):
        words = _words_after(text, match.end(), 3)
        if match.group(0).split()[0].lower() in _SOFT_CUES and not (
            len(words) >= 2 and (words[0].group(0).lower() in given or _family_like(words[1].group(0)))
        ):
            continue  # "I am tired", "I am Team Safe": only a known given or family name
        if words and not any(word.group(0)[:1].isupper() or _family_like(word.group(0)) for word in words[:2]):
            continue  # "jina langu halina maana": lower-case words that are no known name
        if len(words) >= 2 and not (words[1].group(0)[:1].isupper() or _family_like(words[1].group(0))):
            words = words[:1]  # "naitwa Ekai nachunga mbuzi": a first name, then the sentence goes on
        # One word is a first name, not a personal detail, except as the name on a till or account or
        # beside a family name given apart.
        if len(words) >= 2 or (words and (money or surname)):
            end = words[-1].end()
            # the family name given just after ("jina langu ni Nafula, ya pili Wanyonyi"): one name from the first
            # to the last, the cue between them with it
            if surname_span and 0 <= surname_span[0] - end <= 30:
                end = surname_span[1]
            yield words[0].start(), end
    for match in _NAME_AT_SCHOOL_RE.finditer(text):
        first, second = match.group("name").split()[:2]
        if first.lower() not in NOT_NAMES and second.lower() not in NOT_NAMES:
            yield match.start("name"), match.end("name")
    for match in _RELATION_THEN_NAME_RE.finditer(text):
        group = "name" if match.group("name") else "name2"
        first, second = match.group(group).split()
        if first.lower() not in NOT_NAMES and second.lower() not in NOT_NAMES:
            yield match.start(group), match.end(group)
    for match in _TITLE_THEN_TWO_NAMES_RE.finditer(text):
        first, second = match.group("name").split()
        if first.lower() not in NOT_NAMES and second.lower() not in NOT_NAMES and _family_like(second):
            yield match.start(), match.end("name")  # the title with it: "Madam Nduku Mwikali"
    if money:
        for match in _TITLED_NAME_RE.finditer(text):
            if _family_like(match.group("family")):
                yield match.start(), match.end()
    for match in _NAME_THEN_RELATION_RE.finditer(text):
        first, second = match.group("name").split()
        if first.lower() not in NOT_NAMES and second.lower() not in NOT_NAMES:
            yield match.start("name"), match.end("name")
    words = list(_WORD_RE.finditer(text))
    for index in range(len(words) - 1):
        first = words[index].group(0)
        if not first[:1].isupper() and first.lower() not in given:
            continue  # every name below starts with a capital or a known given name: most words are neither
        second = words[index + 1].group(0)
        # Three capitalised words in a row, two of them names by the list or by their shape: "Joshua Kimutai Langat",
        # "Leon Kipkurui Rotich" (a given name in no list, then two family names).
        if (
            index + 2 < len(words)
            and first[:1].isupper()
            and second[:1].isupper()
            and (third := words[index + 2].group(0))[:1].isupper()
            and _name_part(first)
            and _name_part(second)
            and _name_part(third)
            and text[words[index].end() : words[index + 1].start()] == " "
            and text[words[index + 1].end() : words[index + 2].start()] == " "
            and _family_like(first) + _family_like(second) + _family_like(third) >= 2
        ):
            yield words[index].start(), words[index + 2].end()
        if text[words[index].end() : words[index + 1].start()] != " ":
            continue
        lower_first = first.lower()
        if lower_first in NOT_NAMES or (second.lower() in NOT_NAMES and not _known_capitalised(second)):
            continue
        if second.lower() == lower_first:
            continue
        if lower_first not in given:
            # Two capitalised known names, the first one a family name used as a given name, as Luo, Kikuyu and
            # Kalenjin names often are: "Mwaura Kariuki", "Oketch Onyango", "Kiptanui Chelimo".
            if (
                first[:1].isupper()
                and second[:1].isupper()
                and _known_capitalised(first)
                and _known_capitalised(second)
            ):
                yield words[index].start(), words[index + 1].end()
            continue
        # A known given name before a family name, or before any capitalised word ("Purity Naliaka").
        if _family_like(second) or (_is_titlecase(first) and _is_titlecase(second) and len(second) >= 3):
            end = words[index + 1].end()
            if (
                index + 2 < len(words)
                and text[end : words[index + 2].start()] == " "
                and _family_like(words[index + 2].group(0))
                and (
                    words[index + 2].group(0).lower() not in NOT_NAMES or _known_capitalised(words[index + 2].group(0))
                )
            ):
                end = words[index + 2].end()
            yield words[index].start(), end
