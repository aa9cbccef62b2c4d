"""Speakers who are no party to the talks: people a page names by their trade, cause or family, a private person,
someone who held an office once, a state's opposition, a parliament's members named by their political party.

A stance such people take is theirs, not a state's, whatever nationality qualifies them: the page tells of it as a
claim, and vouches for it (the drafter and the audit read them alike).
"""

from __future__ import annotations

import re

from .wording import DATELINE, UNNAMED_MEMBERS

__all__ = ["SOME", "TRADE", "no_partys_people", "no_partys_subject", "speaker_head"]

SOME = r"(?:(?:a|an|one|two|three|four|several|some|many|most)\s+)?(?:[\w-]+\s+){0,2}"
"""Words that may stand before a speaker's noun: a number or a quantity, and up to two words that qualify it."""
TRADE = (r"(?:trader|investor|banker|shipper|shipowner|insurer|farmer|resident|exporter|importer|broker|donor|"
         r"creditor|lender|bondholder|voter|refugee|veteran|activist|campaigner|volunteer|lobbyist|manufacturer|"
         r"(?:bi|tri|para-?)?athlete|fisherman|fishermen|worker|owner|shareholder|skater|skier|swimmer|footballer|player|boxer|wrestler|gymnast|fencer|cyclist|"
         r"rower|runner|sprinter|climber|coach|sportsman|sportswoman)s?")
"""One or more people of a trade, a sport or a cause, named by it ("an insurer", "brokers", "a figure skater")."""
_NO_PARTYS_PEOPLE = re.compile(
    SOME + r"(?:" + TRADE + r"|locals|executives|witnesses|aid workers|(?:rights|aid|humanitarian) groups|"
    r"businesses|industry|markets|(?:the\s+)?(?:union|association|federation|chamber|confederation)\s+of\s+.+|"
    r"(?:[\w’'-]+\s+){0,3}associations?|(?<!state )(?:compan(?:y|ies)|firms?|operators?|providers?)|"
    r"(?:\d+\s+|dozens of\s+)?(?:(?:human\s+)?rights|aid|humanitarian|civil[- ]society|advocacy)\s+"
    r"(?:groups?|organi[sz]ations?|NGOs?|charit(?:y|ies))|NGOs|charities|signatories|groups|"
    r"(?:family|families|relatives|parents|mothers|wives|friends|colleagues)(?:\s+of\s+.+)?|"
    r"(?:mil|military )?bloggers|milbloggers|war correspondents|pundits|nationalists|hardliners|dissidents|exiles|"
    r"participants?|panell?ists?|attendees|organi[sz]ers|lawyers?|attorneys?|islanders|villagers|townspeople|protesters|demonstrators|strikers|"
    r"émigrés|emigres|influencers|(?:the\s+)?(?:director|head|curator|rector|dean|principal)\s+of\s+(?:the\s+|a\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?(?:museum|gallery|library|theatre|theater|university|school|hospital|archive|orchestra|"
    r"group|charity|foundation|NGO)|"
    r"(?:the\s+)?(?:International\s+)?Committee of the Red Cross|(?:the\s+)?Red (?:Cross|Crescent)|ICRC|"
    r"Amnesty International|Human Rights Watch|Doctors Without Borders|Médecins Sans Frontières|MSF|"
    r"(?:the\s+)?(?:European Court of Human Rights|International (?:Criminal )?Court(?: of Justice)?))$",
    re.I)
"""People a page names by their trade, their cause or where they live ("Traders expect …", "Russian milbloggers
criticised …", "a London insurer said", donors or creditors it does not name), and the humanitarian and rights
bodies a page names ("the International Committee of the Red Cross"): a nationality or a city makes them no state's
voice."""
_SEPARATISTS = re.compile(r"(?:the\s+|a\s+|(?-i:[A-Z])[\w-]+['’]s\s+)?(?:separatist|breakaway|rebel|"
                          r"self-proclaimed|(?-i:[A-Z])[\w]+-installed|occupation)\b[\w’'\s-]{0,30}?\b"
                          r"(?:leaders?|authorities|officials?|administration|president|spokes(?:man|woman|person))$",
                          re.I)
"""The leaders of a breakaway region ("the separatist region's leader", "Transnistria's separatist leaders"): no
party the graph holds."""
_WHERE = re.compile(r"\s+(?:in|from|at|of)\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?$|"
                    r"\s+(?:involved|working|engaged)\s+(?:in|on)\s+[\w\s’'-]{1,40}$|"
                    r"\s+(?:interviewed|questioned|polled|surveyed)\b[\w\s’'-]{0,60}$|"
                    r"\s+(?:of|in|near|for|at)\s+(?:the\s+|an?\s+)?(?-i:[a-z])[\w’'-]*(?:\s+(?-i:[a-z])[\w’'-]*){0,2}$")
"""Where people are, or what they work on, after them ("brokers in London", "residents of border towns", "lawyers
involved in the case"): not who they are."""
_PRIVATE = (r"(?:nurse|teacher|engineer|pensioner|retiree|resident|neighbou?r|mother|father|son|daughter|wife|"
            r"husband|widow|student|driver|farmer|volunteer|doctor|worker|shopkeeper|grandmother|grandfather|priest|"
            r"miner|baker|mechanic|accountant|businessman|businesswoman|refugee|survivor|villager|cook|librarian|"
            r"pilot|soldier|sailor|conscript|defector|deserter|surgeon|paramedic|medic)")
