"""Personal-detail classes added after fresh sets 34-35 (issue 14, fourth round).

Each case is a new sentence written for its class, not a line of any set: the class must hold for wordings the
sets did not have. Every case asserts the flag and that no piece survives in ``.redacted``; the clean cases are
look-alikes of the new classes that must stay clean.
"""

from __future__ import annotations

import pytest

from facilitator.safety import screen
from tests.safety.checks import assert_redacted

ROUND_FOUR_PERSONAL_DETAILS = [
    # addresses: the place followed back over several clauses, directions, floors, "Kwa" inside a name
    ("en", "we live in Githurai, Kimbo, opposite the Shell station, second floor, door 14", ["Githurai", "Kimbo"]),
    ("sw", "mtaa ni Kangemi Gichagi, ukifika kwa duka la Mama Wairimu uliza nyumba 27", ["Kangemi", "Gichagi"]),
    ("sheng", "ukija Ongata, shuka Rongai Tuskys stage, ingia Kwa Chege, keja 5", ["Ongata", "Tuskys", "Chege"]),
    ("en", "I stay in Kariobangi North, ground floor, room 3 behind the mosque", ["Kariobangi", "mosque"]),
    ("sw", "kwetu ni Kaptembwo village, Rongai, boma ya pili from the borehole", ["Kaptembwo", "borehole"]),
    ("en", "my place is Mlolongo, Sabaki street, house no. 19", ["Mlolongo", "Sabaki"]),
    # handles: shaped names after naming words, in a sentence about an account or a game
    ("sheng", "kuna msee kwa snap anajiita ToxicBoyKE, anatuma vitu mbaya", ["ToxicBoyKE"]),
    ("en", "my old insta got hacked, the new one is amani.draws.ke", ["amani.draws.ke"]),
    ("sw", "roblox ya kaka yangu ni SkyRunnerKip07", ["SkyRunnerKip07"]),
    ("sheng", "clan inanijua kama SimbaMkali kwa pubg", ["SimbaMkali"]),
    ("en", "some account called fake_teacher_nairobi keeps messaging us", ["fake_teacher_nairobi"]),
    ("en", "my discord tag is TemboPlays#4410 add me", ["TemboPlays#4410"]),
    ("sheng", "discord yangu ni WazitoGang tag 2291", ["WazitoGang", "2291"]),
    ("sw", "snapchat yangu ni hii tu: wambuimaina", ["wambuimaina"]),
    ("mixed", "free fire name ni 亗JABALI亗 tucheze", ["JABALI"]),
    ("sheng", "niadd kwa ig: kevo otieno 07", ["kevo", "otieno"]),
    # game and school IDs with letters, spaced, or named apart from their number
    ("en", "my efootball ID is PLKQ-5510-RT", ["PLKQ-5510-RT"]),
    ("sw", "UPI ya dada: M 7 K 2 P 9 X 4", ["M 7 K 2 P 9 X 4"]),
    ("en", "never post your game ID, mine got stolen after i wrote 8 8 1 - 2 0 4 - 6 6 3 in a comment", ["881204663"]),
    ("sw", "kitambulisho cha baba: 29 881 403", ["29 881 403"]),
    # tills: the name the account is held in
    ("en", "send the contribution to till 6 1 4 4 0 9 (OMONDI CYBER HUB)", ["614409", "OMONDI CYBER HUB"]),
    ("sw", "lipa kwa paybill 5 0 7 7 1 2, akaunti Wanjiru Kamau", ["507712", "Wanjiru Kamau"]),
    ("en", "buy goods 7 7 I 2 O 5 under NJERI TAILORS", ["NJERI TAILORS"]),
    # names: communities the list lacked, a title with a full name, a family name given apart
    ("sw", "mimi ni Nakiru Lotukoi kutoka Lodwar", ["Nakiru", "Lotukoi"]),
    ("en", "ask Naisula Saitoti, she is in form 2", ["Naisula", "Saitoti"]),
    ("sw", "mjomba Mwangi Njuguna alinipa simu", ["Mwangi Njuguna"]),
    ("en", "our coach Mama Akinyi Ouma trains us", ["Akinyi Ouma"]),
    ("sw", "jina langu ni Chebet, jina la ukoo ni Kirui", ["Chebet", "Kirui"]),
    ("en", "Lemayian ole Sankale wrote the letter", ["Lemayian", "Sankale"]),
    # emails and phones written any way
    ("en", "email me at wairimu (underscore) njeri (at) yahoo (dot) com", ["wairimu", "njeri"]),
    ("sw", "tuma kwa m u t h o n i 12 at gmail com", ["m u t h o n i 12"]),
    ("sheng", "email yake ni brian dot kip at gmail", ["brian dot kip"]),
    ("sheng", "nipigie sifuri sevn too, for faiv siks, nain ate wan zero", ["sevn", "faiv", "nain"]),
    ("en", "text 07 11 ✨ 42 ✨ 90 ✨ 36", ["07 11", "42", "90 ✨ 36"]),
    ("sw", "namba ni 0 saba 1 | 4 4 2 | nane 0 9 3", ["4 4 2"]),
    ("en", "call 0 7 2 2 then sixty 1 then 48 30", ["sixty"]),
    ("en", "my art is on amani-art[.]wixsite[.]com", ["amani-art"]),
    # later in the round: a name used on a platform, "@ " spaced, a possessed account before a colon, own home numbers,
    # directions to a described home
    ("sw", "kwa insta natumia jina mamapimabeats", ["mamapimabeats"]),
    ("en", "snap: @ otieno254", ["otieno254"]),
    ("sw", "akaunti yangu ya facebook: chepkoechjoy", ["chepkoechjoy"]),
    ("en", "our house is number 19 at Ruiru Kimbo, blue gate", ["Ruiru", "Kimbo"]),
    ("sw", "ukifika Kitengela uliza boma ya Mzee Kamau, gate ya kijani", ["Kitengela", "gate ya kijani"]),
    ("en", "home is Kakamega, Shikoti village, near the dispensary, second house", ["Shikoti", "dispensary"]),
    ("en", "gamer tag: Nyati Mkali", ["Nyati", "Mkali"]),
    ("sheng", "keja yetu iko Kawangware, base ya 2, room 11", ["Kawangware"]),
    ("en", "my home: Ngong, Matasia, the house after the dispensary", ["Matasia", "dispensary"]),
    ("sw", "ukishuka Githurai stage, tembea hadi duka la Baba Kui, nyumba ya pili yenye gate ya bluu", ["Githurai"]),
    ("sw", "nifollow yt, channel yangu, inaitwa Mapishi na Zawadi", ["Mapishi", "Zawadi"]),
]


