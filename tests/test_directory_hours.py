"""Open now / opens next at …, in Europe/Helsinki, for the directory's cards."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from core.choices import Weekday
from directory import cards, hours

from .directory_helpers import published_service

HELSINKI = ZoneInfo("Europe/Helsinki")
UTC = dt.UTC
# Stream data keeps the day numbers as text (directory/blocks.py).
MONDAY_TO_FRIDAY = [str(day) for day in Weekday.values[:5]]
WEEKEND = [str(Weekday.SATURDAY.value), str(Weekday.SUNDAY.value)]


def at(*args):
    """A wall-clock moment in Helsinki."""
    return dt.datetime(*args, tzinfo=HELSINKI)


def period(days, opens, closes):
    return ("period", {"days": days, "opens": opens, "closes": closes})


def office_phone(**extra):
    return {
        "kind": "phone",
        "value": "05 123 4567",
        "hours": [period(MONDAY_TO_FRIDAY, dt.time(9), dt.time(16))],
        **extra,
    }


@pytest.fixture
def phone_line(db):
    return published_service("Virka-aikainen puhelin", [office_phone()]).channels.get()


def test_weekday_open_during_office_hours(phone_line):
    """On a Wednesday at 10 the office phone is open until 16."""
    state = phone_line.status(at(2026, 3, 11, 10, 0))
    assert state.is_open
    assert state.closes_at == at(2026, 3, 11, 16, 0)
    with translation.override("fi"):
        assert (
            hours.describe(state, at(2026, 3, 11, 10, 0)) == "Auki nyt, klo 16.00 asti"
        )


def test_weekday_evening_opens_tomorrow(phone_line):
    """On a Wednesday evening the card says the phone opens tomorrow at 9."""
    now = at(2026, 3, 11, 16, 0)
    state = phone_line.status(now)
    assert not state.is_open
    assert state.opens_at == at(2026, 3, 12, 9, 0)
    with translation.override("en"):
        assert hours.describe(state, now) == "Closed, opens tomorrow at 09:00"


def test_weekend_opens_on_monday(phone_line):
    """From Friday evening over the weekend, the next opening is Monday 9."""
    for now in (
        at(2026, 3, 13, 18, 0),
        at(2026, 3, 14, 12, 0),
        at(2026, 3, 15, 23, 59),
    ):
        state = phone_line.status(now)
        assert not state.is_open
        assert state.opens_at == at(2026, 3, 16, 9, 0)
    with translation.override("fi"):
        text = hours.describe(
            phone_line.status(at(2026, 3, 14, 12)), at(2026, 3, 14, 12)
        )
    assert text == "Suljettu, avautuu maanantaina klo 9.00"


def test_weekend_hours_and_overnight_chat(db):
    """A weekend chat open 18–02 is open at 1 a.m. on Sunday, until 2."""
    chat = published_service(
        "Viikonloppuchat",
        [
            {
                "kind": "chat",
                "value": "https://example.org/chat",
                "hours": [period(WEEKEND, dt.time(18), dt.time(2))],
            }
        ],
    ).channels.get()
    state = chat.status(at(2026, 3, 15, 1, 0))  # Sunday 01:00, from Saturday 18
    assert state.is_open and state.closes_at == at(2026, 3, 15, 2, 0)
    monday = chat.status(at(2026, 3, 16, 1, 0))  # from Sunday 18 until Monday 02
    assert monday.is_open and monday.closes_at == at(2026, 3, 16, 2, 0)
    later = chat.status(at(2026, 3, 16, 3, 0))
    assert not later.is_open and later.opens_at == at(2026, 3, 21, 18, 0)


def test_public_holiday_closed(phone_line):
    """On Midsummer Eve (a Friday) the office phone is closed until Monday."""
    state = phone_line.status(at(2026, 6, 19, 10, 0))
    assert not state.is_open
    assert state.opens_at == at(2026, 6, 22, 9, 0)


def test_public_holiday_with_sunday_hours(db):
    """A line with Sunday hours on holidays uses them on Independence Day."""
    line = published_service(
        "Nuorten puhelin",
        [
            {
                "kind": "phone",
                "value": "116 111",
                "hours": [
                    period(MONDAY_TO_FRIDAY, dt.time(14), dt.time(20)),
                    period(["6"], dt.time(17), dt.time(20)),
                ],
                "public_holidays": "sunday",
            }
        ],
    ).channels.get()
    # Independence Day 2027 is a Monday.
    assert not line.status(at(2027, 12, 6, 15, 0)).is_open
    assert line.status(at(2027, 12, 6, 18, 0)).is_open
    assert line.status(at(2027, 12, 7, 15, 0)).is_open


def test_dated_exception_overrides_regular_hours(db):
    """A dated exception (Christmas Eve 10–13, a closed week) beats the rules."""
    line = published_service(
        "Ohjaamo",
        [
            office_phone(
                public_holidays="regular",
                exceptions=[
                    (
                        "exception",
                        {
                            "start_date": dt.date(2026, 12, 24),
                            "end_date": None,
                            "opens": dt.time(10),
                            "closes": dt.time(13),
                            "note": "Jouluaatto",
                        },
                    ),
                    (
                        "exception",
                        {
                            "start_date": dt.date(2026, 12, 28),
                            "end_date": dt.date(2027, 1, 1),
                            "opens": None,
                            "closes": None,
                            "note": "Välipäivät",
                        },
                    ),
                ],
            )
        ],
    ).channels.get()
    assert line.status(at(2026, 12, 24, 12, 0)).is_open
    assert not line.status(at(2026, 12, 24, 14, 0)).is_open
    closed = line.status(at(2026, 12, 28, 10, 0))
    assert not closed.is_open
    assert closed.opens_at == at(2027, 1, 4, 9, 0)  # 2.1. is a Saturday


def sunday_line():
    return published_service(
        "Sunnuntailinja",
        [
            {
                "kind": "phone",
                "value": "0800 1234",
                "hours": [period(["6"], dt.time(12), dt.time(16))],
            }
        ],
    ).channels.get()


def test_dst_spring_forward(db):
    """On the day clocks go forward, 12:30 in Helsinki is 09:30 UTC, not 10:30."""
    line = sunday_line()
    # 29 March 2026: 03:00 EET becomes 04:00 EEST (UTC+3).
    assert line.status(dt.datetime(2026, 3, 29, 9, 30, tzinfo=UTC)).is_open
    assert not line.status(dt.datetime(2026, 3, 29, 8, 30, tzinfo=UTC)).is_open
    state = line.status(dt.datetime(2026, 3, 28, 12, 0, tzinfo=UTC))
    assert state.opens_at.astimezone(UTC) == dt.datetime(2026, 3, 29, 9, 0, tzinfo=UTC)


def test_dst_fall_back(phone_line, db):
    """After clocks go back, 12:30 in Helsinki is 10:30 UTC and Monday 9 is 07 UTC."""
    line = sunday_line()
    # 25 October 2026: 04:00 EEST becomes 03:00 EET (UTC+2).
    assert not line.status(dt.datetime(2026, 10, 25, 9, 30, tzinfo=UTC)).is_open
    assert line.status(dt.datetime(2026, 10, 25, 10, 30, tzinfo=UTC)).is_open
    friday_evening = dt.datetime(2026, 10, 23, 14, 0, tzinfo=UTC)  # 17:00 EEST
    state = phone_line.status(friday_evening)
    assert not state.is_open
    assert state.opens_at.astimezone(UTC) == dt.datetime(2026, 10, 26, 7, 0, tzinfo=UTC)


def test_always_open(db):
    """A 24/7 line says so, whatever the hour or holiday."""
    line = published_service(
        "Kriisipuhelin",
        [{"kind": "phone", "value": "09 2525 0111", "always_open": True}],
    ).channels.get()
    for now in (at(2026, 12, 24, 3, 0), at(2026, 3, 29, 3, 30), at(2026, 6, 20, 23)):
        assert line.status(now).is_open
    with translation.override("sv"):
        assert hours.describe(line.status(), None) == "Öppet dygnet runt"


def test_channel_without_hours_is_unknown(db):
    """A walk-in address without hours shows no open/closed claim at all."""
    place = published_service(
        "Kohtaamispaikka", [{"kind": "walk_in", "value": "Kauppalankatu 1, Kouvola"}]
    ).channels.get()
    state = place.status(at(2026, 3, 11, 10))
    assert not state.known and hours.describe(state) == ""


def test_closed_chat_names_next_open_alternative(db):
    """When a chat is closed, the card names an open line to try instead."""
    crisis = published_service(
        "Kriisipuhelin",
        [{"kind": "phone", "value": "09 2525 0111", "always_open": True}],
    )
    published_service(
        "Hätänumero",
        [{"kind": "phone", "value": "112", "always_open": True}],
        help_box_order=0,
    )
    chat = published_service(
        "Iltachat",
        [
            {
                "kind": "chat",
                "value": "https://example.org/chat",
                "hours": [period(MONDAY_TO_FRIDAY, dt.time(18), dt.time(22))],
            }
        ],
        fallback=crisis,
    )
    with translation.override("fi"):
        card = cards.card_for(chat, at(2026, 3, 11, 10, 0))
        chat_card = card.channels[0]
        assert not chat_card.is_open
        assert chat_card.alternative_service.name == "Kriisipuhelin"
        assert chat_card.alternative.href == "tel:0925250111"
        evening = cards.card_for(chat, at(2026, 3, 11, 19, 0)).channels[0]
    assert evening.is_open and evening.alternative is None
