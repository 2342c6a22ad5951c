"""One test per class the screen must catch (issue 14), each in English, Kiswahili, Sheng and mixed.

Every case asserts the flag and ``held`` (and, for personal details, that no piece survives in
``redacted``). The sentences are written for these tests, not copied from the corpus.
"""

from __future__ import annotations

import re

import pytest

from facilitator.safety import concern, normalise, screen
from tests.safety.checks import assert_rule


def _assert_concern(text: str, flag: str) -> None:
    result = screen(text)
    assert flag in result.flags, f"{flag} missed: {text!r}"
    assert result.held, text
    assert result.confidence in ("high", "possible"), text


DISTRESS = {
    "hopelessness": [
        ("en", "honestly i cant see any future for me, whats the point"),
        ("sw", "sina tumaini tena, maisha yangu hayana maana"),
        ("sheng", "manze sioni future yangu, nimegive up"),
        ("mixed", "why was i even born, kila siku ni giza tu"),
    ],
    "soft death wish": [
        ("en", "i wish i could sleep forever and not wake up"),
        ("sw", "natamani nilale nisiamke kesho"),
        ("sheng", "nikidedi hakuna msee atanotice"),
        ("mixed", "nobody angejali if i disappeared for good"),
    ],
    "plans and methods": [
        ("en", "i have rat poison hidden under my bed for tonight"),
        ("sw", "nimeficha sumu ya panya, nitaitumia usiku"),
        ("sheng", "nitajirusha kwa bridge kesho asubuhi"),
        ("mixed", "nimenunua jik, tonight ndio nitakunywa"),
    ],
    "past attempts": [
        ("en", "last year i tried to hang myself in our store"),
        ("sw", "nilijaribu kujiua kwa kunywa dawa nyingi"),
        ("sheng", "niliwahi meza pills mob nikalazwa"),
        ("mixed", "i tried kujinyonga last holiday lakini kamba ilikatika"),
    ],
    "warning signs": [
        ("en", "i wrote a goodbye letter to my mum and gave my shoes away"),
        ("sw", "nimeandika barua ya kuaga na kuwapa marafiki vitu vyangu vyote"),
        ("sheng", "hii ni post yangu ya mwisho wasee, bye"),
        ("mixed", "this is my last day hapa duniani, kwaherini nyote"),
    ],
    "self-harm": [
        ("en", "i cut my arms again last night"),
        ("sw", "najikata mkono kila nikiwa na huzuni"),
        ("sheng", "najichoma na pasi ndio nifeel kitu"),
        ("mixed", "i keep hurting myself, najiumiza kila siku"),
    ],
}

DISCLOSURE = {
    "harm to a friend or sibling": [
        ("en", "my best friend's stepdad beats her and locks her in the house"),
        ("sw", "baba wa rafiki yangu humpiga na kumfungia ndani"),
        ("sheng", "buda wa beshte yangu humchapa kila siku"),
        ("mixed", "my little brother anapigwa na uncle kila weekend"),
    ],
    "sexual abuse in euphemism": [
        ("en", "my uncle does stuff to me at night when everyone sleeps"),
        ("sw", "mjomba alinifanyia mambo mabaya nikiwa nimelala"),
        ("sheng", "jamaa wa church ananitouch vibaya"),
        ("mixed", "he forced himself on my sister, sasa anaogopa kwenda home"),
    ],
    "grooming secrecy": [
        ("en", "he says what we do is our secret and i must delete our chats"),
        ("sw", "ameniambia ni siri yetu na nifute jumbe zetu"),
        ("sheng", "msee ananiambia nidelete chats zetu, ni siri yetu"),
        ("mixed", "he told me its our secret, nisimwambie mama"),
    ],
    "gifts for photos": [
        ("en", "a man keeps sending me airtime and bundles for pics"),
        ("sw", "ananitumia pesa ya mpesa ili nimtumie picha"),
        ("sheng", "buda alinibuyia simu sai anataka pics, anasema namdai"),
        ("mixed", "he paid my fees and now he says i owe him picha"),
    ],
    "an adult's relationship with a child": [
        ("en", "my friend is 14 and her boyfriend is 35, he buys her everything"),
        ("sw", "dada yangu wa miaka kumi na tano ana sponsa mzee ameoa"),
        ("sheng", "beshte yangu anadate buda wa 40"),
        ("mixed", "my sister anadate a married man, she is only 15"),
    ],
    "meeting alone": [
        ("en", "the coach wants me to come to his house alone on sunday"),
        ("sw", "mwalimu anataka tukutane peke yetu usiku"),
        ("sheng", "ananiambia tumeet solo kwa keja yake"),
        ("mixed", "he said nikuje his place alone, without telling my parents"),
    ],
    "sextortion": [
        ("en", "he says send more pics or he posts them on the school group"),
        ("sw", "anasema nisipotuma picha zaidi atazituma kwa wazazi wangu"),
        ("sheng", "lipa 2k ama nitapost picha zako, ndio ananiambia"),
        ("mixed", "someone hacked my ig na anataka nudes ndio anirudishie"),
    ],
    "stalking and threats": [
        ("en", "this guy knows where i live and waits outside my gate every evening"),
        ("sw", "anajua ninapoishi na hunisubiri nje ya shule kila siku"),
        ("sheng", "msee ananifollow kila siku from shule hadi keja"),
        ("mixed", "he keeps texting me that he knows my school, naogopa"),
    ],
}


