"""Disclosure: harm done to the writer: abuse, violence, sexual exploitation, grooming, threats.

Every pattern needs the writer as the one harmed (see :mod:`firstperson`): "my uncle touches me",
"I was raped", "he threatens to share my pictures", "ananipiga", "alinibaka", "nilibakwa".
General statements ("people who hurt children", "teach us about grooming", "kuna watu
wanaotumia mtandao kudhulumu watoto") stay clean.

Bullying and harassment of the writer count: they are harm the writer is living with, and a
person should read them before the board does.
"""

from __future__ import annotations

from facilitator.safety.firstperson import ADVERBS, SUBJECT, SW_TO_ME, compile_all
from facilitator.safety.prefilter import PatternSet

# English verbs of harm done to someone. Those with an everyday sense are fenced off below.
_HARM_VERBS = (
    r"(?:touch|touches|touched|touching|hurt|hurts|hurting|beat|beats|beating|beaten|abuse|abuses|abused|abusing|"
    r"rape|rapes|raped|raping|molest|molests|molested|molesting|grope|gropes|groped|groping|threaten|threatens|"
    r"threatened|threatening|blackmail|blackmails|blackmailed|blackmailing|sextort|sextorts|sextorted|sextorting|"
    r"harass|harasses|harassed|harassing|stalk|stalks|stalked|stalking|groom|grooms|groomed|grooming|bully|bullies|"
    r"bullied|bullying|cyberbully|cyberbullies|cyberbullied|slap|slaps|slapped|slapping|kick|kicks|kicked|kicking|"
    r"punch|punches|punched|punching|whip|whips|whipped|whipping|cane|canes|caned|caning|choke|chokes|choked|"
    r"choking|strangle|strangles|strangled|exploit|exploits|exploited|exploiting|coerce|coerces|coerced|coercing|"
    r"lure|lures|lured|drug|drugged|trap|traps|trapped|lock|locks|locked|starve|starves|starved|burn|burns|burned|"
    r"burnt|undress|undressed|insult|insults|insulted|insulting|humiliate|humiliates|humiliated|humiliating|"
    r"hit|hits|hitting|attack|attacks|attacked|attacking|assault|assaults|assaulted|assaulting|traffic|"
    r"trafficked|kidnap|kidnapped|defile|defiled|violate|violated|fondle|fondles|fondled|catfish|catfished|"
    r"manipulate|manipulates|manipulated|intimidate|intimidates|intimidated)"
)

# Participles for "I was ...", "I am being ...", "I got ...".
_PASSIVE = (
    r"(?:raped|molested|abused|sexually abused|physically abused|assaulted|sexually assaulted|touched|groped|"
    r"beaten|beaten up|trafficked|blackmailed|sextorted|groomed|threatened|harassed|sexually harassed|stalked|"
    r"bullied|cyberbullied|exploited|defiled|forced|kidnapped|attacked|whipped|caned|slapped|punched|kicked|choked|"
    r"strangled|drugged|locked (?:in|up)|trapped|pressured|coerced|lured|catfished|married off|fondled|"
    r"violated|undressed|filmed naked|photographed naked|hit)"
)

# "I was threatened by a scam message", "touched by the story", "hit by a car": not a person's doing.
_NOT_BY_THINGS = (
    r"(?!\s+by (?:a |an |the |this |these |some |your )?(?:scam|spam|message|email|sms|ads?|pop ?ups?|virus|game|"
    r"movie|film|song|story|stories|words|speech|kindness|app|exam|calls?|texts?|robocalls?|bots?|notifications?|"
    r"car|ball|bike|bicycle|matatu|boda|motorbike|bus|stone|dog|dogs|bees?|snake|the way)\b)"
)

_NUDE = (
    r"(?:nudes?|naked|nude|sexy|intimate|explicit|dirty|sexual|porn\w*|without (?:my )?clothes|(?:pictures?|"
    r"photos?|pics?|videos?) of my (?:body|private parts|breasts?|chest)|private parts|my body|my breasts?|"
    r"underwear|bra|boobs?|uchi|picha chafu)"
)
_PICTURES = r"(?:pictures?|photos?|pics?|videos?|nudes|images?|screenshots?|chats?|messages?|secrets?)"
_ADULT_OR_PERSON = (
    r"(?:he|she|they|someone|somebody|a man|a woman|a guy|an adult|this (?:guy|man|person|woman)|a stranger|my \w+|"
    r"the \w+|people)"
)

