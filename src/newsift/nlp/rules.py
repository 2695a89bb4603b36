"""Rules as data: the word lists the entity and quote extractors read.

Tests enumerate these tables; change a rule here, never inside the code.
Every entry is lower case.  Verbs are lemmas (spaCy's ``token.lemma_``).
"""

from __future__ import annotations

# Verbs that introduce speech.  A clause governed by one of these, or a direct
# quote next to one, is an attribution with high confidence.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say",
        "tell",
        "add",
        "write",
        "ask",
        "note",
        "announce",
        "argue",
        "state",
        "claim",
        "explain",
        "declare",
        "insist",
        "warn",
        "tweet",
        "post",
        "respond",
        "reply",
        "continue",
        "acknowledge",
        "admit",
        "report",
        "suggest",
        "recall",
        "confirm",
        "deny",
        "stress",
        "emphasize",
        "emphasise",
        "concede",
        "conclude",
        "predict",
        "promise",
        "vow",
        "pledge",
        "assert",
        "contend",
        "maintain",
        "remark",
        "observe",
        "comment",
        "testify",
        "allege",
        "charge",
        "complain",
        "boast",
        "joke",
        "quip",
        "shout",
        "yell",
        "scream",
        "whisper",
        "murmur",
        "exclaim",
        "retort",
        "counter",
        "reiterate",
        "repeat",
        "caution",
        "urge",
        "point",
        "mention",
        "describe",
        "call",
        "reveal",
        "indicate",
        "disclose",
        "tout",
        "proclaim",
        "affirm",
        "concur",
        "agree",
        "lament",
        "speculate",
        "wonder",
        "muse",
        "recount",
        "elaborate",
        "clarify",
        "signal",
        "hint",
        "demand",
        "plead",
        "inform",
        "assure",
        "advise",
        "remind",
        "email",
        "text",
        "read",
    }
)

# Verbs of thought and belief: PolNeAR and PARC annotate them as attributions
# (reported thoughts), news readers do too, but with less certainty than speech.
THOUGHT_VERBS: frozenset[str] = frozenset(
    {
        "think",
        "believe",
        "feel",
        "know",
        "expect",
        "hope",
        "fear",
        "worry",
        "doubt",
        "suspect",
        "assume",
        "figure",
        "reckon",
        "understand",
        "realize",
        "realise",
        "consider",
        "estimate",
        "want",
        "wish",
    }
)

# Verbs that only count as cues when a complement clause (that-clause) follows:
# "the report found that ...", "polls show that ...".
FINDING_VERBS: frozenset[str] = frozenset(
    {
        "find",
        "show",
        "conclude",
        "determine",
        "suggest",
        "indicate",
        "reveal",
        "project",
    }
)

# With no clause after the cue, its object or infinitive is the content ("wants
# Congress to act"), except after verbs whose object is the person addressed.
OBJECT_CONTENT_DEPS: frozenset[str] = frozenset({"xcomp", "dobj"})
OBJECT_IS_ADDRESSEE: frozenset[str] = frozenset(
    {
        "tell",
        "ask",
        "inform",
        "assure",
        "advise",
        "remind",
        "urge",
        "warn",
        "email",
        "text",
        "call",
        "read",
        "post",
        "tweet",
        "continue",
        "point",
    }
)

# Verbs whose "to" names who heard it ("sources confirmed to ABC News", "she said to
# them"): a name or pronoun there is the hearer, never what was said.  Not "add"
# ("added to the confusion"), "speak" ("spoke to the issue"), "admit", "plead" or
# "pledge", whose "to" introduces what was said or owned up to.
TO_NAMES_HEARER: frozenset[str] = frozenset(
    {
        "say",
        "tell",
        "confirm",
        "explain",
        "note",
        "talk",
        "report",
        "complain",
        "mention",
        "reveal",
        "state",
        "announce",
        "stress",
        "emphasize",
        "emphasise",
        "remark",
        "whisper",
        "shout",
        "disclose",
        "declare",
        "acknowledge",
        "concede",
        "repeat",
        "lie",
        "apologize",
        "apologise",
        "boast",
        "brag",
        "write",
        "insist",
        "comment",
        "confide",
        "describe",
        "tweet",
        "post",
        "warn",
        "argue",
        "claim",
        "testify",
    }
)