@pytest.mark.parametrize(
    "language, text", [case for cases in DISTRESS.values() for case in cases], ids=lambda v: str(v)[:40]
)
def test_distress_classes(language, text):
    _assert_concern(text, "distress")


@pytest.mark.parametrize(
    "language, text", [case for cases in DISCLOSURE.values() for case in cases], ids=lambda v: str(v)[:40]
)
def test_disclosure_classes(language, text):
    _assert_concern(text, "disclosure")


# Classes from fresh sets 36-38 (early marriage, paying "another way", neglect, vehicles, goodbyes ...): each
# case must be caught by a rule, not only by the model, so the rule is what the test guards.
RULE_DISTRESS = {
    "stepping in front of a vehicle": [
        ("en", "tomorrow i will just step in front of a lorry on the bypass"),
        ("sw", "nafikiria kujitupa mbele ya basi la shule kesho"),
        ("sheng", "nikigongwa na boda leo sijali kabisa"),
        ("mixed", "i keep thinking nijirushe mbele ya gari on my way home"),
    ],
    "watching the water from a bridge": [
        ("en", "after school i go to the old bridge and just stare at the water for hours"),
        ("sw", "kila jioni nasimama darajani natazama maji chini"),
        ("sheng", "huwa naenda kwa daraja ya mto nacheki maji tu pekee yangu"),
        ("mixed", "every night naenda kwa bridge ya reli, i stare at the river"),
    ],
    "means bought and hidden": [
        ("en", "got some pills from the chemist, they are under my pillow now"),
        ("sw", "sumu ya panya nimeificha chini ya godoro langu"),
        ("sheng", "kamba niko nayo tayari, ni siku tu"),
        ("mixed", "the razor nimeificha, nobody knows"),
    ],
    "a lethal amount asked for oneself": [
        ("en", "how many sleeping pills would be too much, asking for myself"),
        ("sw", "vidonge vingapi ni dozi ya kuua? nauliza kwa ajili yangu"),
        ("sheng", "inachukua muda gani kuzama kwa maji, ni mimi nauliza"),
        ("mixed", "how many panadol ni overdose? asking for me"),
    ],
    "goodbyes": [
        ("en", "from tonight you guys wont hear from me, take care"),
        ("sw", "hamtaniona tena baada ya wiki hii, kwaherini"),
        ("sheng", "nafuta accounts zote leo, bye wasee"),
        ("mixed", "it was really nice knowing you guys, msinisahau"),
    ],
    "things given away": [
        ("en", "im giving away all my books and shoes before i leave, dont ask why"),
        ("sw", "nimegawa vitu vyangu vyote kwa wadogo zangu, sitavihitaji"),
        ("sheng", "nimepeana my jersey na phone kwa dogo, usiulize"),
        ("mixed", "who will take care of my cat nikiwa sipo"),
    ],
    "own death as a condition, others unmoved": [
        ("en", "if i died this week nobody at home would even notice"),
        ("sw", "hakuna mtu angejali kama ningekufa leo"),
        ("sheng", "nikidedi kesho hakuna msee atashtuka"),
        ("mixed", "kama ningepotea tu, my parents would save fees"),
    ],
    "means gathered or waiting for a day": [
        ("en", "ive been collecting sleeping pills from mums drawer"),
        ("sw", "nimekusanya vidonge vya mama kwa wiki mbili sasa"),
        ("sheng", "sumu iko kwa bag yangu, nangoja siku poa"),
        ("mixed", "the rope iko kwa store, waiting for the right day"),
    ],
    "at the water or the rails, thinking of going in": [
        ("en", "i sit by the river every evening and think about how deep it is"),
        ("sw", "nilisimama karibu na reli jana usiku nikisubiri"),
        ("sheng", "huwa nacheki lake nikifikiria kuingia tu ndani nisirudi"),
        ("mixed", "some days i feel the only way out is the dam"),
    ],
    "leaving for good, days ended": [
        ("en", "tomorrow im a ghost, sorry to everyone"),
        ("sw", "siku zangu zimekwisha, kwaherini rafiki zangu"),
        ("sheng", "nimekuachia viatu zangu zote beste, usiulize"),
        ("mixed", "kesho naenda mtoni na sitarudi, msinitafute"),
    ],
}