_PATTERNS = [
    # "someone is hurting me", "my stepfather beats me", "they bully me" (not "it hurts me to see",
    # "hit me up", "beat me at chess", "scared me" in a film sense is left in: rare on this board)
    # the lookbehinds are checked only where a harm verb and "me" stand (cheap on other text)
    rf"\b(?={_HARM_VERBS}\s+me\b)"
    r"(?<!\bit )(?<!\bthis )(?<!\bthat )(?<!\bwhich )(?<!\bwhat )"
    r"(?<!who want to )(?<!who wants to )(?<!who might )(?<!who may )(?<!who could )(?<!who would )"
    rf"(?<!who try to )(?<!who tries to )(?<!\b(?:car|bus) )(?<!\b(?:bike|ball|door|boda) )"
    r"(?<!\b(?:stone|lorry|truck) )(?<!\b(?:car|bus) (?:almost|nearly) )(?<!\bmatatu )(?<!\bbranch )"
    rf"{_HARM_VERBS}\s+me\b"
    r"(?!\s+(?:up\b|out\b|off\b|(?:on|at|kwa|via) (?:\+|\d|o\d|whatsapp|dm|snap|ig|insta|tiktok|telegram)|"
    r"(?:at|in|kwa|on) (?:a |the )?(?:race|game|games|match|fifa|chess|football|class|exams?|"
    r"maths|math|science|debates?|running|sports?|pubg|free fire|cards|draughts|pool|\w+ing)\b|to it|to (?:the|"
    r"a) (?:ball|finish|answer|punch)))",
    # Being made to do something: "forces me to send photos", "forced me to do things", "he forced me."
    # (not "my parents force me to study")
    r"\b(?:force|forces|forced|forcing|pressure|pressures|pressured|pressuring|make|makes|made|making|push|pushes|"
    r"pushed)\s+me\s+(?:to\s+|into\s+)?(?:have sex|having sex|sleep with|sleeping with|undress|strip|send|sending|"
    r"touch|touching|kiss|kissing|watch (?:porn|sex|dirty)|watching porn|do (?:things|stuff|sexual|bad|dirty|what)|"
    r"doing (?:things|stuff)|drink alcohol|smoke|take drugs|marry|get married|work for|keep (?:quiet|secrets?|"
    r"it secret)|meet (?:him|her|them|strangers))",
    r"\b(?:forced|forces|coerced|pressured)\s+me\s*(?:$|[.!?,;]|\band\b|\bbut\b)",
    r"\b(?:we|they|us)\s+(?:were|are|have been)\s+told\s+(?:not to|never to|to never|to not)\s+(?:tell|say|report)\b",
    # "my father beats my mother and me", "touches girls and me"
    rf"\b{_HARM_VERBS}\s+(?:[a-z]+\s+){{1,3}}and\s+me\b",
    # "he keeps texting me sexual things"
    r"\b(?:texts|texting|texted|messages|messaging|messaged|dms|dming|dmed|sends|sending|sent|calls|calling|says|"
    r"saying|said|tells|telling|told|writes|writing|wrote)\s+me\s+(?:\w+\s+)?(?:sexual|dirty|nasty|naughty|"
    r"inappropriate|explicit|sexy|disgusting)\s+(?:things|stuff|messages|texts|words|pictures|photos|videos|jokes)",
    # "my uncle comes into my room at night"
    r"\b(?:comes|came|coming|sneaks|sneaked|snuck|walks|walked|gets|got)\s+(?:in\s*)?(?:to|into|in)\s+my\s+(?:room|"
    r"bed|bedroom|bathroom|shower)\s+(?:at night|when|while|and)\b",
    # touched my body / private parts
    r"\b(?:touch|touches|touched|touching|grab|grabs|grabbed|grope|gropes|groped|feel|feels|felt|fondle|"
    r"fondled)\s+my\s+(?:body|private parts|privates|breasts?|chest|thighs?|bum|buttocks|butt|legs?|genitals)\b",
    # Physical harm to "us" by named people ("our teacher beats us"), not "people who abuse us"
    r"(?<!\bwho )(?<!\bthat )(?<!\bwhich )\b(?:beat|beats|beating|cane|canes|caned|whip|whips|whipped|touch|"
    r"touches|touched|molest|molests|rape|rapes|raped|abuse|abuses|abused|slap|slaps|slapped)\s+us\b",
    # "I was raped", "I'm being blackmailed", "I got bullied", "me I was beaten"
    rf"(?<!\bif )(?<!\bwhat if )(?<!\beven if ){SUBJECT}{ADVERBS}\s+(?:was|were|got|get|am|are|have been|has been|"
    rf"had been|am being|being|been|keep getting|kept getting|keep being|was being|am always|always get|"
    rf"sometimes get)\s+(?:always\s+|often\s+|sometimes\s+|being\s+|repeatedly\s+)?{_PASSIVE}\b"
    rf"{_NOT_BY_THINGS}",
    rf"\b(?:im|ive been|i get|i got|i keep getting)\s+(?:always\s+|often\s+|being\s+|sometimes\s+)?{_PASSIVE}\b"
    rf"{_NOT_BY_THINGS}",
    # Pictures taken of the writer: "someone took pictures of me in the shower"
    r"\b(?:took|takes|taking|take|filmed|films|filming|recorded|records|recording|secretly \w+)\s+(?:pictures?|"
    r"photos?|pics|videos?)\s+of\s+me\s+(?:in the (?:shower|bathroom|toilet)|naked|undressed|changing|"
    r"without (?:my )?clothes|while i (?:slept|was sleeping|was changing|was bathing|was showering))",
    r"\b(?:filmed|films|filming|recorded|records|recording)\s+me\s+(?:in the (?:shower|bathroom|toilet)|naked|"
    r"undressed|changing|without (?:my )?clothes)",
    # Requests for nude pictures: "a man online asked me for nude photos", "wants me to send nudes"
    rf"\b(?:ask|asks|asked|asking|want|wants|wanted|keeps asking|told|tells|forced|forcing|forces|pressures?|"
    rf"pressured|pressuring|begs|begging|begged|demands?|demanded|demanding|convinced|convince|tricked|making|made|"
    rf"makes|ordered|orders)\s+me\s+(?:for|to|into)\b[^.!?]{{0,40}}?\b{_NUDE}",
    r"\b(?:makes?|made|making|forced|forces|forcing)\s+me\s+(?:to\s+)?(?:undress|strip|take off my clothes|"
    r"touch (?:him|her|his|their)|watch (?:porn|sex|dirty)|kiss (?:him|her))",
    r"\bme\s+to\s+(?:undress|strip|take off my clothes|remove my clothes|have sex|sleep with (?:him|her|them)|"
    r"touch (?:him|her|his|their)|do sexual|send (?:him|her|them) (?:nudes|pictures of my body))",
    r"\bme\b[^.!?]{0,30}\b(?:for|send|sending|share|sharing|asking for|requesting|demanding)\s+(?:him\s+|her\s+|"
    r"them\s+)?(?:my\s+|some\s+|a few\s+|more\s+)?(?:nudes|nude (?:photos?|pictures?|pics?|videos?)|"
    r"naked (?:photos?|pictures?|pics?|videos?))",
    r"\b(?:follows|followed|following|stalks|stalked)\s+me\s+(?:home|everywhere|to school|around|after school)\b",
    r"\b(?:send|sends|sent|sending|show|shows|showed|showing|share|shares|shared)\s+me\s+(?:his\s+|her\s+|"
    r"their\s+)?(?:nudes?|naked|nude|porn\w*|dirty|sexual|explicit|inappropriate|private parts|pictures of his|"
    r"photos of his|videos of (?:him|her|them|people) (?:naked|having))",
    r"(?<!never )(?<!not )(?<!dont )\b(?:has|have|had|got|leaked|leak|posted|post|shared|share|sent|took|saved|"
    r"screenshotted|using|uses|used|spread|spreading|selling|sold|exposed|keeps)\s+my\s+(?:nudes|nude (?:photos?|"
    r"pictures?|pics?|videos?)|naked (?:photos?|pictures?|pics?|videos?)|private (?:photos|pictures|pics|videos))\b",
    # Harm in general words: "my uncle does bad things to me"
    r"\b(?:does|did|do|doing|done|keeps doing)\s+(?:bad|sexual|dirty|weird|nasty|inappropriate|horrible|terrible|"
    r"things|stuff)\s+(?:things\s+|stuff\s+)?to\s+me\b",
    # An adult partner: "my boyfriend is 30 and I am 14", "I'm dating a 25 year old"
    r"\bmy\s+(?:boyfriend|bf|girlfriend|gf|mpenzi|sponsor|sponsa)\s+(?:is|ni)\s+(?:(?:1[89]|[2-9]\d)\b|an adult|"
    r"married|much older|way older|a grown man|mzee)",
    r"\b(?:dating|date|seeing|going out with)\s+(?:a|an)\s+(?:(?:1[89]|[2-9]\d)\s*(?:year old|yr old|yo)|older man|"
    r"married man|adult|grown man)",
    r"\b(?:i have|ive got|i got|nina)\s+(?:a\s+)?(?:sponsor|sponsa|sugar daddy|sugar mummy|sugar mommy)\b",
    # Sent sexual material: "someone sent me a video of himself naked"
    r"\b(?:send|sends|sent|sending|show|shows|showed|showing)\s+me\b[^.!?]{0,30}?\b(?:naked|nude|porn\w*|"
    r"private parts|without (?:his|her|their) clothes|(?:his|her) (?:penis|dick|body))",
    # Harassment aimed at the writer's life: "they keep telling me to kill myself"
    r"\b(?:tell|tells|telling|told|text|texts|texting|texted)\s+me\s+to\s+(?:kill myself|kill my self|die|go die|"
    r"kms|unalive)",
    # Child marriage: "my parents want me to get married", "wanataka niolewe"
    r"\b(?:want|wants|wanted|forcing|force|forced|arranged for|planning for|plan for)\s+me\s+to\s+(?:marry|"
    r"get married|be married)",
    r"\b(?:wanataka|anataka|wamepanga|amepanga|wanalazimisha)\s+(?:niolewe|nioe|kunioza|kuniozesha|niolewe na)\b",
    r"\b(?:sponsor|sponsa|sugar daddy|sugar mummy)\s+(?:wangu|yangu)\b|\bmy\s+(?:sponsor|sponsa|sugar daddy|"
    r"sugar mummy)\b",
    # "he said he would kill me if I told"
    r"\b(?:kill|hurt|beat|harm|rape|punish)\s+(?:me|my \w+)\s+if\s+i\s+(?:tell|told|report|reported|say|said|speak|"
    r"spoke|talk)\b",
    # Threats to stop the writer telling: "if I tell anyone he will hurt my family"
    r"\bif i (?:tell|report|say|speak|talk)\b[^.!?]{0,40}\b(?:he|she|they|he ll|she ll)\s*(?:will|ll|would|"
    r"is going to|gonna|can)\s+(?:hurt|kill|beat|post|share|leak|harm|send|expose|punish)",
    r"\bthreat\w*\s+(?:me\s+)?(?:to|that (?:he|she|they) (?:will|would|ll))\s+(?:hurt|kill|beat|harm|rape)\s+(?:me|"
    r"my)\b",
    r"\b(?:asking|asks|asked|wants|wanted|demanding|demands|demanded)\s+(?:for\s+)?my\s+(?:photos|pictures|pics|"
    r"nudes|videos)\b",
    # Someone asking the writer for pictures of themselves: "a man keeps asking me for photos"
    r"\b(?:asking|asks|asked|wants|wanted|keeps asking|kept asking|demanding|demands|demanded|begging|begs|"
    r"pressur\w+)\s+me\s+(?:for|to send(?: him| her| them)?)\s+(?:more\s+|some\s+|a\s+)?(?:photos?|pictures?|"
    r"pics|videos?|selfies?)\b"
    # photos of a thing ("of the notes", "of the dog") are not photos of the child
    r"(?!\s+(?:of|za|ya)\s+(?:the\s+|my\s+|our\s+|his\s+|her\s+|your\s+)?(?:notes|homework|timetable|dog|puppy|cat|cake|"
    r"event|trip|project|assignment|board|book|work|questions?|answers|results|receipt|form|uniform|food)\b)",
    # Threats to publish: "he threatens to share my pictures", "she says she will post my photos"
    r"\bthreat\w*\s+(?:me\s+)?(?:to|that (?:he|she|they) (?:will|would|ll))\s+(?:share|post|leak|send|expose|"
    r"publish|show|spread|upload|release|tell)\s+(?:my|our|me)\b",
    rf"\b{_ADULT_OR_PERSON}\s+(?:says|said|say|keeps saying)\s+(?:he|she|they)\s*(?:will|ll|would|is going to|"
    rf"are going to|gonna)\s+(?:share|post|leak|send|expose|publish|show|spread|upload)\s+my\s+{_PICTURES}",
    r"\b(?:will|is going to|gonna|wants to)\s+(?:share|post|leak|expose|publish|spread|upload)\s+my\s+(?:nudes|"
    r"private|naked|nude)",
    # Grooming: gifts or money plus secrecy or meeting; being asked to meet alone; secrets
    r"\b(?:sends?|sent|sending|gives?|gave|giving|buys?|bought|buying|offers?|offered|promised?|"
    r"promises)\s+me\s+(?:money|cash|gifts?|airtime|credit|data|bundles|presents?|a phone|phones?|things|pesa|"
    r"mpesa|fare)\b.{0,150}?\b(?:meet|alone|secret|dont tell|not to tell|photos?|pictures?|pics|visit|"
    r"come to (?:his|her)|hotel|his house|her house|his room|lodging|sleep|tukutane|peke)",
    r"\b(?:wants?|wanted|asks?|asked|asking|told|tells|invited|invites|begging|begs|keeps asking|insists|insisted|"
    r"pressur\w+)\s+me\s+to\s+(?:meet|see|visit|come|go)\b[^.!?]{0,30}?\b(?:alone|in secret|secretly|privately|"
    r"in private|(?:at|to) (?:his|her|their) (?:house|place|room|home|car)|without telling|and not tell|hotel|"
    r"at night|in person)",
    r"\b(?:wants?|wanted|asks?|asked|asking|keeps asking|trying)\s+to\s+(?:meet|see)\s+me\b[^.!?]{0,30}?\b(?:alone|"
    r"in secret|secretly|privately|in private|at (?:his|her|their) (?:house|place|room|home)|without|hotel|"
    r"at night|in person)",
    r"\b(?:told|tells|tell|telling|warned|warns|made|makes)\s+me\s+(?:not\s+to|to\s+never|never\s+to|to\s+not|"
    r"not)\s+(?:tell|say|report|talk)\b",
    r"\b(?:says|said|told me|tells me)\s+(?:it is|its|it was|this is|this will be|it will be)\s+(?:our|"
    r"a)\s+(?:little\s+)?secret\b",
    r"\b(?:wants?|wanted|asks?|asked|forced|forces|forcing|pressur\w+)\s+me\s+to\s+(?:have sex|sleep with|"
    r"be (?:his|her) (?:girlfriend|boyfriend|wife|lover|sugar))",
    # Fear of a person at home or close by
    r"\b(?:im|i am|i feel|i get)\s+(?:so\s+|very\s+|really\s+)?(?:scared|afraid|terrified|frightened)\s+(?:of|"
    r"to go|to be)\s+(?:my (?:uncle|father|stepfather|dad|mother|mum|mom|stepmother|stepmum|brother|teacher|coach|"
    r"pastor|boyfriend|neighbou?r|cousin|aunt|guardian|employer|boss|step dad|stepdad)|home|going home|alone with)\b",
    # --- Kiswahili and Sheng ---
    # Verb with "me" as object: ananipiga, alinibaka, ananiguza, wananinyanyasa, anayenitumia ...
    # (holding a hand to help is not harm: "alinishika mkono akanisaidia kuandika")
    # (nor is nobody holding my hand: "hakuna mtu ananishika mkono")
    rf"(?<!hakuna mtu )(?<!hamna mtu )(?<!hakuna )(?<!no one )(?<!nobody ){SW_TO_ME}(?:(?:gus(?:a|ia|e)|guz(?:a|ia|e)|"
    rf"shik(?:a|e|ilia)(?!\s+mkono\b.{{0,25}}\b\w*(?:saidia|salimia|vusha|vuka|pongeza))|"
    rf"pig(?:a|e|i)(?!\s+(?:simu|picha|stori|kelele|marufuku|faini|"
    rf"makofi\b))|"
    r"chap(?:a|e)|bak(?:a|e)|lazimish(?:a|e)|shurutish(?:a|e)|tishi(?:a|e)|tish(?:a|e)|sumbu(?:a|e)|nyanyas(?:a|e)|"
    r"dhulumu|dhulumi(?:a|e)|tes(?:a|e)|fuatili(?:a|e)|vizi(?:a|e)|tomb(?:a|e)|dhalilish(?:a|e)|tongoz(?:a|e)|"
    r"tukan(?:a|e)|tusi|one(?:a|e)|chokoz(?:a|e)|dhihaki|umiz(?:a|e)|finy(?:a|e)|kab(?:a|e)|vu(?:a|lia) nguo|"
    r"vu(?:a|lia) chupi|tek(?:a|e)|(?:ita|ite) (?:kwake|chumbani))\b|"
    # Sheng: an English verb with Swahili prefixes ("ananitouch", "alinibully")
    r"(?:touch|harass|bully|force|stalk|rape|abuse|beat|molest|groom|exploit|blackmail|threaten|slap|kick|pressure|"
    r"sextort)\w*\b)",
    rf"{SW_TO_ME}fany(?:ia|ie|a)\s+(?:vibaya|mabaya|ubaya|tabia mbaya|mambo (?:mabaya|ya aibu|machafu|ya kikubwa|"
    rf"ya ngono)|"
    r"mchezo mbaya|unyama|ngono)",
    rf"{SW_TO_ME}(?:tumi(?:a|e)|onyesh(?:a|e)|let(?:e|ea))\s+(?:picha|video|vitu|jumbe|messages|vidio)\s+(?:chafu|"
    rf"za uchi|"
    r"za ngono|mbaya|za aibu|za kikubwa)",
    rf"{SW_TO_ME}(?:tumi(?:a|e)|onyesh(?:a|e))\s+(?:nudes|porn\w*|uchi)",
    rf"{SW_TO_ME}(?:tumi(?:a|e)|andiki(?:a|e))\s+(?:meseji|jumbe|ujumbe|messages|texts|sms)\s+(?:za\s+|wa\s+)?"
    r"(?:matusi|vitisho|chafu|za kutisha|mbaya)",
    rf"{SW_TO_ME}(?:omb(?:a|e)|itish(?:a|e)|tak(?:a|e)|lazimish(?:a|e))\b[^.!?]{{0,30}}?\b(?:uchi|chafu|ngono|nudes|"
    r"mwili wangu|bila nguo|kimapenzi|kingono|picha za (?:mwili|chupi))",
    rf"{SW_TO_ME}ambi(?:a|e)\s+(?:nisimwambie|nisiseme|nisimweleze|ni siri|tusiseme|nisiwaambie|usimwambie)"
    r"(?!\s+(?:uongo|vibaya|matusi|maneno mabaya|lies))",
    r"\b(?:atapost|ataweka|atatuma|atasambaza|ataonyesha|ataleak|ataanika)\s+(?:picha|video|nudes|siri)\s+(?:zangu|"
    r"yangu)",
    # Physical or sexual harm to "us": "walimu hutupiga", "wanatuchapa"
    r"\b(?:(?:a|wa|m)(?:na|li|me|ta)|hu)tu(?:piga|chapa|gusa|guza|baka|nyanyasa|tesa|dhulumu|umiza|tishia|lazimisha|"
    r"shika(?:\s+shika)?(?!\s+mkono\b))\b"
    r"(?!\s+(?:msasa|simu|picha|stori|kelele|pasi|deki|hesabu|kura|chenga|marufuku|faini))",
    r"\b(?:tu|ni)(?:li|me|na)?ambiwa\s+(?:tusimwambie|nisimwambie|tusiseme|nisiseme|tusiwaambie|nisiwaambie)\b"
    r"(?!\s+(?:uongo|vibaya|matusi|maneno mabaya|lies))",
    # Passive with "I" as subject: nilibakwa, ninapigwa, nimetishiwa, mimi hupigwa
    r"\b(?:ni(?:na|li|me|ta|ki|nge|kiwa)?|mimi hu|huwa na|na)(?:bakwa|"
    r"pigwa(?!\s+(?:picha|simu|marufuku|faini|msasa|pasi|deki))|"
    r"chapwa|guswa|"
    r"guzwa|shikwa|tishiwa|tishwa|nyanyaswa|dhulumiwa|teswa|lazimishwa|shurutishwa|sumbuliwa|tongozwa|dhalilishwa|"
    r"fuatiliwa|viziwa|tukanwa|onewa|umizwa|tombwa|vuliwa nguo|tumiwa (?:picha|video) (?:chafu|za uchi)|"
    r"blackmailiwa|threatenwa|bulliwa|forciwa|abusiwa|rapiwa|uzwa|tekwa|fanyiwa (?:vibaya|mabaya|ubaya|"
    r"unyama))\b(?!\s+(?:sana\s+)?(?:na (?:hadithi|maneno|ujumbe|wimbo|filamu|somo)|moyoni|moyo))",
    # Grooming in Kiswahili: money or gifts, then meeting alone or secrecy
    r"\b(?:ananitumia|alinitumia|amenitumia|ananipa|alinipa|amenipa|ananinunulia|alininunulia|ananiahidi|"
    r"aliniahidi|ananiletea|alinilete[a]?)\s+(?:pesa|zawadi|simu|airtime|credit|vitu|bundles|data|fare|"
    r"nauli)\b.{0,150}?\b(?:tukutane|kukutana|nikutane|tuonane|kuonana|nikuje|niende kwake|peke (?:yetu|yangu)|"
    r"kwa siri|kisiri|siri|nisimwambie|picha|kwake|lodging|hotelini|usiku)",
    r"\b(?:tukutane|nikutane naye|kukutana naye|kukutana nami|tuonane|kuonana naye|niende kwake|nimtembelee|"
    r"nikutane nao|anataka tukutane)\b[^.!?]{0,40}?\b(?:peke (?:yetu|yangu)|kwa siri|kisiri|usiku|hotelini|lodging|"
    r"bila (?:wazazi|mtu|kuwaambia|kumwambia|mama|baba))",
    r"\b(?:ameniambia|ananiambia|aliniambia|wananiambia|walisema|alisema|anasema)\s+(?:ni siri yetu|hii ni siri|"
    r"nisimwambie|nisiwaambie|nisiseme|tusiseme)(?!\s+(?:uongo|vibaya|matusi|maneno mabaya))",
    r"\b(?:naogopa|ninaogopa|nimeogopa|huwa naogopa)\s+(?:kwenda nyumbani|kurudi nyumbani|kukaa na|"
    r"kuwa peke yangu na|mjomba|baba|mama|kaka|mwalimu|shangazi|binamu|jirani)",
]

PATTERNS = compile_all(_PATTERNS)  # one by one, to tell which rule fired when debugging
_ANY_PATTERN = PatternSet(_PATTERNS)


def detect(phrase_text: str) -> bool:
    """True when *phrase_text* (``normalise.for_phrases`` output) discloses harm done to the writer."""
    return _ANY_PATTERN.search(phrase_text)
