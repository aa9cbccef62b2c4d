"""Who and what a sentence names: the graph's entities by their labels, aliases and cue words (exactly, or a
proper name spelt another way), and the people it names with an office whom the graph does not know yet."""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass

from anyascii import anyascii

from .gazetteer import Gazetteer
from .outsiders import TRADE
from .review import Candidate, Mention
from .wording import DATELINE, NO_PARTY

__all__ = ["Role", "affiliations", "candidate_id", "mentions", "people", "roles", "unknown_names", "with_people"]


def mentions(sentence: str, gazetteer: Gazetteer) -> list[Mention]:
    """The entities a sentence names, longest phrases first: words a longer name took ("European Union") are not
    read again as a shorter one ("European")."""
    sentence = _WIRE_LABEL.sub(lambda label: " " * len(label.group()), sentence)  # "EXCLUSIVE-U.S. weighs …"
    words = re.findall(r"[\w’'.-]+", sentence)
    found: dict[str, Mention] = {}
    dateline = DATELINE.match(sentence)  # "RIGA, 16 January —", "KYIV, July 12 (Made-up Wire) -": no party
    taken: set[int] = set(range(len(re.findall(r"[\w’'.-]+", dateline.group())))) if dateline else set()
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            if taken.issuperset(range(start, start + size)):
                continue
            phrase = " ".join(words[start:start + size]).strip(".,;:’'")
            key = gazetteer.lookup(phrase)
            if key is not None and phrase.islower() and start and (
                    words[start - 1].casefold() in _EVERY and not gazetteer[key][2]
                    or gazetteer[key][2] and (words[start - 1].casefold() in _WHOSE | _SENT
                                              or _owned_by(words[start - 1], gazetteer))):
                continue  # "every peace plan": any of a kind; "its experts", "EU diplomats": someone's own;
                # "contribute experts to a mission": people sent, not the readers the group stands for
            if key is None and size == 1 and (compound := _BY_WHOM.fullmatch(phrase)):  # "Saudi-hosted talks"
                key, phrase = gazetteer.lookup(compound.group(1)), compound.group(1)
            public = bool(start) and phrase[:1].isupper() and phrase.endswith("s") \
                and not phrase.endswith(("'s", "’s")) and words[start - 1].casefold() in _SHARE_OF  # not "of Ukraine's"
            if key is not None and _a_place(words, start, size, phrase != gazetteer[key][1]):
                continue
            if key is not None and start and _BODY_NAME.search(phrase) and re.fullmatch(
                    r"(?-i:[A-Z])[\w-]*['’]s", words[start - 1]) and _owned_by(words[start - 1], gazetteer):
                continue  # "Russia's Security Council": the state's own body, not the UN's (but "Ukraine's EU bid")
            if key is not None:
                entity, label, actor = gazetteer[key]
                found.setdefault(entity, Mention(phrase, entity, label, 1.0, actor and not public))
                taken.update(range(start, start + size))
                continue
            if size <= 2 and phrase[:1].isupper() and len(phrase) >= 3:  # a name, spelt otherwise
                close = gazetteer.closest(phrase.casefold())
                if close:
                    entity, label, actor = gazetteer[close]
                    score = round(difflib.SequenceMatcher(None, phrase.casefold(), close).ratio(), 2)
                    if entity not in found:
                        found[entity] = Mention(phrase, entity, label, score, actor and not public)
    return sorted(found.values(), key=lambda m: sentence.casefold().find(m.text.casefold()))


_VENUE = {("met", "in"), ("meet", "in"), ("meeting", "in"), ("talks", "in"), ("summit", "in"), ("held", "in"),
          ("gathered", "in"), ("convened", "in"), ("again", "in"), ("met", "at"), ("talks", "at"), ("conference", "in"),
          ("conference", "at"), ("held", "at"), ("event", "in"), ("forum", "in"), ("ceremony", "in"),
          ("brokered", "in"), ("signed", "in"), ("reached", "in"), ("agreed", "in"), ("discussed", "in"),
          ("negotiated", "in"), ("hotel", "in"), ("resume", "in"), ("resumed", "in"), ("opened", "in"),
          ("embassy", "in"), ("embassies", "in"), ("consulate", "in"), ("ambassador", "in"), ("mission", "in")}
