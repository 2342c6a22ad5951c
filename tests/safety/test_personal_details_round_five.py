"""Personal-detail classes added after fresh sets 39-41 (issue 14, fifth round).

Each case is a new sentence written for its class, not a line of any set: the class must hold for wordings the
sets did not have. Every case asserts the flag and that no piece survives in ``.redacted``; the clean cases are
look-alikes of the new classes that must stay clean.
"""

from __future__ import annotations

import pytest

from facilitator.safety import screen
from tests.safety.checks import assert_redacted

ROUND_FIVE_PERSONAL_DETAILS = [
    # names of three parts: a given name in no list before two names found, a third name in no list after them
    ("en", "we met Carolyne Njoki Kamau at the youth camp", ["Carolyne", "Njoki", "Kamau"]),
    ("sw", "mwenyekiti wetu ni Bakari Juma Mwachiro, anaishi mbali", ["Bakari", "Juma", "Mwachiro"]),
    ("sheng", "si uliona vile Chemutai Kemboi Sigei alidance", ["Chemutai", "Kemboi", "Sigei"]),
    ("mixed", "shout out kwa Yvette Wanjiku Gathoni wa debate team", ["Yvette", "Wanjiku", "Gathoni"]),
    ("en", "Dad: Brandon Otieno Ochola", ["Brandon", "Otieno", "Ochola"]),
    # three capitalised words, two of them names by the list or by their shape
    ("en", "does anyone know Lincoln Kiprotich Chepkwony? he plays chess", ["Lincoln", "Kiprotich", "Chepkwony"]),
    ("sw", "mwalimu alimwita Tamara Chepkemoi Kibet mbele ya darasa", ["Tamara", "Chepkemoi", "Kibet"]),
    ("sheng", "manze Felix Kimaiyo Kiplagat ametoka leo", ["Felix", "Kimaiyo", "Kiplagat"]),
    ("mixed", "nani anamjua Damaris Wanjohi Muriithi? ako na simu yangu", ["Damaris", "Wanjohi", "Muriithi"]),
    # given names the list lacked, before a family name
    ("en", "Huyu fala Wycliffe Kariuki always copies my work", ["Wycliffe", "Kariuki"]),
    ("sw", "nilikutana na Scholastica Mbogo kanisani", ["Scholastica", "Mbogo"]),
    # a channel, page or gamer name in capitalised words, wherever it is pointed to
    ("en", "we started a podcast about exams last term, it is called Form Four Survival Kit", ["Survival Kit"]),
    ("sw", "kaka yangu ana channel ya YouTube inaitwa Mapishi ya Bibi Kwale", ["Mapishi", "Bibi Kwale"]),
    ("sheng", "nistreame kwa twitch kama Kanairo Gamer KE", ["Kanairo Gamer"]),
    ("mixed", "check my vlog, ni Safari za Kinyozi TV", ["Safari za Kinyozi"]),
    ("en", "tiktok: Mama Mboga Diaries", ["Mama Mboga Diaries"]),
    ("sw", "kwa pubg mimi ni Simba Mweusi", ["Simba Mweusi"]),
    ("en", "my psn name is Nyeri Night Owl", ["Nyeri Night Owl"]),
    ("sheng", "gt: KifaruMkali", ["KifaruMkali"]),
    # a shop, stall or kiosk in a named market, mall or road; a lettered door after a first unit; "juu ya", "along"
    ("en", "she sells shoes at Toi market, stall 41", ["Toi market", "stall 41"]),
    ("sw", "duka lake liko Ruaka, Quickmart mall shop 12", ["Quickmart", "shop 12"]),
    ("sheng", "msee huyo ako Kangemi kiosk 3 kila jioni", ["Kangemi kiosk 3"]),
    ("mixed", "tunaishi Ruai, plot 7 door B, juu ya butchery ya Mzee Kioko", ["Ruai", "plot 7", "door B", "butchery"]),
    ("en", "we live in Kahawa Sukari, plot 19 along Baringo road", ["Kahawa Sukari", "plot 19", "Baringo"]),
    # numbers in disguise: an ID spelled after its cue, digit groups apart by marks of other scripts, a certificate
    # named earlier, a grouped passport, a tax PIN, a school's number, a till in dashed groups, lone letters in a phone
    ("sw", "kitambulisho cha mama ni saba nane moja sifuri mbili tatu tano nne", ["saba nane moja"]),
    ("en", "my dad's ID is forty-two nine-oh-one three-three-eight", ["forty-two", "three-three-eight"]),
    ("sheng", "namba ya ID ya buda 2 9 • 4 4 1 • 7 0 6 iko kwa group", ["29441706"]),
    ("en", "they asked for birth certificates at the gate. mine is 4 4 0 9 1 2 7 7 3 0", ["4409127730"]),
    ("mixed", "cheti cha kuzaliwa cha dada 5521 907 318 kiko kwa WhatsApp", ["5521907318"]),
    ("en", "her passport was on the table, AK 441 0928, anyone could see", ["AK 441 0928", "4410928"]),
    ("sw", "KRA PIN ya baba ni A0 1 4 4 9 2 7 7 1 Z", ["449277"]),
    ("sheng", "namba yake ya shule ni 2 2 / 1 4 0 9", ["221409"]),
    ("en", "pay me on till 5 5 2 - 1 9 0 please", ["552190"]),
    ("sw", "nipigie kwa O 7 2 2 - 4 1 O - 9 3 6", ["722", "936"]),
    ("mixed", "namba ya beste: 0 7 1 1 - 3 O 8 - 4 4 2 mcheki", ["0711", "442"]),
    ("en", "the group link is forms.gle/Kp2mW9xQ7, don't share it", ["forms.gle/Kp2mW9xQ7"]),
    # a full name's parts written again elsewhere in the entry name the same person
    ("en", "send to paybill 44 11 90, account NJOKI. It is for Njoki Wambui Kamau's fees", ["Njoki", "Wambui"]),
    ("sw", "Mchango wa Baraka: jina kamili ni Baraka Ochieng Odhiambo, tuma kwa mama yake", ["Baraka", "Ochieng"]),
    ("sheng", "Kuna msee Brian Kiprop Tanui, Kiprop ndio hutuma hizo texts", ["Brian", "Kiprop", "Tanui"]),
    ("mixed", "Zawadi Achieng Onyango ni classmate, lakini ZAWADI hajui", ["Zawadi", "Achieng", "Onyango"]),
]


