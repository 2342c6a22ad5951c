"""Distress: the writer's own thoughts of suicide or self-harm, or a crisis in their own words.

Every pattern needs the writer in it (see :mod:`firstperson`): "I want to die", "nataka kujiua",
"nobody would miss me". Talk about the topic ("apps should remove self-harm content",
"kujiua ni dhambi", "how do we help friends who want to die") stays clean.
Idioms are excluded where they are common: "kill time", "dying to see", "killing myself laughing".
"""

from __future__ import annotations

from facilitator.safety.firstperson import ADVERBS, CLAUSE_END, CLAUSE_START, SUBJECT, SW_I, compile_all
from facilitator.safety.prefilter import PatternSet

# "suicide" as the writer's own act, not the topic ("suicide prevention", "suicide rates").
_SUICIDE = r"suicide(?!\s+(?:prevention|awareness|hotlines?|helplines?|content|rates?|videos?|posts?|cases|topics?))"

# What the writer wants or plans to do to themself (English and the Kiswahili/Sheng infinitives
# that mixed sentences use: "I feel like kujiua").
_SELF_HARM_ACT = (
    r"(?:die|be dead|d1e|end (?:it all|it|my life|everything|my own life|things|this life)|take my (?:own )?life|"
    r"kill myself|hurt myself|harm myself|cut myself|unalive myself|unalive|commit suicide|"
    rf"{_SUICIDE}|"
    r"jump off (?:a|the) \w+|jump in front of|hang myself|overdose|drink poison|"
    r"take (?:all (?:the |my )?|too many |a lot of )pills|stop living|stop existing|not exist|not be here|"
    r"not wake up|never wake up|sleep forever|disappear forever|disappear from (?:this world|earth)|"
    r"ku ?jiua|ku ?fa|ku ?die|ku ?end (?:my |this )?(?:life|maisha)|kujinyonga|kujidhuru|kujikata|kujimaliza|"
    r"kujikill|kujiunalive|kujiumiza|kujitoa (?:uhai|roho|maisha)|kumaliza (?:maisha|life) yangu|kunywa sumu)\b"
)
_WANT = (
    r"(?:want|wanna|wish|need|going|gonna|plan|planning|tried|try|trying|attempted|attempt|thinking about|"
    r"thinking of|thought about|think about|keep thinking about|feel like|felt like|decided|ready|about|will|"
    r"would rather|should|just want|am going|m going|deserve|dont deserve)"
)

# Not hyperbole or a homophone: "die my hair", "die of embarrassment", "die if they ban TikTok",
# "die for my country".
_NOT_HYPERBOLE = r"(?!\s+(?:(?:my|your|her|his|the) hair|if|without|for|of|from|laughing|when|in (?:a|the) game))"

