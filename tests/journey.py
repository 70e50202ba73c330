"""A small path for journey tests, built through the page tree like an editor."""

import datetime

from wagtail.models import Locale

from accounts.hetu import birth_date_for_age
from accounts.models import User
from accounts.strongid.identity import anniversary, helsinki_today
from home import demo as home_demo
from home.models import HomePage
from paths.models import PathIndexPage, PathPage, PathStepPage

REFLECTION = {"question": "Mikä sinua huolettaa?", "help_text": ""}
CHECKLIST = {
    "title": "Oma suunnitelma",
    "introduction": "",
    "items": ["Menen ajoissa nukkumaan", "Puhun jollekulle"],
    "own_items": True,
}
SELF_CHECK = {
    "title": "Miten jaksat?",
    "introduction": "",
    "questions": [
        {
            "question": "Olen ollut huolissani",
            "options": [{"label": "En", "score": 0}, {"label": "Usein", "score": 3}],
        },
        {
            "question": "Olen nukkunut huonosti",
            "options": [{"label": "En", "score": 0}, {"label": "Usein", "score": 3}],
        },
    ],
    "bands": [
        {
            "min_score": 0,
            "max_score": 2,
            "title": "Kevyt kuormitus",
            "feedback": "<p>Hyvä, että pysähdyit miettimään.</p>",
            "services": [],
        },
        {
            "min_score": 3,
            "max_score": 6,
            "title": "Paljon kuormitusta",
            "feedback": "<p>Puhu jollekulle, johon luotat.</p>",
            "services": [],
        },
    ],
    "instrument_name": "Polun omat kysymykset",
    "instrument_source": "Polku",
    "licence": "own",
    "licence_note": "",
}


def build_path(order_mode="sequential", age_min=13, age_max=17, steps=3, body=None):
    """A live fi path with steps: reflection, checklist, self-check, then text."""
    home_demo.load()
    fi = Locale.objects.get(language_code="fi")
    home = HomePage.objects.get(locale=fi)
    index = PathIndexPage.objects.filter(locale=fi).first()
    if index is None:
        index = PathIndexPage(title="Testipolut", slug="testipolut", locale=fi)
        home.add_child(instance=index)
        index.save_revision().publish()
    path = PathPage(
        title="Testipolku",
        slug=f"testipolku-{order_mode}-{steps}-{len(body or [])}",
        summary="Polku testejä varten.",
        intro="<p>Johdanto.</p>",
        who_sees_what="<p>Vain sinä.</p>",
        completion_message="<p>Hienoa, pääsit loppuun!</p>",
        order_mode=order_mode,
        age_min=age_min,
        age_max=age_max,
        locale=fi,
    )
    index.add_child(instance=path)
    path.save_revision().publish()
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
        step = PathStepPage(title=f"Vaihe {number + 1}", body=body, locale=fi)
        path.add_child(instance=step)
        step.save_revision().publish()
    return PathPage.objects.get(pk=path.pk)


def young_person(username="nuori", age=15):
    """A strongly identified young person of the given age (as strongid makes)."""
    # Turned `age` on or before today: on 29 February the birthday is the
    # 28th, never a 1 March still to come (a suite run that day stays right).
    born = birth_date_for_age(age, helsinki_today())
    return User.objects.create_user(
        username,
        is_young_person=True,
        turns_18_on=anniversary(born, 18),
        identified_at=datetime.datetime.now(datetime.UTC),
    )
