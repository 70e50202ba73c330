"""Factories of the nightly counts the managers' dashboard reads."""

import datetime

import factory
from factory.django import DjangoModelFactory

from .models import Count, Metric


class CountFactory(DjangoModelFactory):
    """One month's count of `metric` on `path` (a PathPage), or a `path_key`."""

    metric = Metric.STARTED
    month = factory.LazyFunction(lambda: datetime.date.today().replace(day=1))
    n = 10

    class Params:
        path = None

    path_key = factory.LazyAttribute(lambda count: count.path.path_key)

    class Meta:
        model = Count
