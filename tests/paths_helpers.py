"""Helpers of the path tests: a young person who has the steps open."""

__all__ = ["client_on_path", "open_all_steps", "young_person"]

from django.test import Client

from progress import services

from .journey import young_person


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
