"""Lexicons of the classes the first rules missed (issue 14), as patterns over phrase text.

Each list is a class, not a set of example sentences: hopelessness, soft death wishes, methods and
warning signs for distress; harm to another child, grooming steps, sextortion as a condition,
stalking for disclosure. All run on ``normalise.for_phrases`` output (lower case, no apostrophes,
leetspeak undone) and need the speaker's situation in them (a person doing, a child harmed, "I",
"me", "yangu"), so statements about the topic stay clean.
"""

from __future__ import annotations

import re

from facilitator.safety.firstperson import compile_all
from facilitator.safety.prefilter import PatternSet

# --- Distress -----------------------------------------------------------------------------------

_DIE_SW = (
    r"(?:nife|nidie|nidedi|nikufe|nipotee|niondoke|nijiue|niishie|nisiamke|nilale milele|nisiwe hai|nisiwepo|"
    r"nisiwe duniani|nisiwe hapa duniani|nisingekuwa hai|nisingekuwepo)"
)
_MEANS = (
    r"(?:poison|sumu|rat poison|sumu ya panya|jik|bleach|pills|vidonge|tablets|dawa|panadol|rope|kamba|razor|wembe|"
    r"blade|knife|kisu)"
)
# The writer lingering somewhere: "i just stand", "nilikaa", "nabaki"
_LINGER = (
    r"\b(?:i\s+(?:just\s+|always\s+|still\s+|often\s+|sometimes\s+)?(?:stand|stood|stay|stayed|linger\w*|sit|sat|wait|"
    r"waited)|nasimama|nilisimama|nimesimama|nakaa|nilikaa|nimekaa|nabaki|nilibaki|nimebaki|nikakaa|nikasimama|"
    r"nikabaki)"
)
# Vehicles a child may step or jump in front of: "mbele ya matatu", "under a lorry", "nduthi", "mat"
_VEHICLE = (
    r"(?:matatus?|mat|mathree|lorry|lorries|lori|nduthi|boda|bodaboda|boda boda|bus|basi|gari|car|truck|trailer|"
    r"train|treni|piki|pikipiki|motorbike|tuktuk|nganya)"
)
# Heights and water a child may stand at: "kwa edge ya lake", "the railway bridge", "darajani"
_EDGE = (
    r"(?:bridge|daraja|darajani|footbridge|railway|reli|rail line|lake|ziwa|ziwani|river|mto|mtoni|dam|bwawa|"
    r"rooftop|roof|cliff|mwamba|ghorofa|balcony)"
)
_DISTRESS = [
    # The means set aside "for me": "kuna dawa ya kuogesha ngombe kwa stoo, nimeiweka pembeni kwa ajili yangu"
    rf"\b{_MEANS}\b.{{0,60}}\b(?:nime|nili|na|ni)?(?:i|zi|vi|u|ki)?(?:weka|ficha|hifadhi)\w*\b.{{0,25}}"
    r"\b(?:kwa ajili yangu|kwa ajili ya mimi|kwa siku yangu)\b"
    rf"|\b(?:kept|put|set|saved|hid|hidden)\s+(?:\w+\s+){{0,2}}?{_MEANS}\b.{{0,25}}\b(?:aside )?for (?:me|myself|"
    r"later|when i need (?:it|them))\b",
    # Jumping into water, or pulled out of it: "wanted to jump in the lake, a boat guy saw me and pulled me out"
    r"\b(?:wanted to|tried to|want to|wanna|almost|nilitaka|nilijaribu|nataka|nikitaka)\s+(?:ku)?(?:jump|jirusha|ruka|"
    r"rusha)\s+(?:in|into|ndani ya|kwa|kwenye|off)\s+(?:the\s+)?(?:lake|river|sea|ocean|dam|well|ziwa|ziwani|mto|mtoni|"
    r"bahari|baharini|bwawa|kisima)\b"
    r"|\b(?:pulled me out of the (?:water|river|lake|sea|dam)|akanitoa (?:majini|kwa maji|mtoni|ziwani|baharini))\b",
    # Tried before with the means: "nimejaribu mara mbili na dawa za malaria, sasa nimebaki na pakiti moja"
    r"\b(?:nimejaribu|nilijaribu|nishajaribu|i tried|ive tried|i have tried)\s+(?:(?:mara \w+|twice|once|before|again|"
    rf"tena|\w+ times)\s+)(?:na|with)\s+(?:\w+\s+)?{_MEANS}\b",
    # A letter not to be opened until a day: "nimeandikia shoga yangu barua, nimemwambia asifungue mpaka ijumaa"
    r"\b(?:barua|letter|note|ujumbe)\b(?!.{0,60}\b(?:birthday|christmas|krismasi|zawadi|gift|card|kadi)\b).{0,60}"
    r"\b(?:asifungue|usifungue|msifungue|dont open|not to open|do not open|wasifungue)\b.{0,20}\b(?:mpaka|until|till|"
    r"before|hadi)\b",
    # Something given away that will not be needed again: "nimepeana mbuzi wangu kwa cuzo, sitamhitaji tena"
    r"\b(?:nimepeana|nimegawa|nimewapa|nimempa|nimempea|nimewapea|nimegive|gave away|given away|i gave|ive given)\b"
    r"(?!.{0,60}\b(?:zamani|old|too small|zimenibana|vimenibana|hazinitoshi|havinitoshi|outgrew|mpya|new one)\b)"
    r".{0,50}\b(?:sita(?:m|ki|vi|zi|i|u|wa|li)?hitaji\s+(?:tena|kamwe)|wont need (?:it|them|him|her) (?:anymore|again|"
    r"ever))\b",
    # A tree or a beam looked at with the rope in hand: "kuna mti nyuma ya boma, nimeutazama sana na kamba mkononi"
    r"\b(?:mti|tree|boriti|beam|dari|ceiling)\b.{0,40}\b(?:nimeutazama|nimeitazama|nimeuangalia|nimeiangalia|natazama|"
    r"naangalia|nikiutazama|nikiuangalia|staring at|stared at|looking at|looked at|i keep looking)\b.{0,30}"
    r"\b(?:kamba|rope)\b|\b(?:kamba|rope)\s+(?:mkononi|in my hand)\b.{0,40}\b(?:mti|tree|boriti|beam|dari)\b"
    r"|\b(?:staring at|stared at|looking at|looked at|i keep looking at|naangalia|natazama|nikiangalia|nikitazama)\s+"
    r"(?:the\s+|ule\s+|ile\s+)?(?:\w+\s+)?(?:mti|tree|boriti|beam|dari|ceiling)\b.{0,40}\b(?:kamba|rope)\b",
    # The blade taken up again, or not put down: "nimeshika wembe tena leo, sikutaka but i couldnt stop"
    r"\b(?:nimeshika|nilishika|nimechukua|nilichukua|nikashika|nikachukua|i picked up|picked up|i held|im holding|"
    r"i took out|took out)\s+(?:the\s+|my\s+|a\s+|ile\s+)?(?:wembe|blade|razor|kisu|knife)\s+(?:tena|again)\b"
    r"(?!.{0,30}\b(?:kukata (?:vitunguu|nyama|mboga|karatasi)|kupika|kunyoa|shave|shaving|cook|cooking|onions|sharpen|"
    r"penseli|pencil|chakula|food)\b)",
    r"\b(?:wembe|blade|razor)\b.{0,40}\b(?:couldnt stop|could not stop|sikuweza kuacha|nilishindwa kuacha|"
    r"siwezi kuacha|cant stop)\b",
    # In a dark place, drowning with nobody to hold a hand: "niko gizani sana, nahisi ni kama nazama"
    r"\b(?:niko gizani|nimo gizani|nipo gizani|im in a (?:really )?dark place|i am in a (?:really )?dark place|"
    r"in a dark place)\b|\b(?:nazama|im drowning|i am drowning)\b.{0,20}\b(?:hakuna mtu|no one|nobody)\b"
    r"|\b(?:hakuna mtu|no one|nobody)\s+(?:ananishika|anayenishika|holds|to hold|holding)\s+(?:my\s+)?(?:mkono|hand)\b",
    # Thinking of swallowing or drinking the means: "i keep thinking about swallowing his sleeping pills"
    r"\b(?:thinking|think|thought|keep thinking|nafikiria|nawaza|nikifikiria|nikiwaza)\s+(?:about|of|kuhusu)?\s*"
    r"(?:swallowing|drinking|overdosing on|kumeza|kunywa)\s+(?:\w+\s+){0,3}?(?:pills|tablets|poison|"
    r"bleach|jik|sumu|vidonge|dawa ya panya|rat poison|dawa za usingizi|sleeping pills|meds)\b",
    # Not eating on purpose, wanting to fade: "havent eaten properly in weeks on purpose, i just want to fade"
    r"\b(?:havent eaten|not eating|stopped eating|skipping meals|skip meals|sili|sijakula|nimeacha kula|nakataa kula|"
    r"starving myself)\b(?!\s+(?:sukari|sugar|junk|chips|nyama|meat|sweets|pipi|bread|mkate)\b).{0,40}"
    r"\b(?:on purpose|makusudi|deliberately|kwa makusudi)\b(?!.{0,40}\b(?:diet|fasting|kufunga|ramadhan|ramadan|lent|"
    r"kwaresma)\b)"
    r"|\b(?:just want to|i want to|wanna|i wish i could|i could just|ill just|i will just|want to just)\s+(?:fade|"
    r"fade away|fade out|waste away|wither away)\b|\bless of me every day\b",
    # Going into water wanting to drown: "niliingia kwa Nairobi river nikitaka kuzama"
    r"\b(?:nikitaka|nilitaka|nataka|natamani|wanting to|wanted to|want to|tried to)\s+(?:(?:ku)?(?:jizamisha|"
    r"drown myself)\b|(?:ku)?(?:zama|drown)\b(?=.{0,40}\b(?:maji|mto|mtoni|river|lake|ziwa|bahari|bwawa|dam|sea|ocean|"
    r"beach|kisima|well|pool|nife|kufa|die)\b))",
    r"\b(?:maji|mto|mtoni|river|lake|ziwa|ziwani|bahari|baharini|bwawa|bwawani|dam|sea|ocean|kisima|kisimani)\b.{0,40}"
    r"\b(?:nikitaka|nilitaka|nataka|natamani|wanting to|wanted to|want to|tried to)\s+(?:ku)?(?:zama|drown)\b",
    # Letters to close people to be delivered later: "wrote letters to my 3 closest friends, theyll get them on monday"
    r"\b(?:wrote|written|writing|nimeandika|niliandika|nimewaandikia|nimemwandikia|nimeandikia)\s+(?:\w+\s+)?"
    r"(?:letters?|barua)\s+(?:to|kwa)\s+(?:\w+\s+){0,3}?(?:friends?|marafiki|rafiki|family|familia|mum|mom|mama|dad|"
    r"baba|sister|brother|dada|kaka|siblings|ndugu)\b(?!.{0,60}\b(?:christmas|birthday|pen ?pals?|thank you|"
    r"invitations?)\b).{0,40}\b(?:theyll get|they will get|they ll get|watazipata|wataipata|watapata|atapata|"
    r"ataipata|she will get|shell get|he will get|hell get|will find them|will read them|watazisoma)\b",
    # Sorry to be still alive on waking: "naamka nikiwa disappointed kwamba bado niko hai", "upset i woke up again"
    r"\b(?:disappointed|sad|upset|angry|annoyed|mad|sikitika|nasikitika|nahuzunika|nachukia|hate|hating|huzuni|"
    r"nakasirika|frustrated)\b.{0,30}\b(?:(?:that\s+|kwamba\s+|kuwa\s+)?(?:bado|still)\s+(?:niko hai|nipo hai|nipo|"
    r"niko duniani|(?:im|i am)\s+(?:alive|here|breathing))|(?:that\s+)?(?:im|i am)\s+still\s+(?:alive|here|breathing)|"
    r"i woke up again|(?:niliamka|nimeamka|nikaamka|naamka) tena)\b",
    r"\b\w*hate\s+(?:vile|how|that|kwamba)\s+(?:i\s+)?(?:naamka|nikiamka|wake up|i wake up|niliamka)\b.{0,30}"
    r"\b(?:bado|still)\s+(?:niko hai|nipo hai|nipo|niko duniani|(?:im|i am)\s+(?:alive|here|breathing))\b",
    # Lingering at a height or on the rail line longer than one should: "stand at the top longer than i should"
    r"\b(?:footbridge|bridge|daraja|ghorofa|roof|rooftop|paa|balcony|roshani|cliff|mwamba|ukingo|quarry|railway|"
    rf"reli|rail line|tracks|top floor|river|mto)\b.{{0,60}}{_LINGER}\b"
    r".{0,30}\b(?:longer than (?:i should|i need to|usual|normal|before|ever)|kuliko kawaida|kuliko inavyofaa|"
    r"kwa muda mrefu kuliko)",
    rf"{_LINGER}\b.{{0,30}}\b(?:footbridge|bridge|daraja|ghorofa|roof|rooftop|"
    r"paa|balcony|roshani|cliff|mwamba|ukingo|quarry|railway|reli|rail line|tracks|top floor)\b.{0,40}"
    r"\b(?:longer than (?:i should|i need to|usual|normal|before|ever)|kuliko kawaida|kuliko inavyofaa|"
    r"kwa muda mrefu kuliko)",
    # The last thing the writer will write or say anywhere: "this is probably the last thing ill write anywhere"
    r"\b(?:last thing|last words|last message|maneno ya mwisho|kitu cha mwisho|kitu ya mwisho|ujumbe wa mwisho)\b"
    r".{0,25}\b(?:ill|i will|i ll|ill ever|nitaandika|nitasema|nitatuma|you will|youll|mtapata|mtasoma)\b.{0,20}"
    r"\b(?:anywhere|ever|again|kabisa|popote|milele|tena|from me|kutoka kwangu|duniani)\b",
    # Fixing on the means again and again: "kuna kamba kwa stoo, nimeiangalia mara nyingi sana wiki hii"
    rf"\b{_MEANS}\b.{{0,50}}\b(?:(?:nime|nili|na|ni|ni(?:ki|na))(?:i|zi|vi|u|ki)(?:angalia|tazama|kodolea|fikiria|"
    r"shika|gusa)|looked at (?:it|them)|been looking at (?:it|them)|look at (?:it|them)|thought about (?:it|them)|"
    r"checked (?:it|them))\b.{0,20}\b(?:mara nyingi|many times|so many times|so often|again and again|kila siku|"
    r"every day|everyday|every night|kila usiku|a lot|zaidi ya mara)",
    # At the edge of a height, looking down for long or thinking: "nikakaa kwa edge nikitazama chini muda mrefu"
    r"\b(?:ghorofa|roof|rooftop|paa|balcony|roshani|daraja|bridge|footbridge|cliff|mwamba|edge|ukingo|top floor)\b"
    r".{0,50}\b(?:nikitazama|nikiangalia|natazama|naangalia|niliangalia|nilitazama|nikachungulia|nikichungulia|"
    r"looking|staring|stared|looked|peering)\s+(?:down|chini)\b"
    r"(?!\s+(?:at|kwa)\s+(?:the\s+)?(?:view|city|fish|ducks|animals|wanyama|samaki|mji|lights|taa|game|match|parade))"
    r".{0,40}\b(?:muda mrefu|kwa muda|for (?:a )?long|"
    r"for (?:an|one|two) hours?|for hours|kwa masaa|kwa saa|thinking|nikiwaza|nikifikiria|wondering|how far|how high|"
    r"ni juu kiasi gani|ni mbali kiasi gani)",
    r"\b(?:nikitazama|nikiangalia|natazama|naangalia|niliangalia|nilitazama|nikachungulia|nikichungulia|nilichungulia|"
    r"nachungulia)\s+chini\b.{0,30}\b(?:ghorofa|paa|roshani|daraja|bridge|footbridge|balcony|mwamba|ukingo)\b.{0,40}"
    r"\b(?:muda mrefu|kwa muda|kwa masaa|kwa saa|nikiwaza|nikifikiria)",
    # Sleeping forever, still here without knowing why, a future already over
    r"\b(?:sleep|sleeping|lala|kulala)\s+(?:forever|milele)\b|\b(?:why|y)\s+(?:am i|im|i am)\s+still\s+(?:here|alive|"
    r"breathing)\b|\bfuture\s+yangu\s+(?:iliisha|imeisha|imekwisha|ilikwisha|is over|imeharibika kabisa)\b",
    # Lying down on the road or the rail line: "nikilala kwa barabara usiku mathree itanisaidia"
    r"\b(?:nikilala|nilale|nikalale|kulala|lie|lying|lay)\s+(?:down\s+)?(?:kwa|katikati ya|on the|in the middle of the|"
    r"on)\s+(?:barabara|road|reli|railway|rail line|highway)\b",
    # Drowning tried: "nimejaribu kuzama kwa mto"
    r"\b(?:nimejaribu|nilijaribu|nikajaribu|tried to|i tried to)\s+(?:ku)?(?:zama|jizamisha|drown)\b",
    # Things given away, and "don't ask why"
    r"\b(?:nimegawa|nimewapa|nimewapatia|nimepeana|nimegive|gave away|given away|giving away)\b.{0,50}"
    r"\b(?:msiniulize|usiniulize|dont ask (?:me )?why)\b",
    # Pills swallowed by the count: "nilimeza painkillers kumi", "i took 20 tablets"
    r"\b(?:nilimeza|nimemeza|nikameza|nimeshameza|swallowed|i took|took|drank)\s+(?:(?:[2-9]\d|1[0-9]|kumi|ishirini|"
    r"thelathini|ten|twelve|fifteen|twenty|thirty)\s+(?:\w+\s+)?(?:dawa|vidonge|pills|tablets|panadols?|painkillers|"
    r"meds)|(?:\w+\s+)?(?:dawa|vidonge|pills|tablets|panadols?|painkillers|meds)\s+(?:[2-9]\d|1[0-9]|kumi|ishirini|"
    r"thelathini|ten|twelve|fifteen|twenty|thirty))\b",
    # Throwing or drowning oneself in water: "naeza jirusha kwa maji ya lake", "nijizamishe mtoni"
    r"\b(?:\w*jirush\w*|\w*jitup\w*|\w*jizamish\w*|throw myself|drown myself)\b.{0,30}\b(?:maji|majini|ziwa|ziwani|"
    r"lake|river|mto|mtoni|bahari|baharini|ocean|sea|dam|bwawa|bwawani|kisima|kisimani|the well)\b"
    r"|\b(?:nijizamishe|kujizamisha|nitajizamisha|drown myself)\b",
    # Last letters written: "nishamaliza kuandika barua zangu za mwisho", "my final letters are ready"
    r"\b(?:barua|ujumbe)\s+(?:zangu|yangu|wangu)\s+(?:za|ya|wa)\s+mwisho\b|\b\w*andika\s+barua\s+(?:za|ya)\s+mwisho\b"
    r"|\bmy\s+(?:last|final)\s+(?:letters|goodbye letters?|goodbyes)\b",  # not "notes": revision notes
    # Things given away because they will not be needed where the writer is going
    r"\b(?:nime\w+|nili\w+|nika\w+|gave|given|giving|give away|gifted)\b.{0,60}"
    r"\b(?:sitazihitaji|sitavihitaji|sitaihitaji|sitahitaji|sitazitumia|sitavitumia|"
    r"wont need (?:them|it|these|any of it)|hazitanisaidia|havitanisaidia|haitanisaidia|hautanisaidia|"
    r"(?:they|it) wont help me|wont be (?:of )?(?:any )?use to me)\b.{0,25}\b(?:pale naenda|huko naenda|ninakoenda|"
    r"nakoenda|niendako|where im going|where i am going|where im headed)\b",
    # Self-harm again: "i cut again last night", "nimejikata tena"
    r"\b(?:i|ive|i have|i just)\s+(?:cut|cutted|burnt|burned)\s+(?:myself\s+)?again\b|\b(?:started|start|im|been)\s+"
    r"cutting again\b|\b(?:nimejikata|nilijikata|nimeanza kujikata|najikata|nimejichoma) tena\b",
    # Many pills or medicine swallowed at once: "nilimeza dawa za mum nyingi", "took a whole lot of pills"
    r"\b(?:nilimeza|nimemeza|nikameza|nimeshameza|nilikunywa|nimekunywa|nikakunywa|swallowed|i took|took|drank)\s+"
    r"(?:\w+\s+){0,3}?(?:dawa|vidonge|pills|tablets|panadol|painkillers|medicine|meds)\b(?:\s+\w+){0,3}?\s+"
    r"(?:nyingi|vingi|zote|vyote|mob|too many|so many|a lot|kwa mpigo|at once|the whole)\b",
    # Someone else's pills, all of them: "nimemaliza vidonge vyote vya bibi"
    r"\b(?:nimemaliza|nilimaliza|nikamaliza|nimemeza|finished|i finished|i took)\s+(?:\w+\s+)?(?:vidonge|dawa|pills|"
    r"tablets)\s+(?:vyote|zote|all)\s+(?:vya|za|of)\s+(?:my\s+)?(?:bibi|shosh|cucu|mama|mum|mom|baba|dad|babu|guka|"
    r"grandma|granny|grandpa|mums|moms|dads|grandmas)\b",
    # The end felt near: "naona mwisho ni karibu", "i can feel the end is near"
    r"\b(?:naona|nahisi|nafeel|i feel|i can feel|i know)\s+(?:kama\s+|that\s+)?(?:mwisho|the end|my end)\s+"
    r"(?:wangu\s+|yangu\s+)?(?:(?:ni|is|iko)\s+(?:karibu|near|close|coming|here)|umefika|has come)\b",
    # Carrying the means about: "niko na rope kwa bag tangu jana", "i keep a blade with me"
    r"\b(?:niko na|nina|nimebeba|nabeba|nimekuwa na|i have|ive had|ive got|i carry|i keep|im carrying)\s+"
    r"(?:a\s+|the\s+|my\s+)?(?:rope|kamba|wembe|razor|blade|sumu|poison|jik|rat poison)\b"
    r"(?!\s+(?:ya|za|for|of)\b|\s+skipping)"  # a rope "for the tug of war", "kamba ya kuanika" has a use named
    r"(?:\s+\w+){0,3}?\s+(?:kwa bag|kwa begi|in my bag|kwa mfuko|tangu|since|just in case|with me|kila mahali|"
    r"everywhere|under my bed|chini ya kitanda|hidden)\b",
    # Sheng "cut" with Kiswahili prefixes, on an arm or thigh: "nime-cut mkono tena"
    r"\b(?:na|nili|nime|niki|hu|nimekuwa nikicut|nilikuwa nikicut)cut\w*\s+(?:\w+\s+)?(?:mkono|mikono|paja|mapaja|"
    r"wrist|wrists|arm|arms|thigh|thighs|mguu|miguu)\b"
    r"(?!.{0,30}\b(?:bahati mbaya|by accident|accidentally|nikipika|while cooking|kwa makosa|na karatasi|paper)\b)",
    # Sitting or standing on the rail line or a bridge's edge for long: "i sat on the railway for an hour"
    r"\b(?:sat|sitting|sit|stood|standing|nimekaa|nilikaa|nilisimama|nimesimama|nakaa|nikikaa)\s+(?:on|at|kwa|kwenye|"
    r"juu ya)\s+(?:the\s+)?(?:railway|railway line|rail line|train tracks|tracks|reli|ukingo wa daraja|bridge railing|"
    r"edge of the bridge)\b(?!\s+(?:bench|station|stage|platform|crossing|museum|kiosk))\s*.{0,20}"
    r"\b(?:for (?:an|one|two|three) hours?|for hours|kwa masaa|kwa saa|all night|"
    r"usiku mzima|for a long time|kwa muda mrefu|alone|peke yangu)",
    # Deciding who gets one's things: "i made a list of who gets my stuff"
    r"\b(?:list|orodha)\s+(?:of\s+|ya\s+)?(?:who|nani)\s+(?:gets|will get|should get|atapata|atachukua|apewe)\s+"
    r"(?:my|vitu vyangu|nguo zangu|simu yangu)",
    # Cutting one's arm or thigh without the reflexive "-ji-": "nakata mkono na blade"
    r"\b(?:nakata|nilikata|nimekata|hukata|nikikata|nimekuwa nikikata|nachana|nimechana|nilichana)\s+(?:\w+\s+)?"
    r"(?:mkono|mikono|paja|mapaja|wrist|mguu|miguu)\w*\b.{0,30}\b(?:blade|wembe|razor|kisu|knife)\b"
    r"(?!.{0,30}\b(?:bahati mbaya|by accident|accidentally|nikipika|while cooking|kwa makosa)\b)"
    r"(?<!\bbahati mbaya na kisu)(?<!\bbahati mbaya na blade)",
    # Ending it at a named place: "nitaishia kwa river ya Nairobi"
    r"\b(?:nitaishia|nitajimaliza|nitajiua|ill end it|i will end it|ill end my life|i will end my life)\b.{0,30}"
    r"\b(?:river|mto|reli|railway|bridge|daraja|quarry|highway|barabara|building|ghorofa|dam|bwawa)\b",
    # Looking at the means for a long time
    rf"\b(?:looked at|look at|looking at|staring at|stared at|nikiangalia|naangalia|niliangalia|nikiangalia)\s+"
    rf"(?:the\s+|my\s+|zile\s+|hizo\s+|hizi\s+)?(?:\w+\s+)?{_MEANS}\b.{{0,30}}\b(?:for (?:a )?(?:long|hours|an hour|"
    r"one hour|ages|like)|kwa muda mrefu|kwa masaa)",
    # Tired of pretending to be fine
    r"\b(?:nimechoka|tired of|sick of|im tired of|nmechoka)\s+(?:na\s+)?(?:ku)?(?:jifanya|pretending|fake|faking|"
    r"fake)\w*\s+(?:\w+\s+)?(?:niko sawa|niko fiti|niko poa|im okay|im ok|im fine|smile|smiling|happy|furaha)\b",
    # Searching for ways to die
    r"\b(?:(?:ni|na|nime|nili|niki|ku)?tafut\w*|search\w*|googl\w*|nimegoogl\w*|looked up|look up|research\w*)\b"
    r".{0,30}\b(?:njia za kufa|ways to die|how to die|"
    r"painless|bila uchungu|how to kill myself|jinsi ya kujiua|njia za kujiua|how many pills)",
    # Sitting or standing at a place of means, thinking
    r"\b(?:nimekaa|nimesimama|nilikaa|nilisimama|sitting|standing|stood|sat|nakaa|nasimama|nikikaa|nikisimama)\s+"
    r"(?:\w+\s+){0,3}?(?:reli|railway|daraja|bridge|quarry|cliff|edge|ukingo|rooftop|paa)\b.{0,40}"
    r"\b(?:nikiwaza|nikifikiria|thinking|nawaza|nafikiria)\b",
    # The letter that explains: "she will understand why i did it"
    r"\b(?:letter|barua|note|msg|message|ujumbe)\b.{0,50}\b(?:why i did it|kwa nini nilifanya|kwa nini nimefanya)",
    # Not being there, asking not to be waited for or to be remembered
    r"\b(?:sitakuwepo|sitakuwa around|sitakuwa hapa|i wont be (?:here|around|there))\b.{0,40}\b(?:msinisubiri|"
    r"usinisubiri|dont wait for me|mtanikumbuka|remember me)"
    r"|\b(?:nawapenda|i love you (?:all|guys)|love you all)\b.{0,30}\b(?:mtanikumbuka|remember me|msinisahau|"
    r"dont forget me)",
    # Drinking poison or insecticide
    r"\b(?:nimekunywa|nilikunywa|nimemeza|nilimeza|i drank|drank|swallowed|nimeshakunywa)\s+(?:\w+\s+){0,2}?"
    r"(?:dawa ya mbu|dawa ya panya|sumu|poison|bleach|jik|insecticide|doom|dawa ya kuua|pesticide|dawa ya wadudu)",
    # Dead inside, said in Sheng
    r"\b(?:ndani nimekufa|nimekufa ndani|im dead inside|i am dead inside|nimekufa kwa ndani)\b",
    # Wanting one's life to end
    r"\b(?:maisha yangu|life yangu|my life)\b.{0,40}\b(?:nataka (?:i|y)ishe|nataka iishe|i want it (?:to end|over)|"
    r"want it to end|iishe tu)",
    # Taking someone's pills and keeping them
    r"\b(?:took|stole|nimechukua|nilichukua|niliiba|nimeiba)\s+(?:\w+\s+){0,2}?(?:pills|vidonge|tablets|dawa)\b"
    r".{0,30}\b(?:kept|hid|hidden|nimezificha|nikazificha|nimeziweka|nikaziweka|keeping)\b",
    # The last time anyone hears from the writer
    r"\b(?:last time|mara ya mwisho)\s+(?:you will|youll|u will|you ll|mtanisikia|utanisikia|mtasikia|mtaniona|"
    r"you (?:will )?see me)",
    # Others better off without the writer: "ndugu zangu wangepata nafasi zaidi bila mimi"
    r"\b(?:wangekuwa|wangepata|wangeishi|wangepumzika|watapumzika|wangefurahi|watafurahi|wangekuwa na|"
    r"would be (?:better|happier|lighter|fine|okay|ok|free|at peace)|would have more|will be (?:better|happier|fine|"
    r"free))\b.{0,30}\b(?:bila mimi|without me)\b(?!\s+(?:for|kwa)\s+(?:a|one|the|siku|wiki|weekend|week|day|"
    r"holiday|likizo)\b)",
    # Death as the solution: "naona kifo ndio suluhisho la shida zangu"
    r"\b(?:kifo|kufa|death|dying|kujiua|suicide|kuishia)\s+(?:\w+\s+)?(?:ndio|ndiyo|ni|is|iko)\s+(?:the\s+|my\s+|"
    r"only\s+|pekee\s+)?(?:suluhisho|solution|jibu|answer|njia pekee|only way|way out|escape)\b"
    r"(?!\s+(?:la kudumu|ya kudumu|to a temporary|kwa shida ya muda))",
    # A will written
    r"\b(?:nimeshaandika|nimeandika|niliandika|nimeandaa|wrote|written|writing|prepared|made)\s+(?:my\s+)?"
    r"(?:wosia|last will|will)\b(?:\s+wangu)?(?!\s+(?:to|power|and testament of))",
    # Knowing how: "najua vile nitaishia", "i know how ill do it"
    r"\b(?:najua|i know|nimejua|nimeshajua|nishajua)\s+(?:vile|jinsi|how|the way|exactly how)\s+(?:nitaishia|"
    r"nitakufa|nitajiua|nitaimaliza|ill end it|i will end it|"
    r"nitaenda(?=\s*,))",
    # Found too late: "fam haitajua mpaka wanipate"
    r"\b(?:hawatajua|haitajua|hatajua|wont know|will not know|hawatagundua|wont notice)\b.{0,20}\b(?:mpaka|until|"
    r"till)\s+(?:wanipate|they find me|wananipata|wakinipata|wakiniona|its too late|it is too late)",
    # Going somewhere and never returning
    r"\b(?:nataka|ningependa|natamani|i want to|i wanna|i just want to)\s+(?:tu\s+)?(?:kwenda|kuenda|go|kuondoka|"
    r"leave)\s+(?:\w+\s+)?(?:mahali|somewhere|far|away)?\b.{0,15}\b(?:nisirudi|never come back|not come back|"
    r"and never return)",
    # Not expecting to reach a birthday
    r"\b(?:sioni kama nitafika|sidhani nitafika|i dont think ill (?:reach|make it to|see)|i doubt ill (?:reach|see|"
    r"make it to))\s+(?:\w+\s+){0,2}?(?:birthday|next year|mwaka ujao|christmas|18|16|17|form four|form 4)\b",
    # Dead inside, only the body going on: "roho yangu imekufa", "my body is here but i already left"
    r"\b(?:roho yangu|moyo wangu|ndani yangu|nafsi yangu)\s+(?:imekufa|umekufa|imeshakufa|imeisha)\b|\bdead inside\b"
    r"|\b(?:my body is here but|mwili tu ndio|mwili wangu tu)\b",
    # Not seeing the end of the term, the year
    r"\b(?:sitaona|sitafika|i wont see|i will not see|i wont make it to|i wont reach)\s+(?:\w+\s+)?(?:mwisho wa|"
    r"the end of)\s+(?:\w+\s+)?(?:muhula|term|mwaka|year|wiki|week|month|mwezi)\b",
    # Tired of being a burden
    r"\b(?:nimechoka|tired of|sick of|nmechoka)\s+(?:kuwa|being)\s+(?:a\s+)?(?:mzigo|burden|shida|problem)\b",
    # Forgiveness asked for what the writer is about to do
    r"\b(?:nisamehe|forgive me|mnisamehe|nisameheni|pls forgive me|please forgive me)\s+(?:kwa|for)\s+"
    r"(?:hiki\s+|hicho\s+)?(?:nitakachofanya|ninachoenda kufanya|what im about to do|what i am about to do|"
    r"what i will do|what im going to do|what i am going to do|what ill do)\b",
    # Done with the world, with life
    r"\b(?:niko done|im done|i am done|im so done|nimemaliza|nimeshamaliza)\s+(?:na|with)\s+(?:hii\s+|this\s+)?"
    r"(?:dunia|world|maisha|life|kuishi|living|everything)\b(?!\s+(?:ya|of|za|wa|in)\b)",
    # A blade or knife into one's own arm or thigh
    r"\b(?:kisu|wembe|blade|razor|"
    r"knife)\b.{0,15}\b(?:kwa|kwenye|on|into|in)\s+(?:my\s+)?(?:mkono|mikono|paja|mapaja|mguu|wrist|wrists|arm|arms|"
    r"thigh|thighs)\b",
    # Heights and the thought of jumping
    r"\b(?:rooftop|roof|paa|balcony|roshani|ghorofa|top floor|daraja|bridge|cliff|mwamba|footbridge)\b.{0,50}"
    r"\b\w*?(?:fikiria|fikiri|waza|thinking|think|want|wanna|taka|feel like|feeling like)\w*\s+(?:about\s+|of\s+)?"
    r"(?:ku|to\s+)?(?:ruka|jump|jumping|jirusha|let go|one step|just one step)\b",
    # A goodbye posted
    r"\b(?:story|status|post|video|message|ujumbe|tweet)\s+(?:ya|wa|of|a)?\s*(?:goodbye|kwaheri|kuaga|kuwaaga)\b"
    r"|\b(?:post|message|ujumbe|story|status)\s+yangu\s+(?:ya\s+)?last\b",
    # Holding the means now
    rf"\b(?:nimeshika|nimebeba|im holding|i am holding|holding|niko na|i have)\s+(?:a\s+|the\s+|my\s+)?{_MEANS}\s+"
    r"(?:\w+\s+)?(?:mkononi|in my hand|right now|sasa hivi|saa hii|now)\b",
    # Falling asleep and staying asleep
    r"\b(?:fall asleep|sleep|go to sleep|lala|nilale)\s+(?:and\s+|na\s+)?(?:stay asleep|never wake|nisiamke|"
    r"not wake|nikae usingizini)",
    # Fixing on the means: "rat poison in the kitchen and i keep staring at it", "vidonge ... nikizihesabu"
    rf"\b{_MEANS}\b.{{0,50}}\b(?:(?:i|na)?\s*keep (?:staring|looking|thinking|counting|touching)|staring at|"
    r"nikizihesabu|nazihesabu|nimezihesabu|nikivihesabu|navihesabu|counting them|count them|nikiziangalia|"
    r"naziangalia|naiangalia|nikiiangalia|naitazama|nikiitazama|nakodolea|kuikodolea)",
    rf"\b(?:keep|kept|always|nikifikiria|nafikiria|nawaza|thinking about|staring at)\s+(?:\w+\s+){{0,3}}?(?:the\s+)?"
    rf"{_MEANS}\b.{{0,30}}\b(?:in (?:the|my|our)|kwa|ndani ya|under|chini ya|drawer|droo|kitchen|jikoni|bag|begi)",
    # Tired of living, of being alive
    r"\b(?:nimechoka|umechoka|nimechoshwa|moyo wangu umechoka|tired of|sick of|done with|so tired of|nmechoka)\s+"
    r"(?:\w+\s+)?(?:kuishi|living|existing|being alive|life itself|kuwa hai|kuwa duniani|breathing|kupumua)\b",
    # Not wanting to be here / alive
    r"\b(?:sitaki|sitaki tena|i dont want to|i do not want to|i dont wanna|dont wanna|sipendi)\s+(?:kuwa|to be|be)\s+"
    r"(?:hapa|here|hai|alive|duniani|in this world|around)\s*(?:tena|anymore|kabisa|no more|any longer)"
    r"(?!.{0,30}\b(?:party|class|darasa|school|shule|meeting|event|lesson|church|kanisa|town|mtaa|estate|place|"
    r"boring|inaboo|bored|hii (?:shule|place|town|mtaa))\b)"
    r"|\b(?:sitaki|i dont want to|i do not want to|i dont wanna)\s+(?:kuwa|to be|be)\s+(?:hai|alive|duniani)\b",
    # No reason to wake up, to live, to go on
    r"\b(?:sioni|sina|hakuna|hamna|no|i see no|i dont see (?:a|any)|i have no)\s+(?:\w+\s+)?(?:sababu|reason|point|"
    r"haja)\s+(?:ya\s+|of\s+|to\s+|for\s+)?(?:ku)?(?:amka|wake up|waking up|get up|getting up|ishi|live|living|"
    r"endelea|keep going|go on|going on|breathe|pumua|kuwa hai|to be alive|be alive|being alive|"
    r"(?:kukaa|kuwa|to stay|to be)\s+(?:hapa\s+)?(?:earth|duniani|in this world|on earth))\b",
    # Why am I still alive
    r"\b(?:kwa nini|kwanini|why|mbona|sijui kwa nini)\s+(?:bado\s+|still\s+)?(?:niko hai|nipo hai|niko duniani|"
    r"am i (?:still )?alive|im (?:still )?alive|am i still here)",
    # Going to a place of means and not coming back
    r"\b(?:daraja|bridge|reli|railway|river|mto|quarry|cliff|dam|bwawa|ziwa|lake)\b.{0,40}\b(?:sitarudi|"
    r"sitarudi tena|wont come back|wont be back|not coming back|never coming back|sitarudi nyumbani)\b"
    r"(?!\s+(?:huko|there|pale|hapo|kule|again to))",
    # Stepping in front of a vehicle
    # (advice is left out: "dont walk in front of a matatu")
    r"(?<!dont )(?<!never )(?<!not )\b(?:step|stepping|stepped|jump|jumping|walk|walking|run|running|throw myself|"
    r"throwing myself|kujirusha|"
    r"nijirushe|nitajirusha|kujitupa|nijitupe|kuingia)\w*\s+(?:out\s+)?(?:in front of|mbele ya|infront of)\s+"
    r"(?:a\s+|the\s+)?(?:matatu|mat|lorry|lori|car|gari|train|treni|bus|basi|truck|boda|nduthi|moti)\b",
    # Waiting at the rail line for a train
    r"\b(?:kwa|at|along|kwenye|kando ya|on|by|near)\s+(?:the\s+)?(?:reli|railway|rail|railway line|line ya train)\b"
    r"(?!\s+(?:station|stesheni|platform|bench|stage|museum))"
    r".{0,30}\b(?:wait|waiting|nangoja|nasubiri|nikingoja|nikisubiri)\w*\s+(?:for\s+)?(?:a\s+|the\s+)?"
    r"(?:train|treni|gari moshi)",
    # Letters written "just in case", to say goodbye
    r"\b(?:wrote|written|write|writing|nimeandika|niliandika|naandika|nimewaandikia|nimemwandikia|nimeandikia)\s+"
    r"(?:\w+\s+){0,2}?(?:letters?|barua|notes?)\b.{0,50}\b(?:just in case|nikimuaga|nikiwaaga|kuaga|kuwaaga|"
    r"to say goodbye|ya mwisho|final|for when im gone)",
    # Instructions for after "i am gone", Kiswahili perfect forms
    r"\b(?:nikiwa nimeenda|nikiwa nimeondoka|nikiwa sipo|nikishaenda|nikishaondoka|when im not here|"
    r"when im no longer here|when i am no longer here)\b.{0,40}\b(?:give|mpeni|mpe|msilie|dont cry|take care of|"
    r"feed|look after|chukueni|lisheni|mlishe|care for)\b",
    # Hopelessness about the writer's own life, any language
    r"\b(?:sina|sioni|hakuna|hamna|no|there is no|theres no|i see no|i have no|i dont have (?:any|a)|"
    r"i dont see (?:a|any))\s+(?:tena\s+)?(?:tumaini|matumaini|hope|future|maana|sababu|point|reason|light|mwanga)\b"
    r"(?:\s+(?:\w+\s+){0,2}?(?:yangu|lolote|tena|kabisa|for me|kwangu|anymore|left|ya (?:kuishi|kuendelea|life|"
    r"maisha)|to live|in living|of living|in life|ya mimi))",
    r"\b(?:sioni|i dont see|i cant see|cant see)\s+(?:\w+\s+)?(?:future|tomorrow|kesho|a way out|way out|njia)\b"
    r"(?!\s+(?:ya|of|for|wa|za|in)\s+(?!(?:yangu|me|mine|myself|my life|maisha yangu)\b))",
    r"\b(?:hakuna|no)\s+(?:future|kesho|tomorrow)\s+(?:for me|kwangu|yangu)\b",
    r"\b(?:why|kwa nini|kwanini|mbona|ata sijui why|sijui why|sijui kwa nini)\s+(?:was i|i was|nilizaliwa|niliumbwa|"
    r"nilikuja duniani|"
    r"was i even|i was even|i was ever|did i get|am i even)\s*(?:born|alive|here)?\b(?<!\bhere)",
    r"\b(?:maisha|life)\s+(?:yangu\s+)?(?:(?:haina|hayana|has no)\s+(?:maana|meaning|point)|(?:is|ni|iko)\s+"
    r"(?:pointless|over|giza|darkness|bure|meaningless)|imeisha|yameisha|is over|imeni(?:shinda|chosha|lemea))\b",
    r"\b(?:giza|darkness|dark)\s+(?:tu|tupu|only|everywhere)\b.{0,40}\b(?:kichwa|head|kila siku|every ?day|"
    r"maisha|life|mbele yangu|no light|hakuna mwanga|way out)",
    r"\b(?:only|tu|just)\s+(?:darkness|giza)\b",
    r"\b(?:i give up|ive given up|i have given up|nimegive up|nimekata tamaa|nimeshindwa)\b(?!\s+(?:on|kwa|na)\s+"
    r"(?:this|hii|the|that|level|game|maths|homework))",
    r"\b(?:im|i am|mimi ni|niko|im just)\s+(?:a\s+)?(?:nothing|zero|mistake|a mistake|mzigo|burden|useless|"
    r"worthless)\b",
    # Soft death wishes
    # "i hate waking up every morning, wish i didnt": not waking is the wish
    r"\b(?:waking|wake|kuamka)\b.{0,40}\b(?:wish i (?:didnt|did not|wouldnt|would not)|natamani nisi\w+)\b"
    r"(?!\s+(?:have to go|go to school|need to))",
    rf"\b(?:bora|afadhali|heri|ni heri|ni bora|better)\s+(?:tu\s+)?{_DIE_SW}",
    r"\b(?:mungu|god|lord)\s+(?:nichukue|take me|chukua roho yangu)\b",
    r"\b(?:sleep|lala|kulala|rest|kurest|kupumzika|pumzika)\s+(?:\w+\s+)?(?:forever|milele|for good|and not wake|"
    r"and never wake|nisiamke)",
    r"\b(?:nisiamke|not wake up|never wake up|nisiamke tena|kutoamka|dont wake up|not to wake up)\b",
    r"\b(?:disappear|vanish|kupotea|kutoweka|ku ?disappear|potea|toweka)\w*\s+(?:\w+\s+){0,2}?(?:for good|forever|"
    r"milele|and never come back|nisirudi|never come back|and not come back)",
    r"\b(?:nobody|no one|noone|hakuna|hamna)\s+(?:\w+\s+){0,3}?(?:would|will|wud|angejali|atajali|atanotice|"
    r"angecare|atakayelia|atakayenitafuta|would notice|would care|would miss|will notice|will care|will miss|"
    r"would even notice|would even look|will even notice|atanitafuta|angenikosa)\b.{0,30}"
    r"\b(?:i died|i die|i go|i disappeared|i was gone|nikifa|nikidie|ningekufa|nikipotea|nikienda|look for me)\b",
    r"\b(?:if i (?:vanished|vanish|disappeared|disappear)\b(?!\s+from\s+(?:the\s+|this\s+)?(?:group|chat|app|whatsapp|"
    r"gc|class)).{0,30}\b(?:notice after|only notice|wouldnt (?:even )?notice|"
    r"would not (?:even )?notice|after a week|after days|for days|for weeks)|nikitoweka\b.{0,30}\b(?:hakuna|"
    r"wangegundua baada|baada ya wiki))",
    r"\b(?:nikifa|nikidie|nikidedi|nikipotea|if i die|if i died|if i disappeared|if i go)\b.{0,40}\b(?:nobody|no one|"
    r"hakuna|hamna|better|bora|wangefurahi|happier|wont matter|atanotice|atajali|poa|fine|sawa|okay|peace|amani)\b",
    r"\b(?:they|everyone|family|wao|wote|familia yangu)\s+(?:would|will|wangekuwa|wangefurahi|watafurahi)\b.{0,30}"
    r"\b(?:bila mimi|without me|if i was gone|nikiondoka|nikifa)",
    r"\b(?:wish|natamani|ningependa)\s+(?:i|ni|ninge)?\s*(?:was never|were never|had never been|singe|nisinge|"
    r"ningekuwa sija|never)\s*(?:born|zaliwa|zaliwa)",
    r"\b(?:singezaliwa|nisingezaliwa|ningekuwa sijazaliwa|should never have been born|shouldnt have been born)\b",
    r"\b(?:wish|natamani|hope)\s+(?:a|gari|lorry|mat|matatu|the)?\s*(?:car|lorry|matatu|gari|train)\s+(?:would|"
    r"ingeni|inigonge|hits?|ni)",
    r"\bi wish i (?:could )?(?:die|was dead|were dead|disappear)",
    # Not expecting or wanting a future: "i dont plan on seeing my 16th birthday", "sitaki kuona mwaka ujao"
    r"\b(?:dont plan on|not planning on|do not plan on|wont|will not|sitaki|sitaona|sitafika|i dont see myself)\s+"
    r"(?:seeing|see|kuona|reaching|kufika|making it to|alive)\s+(?:my\s+|to\s+)?(?:\w+\s+)?(?:birthday|next year|"
    r"mwaka ujao|christmas|krismasi|18|16|graduation)\b",
    r"\bif (?:something|anything) happens to me\b(?=.{0,40}\b(?:tell|i love|i loved|sorry|goodbye|bye|forgive)\b)"
    r"|\bikitokea (?:kitu|lolote) (?:kwangu|kwa mimi)\b|\btell (?:my )?\w+ "
    r"(?:that )?i lov(?:ed|e) (?:her|him|them|you)\b",
    r"\b(?:mtaskia|mtasikia|youll hear|you will hear|mtaona)\s+(?:\w+\s+)?(?:habari|news|about me)\b",
    r"\b(?:msinisahau|mtanisahau|dont forget me|remember me)\b(?=.{0,40}\b(?:bye|kwaheri|goodbye|sorry|samahani)\b)"
    r"|\b(?:nimechoka|im tired|bye|kwaheri|goodbye)\b.{0,30}\b(?:msinisahau|mtanisahau|dont forget me|remember me)\b",
    # Hurting oneself "on purpose", being found "too late", waiting for it all to end, apologising before resting
    r"\b(?:ran|run|walked|walk|jumped|stepped|kimbia|nilikimbia|nilijirusha|nilijitupa|fell|crashed)\w*\b.{0,30}"
    r"\b(?:road|barabara|barabarani|traffic|into a car|mbele ya gari)\b.{0,20}"
    r"\b(?:on purpose|makusudi|deliberately|kwa makusudi)\b",
    r"\b(?:will know|watajua|theyll know|they will know|will find out|will notice|wataona)\b.{0,25}"
    r"\b(?:too late|imechelewa|when im gone|nikiwa nimeenda)\b",
    r"\b(?:nangoja|nasubiri|waiting|im waiting|just waiting)\s+(?:tu\s+)?(?:for\s+)?(?:kila kitu|it all|everything)\s+"
    r"(?:kiishe|kuisha|to (?:be )?(?:over|end|stop))",
    r"\b(?:sorry|msamaha|samahani)\b.{0,30}\b(?:wote|everyone|all|kila mtu)\b.{0,30}\b(?:rest|kupumzika|pumzika|"
    r"go now|niende|leave now)\b",
    # Seeing no future self, picturing one's funeral, being "already gone", ready to stop fighting
    r"\bimagin\w*\s+(?:my\s+)?(?:own\s+)?funeral\b|\b(?:nawaza|naona|nafikiria)\s+(?:mazishi|funeral)\s+yangu\b",
    r"\b(?:i wont|i will not|sitafika|sitakuwepo|sidhani nitakuwepo|sidhani nitakuwa|i dont think ill be|"
    r"i dont think i will be)\s+(?:make it to|be around for|around for|kufika|wakati wa|around)?\s*(?:the\s+)?"
    r"(?:exams|mitihani|december|desemba|christmas|krismasi|next (?:year|term|month|week)|mwaka ujao|form \d)\b",
    r"\b(?:dont see myself|do not see myself|sijioni|cant see myself)\s+"
    r"(?:getting older|growing up|nikizeeka|nikiwa mzee|"
    r"grown up|as an adult|alive)\b",
    r"\b(?:already gone|nimeshakufa|nimeshadedi|nimeshakufa ndani)\b",
    r"\b(?:ready|tayari)\s+(?:to\s+)?(?:stop fighting|kuacha kupigana|give up on everything)\b",
    r"\bnext time\s+(?:i wont fail|i will not fail|sitafail|sitashindwa|it will work)\b",
    r"\b(?:hope|natamani|wish)\s+(?:i\s+)?(?:get sick|niugue|fall sick)\b.{0,20}\b(?:dont get better|not get better|"
    r"nisipone|never get better|die)\b",
    r"\b(?:blade|razor|wembe|kisu|knife)\b(?!\s+(?:ya|of|from|for|kwa)\s+(?:ku)?(?:sharpen|sharpener))"
    r".{0,30}\b(?:pencil case|kasha la kalamu|just in case|in my bag|"
    r"under my pillow|chini ya mto|chini ya godoro|under my bed|under my mattress)\b",
    # Instructions for after the writer is gone
    r"\b(?:when im gone|after im gone|once im gone|nikienda|nikiondoka|nikifa|nikidedi)\b"
    r"(?!\s+(?:to|shule\w*|school|boarding|safari|nyumbani|home|kwa|kule|sokoni|church|kanisani))"
    r".{0,40}\b(?:give|gives|mpeni|mpe|msilie|msimlilie|dont cry|take care of|feed my|look after|chukueni)\b",
    r"\bpracti[cs]ed? tying\b|\b(?:noose|kitanzi)\b|\bnimejifunza kufunga (?:knot|kamba|fundo|kitanzi)\b",
    r"\b(?:world|dunia)\b.{0,30}\b(?:better|bora|poa)\b.{0,25}\b(?:without (?:me|someone like me|people like me)|"
    r"bila (?:mimi|mtu kama mimi))\b",
    r"\b(?:hope|natamani|wish|naomba)\b.{0,15}\b(?:my body|mwili wangu|my heart|moyo wangu)\b.{0,15}\b(?:stops|stop|"
    r"usimame|isimame|simame|gives up|dies)\b",
    r"\b(?:gun|bunduki|pistol|rifle)\b.{0,40}\b(?:know where|najua|the key|ufunguo|loaded|ready)\b",
    r"\b(?:stood|standing|stand|nilisimama|nimesimama|nasimama)\s+(?:at|on|kwa|kando ya)\s+(?:the\s+)?"
    r"(?:edge|ukingo)\s+"
    r"(?:of|wa|ya)\s+(?:the\s+|a\s+)?(?:quarry|cliff|roof|bridge|building|daraja|paa|mwamba|railway|reli)\b",
    # Plans, methods and means in everyday words
    r"\b(?:poison|sumu|jik|bleach|rat poison|sumu ya panya|pills|vidonge|tablets|dawa|panadol|rope|kamba|razor|"
    r"wembe|bridge|daraja|footbridge|railway|reli|river|mto|lorry|matatu|mat|gari)\b.{0,60}\b(?:tonight|leo usiku|"
    r"leo ndio leo|tonight ndio|ready|tayari|nitazimeza|nitaitumia|i will use|im going to|na ?plan|plan|"
    r"keep looking|looks peaceful|i know which|najua|ndio|maybe)\b",
    r"\b(?:(?:i|ive|i have|ni|nime|nili|nita|na)\s*(?:have|bought|saved|saving|hid|hidden|kept|got|nunua|ficha|get|"
    r"nunulia|weka|buy)|collecting|saving|hoarding|stockpiling|keeping|nakusanya|nimekusanya|naficha|nimeficha)\w*\s+"
    r"(?:\w+\s+){0,3}?(?:poison|sumu|jik|bleach|pills|vidonge|tablets|rope|kamba|razor|wembe|blade)\b"
    # a use named: "a rope for the tug of war", "pills for my asthma"
    r"(?!\s+(?:for|ya|za|of)\s+(?:the\s+|my\s+)?(?:tug|skipping|kuruka|kuanika|nguo|clothes|camping|malaria|"
    r"headache|kichwa|flu|homa|asthma|pumu|allergy|period|pain|maumivu|cough|kikohozi)\b)",
    # Waiting by a road or rail line for a vehicle
    r"\b(?:by|on|near|kando ya|karibu na)\s+(?:the\s+)?(?:road|barabara|reli|railway|highway|rail)\b"
    r"(?!\s+(?:station|stesheni|platform|bench|stage|side))"  # a station bench is where trains are waited for
    r".{0,40}\b(?:wait|"
    r"waiting|nangoja|nasubiri)\w*\s+(?:for\s+)?(?:a\s+|the\s+)?(?:lorry|matatu|train|truck|lori|treni)\b",
    # Things given away because the writer "won't need them"
    r"\b(?:wont|will not|wouldnt|sitahitaji|sitazihitaji|sitaihitaji|dont)\s+(?:be\s+)?(?:need|needing|hitaji)\w*\s+"
    r"(?:it|them|this|these|my \w+|hizi|hii|vitu)?\s*(?:anymore|after \w+|soon|where im going|again|tena|baada)",
    r"\b(?:scars?|cuts|marks|makovu)\s+(?:\w+\s+){0,3}?(?:my|yangu)?\s*(?:legs?|arms?|wrists?|thighs?|skin|mikono|"
    r"miguu|mapaja)\b.{0,30}\b(?:blade|razor|wembe|cutting|knife|kisu|myself)",
    r"(?<!dont )(?<!never )(?<!not )\b(?:jump|jumped|jumping|kujirusha|nitajirusha|kujitupa|nitajitupa|walk|walking|"
    r"throw myself|jirusha|jitupa)"
    r"\w*\s+(?:\w+\s+){0,3}?(?:bridge|daraja|footbridge|in front of|mbele ya|kwa (?:mat|lorry|gari|matatu|reli)|"
    r"lorry|matatu|train|road|railway|off)",
    r"\b(?:i|me|mimi|nili|nime)\s*(?:tried|attempted|jaribu|wahi)\w*\s+(?:to\s+|ku)?(?:drink|kunywa|swallow|meza|"
    r"overdose|hang|jinyonga|jump|jirusha|kill|jiua|end|take my)",
    r"\b(?:drank|swallowed|nilikunywa|nilimeza|nimekunywa|nimemeza|took)\s+(?:\w+\s+){0,2}?(?:poison|sumu|jik|"
    r"bleach|pills mob|dawa nyingi|vidonge vingi|a whole|strip|pills zote)",
    r"\b(?:i|ni)\s*(?:cut|burn|scratch|hurt|kata|choma|umiza|jikata|jichoma|jiumiza)\w*\s+(?:\w+\s+){0,2}?"
    r"(?:arm|arms|wrist|thighs?|legs?|myself|mkono|mguu|till they bleed|ndio nifeel|so i can feel)",
    r"\b(?:najiumiza|najikata|najichoma|nimejikata|nilijikata|hujikata|hujichoma|nimejiumiza)\b",
    r"\b(?:looked up|look up|googled|googling|searched|searching|nimesearch|nimegoogle|natafuta|nilitafuta)\s+"
    r"(?:\w+\s+){0,3}?(?:highest|tallest|deepest|strongest|fastest|lethal|deadly|which bridge|which building|"
    r"how to die|how to end|kufa bila)\b",
    r"\bhow (?:many|much)\s+(?:\w+\s+){0,2}?(?:pills|panadols?|tablets|vidonge|poison|sumu|jik|bleach)\b.{0,30}"
    r"\b(?:takes?|kill|to die|kufa|enough|needed)\b",
    r"\b(?:jump|jumped|jumping|jirusha|jitupa|ruka)\w*\s+(?:from|off|kutoka)\s+(?:the\s+|our\s+)?(?:\w+\s+){0,2}?"
    r"(?:floor|roof|building|bridge|daraja|ghorofa|dari|balcony|block|cliff)\b",
    r"\b(?:find|finds|will see|ataona|atapata|wataona|watapata|will read)\s+(?:my|yangu)?\s*(?:letter|note|barua)\b"
    r"(?:\s+yangu)?(?=.{0,40}\b(?:after|baadaye|nikienda|when im gone|nikiondoka|drawer|pillow)\b)",
    r"\b(?:cant stop|keep|always|siwezi kuacha)\s+(?:thinking|kufikiria|kuwaza)\s+(?:about|of|kuhusu)\s+(?:the\s+)?"
    r"(?:train tracks|railway|reli|bridge|daraja|rope|kamba|pills|poison|sumu|jumping|dying|kufa|the road)\b",
    r"\b(?:nimehifadhi|nahifadhi|nimekusanya|nakusanya|nimeficha)\s+(?:\w+\s+){0,2}?(?:vidonge|dawa|sumu|kamba|wembe)",
    r"\bnita(?:vi|zi|i|u)?(?:meza|kunywa)\b(?=.{0,40}\b(?:zote|vyote|siku moja|leo|usiku)\b)"
    r"|\b(?:siku moja|leo usiku)\s+"
    r"nita(?:vi|zi|i|u)meza\b",
    # Self-harm in everyday words: any way of hurting one's own body until it bleeds or hurts
    r"\b(?:i|me|im|ive|i keep|i always)\s+(?:\w+\s+){0,2}?(?:dig|digging|scratch|scratching|pinch|pinching|bite|"
    r"biting|hit|hitting|punch|punching|bang|banging|pull|pulling|burn|burning|cut|cutting|stab|stabbing)\s+"
    r"(?:my|myself)\b.{0,40}\b(?:bleed|bleeds|bled|bleeding|hurts|pain|scars?|marks)",
    r"\b(?:till|until|hadi|mpaka)\s+(?:it|they|i|damu)\s*(?:bleeds?|bleed|itoke|inatoka|bled)",
    # A wish to be taken, or for an accident that would kill the writer
    r"\b(?:pray|hope|wish|natamani|naomba|ningependa|i want)\s+(?:that\s+)?(?:god|mungu|the lord)\s+(?:\w+\s+)?"
    r"(?:takes?|take|call|calls|aniite|anichukue|anitoe|nichukue)\b",
    r"\b(?:hope|wish|natamani|ningependa|pray)\b.{0,30}\b(?:crash|crashes|hits me|hit me|runs me over|"
    r"inigonge|anigonge|nigongwe|nife|kills? me|with me (?:in|inside))\b",
    r"\b(?:point|maana|sababu)\s+(?:of|ya)\s+(?:me|mimi|my life|maisha yangu|my existence|living|kuishi)\b",
    # Warning signs: goodbye letters, giving things away, last day
    r"\b(?:saying|said|say|been saying|nimeaga|naaga|nikiaga|kuwaaga)\s+(?:bye|goodbye|kwaheri)\s+(?:to\s+)?(?:people|"
    r"everyone|everybody|watu|wote)\b(?!.{0,30}\b(?:term|holiday|likizo|school|shule|trip|party)\b)",
    r"\b(?:giving|gave|given|give|nimegawa|nimewapa|nimempa|nagawa|ninagawa|nimegive|nimepeana)\s+(?:away\s+)?"
    r"(?:all\s+)?(?:(?:of\s+)?my|vitu|nguo|viatu|simu|vitabu)\s+(?!old\b)(?:clothes|shoes|phone|books|things|stuff|"
    r"belongings|necklace|bag|vyangu|zangu|yangu)\b(?!.{0,50}\b(?:old|zamani|charity|new one|mpya|too small|too big|"
    r"didnt fit|dont fit|hazinitoshi|zimenibana|outgrew|grew out)\b)",
    r"\b(?:can|may|will|ata|wata)\s*(?:have|keep|take|chukua|kuwa na)\s+(?:everything|all my|vitu vyangu vyote|"
    r"vitu zangu zote|my things)\b(?=.{0,30}\b(?:now|sasa|after|when im gone|nikienda|nikiondoka)\b)",
    r"\b(?:left|leaving|nimeacha|nimemwachia|nimewaachia|niliacha|nimeachia)\s+(?:\w+\s+){0,3}?(?:a |an )?"
    r"(?:letter|barua|note)\b.{0,40}\b(?:will know|atajua|watajua|why|kwa nini|goodbye|sorry|samahani)",
    r"\b(?:goodbye|good bye|kuaga|farewell|suicide)\s+(?:letter|letters|note|message|barua)\b",
    r"\b(?:barua|letter|letters|note|ujumbe|message)\s+(?:ya\s+|wa\s+)?(?:goodbye|kuaga|kuwaaga|kwaheri)\b",
    r"\b(?:writing|wrote|written|nimewaandikia|nimeandika|naandika|nimemwandikia)\s+(?:my\s+)?(?:\w+\s+){0,2}?"
    r"(?:goodbyes|goodbye (?:letters|messages|notes)|kuwaaga|kuaga)\b",
    r"\b(?:wrote|left|nimeacha|nimeandika|niliandika|writing|nimeandikia)\b.{0,40}\b(?:note|letter|letters|barua)\b"
    r".{0,50}\b(?:not their fault|under my pillow|chini ya (?:mto|pillow)|goodbye|for mum|kwa mama|so they know|"
    r"kwa mum|to mum|to my mum|sorry for everything|samahani kwa kila kitu|msamaha kwa kila kitu)",
    r"\b(?:giving|gave|given|give|nimegawa|nimewapa|nilimpa|nimempa|nimegive|nagawa|nimempea|nimewapea|nilimpea|"
    r"nimepeana|kugawa|kupeana|kugive|kupatiana)\s+(?:away\s+)?(?:\w+\s+){0,4}?"
    r"(?:my things|my stuff|vitu vyangu|vitu zangu|things away|my phone and|simu yangu na|my books and|necklace)"
    r".{0,40}(?:wont need|wont be needing|wont be using|sitazihitaji|sitahitaji|sitavihitaji|need it more|"
    r"need them more|(?:ll|will) need (?:it|them) more than me|kuliko mimi|coz i|"
    r"sitarudi|vyote|zote|away)",
    r"\b(?:last|mwisho)\s+(?:day|post|message|night|siku)\b(?!.{0,40}\b(?:school|shule|form|term|kidato|muhula|"
    r"class|darasa|job|kazi|holiday|likizo|exam|mtihani)\b).{0,25}\b(?:here|hapa|duniani|yangu|mine|wasee|bye|"
    r"everyone|thank)",
    r"\b(?:siku|post|day|message|ujumbe|msg|video|barua)\s+yangu\s+ya\s+mwisho\b(?!.{0,40}\b(?:school|shule|form|"
    r"term|kidato|muhula|class|darasa|job|kazi|holiday|likizo|exam|mtihani)\b)",
    r"\b(?:mnisamehe|nisameheni|forgive me|sorry for everything|samahani kwa kila kitu)\b.{0,30}\b(?:mwisho|last|"
    r"bye|kwaheri|goodbye|mum|mama)\b|\b(?:mwisho|last|bye|kwaheri|goodbye)\b.{0,30}\b(?:mnisamehe|nisameheni|"
    r"forgive me|sorry mum)\b",
    r"\b(?:this is|hii ni|its)\s+(?:my\s+)?(?:goodbye|kwaheri)\b",
    r"(?:\bkwaherini? (?:nyote|wote|everyone)\b|\bgoodbye (?:everyone|all|wasee)\b)"
    # a goodbye that says when to meet again is the end of a session, not of a life
    r"(?!.{0,40}\b(?:see you|see u|cu|tutaonana|tuonane|next (?:time|session|week|year)|tomorrow|kesho|later|"
    r"baadaye|mpaka|until|till|asanteni|thanks|thank you)\b)",
    r"\b(?:soon|hivi karibuni|after today|kesho)\b.{0,30}\b(?:wont have to worry|hamtakuwa na wasiwasi|"
    r"sitakuwepo|wont exist|i wont be here|sitakuwa hapa|hamtaniona)",
    r"\b(?:i wont|sitakuwa|sitakuwepo|i will not)\s+(?:be\s+)?(?:here|around|exist|hapa)\s+(?:next|tomorrow|kesho|"
    r"tena|wiki)",
    r"\b(?:ukiskia|ukisikia|if you hear)\s+(?:nimeenda|nimekufa|i am gone|im gone)\b",
    r"\b(?:ready|tayari|niko ready|nimeamua|decided|i have a plan|niko na plan|nimepanga|nimeplan)\b.{0,30}"
    r"\b(?:end it|to end|ku ?end|kuondoka duniani|it all|how i will do it|kuji\w+|to die|kufa|nife)\b",
    r"\b(?:i|ni|na)\s*(?:feel|feeling|skia|fikiria|waza|nafikiria|nawaza)\w*\s+(?:like\s+|kama\s+)?(?:ku)?"
    r"(?:dying|kufa|kudie|kudedi|kuji ?end|kujiend|ku ?end|ku ?jump (?:kwa|from|off|in front of|mbele ya)|"
    r"kujirusha|kujitupa)\b",
    r"\b(?:tired of|nimechoka|done with|im done|tired)\s+(?:\w+\s+){0,2}?(?:being alive|living|kuishi|kupigana|"
    r"fighting|kupambana|maisha|life)\b(?!\s+(?:ya|in|at|of|kwa|za)\s+(?:\w+\s+)?(?:shule|school|town|boarding|"
    r"mtaa|city|campus|class|hapa))",
    # --- Classes of fresh sets 36-38 (scored on arrival), written as lexicons, not example lines ---
    # Stepping, jumping or lying in front of a vehicle, or standing in the road for one: "nijitupe mbele ya
    # matatu", "kuruka mbele ya mat", "nitasimama katikati ya barabara lori likipita"
    # (advice is left out: "dont step in front of a matatu")
    rf"(?<!dont )(?<!never )(?<!not )(?<!usi)\b(?:kuruka|ruka|niruke|nitaruka|kujitupa|nijitupe|najitupa|nitajitupa|"
    rf"kujirusha|nijirushe|nitajirusha|jump|jumping|step|stepping|lie|lying|lala|kulala|nilale|kusimama|nisimame|"
    rf"nitasimama)"
    rf"\s+(?:\w+\s+)?(?:mbele ya|in front of|under|chini ya)\s+(?:a\s+|the\s+|an\s+|ya\s+)?(?:\w+\s+)?{_VEHICLE}\b",
    rf"\b(?:nitasimama|nisimame|nitalala|nilale|i will stand|ill stand|i will lie|ill lie|im going to stand)\s+"
    rf"(?:\w+\s+)?(?:katikati ya|in the middle of|kwa middle ya|mbele ya|in front of)\s+(?:the\s+)?(?:\w+\s+)?"
    rf"(?:barabara|road|highway|rami|{_VEHICLE})\b",
    # Being hit by a vehicle wished for or shrugged at: "nikikanyagwa na nduthi leo poa tu", "i hope a lorry hits me"
    rf"\b(?:nikikanyagwa|nikigongwa|nikigongewa|if i (?:get|got|was|were) (?:hit|run over|knocked down))\s+(?:na|by)\s+"
    rf"(?:a\s+|the\s+)?(?:\w+\s+)?{_VEHICLE}\b.{{0,40}}\b(?:poa|sawa|fine|ok|okay|better|bora|sijali|i dont care|"
    r"whatever|would be nice|nitafurahi|relief)\b",
    rf"\b(?:hope|wish|natamani|naomba|ningependa)\s+(?:a\s+|the\s+)?(?:\w+\s+)?{_VEHICLE}\s+(?:hits|runs over|knocks|"
    r"would hit|inigonge|inikanyage|ingenigonga|ingenikanyaga)\b",
    # Watching the water from a bridge: "kila siku naenda kwa bridge nacheki maji tu"
    r"\b(?:bridge|daraja|darajani|footbridge)\b.{0,50}\b(?:nacheki|naangalia|natazama|nachungulia|i stare|i watch|"
    r"i look|(?:just\s+)?stare|staring|watching|looking down|nikiangalia|nikicheki|nikitazama)\s+(?:at\s+|down at\s+|"
    r"into\s+)?"
    r"(?:the\s+)?(?:maji|water|river|mto|chini|below|down)\b"
    r"(?!.{0,30}\b(?:samaki|fish|mafuriko|floods?|beautiful|nice|photos?|picha|sunset)\b)",
    # The means bought or kept, and hidden or waiting: "bought rat poison, its under my mattress", "rope niko nayo,
    # ni siku tu"
    rf"\b{_MEANS}\b.{{0,50}}\b(?:under my (?:mattress|bed|pillow)|chini ya (?:godoro|kitanda|mto)|"
    r"nimeificha|nimezificha|nimeviificha|nimeficha|i hid (?:it|them))\b"
    r"(?!.{0,40}\b(?:thieves|wezi|protection|usalama|rats|panya wa|mice)\b)",
    rf"\b{_MEANS}\s+(?:niko nayo|nikonayo|niko nazo|niko navyo|nimeshapata|nimeipata|nimezipata|i have (?:it|them)|"
    r"i got (?:it|them)|iko tayari|ziko tayari|is ready|are ready)\b.{0,30}\b(?:ni siku|siku tu|soon|karibuni|"
    r"saa tu|tonight|leo usiku|its time|matter of time)\b",
    # A lethal amount asked about for oneself: "dozi ngapi ya panadol ni too much? asking for me"
    r"\b(?:how many|how much|\w*ngapi|muda gani|how long|inachukua)\b.{0,60}\b(?:too much|to die|kufa|kuua|to kill|"
    r"lethal|"
    r"overdose|drown|kudrown|kuzama|kujinyonga|to hang)\b.{0,30}\b(?:asking for me|asking for myself|for myself|"
    r"kwa ajili yangu|nauliza kwa ajili yangu|its for me|ni mimi)\b",
    # Goodbyes: "after today u wont hear from me", "it was nice knowing u", "deleting all my accounts tonight, bye"
    r"\b(?:after (?:today|tonight|this week|this)|from (?:tomorrow|today|tonight)|baada ya leo|kuanzia kesho)\b.{0,20}"
    r"\b(?:u|you|yall|you guys|u guys|mtu)\s+(?:wont|will not|will never|wil not)\s+(?:ever\s+)?(?:hear from|"
    r"see)\s+me\b",
    r"\b(?:u|you|yall|you guys|u guys)\s+(?:wont|will not|will never)\s+(?:ever\s+)?(?:hear from|see)\s+me\s+"
    r"(?:again|ever again|anymore)\b|\b(?:hamtasikia kutoka kwangu|hamtaniona tena|hamtanisikia tena)\b",
    r"\b(?:it was|its been|was|been)\s+(?:\w+\s+)?nice knowing (?:u|you|yall|y all|everyone|all of you|you guys|u guys|"
    r"nyinyi|nyote)\b",
    r"\b(?:deleting|deleted|delete|nafuta|nimefuta|nitafuta)\s+(?:all\s+)?(?:my\s+)?(?:accounts|accs|akaunti zangu|"
    r"akaunti zote|everything)\b.{0,50}\b(?:bye|goodbye|kwaheri|forever|for good|farewell|nice knowing)\b",
    r"\b(?:will|wil|ill|gonna)\s+(?:b|be)\s+gone\b.{0,40}\b(?:enjoy|enjoyni|furahieni|furahia)\s+(?:4|for)\s+me\b"
    r"|\b(?:enjoy|enjoyni|furahieni)\s+(?:4|for)\s+me\b.{0,40}\b(?:gone|sitakuwepo|wont be here|sitakuwa)\b",
    # Things given away before going: "giving my games to the boys next door, sorting my stuff before i go", "packed my
    # things and gave them to her, told her dont ask"
    r"\b(?:giving|gave|given|give|nimepeana|napeana|nagawa|nimegawa|nimempa|nimewapa|natoa|nilipeana|packed|packing|"
    r"sorting|sorted|nimepanga|napanga|nimefunga)\s+(?:away\s+)?(?:all\s+)?(?:my|vitu vyangu|nguo zangu)\b.{0,80}"
    r"\b(?:before i go|before i leave|kabla niende|kabla sijaenda|kabla sijaondoka|dont ask|usiulize|asiulize|msiulize|"
    r"i wont need|sitavihitaji|sitahitaji|when im gone|nikiwa sipo|for when im gone)\b",
    # What happens to my things if I were not around: "asked him what hed do with my ps if i wasnt around"
    r"\b(?:what|who|nani|nini)\b.{0,40}\b(?:my|yangu|zangu|vyangu)\b.{0,30}\b(?:if i (?:wasnt|werent|was not|were not|"
    r"am not|was no longer) (?:around|here|alive|there)|when im (?:gone|no longer here|not around)|nikiwa sipo|"
    r"nisipokuwepo)\b",
    # Hopelessness about oneself, said short: "no point me", "im done trying", "my life is finished"
    r"\bno point (?:in\s+)?me\b|\b(?:im|i am|am|iam)\s+done trying\b|\bmy life is (?:finished|over)\b",
    # Ending it, with a Sheng verb: "nimeamua kuend it wiki hii"
    r"\b(?:nimeamua|niliamua|nataka|natamani|nafeel|nafikiria|nawaza|i want to|decided to|nimeplan|naplan)\s+(?:tu\s+)?"
    r"(?:ku)?end\s+(?:it|it all|life|maisha|kila kitu|everything)\b",
    # Pills taken, and more to come: "i took my brothers sleeping pills last night but only slept long, ill take more"
    r"\b(?:i took|nilikunywa|nilimeza|nimekunywa|nimemeza)\s+(?:\w+\s+){0,3}?(?:sleeping pills|pills|tablets|vidonge|"
    r"dawa za usingizi|panadol)\b"
    r"(?!.{0,60}\b(?:headache|kichwa|fever|homa|malaria|doctor|daktari|prescribed|period pains?|cramps)\b)"
    r".{0,60}\b(?:take more|nitakunywa zaidi|nitameza zaidi|only slept|sikufa|didnt work|didnt die|haikufanya kazi)\b",
    # --- Second pass over fresh sets 36-38: classes still left to the model alone ---
    # The writer's own death or vanishing as a condition, others unmoved or better off: "wote wangefurahi kama
    # ningekufa", "hakuna mse angeshtuka kama ningeishia", "if i died tonight who would even cry"
    r"\b(?:ningekufa|nikifa|ningepotea|nikipotea|ningeishia|ningetoweka|nikitoweka|ningedie|nikidie|ningededi|"
    r"if i (?:died|disappeared|vanished|was gone|were gone|was dead|were dead|die|disappear))\b"
    r"(?!\s+(?:na|with|of|from)\s+(?:kicheko|laughter|laughing|njaa|hunger|cold|baridi|shame|aibu|boredom))"
    # "ningekufa kwa hizi chips" is an idiom; "if i disappear from the group chat" is a phone
    r"(?!\s+(?:kwa|for)\s+(?:hi\w*|hiyo|this|these|that|those|chips|chapo|food|\w+\s+hii)\b)"
    r"(?!\s+(?:from|kwa)\s+(?:the\s+)?(?:group|chat|app|whatsapp|gc|class|online|insta|tiktok|snap))"
    r"(?!.{0,40}\b(?:game|fortnite|minecraft|level|respawn|fifa|pubg|free fire|codm|lives|kicheko|movie|story)\b)",
    r"\b(?:disappear|kupotea|potea|kudie|die|kufa|kutoweka)\s+(?:\w+\s+)?(?:bila|without)\s+(?:pain|kuumia|maumivu|"
    r"hurting|it hurting|uchungu)\b",
    # The means gathered, stolen or waiting for a day: "nime-stack dawa za mathe, nangoja siku poa", "nikona ile sumu
    # ya panya, nikona mpango", "rope iko kwa roof, waiting for the right day"
    rf"\b{_MEANS}\b.{{0,60}}\b(?:nikona mpango|niko na mpango|nina mpango|i have a plan|waiting for the right (?:day|"
    rf"time)|"
    r"nangoja siku|nasubiri siku|the right day|siku poa|siku yangu|my day)\b",
    r"\b(?:nimestack|nastack|stacked|stacking|stockpiling|saving up|collecting|nimekusanya|nakusanya|nimeiba|niliiba|"
    r"i stole|stole|nimeficha)\s+(?:\w+\s+){0,2}?(?:sumu|dawa za panya|dawa ya panya|rat poison|poison|pills|"
    r"sleeping pills|tablets|tabs|vidonge|dawa za (?:usingizi|mathe|mama|buda|baba))\b",
    # Swallowing all of them: "nikimeza hizi tabs zote leo nitapumzika"
    r"\b(?:nikimeza|nimeze|nitameza|kumeza|swallow|swallowing|take|nikinywa|nitakunywa|drink)\s+(?:\w+\s+)?(?:all\s+)?"
    r"(?:the\s+|my\s+|hizi\s+|zile\s+)?(?:tabs|pills|tablets|vidonge|dawa)\s+(?:zote|all|yote)\b"
    r"(?!.{0,40}\b(?:prescribed|daktari|doctor|dozi|dose|course|malaria)\b)",
    # At the water, the rails or the edge, thinking of going in: "nasimama kwa edge ya lake na nataka tu ku-sink", "i
    # stand on the bridge every evening and think about just letting go", "the only way out is the bridge"
    rf"\b{_EDGE}\b.{{0,60}}\b(?:letting go|let go|kusink|sink|kuzama|nizame|kuingia (?:tu\s+)?ndani|nisirudi|"
    r"never come back|how high it is|how deep it is|ni kina gani|jump|kuruka|nijirushe|kujirusha)\b"
    r"(?!.{0,30}\b(?:swim|swimming|kuogelea|fish|samaki|photos?|picha|bungee|pool)\b)",
    rf"\b(?:i stood|i stand|i sat|i sit|nilisimama|nasimama|nilikaa|nakaa)\s+(?:by|on|at|kwa|near|karibu na)\s+"
    rf"(?:the\s+)?(?:\w+\s+)?{_EDGE}\b.{{0,40}}\b(?:waiting|nikingoja|nikisubiri|for (?:an|\d+|one|two) hours?|"
    rf"thinking)\b",
    rf"\b(?:only|the) way out is (?:the\s+)?(?:\w+\s+)?{_EDGE}\b",
    r"\b(?:nijirushe|nijitupe|kujirusha|kujitupa|najirusha|nitajirusha|nitajitupa)\s+(?:kwa|ndani ya|kwenye|in|into)\s+"
    r"(?:the\s+)?(?:mto|ziwa|bahari|maji|lake|river|sea|dam|bwawa|kisima|well)\b",
    # Burning or cutting oneself in English words: "i keep burning my arm", "i press a hot spoon on my thigh"
    r"\b(?:i keep|i kept|ive been|i have been|i always|i still|i started|i start|im|nimestart|nimeanza)\s+(?:\w+\s+)?"
    r"(?:burning|cutting|scratching|carving|hitting|kujikata|kujichoma)\s+(?:my|myself)\b",
    r"\b(?:press|pressed|pressing|put|putting)\s+(?:a\s+)?(?:hot|heated|burning)\s+\w+\s+(?:on|onto|against)\s+my\s+"
    r"(?:arm|arms|thigh|thighs|wrist|wrists|skin|legs?|hand|hands|stomach|tummy)\b",
    # Finishing oneself, knowing how: "im finishing myself, i already know how", "naeza jimaliza tu"
    r"\b(?:im|i am|ill|i will|gonna)\s+(?:finishing|finish|ending|end|killing|kill)\s+myself\b"
    r"|\b(?:naeza|naweza|ningeweza|nitaweza|wacha|ngoja)\s+(?:tu\s+)?(?:ku)?ji(?:maliza|ua|ue|nyonga|end|kill)\b",
    # Tried before with the means: "niliwahi kujaribu na rope kwa bafu", "i tried the rope thing, might try again"
    r"\b(?:nilijaribu|niliwahi kujaribu|nimewahi kujaribu|nimejaribu|i tried|ive tried|i once tried)\s+(?:na|with|"
    r"the)\s+"
    r"(?:rope|kamba|pills|sumu|poison|vidonge|wembe|razor|blade|jik|bleach)\b"
    r"(?!.{0,30}\b(?:climb\w*|skipping|ruka kamba|tug|gym|pe|trick|recipe)\b)",
    # Not wanting tomorrow or waking: "sitaki kuona kesho", "dont see the point of waking up tmrw"
    r"\b(?:sitaki|sipendi|i dont want to|dont want to|i do not want to)\s+(?:kuona|to see|see)\s+(?:kesho|tomorrow|"
    r"tmrw|"
    r"another day|siku nyingine)\b",
    r"\b(?:dont|do not|cant|cannot)\s+see\s+(?:the\s+|any\s+)?point\s+(?:of|in)\s+(?:waking up|living|being alive|"
    r"going on|tomorrow|kuamka|kuishi)\b",
    # Resting or sleeping for good, logging off from life: "i want to rest permanently", "nataka tu ku-sleep forever"
    r"\b(?:want to|wanna|nataka|natamani|wish i could|ningependa|ningetaka)\s+(?:tu\s+|just\s+)?(?:ku)?(?:rest|sleep|"
    r"lala|pumzika)\s+(?:permanently|forever|milele|for good)\b",
    r"\b(?:log off|logout|log out|unsubscribe|exit|sign out)\s+(?:from|of)\s+life\b",
    # Others better off without me, my life useless, why was I made: "everyone ni better off bila mimi"
    r"\b(?:better off|wangekuwa sawa|wangefurahi|happier|wangekuwa na amani)\s+(?:bila|without)\s+(?:mimi|me)\b",
    r"\b(?:maisha yangu|my life)\s+(?:ni|is)\s+(?:so\s+|totally\s+)?(?:useless|worthless|pointless|bure|meaningless|"
    r"haina maana)\b",
    r"\b(?:kwa nini|mbona|why (?:did|does|would))\s+(?:mungu|god)\s+(?:aliniumba|aliniweka|alinileta|create me|"
    r"created me|make me|made me)\b",
    # Vanishing for good: "siku moja nitatoweka tu", "natamani nipotee milele"
    r"\b(?:nitatoweka|nitoweke|nipotee milele|nitapotea milele|disappear forever|vanish forever|disappear for good|"
    r"vanish for good)\b",
    # An apology to all, then goodbye; a goodbye written down: "sorry to everyone i let down. bye", "my diary has my
    # goodbye"
    r"\b(?:sorry to everyone|sorry for everything|forgive me everyone|mnisamehe wote|msamaha kwa wote)\b.{0,40}"
    r"\b(?:bye|kwaheri|goodbye|kwaherini)\b",
    r"\b(?:has|contains|wrote|written|iko na|ina|nimeandika)\s+my\s+goodbye\b(?!\s+(?:party|to|for|speech|card))",
    # Things given away that will not be used again: "nimepea mabeshte viatu na simu, sitazitumia tena"
    r"\b(?:nimepea|nimepeana|nimegiveaway|nimegive|nimegawa|nimewapa|gave away|given away)\b"
    r"(?!.{0,60}\b(?:zamani|old|too small|zimenibana|vimenibana|hazinitoshi|havinitoshi|outgrew|mpya|new one)\b).{0,60}"
    r"\b(?:sita(?:zi|vi|i|m|wa|u|ki|li)?hitaji|sita(?:zi|vi|i|m|wa|u|ki|li)?tumia tena|wont use (?:it|them) again)\b",
    # --- Third pass over fresh sets 36-38 ---
    # All one's things left to someone, not coming back: "nimempa rafiki vitabu vyangu vyote, sitarudi shule",
    # "nimekuachia vitu zangu zote, usiulize"
    r"\b(?:vyangu vyote|zangu zote|vyote vyangu|zote zangu|all my (?:stuff|things|books|clothes|games))\b.{0,40}"
    r"\b(?:sitarudi|sihitaji tena|sita(?:zi|vi)?hitaji|usiulize|msiulize|dont ask|i wont be back|wont need (?:it|"
    r"them))\b",
    # Going to the water and not coming back: "kesho nitaenda ziwani na sitarudi"
    rf"\b(?:nitaenda|naenda|im going|i will go|ill go)\s+(?:\w+\s+)?{_EDGE}\b.{{0,20}}\b(?:na sitarudi|sitarudi|"
    rf"and (?:i )?"
    r"(?:wont|will not|will never) (?:come back|return))\b(?!.{0,20}\b(?:mpaka|until|till|hadi|before)\b)",
    # Tomorrow gone, days ended: "kesho sitakuwa, sorry kwa wote", "kesho niko ghost", "siku zangu zimekwisha"
    r"\b(?:kesho|tomorrow|tmrw|after today)\s+(?:sitakuwa|sitakuwepo|niko ghost|im a ghost|i wont exist|sitakuwa hai)"
    r"(?=\s*[,.!]|\s*$|\s+(?:tena|duniani|hai|sorry|kwaheri|bye))",
    r"\b(?:siku zangu zimekwisha|siku zangu zimeisha|siku zangu zimefika mwisho|my days are over|"
    r"my days are numbered)\b",
    # A prayer to be taken, or to leave this world: "mungu anichukue tu usingizini", "nataka kuhepa hii dunia kabisa"
    r"\b(?:mungu|god|lord|yesu|jesus)\s+(?:anichukue|nichukue|aniite|take me|just take me)\b(?!\s+(?:to|through|"
    r"mbele))",
    r"\b(?:kuhepa|kutoroka|kuondoka|kutoka|escape|leave)\s+(?:hii\s+|this\s+)?(?:dunia|duniani|world)\s*(?:kabisa|"
    r"forever|milele|for good)?\b|\b(?:kuhepa|nihepe|kutoroka)\s+(?:forever|milele|kabisa)\b",
    r"\b(?:wacha|acha|bora|better|ngoja)\s+(?:tu\s+)?(?:nipotee|nidisappear|niishie|nife|nidedi|nidie)\b",
    # The world better without me: "the world would be better w/out me"
    r"\b(?:world|everyone|family|they|wote|dunia|kila mtu|wasee)\b.{0,25}\b(?:better|happier|sawa)\s+(?:off\s+)?"
    r"(?:bila|without|w/out|w/o|wout)\s+(?:mimi|me)\b",
    # A vehicle as a quick way: "the matatu on the highway would be quick"; "natamani gari linigonge"
    rf"\b{_VEHICLE}\b.{{0,30}}\b(?:would be quick|ingekuwa haraka|would be fast|quick way|painless|haitauma)\b",
    rf"\b{_VEHICLE}\s+(?:li|i)?(?:nigonge|nikanyage|ingenigonga|lingenigonga)\b",
    # The conditional of one's own death in "nikikufa"
    r"\bnikikufa\b(?!\s+(?:na|with)\s+(?:kicheko|njaa|baridi))(?!.{0,40}\b(?:game|level|fifa|pubg|kicheko)\b)",
    # A past overdose that ended in hospital: "nime-try kumeza vidonge, nikaamka hosi", "swallowed all of my grandmas
    # tablets, woke up in hospital"
    r"\b(?:nimetry|nilitry|nilijaribu|nimejaribu|i tried|tried|swallowed|nilimeza|nimemeza|nilikunywa|took)\b.{0,40}"
    r"\b(?:vidonge|tablets|pills|tabs|sumu|poison|jik|bleach)\b.{0,40}\b(?:hosi|hospital|hospitali|nikaamka|woke up in|"
    r"stomach pumped|nikalazwa)\b",
    # The means held, waiting for the night: "nimeshika sumu ya panya kwa keja, nangoja tu usiku"
    rf"\b{_MEANS}\b.{{0,40}}\b(?:nangoja|nasubiri|im waiting for|waiting for)\s+(?:tu\s+)?(?:usiku|tonight|night|kesho|"
    r"weekend|everyone to sleep|wote walale)\b",
    # A goodbye video or a plan with a date: "my last tiktok itakuwa goodbye video", "i have a plan and a date"
    r"\b(?:goodbye video|video ya kuaga|farewell video|video ya kwaheri)\b|\b(?:i have|nina|niko na)\s+a?\s*"
    r"(?:plan|mpango)\s+(?:and|na)\s+(?:a\s+)?(?:date|tarehe|siku)\b",
    # Looking down from a roof: "nime-chill kwa roof ya flat nacheki chini, nafikiria tu"
    r"\b(?:roof|paa|rooftop|ghorofa|balcony)\b.{0,30}\b(?:nacheki chini|naangalia chini|natazama chini|looking down|"
    r"staring down|i look down)\b(?!.{0,30}\b(?:view|photos?|picha|sunset|nice|beautiful)\b)",
]