_PATTERNS = [
    # "kill myself", "cut myself", "hurt myself" (not "killing myself laughing")
    r"\b(?:kill|killing|killed|hurt|hurting|harm|harming|harmed|cut|cutting|burn|burning|burnt|burned|starve|"
    r"starving|unalive|unaliving|strangle|strangling|hang|hanging|poison|poisoning|punish|punishing|choke|choking|"
    r"end|ending|destroy|destroying)\s+my ?self\b(?<!me to kill myself)(?<!me to kill my self)(?!\s+(?:laughing|"
    r"with laughter|a\b|some\b))",
    r"(?<!\d )(?<!\d)\bkms\b",  # "kms" = kill myself (not "5 kms")
    # "I want to die", "I really feel like ending it all", "I'm going to end my life"
    rf"{SUBJECT}{ADVERBS}\s+(?<!dont )(?<!do not )(?<!never ){_WANT}(?:\s+to)?(?:\s+just)?\s+{_SELF_HARM_ACT}"
    rf"{_NOT_HYPERBOLE}",
    # Dropped subject: "Want to die. Nobody cares", "...and wanna die"
    rf"{CLAUSE_START}(?:i )?(?:really |just |honestly )?(?:want|wanna|feel like|"
    rf"going)(?:\s+to)?\s+{_SELF_HARM_ACT}{_NOT_HYPERBOLE}",
    # "I don't want to live anymore", "I don't want to be alive"
    rf"{SUBJECT}{ADVERBS}\s+(?:dont|do not|no longer|dont even|do not even)\s+(?:want|wanna|wish)\s+to\s+"
    r"(?:live|be alive|exist|be here|wake up|go on|continue|be in this world)\b",
    # Hopelessness about being alive
    r"\b(?:nobody|no one|noone|no body|none of them)\s+(?:would|will|is going to|gonna|even|would even|will even|"
    r"would ever|will ever|would really|will really|really)?\s*(?:miss|notice|care|cry|mourn|"
    r"remember)\w*\b[^.!?]{0,25}?\b(?:me\b|if i (?:died|die|was gone|were gone|disappeared|disappear|was dead|"
    r"were dead|killed myself|wasnt here|was not here|left forever|stopped existing|live or die|lived or died))",
    r"\b(?:everyone|everybody|the world|my family|they|people|my parents|my friends)\s+(?:would|will|"
    r"d)\s+be\s+(?:happier|better(?:\s+off)?)\s+(?:without me|if i (?:died|was gone|were gone|was dead|were dead|"
    r"disappeared))",
    r"\bbetter off (?:dead|without me)\b",
    r"\b(?:id|i would|i d)\s+(?:much\s+)?rather\s+(?:be dead|die|not (?:exist|be alive|be here|live))\b",
    rf"\bi\s+(?:cant|can not|cannot)\s+(?:do (?:it|this)\s+)?(?:anymore|any more|no more){CLAUSE_END}",
    rf"{SUBJECT}{ADVERBS}\s+(?:want|wish|need)\s+(?:it all|everything|my life|the pain|life|"
    rf"all of this)\s+to\s+(?:end|stop|be over)\b",
    r"\b(?:i|me)\s+(?:should|shouldnt|should not|dont deserve to|do not deserve to|dont deserve|"
    r"do not deserve)\s+(?:not\s+)?(?:be alive|live|exist|be here|to live|to be alive)\b",
    r"\b(?:cant|can not|cannot|dont think i can|do not think i can|not sure i can|dont know if i can|"
    r"dont know how to)\s+(?:keep\s+)?(?:living|live|go on|going on|carry on)\s+(?:like this|anymore|any more|"
    r"any longer)"
    rf"(?:\s+(?:with|in) (?:my life|this life|life))?{CLAUSE_END}",
    r"\b(?:easier|better)\s+(?:for everyone\s+)?if\s+i\s+(?:wasnt|was not|werent|were not|wasnt even)\s+(?:here|"
    r"alive|around|born)\b",
    r"\b(?:easier|better)\s+(?:for everyone\s+)?if\s+i\s+(?:died|was dead|were dead|was gone|were gone|disappeared|"
    r"killed myself)\b",
    r"\b(?:written|wrote|writing|write|left)\s+(?:a|my)\s+(?:goodbye|suicide|final)\s+(?:letter|note|message)\b",
    r"\bi\s+wish\s+i\s+(?:was|were|had|could|would)?\s*(?:never\s+)?(?:been\s+)?(?:just\s+)?"
    r"(?:dead|die|born|gone|not born|not alive|disappear|not exist|didnt exist|did not exist|sleep forever|"
    r"never wake up)\b",
    r"\bi\s+wish\s+i\s+(?:wasnt|was not|werent|were not)\s+(?:alive|born|here)\b",
    rf"{SUBJECT}{ADVERBS}\s+(?:cant|can not|cannot|cant even)\s+(?:go on|take (?:it|this|this life|life|the pain)|"
    rf"do this|handle (?:this|it|life)|cope|keep going|continue|live like this|bear (?:it|this)|live anymore|"
    rf"go on living)(?:\s+(?:anymore|any more|any longer|no more|like this))?{CLAUSE_END}",
    r"\b(?:no|nothing|not any|any|the)\s+(?:reason|point|use)\s+(?:to|in|of)\s+(?:live|living|being alive|life|"
    r"going on|carry on|carrying on|staying alive|being here)\b",
    r"\b(?:sleep|go to sleep|close my eyes)\s+and\s+(?:never|not)\s+wake\s+up\b",
    r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b",
    r"\b(?:im|i am|i feel|i felt|ive been feeling|i have been feeling|feeling|i have been|ive been|"
    r"i was)\s+(?:so\s+|very\s+|really\s+|just\s+|completely\s+|totally\s+)?(?:suicidal|hopeless|worthless|"
    r"like a burden|a burden|empty inside|like dying|like giving up|like ending it|like ending my life|"
    r"like killing myself|like disappearing|like i (?:want to|should|could) die|like i dont want to live|"
    r"like nobody (?:wants|needs|cares about) me)\b(?!\s+(?:about|at)\b)",
    r"\b(?:i|im|ive|i am|i have|i keep|i get|i am having|ive been having|"
    r"i have been having)\s+(?:been\s+)?(?:having\s+|getting\s+)?(?:suicidal|dark) thoughts\b",
    rf"\b(?:thoughts|thinking|thought|think) (?:of|about) (?:{_SUICIDE}|killing myself|ending (?:my life|it all|it)|"
    r"dying|hurting myself|cutting myself|jumping off|hanging myself|taking my (?:own )?life|not waking up|"
    r"ending things|ending everything)\b",
    rf"\b(?:theres|there is|whats|what is|i see|i dont see)\s+(?:no|the)\s+point(?:\s+(?:anymore|any more|"
    rf"in anything|in trying))?{CLAUSE_END}",
    r"\b(?:im|i am)\s+not\s+(?:going to|gonna)\s+be\s+(?:around|here|alive)\s+(?:much\s+)?(?:longer|for long|"
    r"tomorrow|next week)\b",
    r"\b(?:mbona|kwa nini|kwanini)\s+(?:mimi\s+)?(?:niishi|niendelee kuishi|nizaliwe|nilizaliwa)\b",
    # "I'm tired of living", "I'm done with life"
    rf"{SUBJECT}{ADVERBS}\s+(?:am\s+|m\s+)?(?:so\s+|really\s+|just\s+)?(?:tired of|done with|sick of|finished with)\s+"
    r"(?:living|life|being alive|this life|my life|everything and everyone|existing)\b",
    r"\bi\s+(?:hate|hated|hate hate)\s+(?:my life|myself|my self|being alive)\b",
    r"\bmy life (?:is|isnt|is not)\s+(?:not\s+)?(?:worth living|worthless|pointless|meaningless|over|a mess)\b",
    r"\b(?:life|living) (?:is not|isnt|aint) worth (?:living|it)\b",
    # Self-harm in first person: "I self harm", "I've been cutting again", "I cut my wrists"
    r"\b(?:i|im|ive|mimi)(?:\s+(?:have|had|been|still|sometimes|often|always|also|do|did|started|used to|keep|am|"
    r"was))*\s+(?:selfharm(?:ing)?|self harm(?:ing)?|cutting(?:\s+myself|\s+again)|"
    r"started cutting)\b(?!\s+(?:videos?|content|posts?|images?|pictures?|awareness|topics?|is|are|should|must|"
    r"can)\b)",
    r"\b(?:slit|slitting|cut|cutting|cuts on|scars on)\s+my\s+(?:wrists?|arms?|thighs?|legs?|skin)\b",
    r"\bmy\s+(?:selfharm|self harm|suicidal thoughts|suicide note)\b"
    r"(?!\s+(?:awareness|project|presentation|essay|research|poster|campaign|club)\b)",
    rf"{SUBJECT}{ADVERBS}\s+(?:give|giving|gave|given)\s+up\s+on\s+(?:life|living|everything|myself)\b",
    r"\bi\s+(?:feel like|want to|wanna|am going to|m going to)\s+give up\b",
    # An overdose needs a quantity: "I took all my pills", not "I take my pills every morning"
    rf"{SUBJECT}{ADVERBS}\s+(?:took|take|taking|swallowed|going to take|will take|bought|saving|drank|drink)\s+"
    r"(?:all\s+(?:the\s+|my\s+|of my\s+)?|a lot of\s+|lots of\s+|many\s+|too many\s+|a bunch of\s+|a handful of\s+|"
    r"loads of\s+|a (?:whole\s+)?(?:bottle|box|"
    r"pack|packet) of\s+)(?:pills|tablets|medicine|meds|poison|sumu)\b",
    rf"{SUBJECT}{ADVERBS}\s+(?:drank|drink|drinking|took|swallowed|bought)\s+(?:some\s+)?(?:poison|rat poison|sumu)\b",
    r"\b(?:goodbye|bye) (?:everyone|world|all)\b[^.!?]{0,40}\b(?:wont|will not|never) (?:see|hear from) me\b",
    # --- Kiswahili and Sheng ---
    # "nataka kujiua", "natamani kufa", "naskia kujiua", "nimeamua kujinyonga", "ningependa kufa"
    rf"{SW_I}(?:taka|tamani|skia|sikia|jiskia|jisikia|fikiria|waza|hisi|jihisi|panga|amua|jaribu|penda)\s+(?:tu\s+|"
    rf"sana\s+|kabisa\s+|just\s+)?{_SELF_HARM_ACT}",
    r"\b(?:ningependa|ningetaka|nitaenda|natamani|ninatamani|bora|afadhali|heri|ni heri|ni bora)\s+(?:tu\s+)?"
    r"(?:nife|kufa|kujiua|ningekufa|ningekuwa nimekufa|nisingezaliwa|nisingekuwepo)\b",
    # "nitajiua", "najikata", "nimejidhuru", "nijiue"
    rf"{SW_I}ji(?:ua|ue|nyonga|nyonge|kata|kate|dhuru|umiza|maliza|malize|angamiza|chinja|kill|unalive)\b",
    rf"{SW_I}jitoa (?:uhai|roho|maisha)\b",
    r"\bnij(?:iue|inyonge|idhuru|ikate|imalize)\b",
    rf"{SW_I}kunywa (?:sumu|dawa (?:zote|nyingi))\b",
    r"\b(?:niko na|nina|nimekuwa na|nilikuwa na|naskia|ninaskia)\s+(?:mawazo|fikra|hamu|wazo)\s+(?:ya|za|"
    r"la)\s+(?:kujiua|kufa|kujidhuru|kujikata|kujinyonga)\b",
    r"\bsi(?:taki|pendi)\s+(?:kuendelea\s+)?(?:kuishi|kuwa hai|maisha)(?!\s+(?:hapa|huko|kijijini|mjini|nairobi|"
    r"katika|kwenye|na\b|kwa\b))",
    r"\b(?:sina|sioni|hakuna)\s+(?:sababu|haja|maana|hamu|nia)\s+ya\s+(?:mimi\s+)?(?:kuishi|kuendelea|maisha)\b",
    rf"\bsina (?:thamani|maana|faida)(?: (?:yoyote|kabisa|duniani|hapa duniani))?{CLAUSE_END}",
    r"\b(?:nimechoka|nimechoshwa|nimechukia)\s+(?:na\s+)?(?:maisha|kuishi|life|hii life|dunia|ulimwengu)\b"
    r"(?!\s+(?:ya|za|in|of|kwa)\s+(?:\w+\s+)?(?:shule|school|boarding|town|mtaa|campus|hapa|class))",
    r"\b(?:maisha|life)\s+(?:yangu\s+)?(?:ime|yame|ina|yana)?(?:nichosha|nishinda|nilemea|nishindwa)\b",
    r"\bmaisha yangu\s+(?:hayana|hayaana|haina)\s+(?:maana|thamani|faida)\b",
    r"\bhakuna\b[^.!?]{0,30}\b\w*ni(?:kosa|miss|jali)\b",
    r"\b(?:nikifa|nikiondoka|nikipotea|nikijiua)\b[^.!?]{0,30}\b(?:hakuna|wangefurahi|watafurahi|ni sawa|hamna)\b",
    r"\b(?:hakuna|hamna)\b[^.!?]{0,30}\b(?:nikifa|nikiondoka|nikipotea)\b",
    rf"\bsiwezi\s+(?:tena|kuendelea|kuvumilia|kustahimili)(?:\s+(?:tena|hivi|na maisha|kuishi|"
    rf"na hii life)){{0,2}}{CLAUSE_END}",
    rf"\bnimekata tamaa(?:\s+(?:na|ya)\s+(?:maisha|life|kuishi)\b|{CLAUSE_END})",
    r"\bmaisha\s+(?:hayana|hayaana)\s+maana\s+(?:kwangu|kwa mimi)\b",
]

PATTERNS = compile_all(_PATTERNS)  # one by one, to tell which rule fired when debugging
_ANY_PATTERN = PatternSet(_PATTERNS)


def detect(phrase_text: str) -> bool:
    """True when *phrase_text* (``normalise.for_phrases`` output) shows the writer's own distress."""
    return _ANY_PATTERN.search(phrase_text)
