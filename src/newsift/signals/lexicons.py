"""Word lists and patterns behind the style, sourcing and furniture signals, as data.

Every rule the signal modules apply lives here so that tests can enumerate it
and a reviewer can read it in one place.  Nothing in this module computes
anything: the tables are immutable (``frozenset``, tuples, ``MappingProxyType``)
and the modules that use them compile and index them once per process.

Word lists are lowercase and matched against whole tokens: the text is
lowercased, curly apostrophes become ``'``, every other punctuation mark
becomes a space, and tokens are what whitespace separates (so "jaw-dropping"
and "don't" are one token each).  Phrase tables use a small slot syntax,
described above SUPERLATIVE_PHRASES.
"""

from __future__ import annotations

from types import MappingProxyType


def _words(block: str) -> frozenset[str]:
    """A word list written as whitespace-separated text, for readability."""
    return frozenset(block.split())


# --- style: wording -------------------------------------------------------

# Tabloid and clickbait intensity words: the register of "SHOCKING: X DESTROYS Y".
# Deliberately excludes words wire copy uses neutrally ("reveal", "crisis", "attack").
SENSATIONAL_WORDS: frozenset[str] = _words(
    """
    shocking shocked shocker stunning stunned stunner bombshell jaw-dropping mind-blowing
    unbelievable incredible insane crazy outrageous outrage outraged furious fury enraged
    rage livid slams slammed slamming blasts blasted blasting destroys destroyed destroying
    eviscerates eviscerated obliterates obliterated annihilates annihilated demolishes
    demolished crushes crushed rips ripped shreds shredded torches torched trashes trashed
    humiliates humiliated humiliating humiliation owns owned busted exposed explosive
    explodes exploded meltdown epic massive horrifying horrific terrifying chilling
    disgusting disgraceful shameful scandalous hysterical hysteria panic chaos chaotic
    catastrophic apocalyptic nightmare heartbreaking breathtaking astonishing amazing
    miracle miraculous bizarre creepy brutal brutally savage savagely unhinged deranged
    lunatic idiot idiots moron morons stupid pathetic traitor traitors treason evil tyranny
    tyrant hoax sheeple cover-up coverup must-see must-read viral wow omg whoa yikes unreal
    freaking freak freaks insanely ridiculous absurd
    """
)

# Superlatives: irregular forms and the common "-est" adjectives.  "latest",
# "most" and "least" are left out because news uses them as plain quantifiers.
SUPERLATIVE_WORDS: frozenset[str] = _words(
    """
    best worst greatest biggest largest smallest highest lowest strongest weakest richest
    poorest fastest slowest deadliest oldest youngest finest hottest coolest craziest
    dumbest smartest funniest scariest weirdest saddest happiest angriest loudest toughest
    hardest easiest cheapest costliest longest shortest tallest wildest boldest bravest
    worthiest nicest cruelest cruellest darkest brightest sickest bloodiest ugliest
    prettiest greediest dirtiest ultimate unprecedented
    """
)

# Multi-word superlative framings.  Phrase syntax (all phrase tables): slots
# separated by spaces, alternatives inside a slot by "|"; each slot matches one
# token, so "it's" and "it is" need patterns of their own.  Each pattern comes
# with an example it must match; tests enumerate the pairs.
SUPERLATIVE_PHRASES: tuple[tuple[str, str], ...] = (
    ("of all time", "the best album of all time"),
    ("in history", "the largest rally in history"),
    ("in human|recorded history", "the hottest year in recorded history"),
    ("ever seen|recorded|made|built", "the worst storm ever seen"),
    ("like never before", "prices rising like never before"),
)

# Hedges: words that soften or distance a claim.
HEDGE_WORDS: frozenset[str] = _words(
    """
    may might could perhaps possibly probably presumably apparently reportedly allegedly
    seemingly supposedly purportedly arguably seems seem seemed suggests suggest suggested
    suspected rumored rumoured unconfirmed speculated speculation likely unlikely
    """
)