# --- Disclosure ----------------------------------------------------------------------------------

_CHILD = (
    r"(?:me|her|him|them|us|my (?:\w+ )?(?:friend|bestie|best friend|sister|sis|brother|cousin|cuz|classmate|"
    r"neighbour|niece|nephew|daughter|siz|brathe|bro|sibling|siblings|cuzo)|a (?:girl|boy|kid|child) (?:in|from|at) "
    r"(?:my|our)|"
    r"(?:dada|kaka|rafiki|binamu|beshte|cuz|siz|dem) (?:yangu|wangu|wa class|wa darasa))"
)
_HARM_EN = (
    r"(?:touch|grab|grop|rap|molest|abus|beat|burn|lock|starv|hit|kiss|undress|sell|sold|forc|blackmail|"
    r"threaten|harass|stalk|follow|film|record|drug|whip|slap|kick|choke|marr(?:y|ied) off|traffick|"
    r"exploit|pay|paid|groom|bully|bullie|cane|punch)\w*"
)
# "he beat me at chess", "kicked me out of the group", "locked me out of my phone", "force me to study"
_NOT_A_GAME = (
    r"(?!\s+(?:(?:at|in|on|kwa|during)\s+(?:\w+\s+)?(?:chess|fifa|game|games|race|match|pool|draughts|draft|cards|"
    r"football|pubg|free fire|debate|exams?|maths|running|sports?)|(?:on|kwa)\s+(?:insta|ig|tiktok|snap|x|twitter|fb|"
    r"facebook|youtube)|out|up|to (?:study|train|read|revise|pray|work harder|"
    r"do (?:my )?homework|go to (?:school|church))))"
)
# Photos of a thing ("of the notes", "za project yangu") are not photos of the child.
_OF_A_THING = (
    r"(?!\s+(?:of|za|ya)\s+(?:\w+\s+){0,2}?(?:notes|homework|timetable|dog|puppy|cat|mbwa|paka|cake|keki|event|trip|"
    r"projects?|assignments?|board|book|work|questions?|answers|results|receipt|form|uniform|food)\b)"
)
# Those who decide a child's marriage, and the writer married off: "mum alisema nitaolewa", "wananiozesha"
_ELDERS = (
    r"(?:mum|mom|mama|mathe|mamangu|baba|dad|buda|wazazi|parents|uncle|mjomba|shangazi|aunt|auntie|babu|grandma|bibi|"
    r"cucu|shosh|stepmum|stepdad|family|familia)"
)
_MARRIED_OFF = (
    r"(?:nitaolewa|nitaozwa|nitaozeshwa|niolewe|niozwe|nitaenda kuolewa|nikaolewe|wananiozesha|ananiozesha|"
    r"wataniozesha|ataniozesha|i will be married off|im getting married|i will get married|im to be married)"
)
_DISCLOSURE = [
    # Marks on a child's back or body: "my bro gets whipped ... his back has marks"
    r"\b(?:his|her|my)\s+(?:back|body|legs|arms)\s+(?:has|have|had|is covered in|full of)\s+(?:\w+\s+)?(?:marks|"
    r"bruises|scars|wounds)\b(?!.{0,30}\b(?:football|soccer|game|match|playing|fell|accident|bike|mpira|kucheza|"
    r"alianguka|injury|training|chickenpox|surgery)\b)",
    r"\b(?:mgongo|mwili|miguu)\s+(?:wake|wangu)\s+(?:una|ina|iko na|ana)\s+(?:alama|makovu|majeraha)\b",
    # An adult texting children at night: "mwalimu ... huwatext madem wa form 1 usiku"
    r"\b(?:mwalimu|teacher|tr|coach|pastor|uncle|mjomba|mzee|buda|jamaa|msee|man|guy|watchman|askari|driver|conductor|"
    r"boss)\b.{0,40}\b(?:(?:hu|ana|ali|ame)(?:ni|m|mw|wa|tu)text\w*|texts (?:me|her|girls|us|students|my \w+)|"
    r"dms (?:me|her|girls|us|my \w+))\b.{0,40}\b(?:usiku|at night|late at night|every night|kila usiku|midnight|"
    r"saa sita)\b",
    # Threats sent to a child: "anatumiwa jumbe za kutisha ... wamemwambia watamvamia"
    r"\b\w*tumiwa\s+(?:\w+\s+)?(?:jumbe|ujumbe|meseji|messages|texts|msgs)\s+(?:za\s+|wa\s+)?(?:kutisha|vitisho|"
    r"threats|kumtisha|kunitisha)\b",
    # A child sent to work for others, the money taken or school missed: "mathe ... humtuma kuosha nyumba za watu
    # weekends na anachukua doh, hajakuja shule"
    r"\b(?:hu|ana|ali|ame)(?:ni|m|mw|tu|wa)(?:tuma|peleka|lazimisha)\s+(?:ku)?(?:osha|fua|fanya kazi|uza|chunga|beba|"
    r"lima|pika|chota)\b.{0,60}\b(?:doh|pesa|money|malipo|anachukua|anakula|hajakuja shule|haendi shule|hasomi|"
    r"instead of school|badala ya shule|siku za shule)",
    # A child married to an adult man: "dem wa jirani ameolewa na buda wa 40 na yeye ako class 8"
    r"\b(?:ameolewa|aliolewa|ameozwa|aliozwa|got married|was married|is married|married)\s+(?:na|to|off to)\s+"
    r"(?:an?\s+)?(?:\w+\s+){0,3}?(?:buda|mzee|jamaa|msee|man|mwanaume|mtu mzima|adult|guy)\b"
    r"(?=.{0,60}\b(?:(?:class|grade|form|darasa|std|standard)\s+\d|miaka\s+(?:1[0-7]|kumi)|only\s+1[0-7]|"
    r"1[0-7]\s+(?:years|yrs)|kumi na (?:moja|mbili|tatu|nne|tano|sita|saba))\b)",
    # Treats given, then the child taken to his room or kiosk: "hupewa sweets na askari ... anampeleka kwa kibanda"
    r"\b(?:hupewa|anapewa|alipewa|humpa|anampa|alimpa|hunipa|ananipa|alinipa|huwapa|anawapa|aliwapa|gives|gave)\s+"
    r"(?:\w+\s+){0,3}?(?:sweets|pipi|chips|biscuits|soda|zawadi|gifts?|chocolates?|mandazi|smokie|smokies)\b.{0,60}"
    r"\b(?:\w*(?:m|ni|wa|mw)peleka|\w*(?:m|ni|wa|mw)chukua|\w*(?:m|ni|wa|mw)ingiza|takes|took|brings|brought|leads|"
    r"led)\s+"
    r"(?:(?:her|him|me|them|my \w+)\s+)?(?:\w+\s+)?(?:kwa|to|into|ndani ya|behind)\s+(?:the\s+|his\s+)?(?:\w+\s+)?"
    r"(?:kibanda|chumba|room|bedroom|kwake|lodging|store|stoo|kiosk|vibanda|back room|nyumba yake|his house)\b",
    # Knowing the child's way home or times: "texts my sister saying he knows which way she walks home", "jamaa ...
    # anajua njia anayopita kurudi nyumbani" (a parent knowing it is not this)
    r"\b(?:he|they)\s+knows?\s+(?:which way|the way|what time|when|the route|the road)\b.{0,25}\b(?:walk|walks|go|goes|"
    r"leave|leaves|get|gets|pass|passes|take|takes|home|school)\b",
    r"\b(?:jamaa|msee|mzee|mtu|man|guy|driver|dereva|stranger|mgeni|boda|someone)\b.{0,40}\b(?:anajua|wanajua|ajua)\s+"
    r"(?:njia (?:ninayopita|anayopita|tunayopita|yangu|yake)|saa (?:ninatoka|anatoka|tunatoka|ninarudi|anarudi))\b",
    r"\b(?:driver|jamaa|msee|mzee|man|guy|stranger|he)\b.{0,20}\b(?:anajua|knows)\s+(?:jina langu|jina lake|my name|"
    r"her name|my full name)\b",
    # A photo of the child's home or school sent with a threat: "posting a photo of our gate with the caption see you
    # soon", "alinitumia picha ya gate yetu akasema nakuona"
    r"\b(?:photo|photos|pic|pics|picture|pictures|picha|video)\s+(?:of|ya|za)\s+(?:(?:our|my|her|his|the)\s+)?"
    r"(?:\w+\s+)?(?:gate|house|home|nyumba|shule|school|estate|door|mlango|keja|boma|window|dirisha)"
    r"(?:\s+(?:yetu|kwetu|yangu|yake|yao))?\b.{0,60}"
    r"\b(?:see you soon|tutaonana soon|im coming for you|coming for you|nakuja kwako|nakuja kukuchukua|i know where|"
    r"najua unapoishi|najua mnapoishi|im watching|i am watching|im watching you|nakuona|nakuangalia|nakuchunga)\b",
    # An adult sleeping with a child: "my friends dad has been sleeping with her since she was twelve"
    r"\b(?:dad|father|stepdad|step dad|uncle|teacher|mwalimu|baba|mjomba|pastor|coach|neighbou?r|jirani|mzee|boss|"
    r"watchman|driver|conductor|landlord|brother in law|shemeji|cousin|buda|man)\b.{0,40}\b(?:sleeping with|"
    r"sleeps with|"
    r"slept with|sleep with|having sex with|has sex with|had sex with|analala na|alilala na|hulala na|amelala na|"
    r"anafanya mapenzi na|alifanya mapenzi na|hufanya mapenzi na)\s+(?:her|him|me|my \w+|dada|rafiki|binamu|mdogo|yeye|"
    r"cousin|sister)\b(?!.{0,30}\b(?:nightmares?|scared|sick|storm|thunder|when i was (?:little|small)|kitanda kimoja "
    r"na|on the same bed)\b)",
    # A child made to work without pay or kept from school: "anamtumikisha mtoto ... hamlipi na hamruhusu kwenda shule"
    r"\b(?:\w*tumikish\w*|kazi za nyumba|housework|house work|chores|kazi ya shamba|kazi)\b.{0,60}\b(?:hamlipi|"
    r"hawamlipi|hanilipi|hawanilipi|bila malipo|without pay|(?:doesnt|dont|never|wont|do not|does not)\s+pays?\s+"
    r"(?:her|him|me|them)|"
    r"hamruhusu kwenda shule|hawamruhusu kwenda shule|haniruhusu kwenda shule|not allowed to go to school|"
    r"wont let (?:her|him|me) go to school|doesnt let (?:her|him|me) go to school)\b",
    # A man who keeps asking a child for photos: "the guy who keeps asking my sister for photos"
    r"\b(?:guy|man|msee|jamaa|mzee|buda|stranger|someone|somebody|uncle|teacher|coach|he)\b.{0,60}\b(?:(?:keeps|kept|"
    r"always|still|is always|been)\s+(?:asking|begging|bugging|pressuring)|asks|begs|asked|pressures)\s+(?:me|her|him|"
    r"my \w+|us|(?:young\s+|small\s+)?(?:girls|boys|kids|children|students|pupils|wasichana|watoto)(?:\s+\w+){0,4}?)\s+"
    rf"(?:to send\s+|for\s+)(?:more\s+)?(?:photos|pics|pictures|picha|selfies|videos)\b{_OF_A_THING}",
    r"\b(?:anaendelea kuniomba|anaendelea kumwomba|huniomba|humwomba|ananisumbua|anamsumbua|ananilazimisha|"
    r"anamlazimisha|(?:ana|hu|ali|ame)(?:wa)?omba\s+(?:wasichana|watoto|wavulana|girls|madem|dem)(?:\s+\w+){0,4}?)"
    rf"\s+(?:\w+\s+){{0,2}}?(?:nimtumie\s+|amtumie\s+|watume\s+|wamtumie\s+)?(?:picha|pics|photos|"
    rf"selfies?)\b{_OF_A_THING}",
    # An adult met online coming to pick the child up or meet in person: "met him on tiktok ... coming to pick me"
    r"\b(?:met|meet|tulikutana|nilikutana|alikutana|wakakutana|tukakutana|nikakutana)\s+(?:na\s+)?(?:him|a man|"
    r"an older (?:man|guy|boy)|a guy|some guy|this guy|jamaa|mzee|msee|buda|mwanaume|boda)\b.{0,25}\b(?:online|"
    r"(?:on|kwa|kwenye)\s+(?:tiktok|insta|instagram|ig|snap|snapchat|facebook|fb|whatsapp|free fire|roblox|discord|"
    r"telegram|mtandao|x|twitter)|mtandaoni)\b.{0,80}\b(?:pick (?:me|her|him|us)|come for (?:me|her)|anichukue|"
    r"amchukue|kunichukua|kumchukua|tukutane|wakutane|tuonane|meet (?:me|her|up|in person)|nimtembelee|amtembelee|"
    r"niende kwake|aende kwake|visit him|hotel|lodging|his place|his house)\b",
    # Pictures of the writer online, with shame or a wish to die: "siwezi kuishi na hizi picha ziko online"
    r"\b(?:picha|pics|photos|nudes|video)\b.{0,20}\b(?:ziko online|ziko mtandaoni|zimepostiwa|zimevuja|are online|"
    r"got leaked|were leaked|are everywhere)\b(?=.{0,40}\b(?:kufa|die|siwezi|cant|aibu|shame|naogopa|scared)\b)"
    r"|\b(?:siwezi kuishi|cant live|aibu)\b.{0,30}\b(?:picha|pics|photos|nudes|video)\b.{0,20}\b(?:ziko online|"
    r"ziko mtandaoni|zimepostiwa|zimevuja|are online|got leaked|were leaked)\b",
    # A blocked harasser back on a new account: "nikiblock account yake anafungua nyingine na kunitumia threats"
    r"\b(?:nikiblock|nikimblock|nimemblock|nilimblock|nimeblock|nimemblock|nilimblock|niliblock|when i block|i blocked|"
    r"ive blocked|i block)\b.{0,40}\b(?:anafungua|opens|"
    r"creates|makes|new account|nyingine|another)\b",
    # Sitting on an adult's lap in exchange: "tukimkalia kwa mapaja" (a toddler on grandpa's lap is not this)
    r"\b\w*kalia\s+(?:kwa\s+)?(?:mapaja|mapajani)\b",
    # Children paid by tourists or to be photographed: "analipwa na wazungu kupigwa picha"
    r"\b(?:analipwa|hulipwa|wanalipwa|tunalipwa|wanatulipa|wanamlipa|wananilipa|pay us|paid us|pays us|paid her|"
    r"pays her)\b.{0,40}\b(?:kupigwa picha|to be photographed|for photos|kupigwa video)\b"
    r"|\b(?:watalii|tourists|wazungu|mzungu)\b.{0,70}\b(?:wanatulipa|wanamlipa|wananilipa|analipwa|hulipwa|"
    r"tunalipwa|pay us|paid us|pays us)\b",
    # An adult who says he loves the child, with his age: "anasema ananipenda ... ako na miaka 40"
    r"\b(?:ananipenda|anampenda|says he loves (?:me|her)|loves me)\b.{0,80}\b(?:ako na|ana|yuko na|is|hes)\s+"
    r"(?:miaka\s+)?[2-6]\d\b",
    # Followed, in the past too: "huyu alinifuata"
    r"\b(?:alinifuata|amenifuata|alimfuata|alitufuata|ametufuata)\b"
    r"(?!\s+(?:on|kwa) (?:insta|tiktok|ig|x|twitter|snap|fb))",
    # Coming into the children's room at night and silencing: "huwa anaingia kwa chumba chetu usiku na kumnyamazisha"
    r"\b(?:anaingia|huingia|aliingia|comes into|came into|enters)\b.{0,50}\b(?:\w*nyamazish\w*|"
    r"covers? (?:my|her) mouth|"
    r"covered (?:my|her) mouth|\w*ziba mdomo)",
    # A child gone with someone met online: "alichukuliwa na mtu wa facebook hajarudi"
    r"\b(?:alichukuliwa|amechukuliwa|was taken|went away with|aliondoka na|alitoroka na)\b.{0,20}\b(?:mtu|someone|"
    r"a man|jamaa|msee)\s+(?:wa|from|of|she met on|he met on)\s+(?:facebook|fb|insta|instagram|tiktok|online|"
    r"whatsapp|snap|mtandao|mtandaoni)",
    # A child called a wife: "uncle huita mdogo wangu wife na kumbusu"
    r"\b(?:huita|anaita|aliita|humwita|anamwita|alimwita|ananiita|huniita|aliniita)\s+(?:\w+\s+){0,2}?(?:wife|mke|bibi "
    r"yake|mke wake|girlfriend yake)\b",
    # Photos of the writer taken unseen and sent: "kunitumia picha za mimi nikitembea"
    r"\b(?:picha|photos|pics)\s+(?:za|of)\s+(?:mimi|me|her)\s+(?:nikitembea|akitembea|walking|nikienda|going|"
    r"nikiwa|at)\b",
    # An adult telling a child to come to his house alone: "aende kwa nyumba yake Saturday peke yake"
    r"\b(?:aende|niende|uje|nije|aje|come|go)\s+(?:to\s+|kwa\s+)?(?:nyumba yake|kwake|his house|his place|his room)\b"
    r".{0,30}\b(?:peke yake|peke yangu|alone|solo)\b",
    # A child's intimate body touched: "teacher wa maths alimshika classmate wangu kifua"
    r"\b(?:ali|ana|hu|ame|a|aki)(?:ni|m|wa|tu)(?:shika|guza|gusa|touch|grab|bamba)\w*\b.{0,40}\b(?:kifua|kifuani|"
    r"matiti|maziwa yake|maziwa yangu|makalio|matako|mapaja|paja|sehemu za siri|chest|breasts?|bum|butt|thighs?|"
    # "pahali mbaya": a bad place, said of a body
    r"pahali (?:pa)?baya|pahali mbaya|mahali (?:pa)?baya|sehemu mbaya|pabaya|sehemu (?:zake|zangu) za siri)\b"
    r"|\b(?:touched|touches|grabbed|grabs|groped|gropes|squeezed|squeezes)\s+(?:my|her|his)\s+(?:chest|breasts?|"
    r"bum|butt|thighs?|private parts|privates)\b"
    r"|\b(?:touched|touches|touching|grabbed|grabs|groped|gropes)\s+(?:me|her|him|them|us|my \w+|girls|boys)\s+"
    r"(?:in\s+)?(?:a\s+|the\s+)?(?:bad|wrong|private)\s+(?:places?|way|parts)\b",
    # Waiting near a child and knowing where they live, in either order: "anasubiri nje ya gate ya shule kila
    # jioni, anajua tunaishi wapi"
    r"\b(?:anasubiri|anangoja|ananisubiri|ananingoja|husubiri|hungoja|hunisubiri|hutusubiri|anatusubiri)\b.{0,80}"
    r"\b(?:anajua|ajua)\s+(?:\w+\s+)?(?:tunaishi|ninaishi|naishi|anaishi|tunakaa|ninakaa|nakaa|tunapoishi|"
    r"ninapoishi|anapoishi)\b"
    r"|\b(?:anajua|ajua)\s+(?:\w+\s+)?(?:tunaishi|ninaishi|naishi|anaishi|tunakaa|ninakaa|nakaa|tunapoishi|"
    r"ninapoishi|anapoishi)\b.{0,80}\b(?:anasubiri|anangoja|ananisubiri|ananingoja|husubiri|hungoja|hunisubiri)\b",
    # A threat against the family if the child tells: "anasema nikienda kwa police atamuua mama yangu"
    r"\b(?:nikienda|nikisema|nikimwambia|nikiambia|nikireport|akijua|if i (?:tell|go to|report|say)|if she (?:tells|"
    r"reports))\b.{0,40}\b(?:atamuua|atawaua|ataniua|atamdhuru|atawadhuru|atamuumiza|atawaumiza|will kill|will hurt)\b",
    # Marks of beating or burning on a child: "rafiki yangu hukuja na alama za kuchomwa kwa mikono"
    r"\b(?:alama|makovu|marks|scars)\s+(?:za|ya|of)\s+(?:kuchomwa|kupigwa|kuungua|viboko|moto|mkanda|belt|the belt|"
    r"burns?|beating|beatings)\b|\bburn marks\b",
    # A gift, then the child is said to belong to the giver: "mzee alinipa simu mpya akasema sasa ni wake"
    r"\b(?:alinipa|alimpa|amenipa|amempa|ananipa|anampa|alininunulia|alimnunulia|gave me|gave her|bought me|bought her)"
    r"\b.{0,50}\b(?:sasa (?:mimi |yeye |wewe )?(?:ni|u|uko) wake|now (?:im|i am|she is|shes|you are|youre|i belong to|"
    r"she belongs to) his(?:\s+(?:girl|wife|property))?(?=\s*(?:[,.!?]|$|\s+(?:na|and|so|coz|because))))",
    # Owing an adult for what he gave, money amounts apart: "he keeps saying i owe him for the phone he bought me"
    r"\b(?:saying|tells me|told me|telling me|reminds me|anasemanga)\s+(?:that\s+)?(?:i|she)\s+(?:owe|owes)\s+"
    r"(?:him|her)\b(?!\s+(?:\d|ksh|kes|sh\b|shs|money|pesa|bob|a few|some))",
    # An adult kissing a child on the mouth: "mhubiri hunibusu kwa mdomo"
    r"\b(?:hu|ana|ali|ame|a|aki)(?:ni|m)busu\s+(?:kwa\s+)?(?:mdomo|mdomoni|lips)\b|\b(?:kisses|kissed|kissing)\s+"
    r"(?:me|her)\s+on the (?:lips|mouth)\b"
    r"|\b(?:mhubiri|pastor|mwalimu|teacher|uncle|mjomba|coach|mzee|jirani|neighbou?r|boss|driver|conductor|watchman|"
    r"askari|stepdad|step dad|baba wa kambo)\b.{0,40}\b(?:hunibusu|ananibusu|alinibusu|amenibusu|humbusu|anambusu|"
    r"alimbusu|kisses me|kissed me|kisses her|kissed her)\b",
    # Another child told to keep quiet about what was done: "alimwambia rafiki yangu asiseme kitu alichomfanyia"
    r"\b(?:alimwambia|anamwambia|amemwambia|humwambia|aliwaambia|huwaambia)\s+(?:\w+\s+){0,2}?(?:asiseme|"
    r"asimwambie|wasiseme|wasimwambie|asiripoti|asiwaambie)\b.{0,40}\b(?:\w*fanyia|kitu|mambo|siri|mtu|wazazi|"
    r"mama|baba|parents|anyone)\b",
    # Kept from school to be married: "ameambiwa asiende shule ili aolewe"
    r"\b(?:asiende|aache|kuacha|atoke|hataenda|not to go to|to leave|stop going to|drop out of)\s+(?:\w+\s+)?"
    r"(?:shule|school)\b.{0,25}\b(?:ili aolewe|aolewe|kuolewa|ameolewa|to (?:be|get) married|to marry|married off)",
    # Child labour: made to work ("anafanyishwa kazi"), sent to work instead of school, made to carry or sell all day
    r"\b(?:ana|ali|ame|hu|wana|wali|wame|ni|nina|nili|nime)fanyishwa\s+kazi\b",
    r"\b(?:kazi|kuuza|sell|selling|kuchunga|herding|kubeba|carry|carrying|mizigo|loads|quarry|shamba|"
    r"maid|house ?girl|kibarua)\b.{0,40}\b(?:badala ya|instead of)\s+(?:kwenda\s+|going to\s+|kuenda\s+)?"
    r"(?:shule|school|masomo)\b",
    r"\b(?:makes|made|forces|forced|sends|sent|anatuma|hunituma|humtuma|analazimisha)\s+(?:me|him|her|my \w+|us|"
    r"them)\s+(?:to\s+)?(?:work|sell|carry|dig|herd|hawk)\w*\b.{0,40}\b(?:all day|every day|kila siku|for no pay|"
    r"without pay|bila malipo|instead of school|at night|till night)",
    # Waking up undressed after a drink or a sleep: "alinipa soda ... nikaamka nikiwa sina nguo"
    r"\b(?:nikaamka|niliamka|akaamka|aliamka|tukaamka|woke up|i woke|she woke)\b.{0,30}\b(?:bila nguo|sina nguo|"
    r"hana nguo|hakuwa na nguo|sikuwa na nguo|without (?:my |her |any )?clothes|naked|uchi)\b",
    # An adult "boyfriend" or sponsor of the writer, by his age: "boyfriend wangu ako 26", "my bf is 30"
    r"\b(?:my\s+(?:boyfriend|bf|sponsor|sponsa|lover|mpenzi)|(?:boyfriend|bf|mpenzi|sponsor|sponsa|lover|msee)\s+"
    r"(?:wangu|yangu))\s+(?:is|ni|ako|yuko|ana|has|turned)\s+(?:miaka\s+)?(?:[2-9]\d|thelathini|arobaini|hamsini)\b"
    r"(?!\s*(?:min|minutes|dakika|km|%|bob|k\b|followers|kg))",
    # Someone keeps posting the writer's or a girl's pictures
    r"\b(?:keeps|kept|keep|always|anaendelea|huendelea|continues)\s+(?:to\s+)?(?:posting|sharing|post|share|kupost|"
    r"kushare|kusambaza|kuweka|leaking|kuleak)\s+(?:\w+\s+)?(?:my|her|zangu|yangu|za dada|za rafiki)\s*"
    r"(?:photos|pics|picha|nudes|videos?)\b"
    r"|\b\w*(?:na|li|me|hu)(?:ni|m)?(?:post|postia|share|sambaza)\w*\s+(?:\w+\s+)?(?:picha|pics|photos|video)\s+"
    r"(?:zangu|yangu)\b",
    # A man of a given age courting a child: "jamaa wa 35 ananitext kila siku ati ananipenda"
    r"\b(?:jamaa|msee|mzee|man|guy|mwanaume|boda|sponsor)\s+(?:wa|of|aged)\s+(?:miaka\s+)?[2-6]\d\b.{0,40}"
    r"\b(?:ananitext|texts me|ananipenda|loves me|ananibuyia|anataka tukutane|wants to meet|ananitumia|sends me)\b",
    # A parent or carer burning or cutting a child's body: "my dad burned my hand on the jiko"
    r"\b(?:dad|daddy|mum|mom|mother|father|uncle|aunt|auntie|stepdad|stepmum|stepmom|stepmother|stepfather|teacher|"
    r"baba|mama|mjomba|shangazi|buda|mathe|guardian)\b.{0,20}\b(?:burned|burnt|burns|cut|cuts|broke|breaks|"
    r"scalded|scalds)\s+(?:my|her|his)\s+(?:hand|hands|arm|arms|leg|legs|back|fingers|skin|face|feet|foot)\b",
    # Exposure threatened unless the child pays or sends: "wataniweka kwa page ya expose nisipolipa"
    r"\b\w*?(?:weka|post|expose|leak|tuma|share|anika)\w*\b.{0,40}\b(?:nisipo(?:lipa|tuma|mtumia|wapa|mlipa)|"
    r"unless i (?:pay|send)|if i dont (?:pay|send))\b",
    # A "secret game" with an adult
    r"\b(?:game|mchezo)\s+(?:yetu|wetu|our)\s+(?:ya\s+|wa\s+)?siri\b|\bour secret game\b|\bsecret game\b.{0,30}"
    r"\b(?:uncle|mjomba|he|teacher|mwalimu)\b",
    r"\b(?:uncle|mjomba|teacher|mwalimu|coach|pastor|neighbour|jirani|step ?dad|baba wa kambo|mzee|watchman)\b"
    r".{0,60}\b(?:i|ni)\s*(?:shouldnt|should not|must not|cant|sipaswi|sifai)\s+(?:tell|kumwambia|kuambia|kusema)\s+"
    r"(?:mum|mom|dad|my parents|anyone|mama|baba|mtu)\b",
    # Locked in without food: "mathe hunilock kwa nyumba siku mzima bila food"
    r"\b(?:hu|ana|ali|ame)(?:ni|m|tu|wa)(?:lock|fungia|fungiaga|funga ndani)\w*\b.{0,40}\b(?:bila (?:chakula|food|"
    r"kula|maji)|without food|siku mzima|siku nzima|whole day|all day|usiku mzima|nje|outside)\b"
    r"|\b(?:locks|locked|keeps)\s+(?:me|us|her|him|my \w+)\s+(?:in|inside|out|outside)\b.{0,30}\b(?:without food|"
    r"all day|whole day|all night|no food|bila chakula)\b",
    # Threatened to be found: "he will find me at school", "atanipata shule"
    r"\b(?:he|she|they|someone|somebody|mtu|msee|jamaa|guy|man)\b.{0,40}\b(?:will|gonna|going to|is coming to)\s+"
    r"find\s+me\b(?!\s+(?:a|an|some|the)\b)"
    r"|\b(?:atanipata|atanifuata|atanitafuta|atakuja kunipata)\b(?=.{0,30}\b(?:shule|"
    r"school|home|nyumbani|kwetu)\b)",
    # Followed from school: "a man in a car hufuata my sister from school", "ananifuata kila siku"
    r"\b(?:man|men|mzee|jamaa|msee|guy|mtu|someone|somebody|stranger|mwanaume|boda|dereva|driver|uncle|mjomba)\b"
    r".{0,25}\b(?:hu|ana|ali|ame)(?:ni|m|tu|wa)?fuat\w*\s+(?:\w+\s+)?(?:me|my \w+|dada|sister|brother|rafiki|friend|"
    r"mimi|sisi|us)\b.{0,30}\b(?:from school|after school|shule|home|nyumbani|everyday|every day|kila siku)\b",
    # An adult takes a child to a room and locks the door
    r"\b(?:ali|ana|hu|ame)(?:ni|m|tu)(?:peleka|ita|chukua|vuta|ingiza)\w*\b.{0,40}\b(?:akafunga|anafunga|alifunga|"
    r"hufunga|kufunga)\s+(?:mlango|the door|door)\b"
    r"|\b(?:took|takes|called|calls|brought|pulled)\s+(?:me|her|him|my \w+)\s+(?:to|into)\s+(?:his|her|the)\s+"
    r"(?:office|room|house|car|store)\b.{0,20}\b(?:locked|closed|shut)\s+the\s+door\b",
    # An adult texting a child at night to come over
    r"\b(?:hunitext|ananitext|alinitext|hunipigia|ananipigia|texts me|calls me|hutext|anatext)\s+(?:\w+\s+)?"
    r"(?:usiku|at night|late at night|late)\b.{0,40}\b(?:nimuende|nimwendee|nije|niende|come to|visit|kwake|"
    r"his (?:house|place|room))",
    # Filmed in the bathroom or naked and shared
    r"\b\w*rekodiwa\b.{0,30}\b(?:bafu|bafuni|bathroom|shower|akioga|nikioga|uchi|naked)\b"
    r"|\b(?:filmed|recorded)\s+(?:me|her|him|my \w+)\s+(?:in the\s+)?(?:bathroom|shower|changing room|naked)\b",
    # An adult "boyfriend" or sponsor of a child, with his age: "beste yangu ako na boyfriend wa 30 years"
    r"\b(?:ako na|yuko na|ana|nina|niko na|has a|have a|dating a|is dating|anadate|nadate|anadate na|with a)\s+"
    r"(?:\w+\s+)?(?:boyfriend|bf|mpenzi|sponsor|sugar daddy|mubaba|man|jamaa|msee|mzee|boyfriend ambaye)\s+"
    r"(?:wa|of|aged|who is|ambaye ni|mwenye)?\s*(?:miaka\s+)?[2-6]\d\b",
    # Nudes demanded
    r"\b(?:anadai|ananidai|alidai|amedai|alinidai|ameniitisha|ananiitisha|aliniitisha|anaitisha|demanding|demands|"
    r"demanded|keeps asking me for|is asking me for|anaitisha|ananiomba|ameniomba|aliniomba)\s+(?:\w+\s+)?"
    r"(?:nudes|nude|picha za uchi|uchi|naked (?:pics|photos|pictures)|pics za uchi)\b",
    # Harm to another child, told by a child: "the watchman grabs my friend", "he touches her"
    # (a vehicle, a ball or a door "hit me" is an accident)
    rf"\b(?:he|she|they|(?:my|her|his|our|the|a|an)\s+(?!(?:\w+\s+)?(?:car|matatu|mat|ball|bike|bicycle|boda|"
    r"motorbike|lorry|bus|door|stone|branch|wave|truck|nduthi)\b)(?:\w+\s+){0,2}?\w+|someone|somebody|this guy|"
    rf"some man|an old man)\s+(?:always\s+|still\s+|keeps\s+|kept\s+|has\s+|had\s+)?{_HARM_EN}\s+{_CHILD}\b"
    rf"{_NOT_A_GAME}",
    rf"\b{_CHILD}\s+(?:is|was|got|gets|has been|is being|was being|were)\s+(?:\w+\s+)?(?:raped|molested|abused|beaten|"
    r"touched|groped|blackmailed|sextorted|forced|sold|married off|trafficked|locked|starved|burnt|burned|"
    r"threatened|stalked|drugged|defiled|assaulted|whipped|made to work|taken to)\b"
    rf"{_NOT_A_GAME}",
    r"\b(?:forced himself|forced herself|forced themselves|did it again|does stuff|does things|did things|"
    r"did stuff|put his hands?|puts his hands?|comes to (?:my|her) (?:bed|room)|came to (?:my|her) (?:bed|room))\b",
    r"\b(?:kisses|kissed|touches|touched|grabs|grabbed)\s+(?:her|him|my \w+)\s+(?:and|in|when|every)",
    r"\b(?:under|chini ya)\s+(?:my|her|yangu)?\s*(?:skirt|sketi|dress|nguo)",
    r"\b(?:after class|baada ya darasa|alone|peke yangu|peke yetu|solo)\b.{0,40}"
    r"\b(?:locks?|locked|anafunga|hufunga|kufunga|"
    r"alifunga|akafunga)\s+(?:the\s+)?(?:door|mlango)\b",
    r"\b(?:puts?|putting|huweka|anaweka|aliweka|akaweka)\s+(?:his\s+|her\s+)?(?:mkono|hand|hands|mikono)\b.{0,20}"
    r"\b(?:shorts|kaptula|skirt|sketi|chupi|underwear|pants|trousers|blouse|bra)\b",
    r"\b(?:is|was|gets|got|being)\s+tied\s+(?:up\b|to (?:a|the) (?:tree|bed|chair|post))"
    r"|\b\w*fungwa\s+(?:kwenye|kwa|na|to)\s+"
    r"(?:a\s+|the\s+)?(?:mti|kamba|kitanda|kiti|mnyororo|tree|bed|chair)\b",
    # Told not to tell parents: the Kiswahili negative subjunctive of "tell" in any person
    r"\b\w*si(?:mw|wa|m)?(?:ambie|eleze|seme)\s+(?:\w+\s+)?(?:wazazi|mama|baba|mathe|buda|mtu|yeyote|parents|"
    r"mum|mom|dad|anyone|teacher|mwalimu)\b",
    r"\b(?:tells?|told|telling)\s+(?:her|him|them|my \w+)\s+(?:\w+\s+)?(?:not to|never to|to never)\s+(?:tell|say)\b",
    # A child filmed or photographed undressing, then shared
    r"\b(?:record|recorded|recording|\w*record|\w*rekodi|filmed|films|"
    r"took (?:pics|photos|pictures|a video) of|"
    r"alimpiga picha|alinipiga picha)\b.{0,40}\b(?:changing|akibadilisha|nikibadilisha|bathing|akioga|nikioga|wakioga|"
    r"wakibadilisha|naked|"
    r"uchi|bila nguo|in the shower|bafuni|undressing)\b",
    # The silencing threat itself
    r"\b(?:no one|nobody|noone|hakuna mtu)\s+(?:will|would|is going to|gonna)?\s*(?:ever\s+)?(?:believe|atakuamini|"
    r"ataniamini|atamwamini)\s*(?:you|her|him|me|u)\b|\bhakuna (?:mtu )?(?:atakayekuamini|atakayeniamini|"
    r"atakayemwamini)\b",
    r"\b\w*(?:na|li|me|ta)(?:ni|m|mw|tu|wa)?tishia\b.{0,40}\b(?:kuweka|kusambaza|kupost|kutuma|kuonyesha|kuleak)\b",
    r"\b(?:chats|mazungumzo|jumbe|messages|msgs)\s+(?:zetu|yetu|zake)?\s*(?:ni|are|is|iwe|ziwe)\s+(?:siri|secret|"
    r"private)\b",
    r"\b(?:my home address|anwani ya nyumbani|address ya keja|my address|where i live)\b.{0,40}\b(?:posts?|comments?|"
    r"online|group|kwenye posts)\b|\b(?:comment\w*|posting|posts|anaandika|anacomment|ameweka)\b.{0,40}\b(?:my home "
    r"address|anwani ya nyumbani|address ya keja|my address)",
    # Grooming steps: secrecy
    r"\bsiri yetu\b|\bsiri yao\b|\b(?:our|their) (?:little )?secret\b(?!\s+(?:santa|garden|recipe|weapon|handshake|"
    r"sauce|code|language))|\bbetween (?:us|you and me) (?:only|tu)\b",
    r"\b(?:delete|futa|fute|nifute|nidelete|kudelete|clear)\s+(?:(?:our|zetu)\s+(?:chats|msgs|messages|jumbe|dms)|"
    r"(?:chats|msgs|messages|jumbe|dms)\s+(?:zetu|yetu)|everything after|kila kitu baada|(?:chats|jumbe) zetu)\b",
    r"\b(?:told|tells|tell|aliniambia|ananiambia|ameniambia|said|says|alisema|anasema)\s+(?:me|her|him|my \w+)?"
    r"\s*(?:not to tell|nisimwambie|nisiseme|nisiambie|asimwambie|asiseme|dont tell|to keep (?:it|this) quiet|"
    r"to delete (?:our|everything|zetu|the (?:chats|msgs|messages))|no one will believe|nobody will believe|"
    r"grown ups wouldnt|wazazi hawataelewa|"
    r"its normal and nobody)(?!\s+(?:uongo|lies|vibaya|matusi|maneno mabaya))",
    r"\b(?:wazazi|grown ups|adults|parents)\s+(?:hawataelewa|wouldnt understand|would not understand|"
    r"dont need to know)\b",
    # Gifts for photos or meetings, "you owe me"
    r"\b(?:sends?|sent|gives?|gave|buys?|bought|pays?|paid|promised|promises|offers?|offered|\w*lipa|\w*lipia|"
    r"\w*(?:ni|m)(?:tumia|pa|"
    r"pea|nunulia|buyia|lipia|ahidi|offer|buy)\w*|\w*(?:ni|m)buy)\s+(?:me\s+|her\s+|my \w+\s+)?(?:\w+\s+){0,2}?"
    r"(?:airtime|bundles|data|credit|mpesa|m pesa|money|pesa|doh|fees|karo|phone|simu|lifts|rides|usafiri|"
    r"gifts?|zawadi|nauli|fare)\b.{0,60}\b(?:pics|picha|photos|pictures|nudes|video|videos|in return|ili nimtumie|"
    r"nimtumie|nimsendie|video call|come to his|niende kwake|go with him|sleep with|nilale|lale naye|"
    r"visit him|amtembelee|amcheki|kwake|his place|his house|wants me|alone|solo|peke)\b",
    r"\b(?:now|sasa|sai|says|said|anasema|alisema)\s+(?:that\s+)?(?:i|u|you|she|he)?\s*(?:owe|owes|namdai|nimemdai|"
    r"nimedai|amemdai)\b|\b(?:you owe me|now i owe him|ananidai nimtumie|ananidai)\b",
    r"\b(?:calls?|calling)\s+(?:me|her)\s+(?:his|her)\s+(?:wife|girl|girlfriend|baby|bae)\b",
    r"\b(?:hes|he is|she is|ni|ana|mpenzi wangu ana|sponsor|sponsa|boyfriend|bf)\s+(?:a\s+)?(?:(?:[2-9]\d)|"
    r"thelathini|arobaini|hamsini)\s*(?:yr|year|years|miaka|yrs)?\b.{0,40}\b(?:i am|im|and i|mimi nina|na mimi|"
    r"she is|shes|only|tu)\b",
    # An adult partner of a child: "her boyfriend is 35" beside a child's age or class
    r"\b(?:boyfriend|bf|mpenzi|sponsor|sponsa|girlfriend|gf|mume|husband)\s+(?:wake\s+|yake\s+|wangu\s+)?(?:is|ni|ana|"
    r"has|wa|of|aged)\s+(?:miaka\s+)?(?:[2-9]\d|thelathini|arobaini|hamsini)\b"
    r"(?=.{0,60}\b(?:1[0-7]|kumi na \w+|form \d|"
    r"grade \d|class \d|darasa|only|tu)\b)|\b(?:1[0-7]|kumi na \w+)\b.{0,60}\b(?:boyfriend|bf|mpenzi|sponsor|"
    r"sponsa|husband|mume)\s+(?:wake\s+|yake\s+|wangu\s+)?(?:is|ni|ana|has|wa|of|aged)\s+(?:miaka\s+)?(?:[2-9]\d|"
    r"thelathini|"
    r"arobaini|hamsini)\b",
    r"\b(?:dating|date|anadate|ana ?date|seeing|going out with)\s+(?:a\s+)?(?:buda|mzee|an old|old|married|"
    r"(?:[2-9]\d)\s*(?:yr|year|years)?(?:\s+old)?(?:\s+man)?)",
    r"\b(?:in his|in her)\s+(?:[3-9]0s)\b.{0,50}\b(?:girlfriend|boyfriend|sister|friend)",
    r"\b(?:ma)?(?:sponsor|sponsa)\w*\b.{0,40}\b(?:married|ameoa|buda|mabuda|mzee|wazee|old|\d\d)\b",
    r"\brelationship\b.{0,30}\b(?:teacher|mwalimu|pastor|coach|uncle|older|\d\d)",
    r"\bmature for (?:my|her|his|your) age\b|\b(?:says|anasema|ananiambia|told me|tells me)\b.{0,30}\b(?:im|i am|"
    r"niko|nimekomaa|she is|shes)\s+(?:so\s+)?(?:mature|nimekomaa)\b|\bnimekomaa\b.{0,30}\b(?:miaka|ana)\b",
    r"\b(?:pays?|paid|paying|\w*nilipa|\w*mlipa|\w*nipea doh|\w*nipa pesa|gives? me money)\s+(?:me\s+|her\s+)?"
    r"(?:\w+\s+){0,2}?(?:to send|nimtumie|nimsendie|amtumie|ndio nimtumie|for (?:pics|photos|videos|nudes))",
    r"\b(?:pesa|money|doh|lifts|rides)\b.{0,40}\b(?:waende naye|aende naye|niende naye|to go with him|go with him|"
    r"waende kwake|twende kwake)\b",
    r"\b(?:visit|come|cheki|nimcheki|nimtembelee|nikam|niende|kuja)\b.{0,40}\b(?:parents are away|wazazi wakiwa mbali|"
    r"akiwa safari|mathe akiwa|mama akiwa (?:safari|mbali|kazini)|"
    r"when my (?:parents|mum|mom|dad) (?:are|is) (?:away|out|"
    r"not home))",
    # Meeting alone
    r"\b(?:meet|tukutane|nikutane|tumeet|ku ?meet|nikam|come|niende|go|visit|video call|nimvideo call|calls|call|"
    r"invites|\w*(?:m|mw|ni|wa)ita|huita)\b.{0,40}"
    r"\b(?:alone|solo|peke (?:yetu|yangu)|without telling|nisimwambie|not tell anyone|at night alone|"
    r"usiku peke yangu)\b",
    # Sextortion as a condition, hacked accounts held for nudes
    r"\b(?:send|tuma|sendia|nitumie|share|lipa|pay)\b.{0,30}\b(?:or|ama|au|or else|otherwise|if not|"
    r"nisipo\w*|usipo\w*)\b.{0,40}\b(?:post|posts|share|shares|send|sends|leak|sambaza|nipostie|nitashare|"
    r"atapost|atazipost|atazituma|atatuma|tells|expose|nitasambaza|sends them|ataambia|anaambia|i share)",
    r"\b(?:if i dont|if you dont|nisipotuma|usipotuma|nisipolipa|nisipokuja|if i dont pay|if i dont send|"
    r"nisipomtumia|nisipompa|nisipomlipa|usipomtumia|asipomtumia|asipotuma|"
    r"kama sitakutana|nisipokutana|kama sitamtumia|kama sitakuja|kama sitalipa|kama sitatuma|usipokutana|"
    r"if i dont come)\b.{0,50}\b(?:post|share|send|leak|sambaza|tuma|expose|tell|ataambia|atazi\w+|ata\w+)",
    r"\b(?:will|atazi|ata|ita|going to|gonna)\s*(?:send|tuma|post|share|leak|sambaza|show|expose)\w*\s+(?:\w+\s+){0,3}?"
    r"(?:to (?:my|her|your) (?:parents|dad|mum|mom|class|school)|kwa (?:wazazi|darasa|class|group|shule)|"
    r"school group|group ya shule|na school nzima|school nzima|to everyone)",
    r"\b(?:hacked|alihack|alidukua|got into|aliingia|hackiwa|hacked into)\b.{0,40}\b(?:nudes|pics|picha|photos|"
    r"pictures|video)\b",
    r"\b(?:he|she|they|someone|msee|buda|ex|guy|man|\w*ni)\s+(?:\w+\s+)?(?:\w*threaten\w*|anatishia|ananitishia|"
    r"ananithreaten|is threatening|keeps threatening)\b.{0,40}\b(?:post|leak|share|"
    r"kuweka|kusambaza|kupost|kuleak|kushare|photos|picha|video|pics|nudes)",
    r"\b(?:he|she|they|someone|somebody|my ex|ex wangu|the guy|this guy|a guy|msee|buda)\s+(?:\w+\s+){0,2}?"
    r"(?:leak|post|share|sambaza|leaked|posted|shared|sends|sent|is sharing|is posting)\w*\s+(?:\w+\s+)?"
    r"(?:my|zangu|yangu|her)\s*(?:photos|pics|picha|nudes|video|videos)\b",
    r"\b(?:account|akaunti) (?:feki|fake)\b.{0,50}\b(?:picha|nudes|photos|pics)\b",
    r"\b(?:screenshotted|screenshot|recorded us|alirecord)\b.{0,40}\b(?:says|must|lazima|post|if)",
    # Stalking and threats
    r"\b(?:knows|anajua|ajua)\s+(?:where i|where she|where we|ninapoishi|ninakoishi|place nakaa|my (?:house|school|"
    r"estate|route|exact)|nyumbani kwetu|shule yangu|school yangu|keja yangu|my school)\b.{0,60}"
    r"\b(?:wait|waits|ngoja|subiri|outside|nje|come|kuja|atakuja|keeps|texting|follow|sees|chukua|threat)",
    r"\bkeeps showing up\b",
    r"\b(?:messages|texts|texting|ananitext|amenitext)\s+(?:me\s+)?(?:\w+\s+){0,2}?(?:my exact|that he sees|"
    r"anajua|knows my|atanimaliza|he sees me|he knows)",
    r"\b(?:atanimaliza|ataniua|will kill me(?!\s+if i (?:fail|lose|dont|am late|come late|break|get|miss))"
    r"|atakuja kunichukua|will hurt my family|ataniumiza|atamuumiza)\b",
    r"\b(?:drugged|drugiwa|\w+drugiwa|alipewa dawa|was given (?:something|a drink)|spiked)\b.{0,50}\b(?:woke up|"
    r"akaamka|nikaamka|aliamka|niliamka|wakes up)\b.{0,25}\b(?:without (?:her |my |his )?clothes|bila nguo|naked|uchi)",
    # Exploitation
    r"\b(?:want|wants|wanted|forcing|force|forced|planning|plan|arranged|arranging)\s+(?:for\s+)?(?:her|him|my \w+|"
    r"them)\s+to\s+(?:marry|get married|be married|be (?:his|a) wife)",
    r"\b\w*(?:pelekwa|peleka|chukuliwa|given|taken|sent|olewa|ozwa|sold)\w*\s+(?:\w+\s+){0,5}?(?:kama|as)\s+"
    r"(?:a\s+)?(?:bibi|mke|wife|second wife)\b",
    r"\b(?:made to work|analazimishwa kufanya kazi|forced to work|work (?:in|at) the quarry|instead of school|"
    r"badala ya shule|kazi ya mjengo|to work as a (?:maid|house girl|househelp))\b",
    r"\b(?:married off|walimwozesha|analazimishwa kuolewa|forced to marry|kuolewa na mzee|for cows|ng ombe)\b",
    r"\b(?:sells|sold|ananiuza|anamuuza|aliuzwa|sells me|sold to)\b.{0,30}\b(?:men|wanaume|family|familia|"
    r"nairobi|mombasa|maid|work)",
    r"\b(?:paid|pays|being paid|gets paid|analipwa|hulipwa|anapewa pesa|hupewa pesa)\s+(?:\w+\s+)?(?:for|ili|"
    r"kwa)\s+(?:sex|ngono|kulala|sleeping)",
    r"\b(?:gives|pays|paid|ananipa|anampa|alimlipia|alinilipia)\s+(?:me|her|him)?\s*(?:money|pesa|doh|fees|karo)?"
    r"\s*(?:to|ili|ndio)?\s*(?:sleep with|nilale|alale|lale)",
    r"\b(?:locked in|locks (?:me|her|him) in|hufungiwa|hunifungia|anamfungia|amfungia|without food|bila kula|"
    r"bila chakula|not allowed to eat)\b",
    r"\b(?:bruises|majeraha|marks mwili|until (?:he|she) bleeds|mpaka (?:tunatoka|anatoka) damu|till (?:i|she) bled|"
    r"until she bled)\b",
    r"\b(?:abort|aborted|abortion|kutoa mimba)\b.{0,30}\b(?:forced|teacher|mwalimu|lazimish)",
    r"\b(?:lodging|hotel|hotelini)\b.{0,40}\b(?:old man|mzee|buda|promised|aliahidi)",
    r"\b(?:afraid|scared|anaogopa|naogopa)\s+to\s+(?:go home|tell)\b.{0,40}\b(?:because|coz|of)\b",
    r"\b(?:is|ni|was)\s+(?:scared|afraid|anaogopa)\s+(?:to tell|kusema)\b",
    # --- Classes of fresh sets 36-38 (scored on arrival), written as lexicons, not example lines ---
    # Early or forced marriage of the writer, decided by others or against her will, or before the end of school:
    # "mum alisema nitaolewa december, sitaki", "mathe amesema nitaenda kuolewa after kcpe"
    rf"\b{_ELDERS}\b.{{0,40}}\b(?:alisema|amesema|anasema|wanasema|wamesema|walisema|wameamua|ameamua|said|says|"
    rf"decided)"
    rf"\b.{{0,20}}\b{_MARRIED_OFF}\b",
    rf"\b{_MARRIED_OFF}\b.{{0,80}}\b(?:sitaki|siwezi kataa|siwezi kukataa|hawanisikizi|i dont want|lazima|after kcpe|"
    r"baada ya kcpe|after kcse|after class \d|baada ya darasa|nikimaliza darasa|na buda|na mzee|to an old man|"
    r"to a man|kwa mzee)\b",
    r"\b(?:marry me off|marrying me off|married me off|marry her off|marrying her off|married her off|"
    r"marrying my (?:\w+\s+)?(?:sister|sis|cousin|friend) off)\b",
    # A girl married while a child: "class mate wangu ameolewa last holiday, ako na 15 tu"
    r"\b(?:ameolewa|aliolewa|ameozwa|aliozwa|ameozeshwa|aliozeshwa|got married|was married off|married off)\b.{0,40}"
    r"\b(?:ako na|yuko na|ana miaka|ako tu|she is|shes|she was|aged|at)\s+(?:tu\s+|only\s+|just\s+|miaka\s+)?"
    r"(?:1[0-7]|kumi(?: na \w+)?)\b",
    # Paying "in another way" or sex demanded for goods: "he wants us to pay in a different way", "the fishermen
    # wanataka sex before they give fish"
    r"\b(?:wants?|wanataka|anataka|says|said|anasema|akisema|alisema|wanasema|told \w+|tells \w+|asks?|asked|expects?)"
    r"\b.{0,30}\b(?:pay|paying|tulipe|nilipe|alipe|walipe)\s+(?:\w+\s+)?(?:in (?:a |another |other |a different |"
    r"some other )(?:way|ways)|kwa njia (?:nyingine|tofauti))\b(?!\W*(?:like|kama|via|through|using|by|na|with)\s+"
    r"(?:mpesa|card|cash|bank|installments|cheque|airtel|pesa))",
    r"\b(?:pay|paying|tulipe|nilipe|alipe|walipe)\s+(?:\w+\s+)?(?:kwa mwili|with (?:my|our|her|your) bod(?:y|ies)|"
    r"with sex|kwa ngono)\b",
    r"\b(?:wanataka|anataka|want|wants|ask for|asks for|asked for|demand|demands|wanaomba|anaomba)\s+(?:sex|ngono|"
    r"kulala na (?:sisi|mimi|wao|yeye)|to sleep with (?:us|me|them|her|girls))\b.{0,20}\b(?:before|ndio|kabla|"
    r"in exchange|ili|so that|to give|wapeane)\b",
    # A relationship that must stay secret, or a man's claim on the child: "our love must stay secret", "says i belong
    # to him"
    r"\b(?:our (?:love|relationship|thing|affair)|uhusiano wetu|penzi letu|mapenzi yetu)\s+(?:\w+\s+){0,2}?(?:must|"
    r"should|has to|have to|needs to|ni|iwe|ibaki|ubaki|lazima)\s+(?:\w+\s+){0,2}?(?:secret|siri)\b",
    r"\b(?:says|said|saying|tells me|told me|anasema|alisema|akisema|ananiambia|aliniambia)\s+(?:that\s+)?(?:i|mimi)\s+"
    r"(?:belong to him|"
    r"am his|ni wake|ni mali yake)\b",
    # Favours to be repaid: "the man who paid for my pads says i should thank him properly"; a reward for coming to
    # his place: "atanipa maksi nzuri nikikubali kwenda kwake"
    r"\b(?:man|guy|buda|mzee|uncle|teacher|mwalimu|boss|sponsor|msee|jamaa|he)\b.{0,60}\b(?:thank him|nimshukuru|"
    r"tumshukuru|amshukuru|repay him|pay him back)\s+(?:properly|in a special way|the right way|the real way|ipasavyo|"
    r"vizuri|kwa njia (?:maalum|nyingine|special))\b",
    r"\b(?:atanipa|atakupa|atampa|atatupa|will give me|would give me|promised me|ameahidi kunipa|aliahidi kunipa)\b"
    r".{0,40}\b(?:nikikubali|if i (?:agree|come|go|visit|sleep)|nikienda|nikija|akikubali|nikilala)\b.{0,30}"
    r"\b(?:kwake|his (?:house|place|room|home)|keja yake|nyumba yake|chumba chake|with him|naye|lodging)\b",
    # An adult inviting children to his place or to call from the bathroom: "jamaa anauliza madogo wakuje kwa keja
    # yake", "asks the younger boys to video call him in the bathroom"
    r"\b(?:anauliza|huuliza|anaita|huita|anaalika|invites|asks|asked|aliuliza|aliita|tells|anaambia|huambia)\s+"
    r"(?:the\s+)?(?:younger\s+)?(?:madogo|watoto|kids|boys|girls|madem|wasichana|wavulana|children)\s+(?:\w+\s+)?"
    r"(?:wakuje|waje|waende|to come|come)\s+(?:\w+\s+)?(?:kwa keja yake|kwake|to his (?:house|place|room|home)|"
    r"kwa nyumba yake|kwa chumba chake|over to his)\b",
    r"\b(?:asks|asked|tells|told|anauliza|anaomba|huomba|wants|wanted)\s+(?:\w+\s+){0,3}?(?:to\s+)?(?:video ?call|"
    r"vc)\s+"
    r"(?:him\s+)?(?:\w+\s+){0,2}?(?:in the|kwa|from the|akiwa|while in the)\s+(?:bathroom|shower|bafu|bafuni|toilet|"
    r"choo|bed|kitanda)\b",
    # Photos asked for game currency, money or airtime: "asks me for pics in exchange for diamonds", "anatuma pesa kwa
    # madem wa form one na kuwauliza nudes"
    r"\b(?:asks?|asked|asking|anaomba|ananiomba|huniomba|aliniomba|anauliza|wants|wanted|demanded)\b.{0,30}"
    r"\b(?:pics|pictures|photos|picha|nudes|videos?)\b.{0,20}\b(?:in exchange for|for|kwa|badala ya)\s+(?:\w+\s+)?"
    r"(?:diamonds|robux|uc|coins|skins|gems|vbucks|v bucks|gift ?cards?|airtime|bundles|credo|doh|pesa|money|data)\b",
    r"\b(?:anatuma|hutuma|sends|sent|alituma|anawapea|huwapa|anawapa)\s+(?:pesa|doh|money|airtime|credo|bundles|mpesa)"
    r"\s+(?:\w+\s+){0,3}?(?:madem|wasichana|girls|kids|watoto|madogo)\b.{0,60}\b(?:nudes|pics|picha|uchi|photos|"
    r"kulala|sex)\b",
    rf"\b(?:guy|msee|jamaa|man|mzee|buda|someone|stranger|mtu|adult)\b.{{0,60}}\b(?:ananiomba|huniomba|aliniomba|"
    rf"asks me for|keeps asking (?:me )?for|kept asking (?:me )?for)\s+(?:\w+\s+)?(?:pics|picha|photos|selfies)\b"
    rf"{_OF_A_THING}(?!.{{0,30}}\b(?:notes|homework|project|assignment)\b)",
    r"\b(?:anawapea|huwapea|anawapa|huwapa|gives|buys)\s+(?:madem|wasichana|girls|watoto)\s+(?:wa|of|in|from)\s+"
    r"(?:primary|class \w+|form \w+|std \w+|grade \w+)\b.{0,20}\b(?:doh|pesa|money|airtime|gifts?|zawadi)\b",
    # Secrecy from parents, or moving to a private app: "aliniambia tu-move snapchat and keep it secret from my parents"
    r"\b(?:keep it|keep this|keep us|keep our chats?|iwe|ni)\s+(?:a\s+)?(?:secret|siri)\s+(?:from|kwa|to)\s+"
    r"(?:my|your|our|wa)?\s*(?:parents|mum|mom|dad|wazazi|mama|baba|mathe|buda|family)\b"
    r"(?!.{0,40}\b(?:surprise|birthday|gift|zawadi|party)\b)",
    # Neglect: left without food for days, hungry, thin: "huniwacha na small bro for days bila food", "hatujakula
    # since saturday", "we go to school hungry, baby bro is very thin"
    r"\b(?:huniwacha|ananiwacha|aliniwacha|ametuacha|alituacha|hutuacha|anatuacha|hutuwacha|anatuwacha|huniacha|"
    r"ananiacha|ameniacha|leaves (?:me|us)|left (?:me|us))\b.{0,50}\b(?:for days|for (?:a |the )?(?:whole )?week|"
    r"for \w+ days|siku (?:mbili|tatu|nne|tano|kadhaa|nyingi|\d)|wiki (?:nzima|mbili)|bila (?:food|chakula|kula)|"
    r"without food|no food|hakuna chakula)\b",
    r"\b(?:hatujakula|sijakula|hatukula|hatuli|hatujala|we havent eaten|i havent eaten|we have not eaten|"
    r"hatujapata chakula)\s+(?:\w+\s+)?(?:since (?!morning|asubuhi|lunch|breakfast|break)\w+|tangu (?!asubuhi|"
    r"mchana)\w+|"
    r"for (?:two|three|four|\d|many) days|siku (?:mbili|tatu|nne|\d)|kabisa)\b",
    r"\b(?:we|i|my (?:\w+\s+)?(?:bro|brother|sister|sis|siblings|cousin)|dogo wangu|dada yangu|kaka yangu|small bro|"
    r"baby bro|sisi)\b.{0,30}\b(?:go to (?:school|bed) hungry|sleep hungry|slept hungry|hulala njaa|analala njaa|"
    r"tunalala njaa|nalala njaa|tulilala njaa)\b",
    r"\b(?:hanipi|hatupi|hawanipi|hawatupi|hanipei|hatupei|hawanipei|doesnt give (?:me|us)|refuses to give (?:me|"
    r"us))\s+"
    r"(?:\w+\s+)?(?:chakula|food|kula)\b",
    r"\b(?:hungry|njaa|no food|bila food|bila chakula|hakuna chakula)\b.{0,80}\b(?:very thin|so thin|thin now|amekonda|"
    r"skinny now)\b",
    # Chased out of home at night, sleeping rough: "dad chases me out when drunk", "alinifukuza nje", "i sleep at the
    # matatu stage"
    r"\b(?:chases|chased|kicks|kicked|throws|threw|locks|locked)\s+(?:me|us|her|him|my \w+)\s+out\b"
    r"(?!\s+of\s+(?:the\s+)?(?:group|game|class|team|chat|lobby|match|squad|exam))"
    r".{0,40}\b(?:night|usiku|drunk|amelewa|akilewa|house|home|nyumba|cold|rain|mvua)\b",
    r"\b(?:alinifukuza|ananifukuza|hunifukuza|alitufukuza|anatufukuza|hutufukuza|amenifukuza|ametufukuza|alimfukuza|"
    r"humfukuza)\s+(?:nje|usiku|from home|out)\b",
    r"\b(?:chased|kicked|thrown|sent away)\s+(?:out\s+)?(?:from|of)\s+(?:the\s+|my\s+|our\s+)?(?:home|house|"
    r"nyumbani)\b",
    r"\b(?:sleep|slept|sleeping|nalala|tunalala|nililala|tulilala|hulala)\s+(?:at|in|on|kwa|kwenye|nje ya|outside)\s+"
    r"(?:the\s+)?(?:matatu\s+|bus\s+)?(?:stage|streets?|veranda|verandah|market|soko|sokoni|bus station|kibanda|"
    r"mtaro|barabarani)\b(?!.{0,30}\b(?:camp|trip|tour|safari|retreat|crusade|kesha)\b)",
    # Passed around, recorded, pictures shared and mocked: "passed me around at a party and recorded it", "whatsapp
    # group ya kucheka pics zangu", "wamenipost kwa group wakisema mimi ni malaya"
    r"\b(?:passed (?:me|her|him) around|passing (?:me|her) around|took turns (?:on|with) (?:me|her)|walinipitisha|"
    r"walimpitisha|walipokezana)\b",
    r"\b(?:recorded|filmed|walinirekodi|wakanirekodi|walimrekodi|wakamrekodi|alinirekodi)\b.{0,40}\b(?:on whatsapp|"
    r"everywhere|online|kwa group|posted|shared|iko whatsapp|imeenea|kila mahali)\b",
    r"\b(?:my (?:pics|photos|pictures|video|nudes|number)|(?:pics|picha|video|namba|number) (?:zangu|yangu|yake|"
    r"zake))\b"
    r".{0,60}\b(?:laugh|laughing|cheka|wananicheka|ananicheka|mock|mocking|threats|vitisho|malaya|slut|cant go back|"
    r"siwezi rudi|bad captions)\b",
    r"\b(?:kucheka|to laugh at|kuchekelea|mocking)\s+(?:my\s+)?(?:pics|picha|photos|video)\s*(?:zangu|yangu|zake)?\b"
    r"|\b(?:ananicheka|wananicheka|laugh at me|laughing at me)\b.{0,30}\b(?:video|pics|picha|photos)\b",
    r"\b(?:saying|calling|wakisema|akisema|wanasema|wananiita|ananiita|huniita)\s+(?:me\s+|that\s+)?(?:im|i am|mimi ni|"
    r"ni)?\s*(?:a\s+)?(?:malaya|slut|whore|prostitute|ashawo|hoe|for sale)\b",
    r"\b(?:shared|posted|leaked|wameshare|wamepost|wameleak|ameshare|amepost|ameleak)\s+my\s+(?:number|nambari|namba|"
    r"address|location|nudes)\b",
    r"\bfake (?:acc|account|page|profile|ig|insta|tiktok)\b.{0,40}\b(?:my (?:face|photos|pics|pictures|number)|"
    r"picha zangu)\b",
    # Gangs pressing a child to join, threats on refusing, debts for gifts: "nikikataa kujiunga watanimaliza", "imenipa
    # simu mpya na sasa wanasema nimewadai job", "they said they know where my sister anasoma"
    r"\b(?:nikikataa|if i (?:refuse|say no|dont join)|nisipojiunga|akikataa)\b.{0,40}\b(?:watanimaliza|wataniua|"
    r"atanimaliza|ataniua|watanipiga|watamaliza|watamuua|will (?:kill|finish|hurt|beat) (?:me|her|him))\b",
    r"\b(?:gang|genge|magenge|gangsters?)\b.{0,60}\b(?:wananipress|ananipress|wananilazimisha|force me|forcing me|"
    r"pressuring me|pressure me|nimewadai|i owe them|nawadai|know where)\b",
    r"\b(?:knows?|anajua|wanajua|inajua)\s+(?:where|wapi|mahali)\s+(?:i|we|my (?:\w+\s+)?(?:sister|brother|bro|sis|"
    r"family|mum|mom)|dada yangu|mama yangu)\s+(?:live|lives|stay|stays|anasoma|studies|schools|goes to school|"
    r"nakaa|tunakaa|anaishi)\b(?!.{0,30}\b(?:neighbou?rs?|jirani|relatives?|cousins?|family friend)\b)",
    # anchored on "knows": a subject alternation first was scanned at every position of long entries (12 us)
    r"\bknows?\s+(?:where\s+)?(?:we|i)\s+(?:live|stay)\b"
    r"(?!.{0,30}\b(?:neighbou?rs?|jirani|relatives?|cousins?|family friend)\b)",
    r"\b(?:ananijua|inajua|anajua|wanajua|alisema anajua|anasema anajua)\s+(?:\w+\s+)?(?:nakaa wapi|tunakaa wapi|"
    r"ninakaa|tunakaa|ninapoishi|tunapoishi)\b",
    # Child labour: work instead of school, unpaid, begging: "nafanya kazi tu siendi sku", "nisiende shule ili nilee
    # watoto wa watu", "take us disabled kids to beg"
    r"\b(?:nafanya kazi|tunafanya kazi|anafanya kazi|i work|we work|working|kufanya kazi|kuchunga|kulima|"
    r"kulea)\b.{0,50}"
    r"\b(?:siendi (?:sku|shule|school)|hatuendi (?:shule|sku)|haendi (?:shule|sku)|instead of (?:going to )?school|"
    r"badala ya (?:kwenda )?shule|not going to school|dont go to school)\b",
    r"\b(?:nisiende|tusiende|asiende)\s+(?:sku|shule|school)\s+(?:ili|ndio|so that)\s+(?:ni|tu|a)?(?:lee|fanye kazi|"
    r"chunge|lime|uze|saidie)",
    r"\b(?:take|took|takes|send|sends|sent|force|forces|make|makes|wanatupeleka|hutupeleka|anatupeleka|wanatutuma|"
    r"hututuma)\s+(?:us|me|them|kids|watoto|children|madogo)\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:beg|kuomba pesa|"
    r"ombaomba)\b",
    r"\b(?:anafanya kazi|works|working|anawork|hufanya kazi)\s+(?:\w+\s+)?(?:kwa|at|in)\s+(?:a\s+|the\s+)?(?:club|bar|"
    r"lodging|lodge|klabu|baa|massage)\b.{0,40}\b(?:1[0-7]|form \w+|class \d|primary|underage)\b",
    # An adult coming to a child's bed at night: "buda ya mathe huwa anakam kwa bed yangu usiku"
    r"\b(?:buda|mzee|uncle|mjomba|stepdad|step dad|man|jamaa|msee|watchman|boyfriend)\b.{0,40}\b(?:anakam|hukam|"
    r"alikam|anakuja|huja|alikuja|comes|came|creeps|crept|anaingia|huingia|aliingia|gets|got)\s+(?:in|into|to|kwa|"
    r"kwenye|ndani ya)\s+(?:my\s+)?(?:bed|kitanda|room|chumba)\s*(?:yangu|changu)?\b.{0,20}\b(?:usiku|at night|"
    r"every night|kila usiku)\b",
    # Touching or holding children named by a noun: "the gardener touches the blind boy", "huwashika wasichana darasani"
    r"\b(?:touches|touched|touching|gropes|groped|fondles|fondled|molests|molested)\s+(?:the|a|our|that|this)\s+"
    r"(?:\w+\s+){0,2}?(?:boys?|girls?|kids?|child|children|pupils?|students?|learners?)\b",
    r"\b(?:hu|ana|ali|ame)(?:wa|m|mw|ni|tu)shika\w*\s+(?:\w+\s+)?(?:wasichana|madem|girls|wavulana|watoto|"
    r"pahali pabaya|mahali pabaya|matiti|makalio|kifua|breasts?)\b",
    # Dating an adult man: "my sister ... is dating our 40 yr old neighbour"
    r"\b(?:dating|anadate|going out with|ana uhusiano na|is in a relationship with)\s+(?:an?\s+|our\s+|my\s+)?"
    r"(?:\w+\s+){0,2}?(?:(?:[2-6]\d)\s*(?:yr|yrs|year|years|yo)|mzee|old man|older man|married man|grown man|"
    r"teacher|mwalimu)\b",
    # Said of another child or the writer with an adult as the one who beats, every night: "is being beaten by seniors
    # every night", "nimechoka kuchapwa kila siku na baba"
    r"\b(?:beaten|whipped|caned|slapped|kicked|punched|burnt|burned|raped|molested|abused|starved)\s+(?:up\s+)?"
    r"(?:by\s+(?:the\s+|his\s+|her\s+|my\s+|our\s+)?(?:seniors?|prefects?|teachers?|dad|father|stepdad|step dad|mum|"
    r"mother|stepmum|uncle|aunt|parents|watchman|older boys|form fours?)|every (?:night|day|evening|morning)|daily)\b",
    r"\b(?:nimechoka|tumechoka|naogopa|sitaki tena|im tired of|i am tired of|tired of)\s+(?:ku|being\s+)(?:chapwa|"
    r"pigwa|"
    r"tandikwa|tukanwa|dhulumiwa|teswa|guswa|beaten|hit|abused|touched)\b",
    # An adult texting girls at night: "kuna mwalimu hutext madem usiku"
    r"\b(?:mwalimu|teacher|coach|pastor|uncle|mzee|buda|jamaa|msee|man|guy|watchman|driver)\b.{0,40}\b(?:hutext|"
    r"anatext|"
    r"alitext|texts|dms|hudm|anadm)\s+(?:madem|wasichana|girls|students|wanafunzi|madogo|young girls|kids)\b.{0,40}"
    r"\b(?:usiku|at night|late at night|every night|kila usiku|midnight)\b",
    # A man waiting and asking after a sister: "mzee anangoja nje kila jioni anauliza dadangu"
    r"\b(?:anangoja|anasubiri|hungoja|husubiri|waits|waiting)\b.{0,40}\b(?:anauliza|asks (?:about|for|after)|"
    r"huuliza)\s+"
    r"(?:\w+\s+)?(?:dadangu|dada yangu|my sister|my sis|kaka yangu|my bro|my brother|siz yangu)\b",
    # Asked where the school or home is and when the child goes home: "asked where my school is, then what time we go
    # home"
    r"\b(?:asked|asks|anauliza|aliuliza|wants to know)\s+(?:me\s+)?(?:where|wapi)\s+(?:my|our)\s+(?:school|home|house|"
    r"shule)\b.{0,60}\b(?:what time|saa ngapi|when (?:i|we) (?:go|leave|walk))\b",
    # A man sending girls money: "msee anatuma madem pesa"
    r"\b(?:msee|jamaa|mzee|buda|man|guy)\b.{0,30}\b(?:anatuma|hutuma|sends)\s+(?:madem|wasichana|girls|schoolgirls)\s+"
    r"(?:pesa|doh|money|airtime|credo)\b",
    # An account hacked and held for nudes or money: "amehack acc yangu anataka nudes"
    r"\b(?:amehack|alihack|hacked|wamehack|walihack)\s+(?:my\s+)?(?:acc|account|akaunti|insta|ig|snap|whatsapp|fb|"
    r"tiktok)\s*(?:yangu)?\b.{0,40}\b(?:nudes|pics|picha|uchi|photos)\b",
    # --- Second pass over fresh sets 36-38: classes still left to the model alone ---
    # Sextortion as a condition in Sheng/Kiswahili verbs: "watapost zingine nisipowapea doh", "atasend pics zangu kwa
    # parents kama sitampea 2k", "atarudisha tu nikimtumia nudes"
    r"\b(?:atapost|watapost|atasend|watasend|ataweka|ataziweka|watapeleka|atatuma|watatuma|atashare|watashare|"
    r"atavujisha|"
    r"will post|will send|will leak|will share)\b.{0,50}\b(?:nisipo\w+|tusipo\w+|asipo\w+|kama sita\w+|kama hata\w+|"
    r"if i dont|if she doesnt|unless i|unless she|au nilipe|or i pay)\b",
    r"\b(?:nudes|picha|pics|photos|uchi)\b.{0,20}\b(?:ndio|ili|ndiyo|kabla)\s+(?:a|wa)?(?:rudishe|nirudishie|"
    r"anirudishie|"
    r"return|areturn|anirudishe)\b|\b(?:atarudisha|atanirudishia|will return|will give back)\b.{0,30}"
    r"\b(?:nikimtumia|if i send (?:him|her|them))\s+(?:\w+\s+)?(?:nudes|picha|pics|photos|uchi)\b",
    r"\b(?:ilihackiwa|imehackiwa|was hacked|got hacked|ameiba akaunti|aliiba akaunti|stole my account|ameiba acc)\b"
    r".{0,60}\b(?:nudes|picha zaidi|more pics|uchi|hadharani)\b",
    # A demand to spend the night at his place after gifts: "sponsor amenipea simu, anasema ni lazima nilale kwake"
    r"\b(?:lazima|must|has to|have to|anataka|wants me to|wants her to)\s+(?:\w+\s+)?(?:nilale|alale|tulale|sleep over|"
    r"spend the night|lale)\s+(?:kwake|at his|his place|kwa keja yake|naye|with him|kwa lodging)\b",
    # Paying later "in another way" in finite verbs: "akisema nitamlipa baadaye kwa njia nyingine"
    r"\b(?:ni|tu|a|wa)(?:ta|na|li|me)?(?:m|mw|wa|ku)?lip[ae]\s+(?:\w+\s+){0,2}?(?:kwa njia (?:nyingine|tofauti)|"
    r"kwa mwili)\b",
    # Knowing the child's school, home or route: "amejua shule yangu na atakuja", "anajua route yangu ya kwenda
    # shule", "knows my school and sent me a photo of my gate", "he knows where i sleep"
    r"\b(?:guy|msee|mse|man|someone|mtu|stranger|jamaa|boda|buda|mzee|he)\b.{0,50}\b(?:knows|anajua|amejua|alijua|"
    r"found out)\s+(?:where\s+i\s+sleep|(?:my|our)\s+(?:school|house|home|gate|route|way home)|keja yetu|shule yangu|"
    r"route yangu|njia yangu|nyumba yetu|kwetu)\b"
    r"(?!.{0,30}\b(?:neighbou?rs?|jirani|relatives?|cousins?|uncle|family friend|classmate)\b)",
    # A man waiting for a girl at the school: "buda anapaki gari nje ya gate ya shule anangoja manzi wa form 1"
    r"\b(?:buda|mzee|man|guy|jamaa|msee|mse|driver|dereva)\b.{0,60}\b(?:anangoja|anasubiri|waits for|waiting for|"
    r"hungoja)\s+(?:a\s+|the\s+)?(?:manzi|madem|msichana|wasichana|girl|girls|dem|schoolgirls?)\b",
    # Threats for refusing, any object: "nisipojoin watachapa my little brother"
    r"\b(?:nikikataa|nisipo\w+|if i (?:refuse|say no|dont))\b.{0,40}\b(?:wata|ata)(?:ni|m|mw|tu|wa)?(?:maliza|ua|piga|"
    r"chapa|umiza|chinja|dunga|tandika)\b",
    # Labour: sent to pick or dig and school missed: "shosh ananituma kuchuma chai, sijaenda shule term nzima"
    r"\b(?:ananituma|hunituma|alinituma|wananituma|hutuma|kuchuma|kuvuna|kubeba mizigo|kuchimba)\b.{0,60}"
    r"\b(?:sijaenda (?:shule|sku)|siendi (?:shule|sku)|hatuendi (?:shule|sku)|missed school|instead of school)\b",
    # A child married or given as a wife: "ameolewa akiwa na miaka kumi na tano", "nilipewa kwa mzee kama mke"
    r"\b(?:ameolewa|aliolewa|ameozwa|aliozwa|olewa|married)\s+(?:akiwa|nikiwa|when she was|when i was|at age)\s+"
    r"(?:na\s+)?(?:miaka\s+)?(?:1[0-7]|kumi)\b",
    r"\b(?:nilipewa|alipewa|alipeanwa|nilipeanwa|was given|i was given)\s+(?:kwa|to)\s+(?:\w+\s+)?(?:mzee|buda|man|"
    r"old man|mwanaume)\b.{0,20}\b(?:kama mke|as a wife|as his wife|to marry|aniowe|amuoe)\b",
    # Chats to be deleted: "ananiambia nifute ujumbe wetu wote"
    r"\b(?:nifute|nidelete|tufute|afute|futa|delete)\s+(?:\w+\s+)?(?:ujumbe|jumbe|chats|messages|texts|msgs|sms)\s+"
    r"(?:wetu|zetu|yetu|our)\b",
    # Money for a "massage": "my friends dad gives her money to massage him"
    r"\b(?:money|pesa|doh|cash)\s+(?:\w+\s+)?(?:to|ili|ndio)\s+(?:a|ku|m|ni)?(?:massage|kanda|kumkanda|kumassage)\s+"
    r"(?:him|yeye)?\b",
    # --- Third pass over fresh sets 36-38 ---
    # What a giver expects back: "ana-expect something from me", "a good girl gives back", "lazima nimpende", "he says
    # i owe him and i must go to his place", "nimlipe kwa kumtumia picha"
    r"\b(?:expects?|anaexpect|expecting)\s+(?:something|kitu|things)\s+(?:from me|kutoka kwangu|in return|back)\b",
    r"\b(?:good girl|msichana mzuri|dem poa)\s+(?:gives back|hurudisha|hulipa|pays back|returns the favou?r)\b",
    r"\b(?:lazima|must|has to|have to)\s+(?:nimpende|nimpe mwili|niwe wake|be his girlfriend|love him|nilale naye)\b",
    r"\b(?:i|me|mimi)?\s*(?:must|should|lazima|have to)\s+(?:go|come|niende|nije|kuja|kwenda|visit)\s+(?:with him\s+|"
    r"naye\s+)?"
    r"(?:to\s+)?(?:kwake|his (?:house|place|room|home)|kwa keja yake|nyumbani kwake)\b",
    r"\b(?:nimlipe|nilipe|nitamlipa|pay him|pay him back|repay him)\s+(?:back\s+)?(?:kwa|by|with)\s+(?:kumtumia|"
    r"sending|"
    r"kutuma|kumpa)\s+(?:him\s+)?(?:picha|pics|photos|nudes|video|uchi)\b",
    r"\b(?:nimwonyeshe|nimuonyeshe|show him|nimshow|nimshowe|amwonyeshe)\s+(?:my\s+|her\s+)?(?:body|mwili|chest|kifua|"
    r"uchi|"
    r"boobs|matiti)\b",
    # Men brought home and the child told to be nice to them: "mathe huleta wanaume keja, ananiambia niwe poa kwao"
    r"\b(?:wanaume|men|mabuda|buda|mzee|man|uncle|boss)\b.{0,60}\b(?:niwe poa|niwe mpole|niwe mzuri|be nice|be good)\s+"
    r"(?:kwake|kwao|to (?:him|them|the men|his friends))\b",
    # Money or fare from a man with a ban on telling: "anatumiwa doh na jamaa mzee, amemkataza kuambia mathe yake",
    # "alinituma fare to meet him, he said usiambie mtu"
    r"\b(?:doh|pesa|money|vocha|airtime|bundles|fare|nauli|fees|zawadi|gifts?|simu)\b"
    r"(?!.{0,60}\b(?:surprise|birthday|christmas|krismasi)\b).{0,60}\b(?:usiambie|asiambie|nisiambie|usimwambie|"
    r"asimwambie|nisimwambie|dont tell|not to tell|amemkataza kuambia|alinikataza kuambia|amenikataza kuambia|"
    r"alimkataza kuambia)\s+(?:mtu|anyone|anybody|mum|mathe|mama|parents|wazazi|\w+ (?:yake|yangu))\b",
    r"\b(?:fare|nauli|money|pesa|doh)\s+(?:\w+\s+)?(?:to meet|ya kukutana|tukutane|ili tukutane|to come see)\s+"
    r"(?:him|her|naye)?\b",
    # Wanting more, or else: "now he wants a video or he sends the photo to my class group", "every week he wants new
    # ones or he will repost"
    r"\b(?:wants|anataka|demands|asks for|needs)\s+(?:\w+\s+){0,3}?(?:video|videos|pics|photos|picha|nudes|ones|more)\b"
    r".{0,15}\b(?:or|ama|au|otherwise|la sivyo)\s+(?:else\s+)?(?:he|she|they|ata\w*|wata\w*|it)\b.{0,30}"
    r"\b(?:sends?|posts?|repost|share|shares|leak|leaks|tuma|post|weka|show|shows|onyesha|expose)\w*\b",
    # Called alone to an office or a room: "calls girls to the staffroom one by one", "humwita ofisini peke yake"
    r"\b(?:calls|called|huita|anaita|humwita|anamwita|alimwita|aliniita|ananiita|huniita|calls me|called me|calls her|"
    r"called her)\b.{0,30}\b(?:staffroom|office|ofisini|his house|kwake|his room|chumbani|store|stoo)\b.{0,20}"
    r"\b(?:peke yake|peke yangu|alone|one by one|mmoja mmoja|after prep|usiku|at night)\b",
    # Followed, waited for, the gate photographed: "amekuwa akinifuata shuleni", "atanisubiri nje ya geti", "ametuma
    # pic ya gate yetu"
    r"\b(?:amekuwa akinifuata|amekuwa akimfuata|has been following (?:me|her)|keeps following (?:me|her)|"
    r"kept following (?:me|her))\b(?!\s+(?:on|kwa)\s+(?:insta|ig|tiktok|twitter|x|snap|youtube|fb|facebook))",
    r"\b(?:atanisubiri|atanisubiria|atanigoja|atanngoja|atanivizia|atamsubiri|atamvizia|will wait for (?:me|her)|"
    r"will be waiting for (?:me|her))\b.{0,20}\b(?:nje|outside|gate|geti|shule|school|njiani|on the way)\b",
    r"\b(?:stranger|msee|guy|man|mtu|someone|jamaa|asiyejulikana)\b.{0,40}\b(?:ametuma|alituma|sent|anatuma|ananitumia|"
    r"alinitumia|sends)\s+(?:me\s+)?(?:a\s+)?(?:pic|pics|photo|photos|picha|picture)\s+(?:ya|za|of)\s+(?:my\s+|our\s+)?"
    r"(?:gate|geti|house|keja|nyumba|shule yangu|school|estate|home)\b",
    # An adult's relationship said by the man, or the man's age: "this old man ananiambia tuko kwa relationship",
    # "boyie wangu ni 28", "anadatiwa na teacher"
    r"\b(?:old man|older man|mzee|buda|teacher|mwalimu|sponsor|man)\b.{0,40}\b(?:tuko kwa relationship|"
    r"tuko kwenye uhusiano|"
    r"we are in a relationship|were in a relationship|we are dating|tutaoana|will marry me|atanioa)\b",
    r"\b(?:boyie|sponsor|sponsa) (?:wangu|yangu)\s+(?:ni|is|ako na|ana miaka)\s+"
    r"(?:[2-5]\d)\b",
    r"\b(?:anadatiwa|anadatewa|anatokewa)\s+(?:na|by)\s+(?:a\s+|the\s+|our\s+)?(?:\w+\s+)?(?:teacher|mwalimu|mzee|buda|"
    r"old man|married man|man|sponsor)\b",
    # A girl visiting an old man's house and coming back with money
    r"\b(?:goes to|went to|huenda|anaenda|alienda|visits)\s+(?:an?\s+|the\s+)?(?:old|older|rich)?\s*(?:man|mans|mzee|"
    r"buda)\b"
    r"(?:\s+house|\s+place|\s+kwake)?.{0,50}\b(?:comes back with|returns with|anarudi na|hurudi na)\s+(?:\w+\s+)?"
    r"(?:money|pesa|doh|gifts?|zawadi|phone|simu)\b",
    # An adult entering the child's bedroom at night, no preposition: "stepdad anaingia bedroom yangu usiku"
    r"\b(?:buda|mzee|uncle|mjomba|stepdad|step dad|baba wa kambo|man|jamaa|msee|watchman|boyfriend)\b.{0,40}"
    r"\b(?:anaingia|huingia|aliingia|enters|entered)\s+(?:my\s+)?(?:bedroom|room|chumba|bed)\s*(?:yangu|"
    r"changu)?\b.{0,20}"
    r"\b(?:usiku|at night|every night|kila usiku)\b",
]