"""Words before a city that make it where something takes place ("met in Riga") or where a party's post is
("Russia's embassy in Washington"), not its government."""


def _a_place(words: list[str], start: int, size: int, alias: bool) -> bool:
    """Whether the name at ``words[start:start + size]`` only says where: it locates a body that is no party ("a
    Warsaw think tank", "a Kyiv polling institute"), or, an alias such as a capital, a meeting's venue."""
    after = " ".join(words[start + size:start + size + 2])
    if NO_PARTY.search(after) and not _FIGURES.match(after) and not _VERB_NEXT.match(after):  # "a Kyiv polling
        return True  # institute", not "Ukrainian estimates" nor "Berlin would study the remarks"
    if alias and words[start].istitle() and not _PEOPLES.search(words[start]) and _A_TRADE.match(after):
        return True  # "a London insurer said": a city locates one of a trade, no party ("Polish farmers" are the
        # state's people, named as such; "the UN refugee agency" is the UN's)
    if alias and _TONGUE.match(after):  # "the rights of Russian speakers": a language, not the state
        return True
    if alias and words[start + size:start + size + 1] and _NAMED_AFTER.fullmatch(words[start + size]) and \
            words[start][:1].isupper() and "-" not in words[start] and not re.search(r"['’]s$", words[start]):
        return True  # "the Helsinki Security Forum", "the Minsk Agreements": a name's word, not its state (but
        # "Turkish-brokered talks" are Turkey's, and "Russia's Security Council" is Russia's)
    if alias and start >= 2 and words[start - 1] == "in" and words[start - 2].casefold() in _NO_ONE:
        return True  # "Few in Chisinau expect …": where they are, not the state
    if alias and start >= 2 and words[start - 1] == "in" and _A_TRADE.fullmatch(words[start - 2]):
        return True  # "a senior banker in Brussels": where one of no party works
    opening = start == 1 and words[0] == "In" and not _UNNAMED_THERE.match(" ".join(words[start + size:][:5]))
    # "In Moscow, President Putin said …": where he said it; "In Moscow, a ministry spokeswoman said …": Moscow's
    listed = start - 1  # "talks in Warsaw, Berlin and Paris": the list after a venue's "in" is venues too
    while listed >= 1 and listed > start - 6 and (words[listed] == "and" or words[listed][:1].isupper()):
        listed -= 1
    if alias and listed < start - 1 and listed >= 1 and words[listed] == "in" \
            and (words[listed - 1].casefold(), "in") in _VENUE:
        return True
    return alias and not _PEOPLES.search(words[start]) and (
        opening or start >= 2 and (words[start - 2].casefold(), words[start - 1].casefold()) in _VENUE)


_A_TRADE = re.compile(TRADE + r"\b", re.I)
_BODY_NAME = re.compile(r"\b(?:Council|Commission|Assembly|Committee|Court)\b")
_PEOPLES = re.compile(r"(?:ian|ean|ican|ish|ese)$")
"""A people's adjective ("held in Russian captivity"): it qualifies what follows, it is no venue."""
_UNNAMED_THERE = re.compile(r"(?:(?:a|an|the)\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,3}?(?:spokes(?:man|woman|person)|"
                            r"officials?|ministry|government|aides?|diplomats?|authorities)\b", re.I)
"""An unnamed speaker after a capital that opens the sentence ("In Moscow, a foreign ministry spokeswoman"): the
capital says whose they are."""
_VERB_NEXT = re.compile(r"(?:would|will|could|can|should|must|may|might|has|have|had|is|are|was|were|does|did)\b",
                        re.I)
