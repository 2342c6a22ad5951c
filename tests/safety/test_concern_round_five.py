"""Distress and disclosure classes from the misses of fresh sets 39-42, each in English, Kiswahili, Sheng and mixed.

Every case asserts the flag, ``held`` and that a rule (not only the model) names it; each class has look-alike
clean lines on which no flag may be raised. The sentences are written for these tests, not copied from any set.
Many carry a name, a handle or a number between the words a rule needs, as the fresh sets' disclosures did.
"""

from __future__ import annotations

import pytest

from facilitator.safety import concern, normalise, screen
from tests.safety.checks import assert_rule

DISTRESS = {
    "what this life is for": [
        ("en", "what is my life even for, honestly"),
        ("sw", "naishi ya nini kama kila siku ni mateso"),
        ("sheng", "hii life yangu ni ya nini manze"),
        ("mixed", "sometimes nawaza maisha yangu ni ya nini"),
    ],
    "how fast the means kills": [
        ("en", "if i swallow all the pills in the box will it kill me fast"),
        ("sw", "nikimeza vidonge vyote vya bibi nitakufa?"),
        ("sheng", "nikikunywa sumu ya panya itaniua ama?"),
        ("mixed", "how many panadol to die, nauliza tu"),
    ],
    "scars said to be self-made": [
        ("en", "the scars on my arm werent an accident, i did them myself"),
        ("sw", "alama kwenye paja langu si ya ajali"),
        ("sheng", "hizi makovu si ajali bana, ni mimi mwenyewe"),
        ("mixed", "my scars sio ya ajali, nilijifanyia"),
    ],
    "a message for the family and no return": [
        ("en", "please tell my mum im sorry. goodbye"),
        ("sw", "waambieni wazazi nawapenda. sitarudi tena"),
        ("sheng", "mwambie mathe nampenda, sitarudi"),
        ("mixed", "tell my sister i love her, kwaheri"),
    ],
    "offline from today, no reason": [
        ("en", "i wont be online anymore after today, take care all"),
        ("sw", "sitakuwa hapa tena baada ya leo"),
        ("sheng", "sitakuwa online tena after leo wasee"),
        ("mixed", "guys i wont be around after tonight, mnitoe kwa group"),
    ],
    "hurting oneself till blood": [
        ("en", "i scratched my thighs with a compass until they bled"),
        ("sw", "nilijikwaruza mkono hadi damu ikatoka"),
        ("sheng", "results zilikuja mbaya nikajikwaruza paja mpaka damu"),
        ("mixed", "after the fight nilijichoma mkono till blood came"),
    ],
}