# --- Classes of fresh sets 39-42 (scored on arrival). Many of these disclosures name the person, give a handle, an ID
# or a number between the words a rule needs, so the windows below leave room for them. ---
_MINOR_AGE = r"(?:1[0-7]|kumi(?: na (?:moja|mbili|tatu|nne|tano|sita|saba))?)"
_GIFT_NOUN = (
    r"(?:airtime|bundles|data|credit|mpesa|money|pesa|doh|cash|fees|karo|phones?|simu|fare|nauli|gifts?|zawadi|"
    r"vocha|clothes|nguo|shoes|viatu)"
)
_DISTRESS_ROUND5 = [
    # What this life is for: "hii maisha ni ya nini", "naishi ya nini", "whats the point of my life"
    r"\b(?:(?:hii|haya|this)\s+(?:maisha|life)\s+(?:yangu\s+)?|(?:maisha|life)\s+(?:yangu|hii|haya)\s+)(?:ni\s+)?"
    r"(?:ya|kwa)\s+nini\b(?!\s+(?:bora|mazuri|mtandaoni))"
    r"|\bnaishi\s+(?:ya|kwa)\s+nini\b|\bwhat is (?:my|this) life (?:even )?for\b|\bwhats the point of (?:my life|"
    r"living|me)\b",
    # How fast or how much of the means kills: "nikinywa jik yote itaniua haraka?", "how many pills to die"
    rf"\b(?:nikinywa|nikimeza|nikikunywa|nikila|if i (?:drink|swallow|take|eat))\s+(?:\w+\s+){{0,3}}?{_MEANS}\b"
    r".{0,30}"
    r"\b(?:itaniua|zitaniua|vitaniua|nitakufa|nitadedi|nitakufa haraka|will (?:it |they |that )?kill me|"
    r"would (?:it |they |that )?kill me|will i die|would i die)"
    rf"|\b(?:how many|how much|ngapi)\b.{{0,20}}{_MEANS}\b.{{0,20}}\b(?:to die|kufa|kuniua|to kill me|kill me)\b"
    rf"|{_MEANS}\s+(?:ngapi|how many)\b.{{0,20}}\b(?:to die|kufa|kuniua|kill me)\b",
    # Scars said to be self-made: "makovu kwenye mkono wangu si ya ajali, ni mimi mwenyewe"
    r"\b(?:makovu|kovu|alama|vidonda|scars?|cuts|marks)\b.{0,40}\b(?:si ya ajali|sio ya ajali|si ajali|sio ajali|"
    r"not (?:from )?an accident|werent an accident|arent from an accident|not accidents?|ni mimi mwenyewe|"
    r"nilijifanyia|i did (?:them|it|that) (?:to )?myself|i made them myself)\b",
    # A message left for the family with a word of not coming back: "mwambieni mama namshukuru. sitarudi"
    r"\b(?:mwambieni|mwambie|waambieni|waambie|tell|please tell)\s+(?:my\s+)?(?:mama|mum|mom|mathe|baba|dad|buda|"
    r"wazazi|parents|family|familia|dada|kaka|sister|brother|bibi|shosh|cucu)\b(?:\s+(?:yangu|wangu))?.{0,30}"
    r"\b(?:namshukuru|nampenda|nawapenda|nawashukuru|samahani|nisamehe|i love (?:her|him|them)|im sorry|"
    r"i am sorry|thank you|asante)\b.{0,40}\b(?:sitarudi|sitakuwepo|sitawaona|kwaheri|goodbye|wont be back|"
    r"wont come back|never coming back|sitarudi tena)\b",
    # Scratching or cutting oneself till blood, the narrative tense too: "nikajikwaruza mapaja na compass hadi damu"
    # (the kitchen and falls excepted)
    r"\b(?:(?:ni|na|hu)(?:li|me|ka|na)?ji(?:kwaruz|chan|finy)|(?:ni|na|hu)(?:li|me|na)?ji(?:kat|chom|dung))\w*\b"
    r"(?!.{0,40}\b(?:kitunguu|vitunguu|mboga|nyama|onions?|cooking|kupika|bahati mbaya|nilianguka|accident|ajali)\b)"
    r".{0,40}\b(?:hadi|mpaka|until|till)\s+(?:\w+\s+)?(?:damu|bled|bleed|blood)\b",
    # Going offline from today on, no reason given: "mnitoe kwa group, sitakuwa online tena after leo"
    r"\b(?:sitakuwa|sitakua|sitakuwepo|i wont be|i will not be)\s+(?:online|hapa|around|on here|here|kwa group)\s+"
    r"(?:tena\s+|again\s+|anymore\s+)?(?:after|baada ya|from|kuanzia)\s+(?:leo|today|tonight|usiku huu)\b"
    r"(?!.{0,60}\b(?:exams?|mtihani|mitihani|safari|travel\w*|trip|boarding|phone|simu|data|bundles|kcse|kcpe|"
    r"shagz|upcountry|ocha|church|fasting|detox|break|likizo|holiday|revision|kusoma)\b)",
]
_DISCLOSURE_ROUND5 = [
    # A child's number put up for men to call: "mtu aliweka namba ya simu ya dada yangu kwa group ... anapigiwa na
    # wanaume usiku", "amedrop number ya dem wangu ... call for fun", "ameni-tag ... akiandika namba yangu"
    r"\b(?:mtu|msee|mse|someone|somebody|he|she|they|jamaa|boy|guy|dem|ex)\b.{0,50}\b(?:\w*(?:weka|post|drop|share|"
    r"tag|andika|sambaza|leak|anika)\w*|posted|shared|dropped|leaked|put up)\s+(?:\w+\s+){0,2}?(?:(?:my|her)\s+"
    r"(?:phone\s+)?(?:number|namba)|(?:namba|number|nambari)\s+(?:ya simu\s+)?(?:yangu|yake|ya (?:dada|dem|rafiki|"
    r"binamu|sis|siz|sister|cuz|beshte|manzi)|my|her))\b"
    r".{0,120}\b(?:wanaume|men|strangers|wageni|usiku|at night|calling|call for fun|wanapiga|wamepiga|anapigiwa|"
    r"ninapigiwa|napigiwa|available|naogopa|anaogopa|scared|afraid|creeps?)\b",
    # The child's home put up online: "kuna msee alipost location ya nyumba yetu kwa chat"
    r"\b(?:mtu|msee|mse|someone|somebody|he|she|they|jamaa|boy|guy|ex)\b.{0,30}\b(?:\w*(?:weka|post|drop|share|"
    r"sambaza|leak|anika)\w*|posted|shared|dropped|leaked|put up)\s+(?:\w+\s+)?(?:(?:my|our|her)\s+"
    r"(?:home\s+|house\s+)?"
    r"(?:location|address)|(?:location|address|anwani|picha ya nyumba|gps)\s+(?:ya\s+)?(?:nyumba\s+|keja\s+|home\s+)?"
    r"(?:yetu|yangu|yake|kwetu|my|our|her))\b",
    # A stranger came to the child's school or home, calling her by name
    r"\b(?:mtu|someone|msee|a man|a guy|stranger|jamaa|mgeni|mzee|buda)\s+(?:\w+\s+)?(?:akaja|came|alikuja|showed up|"
    r"amekuja|turned up)\s+(?:hadi|mpaka|to|at|kwa)\s+(?:\w+\s+){0,2}?(?:gate|geti|shule|shuleni|school|nyumba|"
    r"nyumbani|home|house|"
    r"keja|kwetu)\b.{0,40}\b(?:akiniita|calling me|calling my name|kwa jina|by my name|by name|anajua jina)",
    # Pictures of a child undressed going round: "picha zake za uchi zimezunguka kwa groups", "ameweka picha ya dem
    # wa form 2 bila nguo", "ameweka video ya dem akibadilisha nguo", "a girls nudes were shared"
    r"\b(?:picha|pics|photos|pictures|nudes|videos?|mavideo|clip)\b(?:\s+\w+){0,5}?\s+(?:za uchi|ya uchi|bila nguo|"
    r"naked|akibadilisha nguo|akioga|wakioga|akibadilisha|changing|bathing|in the shower)\b"
    r"(?=.{0,60}\b(?:zimezunguka|zinazunguka|imezunguka|zimesambaa|zimevuja|imevuja|everywhere|groups?|kila mahali|"
    r"wanashare|wanaforward|forwarded|shared|sent around|wanacheka|laughing)\b)"
    # the sharer a person in a finite verb: "ku-share picha bila ruhusa" and "ukipost ..." are rules for everyone
    r"|\b(?:(?:a|wa)(?:na|li|me)(?:weka|post|share|sambaza|forward|leak)\w*|posted|shared|is posting|is sharing|"
    r"keeps posting|keeps sharing)\s+(?:\w+\s+){0,2}?"
    r"(?:picha|pics|photos|pictures|nudes|videos?|mavideo|clip)\s+(?:za|ya|of)\s+(?:\w+\s+){0,5}?(?:bila nguo|"
    r"uchi|naked|akibadilisha nguo|akioga|wakioga|nikioga|changing|bathing|bila ruhusa|without (?:her|their|my) "
    r"(?:consent|permission))\b"
    r"|\b(?:girls?|dem|msichana|sisters?|sis|friends?|classmates?|cousins?|her|my|dada)\s+nudes\s+(?:were|was|got|"
    r"have been|had been|zilikuwa|zime|zili)\s*(?:shared|leaked|posted|sent around|circulated|forwarded|sambazwa|"
    r"vuja)\b",
    # Someone made out to be the child: "account inayojifanya mimi", "anapost vitu za aibu akisema ni mimi",
    # "used her photos to open a fake instagram", "imetumia picha zangu ... kuomba boys pesa"
    r"\b(?:account|akaunti|page|profile|acc)\s+(?:\w+\s+)?(?:inayojifanya|anayejifanya|inajifanya|imejifanya|"
    r"pretending to be|posing as|claiming to be)\s+(?:mimi|me|yeye|her|him|my \w+|dada\w*)\b"
    r"|\b(?:account|akaunti|page|profile|acc|fake)\b.{0,80}\b(?:akisema ni mimi|akidai ni mimi|akisema ni yeye|"
    r"pretending to be (?:me|her)|claiming to be (?:me|her)|saying (?:its|it is) me)\b"
    # (the child's own photos or name: "anatumia picha za celebs kuomba pesa" is a scam, not harm to a child)
    r"|\b(?:used|alitumia|ametumia|imetumia|anatumia|wanatumia|using|uses)\s+(?:(?:my|her|his)\s+(?:\w+\s+)?(?:email|"
    r"photos|pics|pictures|name|number)|(?:email|picha|jina|namba)\s+(?:yangu|zangu|yake|zake|(?:ya|za) (?:dada|"
    r"rafiki|binamu|sis)\w*))\s+(?:\w+\s+){0,6}?(?:kufungua|to open|to make|to create|kuunda|kuomba|to ask|"
    r"to beg)\s+(?:\w+\s+){0,3}?(?:account|akaunti|page|profile|fake|pesa|money|doh)\b",
    # A child's photos on someone else's account: "picha zake ziko kwa akaunti ya mtu mwingine tangu machi"
    r"\b(?:picha|photos|pics|pictures)\s+(?:zake|zangu|za mtoto|za dada \w+|of (?:me|her|my \w+))\s+(?:ziko|are|"
    r"zinatumika|being used|zimewekwa)\s+(?:\w+\s+)?(?:kwa|on|kwenye)\s+(?:akaunti|account|page|profile)\s+(?:ya|of)\s+"
    r"(?:mtu mwingine|someone else|a stranger|mgeni|stranger)\b",
    # Screenshots of the child's chats put up: "mtu ame-screenshot chat zangu na kuzipost", "alipost screenshot ya
    # chat yangu"
    r"\b(?:mtu|msee|mse|someone|somebody|he|she|they|jamaa|boy|guy|dem|ex)\b.{0,20}\b(?:\w*screenshot\w*\s+(?:ya\s+|"
    r"of\s+)?(?:chat|chats|msgs|messages|dms)\s+(?:zangu|yangu|my|her|zake|yake)\b.{0,40}\b(?:\w*post\w*|"
    r"\w*share\w*|\w*sambaz\w*|groups?|everywhere|kila mahali)|\w*post\w*\s+(?:a\s+)?screenshots?\s+(?:ya|of|za)\s+"
    r"(?:chat|chats|msgs|messages|dms)\s+(?:zangu|yangu|my|her))",
    # Rumours about named girls posted: "a page posting rumours about girls in our class", "aliandika eti X ni
    # malaya. sasa anaonewa"
    r"\b(?:posting|posts|posted|\w*post|\w*andika|wrote|writes|spreading|spreads|spread)\s+(?:\w+\s+){0,2}?"
    r"(?:rumou?rs|lies|uongo|udaku|matusi|insults)\s+(?:about|kuhusu|juu ya)\s+(?:\w+\s+){0,2}?(?:girls|me|her|"
    r"my \w+|wasichana|madem|mimi|yeye|dada)\b",
    # A sexual slur written about a person: "mtu aliandika kwa hiyo app eti naomi ... ni malaya"
    r"\b(?:aliandika|ameandika|anaandika|wrote|writes|alipost|amepost|anapost|posted)\b.{0,60}\b(?:ni|is a|is|ni a)\s+"
    r"(?:malaya|slut|whore|prostitute|kahaba|hoe)\b",
    # Men writing dirty comments on a child's videos: "wazee wanaandika comments chafu kwa kila video yake"
    r"\b(?:wazee|men|old men|wanaume|mabuda|adults|grown men|mzee|buda)\b.{0,20}\b\w*(?:comment|andika)\w*\s+"
    r"(?:\w+\s+)?(?:chafu|machafu|dirty|sexual|creepy|za ngono|za kingono)\b"
    r"|\b(?:wazee|men|old men|mabuda|adults|grown men)\s+(?:\w+\s+)?(?:leave|leaves|post|posts|write|writes|send|sends)"
    r"\s+(?:dirty|sexual|creepy|nasty)\s+comments\b",
    # Blackmail paid: "4 guys paid someone to not leak their pics"
    r"\b(?:paid|pay|pays|(?:ni|a|tu|wa)(?:li|me|na)(?:m|mw|wa)?lipa)\b.{0,30}\b(?:to not|not to|ili asi|"
    r"ndio asi|asi)\s*(?:leak|post|share|sambaz|wek|tum|vujish|expose)\w*\s+(?:\w+\s+)?(?:pics|photos|picha|nudes|"
    r"videos?)\b",
    # The writer's own experience of sextortion or harassment, told in passing: "nilikuwa na shida ya sextortion
    # mwaka jana", "nimeexperience harassment kwa instagram"
    r"\b(?:nilikuwa na shida ya|nimekuwa na shida ya|nimeexperience|niliexperience|i experienced|ive experienced|"
    r"i went through|nilipitia|nimepitia|i was a victim of|nilikuwa victim wa|nilikuwa victim of|i faced|"
    r"nilikumbana na|nimekumbana na)\s+(?:\w+\s+)?(?:sextortion|harassment|grooming|cyberbullying|cyber bullying|"
    r"stalking|unyanyasaji|dhuluma|abuse|blackmail)\b",
    # Pornographic pictures or threats sent to a child: "alitumiwa picha za ngono na teacher", "ananitumia vitisho"
    r"\b(?:(?:ni|a|tu|wa)(?:li|me|na)tumiwa|hutumiwa|(?:ana|ali|ame|hu)(?:ni|m|mw|tu|wa)tumia|sent (?:me|her|my \w+)|"
    r"sends (?:me|her|my \w+)|"
    r"keeps sending (?:me|her))\s+(?:\w+\s+)?(?:picha za ngono|picha chafu|video za ngono|porn\w*|dick pics?|"
    r"picha za uchi|nudes za|vitisho|threats|jumbe za (?:kutisha|vitisho)|meseji za (?:kutisha|vitisho))",
    # Asking for pictures in Kiswahili: "msee ananiitisha picha" (a passport photo for a form excepted)
    r"\b(?:ana|ali|ame|hu|a)(?:ni|m|mw|tu|wa)itish\w*\s+(?:\w+\s+)?(?:picha|pics|photos|nudes|selfies?|video)\b"
    r"(?!\s+(?:ya|za|of)\s+(?:passport|pasipoti|id|kitambulisho|form|cheti|certificate|result\w*|homework|project|"
    r"notes|assignment))",
    # Men asking girls for photos: "a group where men ask for girls photos"
    r"\b(?:men|wanaume|wazee|old men|mabuda|grown men)\s+(?:\w+\s+)?(?:ask|asking|asks|wanaomba|wanaitisha|request|"
    r"demand)\s+(?:\w+\s+)?(?:for\s+)?(?:girls|kids|children|wasichana|madem|watoto|students)\s*(?:photos|pics|"
    r"picha|nudes|selfies)\b",
    # A stranger with a pet name asking the child's number, school or home: "old men ... calling me baby girl and
    # asking for my number", "ananiita mrembo kwa roblox ... ameniuliza niko form gani na shule gani"
    r"\b(?:baby girl|babygirl|mrembo|sweetie|sweetheart|babe|my love|cutie|darling|beautiful|sexy)\b.{0,80}"
    r"\b(?:asking|asks|asked|keeps asking|ameniuliza|ananiuliza|aliniuliza|huniuliza|akiniuliza|anauliza)\b.{0,30}"
    r"\b(?:(?:my|her) number|namba yangu|form gani|class gani|grade gani|shule gani|school gani|which school|"
    r"what school|"
    r"where i live|naishi wapi|ninaishi wapi|my location|how old)\b",
    # A reward if the child comes to his place: "atanipea 1k kila wiki kama nitaenda kwake", "said id pass if i came
    # to his house"
    r"\b(?:pass|marks|grades?|alama|atanipitisha|atanipea|atanipa|atampa|atampea|atanilipia|atamlipia|atanitumia|"
    r"atanunulia|will give (?:me|her)|will buy (?:me|her)|will pay)\b.{0,40}\b(?:if|kama)\s+(?:i|she|u|you)?\s*"
    r"(?:came|come|comes|go|goes|went|visit\w*|nitaenda|ataenda|nikienda|akienda|nitakuja|atakuja|nikija|akija)\s+"
    r"(?:to\s+)?(?:his|kwake|kwa nyumba yake|kwa keja yake)\b",
    # Gifts, and the parents do not know: "ananipea fare na simu mpya. niko 15. mathe hajui", "akirudi na pesa na
    # simu mpya. wazazi wake hawajui", "wanapewa simu ... wameambiwa wasiseme"
    rf"\b(?:\w*(?:ni|m|wa)(?:pa|pea|nunulia|buyia|tumia|lipia)|\w*pewa|gives? (?:me|her|them)|gave (?:me|her|them)|"
    rf"bought (?:me|her|them)|buys (?:me|her|them)|buying (?:me|her|them)|sends? (?:me|her)|akirudi na|anarudi na|"
    rf"hurudi na|comes back with)"
    rf"\s+(?:\w+\s+){{0,3}}?{_GIFT_NOUN}\b(?!\s+(?:ya|za)\s+(?:birthday|christmas|krismasi))"
    r".{0,60}\b(?:(?:mathe|mama|mum|mom|wazazi|parents|baba|dad|buda|guardian)\s+(?:\w+\s+)?(?:hajui|hawajui|"
    r"dont know|doesnt know|do not know|hawana habari|hana habari)|wameambiwa wasiseme|ameambiwa asiseme|"
    r"nimeambiwa nisiseme|told not to tell|told (?:me|her|them) not to tell)\b",
    # Children called or treated to come to his place: "huwa ananunulia watoto wa grade 6 juice na bundles ndio
    # wakuje kwake", "huita ma-dogo wa grade 6 kwa nyumba yake eti kuwapatia wifi"
    r"\b(?:\w*nunulia|\w*(?:wa|m)(?:pa|pea|ita)|huita|anaita|aliita|buys?|bought|gives?|gave|calls|invites?|invited|"
    r"\w*alika)\s+(?:\w+\s+)?(?:watoto|madogo|dogo|wasichana|madem|girls|kids|children|wanafunzi|pupils)\b.{0,60}"
    r"\b(?:wakuje kwake|waje kwake|waende kwake|aje kwake|to come to his|kwa nyumba yake|to his (?:house|place|room)|"
    r"kwa keja yake)\b",
    # Offered work abroad while a child: "anatafuta madem wa 15-17 kwa kazi ya hotel dubai", "akiahidiwa kazi dubai.
    # ana miaka 16"
    rf"\b(?:miaka\s+{_MINOR_AGE}|{_MINOR_AGE}\s*(?:-|to|na)\s*{_MINOR_AGE}|madem wa|wasichana wa|girls of|form \w+|"
    rf"grade \w+|class \w+)\b.{{0,60}}\b(?:kazi|job|jobs|work|ajira)\b.{{0,40}}"
    r"\b(?:dubai|saudi|oman|qatar|lebanon|abroad|nje ya nchi|ughaibuni|uarabuni|arabuni)\b"
    rf"|\b(?:kazi|job|jobs|work|ajira)\b.{{0,40}}\b(?:dubai|saudi|oman|qatar|lebanon|abroad|nje ya nchi|ughaibuni|"
    rf"uarabuni|arabuni)\b.{{0,60}}\b(?:ana miaka|ako na miaka|ako|yuko|is only|she is|he is|shes|hes|ni)\s+"
    rf"(?:tu\s+)?{_MINOR_AGE}\b",
    # Gone missing after meeting someone online: "alipotea ... baada ya kukutana na jamaa wa facebook"
    r"\b(?:alipotea|amepotea|alitoweka|ametoweka|disappeared|went missing|ran away|alitoroka|hakurudi)\b.{0,50}"
    r"\b(?:baada ya kukutana na|after meeting|alikutana na|she met|he met)\s+(?:\w+\s+){0,2}?(?:wa|from|on|kwa)\s+"
    r"(?:facebook|fb|insta|instagram|tiktok|snap|snapchat|whatsapp|online|mtandaoni|telegram|discord|roblox)\b",
    # Girls of a child's age married to men: "wasichana wa 14 wanaolewa na mabwana wa boda"
    rf"\b(?:wasichana|msichana|madem|dem|girls?|watoto|mtoto|binti)\s+(?:wa|of|aged)\s+(?:miaka\s+)?{_MINOR_AGE}\b"
    r".{0,30}\b(?:wanaolewa|anaolewa|wameolewa|ameolewa|are married off|get married|being married|married off|"
    r"wanaozwa|anaozwa|wanaozeshwa)\b",
    # Bride price taken for a child: "wazazi wamekula mahari yangu"
    r"\b(?:wamekula|wamepokea|walikula|walipokea|wamechukua|walichukua|took|received|have taken|accepted|"
    r"amekula|alikula|amepokea)\s+(?:\w+\s+)?(?:mahari|dowry|bride ?price)\s+(?:yangu|yake|ya dada|ya \w+ yangu|"
    r"for me|for her|for my \w+)\b",
    # A man lying about his age: "alikuwa ananiambia ni 17, kumbe ni 32"
    r"\b(?:alikuwa ananiambia|aliniambia|alisema|alidai|akidai|said|claimed|told me)\s+(?:he\s+(?:is|was)\s+|hes\s+|"
    r"ni\s+|ako\s+|yuko\s+)?1\d\b.{0,30}\b(?:kumbe|but|actually|turns out|in fact)\s+(?:he\s+is\s+|hes\s+|ni\s+|"
    r"ako\s+|yuko\s+|ana\s+)?(?:na\s+)?[2-6]\d\b",
    # A child on an adult site: "amefungua onlyfans akidai ni 19 na ako 16"
    rf"\bonlyfans\b.{{0,60}}\b(?:ako|ana|is|she is|shes|yuko|he is|hes|akiwa)\s+(?:na\s+)?(?:miaka\s+)?{_MINOR_AGE}\b",
    # Liking to touch girls: "jamaa ... anapenda kushika wasichana wa shule"
    r"\b(?:anapenda|hupenda|likes to|loves to|huwa)\s+(?:ku(?:shika|gusa|guza|touch|grab|bamba|finya)|touching|touch|"
    r"grabbing|grab)\s+(?:\w+\s+)?(?:wasichana|madem|watoto|girls|kids|children|dem|msichana|wanafunzi|students)\b",
    # Pushed around, or a weapon, by the same boys who post about the child
    r"\b\w*(?:push|shove)\w*\s+(?:me|her|him|my \w+)\s+around\b",
    # Calls or texts from a stranger who says what the child wore or where she went
    r"\b(?:calls?|texts?|messages|private number|unknown number|namba (?:isiyojulikana|private)|stranger|mtu|msee)\b"
    r".{0,50}\b(?:saying|says|telling me|akisema|anasema|akiniambia|ananiambia)\s+(?:\w+\s+)?(?:what i (?:wore|was "
    r"wearing|am wearing|had on)|nilivaa nini|nimevaa nini|where i (?:was|went) (?:today|yesterday|jana|leo))\b"
    r"(?!\s+(?:was|looked|is|looks)\b)",
    # A child working and not sent to school: "nafanya kazi kwa shamba ya mtu ... na sipelekwi shule"
    r"\b(?:nafanya|ninafanya|anafanya|hufanya|tunafanya|nafanyishwa|anafanyishwa|i work)\s+"
    r"(?:kazi\b)?.{0,60}\b(?:sipelekwi|hapelekwi|hatupelekwi|siendi|haendi|hatuendi|sijaenda|hajaenda|"
    r"not (?:going|sent|allowed) to|dont go to|doesnt go to|never go to)\s+(?:shule|sku|school)\b"
    r"(?!\s+(?:jumamosi|jumapili|saturday|sunday|kesho|tomorrow|on (?:saturday|sunday|weekends)|weekends?))",
    # Chats to be deleted, any subject: "alituambia tudelete chats zetu"
    r"\b(?:tu|wa|a|ni|ku|u)(?:delete|fute)\s+(?:\w+\s+)?(?:chats|msgs|messages|jumbe|dms|texts|ujumbe)\s+"
    r"(?:zetu|yetu|wetu|our)\b",
]
_DISTRESS += _DISTRESS_ROUND5
_DISCLOSURE += _DISCLOSURE_ROUND5