@pytest.mark.parametrize("language, text, pieces", ROUND_FOUR_PERSONAL_DETAILS, ids=lambda v: str(v)[:40])
def test_round_four_personal_detail_classes_are_redacted(language, text, pieces):
    assert_redacted(text, pieces)


ROUND_FOUR_HARD_CLEAN = [
    ("sw", "ploti yetu iko na nyumba 12 na maji ya bomba"),
    ("sheng", "niko tiktok kama masaa mbili kila siku"),
    ("en", "according to kenyalaw . org the act was passed in 2022"),
    ("sw", "tulilipa stima kwa paybill ya KPLC, 888880"),
    ("en", "my gmail is full of spam"),
    ("sw", "naitwa Ekai nachunga ng'ombe na baba"),
    ("en", "we read about TikTok and YouTube safety in class"),
    ("en", "Form 3 exams start at 8am in room 4"),
    ("sheng", "game ID yangu ilibaniwa lol"),
    ("en", "unaeza report account fake kwa app ama kwa 116"),
    ("sw", "tulienda Kayole, tukaona stage ikiwa imejaa"),
    ("en", "our house 2 won the sports day"),
    ("en", "our plot 4 people share one tap"),
    ("sw", "kwa tiktok natumia jina langu halisi"),
]


@pytest.mark.parametrize("language, text", ROUND_FOUR_HARD_CLEAN, ids=lambda v: str(v)[:40])
def test_round_four_hard_clean_lines_stay_clean(language, text):
    result = screen(text)
    assert "personal_details" not in result.flags, (text, result.redacted)
