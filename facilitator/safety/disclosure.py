"""Disclosure: harm done to the writer: abuse, violence, sexual exploitation, grooming, threats.

Every pattern needs the writer as the one harmed (see :mod:`firstperson`): "my uncle touches me",
"I was raped", "he threatens to share my pictures", "ananipiga", "alinibaka", "nilibakwa".
General statements ("people who hurt children", "teach us about grooming", "kuna watu
wanaotumia mtandao kudhulumu watoto") stay clean.

Bullying and harassment of the writer count: they are harm the writer is living with, and a
person should read them before the board does.
"""

from __future__ import annotations

from facilitator.safety.firstperson import ADVERBS, SUBJECT, SW_TO_ME, compile_all, first_match

# English verbs of harm done to someone. Those with an everyday sense are fenced off below.
_HARM_VERBS = (
    r"(?:touch|touches|touched|touching|hurt|hurts|hurting|beat|beats|beating|beaten|abuse|abuses|abused|abusing|"
    r"rape|rapes|raped|raping|molest|molests|molested|molesting|grope|gropes|groped|groping|threaten|threatens|"
    r"threatened|threatening|blackmail|blackmails|blackmailed|blackmailing|sextort|sextorts|sextorted|sextorting|"
    r"harass|harasses|harassed|harassing|stalk|stalks|stalked|stalking|groom|grooms|groomed|grooming|bully|bullies|"
    r"bullied|bullying|cyberbully|cyberbullies|cyberbullied|slap|slaps|slapped|slapping|kick|kicks|kicked|kicking|"
    r"punch|punches|punched|punching|whip|whips|whipped|whipping|cane|canes|caned|caning|choke|chokes|choked|"
    r"choking|strangle|strangles|strangled|exploit|exploits|exploited|exploiting|"
    r"coerce|coerces|coerced|coercing|lure|lures|lured|drug|drugged|"
    r"trap|traps|trapped|lock|locks|locked|starve|starves|starved|burn|burns|burned|burnt|undress|undressed|"
    r"insult|insults|insulted|insulting|humiliate|humiliates|humiliated|humiliating|blackmailed|"
    r"hit|hits|hitting|attack|attacks|attacked|attacking|assault|assaults|assaulted|assaulting|"
    r"traffic|trafficked|kidnap|kidnapped|defile|defiled|violate|violated|fondle|fondles|fondled|"
    r"catfish|catfished|manipulate|manipulates|manipulated|intimidate|intimidates|intimidated)"
)

# Participles for "I was ...", "I am being ...", "I got ...".
_PASSIVE = (
    r"(?:raped|molested|abused|sexually abused|physically abused|assaulted|sexually assaulted|touched|groped|"
    r"beaten|beaten up|trafficked|sold|blackmailed|sextorted|groomed|threatened|harassed|sexually harassed|"
    r"stalked|bullied|cyberbullied|exploited|defiled|forced|kidnapped|attacked|whipped|caned|slapped|punched|"
    r"kicked|choked|strangled|drugged|locked (?:in|up)|trapped|pressured|coerced|lured|tricked|catfished|"
    r"married off|fondled|violated|undressed|filmed|photographed naked|hit)"
)

_NUDE = (
    r"(?:nudes?|naked|nude|sexy|intimate|explicit|dirty|sexual|porn\w*|without (?:my )?clothes|"
    r"(?:pictures?|photos?|pics?|videos?) of my (?:body|private parts|breasts?|chest)|private parts|"
    r"my body|my breasts?|underwear|bra|boobs?|uchi|picha chafu)"
)
_PICTURES = r"(?:pictures?|photos?|pics?|videos?|nudes|images?|screenshots?|chats?|messages?|secrets?)"
_ADULT_OR_PERSON = (
    r"(?:he|she|they|someone|somebody|a man|a woman|a guy|an adult|this (?:guy|man|person|woman)|a stranger|"
    r"my \w+|the \w+|people)"
)