# Nouns for something said whose possessor said it, as written ('Kroll's claim that "..."', 'his
# words: "..."'), singular and plural. A quotation right after one is what its possessor said, where
# no verb tags it. "Word" only as "words": "faith in Obama's word" is his promise, not what follows it.
_POSSESSED_SPEECH = """
admission announcement answer argument assertion boast claim comment commentary declaration
explanation insistence message plea pledge prediction promise quip remark reply response retort
statement suggestion tweet vow warning
"""
POSSESSED_SPEECH_NOUNS: frozenset[str] = frozenset(
    {"words"}
    | {
        form
        for noun in _POSSESSED_SPEECH.split()
        for form in (noun, noun[:-1] + "ies" if noun[-1] == "y" else noun + "s")
    }
)

# What someone puts out in their own words, and the verbs for putting it out: the words of "Ann Lee
# issued a statement saying ..." are hers. Not reports, studies or polls, which speak for themselves.
ISSUED_NOUNS: frozenset[str] = frozenset(
    {"announcement", "email", "e-mail", "letter", "memo", "message", "note", "post", "release", "statement", "tweet"}
)
ISSUING_VERBS: frozenset[str] = frozenset(
    {
        "circulate",
        "deliver",
        "distribute",
        "email",
        "issue",
        "post",
        "publish",
        "put",
        "release",
        "send",
        "share",
        "tweet",
    }
)

# Multi-word cues matched on lower-cased token text, longest first.
PHRASE_CUES: tuple[tuple[str, ...], ...] = (
    ("according", "to"),
    ("in", "the", "words", "of"),
    ("as", "reported", "by"),
)

# What an "in" phrase names when it credits the clause it modifies to a poll ("In a CNN poll,
# Clinton leads by six", "Trump has a decisive lead in the latest Fox poll"); PolNeAR annotates
# "in" as the cue and the poll as the source. A poll average counts through its "of" ("the
# RealClearPolitics average of New Hampshire polls").
POLL_NOUNS: frozenset[str] = frozenset({"poll", "survey"})

# Adverbs and impersonal constructions that attribute to nobody in particular.
VAGUE_ADVERBS: frozenset[str] = frozenset({"reportedly", "allegedly", "supposedly", "purportedly"})
IMPERSONAL_SUBJECTS: frozenset[str] = frozenset({"it"})  # "it is reported that", "it was said"
IMPERSONAL_CUES: frozenset[str] = frozenset(
    {
        "report",
        "say",
        "believe",
        "understand",
        "claim",
        "rumor",
        "rumour",
        "allege",
        "think",
        "know",
    }
)

# What an editor's note in brackets says was changed ("(emphasis added)", "[italics added]"): the
# subject of such a verb is the page's typography, not someone who speaks.
EDITORIAL_NOTES: frozenset[str] = frozenset(
    {"emphasis", "emphases", "italics", "bold", "boldface", "underlining", "underline", "highlighting", "brackets"}
)

# Reporting verbs that raise their subject ("X is said to be ...", "X is expected to win"):
# the subject is what is reported, not who reports it. Verbs whose passive subject is the
# addressee ("he was told to leave") are not among them.
FORECAST_CUES: frozenset[str] = frozenset({"expect", "estimate", "project", "predict", "forecast"})
RAISING_CUES: frozenset[str] = IMPERSONAL_CUES | FORECAST_CUES | frozenset({"consider", "suppose", "suspect", "fear"})

# Verbs whose subject is the thing judged ("Nothing about them seems credible"), which PolNeAR
# marks as part of the content around the cue, not as who reports it.
APPEARANCE_CUES: frozenset[str] = frozenset({"seem", "appear", "look", "sound"})

