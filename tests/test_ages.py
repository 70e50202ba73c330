"""One age computation for the audience check, age bands and paths."""

import datetime

import pytest
import time_machine

from accounts.hetu import make_code
from accounts.models import User
from accounts.strongid.identity import (
    age_band,
    age_of,
    age_on,
    anniversary,
    birth_date_from,
    validate,
)
from progress.journey import person_age

D = datetime.date
LEAP_BORN = D(2008, 2, 29)


def _person(born):
    identity = validate(make_code(born), now=_noon(anniversary(born, 15)))
    return User(
        turns_18_on=identity.turns_18_on, born_on_leap_day=identity.born_on_leap_day
    )


def _noon(day):
    return datetime.datetime(day.year, day.month, day.day, 10, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("day", "age"),
    [
        (D(2024, 2, 28), 15),  # the day before the birthday in a leap year
        (D(2024, 2, 29), 16),  # the birthday itself in a leap year
        (D(2025, 2, 28), 16),  # common year: not yet
        (D(2025, 3, 1), 17),  # common year: 1 March
        (D(2026, 2, 28), 17),
        (D(2026, 3, 1), 18),
    ],
)
def test_leap_day_person_ages_on_the_right_day(day, age):
    """Born on 29 February: a year older on 29 February in leap years and on
    1 March in common years; the same at login and on paths."""
    person = _person(LEAP_BORN)
    assert age_on(LEAP_BORN, day) == age
    assert age_of(person, day) == age
    with time_machine.travel(_noon(day), tick=False):
        assert person_age(person) == age


def test_first_of_march_person_is_not_confused_with_a_leap_day_person():
    """Born on 1 March 2008 (same day of turning 18): still 15 on 29 Feb 2024."""
    person = _person(D(2008, 3, 1))
    assert person.turns_18_on == _person(LEAP_BORN).turns_18_on
    assert age_of(person, D(2024, 2, 29)) == 15
    assert birth_date_from(person.turns_18_on) == D(2008, 3, 1)


@pytest.mark.parametrize(
    ("years", "band"),
    [(13, "13-15"), (15, "13-15"), (16, "16-17"), (17, "16-17"), (18, ""), (12, "")],
)
# Between the 16th and 18th birthdays of the second lies a 29 February.
@pytest.mark.parametrize("born", [D(2009, 6, 15), D(2010, 6, 15)])
def test_age_band_changes_on_the_birthday(years, band, born):
    """The age band is 16–17 from the 16th birthday on, and none from the 18th."""
    birthday = anniversary(born, years)
    person = _person(born)
    assert age_band(age_of(person, birthday)) == band
    assert age_of(person, birthday - datetime.timedelta(days=1)) == years - 1
    with time_machine.travel(_noon(birthday), tick=False):
        assert person.age_band == band


@pytest.mark.parametrize("years", [13, 16, 18])
def test_birthday_at_helsinki_midnight(years):
    """At 23:30 UTC it is already the birthday in Helsinki (UTC+2 in winter)."""
    born = D(2009, 12, 2)
    person = _person(born)
    eve = anniversary(born, years) - datetime.timedelta(days=1)
    late = datetime.datetime(eve.year, 12, 1, 23, 30, tzinfo=datetime.UTC)
    early = datetime.datetime(eve.year, 12, 1, 21, 30, tzinfo=datetime.UTC)
    with time_machine.travel(late, tick=False):
        assert person_age(person) == years
    with time_machine.travel(early, tick=False):
        assert person_age(person) == years - 1