"""A verb right after a name: the name is its subject, whatever noun follows ("Berlin would study …")."""
_NO_ONE = {"few", "fewer", "nobody", "critics"}
_NAMED_AFTER = re.compile(r"Security|Forum|Conference|Summit|Format|Process|Agreements?|Accords?|Protocol|"
                          r"Declaration|Communiqu[eé]|Memorandum|Charter|Court|Dialogue|Initiative|Institute|University|Times|Post|Airport|"
                          r"(?-i:talks|summit|format|process|round)")
"""Words after a capital that make it part of a name ("Munich Security Conference", "Minsk Agreements"), or a
meeting's venue ("the Riyadh talks", "the Istanbul round")."""
_BY_WHOM = re.compile(r"([A-Z][\w’']+)-(?:hosted|brokered|drafted|led|backed|sponsored|mediated|proposed|made|built|"
                      r"installed|appointed)")
"""A compound naming who did it ("Saudi-hosted", "US-drafted", "Turkish-brokered"): its first part names a party."""
_FIGURES = re.compile(r"(?:data|statistics|figures|estimates|records|tallies)\b", re.I)
"""Figures after a party's name are the party's own ("Ukrainian estimates"), a source it vouches for, not a place."""
_WIRE_LABEL = re.compile(r"^(?-i:[A-Z]{4,})(?:\s\d+)?[-–]")
"""A wire's label joined to a title ("EXCLUSIVE-", "FACTBOX-", "UPDATE 2-"): no part of the first name."""
_TONGUE = re.compile(r"(?:speakers|speaking(?!\s+(?:after|before|in|at|to|on|from|during|with|by|for|of)\b)|language|"
                     r"Orthodox|Church)\b", re.I)
"""Words after a people's adjective that make it a language or a church ("Russian speakers"), not the state — not
a speaker's circumstance ("Zelensky, speaking after him, …")."""
_EVERY = {"every", "each", "another"}
"""Words before a common noun that make it any of its kind ("every peace plan"), not the one thing it names."""
_SHARE_OF = {"most", "many", "few", "some", "of", "all"}
"""Words before a people's plural name that make it the public, not the state: "most Ukrainians oppose …",
"62 per cent of Ukrainians" (what the state holds is not polled)."""
_SENT = {"send", "sends", "sent", "contribute", "contributes", "contributed", "deploy", "deploys", "deployed",
         "dispatch", "dispatches", "dispatched", "provide", "provides", "provided"}
"""Verbs of sending people: the common name after them ("send experts") is those sent, not a group that speaks."""
_WHOSE = {"its", "their", "his", "her", "our"}
"""Words before a common name of people that make them someone's own ("the IAEA said its experts …"), not the
group the name stands for (analysts, diplomats)."""


def _owned_by(word: str, gazetteer: Gazetteer) -> bool:
    """Whether ``word``, before a common name of people, names the party they belong to ("EU diplomats")."""
    key = gazetteer.lookup(word.strip("’'"))
    return word[:1].isupper() and key is not None and gazetteer[key][2]


def with_people(sentence: str, gazetteer: Gazetteer) -> list[Mention]:
    """The sentence's mentions, with the people it names with an office whom the graph does not know yet (their
    IRI is the one accepting their affiliation will define): such a person can be the speaker."""
    found = mentions(sentence, gazetteer) + [person for _, person, _, _ in people(sentence, gazetteer)]
    return sorted(found, key=lambda m: sentence.casefold().find(m.text.casefold()))


