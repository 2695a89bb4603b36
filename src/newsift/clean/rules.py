"""The furniture rules, as data.

Every pattern that decides that a line of flattened text is page furniture
lives in :data:`LINE_RULES` or :data:`BLOCK_HEADERS` below, and every piece
glued inside a line of prose in :data:`INLINE_RULES` (with the ad markers,
credits and related-link labels beside it), so tests can enumerate them and a
reader can audit them in one place (trafilatura keeps its XPath expressions the
same way).  Line patterns match a whole *stripped* line, case-insensitively,
unless a rule says otherwise.

Kinds are the vocabulary the signals stage counts:
``comment_form``, ``related``, ``share``, ``subscribe``, ``cookie``,
``advertising``, ``photo_credit``, ``caption``, ``navigation``, ``byline``,
``dateline``, ``image_slug``, ``site_boilerplate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FURNITURE_KINDS: tuple[str, ...] = (
    "comment_form",
    "related",
    "share",
    "subscribe",
    "cookie",
    "advertising",
    "photo_credit",
    "caption",
    "navigation",
    "byline",
    "dateline",
    "image_slug",
    "site_boilerplate",
    "blocked_page",
)


@dataclass(frozen=True)
class LineRule:
    name: str
    kind: str
    pattern: str
    # "top": only among the first lines of the article (bylines, date lines),
    # where the same words deeper in the body are prose, not furniture.
    position: str = "any"


@dataclass(frozen=True)
class BlockHeader:
    """A line that opens a block of teasers; the lines after it are consumed
    while they look like teasers, and their headlines are kept as evidence."""

    name: str
    kind: str
    pattern: str
    # Text after the header on the same line (``Related: Some headline``) is a teaser.
    inline_teaser: bool = False


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?"
DATE = (
    rf"(?:{_WEEKDAY}\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?)?"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}){_TIME}"
)
# A person's name as bylines write it: 1-4 capitalised words, initials allowed.
NAME = r"(?-i:[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|la|da|al|bin)){0,4})"

LINE_RULES: tuple[LineRule, ...] = (
    # -- comment forms (WordPress, Disqus and friends) --
    LineRule(
        "leave_reply",
        "comment_form",
        r"(?:leave|post|add|write) a (?:reply|comment|response)"
        r"(?: to .{1,120})?:?|cancel reply",
    ),
    LineRule(
        "email_not_published",
        "comment_form",
        r"your email address will not be published\.?(?:\s*required fields are marked\s*\*?)?\.?",
    ),
    LineRule("required_fields", "comment_form", r"required fields are marked\s*\*?\.?"),
    LineRule(
        "comment_fields",
        "comment_form",
        r"(?:comments?|name|email|e-mail|website|your name|your email)\s*\*?:?|post comment|submit comment",
    ),
    # A reader poll whose figure was a script the scraper did not run ("% of readers think this story
    # is Fact. Add your two cents."): 48 items of fakenewscorpus_sample, the comment prompt of one platform.
    LineRule(
        "reader_poll",
        "comment_form",
        r"(?:\d{1,3}(?:\.\d+)?\s*)?% of (?:readers|visitors|users) (?:think|say|believe) this (?:story|article|post) "
        r"is (?:fact|fiction|true|false)\.?(?:\s*add your two cents\.?)?|add your two cents\.?",
    ),
    LineRule("save_my_name", "comment_form", r"save my name,? email,? and website in this browser.{0,60}"),
    LineRule("notify_me", "comment_form", r"notify me of (?:follow-up comments|new posts|new comments).{0,60}"),
    LineRule(
        "comment_count",
        "comment_form",
        r"\d+\s+(?:comments?|responses?|replies)(?:\s+(?:so far|on .{1,120}))?|no comments(?: yet)?\.?|"
        r"(?:view|show|load|read) (?:all )?(?:\d+ )?comments|comments are closed\.?|"
        r"you must be logged in to post a comment\.?|join the (?:discussion|conversation)",
    ),
    LineRule(
        "comment_policy",
        "comment_form",
        r"(?:this site uses akismet to reduce spam|learn how your comment data is processed).{0,80}",
    ),
    # -- share, subscribe and newsletter prompts --
    LineRule(
        "share_this",
        "share",
        r"(?:share|share this|share this (?:article|story|post)|share on (?:facebook|twitter|x|whatsapp|"
        r"linkedin|reddit|pinterest|email)|click to (?:share|email|print) .{0,60}|like this:?|"
        r"like loading\.*|tweet|pin it|email this|print this(?: article)?|share via email)[:!.]?",
    ),
    LineRule(
        "social_row",
        "share",
        r"(?:(?:facebook|twitter|x\b|whatsapp|linkedin|reddit|pinterest|email|print|tumblr|"
        r"telegram|messenger|copy link|sms|share)\s*[|·•,]?\s*){1,}",
    ),
    # A share counter with its buttons ("8.1k SHARES Facebook Twitter", "0 SHARES SHARE THIS STORY"),
    # after an appeal to share at most.
    LineRule(
        "share_count",
        "share",
        r"(?:[^\n]{0,100}?[.!?]\s+)?\d+(?:\.\d+)?k?\s+shares(?:\s+(?:share(?: this (?:story|article|post)"
        r"| on (?:facebook|twitter|x|email))?|facebook|twitter|email|pinterest|linkedin|reddit|whatsapp))*",
    ),
    LineRule("follow_us", "share", r"follow us on .{1,60}|like us on facebook.{0,40}|find us on .{1,40}"),
    LineRule(
        "newsletter",
        "subscribe",
        r"(?:subscribe|sign up|signup)(?: now| today| for free| here)?[!.:]?|"
        r"(?:subscribe|sign up|signup|join|register) (?:to|for|with) (?:our|the|my) (?:(?:free|daily|weekly|morning|evening) ){0,3}"
        r"(?:newsletter|mailing list|email updates|e-mail updates|updates|alerts|channel)s?.{0,80}|"
        r"subscribe to .{1,40}(?:newsletter|channel|youtube|podcast).{0,40}|subscribe to .{1,60} for free[!.]?|"
        r"(?:get|receive) (?:our |the )?(?:latest|daily|weekly|free).{0,60}(?:inbox|newsletter).{0,20}|"
        r"enter your email(?: address)?.{0,60}|(?:by subscribing|thank you for subscribing).{0,120}|"
        r"(?:download|get) (?:our|the) (?:free )?app.{0,60}",
    ),
    # -- cookie and advertising notices --
    LineRule(
        "cookies",
        "cookie",
        r"(?:we|this (?:web)?site|our site) uses? cookies.{0,240}|"
        r"by (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site.{0,200}|"
        r"accept(?: all)? cookies|cookie (?:policy|settings|preferences)|"
        r"(?:privacy policy|terms of (?:use|service))(?:\s*[|·•]\s*(?:privacy policy|terms of (?:use|service)|"
        r"cookie policy|contact us|about us))*",
    ),
    LineRule(
        "advertisement",
        "advertising",
        r"advertisements?|advertising|sponsored(?: content| stories| links)?|paid (?:content|post)|"
        r"promoted(?: stories| content)?|"
        r"(?:advertisement\s*[-–—:]?\s*)?(?:story|article) continu(?:es|ed) below(?: advertisement)?|"
        r"continue reading (?:the main story )?below(?: the advertisement)?\.?|ad choices|adchoices|report this ad|"
        r"(?:this|the) (?:article|post) (?:is sponsored|contains affiliate links).{0,160}",
    ),
    # -- photo credits and captions --
    LineRule(
        "photo_credit",
        "photo_credit",
        r"[(\[]?(?:photo|image|picture|video|photograph|illustration|graphic|featured image|top image)s?"
        r"\s*(?:(?:credits?|courtesy(?: of)?|source|by|via)\s*:?|:|\|)\s*[^\n]{1,100}?[)\]]?",
    ),
    LineRule(
        "credit_only",
        "photo_credit",
        r"[(\[]?(?:(?:credits?|courtesy|copyright)\s*:\s*.{1,80}|©\s*.{1,80}|courtesy of .{1,60}|"
        r"copyright\s+(?:©\s*)?\d{4}.{0,80})[)\]]?",
    ),
    LineRule(
        "agency_credit",
        "photo_credit",
        r"[(\[]?(?:[\w .'’-]{0,60}/\s*(?:getty images|reuters|ap|afp|epa|shutterstock|istock|pool)"
        r"(?:\s*(?:via|/)\s*[\w .'’-]{1,40})?|(?:reuters|ap|afp|epa)(?: photo)?\s*/\s*[\w .'’-]{1,40}"
        r"|getty images|shutterstock)[)\]]?",
    ),
    LineRule(
        "image_caption_label",
        "caption",
        r"(?:image|photo|media) (?:caption|copyright|source)\s*[:,]?.{0,300}",
    ),
    # -- navigation --
    LineRule(
        "navigation",
        "navigation",
        r"(?:continue reading|read (?:the )?(?:full|more|rest)(?: (?:story|article|post))?|"
        r"click here (?:to|for) .{1,80}|skip to (?:main )?content|back to top|next (?:page|article|post)|"
        r"previous (?:page|article|post)|(?:older|newer) posts?|home\s*[»>›].{0,160}|"
        r"tags?:.{0,200}|filed under:?.{0,200}|categories?:.{0,200}|source:\s*https?://\S+|"
        # A share tool's tracking link ("Read more at http://...#vkm4PE8kH6Ybdo3m.99").
        r"read more\b.{0,60}?https?://\S+)"
        r"\s*[»>›.:]*",
    ),
    # A blog's archive menu ("Blog Archives Select Date… December, 2015 November, 2015 ...").
    LineRule(
        "archive_menu",
        "navigation",
        rf"[\w ]{{0,40}}?(?:archives?\s*)?select (?:a )?(?:date|month)\s*(?:…|\.{{3}}|\?)?\s*(?:{_MONTH},?\s+\d{{4}}\s*){{2,}}",
    ),
    # -- media embeds --
    # CNN's flattened video player: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 01:45".
    LineRule("video_player", "caption", r"just watched .{1,200}? replay more videos\b.{0,220}"),
    # -- bylines and date lines at the top (kept as metadata) --
    LineRule(
        "byline",
        "byline",
        rf"(?:by|written by|posted by|author:?|reporting by)\s+(?P<author>{NAME}(?:(?:,| and| &)\s+{NAME})*)"
        rf"(?:\s*[,|–—-]\s*[\w .]{{1,40}})?(?:\s*(?:on|[|•·,–—-])?\s*(?P<date>{DATE}))?",
        position="top",
    ),
    LineRule(
        "posted_on",
        "dateline",
        rf"(?:posted|published|updated|last updated|first published)(?: on| at)?:?\s*(?P<date>{DATE})"
        rf"(?:\s*(?:by|[|•·])\s*(?P<author>{NAME}))?",
        position="top",
    ),
    LineRule("date_only", "dateline", rf"(?P<date>{DATE})", position="top"),
    # A byline label whose names the scraper lost ("Authors:" closing 55 fakenewsnet articles): with
    # nothing after it, it is no sentence wherever it stands.
    LineRule("author_label", "byline", r"(?:authors?|written by|posted by|contributors?)\s*:"),
    # -- a site's notices about the article rather than the news --
    LineRule(
        "disclaimer",
        "site_boilerplate",
        r"(?:disclaimer:\s*)?the (?:views|opinions)(?: and (?:views|opinions))? expressed (?:in this .{1,60}? )?"
        r"are (?:solely |entirely )?(?:those of the|the (?:author|writer)|their|his|her).{0,240}",
    ),
    LineRule(
        "syndication",
        "site_boilerplate",
        r"this (?:article|story|post) (?:was|has been|is) (?:originally )?(?:published|posted|contributed|"
        r"republished|reprinted) (?:by|on|at|in|from|with permission).{1,200}|"
        r"(?:republished|reprinted|reposted) with (?:the )?permission (?:of|from) .{1,200}|"
        r"we encourage you to share and republish .{1,160}",
    ),
)

BLOCK_HEADERS: tuple[BlockHeader, ...] = (
    BlockHeader(
        "you_may_also_like",
        "related",
        r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|we recommend|recommended"
        r"(?: for you| stories| articles| reading)?|more (?:stories|articles|news|top stories)"
        r"(?: from .{1,60})?|more from .{1,60}|related(?: posts| articles| stories| news| content| "
        r"coverage| links)?|trending(?: now| stories| news)?|popular(?: now| posts| stories)?|"
        r"most (?:read|popular|viewed|shared)|don'?t miss|what'?s hot|editor'?s picks|top stories|"
        r"from (?:around|across) the web|around the web|you may have missed|latest (?:news|posts|stories)|"
        r"sponsored stories|promoted stories|read next|up next|also read|see also|further reading"
        r"[:.]?",
    ),
    # "Headline:" is one platform's promoted story, the same one on every page of a day (130 items of
    # fakenewscorpus_sample, "Headline: Bitcoin & Blockchain Searches Exceed Trump! ..."); no set has
    # the label on a line of its own in any other use.
    BlockHeader(
        "inline_related",
        "related",
        r"(?:related|read more|read also|also read|see also|more|must read|recommended|"
        r"watch|listen|headline)\s*[:|»>-]\s*(?P<teaser>.{8,200})",
        inline_teaser=True,
    ),
)

# A related-link label inside a line, after a sentence or at the line's start with prose after it:
# news sites' related links that flattening glued into the paragraph ('... were hit. RELATED: Clinton
# puts Trump on defense at first debate "I just think ...," he told Bash.'): 94 in the seven article
# sets, mostly CNN's. Left in, the headline runs into the next sentence and its names become the
# subjects the parse and the pronouns go by. Only labels written so; "More:" alone is too common.
GLUED_RELATED = (
    r"(?:(?<=[.!?\"”’)])[ \t]+|^)(?:RELATED|Related|MORE|READ MORE|Read more|Read More|SEE ALSO|See also|"
    r"See Also|ALSO READ|Also read|TRENDING|Trending):(?:[ \t]+(?=\S)|(?=[A-Z]))"
)

# Words that open a news sentence and, capitalised, close a sentence-case headline glued before it
# ("... for very different reasons But the array ..."). A closed list: a name or any other word
# could as well go on the headline, so a teaser with none of these after it is left in place.
SENTENCE_OPENERS = frozenset(
    """The A An This That These Those It Its He She They We I You His Her Their Our There Here
    But And Yet So Still Even Also Now Then Meanwhile However Although Though While When After
    Before As If In On At For By From With Without During Since Despite According Under Over
    Some Many Most Several One Two Asked Earlier Later Last What Who Why How""".split()  # noqa: SIM905
)

# Words a headline does not end on: a capital after them is still the headline's.
HEADLINE_GLUE = frozenset("the a an of to and or for in on at by from with as its his her their".split())  # noqa: SIM905


# Text after a pipe or in parentheses that credits a photo, inside a longer line; and an agency's
# name alone after a pipe, as Politico's flattened captions leave it ("... said. | Getty Trump
# praises ...": about 230 items of misinfotext and fakenewsnet, nearly all reliable).
INLINE_CREDIT = (
    r"\s*(?:[|•]\s*(?:photo|image|picture)\s*(?:credits?)?\s*:?\s*[^|.()\n]{2,60}"
    r"|\((?:photo|image|picture)\s*(?:credits?|by|:)\s*:?\s*[^()\n]{2,80}\)"
    r"|[|•]\s*(?:getty images|getty|ap photo|reuters|afp(?: photo)?|epa|shutterstock)(?=\s|$))"
)


# A news agency's dateline at the start of a line, which flattening often glues to the first word
# ("Portland, Maine (CNN)Anna Berg, speaking ...", "DENVER (AP) - The city ..."): some 370 lines in
# buzzfeed_webis and the other sets. Left in, the parse reads "CNN)Anna Berg" as one name and
# the place as the subject of the first sentence. Only the agencies' own tags, and only before a
# capital, a quotation mark or the end of the line, so "the Associated Press (AP) reported" stays.
AGENCY_DATELINE = (
    r"(?:[A-Z][\w.'’-]*(?:,?[ \t]+[A-Z][\w.'’-]*){0,4}[ \t]*)?"
    r"\((?:CNN|CNNMoney|CNN Money|AP|Reuters|AFP|UPI|Bloomberg|Xinhua|TASS|dpa|EFE|PTI|IANS|ANI)\)"
    r"[ \t]*(?:[-–—]+[ \t]*)?(?=[A-Z\"“‘']|$)"
)

# CNN's label over its summary bullets, glued to the first of them ("Story highlights The council
# voted ..."; about 200 items): the bullets are the publisher's summary and stay.
HIGHLIGHTS_LABEL = r"story highlights[ \t]*:?[ \t]*(?=(?-i:[A-Z\"“‘'])|$)"


# A page that closes its article with the image credit and then shows the next story's teaser, flattened
# into the article's last line ("... a member of. Featured image via Andrew Burton/Getty Images  Trump
# told us EXACTLY who he will favor as president."; eight BuzzFeed-Webis items, each at the text's
# end): the credit and the teaser after the spaces are cut, the teaser as a related headline. Only
# after a sentence's end and only up to the end of the line.
CLOSING_CREDIT_TEASER = (
    r"(?<=[.!?:\"”’)\]…])[ \t\xa0]+(?P<credit>featured image (?:via|by)[ \t\xa0]*[^\n]{1,80}?)[ \t\xa0]{2,}"
    r"(?P<teaser>(?-i:[A-Z\"“‘'])[^\n]{1,300}?)[ \t\xa0]*$"
)

# A scraper that was turned away keeps the bot check or the refusal instead of the article: 1,084
# of coaid's 5,457 items are "this website is using a security service to protect itself from
# online attacks". Only a short text is checked, so an article that reports such a page stays.
BLOCKED_PAGE_MAX_WORDS = 120
# Only the services' own wording: "verify you are human" or "access denied" could be a sentence.
BLOCKED_PAGE = (
    r"security service to protect itself from online attacks|checking your browser before accessing|"
    r"attention required!? \| cloudflare|used cloudflare to restrict access|"
    r"request unsuccessful\. incapsula incident|access to this page has been denied because we believe|"
    # Social sites' walls and a server's redirect notice, as coaid and buzzfeed_webis keep them.
    r"javascript is disabled in your browser|you must log in to continue|do you want to join facebook|"
    r"join this group to post and comment|the document has moved here"
)


@dataclass(frozen=True)
class InlineRule:
    """Furniture a flattened page glues into a line of prose, between two of its sentences.

    ``pattern`` is matched case-sensitively at a sentence edge (after ., !, ?, a colon, a closing
    mark or an ellipsis, after two spaces, or at the line's start); ``key`` is a string every match
    holds, so texts and lines without it skip the search."""

    name: str
    kind: str
    pattern: str
    key: str
    # A prompt worded so that no prose says it may stand anywhere: after a notice cut before it.
    anywhere: bool = False


# A teaser list's time stamp and byline: "11/19/16, 3:14 PM CET BY ".
_STAMP_BY = r"\d{1,2}/\d{1,2}/\d{2,4}, \d{1,2}:\d{2} [AP]M [A-Z]{2,4} BY "
_MONTH_YEAR = r"(?:January|February|March|April|May|June|July|August|September|October|November|December),? \d{4}"


def _site_notice(opening: str, full: str, wording: str) -> str:
    """A site's notice that opens with the words ``opening``: whole (``full`` is the pattern of what
    follows them), or cut short where the set cut its text, when nothing but the notice's own words
    (those of ``wording``) and part of one more follow them to the line's end. Any case: the sets
    lower-case some texts."""
    words = sorted(set(re.findall(r"\w+", wording.lower())), key=len, reverse=True)
    return rf"(?i:{re.escape(opening)}(?:(?:[ \t.-]+(?:{'|'.join(words)}))*(?:[ \t.-]+\w{{1,14}})?\.?$|{full}))"


# The notices' wording, every version's words in one text.
_DATA_NOTICE = (
    "All data and statistics are based on publicly available data at the time of publication. Some information "
    "may be out of date. Visit our coronavirus hub and follow our live updates page for the most recent "
    "information on the COVID-19 pandemic (or outbreak)."
)
_HUB_PROMPT = (
    "Stay informed with live updates on the current COVID-19 outbreak and visit our coronavirus hub for more "
    "advice on prevention and treatment."
)
_TOOLS_DISCLAIMER = (
    "Content describing non-CDC tools on this site is provided for informational purposes only and is not "
    "intended to indicate endorsement, actual or implied, of the tools. Additionally, information on this site "
    'is provided "as is" for users to evaluate and make their own determination as to their effectiveness.'
)

# Engagement prompts and site notices that the sets glue into their paragraphs: found by counting
# 6- to 10-word runs that recur across the sets' clean texts (each below in 10 to 460 items).
INLINE_RULES: tuple[InlineRule, ...] = (
    # "Download our NEW Occupy Democrats app for your iPhone by clicking here or ..."
    InlineRule(
        "app_prompt",
        "subscribe",
        r"Download (?:our|the) (?:(?:NEW|new|FREE|free|official) )?[\w’'& -]{1,40}? app\b[^.!?\n]{0,160}[.!?]",
        "ownload ",
        anywhere=True,
    ),
    # "Add your name to millions demanding that Congress ... IMPEACH DONALD TRUMP!"
    InlineRule(
        "petition_prompt",
        "subscribe",
        r"Add your name (?:to|and) [^.!?\n]{1,160}[.!?](?:[ \t]+(?-i:[A-Z][A-Z ,’']{2,60})!+)?",
        "Add your name",
    ),
    # ABC News: "Interested in New York? Add New York as an interest to stay up to date ... Add Interest"
    InlineRule(
        "follow_topic",
        "subscribe",
        r"Interested in [^?\n]{0,80}\?[ \t]+Add (?:[^.\n]{1,80} )?as an interest\b[^.\n]{0,200}\.(?:[ \t]*Add Interest)?",
        "as an interest",
    ),
    # "The views expressed in this opinion article are solely those of their author and are not
    # necessarily either shared or endorsed by EagleRising.com Get your daily dose ..."
    InlineRule(
        "opinion_disclaimer",
        "site_boilerplate",
        r"The (?:views|opinions) expressed in this [^.\n]{0,60}?(?:article|post|piece|column|blog|op-ed) are "
        r"[^\n]{0,160}?(?:\.(?=\s|$)|(?=[ \t]{2}|[ \t]+(?:Get|Sign|Subscribe|Join|Follow)\b)|$)",
        "expressed in this",
        anywhere=True,
    ),
    # "... comply. Reposted With Permission From Constitution.com": the line rule's notice, inside a line.
    InlineRule(
        "syndication",
        "site_boilerplate",
        r"(?:Reposted|Republished|Reprinted) [Ww]ith (?:[Tt]he )?[Pp]ermission (?:[Oo]f|[Ff]rom) [^\n]{1,80}?"
        r"(?:\.(?=\s|$)|(?=[ \t]{2})|$)",
        "ermission",
    ),
    # A site's rules for the comments under the article, to the end of their paragraph ("Please adhere
    # to our commenting policy to avoid being banned. As a privately owned website, we reserve ...").
    InlineRule(
        "comment_policy",
        "comment_form",
        r"(?:Please )?(?:[Aa]dhere|[Rr]efer) to our comment(?:ing)? policy\b[^\n]{0,1200}",
        "to our comment",
    ),
    # A photo agency's credit glued between two sentences, with the photographer before it or not
    # ("... than you think. getty images the mental health ...", "... treatments. xinhua zhang yuwei via
    # getty images scientists ..."; 340 coaid texts, whose bodies come lower-cased). Written with
    # capitals, only before a capital, so "Getty Images declined to comment" stays a sentence.
    InlineRule(
        "agency_credit_glued",
        "photo_credit",
        # The photographer's name starts with no space: spaces before it are the edge's, and a name
        # that could start with them let a run of spaces be split three ways.
        r"(?:(?:[^\s.!?][^\n.!?]{0,79}?[ \t]+)?via[ \t]+)?(?:Getty Images(?=[ \t]+[A-Z\"“])|getty images(?=[ \t]+[a-z]))",
        "etty ",
    ),
    # CNN's photo gallery flattened into the text: "Photos: <gallery> <caption> Hide Caption 1 of 9
    # Photos: <gallery> <caption> Hide Caption 2 of 9 ...", up to its last caption.
    InlineRule(
        "photo_gallery",
        "caption",
        r"Photos: [^\n]{1,1500}? Hide Caption 1 of (?P<n>\d{1,3})(?:[^\n]{1,1500}? Hide Caption \d{1,3} of (?P=n))*",
        "Hide Caption",
        anywhere=True,
    ),
    # A site's list of its latest stories run into the text, three entries or more, each a time stamp,
    # its writers and a teaser ("11/19/16, 3:14 PM CET BY Chris Spillane So is ... said. 11/19/16, 1:55
    # PM CET BY ..."; 50 entries opening 10 buzzfeed items), up to the last teaser's first sentence.
    InlineRule(
        "latest_list",
        "related",
        rf"(?:{_STAMP_BY}[^\n]{{1,400}}?(?= {_STAMP_BY})[ \t]*){{2,}}{_STAMP_BY}[^\n]{{1,300}}?[.!?](?:[ \t]+(?=[A-Z\"“])|[ \t]*$)",
        " BY ",
        anywhere=True,
    ),
    # POLITICO Europe's footer: "© 2016 POLITICO SPRL Log in to access content and manage your profile. ..."
    InlineRule(
        "login_prompt",
        "subscribe",
        r"(?:© ?\d{4} [^\n]{1,60}? )?Log in to access [^.\n]{1,100}\.(?:[ \t]+If you do not have a login[^.\n]{0,80}\.)?",
        "Log in to access",
    ),
    # CNN's flattened video player inside a paragraph: "JUST WATCHED <title> Replay More Videos ...
    # MUST WATCH <title> 01:30".
    InlineRule(
        "video_player",
        "caption",
        r"JUST WATCHED [^\n]{1,200}? Replay More Videos[ .…]*(?:MUST WATCH [^\n]{1,200}? \d{1,2}:\d{2}(?!\d))?",
        "Replay More Videos",
        anywhere=True,
    ),
    # A blog's archive menu run into the text ("On Media Blog Archives Select Date… December, 2015 ...").
    InlineRule(
        "archive_menu",
        "navigation",
        r"(?:[\w ]{0,40}?Archives?[ \t]*)?Select (?:a )?(?:Date|Month)[ \t]*(?:…|\.{3}|\?)?[ \t]*"
        rf"{_MONTH_YEAR}(?:[ \t]+{_MONTH_YEAR})+",
        "Select ",
    ),
    # "Get your daily dose of Eagle Rising by entering your email address below."
    InlineRule(
        "email_prompt",
        "subscribe",
        r"(?:Get|Sign up for|Subscribe to) [^.!?\n]{1,80} by entering your email(?: address)?(?: below)?[.!]?",
        "entering your email",
        anywhere=True,
    ),
    # A "Read more" link left at the end of a paragraph's last sentence (CNN's flattened pages: "...
    # said. Read More"; some 200 items of MisInfoText) or after a teaser cut short ("government's..Read
    # more"). Only at the line's end and only as a link writes it, so prose ("read more of it") stays.
    InlineRule(
        "trailing_read_more",
        "navigation",
        r"(?:(?<=[.!?\"”’)\]])[ \t]+|(?<=\.\.)|(?<=…))Read [Mm]ore(?:\.{2,3}|…|[?»>›])?$",
        "Read ",
        anywhere=True,
    ),
    InlineRule(
        "trailing_read_more",
        "navigation",
        r"(?:(?<=[.!?\"”’)\]])[ \t]+|(?<=\.\.)|(?<=…))READ MORE(?:\.{2,3}|…|[?»>›])?$",
        "READ MORE",
        anywhere=True,
    ),
    # "Please go to Campus Reform to read the rest of the story and watch the VIDEO…", "Read the rest
    # of the story at www.iPatriot.com", "Read the rest of his opinion piece here."
    InlineRule(
        "read_the_rest",
        "navigation",
        r"(?:Please )?(?:(?:[Gg]o|[Cc]lick) (?:to|here|over to) [^.!?\n]{0,60}?to )?[Rr]ead the rest of "
        r"(?:the|this|his|her|their) (?:\w+ )?(?:story|article|post|piece|column)\b[^!?\n…]{0,100}?"
        # It runs to its full stop, or to the two spaces where the flattened page's next block began.
        r"(?:\.{3}|…|\.(?=\s|$)|(?=[ \t]{2})|$)",
        "ead the rest of",
    ),
    # A pop-up's book promotion flattened between two sentences, from its close button (×, or the "—"
    # or "?" an encoding left of it) to its call to buy ("there. × 101 Things All Young Adults Should
    # Know by Sir John Hawkins John Hawkins's book ... chapters. Buy Now In fact, ..."; 161 items of
    # the 2016 sets).
    InlineRule(
        "popup_promo",
        "advertising",
        r"(?:×|—|(?<= )\?)[ \t]+[^\n×—?]{1,200}? by [^\n×—?]{1,200}?['’]s book\b[^\n×—]{1,600}?"
        r"[ \t]+(?:Buy|Order) Now(?![a-z])[.!]?",
        "s book",
        anywhere=True,
    ),
    # A health site's notice under each article ("All data and statistics are based on publicly available
    # data at the time of publication. Some information may be out of date. Visit our coronavirus hub
    # ..."; 455 coaid items, in lower case, most cut short where the set cut the text), and its prompt
    # inside the text (21 items).
    InlineRule(
        "data_disclaimer",
        "site_boilerplate",
        _site_notice(
            "all data and statistics are based",
            r"[ \t]+on publicly available data at (?:the )?time of publication\."
            r"(?:[ \t]+some information may be out of date\."
            r"(?:[ \t]+visit our coronavirus hub and follow our live updates page for (?:the )?most recent "
            r"information on (?:the )?(?:covid-19|coronavirus)(?: pandemic| outbreak)?\.)?)?",
            _DATA_NOTICE,
        ),
        "tatistics are based",
        anywhere=True,
    ),
    InlineRule(
        "hub_prompt",
        "navigation",
        _site_notice(
            "stay informed with live updates on",
            r"[ \t]+(?:the )?current (?:covid-19|coronavirus) outbreak and visit our coronavirus hub for more advice on "
            r"prevention and treatment\.",
            _HUB_PROMPT,
        ),
        "ive updates on",
        anywhere=True,
    ),
    # A health agency's disclaimer of the tools it links to (29 coaid items).
    InlineRule(
        "tools_disclaimer",
        "site_boilerplate",
        _site_notice(
            "content describing non",
            r"[- ]cdc tools on this site is provided for informational purposes only[^\n]{0,80}?of (?:the )?tools\."
            r"(?:[ \t]+additionally,? information on this site is provided [\"“]?as is[\"”]?[^\n]{0,120}?"
            r"effectiveness\.)?",
            _TOOLS_DISCLAIMER,
        ),
        "ontent describing non",
        anywhere=True,
    ),
    # A share bar and a mailing list's form (with its field for bots) opening the text: "Share Tweet Email
    # address: Leave this field empty if you're human: According to ..." (14 misinfotext items).
    InlineRule(
        "signup_form",
        "subscribe",
        r"(?:Share[ \t]+Tweet[ \t]+)?Email(?: address)?:[ \t]+Leave this field empty if you['’]re human:?",
        "Leave this field empty",
    ),
    # A medical site's masthead and date opening each item ("what your doctor is reading on medscape.com
    # april 30 2020 -- here are ..."; 278 coaid items).
    InlineRule(
        "site_masthead",
        "site_boilerplate",
        r"(?i:what your doctor is reading on medscape\.com)"
        r"(?:[ \t]+(?i:updated[ \t]+)?[A-Za-z]{3,9}\.? \d{1,2},? \d{4})?(?:[ \t]*(?:--|—))?",
        "edscape.com",
    ),
)

# Ad markers that a flattened page leaves between two sentences ("... last week. Story Continued
# Below The rescheduling ...", "... a show. Story Continued BelowClinton campaign ..."): Politico's
# exact title-case marker wherever it stands (some 790 articles of the 2016 sets carry a marker,
# most inside a line); the generic ones only at a sentence edge, where no sentence of prose says them.
INLINE_AD = (
    r"[ \t]*\b(?:Advertisement[ \t]*[-–—:]?[ \t]*)?Story Continued Below(?![a-z])"
    r"|(?:(?<=[.!?\"”’)\]])|^)[ \t]*"
    r"(?i:(?:advertisement[ \t]*[-–—:]?[ \t]*)?"
    r"(?:(?:story|article) continues below(?: advertisement)?"
    r"|continue reading (?:the main story|below(?: the advertisement\.?)?)))"
    r"(?=[\s“\"A-Z]|$)"
)


def compile_line_rules(rules: tuple[LineRule, ...] = LINE_RULES) -> re.Pattern[str]:
    """One alternation with a named group per rule, so a line costs one match
    and ``match.lastgroup`` names the rule that fired."""
    parts = [f"(?P<r{i}>{_anonymous(rule.pattern)})" for i, rule in enumerate(rules)]
    return re.compile(r"(?:" + "|".join(parts) + r")", re.IGNORECASE)


def compile_block_headers(headers: tuple[BlockHeader, ...] = BLOCK_HEADERS) -> re.Pattern[str]:
    parts = [f"(?P<h{i}>{_anonymous(h.pattern)})" for i, h in enumerate(headers)]
    return re.compile(r"(?:" + "|".join(parts) + r")", re.IGNORECASE)


def _anonymous(pattern: str) -> str:
    # Rules reuse group names (author, date); inside the combined alternation
    # they must be anonymous, and the rule's own regex extracts them afterwards.
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def compile_rule(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# A straight quotation mark doubled, and not part of a longer run of them.
DOUBLED_MARK = re.compile(r'(?<!")""(?!")')

# A text with this many question marks where none goes (opening a word, or right after a comma or
# full stop) stands for an export that wrote "?" for every character it could not encode.
QUESTION_FOR_MARK_MIN = 3
