"""Helpers of the path tests: a young person who has the steps open."""

__all__ = [
    "BLOCK_KINDS",
    "client_on_path",
    "form_value",
    "listblock",
    "open_all_steps",
    "young_person",
]

from django.test import Client
from wagtail import blocks
from wagtail.test.utils.form_data import rich_text

from paths.blocks import StepStreamBlock
from progress import enrolments

from .journey import young_person


def open_all_steps(user, path):
    """Enrol the person and mark every step done, so that any step may open."""
    enrolment, _ = enrolments.enrol(user, path.path_key)
    for step in path.get_steps():
        enrolments.complete_step(enrolment, step.step_key)
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


def listblock(items):
    """A list block's items as the admin's form posts them."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def form_value(block, value):
    """A stored block value as the admin's form posts it."""
    if isinstance(block, blocks.StructBlock):
        return {
            name: form_value(block.child_blocks[name], child)
            for name, child in value.items()
        }
    if isinstance(block, blocks.ListBlock):
        return listblock([form_value(block.child_block, item) for item in value])
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value)
    if isinstance(block, blocks.BooleanBlock):
        return "on" if value else ""
    return "" if value is None else str(value)