# Heads of source phrases that hide who spoke.  They make a speaker "anonymous";
# the plural or indefinite ones also mark the attribution as vague sourcing.
ANONYMOUS_SOURCE_NOUNS: frozenset[str] = frozenset(
    {
        "source",
        "official",
        "expert",
        "analyst",
        "critic",
        "observer",
        "insider",
        "aide",
        "adviser",
        "advisor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "person",
        "people",
        "someone",
        "somebody",
        "witness",
        "resident",
        "supporter",
        "opponent",
        "lawmaker",
        "diplomat",
        "investigator",
        "scientist",
        "researcher",
        "economist",
        "strategist",
        "operative",
        "staffer",
        "employee",
        "member",
        "voter",
        "activist",
        "friend",
        "associate",
        "confidant",
        "ally",
        "loyalist",
        "veteran",
        "pundit",
        "authority",
        # Gossip's unnamed sources ("a close pal tattled", "the tipster added").
        "pal",
        "buddy",
        "tipster",
        "informant",
        "confidante",
    }
)
VAGUE_DETERMINERS: frozenset[str] = frozenset(
    {
        "some",
        "many",
        "several",
        "a",
        "an",
        "one",
        "most",
        "few",
        "numerous",
        "various",
        "certain",
        "other",
        "others",
    }
)
# Pronouns and quantifiers that stand alone as vague sources: "some say", "many believe", and
# "another" after "one diplomat said" (as vague as the one before it).
# "Nobody" and "no one" are not here: that no one said something names no source.
VAGUE_PRONOUNS: frozenset[str] = frozenset(
    {"some", "many", "others", "another", "critics", "few", "most", "someone", "somebody", "everyone", "everybody"}
)
# Phrases that name no one however they are parsed ("people familiar with the matter").
VAGUE_PHRASES: tuple[str, ...] = (
    "people familiar with",
    "sources familiar with",
    "person familiar with",
    "according to sources",
    "it is reported",
    "it was reported",
    "it has been reported",
    "it is said",
    "it was said",
    "it is believed",
    "it is understood",
    "some say",
    "many say",
    "experts say",
    "sources say",
    "sources said",
    "critics say",
    "observers say",
    "officials say",
    "insiders say",
)

# Heads of source phrases that name a body rather than a person: "Trump's office said".
ORGANISATION_NOUNS: frozenset[str] = frozenset(
    {
        "office",
        "campaign",
        "ministry",
        "department",
        "agency",
        "government",
        "administration",
        "committee",
        "company",
        "firm",
        "party",
        "embassy",
        "council",
        "commission",
        "court",
        "white house",
        "kremlin",
        "team",
        "group",
        "organization",
        "organisation",
        "union",
        "police",
        "army",
        "military",
        "board",
        "bureau",
        "spokesman's office",
        "staff",
        "cabinet",
        "foundation",
        "institute",
        "newspaper",
        "network",
        "station",
        "paper",
        "magazine",
        "university",
        "school",
        "hospital",
        "church",
        "association",
        "coalition",
        "movement",
        "force",
        "service",
        "senate",
        "congress",
        "parliament",
        "legislature",
        "regime",
        "state",
    }
)

# Words that head a body's name and end people's names too ("Frank Church", "Margaret Court"): where
# the NER made the name a person's, it is that person, not a body.
SURNAME_BODY_WORDS: frozenset[str] = frozenset({"church", "court", "union", "state"})

# Where and through what words are said. A cue's modifier headed by one ("at a rally", "in an interview",
# "on Twitter") is the circumstance of the saying, not part of what was said.
SPEAKING_EVENTS: frozenset[str] = frozenset(
    {
        "address",
        "appearance",
        "briefing",
        "conference",
        "debate",
        "event",
        "forum",
        "hearing",
        "interview",
        "meeting",
        "rally",
        "session",
        "speech",
        "testimony",
    }
)
MEDIUM_NOUNS: frozenset[str] = SPEAKING_EVENTS | frozenset(
    {
        "article",
        "blog",
        "book",
        "broadcast",
        "call",
        "column",
        "comment",
        "e-mail",
        "editorial",
        "email",
        "episode",
        "facebook",
        "instagram",
        "letter",
        "memo",
        "message",
        "op-ed",
        "podcast",
        "post",
        "press",
        "program",
        "radio",
        "remark",
        "segment",
        "show",
        "statement",
        "television",
        "tv",
        "tweet",
        "twitter",
        "video",
        "website",
    }
)

# Document-like sources ("a report", "the poll") speak for their authors.
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    {
        "report",
        "poll",
        "survey",
        "study",
        "statement",
        "analysis",
        "memo",
        "letter",
        "document",
        "data",
        "figure",
        "filing",
        "complaint",
        "lawsuit",
        "ruling",
        "release",
        "article",
        "story",
        "research",
        "review",
        "audit",
        "investigation",
        "email",
        "tweet",
        "post",
        "video",
        "ad",
    }
)

