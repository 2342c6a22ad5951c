"""Kiswahili and Sheng verbs of harm, matched as morphology rather than as fixed phrases.

A Kiswahili verb carries subject, tense and object in one word: a-li-ni-fanyia (he did to me),
hu-wa-gusa (he habitually touches them), a-na-m-ingilia (he is entering her), wa-li-mw-ozesha
(they married her off). Sheng puts the same affixes on English verbs: a-na-ni-touch,
a-li-m-force. So a harm verb is matched as::

    subject prefix + tense (+ relative) + object infix + root + any extension/ending

with the object a person (ni me, ku you, m/mw him/her, tu us, wa them). Infinitives, conditionals
("akimgusa mtoto" = if someone touches a child) and negative subjunctives ("wasiwaguse" = they
must not touch them) are left out: they are how adults state a rule, not how a child tells
what happened. Passives ("alibakwa" she was raped, "nilipigwa" I was beaten) take any subject.
"""

from __future__ import annotations

import re

# Subject + tense (+ relative): a-li-, wa-na-, ni-me-, hu- (habitual, no tense), a-na-ye-. Not u- (you,
# it): "ujumbe huu umenigusa" is a message that moved me.
_SUBJECT_TENSE = r"(?:(?:ni|a|tu|m|mu|wa|yu)(?:na|li|me|ta|nge|ngali|sha|ka)(?:ye|o|cho)?|hu)"
# The person harmed: me, you, him/her, us, them.
_OBJECT = r"(?:ni|ku|mw|mu|m|tu|wa)"

# Roots that are harm with a person as object, whatever follows. Each is a root plus optional
# applicative/causative extension; the final vowel varies with mood.
_HARM_ROOTS = (
    # Short roots take only their own endings: "bak-a" is rape, "bak-iza" is to keep behind; "tek-a" is
    # to kidnap, "tek-eleza" to carry out; "chom-a" burns, "chom-oa" pulls out; "uz-a" sells, "uz-ia" too.
    r"(?:gus(?:a|e|wa|ia|iwa)\b|najis|guz(?:a|e|wa|ia)\b|bak(?:a|e|wa)\b|tomb(?:a|e|wa)\b|tes(?:a|e|wa)\b|"
    r"chom(?:a|e|wa|ea)\b|oz(?:a|e|wa|esha|eshwa)\b|uz(?:a|e|wa|ia)\b|tek(?:a|e|wa)\b|"
    r"ingili|nyanyas|dhulumu|dhulumi|tishi|tish|lazimish|shurutish|dhalilish|tongoz|"
    # "tumikisha" is making someone labour for you: "anamtumikisha mtoto kazi za nyumba"
    # "vamia" is to attack: "watamvamia", "walinivamia"
    r"umiz|vizi|fuatili|ozesh|tumikish|vami|nyim\w* chakula|vu\w* nguo|vu\w* chupi|"
    # "tandika" is Sheng for beating ("hunitandika kila usiku"), not a bed made; "dunga kisu" is stabbing
    r"tandik(?!\w*\s+(?:kitanda|bed|meza|table))|dung\w*\s+(?:\w+\s+){0,3}?(?:kisu|knife|panga)\b|"
    r"chap(?!i)|pig(?![a-z]*\s+(?:simu|picha|stori|kelele|pasi|deki|chenga|kura|hesabu|chafya|magoti|mswaki|"
    r"msasa|kazi|marufuku|faini))|"
    # Sheng: English verbs with Kiswahili affixes
    r"touch|harass|bully|force|stalk|rape|abuse|beat|molest|groom|exploit|blackmail|threaten|slap|kick|sextort|"
    r"grab|finger|kiss|undress|fondle|sell|leak|expose|burn|whip|punch|cane|choke|strangle|"
    r"follow(?=\w*\s+(?:kila|everyday|every|hadi|home|nyumbani|to|from|kutoka)))"
)
_ENDING = r"[a-z]*"
HARM_VERB_RE = re.compile(rf"\b{_SUBJECT_TENSE}{_OBJECT}-?{_HARM_ROOTS}{_ENDING}\b")
# An infinitive with the writer as object, after "and": "hutuamsha usiku na kutupiga ngumi" (the rule-stating
# infinitive "kumpiga mtoto" has a third-person object and stays out)
HARM_INFINITIVE_RE = re.compile(rf"\bna ku(?:ni|tu)-?{_HARM_ROOTS}{_ENDING}\b")