_PATTERNS = [
    # "someone is hurting me", "my stepfather beats me", "they bully me" (not "it hurts me to see",
    # "hit me up", "beat me at chess", "scared me" in a film sense is left in: rare on this board)
    rf"(?<!\bit )(?<!\bthis )(?<!\bthat )(?<!\bwhich )(?<!\bwhat )\b{_HARM_VERBS}\s+me\b"
    r"(?!\s+(?:up\b|out\b|off\b|(?:at|in) (?:a |the )?(?:race|game|games|match|fifa|chess|football|class|exams?|maths|math|science|"
    r"debates?|running|sports?|pubg|free fire|cards|draughts|pool|\w+ing)\b|to it|to (?:the|a) (?:ball|finish|answer|punch)))",
    # Being made to do something: "forces me to send photos", "forced me to do things", "he forced me."
    # (not "my parents force me to study")
    r"\b(?:force|forces|forced|forcing|pressure|pressures|pressured|pressuring|make|makes|made|making|push|pushes|pushed)\s+"
    r"me\s+(?:to\s+|into\s+)?(?:have sex|having sex|sleep with|sleeping with|undress|strip|send|sending|touch|touching|kiss|"
    r"kissing|watch (?:porn|sex|dirty)|watching porn|do (?:things|stuff|sexual|bad|dirty|what)|doing (?:things|stuff)|drink alcohol|"
    r"smoke|take drugs|marry|get married|work for|keep (?:quiet|secrets?|it secret)|meet (?:him|her|them|strangers))",
    r"\b(?:forced|forces|coerced|pressured)\s+me\s*(?:$|[.!?,;]|\band\b|\bbut\b)",
    r"\b(?:we|they|us)\s+(?:were|are|have been)\s+told\s+(?:not to|never to|to never|to not)\s+(?:tell|say|report)\b",
    # "my father beats my mother and me", "touches girls and me"
    rf"\b{_HARM_VERBS}\s+(?:[a-z]+\s+){{1,3}}and\s+me\b",
    # "he keeps texting me sexual things"
    r"\b(?:texts|texting|texted|messages|messaging|messaged|dms|dming|dmed|sends|sending|sent|calls|calling|says|saying|"
    r"said|tells|telling|told|writes|writing|wrote)\s+me\s+(?:\w+\s+)?(?:sexual|dirty|nasty|naughty|inappropriate|explicit|"
    r"sexy|disgusting)\s+(?:things|stuff|messages|texts|words|pictures|photos|videos|jokes)",
    # "my uncle comes into my room at night"
    r"\b(?:comes|came|coming|sneaks|sneaked|snuck|walks|walked|gets|got)\s+(?:in\s*)?(?:to|into|in)\s+my\s+"
    r"(?:room|bed|bedroom|bathroom|shower)\s+(?:at night|when|while|and)\b",
    # touched my body / private parts
    r"\b(?:touch|touches|touched|touching|grab|grabs|grabbed|grope|gropes|groped|feel|feels|felt|fondle|fondled)\s+"
    r"my\s+(?:body|private parts|privates|breasts?|chest|thighs?|bum|buttocks|butt|legs?|genitals)\b",
    # Physical harm to "us" by named people ("our teacher beats us"), not "people who abuse us"
    r"(?<!\bwho )(?<!\bthat )(?<!\bwhich )\b(?:beat|beats|beating|cane|canes|caned|whip|whips|whipped|touch|touches|"
    r"touched|molest|molests|rape|rapes|raped|abuse|abuses|abused|slap|slaps|slapped)\s+us\b",
    # "I was raped", "I'm being blackmailed", "I got bullied", "me I was beaten"
    rf"(?<!\bif )(?<!\bwhat if )(?<!\beven if ){SUBJECT}{ADVERBS}\s+(?:was|were|got|get|am|are|have been|has been|had been|am being|being|been|keep getting|"
    rf"kept getting|keep being|was being|am always|always get|sometimes get)\s+(?:always\s+|often\s+|sometimes\s+|"
    rf"being\s+|repeatedly\s+)?{_PASSIVE}\b"
    r"(?!\s+by (?:a |an |the |this |these |some )?(?:scam|spam|message|email|sms|ads?|pop ?ups?|virus|game|movie|film|song|"
    r"story|app|exam|calls?|texts?|robocalls?|bots?|notifications?)\b)",
    # Requests for nude pictures: "a man online asked me for nude photos", "wants me to send nudes"
    rf"\b(?:ask|asks|asked|asking|want|wants|wanted|keeps asking|told|tells|forced|forcing|forces|pressures?|"
    rf"pressured|pressuring|begs|begging|begged|demands?|demanded|demanding|convinced|convince|tricked|making|made|"
    rf"makes|ordered|orders)\s+me\s+(?:for|to|into)\b[^.!?]{{0,40}}?\b{_NUDE}",
    r"\b(?:makes?|made|making|forced|forces|forcing)\s+me\s+(?:to\s+)?(?:undress|strip|take off my clothes|touch (?:him|her|his|their)|"
    r"watch (?:porn|sex|dirty)|kiss (?:him|her))",
    r"\bme\s+to\s+(?:undress|strip|take off my clothes|remove my clothes|have sex|sleep with (?:him|her|them)|"
    r"touch (?:him|her|his|their)|do sexual|send (?:him|her|them) (?:nudes|pictures of my body))",
    r"\bme\b[^.!?]{0,30}\b(?:for|send|sending|share|sharing|asking for|requesting|demanding)\s+(?:him\s+|her\s+|them\s+)?"
    r"(?:my\s+|some\s+|a few\s+|more\s+)?(?:nudes|nude (?:photos?|pictures?|pics?|videos?)|naked (?:photos?|pictures?|pics?|videos?))",
    r"\b(?:follows|followed|following|stalks|stalked)\s+me\s+(?:home|everywhere|to school|around|after school)\b",
    rf"\b(?:send|sends|sent|sending|show|shows|showed|showing|share|shares|shared)\s+me\s+(?:his\s+|her\s+|their\s+)?"
    rf"(?:nudes?|naked|nude|porn\w*|dirty|sexual|explicit|inappropriate|private parts|pictures of his|photos of his|"
    rf"videos of (?:him|her|them|people) (?:naked|having))",
    r"(?<!never )(?<!not )(?<!dont )\b(?:has|have|had|got|leaked|leak|posted|post|shared|share|sent|took|saved|screenshotted|"
    r"using|uses|used|spread|spreading|selling|sold|exposed|keeps)\s+my\s+(?:nudes|nude (?:photos?|pictures?|pics?|videos?)|"
    r"naked (?:photos?|pictures?|pics?|videos?)|private (?:photos|pictures|pics|videos))\b",
    # Harm in general words: "my uncle does bad things to me"
    r"\b(?:does|did|do|doing|done|keeps doing)\s+(?:bad|sexual|dirty|weird|nasty|inappropriate|horrible|terrible|"
    r"things|stuff)\s+(?:things\s+|stuff\s+)?to\s+me\b",
    # An adult partner: "my boyfriend is 30 and I am 14", "I'm dating a 25 year old"
    r"\bmy\s+(?:boyfriend|bf|girlfriend|gf|mpenzi|sponsor|sponsa)\s+(?:is|ni)\s+(?:(?:1[89]|[2-9]\d)\b|an adult|married|"
    r"much older|way older|a grown man|mzee)",
    r"\b(?:dating|date|seeing|going out with)\s+(?:a|an)\s+(?:(?:1[89]|[2-9]\d)\s*(?:year old|yr old|yo)|older man|"
    r"married man|adult|grown man)",
    r"\b(?:i have|ive got|i got|nina)\s+(?:a\s+)?(?:sponsor|sponsa|sugar daddy|sugar mummy|sugar mommy)\b",
    # Threats to stop the writer telling: "if I tell anyone he will hurt my family"
    r"\bif i (?:tell|report|say|speak|talk)\b[^.!?]{0,40}\b(?:he|she|they|he ll|she ll)\s*(?:will|ll|would|is going to|"
    r"gonna|can)\s+(?:hurt|kill|beat|post|share|leak|harm|send|expose|punish)",
    r"\bthreat\w*\s+(?:me\s+)?(?:to|that (?:he|she|they) (?:will|would|ll))\s+(?:hurt|kill|beat|harm|rape)\s+(?:me|my)\b",
    rf"\b(?:asking|asks|asked|wants|wanted|demanding|demands|demanded)\s+(?:for\s+)?my\s+(?:photos|pictures|pics|nudes|videos)\b",
    # Threats to publish: "he threatens to share my pictures", "she says she will post my photos"
    rf"\bthreat\w*\s+(?:me\s+)?(?:to|that (?:he|she|they) (?:will|would|ll))\s+(?:share|post|leak|send|expose|"
    rf"publish|show|spread|upload|release|tell)\s+(?:my|our|me)\b",
    rf"\b{_ADULT_OR_PERSON}\s+(?:says|said|say|keeps saying)\s+(?:he|she|they)\s*(?:will|ll|would|is going to|are going to|"
    rf"gonna)\s+(?:share|post|leak|send|expose|publish|show|spread|upload)\s+my\s+{_PICTURES}",
    rf"\b(?:will|is going to|gonna|wants to)\s+(?:share|post|leak|expose|publish|spread|upload)\s+my\s+"
    rf"(?:nudes|private|naked|nude)",
    # Grooming: gifts or money plus secrecy or meeting; being asked to meet alone; secrets
    r"\b(?:sends?|sent|sending|gives?|gave|giving|buys?|bought|buying|offers?|offered|promised?|promises)\s+me\s+"
    r"(?:money|cash|gifts?|airtime|credit|data|bundles|presents?|a phone|phones?|things|pesa|mpesa|fare)\b"
    r".{0,150}?\b(?:meet|alone|secret|dont tell|not to tell|photos?|pictures?|pics|visit|come to (?:his|her)|hotel|"
    r"his house|her house|his room|lodging|sleep|tukutane|peke)",
    r"\b(?:wants?|wanted|asks?|asked|asking|told|tells|invited|invites|begging|begs|keeps asking|insists|insisted|"
    r"pressur\w+)\s+me\s+to\s+(?:meet|see|visit|come|go)\b[^.!?]{0,30}?\b(?:alone|in secret|secretly|privately|in private|"
    r"at (?:his|her|their) (?:house|place|room|home)|without telling|and not tell|hotel|at night|in person)",
    r"\b(?:wants?|wanted|asks?|asked|asking|keeps asking|trying)\s+to\s+(?:meet|see)\s+me\b[^.!?]{0,30}?\b(?:alone|in secret|"
    r"secretly|privately|in private|at (?:his|her|their) (?:house|place|room|home)|without|hotel|at night|in person)",
    r"\b(?:told|tells|tell|telling|warned|warns|made|makes)\s+me\s+(?:not\s+to|to\s+never|never\s+to|to\s+not|not)\s+"
    r"(?:tell|say|report|talk)\b",
    r"\b(?:says|said|told me|tells me)\s+(?:it is|its|it was|this is|this will be|it will be)\s+(?:our|a)\s+(?:little\s+)?secret\b",
    rf"\b(?:wants?|wanted|asks?|asked|forced|forces|forcing|pressur\w+)\s+me\s+to\s+(?:have sex|sleep with|be (?:his|her) "
    rf"(?:girlfriend|boyfriend|wife|lover|sugar))",
    # Fear of a person at home or close by
    r"\b(?:im|i am|i feel|i get)\s+(?:so\s+|very\s+|really\s+)?(?:scared|afraid|terrified|frightened)\s+(?:of|to go|to be)\s+"
    r"(?:my (?:uncle|father|stepfather|dad|mother|mum|mom|stepmother|stepmum|brother|teacher|coach|pastor|boyfriend|"
    r"neighbou?r|cousin|aunt|guardian|employer|boss|step dad|stepdad)|home|going home|alone with)\b",
    # --- Kiswahili and Sheng ---
    # Verb with "me" as object: ananipiga, alinibaka, ananiguza, wananinyanyasa, anayenitumia ...
    rf"{SW_TO_ME}(?:(?:gus(?:a|ia|e)|guz(?:a|ia|e)|shik(?:a|e|ilia)|pig(?:a|e|i)(?!\s+(?:simu|picha|stori|kelele|makofi\b))|"
    r"chap(?:a|e)|bak(?:a|e)|lazimish(?:a|e)|shurutish(?:a|e)|tishi(?:a|e)|tish(?:a|e)|sumbu(?:a|e)|"
    r"nyanyas(?:a|e)|dhulumu|dhulumi(?:a|e)|tes(?:a|e)|fuatili(?:a|e)|vizi(?:a|e)|tomb(?:a|e)|dhalilish(?:a|e)|"
    r"tongoz(?:a|e)|tukan(?:a|e)|tusi|one(?:a|e)|chokoz(?:a|e)|dhihaki|umiz(?:a|e)|finy(?:a|e)|kab(?:a|e)|"
    r"vu(?:a|lia) nguo|vu(?:a|lia) chupi|tek(?:a|e)|(?:ita|ite) (?:kwake|chumbani))\b|"
    # Sheng: an English verb with Swahili prefixes ("ananitouch", "alinibully")
    r"(?:touch|harass|bully|force|stalk|rape|abuse|beat|molest|groom|exploit|blackmail|threaten|slap|kick|pressure|"
    r"sextort)\w*\b)",
    rf"{SW_TO_ME}fany(?:ia|ie|a)\s+(?:vibaya|mabaya|ubaya|tabia mbaya|mambo (?:mabaya|ya aibu|machafu|ya kikubwa|ya ngono)|"
    r"mchezo mbaya|unyama|ngono)",
    rf"{SW_TO_ME}(?:tumi(?:a|e)|onyesh(?:a|e)|let(?:e|ea))\s+(?:picha|video|vitu|jumbe|messages|vidio)\s+(?:chafu|za uchi|"
    r"za ngono|mbaya|za aibu|za kikubwa)",
    rf"{SW_TO_ME}(?:tumi(?:a|e)|onyesh(?:a|e))\s+(?:nudes|porn\w*|uchi)",
    rf"{SW_TO_ME}(?:tumi(?:a|e)|andiki(?:a|e))\s+(?:meseji|jumbe|ujumbe|messages|texts|sms)\s+(?:za\s+|wa\s+)?"
    r"(?:matusi|vitisho|chafu|za kutisha|mbaya)",
    rf"{SW_TO_ME}(?:omb(?:a|e)|itish(?:a|e)|tak(?:a|e)|lazimish(?:a|e))\b[^.!?]{{0,30}}?\b(?:uchi|chafu|ngono|nudes|"
    r"mwili wangu|bila nguo|kimapenzi|kingono|picha za (?:mwili|chupi))",
    rf"{SW_TO_ME}ambi(?:a|e)\s+(?:nisimwambie|nisiseme|nisimweleze|ni siri|tusiseme|nisiwaambie|usimwambie)",
    r"\b(?:atapost|ataweka|atatuma|atasambaza|ataonyesha|ataleak|ataanika)\s+(?:picha|video|nudes|siri)\s+(?:zangu|yangu)",
    r"\b(?:kuweka|kupost|kusambaza|kutuma|kuonyesha|kuleak|kuanika)\s+(?:picha|video|nudes|siri)\s+(?:zangu|yangu)\b",
    # Physical or sexual harm to "us": "walimu hutupiga", "wanatuchapa"
    r"\b(?:(?:a|wa|m)(?:na|li|me|ta)|hu)tu(?:piga|chapa|gusa|guza|baka|nyanyasa|tesa|dhulumu|umiza|tishia|lazimisha)\b",
    r"\b(?:tu|ni)(?:li|me|na)?ambiwa\s+(?:tusimwambie|nisimwambie|tusiseme|nisiseme|tusiwaambie|nisiwaambie)\b",
    # Passive with "I" as subject: nilibakwa, ninapigwa, nimetishiwa, mimi hupigwa
    r"\b(?:ni(?:na|li|me|ta|ki|nge|kiwa)?|mimi hu|huwa na|na)(?:bakwa|pigwa(?!\s+(?:picha|simu))|chapwa|guswa|guzwa|"
    r"shikwa|tishiwa|tishwa|nyanyaswa|dhulumiwa|teswa|lazimishwa|shurutishwa|sumbuliwa|tongozwa|dhalilishwa|"
    r"fuatiliwa|viziwa|tukanwa|onewa|umizwa|tombwa|vuliwa nguo|tumiwa (?:picha|video) (?:chafu|za uchi)|"
    r"blackmailiwa|threatenwa|bulliwa|forciwa|abusiwa|rapiwa|uzwa|tekwa|fanyiwa (?:vibaya|mabaya|ubaya|unyama))\b"
    r"(?!\s+(?:sana\s+)?(?:na (?:hadithi|maneno|ujumbe|wimbo|filamu|somo)|moyoni|moyo))",
    # Grooming in Kiswahili: money or gifts, then meeting alone or secrecy
    r"\b(?:ananitumia|alinitumia|amenitumia|ananipa|alinipa|amenipa|ananinunulia|alininunulia|ananiahidi|aliniahidi|"
    r"ananiletea|alinilete[a]?)\s+(?:pesa|zawadi|simu|airtime|credit|vitu|bundles|data|fare|nauli)\b.{0,150}?"
    r"\b(?:tukutane|kukutana|nikutane|tuonane|kuonana|nikuje|niende kwake|peke (?:yetu|yangu)|kwa siri|kisiri|siri|"
    r"nisimwambie|picha|kwake|lodging|hotelini|usiku)",
    r"\b(?:tukutane|nikutane naye|kukutana naye|kukutana nami|tuonane|kuonana naye|niende kwake|nimtembelee|"
    r"nikutane nao|anataka tukutane)\b[^.!?]{0,40}?\b(?:peke (?:yetu|yangu)|kwa siri|kisiri|usiku|hotelini|"
    r"lodging|bila (?:wazazi|mtu|kuwaambia|kumwambia|mama|baba))",
    r"\b(?:ameniambia|ananiambia|aliniambia|wananiambia|walisema|alisema|anasema)\s+(?:ni siri yetu|hii ni siri|"
    r"nisimwambie|nisiwaambie|nisiseme|tusiseme)",
    r"\b(?:naogopa|ninaogopa|nimeogopa|huwa naogopa)\s+(?:kwenda nyumbani|kurudi nyumbani|kukaa na|kuwa peke yangu na|"
    r"mjomba|baba|mama|kaka|mwalimu|shangazi|binamu|jirani)",
]

PATTERNS = compile_all(_PATTERNS)


def detect(phrase_text: str) -> bool:
    """True when *phrase_text* (``normalise.for_phrases`` output) discloses harm done to the writer."""
    return first_match(PATTERNS, phrase_text) is not None