_PRIVATE_PERSON = re.compile(rf"(?:(?-i:[A-Z])[a-z’'-]+,\s+)?(?:a|an|the|her|his|their|one|another)\s+"
                             rf"(?:[\w-]+\s+){{0,3}}?{_PRIVATE}s?(?:,\s+(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?{_PRIVATE})?$",
                             re.I)
"""A private person, by a first name and what they do, or by whose they are ("Halyna, a 61-year-old nurse")."""
_OPPOSITION = re.compile(r"(?:the\s+)?(?:main\s+|conservative\s+|liberal\s+|left-wing\s+|right-wing\s+)?"
                         r"opposition\b(?!\s+(?:leader|figure|politician|MP|lawmaker|"
                         r"senator|deputy|candidate)\b)|(?:the\s+|a\s+)?shadow\s+[\w ]{0,30}?(?:secretary|minister|"
                         r"chancellor)\b.*", re.I)
"""A state's opposition as a body ("The opposition Christian Democrats accused …"): not the state's voice (one of
its people named with an office speaks as that person)."""
_FORMER_HOLDER = re.compile(r"(?:^|,\s+)(?:a|the)\s+(?:former|ex-|retired)\s*\w", re.I)
"""Someone who held an office once ("Ms. Madeupova, a former adviser to Ukraine's president"): no party now."""
_OPENER = re.compile(r"^(?:for|in|on|over|since|after|last|this|earlier|later)\b[^,]{0,40},\s*", re.I)
_WHEN_AFTER = re.compile(r"\s+(?:on\s+\w+day|last\s+\w+|this\s+\w+|yesterday|today)$", re.I)
"""When, between a speaker and its verb ("Rights groups on Tuesday urged …")."""
_HAVE = re.compile(r"(?:\s+(?:has|have|had|also|again|long|now|still|(?!family\b)\w+ly))+$", re.I)
"""What may stand around a speaker before its verb: when ("For three years, Western capitals have claimed …")."""
_RELATIVE = re.compile(r"\s+(?:who|which|that|familiar with|close to|involved in|briefed on|(?:on|from)\s+(?:both|each|"
                       r"either|all)\s+sides?|(?:I|we)\s+(?:met|interviewed|asked|spoke\s+(?:to|with)|talked\s+"
                       r"(?:to|with)|visited))\b.*$", re.I)
"""What a relative clause adds to a speaker named after the quote ("a diplomat who has faced him", "a pensioner I
met on the metro")."""


def speaker_head(who: str) -> str:
    """A speaker's words without what stands around them: a relative clause, when ("on Tuesday"), auxiliaries and
    adverbs before the verb, an opening clause of time ("For three years, …")."""
    return _OPENER.sub("", _HAVE.sub("", _WHEN_AFTER.sub("", _RELATIVE.sub("", who).strip(" ,"))))


_ACQUAINTANCES = re.compile(r"(?:people|those|others)\s+who\s+(?:have\s+|had\s+)?(?:worked|served|negotiated|dealt)\s+"
                            r"with\s+(?:him|her|them)\b", re.I)
"""People a page names by having known a person ("People who have worked with him"): acquaintances, no party."""
_PARTISAN = re.compile(r"\b(?:Republican|Democratic|Conservative|Labour|Liberal|Green|opposition|"
                       r"(?:both|all|several)\s+parties)\b", re.I)
"""A parliament's members named by their political party ("Several Republican senators"): a party's, not a state's."""


def no_partys_people(who: str) -> bool:
    """Whether ``who``, a speaker's words, are people of no party, named by trade or cause ("Russian milbloggers"),
    or a private person ("Halyna, a 61-year-old nurse", "Her neighbour, a retired engineer"): a stance they take
    is no party's, and the page tells of it as a claim."""
    who = DATELINE.sub("", who.strip())  # "OSLO, 6 October — Deputies from all parties urged …": the deputies
    if _ACQUAINTANCES.match(who.strip(" .,")):  # "People who have worked with him …"
        return True
    head = speaker_head(who.strip(" .,"))
    return any(_NO_PARTYS_PEOPLE.match(head) or _PRIVATE_PERSON.match(head) or _FORMER_HOLDER.search(head)
               or _OPPOSITION.match(head) or UNNAMED_MEMBERS.fullmatch(head) and _PARTISAN.search(head)
               or _SEPARATISTS.match(head)  # "brokers in London": brokers; "a surgeon at a hospital in Koblenz"
               for head in (head, _WHERE.sub("", head), _WHERE.sub("", _WHERE.sub("", head))))


def no_partys_subject(sentence: str) -> bool:
    """Whether the sentence opens with people of no party as its subject ("Russian nationalists denounced …"), after
    its dateline if it has one."""
    words = DATELINE.sub("", sentence).split()
    return any(no_partys_people(" ".join(words[:size])) for size in range(1, min(len(words), 5)))
