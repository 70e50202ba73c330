"""Factories of accounts: young people, staff with a TOTP authenticator."""

import datetime

import factory
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from .hetu import birth_date_for_age
from .models import User
from .strongid.identity import anniversary, helsinki_today

STAFF_PASSWORD = "a-long-staff-password-2026"


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"kayttaja-{n}")

    class Meta:
        model = User
        skip_postgeneration_save = True


class YoungPersonFactory(UserFactory):
    """A strongly identified young person of `age` (as strong identification makes).

    Turned `age` on or before today: on 29 February the birthday is the 28th,
    never a 1 March still to come (a suite run that day stays right).
    """

    username = "nuori"
    is_young_person = True
    identified_at = factory.LazyFunction(lambda: datetime.datetime.now(datetime.UTC))

    class Params:
        age = 15

    turns_18_on = factory.LazyAttribute(
        lambda person: anniversary(birth_date_for_age(person.age, helsinki_today()), 18)
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.create_user(*args, **kwargs)


class StaffFactory(UserFactory):
    """A staff member with a password and a TOTP authenticator.

    `groups` are group names; the TOTP secret is on `user.totp_secret`.
    """

    username = factory.Sequence(lambda n: f"tyontekija-{n}")
    is_staff = True
    password = factory.django.Password(STAFF_PASSWORD)

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        for name in extracted or ():
            user.groups.add(Group.objects.get(name=name))

    @factory.post_generation
    def totp(user, create, extracted, **kwargs):
        user.totp_secret = None
        if create and extracted is not False:
            user.totp_secret = generate_totp_secret()
            TOTP.activate(user, user.totp_secret)