def people(sentence: str, gazetteer: Gazetteer, around: Mention | None = None
           ) -> list[tuple[Role, Mention, Mention | None, str]]:
    """Each person named with an office whom the graph does not know: the role as written, a mention of the new
    person, the actor the office belongs to if the office names it ("Russian", "Ukraine's", "Kremlin") — else
    ``around``, the party the page was speaking of just before ("Germany's parliament voted …. Defence Minister
    <Name> said …") — and the office without it ("Defence Minister")."""
    found, known = [], [m.text.casefold() for m in mentions(sentence, gazetteer)]
    for role in roles(sentence):
        if gazetteer.lookup(role.name) or gazetteer.lookup(role.name.split()[-1]):
            continue  # a person the graph knows
        if any(role.name.casefold() in name for name in known):
            continue  # part of a longer name it knows: "head of the International Atomic Energy Agency"
        owners = [] if role.profession else [m for m in mentions(role.office, gazetteer) if m.actor]
        office = role.office
        if re.match(r"(?:its|their)\s", office):  # "Germany appointed <Name> as its envoy": the subject's
            owners = [m for m in mentions(sentence[:role.start], gazetteer) if m.actor][:1]
            office = office.split(" ", 1)[1]
        for owner in owners:
            office = re.sub(rf"{re.escape(owner.text)}(?:['’]s)?\s*", "", office, count=1)
        iri = "dgr:" + re.sub(r"[^a-z0-9]+", "-", anyascii(role.name).lower()).strip("-")
        owner = owners[0] if owners else None if role.profession else around
        found.append((role, Mention(role.name, iri, role.name, 1.0, actor=True), owner, office.strip() or role.office))
    return found


def candidate_id(words: str, document: str = "") -> str:
    """A candidate's id: its words' within ``document`` (a line two pages share makes a candidate in each)."""
    return hashlib.sha1((f"{document}\0{words}" if document else words).encode()).hexdigest()[:10]


def affiliations(sentence: str, gazetteer: Gazetteer, author: str | None, document: str = "",
                 around: Mention | None = None) -> list[Candidate]:
    """A candidate Affiliation for each new person the sentence names with an office: the words that say it are
    the quote, the author asserts it (the article states who holds the office). An office that names no party is
    of ``around``'s, the party spoken of just before (see ``people``)."""
    drafted = []
    for role, person, owner, office in people(sentence, gazetteer, around):
        if role.profession:
            continue  # a historian belongs to no party: the person is defined with their first statement
        whose = f", of {owner.label}" if owner else "; name the state or body it belongs to (affiliatedWith)"
        drafted.append(Candidate(
            id=candidate_id(f"affiliation\0{role.phrase}", document), sentence=role.phrase,
            kind="Affiliation", asserted_by=author, assertion_mode="FactualAssertion",
            rule=f"{role.phrase!r}: a person the graph does not know, named with an office{whose}",
            mentions=[person] + ([owner] if owner else []), confidence=0.8 if owner else 0.5,
            content=[person.entity] + ([owner.entity] if owner else []), new_person=role.name, role=office,
            derived_by="ReferentFromContext" if owner is not None and owner is around else None))
    return drafted


# --------------------------------------------------------------------------- people named with their office

_OFFICE_HEAD = (r"(?:[Pp]rime [Mm]inister|[Mm]inister|[Pp]resident|[Ss]ecretary(?:[- ][Gg]eneral)?|"
                r"[Ss]pokes(?:man|woman|person)|[Aa]mbassador|[Ee]nvoy|[Cc]hancellor|[Pp]remier|[Nn]egotiator|"
                r"[Aa]dvis[eo]r|[Cc]ommander(?:-in-[Cc]hief)?|[Gg]eneral|[Rr]epresentative|[Cc]hief of [Ss]taff|"
                r"[Mm]ayor|[Gg]overnor|[Cc]hairman|[Cc]hairwoman|[Cc]hair|[Ss]peaker|[Dd]irector|[Hh]ead|"
                r"[Dd]iplomat|[Oo]fficial|[Aa]ide|[Oo]mbuds(?:man|woman|person)|[Cc]ommissioner|[Ll]eader|"
                r"[Ll]awmaker|[Ll]egislator|[Ss]enator|MP|[Cc]ounterpart)")