RULE_DISCLOSURE = {
    "early or forced marriage": [
        ("en", "my parents are marrying me off to an old man after the exams"),
        ("sw", "baba amesema nitaozwa mwezi ujao, mimi sitaki"),
        ("sheng", "wazazi wameamua niolewe na buda wa kijiji"),
        ("mixed", "my cousin aliolewa last month na ako na 14 tu"),
    ],
    "paying another way": [
        ("en", "the landlord told mum that we can pay in another way, he looks at me"),
        ("sw", "mwenye duka anasema tulipe kwa njia nyingine badala ya pesa"),
        ("sheng", "conductor anataka sex ndio atubebe free"),
        ("mixed", "he said ata-forgive the debt if i pay with my body"),
    ],
    "a secret relationship or a man's claim": [
        ("en", "the shop guy says our relationship has to be a secret from everyone"),
        ("sw", "ananiambia uhusiano wetu ni siri kubwa"),
        ("sheng", "msee ananiambia mimi ni wake, hakuna mtu mwingine"),
        ("mixed", "he keeps saying that i belong to him only, naogopa"),
    ],
    "favours to repay": [
        ("en", "the guy who bought my uniform says i must thank him properly on friday"),
        ("sw", "mzee alinilipia fees, sasa anataka nimshukuru ipasavyo"),
        ("sheng", "boss wa kibanda atanipa job nikikubali kulala kwake"),
        ("mixed", "coach ameahidi kunipa boots nikienda kwake saturday"),
    ],
    "neglect": [
        ("en", "mum leaves us alone for days without food and my sister is getting thin"),
        ("sw", "hatujakula tangu jumapili, mama aliondoka"),
        ("sheng", "buda hutuacha siku tatu bila chakula, dogo analia"),
        ("mixed", "we go to school hungry every day, baba hanipi chakula"),
    ],
    "chased out, sleeping rough": [
        ("en", "my uncle kicks me out at night when he is drunk"),
        ("sw", "mama wa kambo alinifukuza nje usiku wa jana"),
        ("sheng", "mara mingi nalala kwa stage coz buda ananifukuza usiku"),
        ("mixed", "since stepmum alinichase, i sleep at the market some nights"),
    ],
    "passed around, recorded, mocked": [
        ("en", "some older boys filmed me in the changing room and now its on whatsapp"),
        ("sw", "wamenipost kwa group wakisema mimi ni malaya"),
        ("sheng", "wasee wa form two wameleak video yangu na sasa wananicheka kila siku"),
        ("mixed", "someone shared my number everywhere and i keep getting threats"),
    ],
    "threats for refusing a gang": [
        ("en", "the gang on our street says if i refuse they will kill me"),
        ("sw", "vijana wa genge wananilazimisha kujiunga nao"),
        ("sheng", "nikikataa kubeba mzigo yao watanimaliza"),
        ("mixed", "the gang guys walinipa simu and now they say i owe them"),
    ],
    "sextortion as a condition in Kiswahili/Sheng verbs": [
        ("en", "he says he will post my photos unless i send him 3k"),
        ("sw", "anasema atatuma picha zangu kwa wazazi nisipomlipa"),
        ("sheng", "msee atashare pics zangu kama sitamtumia doh"),
        ("mixed", "my ig ilihackiwa and the guy wants more pics ndio anirudishie"),
    ],
    "a stranger knowing the school or the way home": [
        ("en", "a guy from a gaming chat knows my school and my way home"),
        ("sw", "mtu asiyejulikana anajua njia yangu ya kurudi nyumbani"),
        ("sheng", "msee wa tiktok amejua shule yangu, anasema atakam"),
        ("mixed", "some stranger online found out our house, naogopa sana"),
    ],
    "what a giver expects back": [
        ("en", "the man who pays my school fees expects something from me now"),
        ("sw", "mzee ananinunulia vocha, anasema lazima nimpende"),
        ("sheng", "jamaa wa kibanda ananipea doh akisema nimwonyeshe body"),
        ("mixed", "sponsor alinilipia rent, now he says i must go to his place"),
    ],
    "money from a man, and telling forbidden": [
        ("en", "an old man sends my friend airtime and told her not to tell anyone"),
        ("sw", "mzee ananitumia pesa kila wiki na amenikataza kuambia mama"),
        ("sheng", "jamaa alinituma nauli tukutane, akasema usiambie mtu"),
        ("mixed", "this guy online alinipea bundles then he said dont tell your parents"),
    ],
    "child labour": [
        ("en", "they send us kids to beg at the market and take all the coins"),
        ("sw", "niliambiwa nisiende shule ili nichunge mbuzi za mjomba"),
        ("sheng", "nafanya kazi kwa quarry siendi sku tangu january"),
        ("mixed", "my friend anafanya kazi kwa bar usiku, and she is only 15"),
    ],
}


