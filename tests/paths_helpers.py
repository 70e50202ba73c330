"""Helpers of the path tests: a young person who has the steps open, staff in
their review groups, a path built in the admin and approved through its review."""

__all__ = [
    "BLOCK_KINDS",
    "a_path",
    "approve",
    "client_on_path",
    "form_value",
    "listblock",
    "make_index",
    "make_path",
    "open_all_steps",
    "path_form",
    "staff",
    "task_state",
    "young_person",
    "young_person_in_browser",
]

from django.conf import settings
from django.test import Client
from wagtail import blocks
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home import demo as home_demo
from paths.blocks import StepStreamBlock
from paths.factories import PathIndexPageFactory, PathPageFactory
from paths.models import PathPage
from progress import enrolments

from .journey import young_person
from .staff import staff_client


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


# --- Editors in the admin -----------------------------------------------------


def staff(username, *groups, superuser=False):
    """A staff member with TOTP, signed in through allauth and its MFA step."""
    # The admin in English, so that the assertions read its messages.
    return staff_client(username, *groups, superuser=superuser, language="en")


def make_index():
    return PathIndexPageFactory(parent=home_demo.load()["fi"])


def make_path(index, **fields):
    fields.setdefault("intro", "<p>Polku huolesta.</p>")
    fields.setdefault("completion_message", "<p>Hienoa!</p>")
    return PathPageFactory(parent=index, **fields)


def path_form(**overrides):
    data = {
        "title": "Uni ja jaksaminen",
        "slug": "uni",
        "summary": "Kun väsyttää.",
        "age_min": "13",
        "age_max": "17",
        "duration_minutes": "20",
        "order_mode": "sequential",
        "intro": rich_text("<p>Polku unesta.</p>"),
        "who_sees_what": rich_text("<p>Vain sinä näet vastauksesi.</p>"),
        "completion_message": rich_text("<p>Valmista!</p>"),
    }
    data.update(overrides)
    return nested_form_data(data)


def task_state(page):
    """The task the page waits on in its running workflow."""
    state = WorkflowState.objects.for_instance(page).get(
        status=WorkflowState.STATUS_IN_PROGRESS
    )
    return state.current_task_state


def approve(client, page):
    """Approve the page's current task as Wagtail's dashboard does; its name."""
    current = task_state(page)
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{current.pk}/",
        {"comment": ""},
    )
    assert response.status_code == 302
    return current.task.name


def a_path():
    """A live Finnish demo path."""
    return PathPage.objects.live().filter(locale__language_code="fi").first()


def young_person_in_browser(page, live_server, path):
    """Put the session of a young person with every step open into the browser."""
    person = young_person()
    open_all_steps(person, path)
    client = Client()
    client.force_login(person)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