_ROLE = re.compile(
    r"(?P<office>(?:(?:[A-Z][\w’'-]*|of|the|for|special|deputy|chief|top|senior|foreign|defen[cs]e|former|"
    r"acting|presidential|security|peace|lead|first|ministry|press|interior|military|government|state|"
    r"national|finance|energy|justice|human|rights)\s+){0,4}" + _OFFICE_HEAD +
    r"(?:\s+(?:of|for|to)\s+(?:the\s+)?(?:[A-Z][\w-]+(?:['’]s\s+(?:delegation|government|mission|team|army|"
    r"forces|negotiators|(?:[A-Z][\w-]+\s+){0,3}[A-Z][\w-]+)|\s+[Aa]ffairs)?|parliament|senate|assembly|council|"
    r"delegation|cabinet|committee|house))?)"
    r",?\s+(?P<name>(?:[A-Z][a-z’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'-]+|[A-Z]\.)){0,2})\b")
"""An office (its head noun: minister, president, spokesman …, with what qualifies it before and after) followed
by a capitalised name: "Russian Defence Minister Anna Petrova", "Kremlin spokesman Dmitry Peskov"."""
_PROFESSION = re.compile(
    r"(?P<office>\b(?:(?:[A-Z][\w’'-]*|(?!(?:the|a|an|and|by|of|to|with)\b)[a-z]+)\s+){0,2}?(?:historian|scholar|journalist|economist|analyst|researcher|"
    r"professor|writer|author|commentator|political scientist|sociologist|lawyer|philosopher|novelist|academic|"
    r"reporter|columnist|filmmaker|activist|fellow))"
    r",?\s+(?P<name>(?:[A-Z][a-z’'-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z’'-]+|[A-Z]\.)){0,2})\b")
"""A trade, not an office, followed by a name ("the historian Clara Madeupwell"): a person who speaks for no party
(the state a nationality names is not theirs to speak for)."""
_NAME_FIRST = re.compile(
    r"(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}),\s+(?P<office>(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?['’]s|the)\s+"
    r"(?:[\w’'-]+\s+){0,3}?" + _OFFICE_HEAD + r"(?:\s+(?:of|for|to)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+)?)(?=,)")
"""A name with its office after it, set off by commas ("Faisal Madeupani, Saudi Arabia's minister of state for
foreign affairs, has hosted …"): the same person and office, the other way round."""
_APPOINTED = re.compile(
    r"\b(?:appointed|named|nominated|chose)\s+(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}),?(?:\s+(?:an?|the)\s+"
    r"[^,]{1,40},)?\s+(?:as\s+)?(?P<office>(?:its|their)\s+(?:[\w-]+\s+){0,3}?" + _OFFICE_HEAD + r")\b")
"""A person a party names to an office ("Germany appointed Karsten Madeupfeld, a retired general, as its special
envoy"): the office is the party's that appoints, the subject before the verb."""
_HONORIFICS = {"Cardinal", "Archbishop", "Bishop", "Metropolitan", "Patriarch", "Father", "General", "Gen", "Admiral",
               "Colonel", "Col", "Dr", "Sir", "Dame", "Sheikh", "Rabbi", "Imam", "Ambassador", "Senator", "Sen"}
"""Titles before a name that are no part of it ("Cardinal Matteo Madeupi" is Matteo Madeupi)."""
_NOT_A_NAME = re.compile(r"^(?:On|In|The|A|An|This|That|And|But|Said|Says|Staff|Staffs|Command|Assembly|Council|"
                         r"Committee|Office|Affairs|Rights|Federation|Republic|Union|Relations|Kingdom|Nations|"
                         r"States|Refugees|Development|Cooperation|Security|Defen[cs]e|Justice|Policy|Forces|"
                         r"Delegation|Mission|Government|Parliament|Ministry|Commission|Agency|January|February|March|April|May|June|"
                         r"July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|"
                         r"Friday|Saturday|Sunday)$")