# Titles and roles kept as entity attributes.  Matched case-insensitively right
# before a person's name, possibly several in a row ("former Secretary of State").
TITLES: tuple[str, ...] = (
    "president-elect",
    "vice president-elect",
    "vice president",
    "president",
    "prime minister",
    "secretary of state",
    "secretary",
    "chancellor",
    "senator",
    "sen.",
    "representative",
    "rep.",
    "congressman",
    "congresswoman",
    "governor",
    "gov.",
    "lt. gov.",
    "mayor",
    "judge",
    "justice",
    "chief justice",
    "attorney general",
    "speaker",
    "minister",
    "foreign minister",
    "ambassador",
    "general",
    "gen.",
    "lt.",
    "col.",
    "colonel",
    "major",
    "maj.",
    "capt.",
    "captain",
    "admiral",
    "adm.",
    "sgt.",
    "sergeant",
    "commander",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rev.",
    "reverend",
    "dr.",
    "doctor",
    "professor",
    "prof.",
    "mr.",
    "mrs.",
    "ms.",
    "miss",
    "sir",
    "dame",
    "lord",
    "lady",
    "candidate",
    "nominee",
    "democratic nominee",
    "republican nominee",
    "presidential candidate",
    "former president",
    "first lady",
    "leader",
    "majority leader",
    "minority leader",
    "chief of staff",
    "press secretary",
    "commissioner",
    # Broadcasters and writers, as news names them before a name ("moderator Lester Holt").
    "moderator",
    "anchor",
    "correspondent",
    "columnist",
    "sheriff",
    "officer",
    "detective",
    "agent",
    "rabbi",
    "imam",
    "bishop",
    "cardinal",
    "archbishop",
    "sheikh",
    "emir",
    "sultan",
    "premier",
    "chief",
    "head",
)
TITLE_SUFFIXES: tuple[str, ...] = ("elect", "designate")
# A role is kept in full, so that "Sen. Ana Ruiz" holds the role a later "the senator" names.
ROLE_ABBREVIATIONS: dict[str, str] = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "lt.": "lieutenant",
    "gen.": "general",
    "col.": "colonel",
    "maj.": "major",
    "capt.": "captain",
    "adm.": "admiral",
    "sgt.": "sergeant",
    "rev.": "reverend",
    "dr.": "doctor",
    "prof.": "professor",
}
# Honorifics that say nothing about a role: stripped from names but not kept as roles.
HONORIFICS: frozenset[str] = frozenset({"mr.", "mrs.", "ms.", "miss", "sir", "dame", "mr", "mrs", "ms"})
# The honorifics that say a person's gender ("Mrs. Clinton"). "Sir" and "Dame" stand before a given
# name ("Sir Elton"), not before the bare surname that two namesakes share.
GENDERED_HONORIFICS: dict[str, str] = {
    "mr.": "male",
    "mr": "male",
    "mrs.": "female",
    "mrs": "female",
    "ms.": "female",
    "ms": "female",
    "miss": "female",
}
# A nation's adjective before a title ("Israeli Prime Minister ..."): it says which holder, and it
# lets "the Israeli leader" name them (``NATIONAL_LEADER_OFFICES``).
_NATIONALITIES = """
afghan american argentine argentinian australian austrian bangladeshi belarusian belgian bolivian
brazilian british bulgarian cambodian canadian chilean chinese colombian cuban czech danish dutch
ecuadorian egyptian emirati ethiopian filipino finnish french georgian german ghanaian greek
hungarian icelandic indian indonesian iranian iraqi irish israeli italian japanese jordanian
kazakh kenyan korean kuwaiti lebanese libyan lithuanian malaysian mexican moroccan nigerian
norwegian omani pakistani palestinian peruvian philippine polish portuguese qatari romanian russian
rwandan saudi scottish serbian singaporean slovak somali spanish sudanese swedish swiss syrian
taiwanese thai tunisian turkish ugandan ukrainian uzbek venezuelan vietnamese welsh yemeni
zimbabwean
"""
NATIONALITIES: frozenset[str] = frozenset(_NATIONALITIES.split())
# Words that make a nation's adjective another nation's ("North Korean", "South Korean"): a role
# keeps them, so that North Korea's leader is never South Korea's president.
NATION_QUALIFIERS: frozenset[str] = frozenset({"north", "south"})
# Offices whose holder a story calls their nation's leader ("the Russian leader").
NATIONAL_LEADER_OFFICES: tuple[str, ...] = (
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "supreme leader",
)
# Words that may precede a title and belong to the role ("former president").
ROLE_MODIFIERS: frozenset[str] = (
    NATIONALITIES
    | NATION_QUALIFIERS
    | frozenset(
        {
            "former",
            "acting",
            "deputy",
            "interim",
            "incoming",
            "outgoing",
            "then",
            "then-",
            "late",
            "us",
            "u.s.",
            "democratic",
            "republican",
            "gop",
            "state",
            "federal",
            "senior",
            "top",
            "chief",
            "assistant",
        }
    )
)
# Common nouns that refer back to a person with that role: "the president said".
ROLE_NOUNS: frozenset[str] = frozenset(
    {
        "president",
        "president-elect",
        "senator",
        "governor",
        "mayor",
        "minister",
        "secretary",
        "chancellor",
        "congressman",
        "congresswoman",
        "candidate",
        "nominee",
        "judge",
        "justice",
        "ambassador",
        "general",
        "chairman",
        "chairwoman",
        "leader",
        "premier",
        "prime minister",
        "speaker",
        "spokesman",
        "spokeswoman",
        "director",
        "ceo",
        "king",
        "queen",
        "pope",
    }
)

