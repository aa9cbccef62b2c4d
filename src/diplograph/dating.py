"""When a statement was made, from its sentence and the document's date.

"On January 30, …", "on Tuesday", "yesterday" are resolved against the
document's date: "on Tuesday" is the latest Tuesday on or before it. A date
that heads a sentence before a colon or a dash ("14 October: Turkey offers …",
as a timeline's items and a live page's entries are dated) is the day of what
the item reports. "Repeated", "again", "has long" make a statement recurring:
it has no one date. A date the sentence gives for something else ("talks
could resume in March", "until March") is not the statement's; a month in which
something was done ("In March he rejected …", "last month") is, to the month.

Pure functions of the text, for the drafter (``drafting``) and the audit (``consistency``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

__all__ = ["date_of", "days_after", "recurring"]

_RECURRING = re.compile(r"\b(repeated(?:ly)?|again|has long|have long|reiterated|reiterates|time and again|"
                        r"(?:has|have|had) always)\b", re.I)
_ONGOING = re.compile(r"(?<!\bwould )(?<!\bwill )(?<!\bto )\b(?:continues? to|kept)\b", re.I)
"""Words of something going on ("continues to insist", "kept saying"): the statement's, unless a clause of its own
says what goes on ("…, while Western weapons kept arriving") — not what will go on ("would continue to train")."""
_TO_DO_AGAIN = re.compile(r"(?<=\bto\s)(?:\w+\s+){1,2}?again\b", re.I)
"""An infinitive's "again" ("pledging to meet again"): what is to happen again, not the saying."""
_WILL_AGAIN = re.compile(r"\b(?:would|will|could|might|may|can|shall)\s+(?:not\s+)?(?:\w+\s+){1,2}?again\b", re.I)
"""A modal's "again" ("would stop again"): what may happen again, not the saying."""
_CLAUSE = re.compile(r"\b(?:while|as|because|since|when|after|until|whereas|if)\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ON_WEEKDAY = re.compile(r"\b(?:on|last|this past)\s+(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_DAY_LABEL = re.compile(r"(" + "|".join(_WEEKDAYS) + r")\s*[:—–]", re.I)
"""A weekday that labels a timeline's line ("Monday: Turkey offered …"): the day of what the line tells."""
_DUE = re.compile(r"\b(?:will|would|(?:is|are|was|were)\s+(?:due|set)\s+to|plans?\s+to|intends?\s+to)\b[^,;]*$", re.I)
"""What is to happen, in the clause before a weekday ("… would meet on Wednesday"): the day of that, not of the
statement."""
_SAID_WHEN = re.compile(r"\b(yesterday|today|this week|last week|last month|this month)\b", re.I)
"""Date words that, unlike "talks could resume in March", say when a statement was made."""
_DATE_WORDS = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|"
                         r"december|yesterday|today|this week|last week|last month|this month)\b", re.I)
_AHEAD = re.compile(r"\b(?:will|would|could|may|might|shall|expected|due|set to|scheduled|planned to|until|next|"
                    r"from|(?<!a )(?<!the )(?<!its )plans? to)\b", re.I)
"""Words that put a month ahead, or make it a bound ("until March"), not when something was done ("by March" is
read as its own phrase)."""
_MONTHS = {name.casefold(): number for names in (calendar.month_name, calendar.month_abbr)
           for number, name in enumerate(names) if name} | {"sept": 9}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATELINE = re.compile(rf"\s*(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH.replace('month', 'month2')}\s+"
                       rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(?P<year>\d{{4}}))?\s*[:\u2013\u2014-]\s", re.I)
"""A date heading a sentence, before a colon or a dash: "14 October:", "Oct. 14 —", "14 October 2026:"."""


def recurring(text: str) -> bool:
    """Whether ``text`` says its statement is made again and again ("repeatedly", "again", "has long") — not what it
    reports happening again ("demanded that Kyiv let gas flow again": once, on its day)."""
    said, *content = re.split(r"\bthat\b", text, maxsplit=1)
    text = said + "".join(re.sub(r"\bagain\b", " ", part, flags=re.I) for part in content)
    text = _TO_DO_AGAIN.sub(" ", text)  # "pledging to meet again in March": what is to be done again
    text = _WILL_AGAIN.sub(" ", text)  # "said exports would stop again": what will happen again
    ongoing = _ONGOING.search(text)
    return bool(_RECURRING.search(text)) or bool(ongoing) and not _CLAUSE.search(text, 0, ongoing.start())


def date_of(sentence: str, day: date | None) -> tuple[str | None, str | None]:
    """The statement's own date and its precision: "On January 30, …", "on Tuesday", "yesterday", "this week",
    resolved against the document's date; a recurring statement ("repeated", "again") has no one date.

    A date the sentence gives for something else ("talks could resume in March") is not proposed.

    >>> date_of("The minister said on Tuesday that Kyiv must withdraw.", date(2026, 3, 4))
    ('2026-03-03', 'DayPrecision')
    >>> date_of("30 December: Kyiv rejects the plan.", date(2027, 1, 4))
    ('2026-12-30', 'DayPrecision')
    >>> date_of("In March Kyiv rejected the plan.", date(2027, 4, 16)), date_of("Talks may resume in March.", None)
    (('2027-03-01', 'MonthPrecision'), (None, None))
    >>> date_of("NATO said allies would meet on Wednesday.", date(2026, 3, 3))
    (None, None)
    >>> date_of("Monday: Turkey offered to host the talks.", date(2026, 3, 4))
    ('2026-03-02', 'DayPrecision')
    """
    if recurring(sentence):
        return None, "Recurring"
    if day is None:
        return None, None
    dateline = _DATELINE.match(sentence)
    headed = _day_of(dateline, day) if dateline else None
    if headed:
        return headed, "DayPrecision"
    weekday = _DAY_LABEL.match(sentence) or next(
        (w for w in _ON_WEEKDAY.finditer(sentence) if not _DUE.search(sentence, 0, w.start())), None)
    if weekday:
        back = (day.weekday() - _WEEKDAYS.index(weekday.group(1).casefold())) % 7
        return (day - timedelta(days=back)).isoformat(), "DayPrecision"
    if not _DATE_WORDS.search(sentence):
        return None, None
    return _dated(sentence, day)


def _dated(sentence: str, day: date) -> tuple[str | None, str | None]:
    from dateparser.search import search_dates

    if re.search(r"\bthis month\b", sentence, re.I) and not _AHEAD.search(sentence):  # "earlier this month"
        return day.replace(day=1).isoformat(), "MonthPrecision"
    base = datetime(day.year, day.month, day.day)
    found = search_dates(sentence, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                                                "REQUIRE_PARTS": ["month"]}) or []
    for text, when in found:
        if not _DATE_WORDS.search(text) or when.date() > day:
            continue
        introduced = re.match(r"on\s", text.strip(), re.I) or re.search(r"\bon\s+" + re.escape(text.strip()),
                                                                         sentence, re.I)
        in_month = (re.match(r"in\s", text.strip(), re.I) or re.search(r"\bin\s+" + re.escape(text.strip()), sentence,
                                                                       re.I))
        in_month = in_month and not _AHEAD.search(sentence.replace(text, " "))  # "In March he rejected …"
        if not (_SAID_WHEN.search(text) or introduced or in_month):
            continue  # "could resume in March": when something happens, not when it was said
        if re.search(r"\bweek\b", text, re.I):
            return None, None  # "this week": neither a day nor the month (the week may straddle two)
        precision = "DayPrecision" if re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b|day|today|yesterday", text, re.I) \
            else "MonthPrecision"  # "in May 2025": a year is no day
        shown = when.date() if precision == "DayPrecision" else when.date().replace(day=1)
        return shown.isoformat(), precision
    return None, None