DISCLOSURE = {
    "a child's number put up for men to call": [
        ("en", "someone posted my number in a group saying im available and now men call me at night"),
        ("sw", "mtu ameweka namba yangu 0711 000 111 kwa group, sasa wanaume wananipigia usiku"),
        ("sheng", "msee amedrop number ya siz yangu kwa status, sasa anapigiwa na wageni"),
        ("mixed", "my ex posted her number kwa group and now strangers wanampigia"),
    ],
    "the child's home put up online": [
        ("en", "someone posted our home address in the class group chat"),
        ("sw", "mtu aliweka location ya nyumba yetu kwa group ya estate"),
        ("sheng", "msee ameshare location ya keja yetu kwa tiktok live"),
        ("mixed", "some guy posted my location kwa comments za video yangu"),
    ],
    "a stranger came calling the child by name": [
        ("en", "a man came to our school gate calling me by my name"),
        ("sw", "mtu alikuja hadi nyumbani akiniita kwa jina"),
        ("sheng", "jamaa akaja mpaka gate ya shule akiniita kwa jina"),
        ("mixed", "some stranger came to my house calling my name, sijui alijuaje"),
    ],
    "pictures of a child undressed going round": [
        ("en", "my friends nudes were shared in the school group and she stopped coming"),
        ("sw", "picha za uchi za dada yangu zimezunguka kwa groups zote"),
        ("sheng", "msee anaitwa @jamo_254 ameweka video ya manzi wa form 1 akibadilisha nguo"),
        ("mixed", "jamaa amepost picha za my classmate bila ruhusa na sasa anaogopa"),
    ],
    "someone made out to be the child": [
        ("en", "someone opened an account pretending to be me and is asking boys for money"),
        ("sw", "kuna akaunti inayojifanya mimi inatuma jumbe kwa marafiki zangu"),
        ("sheng", "msee alitumia picha zangu kufungua fake account ya insta"),
        ("mixed", "there's a page posting vitu za aibu akisema ni mimi"),
    ],
    "screenshots of the child's chats put up": [
        ("en", "someone screenshotted my chats and posted them in the class group"),
        ("sw", "mtu alipost screenshot ya chat yangu kwa group ya darasa"),
        ("sheng", "msee amescreenshot dms zangu na kuzishare kila mahali"),
        ("mixed", "someone alipost screenshots za chats zangu, naona aibu"),
    ],
    "rumours or a slur posted about a child": [
        ("en", "a page is posting rumours about me and the girls in my class"),
        ("sw", "mtu aliandika kwa group eti dada yangu ni malaya"),
        ("sheng", "msee amepost ati beshte yangu ni slut"),
        ("mixed", "someone wrote on the confession page kwamba Wanjiru Kamau ni kahaba"),
    ],
    "men's dirty comments on a child's posts": [
        ("en", "grown men leave dirty comments on my little sisters videos"),
        ("sw", "wanaume wanaandika maoni machafu kwa picha za mdogo wangu"),
        ("sheng", "mabuda wanacomment vitu chafu kwa tiktok yangu"),
        ("mixed", "old men wanacomment dirty things on her posts"),
    ],
    "paid so pictures are not leaked": [
        ("en", "my brother paid someone not to leak his pics"),
        ("sw", "nililipa elfu mbili ili asiweke picha zangu"),
        ("sheng", "nimemlipa 2k ndio asipost video yangu"),
        ("mixed", "i paid him 500 ili asileak my pics"),
    ],
    "the writer's own experience named": [
        ("en", "i went through sextortion last year, it was scary"),
        ("sw", "nilipitia unyanyasaji mtandaoni mwaka jana"),
        ("sheng", "nilikuwa na shida ya blackmail kwa insta"),
        ("mixed", "nimeexperience cyberbullying kwa tiktok hadi nikaacha"),
    ],
    "porn or threats sent to a child": [
        ("en", "my teacher sent me porn videos at night"),
        ("sw", "rafiki yangu alitumiwa picha za ngono na mwalimu"),
        ("sheng", "msee Kevin Otieno ananitumia vitisho kwa DM"),
        ("mixed", "some guy keeps sending her dick pics kwa insta"),
    ],
    "asked for pictures, Kiswahili -itisha": [
        ("en", "a man on snap keeps demanding pics from me, he ananiitisha photos daily"),
        ("sw", "mzee wa jirani ananiitisha picha"),
        ("sheng", "msee wa insta ameniitisha pics"),
        ("mixed", "this guy ananiitisha photos kila siku"),
    ],
    "men asking girls for photos": [
        ("en", "in that telegram group men ask for girls photos"),
        ("sw", "wanaume wanaomba wasichana picha kwa group hiyo"),
        ("sheng", "mabuda wanaitisha madem pics kwa telegram"),
        ("mixed", "old men wanaomba girls photos kwa hiyo page"),
    ],
    "a pet name and questions about school or home": [
        ("en", "some guy calls me babe and keeps asking which school i go to"),
        ("sw", "ananiita mrembo kisha ananiuliza shule gani"),
        ("sheng", "msee wa roblox ananiita sweetie, ameniuliza niko form gani"),
        ("mixed", "he calls me baby girl na ananiuliza naishi wapi"),
    ],
    "a reward if the child comes to his place": [
        ("en", "my coach said he will buy me boots if i come to his house"),
        ("sw", "mwalimu alisema atanipa alama kama nitaenda kwake"),
        ("sheng", "msee anasema atanipea 500 kama nitakuja kwake"),
        ("mixed", "he said id get good grades if i go to his place"),
    ],
    "gifts the parents do not know of": [
        ("en", "a man keeps buying her phones and her parents dont know"),
        ("sw", "mzee anampa pesa kila wiki na wazazi wake hawajui"),
        ("sheng", "jamaa ananibuyia bundles, mathe hajui"),
        ("mixed", "he gave me a new phone, my parents dont know"),
    ],
    "children treated or called to his place": [
        ("en", "the old man next door buys kids sweets so they come to his house"),
        ("sw", "mzee huwaita watoto wa jirani kwa nyumba yake"),
        ("sheng", "jamaa anawapea madogo doh ndio waje kwake"),
        ("mixed", "he invites girls from our school to his place kila weekend"),
    ],
    "work abroad offered to a child": [
        ("en", "someone on insta is recruiting girls of 15 for hotel jobs in dubai"),
        ("sw", "dada yangu ana miaka 16 na ameahidiwa kazi Saudi"),
        ("sheng", "msee anatafuta madem wa form 3 kwa kazi ya Oman"),
        ("mixed", "cousin wangu got a job offer abroad na ako 15 tu"),
    ],
    "gone missing after meeting someone online": [
        ("en", "my friend went missing after meeting a guy from tiktok"),
        ("sw", "dada yangu alitoweka baada ya kukutana na mtu wa facebook"),
        ("sheng", "manzi wa estate alipotea after meeting msee wa snap"),
        ("mixed", "binamu yangu disappeared baada ya kukutana na jamaa wa insta"),
    ],
    "girls of a child's age married": [
        ("en", "in our village girls of 14 get married to boda men"),
        ("sw", "wasichana wa miaka 13 wanaolewa huku kwetu"),
        ("sheng", "madem wa 15 wanaozwa kwa wazee huku shagz"),
        ("mixed", "in our area girls of 14 wanaolewa na wazee"),
    ],
    "bride price taken for a child": [
        ("en", "my parents have taken dowry for me and im 15"),
        ("sw", "wazazi wamepokea mahari yangu"),
        ("sheng", "buda amekula mahari ya dada yangu"),
        ("mixed", "they already received bride price for my sister, ako form 2"),
    ],
    "a man lying about his age": [
        ("en", "he said he was 17 but actually hes 30"),
        ("sw", "aliniambia ni 16, kumbe ana 35"),
        ("sheng", "alikuwa ananiambia ako 18 kumbe ako 29"),
        ("mixed", "he told me hes 17 kumbe ni 31"),
    ],
    "a child on an adult site": [
        ("en", "a girl in my class opened onlyfans and she is 15"),
        ("sw", "dada yangu amefungua onlyfans na ana miaka 16"),
        ("sheng", "manzi wa class ako na onlyfans na ako 16"),
        ("mixed", "my cousin has an onlyfans akiwa 17"),
    ],
    "liking to touch children": [
        ("en", "the watchman likes to touch girls when they pass"),
        ("sw", "mwalimu anapenda kugusa wasichana darasani"),
        ("sheng", "buda wa duka huwa kushika madem wakinunua mkate"),
        ("mixed", "that coach loves to touch kids wakicheza"),
    ],
    "pushed around": [
        ("en", "they push me around every day at the bus stop"),
        ("sw", "wavulana wa form 4 wananisukuma na kunipiga kila siku"),
        ("sheng", "wale boys hupush me around kwa corridor"),
        ("mixed", "hao wasee wanapush my brother around after school"),
    ],
    "a stranger saying what the child wore": [
        ("en", "an unknown number texts me saying what i wore today"),
        ("sw", "mtu ananipigia akisema nilivaa nini leo"),
        ("sheng", "msee ananitext akiniambia nimevaa nini leo"),
        ("mixed", "a private number keeps calling me saying where i went jana"),
    ],
    "working and not at school": [
        ("en", "i work on a farm from 5am and im not sent to school"),
        ("sw", "anafanya kazi ya nyumba kwa jirani na haendi shule"),
        ("sheng", "nafanya kazi mjengo kila siku, siendi sku"),
        ("mixed", "i work kwa shamba ya jirani from morning na siendi shule"),
    ],
    "chats to be deleted, any subject": [
        ("en", "he made us delete our chats with him"),
        ("sw", "mwalimu alituambia tufute jumbe zetu"),
        ("sheng", "coach ametuambia tudelete chats zetu"),
        ("mixed", "he told me nidelete our chats"),
    ],
}