# An adult partner of a sister or friend, by his age, when she is not given an adult age or a married or
# working life: "mpenzi wa dada ni Collins Onyango, ana miaka 24", "my sisters boyfriend is 29"
# Kept out of the joined disclosure pattern: its whole-entry look-ahead at the start is tried at every
# position there, which more than doubled that scan's cost (34 -> 88 us an entry on dev); alone, and only
# when the entry has an age in digits or words, it costs little.
_PARTNER_OF_SISTER_RE = re.compile(
    r"^(?!.*(?<!wa )(?<!of )\b(?:dada|sister|rafiki|friend|cousin|binamu|she|shes|yeye)\b(?:\s+(?:yangu|wangu|my))?\s+"
    r"(?:ana|is|ni|ako|yuko)\s+(?:na\s+)?(?:miaka\s+)?(?:1[89]|[2-9]\d)\b)(?!.*\b(?:ameolewa|married|wife|mke|"
    r"university|chuo|campus|anafanya kazi|works|graduated)\b).*?"
    r"(?:\b(?:mpenzi|boyfriend|bf|sponsor|sponsa|mume|husband|jamaa)\s+(?:wa|of)\s+(?:my\s+)?(?:dada|sister|rafiki|"
    r"friend|beste|cousin|binamu|classmate|mdogo)|\bmy\s+(?:sisters|friends|cousins|classmates|bestfriends|best "
    r"friends)\s+(?:boyfriend|bf|man|sponsor))\b.{0,50}\b(?:ana|ako|yuko|ni|is|hes|he is)\s+(?:na\s+)?(?:miaka\s+)?"
    r"(?:[2-6]\d|thelathini|arobaini|hamsini)\b"
)
_AGE_HINT_RE = re.compile(r"\d|thelathini|arobaini|hamsini")

