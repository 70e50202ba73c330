"""Helpers of the path tests: a young person who has the steps open."""

__all__ = ["BLOCK_KINDS", "client_on_path", "open_all_steps", "young_person"]

from django.test import Client

from paths.blocks import StepStreamBlock
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


# Every answerable or rendered block kind of a step that costs SQL to show.
BLOCK_KINDS = [kind for kind in StepStreamBlock.base_blocks if kind != "help_box"]