@pytest.mark.parametrize(
    "language, text", [case for cases in DISTRESS.values() for case in cases], ids=lambda v: str(v)[:40]
)
def test_distress_classes_round_five(language, text):
    assert_rule(text, "distress")


@pytest.mark.parametrize(
    "language, text", [case for cases in DISCLOSURE.values() for case in cases], ids=lambda v: str(v)[:40]
)
def test_disclosure_classes_round_five(language, text):
    assert_rule(text, "disclosure")


# What only looked like topic words: the writer's own "i should just", an age when it happened, a school exercise
# book, the same boys who hurt the writer, a game named as where the adults are.
TOLD_NOT_TOPIC = [
    ("distress", "en", "dad burns my arm when im late and i keep thinking i should just end it"),
    ("disclosure", "en", "i was 12 when someone first asked me for nudes on snap"),
    ("distress", "en", "i wrote my will in my exercise book, my phone goes to my sister"),
    ("disclosure", "mixed", "the same boys who post about me wait for me at the shop and push me around"),
    ("disclosure", "sheng", "kwa free fire kuna msee anaomba madem watume selfie"),
]


@pytest.mark.parametrize("flag, language, text", TOLD_NOT_TOPIC, ids=lambda v: str(v)[:40])
def test_told_situation_is_not_topic_context(flag, language, text):
    assert_rule(text, flag)


