"""Open now / opens next at …, computed in Europe/Helsinki.

A channel's day is built from, in order of precedence: "open around the
clock", a dated exception, the public-holiday rule (Finnish holidays from the
`holidays` package), then the weekly periods. Times are wall-clock times in
Helsinki; zoneinfo turns them into instants, so DST changes need no special
case beyond comparing aware datetimes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

HELSINKI = ZoneInfo("Europe/Helsinki")
# How far ahead "opens next at" looks: a fortnight covers Christmas breaks.
LOOKAHEAD_DAYS = 15


@lru_cache(maxsize=16)
def _finnish_holidays(year):
    return holidays.Finland(years=year)


def is_public_holiday(day):
    return day in _finnish_holidays(day.year)


@dataclass(frozen=True)
class OpeningStatus:
    """Where a channel stands at one instant."""

    known: bool
    is_open: bool = False
    always: bool = False
    closes_at: dt.datetime | None = None
    opens_at: dt.datetime | None = None


def _local(day, time):
    return dt.datetime.combine(day, time, tzinfo=HELSINKI)


def _span(day, opens, closes):
    """One opening on `day` as aware datetimes; past midnight when needed."""
    start = _local(day, opens)
    if closes <= opens:  # 00:00 is midnight; earlier than opening runs overnight
        end = _local(day + dt.timedelta(days=1), closes)
    else:
        end = _local(day, closes)
    return start, end


def _exception_for(channel, day):
    for block in channel.exceptions:
        value = block.value
        start = value["start_date"]
        end = value.get("end_date") or start
        if start <= day <= end:
            return value
    return None


def spans_on(channel, day):
    """The openings that start on local date `day`, as (start, end) pairs."""
    if channel.always_open:
        return [
            (_local(day, dt.time(0)), _local(day + dt.timedelta(days=1), dt.time(0)))
        ]
    exception = _exception_for(channel, day)
    if exception is not None:
        if exception.get("opens") and exception.get("closes"):
            return [_span(day, exception["opens"], exception["closes"])]
        return []
    weekday = day.weekday()
    if is_public_holiday(day):
        rule = channel.public_holidays
        if rule == "closed":
            return []
        if rule == "sunday":
            weekday = 6
    spans = []
    for block in channel.hours:
        value = block.value
        if str(weekday) in value["days"]:
            spans.append(_span(day, value["opens"], value["closes"]))
    return sorted(spans)


def has_hours(channel):
    return (
        channel.always_open or bool(len(channel.hours)) or bool(len(channel.exceptions))
    )


def status(channel, now=None):
    """Whether `channel` is open at `now`, until when, or when it opens next."""
    if not has_hours(channel):
        return OpeningStatus(known=False)
    now = (now or timezone.now()).astimezone(HELSINKI)
    if channel.always_open:
        return OpeningStatus(known=True, is_open=True, always=True)
    today = now.date()
    # Yesterday's overnight opening may still be running.
    for offset in (-1, 0):
        day = today + dt.timedelta(days=offset)
        for start, end in spans_on(channel, day):
            if start <= now < end:
                return OpeningStatus(
                    known=True, is_open=True, closes_at=_closing(channel, end)
                )
    for offset in range(LOOKAHEAD_DAYS):
        day = today + dt.timedelta(days=offset)
        for start, _end in spans_on(channel, day):
            if start > now:
                return OpeningStatus(known=True, opens_at=start)
    return OpeningStatus(known=True)


def _closing(channel, end):
    """Follow back-to-back openings (e.g. 17–24 then 00–02) to the real close."""
    for _step in range(LOOKAHEAD_DAYS):
        following = [
            span
            for span in spans_on(channel, end.astimezone(HELSINKI).date())
            if span[0] == end
        ]
        if not following:
            return end
        end = following[0][1]
    return end


def _day_phrase(moment, now):
    days = (moment.date() - now.date()).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    return [
        _("on Monday"),
        _("on Tuesday"),
        _("on Wednesday"),
        _("on Thursday"),
        _("on Friday"),
        _("on Saturday"),
        _("on Sunday"),
    ][moment.weekday()]


def clock(moment):
    """A time of day as people in Finland write it, in the active language.

    Django's English format is 12-hour ("4:30 p.m."); Finnish services
    publish 24-hour times, so English gets "16:30".
    """
    if (get_language() or "").startswith("en"):
        return moment.strftime("%H:%M")
    return time_format(moment)


def describe(state, now=None):
    """The status as one short sentence in the active language."""
    if not state.known:
        return ""
    now = (now or timezone.now()).astimezone(HELSINKI)
    if state.always:
        return _("Open 24/7")
    if state.is_open:
        closes = state.closes_at.astimezone(HELSINKI)
        if closes.time() == dt.time(0) and (closes.date() - now.date()).days == 1:
            return _("Open now, until midnight")
        if closes.date() == now.date():
            return _("Open now, until %(time)s") % {"time": clock(closes)}
        return _("Open now, until %(day)s %(time)s") % {
            "day": _day_phrase(closes, now),
            "time": clock(closes),
        }
    if state.opens_at is None:
        return _("Closed")
    opens = state.opens_at.astimezone(HELSINKI)
    return _("Closed, opens %(day)s at %(time)s") % {
        "day": _day_phrase(opens, now),
        "time": clock(opens),
    }