# "kind of" and "sort of" are left out: news mostly means "a new kind of weapon".
HEDGE_PHRASES: tuple[tuple[str, str], ...] = (
    ("it is|was possible|likely|believed|thought|unclear", "it is possible that"),
    ("it's possible|likely|believed|thought|unclear", "it's likely that"),
    ("it seems|seemed|appears|appeared", "it seems the deal"),
    ("is|are|was|were said|thought|believed to", "he is said to have"),
    ("to some extent", "true to some extent"),
)

FIRST_PERSON_WORDS: frozenset[str] = _words(
    """
    i me my mine myself we us our ours ourselves i'm i've i'd i'll we're we've we'd we'll
    let's
    """
)

SECOND_PERSON_WORDS: frozenset[str] = _words(
    """
    you your yours yourself yourselves you're you've you'd you'll ya y'all
    """
)

# All-caps tokens that are names, not shouting.  Four-letter and longer tokens
# are shouting unless listed here; shorter ones only when they are words
# (SHORT_SHOUT_WORDS or a sentiment word), so "FBI" or "GOP" never count.
KNOWN_ACRONYMS: frozenset[str] = _words(
    """
    AIDS AFP ABC AP BBC CBS CDC CEO CFO CIA CNN COVID DHS DNC DOJ EPA EU FAA FBI FCC FDA
    FEMA FIFA GDP GOP HIV HHS IMF IRS ISIS ISIL IRA LGBT LGBTQ MSNBC NAACP NASA NATO NBA NBC
    NCAA NFL NGO NHL NHS NPR NRA NSA NYPD OPEC PBS PM POTUS RNC SCOTUS SEC UEFA UK UN UNICEF
    US USA USSR WHO WTO UAE UFC ESPN HBO NYT WSJ MLB DEA ICE ATF TSA USDA NIH OECD BRICS II
    III IV VI VII VIII IX XI XII XX TV DVD PC AM PM OK
    """
)

SHORT_SHOUT_WORDS: frozenset[str] = _words(
    """
    the and you not all now how why is it be do so no we he she him her his our out get got
    see yes new big but for has had was are can did off one two top bad mad sad lol wow wtf
    this that what will just they them must
    """
)

# Surface forms that look like table words but are names: "May" the month is
# not a hedge and "US" the country is not a first-person pronoun.
NOT_WORDS: frozenset[str] = frozenset({"May", "US"})

# Characters that end a token.  Everything here becomes a space before the
# text is split; apostrophes and hyphens stay because they sit inside words.
TOKEN_BREAKERS = '!"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”„‘«»‹›—–…•·|¦'

# --- style: sentiment (VADER) ----------------------------------------------

# |compound| at or above this marks a sentence as strongly emotional.  VADER's
# authors put the neutral band at |compound| < 0.05; 0.6 is well past it.
STRONG_EMOTION = 0.6

# VADER's normalisation constant: compound = s / sqrt(s*s + alpha).
VADER_ALPHA = 15.0
# VADER's emphasis added per "!" (at most four of them count).
VADER_EXCLAIM = 0.292
VADER_EXCLAIM_MAX = 4

# --- style: readability ------------------------------------------------------

# Flesch (1948) reading ease for English, as textstat 0.7.8 configures it
# (LANG_CONFIGS["en"]: fre_base, fre_sentence_length, fre_syll_per_word).
FLESCH_BASE = 206.835
FLESCH_SENTENCE_LENGTH = 1.015
FLESCH_SYLLABLES_PER_WORD = 84.6
# textstat does not count sentences of two words or fewer.
FLESCH_MIN_SENTENCE_WORDS = 3

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = _words(
    """
    mr mrs ms dr st jr sr gov sen rep gen col lt sgt capt prof inc co corp ltd vs no jan feb
    mar apr aug sept sep oct nov dec u.s u.k u.n e.g i.e etc approx dept est fig mt ft pres
    rev
    """
)

# --- sourcing -------------------------------------------------------------