def _day_of(dateline: re.Match, day: date) -> str | None:
    """The day a dateline gives: its year's, or the latest such day on or before the document's ``day``."""
    month = _MONTHS[(dateline.group("month") or dateline.group("month2")).casefold()]
    number = int(dateline.group("day") or dateline.group("day2"))
    year = int(dateline.group("year")) if dateline.group("year") else day.year
    try:
        found = date(year, month, number)
        if not dateline.group("year") and found > day:
            found = date(year - 1, month, number)
    except ValueError:  # "31 April": no such day
        return None
    return found.isoformat()


_LATER = re.compile(r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after(?!\s+(?:the|a|its)\b)|"
                    r"(?P<count>two|three|four|five|six|\d)\s+days\s+later)\b", re.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def days_after(sentence: str) -> int | None:
    """How many days after the day the sentence before gave this one's act falls ("the next day": 1, "three days
    later": 3), if it says so; the drafter counts them from that day.

    >>> days_after("Kyiv rejected the proposal the next day."), days_after("Kyiv rejected it.")
    (1, None)
    >>> days_after("Two days later, Moscow withdrew the offer.")
    2
    """
    found = _LATER.search(sentence)
    if found is None:
        return None
    count = (found.group("count") or "1").casefold()
    return int(count) if count.isdigit() else _COUNTS[count]