# Followed, by a person or a car ("black car inanifollow kutoka shule"), not by a pet ("mbwa wa jirani hunifuata kila
# asubuhi") nor on an app ("followed me on insta"). The pet is said before the verb, so the whole entry is looked at:
# apart from the joined pattern, only when a word of following is there.
# Waited for, unless by a parent, a sibling or a friend: "rafiki yangu ananingoja kwa stage" is a friend.
_WAITING = (
    r"(?:ananingoja|hunisubiri|ananisubiri|hunisubiria|ananisubiria|hunigoja|(?:waits|waiting|keeps waiting)\s+"
    r"(?:for\s+(?:me|her|him|us)\s+)?(?:outside|at (?:my|our|her|the) (?:gate|school|stage|house|door)|nje ya))\b"
)
_WAITING_RE = re.compile(rf"\b{_WAITING}")
_KIN_WAITING_RE = re.compile(
    r"\b(?:mama|mum|mom|mathe|baba|dad|buda|rafiki|friend|beste|beshte|bestie|dada|kaka|sister|brother|sis|bro|cousin|"
    rf"binamu|bibi|shosh|cucu|guka|babu|mbwa|dog|driver wa shule|school bus|parents|wazazi)\b[^.!?]{{0,40}}\b{_WAITING}"
)
_FOLLOWED_RE = re.compile(
    r"^(?!.*\b(?:mbwa|paka|dog|dogs|puppy|cat|kitten|kuku|mbuzi|goat|shadow|kivuli)\b).*"
    r"\b(?:ananifuata|hunifuata|follows me|followed me|anamfuata|humfuata|ananifollow|hunifollow|inanifuata|inamfuata|"
    r"ilinifuata|ilimfuata|inanifollow|inamfollow|ilinifollow|ilimfollow|"
    # "anafuata dogo yangu kila jioni": the object a child named after the verb
    r"(?:anafuata|hufuata|alifuata|amekuwa akifuata|anafollow|hufollow|keeps following|is following|has been "
    r"following|kept following)\s+(?!(?:akaunti|account|page|channel|ukurasa|insta|tiktok|my (?:account|page|"
    r"channel|posts?))\b)(?:\w+\s+)?(?:dogo|mdogo|dada|sister|rafiki|binamu|cousin|brother|kaka|my \w+|"
    r"\w+ (?:yangu|wangu|wetu|yetu)))\b"
    r"(?!\s+(?:on|kwa) (?:insta|tiktok|ig|x|twitter|snap|fb))"
)