# Common nouns that name one person, for a "he" or "she" that refers to no name: "Rahami's
# father said he called the FBI", "An attacker stabbed nine people. He was shot ...".  Those with
# a grammatical gender only take the pronoun of that gender ("his wife said. He ..." is not
# the wife).  Role nouns among them are not taken ("the president"): a role resolves to its name.
_FEMALE = """
woman girl mother daughter wife sister aunt niece grandmother granddaughter mom mum girlfriend widow bride lady
actress waitress businesswoman policewoman fisherwoman nun
"""
_MALE = """
man boy father son husband brother uncle nephew grandfather grandson dad boyfriend widower groom gentleman guy actor
businessman policeman fisherman monk
"""
_PERSON = """
owner teacher officer suspect victim doctor nurse student driver lawyer attorney patient worker farmer pastor priest
soldier pilot manager reporter journalist writer author professor founder child customer patron shooter gunman
attacker killer defendant plaintiff inmate prisoner athlete player coach singer host boss employer landlord tenant
neighbor neighbour passenger caller blogger teen teenager kid citizen immigrant refugee protester protestor
demonstrator cop deputy sheriff detective trooper guard clerk moderator anchor correspondent columnist
prosecutor juror panelist onlooker bystander spectator commenter commentator lobbyist representative politician
legislator executive entrepreneur investor banker donor backer delegate superdelegate attendee contender pollster
organizer organiser volunteer campaigner advocate proponent skeptic sceptic conservative liberal progressive
libertarian evangelical millennial fan viewer reader listener follower parent relative cousin spouse colleague
coworker classmate roommate teammate rival challenger incumbent constituent taxpayer consumer tourist visitor
guest physician surgeon neurosurgeon dentist pharmacist psychologist psychiatrist therapist counselor paramedic
firefighter historian scholar editor publisher producer comedian rapper billionaire millionaire mogul tycoon
consultant contractor negotiator envoy survivor assailant perpetrator militant insurgent rebel
chef cook waiter bartender cashier mechanic plumber electrician engineer architect artist photographer filmmaker
musician dancer designer baker butcher carpenter janitor miner rancher agent rabbi imam chaplain missionary cleric
preacher nanny housekeeper gardener receptionist accountant novelist poet playwright screenwriter biologist chemist
physicist geologist astronomer meteorologist epidemiologist virologist midwife veterinarian lifeguard
oceanographer eyewitness whistleblower spy snitch hacker trader respondent administrator user troll theorist pontiff
"""
FEMALE_PERSON_NOUNS: frozenset[str] = frozenset(_FEMALE.split())
MALE_PERSON_NOUNS: frozenset[str] = frozenset(_MALE.split())
PERSON_NOUNS: frozenset[str] = (
    frozenset(_PERSON.split()) | ANONYMOUS_SOURCE_NOUNS | FEMALE_PERSON_NOUNS | MALE_PERSON_NOUNS
) - {"people"}
# Heads of a phrase that can name who spoke: a person, a role, a body or a document ("the mayor", "a report").
SOURCE_HEAD_NOUNS: frozenset[str] = PERSON_NOUNS | ROLE_NOUNS | ORGANISATION_NOUNS | DOCUMENT_NOUNS