@dataclass(frozen=True)
class Role:
    """A person named with an office: the words as written, where they start, the office's words, the name."""

    phrase: str
    start: int
    office: str
    name: str
    profession: bool = False
    """A trade ("historian"), which belongs to no party: no affiliation is proposed."""


def roles(sentence: str) -> list[Role]:
    """Each person the sentence names after an office ("Foreign Minister Anna Petrova"), in order.

    The office keeps what qualifies it ("Russian Defence Minister", "Ukraine's ambassador to …" up to the head
    noun); which of its words name a state is for the caller, who knows the names.

    >>> [(r.office, r.name) for r in roles("Russian Defence Minister Anna Petrova said on Monday that talks stall.")]
    [('Russian Defence Minister', 'Anna Petrova')]
    """
    found = []
    for match in [*_ROLE.finditer(sentence), *_PROFESSION.finditer(sentence), *_NAME_FIRST.finditer(sentence),
                  *_APPOINTED.finditer(sentence)]:
        words = match.group("name").split()
        while words and _NOT_A_NAME.match(words[-1]):
            words.pop()
        if len(words) > 2 and words[0].rstrip(".") in _HONORIFICS:  # "Cardinal Matteo Madeupi": the name is after
            words.pop(0)
        if not words or _NOT_A_NAME.match(words[0]):
            continue
        name = " ".join(words)
        office = match.group("office").strip()
        office = re.sub(r"^(?:(?:On|In|At|After|When|While|Then|But|And|The|A|An)\s+)+", "", office)
        if re.search(r"\b(?:former|ex-|late)\b", office, re.I):
            continue  # a former office is no affiliation now
        if office.casefold().endswith("counterpart") and not re.match(r"\s*[,)]", sentence[match.end("name"):]) \
                and "," in sentence[match.end("office"):match.start("name")]:
            continue  # "with his Hungarian counterpart, Madeupoglu underlined": the clause's subject, no apposition
        start = match.start("office") + match.group("office").find(office)
        start, end = (match.start("name"), match.end("office")) if match.re in (_NAME_FIRST, _APPOINTED) else \
            (start, match.start("name") + len(name))
        found.append(Role(sentence[start:end], start, office, name, match.re is _PROFESSION))
    return sorted(found, key=lambda role: role.start)


# --------------------------------------------------------------------------- names the graph does not know

_PROPER_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:of\s+(?:the\s+)?|the\s+)?[A-Z][\w’'-]+)*")
_NOT_NAMES = {"On", "In", "The", "A", "An", "It", "This", "That", "These", "Those", "He", "She", "They", "We", "But",
              "And", "By", "For", "If", "As", "At", "While", "Whether", "After", "Before", "MADE", "NOT"}
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def unknown_names(sentence: str, known_names: list[str]) -> list[str]:
    """Capitalised phrases that none of ``known_names`` (the names found in the sentence) covers: proper names
    the graph does not know yet.

    >>> unknown_names("On Monday the Kremlin envoy Ivan Petrov met Poland's minister.", ["Poland"])
    ['Kremlin', 'Ivan Petrov']
    """
    known = " ".join(known_names).casefold()
    found = []
    for match in _PROPER_NAME.finditer(sentence):
        if match.start() == 0 and " " not in match.group():
            continue  # one capitalised word opening the sentence: any word is capitalised there
        words = [re.sub(r"['’]s$", "", w) for w in match.group().split() if w not in _NOT_NAMES | _MONTHS]
        while words and words[0].islower():  # "Monday the Kremlin": the weekday gone, "the" opens no name
            words.pop(0)
        name = " ".join(words).strip(" ’'-")
        if len(name) > 2 and name.casefold() not in known and not any(
                w.casefold() in known for w in words if len(w) > 3):
            found.append(name)
    return list(dict.fromkeys(found))