def _assert_rule(text: str, flag: str) -> None:
    _assert_concern(text, flag)
    assert_rule(text, flag)


@pytest.mark.parametrize(
    "language, text", [case for cases in RULE_DISTRESS.values() for case in cases], ids=lambda v: str(v)[:40]
)
def test_distress_rule_classes(language, text):
    _assert_rule(text, "distress")


@pytest.mark.parametrize(
    "language, text", [case for cases in RULE_DISCLOSURE.values() for case in cases], ids=lambda v: str(v)[:40]
)
def test_disclosure_rule_classes(language, text):
    _assert_rule(text, "disclosure")


PERSONAL_DETAILS = [
    # (language, text, pieces that must not survive)
    ("en", "call me on O7I2 4S6 789", ["O7I2 4S6 789"]),
    ("en", "my no. 0733–218–450 or 0722/118/903", ["0733–218–450", "0722/118/903"]),
    ("en", "text 0745_611_230 after 6", ["0745_611_230"]),
    ("en", "my line is 0712 then 505 then 913", ["0712 then 505 then 913"]),
    ("en", "hit me on 0️⃣7️⃣2️⃣2️⃣5️⃣6️⃣4️⃣1️⃣1️⃣9️⃣", ["0️⃣7️⃣2️⃣2️⃣5️⃣6️⃣4️⃣1️⃣1️⃣9️⃣"]),
    ("en", "mum's whatsapp ٠٧٢٥٦٦٣٤٤١", ["٠٧٢٥٦٦٣٤٤١"]),
    ("en", "number 07Ι8 3Ο4 551", ["07Ι8 3Ο4 551"]),
    ("en", "my national id is 31 456 782", ["31 456 782"]),
    ("en", "till 5661234 for Faith Wanjiru's school trip", ["5661234", "Faith Wanjiru"]),
    ("en", "my free fire id 6612398871, add me", ["6612398871"]),
    ("en", "see my art at kevodraws . co . ke", ["kevodraws . co . ke"]),
    ("en", "we stay in Umoja 3 block 12 door 7", ["Umoja 3 block 12 door 7"]),
    ("en", "my adm no is 15522 and my NEMIS is 2231098765", ["15522", "2231098765"]),
    ("en", "Brian Ochieng of Maseno School scored an A", ["Brian Ochieng"]),
    ("sw", "nipigie 0722 tano tano sita mbili tatu saba nne", ["0722 tano tano sita mbili tatu saba nne"]),
    ("sw", "jina langu ni Amina Wekesa", ["Amina Wekesa"]),
    ("sw", "tunaishi Kawangware plot 19 nyumba 4", ["Kawangware plot 19 nyumba 4"]),
    ("sw", "kitambulisho cha mama ni 2345 1190", ["2345 1190"]),
    ("sheng", "snap ni shiko_wa_nai", ["shiko_wa_nai"]),
    ("sheng", "niko tiktok kama brayo254", ["brayo254"]),
    ("sheng", "nibeep kwa O7S5 l2l 9O8", ["O7S5 l2l 9O8"]),
    ("sheng", "dem anaitwa Joy Chebet wa form 3", ["Joy Chebet"]),
    ("mixed", "my snap ni wanjiru_k254, niadd", ["wanjiru_k254"]),
    ("mixed", "namba yangu is 0 7 1 1 2 2 3 3 4 4", ["0 7 1 1 2 2 3 3 4 4"]),
    ("mixed", "tuma doh kwa till 8823311 jina Kevin Otieno", ["8823311", "Kevin Otieno"]),
    ("mixed", "gamertag yangu ni ShadowKing254", ["ShadowKing254"]),
]


