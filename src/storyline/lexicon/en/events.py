"""Events: predicate classes (kinds of happening) and predicates that are states.

Source of the predicate classes: the verb classes of Levin (1993, *English Verb Classes and
Alternations*) as extended in VerbNet (hit-18.1, destroy-44, disappear-48.2, rescue/free-80,
judgment-33, begin-55.1, stop-55.4, ...), cut down to the senses news reports use for one
happening and grouped so that two outlets describing the same event with different verbs
("the ship *struck* the bridge" / "*crashed into* it" / "*hit* it") land in one class. Not WordNet:
it is not installed (nltk and wn fetch their data outside the package registries) and its synsets
are too fine to merge news wording and too wide to keep apart what differs (WordNet puts "hit"
with "reach" and "score"). Not word vectors: en_core_web_sm has none, the md model and model2vec
weights are not on the package registry (see docs/benchmarks.md, issue 14).

The sink class (a vessel lost) is after WordNet: sink.v.03 {sink, settle, go down, go under},
founder.v.01 "sink below the surface", capsize.v.01 "overturn accidentally"; news copy tells one
ship's loss with any of them ("capsized" / "sank" / "went down").

The sign class also holds "ink" and "countersign" after WordNet (ink.v.01 "append one's signature
to": "they inked the contract"; countersign.v.01), which news copy uses for a signing.

Source of the stative predicates: the stative verb classes of the same resource (own-100,
exist-47.1, consider-29.9, want-32.1, ...), the members common in news copy.

Source of the nominalizations: NOMLEX (Macleod et al. 1998, *NOMLEX: A Lexicon of
Nominalizations*), the event nouns of the verbs above whose noun differs from the verb ("the
landing" of "land", "the ouster" of "oust"); a noun spelled like its verb ("the collapse", "the
rescue") needs no entry.

Every entry is a lemma as spaCy's English lemmatizer gives it, optionally with its particle
("call off", "step down"). General news wording only: no names or phrases of any particular story.
"""

from __future__ import annotations

# One class per kind of happening; a lemma may sit in one class only.
PREDICATE_CLASSES: dict[str, frozenset[str]] = {name: frozenset(words.split(",")) for name, words in {
    # courts and crime
    "convict": "convict,find guilty,plead guilty",
    "acquit": "acquit,clear,exonerate",
    "sentence": "sentence,jail,imprison,impose,hand down",
    "fine": "fine,penalize,forfeit",
    "charge": "charge,indict,prosecute",
    "arrest": "arrest,detain,apprehend",
    "release": "release,free,let out,parole,pardon,commute",
    "sue": "sue",
    "file": "file,submit,lodge",
    "rule": "rule,decide,uphold,overturn,strike down",
    "reject": "reject,deny,refuse,dismiss,turn down,throw out",
    "testify": "testify",
    "apologize": "apologize,regret",
    # harm, accidents, disasters
    "die": "die,pass away,perish,drown",
    "kill": "kill,slay",
    "injure": "injure,wound,hurt",
    "strike": "strike,hit,crash,collide,ram,slam,smash,plow",
    "collapse": "collapse,fall,crumble,topple,cave in",
    "sink": "sink,capsize,founder,go down",
    "destroy": "destroy,burn,raze,devastate,ravage,level,wipe out,flatten,engulf,consume",
    "erupt": "erupt,break out,ignite,spark,start,begin,commence",
    "spread": "spread,sweep,race,tear",
    "rescue": "rescue,save,pull,evacuate,airlift",
    "search": "search,comb",
    "find": "find,locate,discover,recover,identify",
    "miss": "miss,disappear,vanish",
    "suspend": "suspend,halt,call off,stop,pause,end,close,shut,shut down,interrupt,disrupt",
    "resume": "resume,restart,reopen,continue",
    "lose": "lose",
    # counts and tolls
    "rise": "rise,increase,climb,jump,grow,surge,soar,mount",
    "decrease": "decrease,decline,drop,dip,fall back,shrink,reduce,lower,cut,slash,bring down",
    # politics, business, organisations
    "announce": "announce,declare,state,unveil,reveal,disclose,confirm",
    "resign": "resign,quit,step down,depart",
    "fire": "fire,oust,remove,sack,push out,force out",
    "appoint": "appoint,name,hire,tap,install,nominate,choose,pick,select",
    "return": "return,come back,reinstate,rehire",
    "elect": "elect,vote,reelect",
    "approve": "approve,pass,adopt,ratify,endorse,back",
    "sign": "sign,enact,ink,countersign",
    "launch": "launch,lift off,blast off,take off",
    "land": "land,touch down,arrive,reach",
    "acquire": "acquire,buy,purchase,take over",
    "invest": "invest,fund,finance",
    "pay": "pay,repay,reimburse,compensate",
    "meet": "meet,gather,convene",
    "travel": "travel,fly,sail,drive,head,journey",
    "investigate": "investigate,probe,inspect,examine,audit",
    "estimate": "estimate,assess,appraise,calculate,tally",
    "visit": "visit,tour",
    "attack": "attack,assault,bomb,shell",
    "protest": "protest,march,rally,demonstrate",
    # sport
    "win": "win,beat,defeat,clinch,triumph,edge,top",
    "score": "score,net,convert",
    "qualify": "qualify,advance,progress",
    # speech acts that are themselves events
    "urge": "urge,call,direct,ask,press,demand",
    "warn": "warn,caution,alert",
    "post": "post,write,publish,tweet",
    "recommend": "recommend,advise,suggest",
}.items()}