# "Doing things to": a-li-ni-fanyia / wa-na-m-fanyia + what was done.
DOING_TO_RE = re.compile(
    rf"\b{_SUBJECT_TENSE}{_OBJECT}(?:fanyi|dunga|tendea|tende)[a-z]*\s+(?:\w+\s+){{0,3}}(?:vibaya|mabaya|ubaya|mbaya|"
    r"aibu|machafu|chafu|unyama|ngono|mchezo|kitu|vitu|mambo|tena|hivyo|kitendo|vitendo|kibaya)"
)
# The same after "and", as an infinitive in a told story: "padri humwita ofisini na kumfanyia mambo"
DOING_TO_INFINITIVE_RE = re.compile(
    rf"\bna ku{_OBJECT}(?:fanyi|tendea|tende)[a-z]*\s+(?:\w+\s+){{0,3}}(?:vibaya|mabaya|ubaya|mbaya|aibu|machafu|chafu|"
    r"unyama|ngono|mambo)\b"
)
# Undressing someone, the object a few words on: "alimvua my brother nguo".
UNDRESSING_RE = re.compile(rf"\b{_SUBJECT_TENSE}{_OBJECT}vu(?:a|lia)\b(?:\s+\w+){{0,3}}?\s+(?:nguo|chupi|clothes)\b")
# Passives with any subject: ali-bakwa, ni-na-pigwa, wa-li-chapwa, a-li-uzwa, a-me-ozwa.
PASSIVE_RE = re.compile(
    r"\b(?:ni|u|a|tu|m|wa|hu|yu)(?:na|li|me|ta|ki|nge|sha|ka)?(?:bakwa|"
    r"pigwa(?!\s+(?:picha|simu|na butwaa|marufuku|faini|msasa|pasi|deki))|"
    r""
    r"chapwa|guswa|guzwa|tishiwa|nyanyaswa|dhulumiwa|teswa|lazimishwa|dhalilishwa|tongozwa|umizwa|chomwa|uzwa|"
    r"ozwa|ozeshwa|ingiliwa|tombwa|fungiwa|nyimwa chakula|vuliwa nguo|fanyiwa (?:vibaya|mabaya|ubaya|unyama)|"
    r"tumikishwa|najisiwa|touchiwa|forciwa|rapiwa|abusiwa|bulliwa|blackmailiwa|threatenwa|hackiwa)\b"
    # not a lost match, an account locked, or being moved by a story
    r"(?!\s+(?:nje ya (?:akaunti|account|app)|\d|mabao|magoli|goli|bao|na (?:shule|timu)|kwa (?:mechi|mpira))"
    r"|\s+(?:sana\s+)?(?:na (?:polisi|hadithi|maneno|ujumbe|wimbo|filamu|somo|wadudu|jua|mvua)|moyoni|moyo))"
)
# The object of harm is the writer in a Sheng passive too ("nimehackiwa" is an account, not a child).
_NOT_HARM_PASSIVE = re.compile(r"\b\w*hackiwa\b(?![^.!?]{0,40}\b(?:picha|pics|nudes|photos|uchi))")


# Reflexive harm: subject + tense + "ji" (oneself) + a root of hurting, in any person and tense:
# na-ji-kata, hu-ji-kwaruza, ni-li-ji-choma, ku-ji-gonga. The writer is the one harmed when the
# subject is "ni"/"na"/"hu" or the infinitive follows a first-person verb; any subject is distress
# only for the writer, so third-person forms ("anajikata") are left to the model.
SELF_HARM_RE = re.compile(
    r"\b(?:ni(?:na|li|me|ta|ki|nge|sha)?|na|hu|(?:nataka|napenda|nilitaka|nilijaribu|nataka tu|nimejaribu|"
    r"nafikiria|nawaza|natamani|ningependa|nimetry|nilitry|natry|nimewahi|niliwahi|nishawahi|nishatry|nafeel|"
    r"nafeel kama|nahisi kama|nimeamua|niliamua|nimestart|nimeanza|nilianza)\s+(?:tu\s+)?ku)ji(?:kat|chom|kwaruz|pig|"
    r"gong|umiz|dhuru|nyong|ua\b|"
    r"ue\b|maliz|"
    r"tup|rush|angamiz|chinj|dung|ng ?at|finy|cut|burn|harm|hurt|kill|end|hang|unalive)[a-z]*"
)


def self_harm_verb(phrase_text: str) -> bool:
    """True when a Kiswahili/Sheng reflexive verb of harm has the writer as subject."""
    return SELF_HARM_RE.search(phrase_text) is not None


def harm_verb(phrase_text: str) -> bool:
    """True when a Kiswahili/Sheng verb of harm done to a person is in *phrase_text*."""
    if HARM_VERB_RE.search(phrase_text) or DOING_TO_RE.search(phrase_text) or UNDRESSING_RE.search(phrase_text):
        return True
    if "na ku" in phrase_text and (
        HARM_INFINITIVE_RE.search(phrase_text) or DOING_TO_INFINITIVE_RE.search(phrase_text)
    ):
        return True
    found = PASSIVE_RE.search(phrase_text)
    return found is not None and not _NOT_HARM_PASSIVE.match(phrase_text, found.start())