@pytest.mark.parametrize("language, text, pieces", PERSONAL_DETAILS, ids=lambda v: str(v)[:40])
def test_personal_detail_classes_are_redacted(language, text, pieces):
    result = screen(text)
    assert "personal_details" in result.flags, text
    assert not result.held, text
    shown = result.redacted.casefold()
    compact = re.sub(r"\W+", "", shown)
    for piece in pieces:
        assert piece.casefold() not in shown, (piece, result.redacted)
        for token in re.findall(r"[^\W_]{4,}", piece.casefold()):
            assert token not in shown, (token, result.redacted)
        digits = "".join(ch for ch in piece if ch.isdigit() and ch.isascii())
        if len(digits) >= 4:
            assert digits not in compact, (digits, result.redacted)


HARD_CLEAN = [
    ("en", "apps must act faster on self-harm videos and grooming"),
    ("en", "this new game is killing it, i could die for it 😂"),
    ("en", "in 2024, 35% of Form 3 students had phones; call 116 for help"),
    ("en", "section 11 of the Computer Misuse and Cybercrimes Act covers sextortion"),
    ("sw", "nilikufa na kicheko jana usiku"),
    ("sw", "watoto wanapaswa kufundishwa kuhusu unyanyasaji mtandaoni"),
    ("sheng", "hii ngoma inaua sana wasee"),
    ("sheng", "bundles za 1GB ni 99 bob saa hii"),
    ("mixed", "Safaricom na Childline Kenya wanasaidia watoto online"),
    ("mixed", "we meet saa nane at the hall, Form 2 wote"),
]


@pytest.mark.parametrize("language, text", HARD_CLEAN, ids=lambda v: str(v)[:40])
def test_hard_clean_lines_stay_clean(language, text):
    result = screen(text)
    assert result.flags == frozenset(), (text, result)
    assert result.confidence is None and not result.held


def test_confidence_is_high_for_a_rule_hit_and_none_when_clean():
    for text in ("nataka kujiua leo", "I want to die", "my uncle touches me at night"):
        result = screen(text)
        assert result.confidence == "high" and result.held, text
    for text in ("this game is killing me 😂", "call me on 0712 345 678", "this wifi is shit"):
        result = screen(text)
        assert result.confidence is None and not result.held, text


def test_possible_concern_is_held_like_high(monkeypatch):
    # Only the model's middle band gives "possible"; pin the model's scores to check what follows.
    from facilitator.safety import concern, model

    class Middling:
        def scores(self, phrase_text: str) -> dict[str, float]:
            return {"distress": (concern.POSSIBLE_AT + concern.HIGH_AT) / 2, "disclosure": 0.0}

    monkeypatch.setattr(model, "load", lambda: Middling())
    result = screen("the sky is grey and so am i")
    assert result.flags == {"distress"}
    assert result.confidence == "possible"
    assert result.held


# Classes added after fresh sets 18-21: each case is a new sentence, not a corpus line.
MORE_PERSONAL_DETAILS = [
    ("sw", "namba ni 0733 mia tano na sitini na moja 204", ["0733 mia tano na sitini na moja 204"]),
    ("en", "ring me on 0721 lll 456", ["0721 lll 456"]),
    ("sheng", "niko fb kama Wambui Nduta wa Gitau", ["Wambui Nduta wa Gitau"]),
    ("sw", "tunakaa boma ya mzee Lekishon karibu na shule", ["boma ya mzee Lekishon"]),
    ("sw", "naitwa Atieno, jina la ukoo ni Oduya", ["Atieno", "Oduya"]),
    ("sheng", "insta yangu inaitwa shiro.beats", ["shiro.beats"]),
    ("sheng", "minecraft name yangu ni blocky_254", ["blocky_254"]),
    ("en", "admn no 4471 at Maseno School", ["4471"]),
    ("mixed", "admission number yangu kwa St Marys ni 9932", ["9932"]),
]


@pytest.mark.parametrize("language, text, pieces", MORE_PERSONAL_DETAILS, ids=lambda v: str(v)[:40])
def test_more_personal_detail_classes_are_redacted(language, text, pieces):
    result = screen(text)
    assert "personal_details" in result.flags, text
    for piece in pieces:
        for token in re.findall(r"[^\W_]{4,}", piece):
            assert token.casefold() not in result.redacted.casefold(), (text, result.redacted)