# An adult asking a child about her underwear or what she wears in bed: "started asking what colour my underwear is",
# "ananiuliza nimevaa chupi ya rangi gani" (a parent buying underwear excepted). "Age is just a number", told to a
# child by a man: "he says age is just a number", "ananiambia umri ni namba tu" (a grandparent's saying excepted).
# Both look at the whole entry for their exceptions, so they run apart, only when a word they need is there.
_INTIMATE_QUESTION_RE = re.compile(
    r"^(?!.*\b(?:buy|bought|nunua|nunulia|shop|duka|uniform|laundry)\b).*"
    r"\b(?:ask\w*|wants to know|(?:(?:a|wa|ni|tu)(?:na|li|me|ta|ki|ka)|hu|a)(?:ni|mw|mu|m|wa|tu)?u?uliz\w*)\b.{0,40}"
    r"\b(?:(?:colou?r|rangi)\b.{0,20}\b(?:underwear|chupi|bra|panties|pants yangu|boxers)|(?:underwear|chupi|bra|"
    r"panties)\b.{0,20}\b(?:colou?r|rangi)|(?:(?:what|nini|gani)\b.{0,15}\b(?:wearing|nimevaa|amevaa|umevaa)|"
    r"(?:nimevaa|amevaa|umevaa)\s+(?:nini|gani))\b.{0,15}\b(?:in bed|to bed|right now|sasa hivi|usiku|kitandani|alone|"
    r"peke yangu|peke yake))\b"
)
_INTIMATE_WORDS = ("underwear", "chupi", "bra", "panties", "boxers", "wearing", "vaa")
_AGE_IS_A_NUMBER_RE = re.compile(
    r"^(?!.*\b(?:grandma|grandpa|granny|bibi yangu|babu|shosh|cucu|guka|nyanya)\b).*\b(?:he|him|msee|jamaa|mzee|"
    r"guy|man|uncle|teacher|mwalimu|told me|tells me|told her|tells her|ananiambia|aliniambia|alimwambia|anamwambia|"
    r"huniambia|humwambia)\b.{0,40}\b(?:age|umri|miaka)\s+(?:is|ni)\s+(?:just\s+)?(?:a\s+)?(?:number|namba|nambari)\b"
)


