"""Helpers of the path tests: a young person who has the steps open."""

import datetime

from django.test import Client

from accounts.models import User
from progress import services


def young_person(username="nuori"):
    """A strongly identified 15-year-old (as the strongid provider makes them)."""
    today = datetime.date.today()
    return User.objects.create_user(
        username,
        is_young_person=True,
        turns_18_on=today.replace(year=today.year + 3),
    )


def open_all_steps(user, path):
    """Enrol the person and mark every step done, so that any step may open."""
    enrolment, _ = services.enrol(user, path.path_key)
    for step in path.get_steps():
        services.complete_step(enrolment, step.step_key)
    return enrolment


def client_on_path(path, user=None):
    """A signed-in client of a young person with every step of the path open."""
    user = user or young_person()
    open_all_steps(user, path)
    client = Client()
    client.force_login(user)
    return client, user