MORE_CONCERN = [
    ("distress", "sw", "jana nilimeza vidonge vya shosh vingi sana"),
    ("distress", "sheng", "niko na kamba kwa begi tangu wiki iliyopita"),
    ("distress", "en", "i cut myself again after school"),
    ("distress", "sw", "nahisi mwisho wangu ni karibu"),
    ("disclosure", "sheng", "bf wangu ako 31 na mimi niko form 1"),
    ("disclosure", "en", "a boy in my class keeps posting my pics in a group"),
    ("disclosure", "sw", "alinipa juice nikalala, nikaamka bila nguo"),
    ("disclosure", "sw", "rafiki yangu wa miaka 14 alichukuliwa na mzee kama bibi wa pili"),
]


@pytest.mark.parametrize("flag, language, text", MORE_CONCERN, ids=lambda v: str(v)[:40])
def test_more_concern_classes(flag, language, text):
    _assert_concern(text, flag)


MORE_PROFANITY = [
    ("sheng", "mafaka nyinyi"),
    ("sheng", "kumanyokoo wewe"),
    ("sheng", "huyu ni fyatu"),
    ("sheng", "mbuzi wewe, toka hapa"),
    ("sheng", "nyang'au huyo"),
    ("en", "what the fuq"),
    ("en", "shiiit man"),
]


@pytest.mark.parametrize("language, text", MORE_PROFANITY, ids=lambda v: str(v)[:40])
def test_more_profanity_classes(language, text):
    assert "profanity" in screen(text).flags, text


MORE_HARD_CLEAN = [
    ("sw", "tulipata 85% kwenye mtihani wa mock"),
    ("en", "goodbye everyone, see you at the next session"),
    ("sw", "mwalimu alinishika mkono akanisaidia kuchora"),
    ("en", "Mark Zuckerberg should answer to kenyan kids"),
    ("en", "my jeans are looser now"),
    ("sw", "tulikuwa watu mia tatu kwa mkutano"),
]


@pytest.mark.parametrize("language, text", MORE_HARD_CLEAN, ids=lambda v: str(v)[:40])
def test_more_hard_clean_lines_stay_clean(language, text):
    result = screen(text)
    assert result.flags == frozenset(), (text, result)


# Classes added after fresh sets 25-28 (second round): new sentences, not corpus lines.
ROUND_TWO_PERSONAL_DETAILS = [
    ("sw", "nitext kwa sifuri saba 22 mia nne 56 sabini na nane 9", ["sifuri saba 22 mia nne 56 sabini na nane 9"]),
    ("sheng", "chaneli yangu ya youtube? my youtube channel is Shiro Cooks Kenya", ["Shiro Cooks Kenya"]),
    ("sw", "tiktok page yangu inaitwa dada wa mtaa, nifollow", ["dada wa mtaa"]),
    ("sw", "Wekesa Barasa ni jirani yangu wa karibu", ["Wekesa Barasa"]),
    ("sw", "jina langu ni Amina Omar Said, nasoma Malindi", ["Amina Omar Said"]),
    ("en", "find my art at wanjiru dot me slash gallery", ["wanjiru dot me slash gallery"]),
    ("sheng", "ig ni @shіkо_254", ["@shіkо_254"]),
]


@pytest.mark.parametrize("language, text, pieces", ROUND_TWO_PERSONAL_DETAILS, ids=lambda v: str(v)[:40])
def test_round_two_personal_detail_classes_are_redacted(language, text, pieces):
    result = screen(text)
    assert "personal_details" in result.flags, text
    for piece in pieces:
        for token in re.findall(r"[^\W_]{4,}", piece):
            if token.casefold() in ("slash", "youtube"):
                continue
            assert token.casefold() not in result.redacted.casefold(), (text, result.redacted)


ROUND_TWO_CONCERN = [
    ("distress", "en", "swallowed 15 tablets on sunday and slept the whole day"),
    ("distress", "sw", "nitajirusha ziwani wiki ijayo"),
    ("distress", "sw", "barua zangu za mwisho ziko kwa droo"),
    ("distress", "mixed", "nimewapa wasee viatu zangu, sitavihitaji huko naenda"),
    ("distress", "en", "y am i still here honestly"),
    ("distress", "sw", "nilijaribu kujizamisha mtoni mwaka jana"),
    ("disclosure", "sw", "mpenzi wa rafiki yangu ana miaka 29"),
    ("disclosure", "sw", "mlinzi wa shule alimshika dada yangu makalio"),
    ("disclosure", "sw", "anangoja karibu na stage kila siku, anajua ninapoishi"),
    ("disclosure", "sw", "alisema nikimwambia mwalimu atawaua wazazi wangu"),
    ("disclosure", "en", "my deskmate comes with burn marks on her arms"),
    ("disclosure", "sw", "kocha hunibusu kwa mdomo baada ya mazoezi"),
    ("disclosure", "sheng", "nikiblock number yake anafungua account mpya anatuma vitisho"),
    ("disclosure", "sw", "mjomba huniita mke wake mbele ya watu"),
    ("disclosure", "en", "our driver told my sister to come to his house alone on sunday"),
]


