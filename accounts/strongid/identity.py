"""Who the identity broker says this is, reduced to what Polku may keep.

Pure functions: the personal identity code goes in, a keyed pseudonym and the
date of turning 18 come out. The code itself is never stored or logged.
"""

import datetime
import hashlib
import hmac
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import hetu as hetu_codes

HELSINKI = ZoneInfo("Europe/Helsinki")


class IdentityRefused(Exception):
    """The identification was valid but cannot be accepted (code, claims).

    `reason` is the code operators see (docs/auth.md); never personal data.
    """

    reason = "invalid"

    def __init__(self, message, reason=None):
        super().__init__(message)
        if reason:
            self.reason = reason


class AgeRefused(IdentityRefused):
    """A real person outside the audience: a kind page, not an error."""

    reason = "age"

    def __init__(self, age):
        super().__init__(f"age {age} outside the audience")
        self.age = age


@dataclass(frozen=True)
class Identity:
    uid: str
    old_uids: tuple
    turns_18_on: datetime.date
    age: int
    born_on_leap_day: bool = False


def helsinki_today(now=None):
    """The calendar day in Helsinki: 23:30 UTC is already tomorrow there."""
    return (now or timezone.now()).astimezone(HELSINKI).date()


def birth_date(code):
    """The birth date in a valid code (century sign included)."""
    compact = hetu_codes.compact(code)
    sign = compact[6]
    century = 1800 if sign == "+" else 1900 if sign in "-YXWVU" else 2000
    return datetime.date(
        century + int(compact[4:6]), int(compact[2:4]), int(compact[:2])
    )


def anniversary(born, years):
    """The day someone born on `born` turns `years`.

    A 29 February birthday falls on 1 March in common years (the day after 28
    February has passed); see docs/auth.md.
    """
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return datetime.date(born.year + years, 3, 1)


def age_on(born, day):
    """Whole years of someone born on `born` on the calendar day `day`.

    The one age computation of Polku: the audience check at login, the age
    band of aggregates and the audience check of paths all come here.
    """
    age = day.year - born.year
    if day < anniversary(born, age):
        age -= 1
    return age


def birth_date_from(turns_18_on, born_on_leap_day=False):
    """The birth date back from the stored day of turning 18.

    A person born on 29 February turns 18 on 1 March (18 years after a leap
    year is never one), as does a person born on 1 March: the flag tells them
    apart, so that the first is a year older on 29 February of a leap year.
    """
    if born_on_leap_day:
        return datetime.date(turns_18_on.year - 18, 2, 29)
    return turns_18_on.replace(year=turns_18_on.year - 18)


def age_of(user, day=None):
    """A young person's age today in Helsinki (None without an identity)."""
    if not user.turns_18_on:
        return None
    born = birth_date_from(user.turns_18_on, user.born_on_leap_day)
    return age_on(born, day or helsinki_today())


def age_band(age):
    """The county's age bands: 13–15 (lower secondary), 16–17 (upper)."""
    if age is None or not 13 <= age <= 17:
        return ""
    return "13-15" if age <= 15 else "16-17"


def uid_keys():
    """(version, key) pairs, the current one first, from STRONGID_UID_KEYS."""
    keys = []
    for item in settings.STRONGID_UID_KEYS:
        version, _, key = item.partition(":")
        keys.append((version, key.encode()))
    return keys


def pseudonym(code, version, key):
    digest = hmac.new(key, code.encode(), hashlib.sha256).hexdigest()
    return f"v{version}:{digest}"


def validate(code, birthdate_claim=None, now=None):
    """Check the code and the audience; return what may be stored."""
    if not code:
        raise IdentityRefused("no personal identity code in the claims", "no_hetu")
    code = hetu_codes.compact(str(code))
    try:
        hetu_codes.validate(code, allow_temporary=settings.STRONGID_ALLOW_TEST_CODES)
    except StdnumError as exc:
        raise IdentityRefused("invalid personal identity code", "checksum") from exc
    born = birth_date(code)
    if birthdate_claim and birthdate_claim != born.isoformat():
        raise IdentityRefused("the birthdate claim disagrees", "birthdate")
    age = age_on(born, helsinki_today(now))
    if not settings.STRONGID_MIN_AGE <= age <= settings.STRONGID_MAX_AGE:
        raise AgeRefused(age)
    keys = uid_keys()
    return Identity(
        uid=pseudonym(code, *keys[0]),
        old_uids=tuple(pseudonym(code, *pair) for pair in keys[1:]),
        turns_18_on=anniversary(born, 18),
        age=age,
        born_on_leap_day=(born.month, born.day) == (2, 29),
    )
