"""When a reminder is due: time window, quiet hours and rhythm, DST-correct.

Everything is worked out on the wall clock of REMINDERS_TIME_ZONE
(Europe/Helsinki) with ``zoneinfo`` and only then turned into an aware UTC
datetime, so "three days later at 17:00" stays 17:00 across a DST change, and
quiet hours 21-08 stay 21-08 local in summer and winter. A wall-clock time that
does not exist (the spring-forward hour) resolves forward, as zoneinfo does.
"""

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from . import conf

# How far ahead to look for an allowed moment before giving up.
HORIZON_DAYS = 15


@lru_cache
def _zone(name):
    return ZoneInfo(name)


def zone():
    return _zone(conf.get("REMINDERS_TIME_ZONE"))


def to_local(moment):
    """An aware datetime as a naive wall-clock time in the reminder zone."""
    return moment.astimezone(zone()).replace(tzinfo=None)


def to_aware(wall):
    """A naive wall-clock time in the reminder zone as an aware UTC datetime."""
    return wall.replace(tzinfo=zone()).astimezone(dt.UTC)


def _in_range(t, start, end):
    """Is time-of-day ``t`` in [start, end)? A range may wrap past midnight."""
    if start == end:
        return False
    if start < end:
        return start <= t < end
    return t >= start or t < end


def is_quiet(pref, moment):
    return _in_range(to_local(moment).time(), pref.quiet_start, pref.quiet_end)


def is_allowed(pref, moment):
    """May a reminder of this preference go out at ``moment``?"""
    t = to_local(moment).time()
    return _in_range(t, pref.window_start, pref.window_end) and not _in_range(
        t, pref.quiet_start, pref.quiet_end
    )


def _allowed_spans(pref, day):
    """The wall-clock spans of ``day`` inside the window and outside quiet."""
    start = dt.datetime.combine(day, pref.window_start)
    end = dt.datetime.combine(day, pref.window_end)
    if pref.window_end <= pref.window_start:  # a window across midnight
        end += dt.timedelta(days=1)
    spans = [(start, end)]
    if pref.quiet_start == pref.quiet_end:
        return spans
    quiet = []
    for offset in (-1, 0, 1):
        qday = day + dt.timedelta(days=offset)
        qstart = dt.datetime.combine(qday, pref.quiet_start)
        qend = dt.datetime.combine(qday, pref.quiet_end)
        if pref.quiet_end <= pref.quiet_start:
            qend += dt.timedelta(days=1)
        quiet.append((qstart, qend))
    for qstart, qend in quiet:
        cut = []
        for s, e in spans:
            if qend <= s or qstart >= e:
                cut.append((s, e))
                continue
            if s < qstart:
                cut.append((s, qstart))
            if qend < e:
                cut.append((qend, e))
        spans = cut
    return spans


def has_allowed_time(pref):
    """False when the window lies entirely inside the quiet hours."""
    return bool(_allowed_spans(pref, dt.date(2024, 1, 10)))


def next_allowed(pref, moment, weekdays=None):
    """The first moment at or after ``moment`` when a reminder may go out.

    With ``weekdays`` (0 = Monday) only those local days count.
    """
    wall = to_local(moment)
    for offset in range(-1, HORIZON_DAYS):
        day = wall.date() + dt.timedelta(days=offset)
        if weekdays is not None and day.weekday() not in weekdays:
            continue
        for start, end in _allowed_spans(pref, day):
            if end <= wall:
                continue
            candidate = to_aware(max(start, wall))
            if candidate < moment:  # wall clock ran backwards (DST fall back)
                candidate = moment
            if is_allowed(pref, candidate):
                return candidate
            # The candidate fell into a hole made by DST; try the span's end.
    return None


def plus_days(moment, days):
    """The same wall-clock time ``days`` later (not 24 h x days)."""
    return to_aware(to_local(moment) + dt.timedelta(days=days))


def next_due(pref, now, activity):
    """When the next reminder of ``pref`` is due, or None.

    ``activity`` is the enrolment's last activity. "Inactive" rhythm: N days
    after the later of the last activity and the last reminder. "Weekdays":
    the start of the time window on the next chosen weekday after the later
    of ``now`` and the last reminder.
    """
    if pref.rhythm == "weekdays":
        weekdays = {int(d) for d in pref.weekdays or []}
        if not weekdays:
            return None
        after = max(now, pref.last_reminded_at or now)
        start_day = to_local(after).date()
        if pref.last_reminded_at and to_local(pref.last_reminded_at).date() >= (
            start_day
        ):
            start_day += dt.timedelta(days=1)  # one reminder a day at most
        for offset in range(HORIZON_DAYS):
            day = start_day + dt.timedelta(days=offset)
            if day.weekday() not in weekdays:
                continue
            candidate = to_aware(dt.datetime.combine(day, pref.window_start))
            if candidate <= after:
                continue
            found = next_allowed(pref, candidate, weekdays={day.weekday()})
            if found and to_local(found).date() == day:
                return found
        return None
    base = activity
    if pref.last_reminded_at and pref.last_reminded_at > base:
        base = pref.last_reminded_at
    return next_allowed(pref, plus_days(base, max(1, pref.inactive_days)))