@pytest.mark.parametrize("flag, language, text", ROUND_TWO_CONCERN, ids=lambda v: str(v)[:40])
def test_round_two_concern_classes(flag, language, text):
    _assert_concern(text, flag)


ROUND_TWO_HARD_CLEAN = [
    ("sw", "mwalimu mkuu alitupiga marufuku kuleta simu"),
    # Not here: "the coach told me i owe him 50 bob for the jersey": since POSSIBLE_AT 0.5 (concern.py: 2.7 points
    # more distress+disclosure caught on unseen sets) the model's 0.59 makes it `possible`, never `high`; see
    # test_concern_round_five.test_debts_and_goodbyes_in_ordinary_life_are_at_most_possible.
    # Not here: "he bought me a phone and now im his favourite". An unnamed man's gift that makes a child "his
    # favourite" is how grooming is told as steps; a `possible` flag (the moderator looks) is the right answer.
    ("sw", "dada yangu ana miaka 25 na mpenzi wake ana miaka 27"),
    ("en", "mum kisses me goodnight every day"),
    ("en", "we jumped in the river to swim after school"),
    ("sw", "teacher wetu anaitwa sir Omondi, ni mzuri"),
    ("en", "our group is Group 3 and we talked about data costs"),
]


@pytest.mark.parametrize("language, text", ROUND_TWO_HARD_CLEAN, ids=lambda v: str(v)[:40])
def test_round_two_hard_clean_lines_stay_clean(language, text):
    result = screen(text)
    assert result.flags == frozenset(), (text, result)


@pytest.mark.parametrize(
    "text", ["im so tired of everything lately", "sijui kama nitaweza tena", "everything is too much rn"]
)
def test_a_line_that_is_only_worn_out_is_possible_not_high(text, monkeypatch):
    # The model's score is pinned high: the level must come from the wording, not from this model's weights.
    from facilitator.safety import model

    class Sure:
        def scores(self, phrase_text: str) -> dict[str, float]:
            return {"distress": 0.99, "disclosure": 0.0}

    monkeypatch.setattr(model, "load", lambda: Sure())
    result = screen(text)
    assert result.flags == {"distress"} and result.held
    assert result.confidence == "possible"
    assert screen(text + ", i want to disappear forever").confidence == "high"


@pytest.mark.parametrize(
    "text, piece",
    [
        ("call 0 seven 2 two then 415 then 3 oh 9", "415"),
        ("email: brenda underscore k at gmail dot com", "brenda"),
    ],
)
def test_spelled_oh_and_underscore_belong_to_the_detail(text, piece):
    result = screen(text)
    assert "personal_details" in result.flags and piece not in result.redacted, result


# A long entry: topic talk in one sentence, the writer's own concern in another. Whole-entry scoring diluted the
# concern and the first sentence's topic words ("should", "serikali") silenced the rule that found it.
LONG_ENTRIES_WITH_A_BURIED_CONCERN = [
    (
        "distress",
        "sw",
        "tunafaa kufundisha wazazi kuhusu simu na internet, serikali isaidie pia. lakini kusema ukweli mimi nimechoka"
        " kuishi na sitaki kuamka kesho. anyway wifi ya shule iwe fast",
    ),
    (
        "disclosure",
        "en",
        "we should teach parents about online safety and the government must help. the man next door waits for me"
        " outside our gate every evening and says he knows which room i sleep in.",
    ),
    (
        "distress",
        "en",
        "the internet we want is one where kids can learn coding and play games safely. honestly some nights i just"
        " want to sleep and never wake up. also data bundles should be cheaper",
    ),
]


@pytest.mark.parametrize(("flag", "language", "text"), LONG_ENTRIES_WITH_A_BURIED_CONCERN)
def test_a_concern_buried_in_a_long_entry_is_caught(flag, language, text):
    result = screen(text)
    assert flag in result.flags, (language, text, result)
    assert result.held