DISTRESS_PATTERNS = compile_all(_DISTRESS)  # one by one, to tell which rule fired when debugging
DISCLOSURE_PATTERNS = compile_all(_DISCLOSURE)
_ANY_DISTRESS = PatternSet(_DISTRESS)
_ANY_DISCLOSURE = PatternSet(_DISCLOSURE)


def distress(phrase_text: str) -> bool:
    return _ANY_DISTRESS.search(phrase_text)


def disclosure(phrase_text: str) -> bool:
    if _ANY_DISCLOSURE.search(phrase_text):
        return True
    if any(word in phrase_text for word in _INTIMATE_WORDS) and _INTIMATE_QUESTION_RE.search(phrase_text):
        return True
    if ("namba" in phrase_text or "number" in phrase_text) and _AGE_IS_A_NUMBER_RE.search(phrase_text):
        return True
    if ("fuata" in phrase_text or "follow" in phrase_text) and _FOLLOWED_RE.search(phrase_text):
        return True
    if (
        ("ngoja" in phrase_text or "subiri" in phrase_text or "wait" in phrase_text or "goja" in phrase_text)
        and _WAITING_RE.search(phrase_text)
        and not _KIN_WAITING_RE.search(phrase_text)
    ):
        return True
    return _AGE_HINT_RE.search(phrase_text) is not None and _PARTNER_OF_SISTER_RE.search(phrase_text) is not None