# Pronouns a speaker can be, and which entity labels each may refer to.
PRONOUN_LABELS: dict[str, tuple[str, ...]] = {
    "he": ("PERSON",),
    "him": ("PERSON",),
    "his": ("PERSON",),
    "she": ("PERSON",),
    "her": ("PERSON",),
    "hers": ("PERSON",),
    "they": ("ORG", "PERSON", "NORP", "GPE"),
    "it": ("ORG",),
    "we": ("ORG",),
}

# Words that name a day or month: a date entity headed by one is a date, not a name the NER ran into it.
DAY_WORDS: frozenset[str] = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
    ]
)

# Labels kept as entities: people, organisations, places, dates and the like.
ENTITY_LABELS: frozenset[str] = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "NORP",
        "FAC",
        "EVENT",
        "DATE",
        "LAW",
        "PRODUCT",
        "WORK_OF_ART",
    }
)
# Entity labels of a time ("last week", "Sunday night"): when something was said, never who said it.
TIME_LABELS: frozenset[str] = frozenset({"DATE", "TIME"})
SPEAKER_LABELS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "organisation",
    "NORP": "organisation",
    "FAC": "organisation",
}

# Quotation marks: opening -> the closers that end it.  Straight marks are
# resolved by context (see quotemarks.py). Single marks are no pair here, since
# apostrophes make them ambiguous: the pairs that clearly quote are made double
# before the parse (``single_marks_as_double``).
QUOTE_PAIRS: dict[str, str] = {
    "\u201c": '\u201d"',  # “ closes with ” (or a wrongly typed ")
    "\u201e": "\u201c\u201d",  # „ German-style low opener
    "\u00ab": "\u00bb",  # « »
    '"': '"\u201d',
    # A closing mark typed as the opener ("\u201dFear. ...\u201d"), as some pages and
    # scrapers leave it: quotemarks takes it as one only before a word, after a space.
    "\u201d": "\u201d",
}
CLOSE_MARKS: frozenset[str] = frozenset({"\u201d", "\u00bb", '"'})
# Tokens (as spaCy splits them) that close a quote, and the dashes that sign a
# quote with its author's name right after it: “...” ― Steve Quinlan.
CLOSING_QUOTE_TOKENS: frozenset[str] = frozenset({"\u201d", '"', "''", "\u00bb"})
# Tokens that end a sentence.
SENTENCE_END_MARKS: frozenset[str] = frozenset({".", "!", "?"})
SIGNATURE_DASHES: frozenset[str] = frozenset({"\u2015", "\u2014", "\u2013", "-", "--"})

# Abbreviations whose full stop ends no sentence ("Dr. Webb said").
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "sen.",
        "rep.",
        "gov.",
        "gen.",
        "lt.",
        "col.",
        "maj.",
        "capt.",
        "sgt.",
        "adm.",
        "rev.",
        "prof.",
        "st.",
        "jr.",
        "sr.",
        "no.",
        "vs.",
        "inc.",
        "corp.",
        "co.",
        "ltd.",
        "u.s.",
        "u.k.",
        "u.n.",
        "d.c.",
        "jan.",
        "feb.",
        "aug.",
        "sept.",
        "sep.",
        "oct.",
        "nov.",
        "dec.",
        "mt.",
        "ft.",
        "ave.",
        "blvd.",
        "dept.",
        "est.",
        "e.g.",
        "i.e.",
        "etc.",
    }
)