ROUND_THREE_PERSONAL_DETAILS = [
    ("en", "ring my aunt on zero seven one two, eighty four, 3 sixty, 5", ["eighty", "sixty"]),
    ("sw", "piga sifuri saba nane moja - mia sita thelathini - tano tano", ["thelathini"]),
    ("mixed", "Ѕаmuel Κiprono ndio mimi, grade 9", ["Κiprono"]),
    ("sw", "Barasa Kevin Wekesa ni jirani yetu", ["Barasa", "Wekesa"]),
    ("en", "ask for Mercy Atieno in my class, she has the videos", ["Mercy Atieno"]),
    ("sheng", "steam id yangu: Kanairo_Ghost77", ["Kanairo_Ghost77"]),
    ("sheng", "gamertag zetu: MaraWolf254 na SimbaNyeusi", ["MaraWolf254", "SimbaNyeusi"]),
    ("mixed", "IGN ni 【SIMBA】Mkali, tucheze", ["SIMBA", "Mkali"]),
    ("en", "dm me: wanjiru.c.art on insta", ["wanjiru.c.art"]),
    ("sw", "anwani ni j.otieno kwa kisumupoly nukta ac nukta ke", ["otieno", "kisumupoly"]),
    ("sheng", "tunakaa Mathare 4A, stage ya Mlango Kubwa, keja ya red gate 9", ["Mathare", "Mlango", "Kubwa"]),
    ("sw", "tunaishi kijiji cha Kipsigak, nyumba ya tatu karibu na kanisa", ["Kipsigak", "kanisa"]),
    ("sw", "cheti changu cha kuzaliwa ni 61 204 38 7", ["61 204 38 7"]),
]


@pytest.mark.parametrize("language, text, pieces", ROUND_THREE_PERSONAL_DETAILS, ids=lambda v: str(v)[:40])
def test_round_three_personal_detail_classes_are_redacted(language, text, pieces):
    result = screen(text)
    assert "personal_details" in result.flags, text
    for piece in pieces:
        assert piece.casefold() not in result.redacted.casefold(), (text, result.redacted)


ROUND_THREE_HARD_CLEAN = [
    ("en", "we counted twenty one, twenty two, twenty three laps"),
    ("sw", "mwalimu wetu Bi Achieng ni mkarimu sana"),
    ("en", "our principal Mr Kiprop read the rules today"),
    ("sw", "nataka kuwa mwimbaji kama Otile Brown"),
    ("sw", "jina langu halijalishi, watoto walindwe"),
    ("en", "for help call Befrienders Kenya on 0722 178 177"),
    ("en", "the workshop is in room 3B tomorrow, bring pens"),
    ("sw", "shule yetu iko nyuma ya kanisa la Katoliki"),
    ("sheng", "nilicheza fifa nikapigwa mara tatu 😂"),
]


@pytest.mark.parametrize("language, text", ROUND_THREE_HARD_CLEAN, ids=lambda v: str(v)[:40])
def test_round_three_hard_clean_lines_stay_clean(language, text):
    result = screen(text)
    assert "personal_details" not in result.flags, (text, result.redacted)


# Look-alikes of the rule classes of fresh sets 36-38 (idioms, adults' and children's statements, ordinary life):
# no rule may fire on them.
RULE_CLASSES_HARD_CLEAN = [
    ("sheng", "hii chips ni noma, ningekufa kwa hizi"),
    ("en", "my phone is dying, if i disappear from the group chat thats why"),
    ("sw", "nimepeana nguo zangu za zamani, sitazihitaji tena coz zimenibana"),
    ("en", "we took photos from the bridge and watched the water, so beautiful"),
    ("mixed", "can i pay in another way, like m-pesa instead of cash?"),
    ("en", "he knows where i live coz we are neighbours"),
    ("sw", "mbwa wa jirani alinifukuza hadi nyumbani"),
    ("en", "i have a rope for the tug of war in my bag"),
    ("sw", "msichana hapaswi kulipa rent kwa mwili, ni makosa"),
    ("en", "i stood at the edge of the pool, too scared to jump in"),
    ("en", "dont walk in front of a matatu, use the footbridge"),
    ("sw", "dada yangu ana miaka 28 na ataolewa desemba, tunafurahi"),
    ("mixed", "sponsor wa event ni Safaricom, wametupea bundles"),
]


@pytest.mark.parametrize("language, text", RULE_CLASSES_HARD_CLEAN, ids=lambda v: str(v)[:40])
def test_rule_class_look_alikes_fire_no_rule(language, text):
    phrase_text = normalise.for_phrases(normalise.clean(text))
    assert not any(concern.rule_hits(phrase_text).values()), text