HARD_CLEAN = [
    # what this life is for / what a thing is for
    ("sw", "elimu ya maisha ni ya nini kama haitusaidii kazi?"),
    ("en", "what is this charger even for, it doesnt fit"),
    # the means asked about for a pet, a plant or a cleaning job
    ("en", "if i drink cold water after running will it make me sick"),
    ("mixed", "jik ngapi naweka kwa ndoo ya maji ya kuosha choo?"),
    # scars from sport and accidents
    ("en", "these scars are from football, i fell on the gravel"),
    ("sw", "makovu haya ni ya ajali ya baiskeli mwaka jana"),
    # a message for mum with a return
    ("en", "tell my sister im sorry i took her charger, ill bring it back"),
    ("sheng", "mwambie mathe nampenda, nitarudi saa mbili"),
    # offline for a reason
    ("sheng", "sitakuwa online tena after leo, exams zinaanza"),
    # cuts from cooking and falls
    ("sw", "nilikata kitunguu nikajikata kidole mpaka damu ikatoka"),
    # numbers and locations shared on purpose, or in general
    ("sw", "mtu aliweka namba ya simu ya shule kwa group, pigeni usiku kama mna swali"),
    ("mixed", "usipost location yako online, ni hatari"),
    ("sw", "mtu alikuja hadi shule kutuletea vitabu vya maktaba"),
    # sharing rules for everyone
    ("sheng", "wasee tuache ku-share picha za watu bila ruhusa, si poa"),
    ("en", "never share nudes, not even of yourself"),
    ("sw", "shule ina rule: ukipost picha ya mwanafunzi bila ruhusa unapata suspension"),
    # accounts, screenshots, comments in ordinary use
    ("en", "i used my photos to make a birthday collage for mum"),
    ("mixed", "hii fake account inatumia picha za celebs kuomba pesa, msitume"),
    ("mixed", "nilipost screenshot ya score yangu ya fifa, 5-0 😎"),
    ("en", "people left nice comments on my drawing"),
    # a question about a child sent pictures is the topic, not a disclosure
    ("sw", "mtoto akitumiwa picha chafu afanye nini?"),
    ("sw", "kama msichana ametumiwa picha chafu, aripoti wapi?"),
    ("sw", "mwalimu ameniitisha picha ya passport kwa form ya KCSE"),
    # a relative's pet name, a teacher's marks, a surprise gift
    ("en", "my aunt calls me sweetie and asks how school is going"),
    ("sw", "mwalimu alisema atanipa marks kama nitamaliza homework"),
    ("sheng", "auntie alinipa fare ya birthday party, mathe anajua"),
    ("sw", "tunawaalika watoto wote kwa party ya church jumamosi"),
    # adults working abroad, married adults
    ("en", "my sister is 24 and got a job in Dubai as a nurse"),
    ("sw", "wasichana wa miaka 25 wanaolewa kwa sherehe kubwa"),
    ("sw", "mahari ni tamaduni ya zamani, tunajadili kama bado ni sawa"),
    ("en", "he said he was 17 when he joined the army, now hes 40"),
    # clothes commented on by family, school on the weekend
    ("en", "my mum texts me saying what i wore was too short lol"),
    ("en", "my dad works in town and my little bro doesnt go to school yet, hes 3"),
    ("en", "my phone disappeared after meeting friends at the mall"),
    ("sw", "mtoto anapenda kushika simu ya mama kila saa"),
]


@pytest.mark.parametrize("language, text", HARD_CLEAN, ids=lambda v: str(v)[:40])
def test_round_five_look_alikes_stay_clean(language, text):
    result = screen(text)
    assert not (result.flags & {"distress", "disclosure"}), (text, result)
    assert not result.held, (text, result)


@pytest.mark.parametrize(
    "text",
    ["the coach told me i owe him 50 bob for the jersey", "i wont be online after today, my phone is going for repair"],
)
def test_debts_and_goodbyes_in_ordinary_life_are_at_most_possible(text):
    """A debt to an adult and "not online after today" are how grooming and goodbyes are told; with their reason
    given they are ordinary. The model may still score them past POSSIBLE_AT (0.5, chosen on unseen sets for 2.7
    points of recall): the moderator looks, and the lead is never alerted loudly."""
    result = screen(text)
    assert result.confidence != "high", (text, result)
    assert not any(concern.rule_hits(normalise.for_phrases(normalise.clean(text))).values()), text