# A quoted span this short, and without sentence punctuation, is a term or a
# scare quote ("terrorism"), not someone's words.
SCARE_QUOTE_MAX_WORDS: int = 3
# A quoted name of a show, book, song or campaign in running text ('appeared on CNN's "State of
# the Union"', 'the "Pirates of the Caribbean" franchise') is Title Case up to this many words;
# the small words a title leaves in lower case.
TITLE_MAX_WORDS: int = 10
TITLE_SMALL_WORDS: frozenset[str] = frozenset(
    {"a", "an", "the", "of", "and", "or", "but", "nor", "in", "on", "at", "to", "for", "with", "by", "from", "as", "vs"}
)
# How many paragraphs a cue-less quote may lie after its speaker's last quote
# and still inherit that speaker, by news convention.
INHERIT_MAX_PARAGRAPHS: int = 2
# Longest quote we accept (characters): longer "quotes" come from an unclosed mark.
MAX_QUOTE_CHARS: int = 5000

# Words that head a headline's source when the NER gives it no type ("Poll: ...",
# "Clinton camp: ..."); a named person or organisation needs no entry.
HEADLINE_SOURCE_NOUNS: frozenset[str] = frozenset(
    {
        "poll",
        "survey",
        "study",
        "report",
        "newspaper",
        "campaign",
        "camp",
        "spokesman",
        "spokeswoman",
        "aide",
        "aides",
        "official",
        "officials",
        "sources",
        "experts",
        "analysts",
        "critics",
    }
)
# Page labels that take a colon with nobody speaking ("Update: ...", "Photo: ...").
PAGE_LABELS: frozenset[str] = frozenset(
    {
        "update",
        "updated",
        "editor",
        "note",
        "photo",
        "photos",
        "image",
        "video",
        "watch",
        "read",
        "related",
        "credit",
        "credits",
        "advertisement",
        "tags",
        "share",
        "comments",
        "breaking",
        "exclusive",
        "opinion",
        "analysis",
        "transcript",
        "source",
        "via",
        "filed",
        "posted",
        "published",
        "listen",
        "see",
        "more",
        "correction",
        "corrections",
        "clarification",
        "follow",
        "wow",
        "boom",
        # Labels of a list of quotes, where the quote's source is told elsewhere.
        "exhibit",
        "example",
        "headline",
        "caption",
        "quote",
    }
)


# Past forms of the speech verbs that no suffix rule finds.
_IRREGULAR_TAG_VERBS = frozenset({"said", "told", "wrote", "read"})


def is_tag_verb(word: str) -> bool:
    """Whether ``word`` is a past or third-person form of a speech verb ("said", "tweets",
    "replied", "admitted"), read from the characters alone, before any parse."""
    w = word.lower()
    if w in _IRREGULAR_TAG_VERBS:
        return True
    stems: list[str] = []
    if w.endswith("ied") or w.endswith("ies"):
        stems.append(w[:-3] + "y")
    if w.endswith("ed"):
        stems += [w[:-2], w[:-1], w[:-3]]  # warned, noted, admitted
    elif w.endswith("s"):
        stems += [w[:-1], w[:-2]]  # says, stresses
    return any(stem in SPEECH_VERBS for stem in stems)


# Words the NER runs into a person's name that never begin one ("Never Trump", "Anti Trump").
NOT_NAME_WORDS: frozenset[str] = frozenset({"never", "not", "no", "anti", "ever", "always", "dump", "stop"})

# Adverbs that open a sentence to comment on it or set it in time ("Luckily Kim's surrogate ...",
# "Later Ana ..."), which the NER now and then runs into the name after them; none of them opens a name.
COMMENT_ADVERBS: frozenset[str] = frozenset(
    {
        "luckily",
        "unluckily",
        "fortunately",
        "unfortunately",
        "sadly",
        "happily",
        "thankfully",
        "hopefully",
        "apparently",
        "reportedly",
        "allegedly",
        "supposedly",
        "evidently",
        "clearly",
        "obviously",
        "surely",
        "interestingly",
        "ironically",
        "surprisingly",
        "unsurprisingly",
        "predictably",
        "naturally",
        "meanwhile",
        "finally",
        "eventually",
        "later",
        "earlier",
        "recently",
    }
)


# Acronyms that news writes before, or without, their full name, and that mean one thing there: an
# article's "U.S." and its "United States" are one entity whichever comes first.  Keys and values as
# the entities stage keys a name (lower case, no full stops).
WELL_KNOWN_ACRONYMS: dict[str, str] = {
    "us": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "un": "united nations",
    "eu": "european union",
}