# Classes whose report tells when a happening began ("the blaze started", "the quake struck"): a
# noun outside the lexicon that names a happening ("days after the disaster") is dated by the day
# its onset is reported (story/timeline.py, dates relative to another event).
ONSET_CLASSES = frozenset({"erupt", "strike"})

# Nouns that name one happening in news copy, by group (after the WordNet noun synsets of each
# kind of disaster: fire.n.01 with blaze/conflagration/inferno and flame.n.01 (a fire's flames),
# earthquake.n.01 with quake/temblor, aftershock.n.01 on its own (a later shock, not the quake),
# cyclone.n.01 / hurricane.n.01 / typhoon.n.01 as tropical storms, explosion.n.01 with blast,
# flood.n.01 with flooding/deluge): "days after the blaze" is the fire a report says began. Two
# reports of one day that each name a group the other does not ("the quake" / "an aftershock")
# tell two happenings (story/timeline.py, the same-day join).
HAPPENING_GROUPS: dict[str, frozenset[str]] = {name: frozenset(words.split(",")) for name, words in {
    "fire": "fire,blaze,wildfire,bushfire,inferno,conflagration,flame",
    "earthquake": "earthquake,quake,temblor,tremor",
    "aftershock": "aftershock",
    "storm": "storm,hurricane,typhoon,cyclone",
    "explosion": "explosion,blast,detonation",
    "flood": "flood,flooding,deluge",
    "outbreak": "outbreak,epidemic",
}.items()}

# Lemmas that are states or mere copulas, not happenings: a sentence with only these as its
# predicate is not a timeline event ("The bridge was up to code", "She has three children").
STATIVE_PREDICATES = frozenset("""
be have seem appear remain stay own contain include consist belong mean know believe think
want need like love hate hope expect feel look sound cost weigh measure equal lack deserve
""".split())

# Event nouns (NOMLEX) -> the verb of PREDICATE_CLASSES they name: "the landing" is a report of
# "landed", "his ouster" of "was ousted". Only nouns whose spelling differs from the verb's.
NOMINALIZATIONS: dict[str, str] = {
    # courts and crime
    "conviction": "convict", "acquittal": "acquit", "sentencing": "sentence",
    "imprisonment": "imprison", "forfeiture": "forfeit", "indictment": "indict",
    "prosecution": "prosecute", "detention": "detain", "lawsuit": "sue", "filing": "file",
    "ruling": "rule", "decision": "decide", "rejection": "reject", "denial": "deny",
    "refusal": "refuse", "testimony": "testify", "apology": "apologize",
    # harm, accidents, disasters
    "sinking": "sink", "capsizing": "capsize",
    "death": "die", "killing": "kill", "injury": "injure", "collision": "collide",
    "destruction": "destroy", "eruption": "erupt", "outbreak": "break out", "evacuation": "evacuate",
    "discovery": "discover", "recovery": "recover", "identification": "identify",
    "disappearance": "disappear", "suspension": "suspend", "closure": "close", "shutdown": "shut down",
    "interruption": "interrupt", "disruption": "disrupt", "resumption": "resume", "reopening": "reopen",
    "loss": "lose",
    # counts and tolls
    "growth": "grow", "reduction": "reduce",
    # politics, business, organisations
    "announcement": "announce", "declaration": "declare", "disclosure": "disclose",
    "confirmation": "confirm", "revelation": "reveal", "resignation": "resign", "departure": "depart",
    "firing": "fire", "ouster": "oust", "removal": "remove", "appointment": "appoint",
    "nomination": "nominate", "selection": "select", "hiring": "hire", "reinstatement": "reinstate",
    "election": "elect", "reelection": "reelect", "approval": "approve", "passage": "pass",
    "adoption": "adopt", "ratification": "ratify", "endorsement": "endorse", "signing": "sign",
    "enactment": "enact", "liftoff": "lift off", "takeoff": "take off", "landing": "land",
    "touchdown": "touch down", "arrival": "arrive", "acquisition": "acquire", "takeover": "take over",
    "investment": "invest", "funding": "fund", "payment": "pay", "repayment": "repay",
    "compensation": "compensate", "meeting": "meet", "gathering": "gather", "flight": "fly",
    "investigation": "investigate", "inspection": "inspect", "examination": "examine",
    "assessment": "assess", "calculation": "calculate", "bombing": "bomb",
    "demonstration": "demonstrate",
    # sport
    "victory": "win", "qualification": "qualify",
    # speech acts that are themselves events
    "warning": "warn", "recommendation": "recommend", "publication": "publish",
}