# Vague attribution: claims pinned on nobody in particular.  Each pattern has an
# example it must match; tests enumerate the pairs.  Attribution to a named but
# anonymous source ("a senior official who asked not to be named") is counted
# by sourcing.anonymous_sources, from the quotes stage, not here.
VAGUE_SOURCE_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "some|many|several|unnamed|unidentified|anonymous "
        "sources|people|experts|officials|observers|analysts|critics|insiders|scientists|doctors "
        "say|says|said|claim|claimed|believe|believed|think|suggest|warn|warned|told",
        "some experts say",
    ),
    ("sources say|said|claim|claimed|tell|told|suggest|suggested|indicate|indicated", "sources told"),
    ("according to some|sources|reports|insiders|rumors|rumours|many", "according to reports"),
    ("it is|was said|reported|claimed|rumored|rumoured|alleged", "it was reported"),
    ("it's said|reported|claimed|rumored|rumoured|alleged", "it's said"),
    ("it has been said|reported|claimed|rumored|rumoured|alleged", "it has been reported"),
    ("people|everyone|many|folks are|is saying", "people are saying"),
    (
        "experts|critics|insiders|observers|analysts|scientists say|said|warn|warned|claim|believe",
        "experts warn",
    ),
    ("reports say|said|suggest|suggested|claim|claimed|indicate", "reports suggest"),
    ("rumor|rumour has it", "rumour has it"),
    # A claim pinned on unnamed reports in one word ("the minister reportedly resigned"). The quotes
    # stage marks it only where it tags a quote; alone it reports nothing there. Not "allegedly":
    # news writes it for a charge not yet proven ("the man allegedly stole"), a legal caution.
    ("reportedly", "reportedly"),
    ("we|i have been told", "we have been told"),
    ("we|i were|was told", "I was told"),
)

# speaker_kind values (report.Quote) of an anonymous source.  Any other quote
# with a speaker counts as named, one without as unattributed.
ANONYMOUS_SPEAKER_KINDS: frozenset[str] = frozenset({"anonymous"})

# --- furniture ------------------------------------------------------------

# Signal name (after "furniture.") -> furniture kinds it counts.  The first
# alias of each is the kind newsift's clean stage writes
# (newsift.clean.rules.FURNITURE_KINDS); the others cover names another
# cleaner may use.  Kinds are compared after folding case and turning "-" and
# spaces into "_".  A kind not listed here still shows in furniture.kinds.
FURNITURE_SIGNALS: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "comment_form": frozenset({"comment_form", "comments", "comment", "reply_form"}),
        "share_prompts": frozenset({"share", "share_prompt", "share_prompts", "social", "social_share"}),
        "ads": frozenset({"advertising", "ads", "ad", "advert", "advertisement", "sponsored", "promo"}),
        "related": frozenset({"related", "related_links", "teaser", "teasers", "recommended", "read_more"}),
        "subscribe": frozenset({"subscribe", "newsletter", "signup", "sign_up", "paywall", "donate"}),
        "credits": frozenset({"photo_credit", "caption", "image_credit", "credit", "image_caption"}),
        "image_slug": frozenset({"image_slug", "slug", "filename"}),
        "navigation": frozenset({"navigation", "nav", "menu", "breadcrumb", "breadcrumbs", "tags"}),
        "cookie": frozenset({"cookie", "cookies", "privacy", "consent"}),
        # Bylines and datelines are furniture to the reader but a mark of ordinary news practice.
        "byline": frozenset({"byline", "dateline", "author", "date"}),
        "site_boilerplate": frozenset({"site_boilerplate", "boilerplate", "copyright", "legal"}),
    }
)

# Furniture kinds that hold the related-link teaser block, used as evidence for
# furniture.related_teasers.
RELATED_KINDS: frozenset[str] = FURNITURE_SIGNALS["related"]

# At most this many evidence spans per signal: enough to explain it, small
# enough to keep the JSON report readable.  detail["evidence_total"] says how
# many there were.
MAX_EVIDENCE = 10
