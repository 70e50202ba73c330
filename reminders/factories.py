"""Factories of reminder preferences, push subscriptions and path defaults."""

import factory
from factory.django import DjangoModelFactory

from progress.factories import EnrolmentFactory

from .models import Channel, PathReminderDefaults, PushSubscription, ReminderPreference


class ReminderPreferenceFactory(DjangoModelFactory):
    enrolment = factory.SubFactory(EnrolmentFactory)
    enabled = True
    channel = Channel.PUSH

    class Meta:
        model = ReminderPreference


class PushSubscriptionFactory(DjangoModelFactory):
    user = factory.SubFactory("accounts.factories.YoungPersonFactory")
    endpoint = factory.Sequence(lambda n: f"https://push.example.org/{n}")
    p256dh = (
        "BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQF"
        "LXYp5Nksh8U"
    )
    auth = "tBHItJI5svbpez7KI4CCXg"

    class Meta:
        model = PushSubscription


class PathReminderDefaultsFactory(DjangoModelFactory):
    """A path's reminder defaults (`path` is a PathPage)."""

    class Meta:
        model = PathReminderDefaults
