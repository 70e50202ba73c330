"""Finnish personal identity codes (henkilötunnus).

Validation is python-stdnum's; this module only adds what stdnum lacks: making
a code for a given birth date, which the test IdP and the tests need.
"""

import datetime

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY_SIGNS = {18: "+", 19: "-", 20: "A"}


def make_code(birth_date: datetime.date, individual: int = 998, sign=None) -> str:
    """A valid code for the birth date; 900-999 are test (temporary) numbers."""
    digits = f"{birth_date:%d%m%y}{individual:03d}"
    sign = sign or CENTURY_SIGNS[birth_date.year // 100]
    return f"{digits[:6]}{sign}{digits[6:]}{CHECK_CHARACTERS[int(digits) % 31]}"


def birth_date_for_age(age: int, today: datetime.date) -> datetime.date:
    """The birth date of someone who turned `age` most recently on or before today."""
    try:
        return today.replace(year=today.year - age)
    except ValueError:  # 29 February in a non-leap year
        return today.replace(year=today.year - age, day=28)
