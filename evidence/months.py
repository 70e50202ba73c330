"""Whole calendar months, the unit of every published number."""

import datetime

from django.utils import timezone


def month_start(day):
    return day.replace(day=1)


def add_months(month, count):
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def quarter_start(month):
    return month.replace(month=(month.month - 1) // 3 * 3 + 1, day=1)


def last_whole_month():
    return add_months(month_start(timezone.localdate()), -1)


def months_between(first, last):
    months, month = [], first
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months
