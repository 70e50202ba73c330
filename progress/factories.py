"""Factories of a young person's journey: enrolments and completed steps."""

import factory
from factory.django import DjangoModelFactory

from accounts.factories import YoungPersonFactory

from .models import Enrolment, StepCompletion


class EnrolmentFactory(DjangoModelFactory):
    """An enrolment on `path` (a PathPage): pass it, or a `path_key`."""

    user = factory.SubFactory(YoungPersonFactory)
    language = "fi"

    class Params:
        path = None

    path_key = factory.LazyAttribute(lambda enrolment: enrolment.path.path_key)

    class Meta:
        model = Enrolment


class StepCompletionFactory(DjangoModelFactory):
    enrolment = factory.SubFactory(EnrolmentFactory)

    class Meta:
        model = StepCompletion
