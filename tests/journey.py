"""A small path for journey tests, built through the page tree like an editor."""

from wagtail.models import Locale

from accounts.factories import YoungPersonFactory
from home import demo as home_demo
from home.models import HomePage
from paths.factories import (
    CHECKLIST,
    REFLECTION,
    SELF_CHECK,
    PathIndexPageFactory,
    PathPageFactory,
    PathStepPageFactory,
)
from paths.models import PathIndexPage, PathPage


def build_path(order_mode="sequential", age_min=13, age_max=17, steps=3, body=None):
    """A live fi path with steps: reflection, checklist, self-check, then text."""
    home_demo.load()
    fi = Locale.objects.get(language_code="fi")
    home = HomePage.objects.get(locale=fi)
    index = PathIndexPage.objects.filter(locale=fi).first()
    if index is None:
        index = PathIndexPageFactory(
            parent=home, title="Testipolut", slug="testipolut", locale=fi
        )
    path = PathPageFactory(
        parent=index,
        title="Testipolku",
        slug=f"testipolku-{order_mode}-{steps}-{len(body or [])}",
        summary="Polku testejä varten.",
        who_sees_what="<p>Vain sinä.</p>",
        order_mode=order_mode,
        age_min=age_min,
        age_max=age_max,
        locale=fi,
    )
    bodies = (
        [body]
        if body
        else [
            [("reflection", REFLECTION)],
            [("checklist", CHECKLIST)],
            [("self_check", SELF_CHECK)],
        ]
    )
    for number in range(steps):
        body = bodies[number] if number < len(bodies) else [("text", "<p>Teksti</p>")]
        PathStepPageFactory(
            parent=path, title=f"Vaihe {number + 1}", body=body, locale=fi
        )
    return PathPage.objects.get(pk=path.pk)


def young_person(username="nuori", age=15):
    """A strongly identified young person of the given age (as strongid makes)."""
    return YoungPersonFactory(username=username, age=age)