@pytest.mark.parametrize("language, text, pieces", ROUND_FIVE_PERSONAL_DETAILS, ids=lambda v: str(v)[:40])
def test_round_five_personal_detail_classes_are_redacted(language, text, pieces):
    assert_redacted(text, pieces)


ROUND_FIVE_HARD_CLEAN = [
    # capitalised words that are no names, beside a name or in threes
    ("en", "Jaji Mkuu Martha Koome alisema haki za watoto ni muhimu"),
    ("en", "Moi Teaching Referral Hospital has a child protection desk"),
    ("sw", "Hii ni Kenya Power Company, sio mtu"),
    ("sheng", "Kisumu Boys High walishinda drama"),
    ("mixed", "Safaricom Foundation Youth Program ni poa sana"),
    ("en", "Communications Authority Kenya should act faster"),
    ("sw", "Imani yangu ni kwamba watoto watakuwa salama"),
    ("en", "The new Online Safety Bill should protect kids"),
    ("mixed", "leo nimejua kuna kitu kama Online Safety Act ya UK"),
    # channels described, not named; stalls and shops in no named place; school houses
    ("sw", "channel ya YouTube ni poa sana kwa watoto"),
    ("en", "my podcast is about mental health, it is called a safe space by my friends"),
    ("sheng", "tiktok: ni mbaya sana kwa madogo"),
    ("sw", "tulienda soko, stall 4 ilikuwa imefungwa"),
    ("en", "the mall shop 7 was closed yesterday"),
    ("en", "House C won the athletics on Friday"),
    ("en", "phase 2 of the project starts in May"),
    ("en", "GT racing games are my favourite"),
    # numbers that are no detail: counts spelled, a lone "I" or "o" among a few digits, a ministry's certificate talk
    ("sw", "nina miaka kumi na nne, niko Form 3"),
    ("en", "I 2 go to Form 3 at 8 am"),
    ("en", "room 4 o 5 is the lab"),
    ("en", "birth certificates take 2 to 3 weeks at Huduma centre"),
    ("sw", "tulikuwa watoto 3 • 4 • 5 kwa kila darasa"),
    # a first name written twice with no family name is still no detail
    ("en", "Kevin said hi. Kevin is my deskmate"),
]


@pytest.mark.parametrize("language, text", ROUND_FIVE_HARD_CLEAN, ids=lambda v: str(v)[:40])
def test_round_five_hard_clean_lines_stay_clean(language, text):
    result = screen(text)
    assert "personal_details" not in result.flags, (text, result.redacted)
