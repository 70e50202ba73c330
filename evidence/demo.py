"""Generated history for the demo (`make run`), so the dashboard shows
something real: a few hundred enrolments over the last six whole months,
across paths, languages, age bands and referring services, with step
completions, feedback, reminders and link openings.

Development only: `load_demo` calls this when the settings give a demo
password (never in production), with a fixed seed, once. The accounts are
pseudonymous like real ones ("demo-nuori-N", no identity code, no name).
"""

import datetime
import random
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale

from paths.models import PathPage
from progress.models import Enrolment, Feedback, StepCompletion
from referrals.models import (
    ReferralLink,
    ReferralOpening,
    ReferredEnrolment,
    StaffMembership,
)
from referrals.staff import link_for, own_service
from reminders.models import Delivery, ReminderPreference

from . import aggregate
from .months import add_months, last_whole_month

SEED = 13
PREFIX = "demo-nuori-"
HELSINKI = ZoneInfo("Europe/Helsinki")
LANGUAGES = [("fi", 82), ("sv", 14), ("en", 4)]


def _pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _links(rng):
    """One link per demo staff member, path and language (fi, and sv)."""

    # In the order of the dashboard's path menu: the first gets most history.
    paths = list(
        PathPage.objects.live().filter(locale=Locale.get_default()).order_by("title")
    )
    links = []
    for membership in StaffMembership.objects.select_related("user"):
        service = own_service(membership.user)
        if service is None:
            continue
        for path in paths:
            for language in ("fi", "sv"):
                link = link_for(membership.user, path.path_key, service, language)
                links.append(link)
    ReferralLink.objects.filter(pk__in=[link.pk for link in links]).update(
        created_at=datetime.datetime(2020, 1, 1, tzinfo=HELSINKI)
    )
    return paths, links


@transaction.atomic
def load(count=420, months=6, seed=SEED):
    User = get_user_model()
    if User.objects.filter(username__startswith=PREFIX).exists():
        return False

    rng = random.Random(seed)
    paths, links = _links(rng)
    if not paths:
        return False
    steps = {path.path_key: [s.step_key for s in path.get_steps()] for path in paths}
    first = add_months(last_whole_month(), 1 - months)
    users, plans = [], []
    for number in range(count):
        # The first path is the county's main one: most of the history.
        path = paths[0] if rng.random() < 0.6 else rng.choice(paths)
        language = _pick(rng, LANGUAGES)
        month = add_months(first, rng.randrange(months))
        started = datetime.datetime(
            month.year,
            month.month,
            rng.randint(1, 28),
            rng.randint(8, 21),
            rng.randint(0, 59),
            tzinfo=HELSINKI,
        )
        age = _pick(rng, [(13, 15), (14, 22), (15, 25), (16, 22), (17, 16)])
        turns_18 = started.date().replace(year=started.year + 18 - age)
        turns_18 += datetime.timedelta(days=rng.randint(1, 360))
        candidates = [
            link
            for link in links
            if link.path_key == path.path_key and link.language == language
        ]
        link = rng.choice(candidates) if candidates and rng.random() < 0.5 else None
        users.append(
            User(
                username=f"{PREFIX}{number}", is_young_person=True, turns_18_on=turns_18
            )
        )
        plans.append((path, language, started, age, link))
    for user in users:
        user.set_unusable_password()
    users = User.objects.bulk_create(users)
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            user=user,
            path_key=path.path_key,
            language=language,
            started_at=started,
            last_activity_at=started,
        )
        for user, (path, language, started, _age, _link) in zip(
            users, plans, strict=True
        )
    )
    completions, referred, feedback, preferences, opened = [], [], [], [], {}
    for enrolment, (path, _language, started, age, link) in zip(
        enrolments, plans, strict=True
    ):
        when = started
        done = 0
        for step_key in steps[path.path_key]:
            if rng.random() > (0.85 if done else 0.9):
                break
            when += datetime.timedelta(days=rng.randint(0, 4), hours=rng.randint(0, 5))
            completions.append(
                StepCompletion(
                    enrolment=enrolment, step_key=step_key, completed_at=when
                )
            )
            done += 1
            if rng.random() < 0.35:
                feedback.append(
                    Feedback(
                        path_key=path.path_key,
                        step_key=step_key,
                        helpful=rng.random() < 0.8,
                        age_band="16-17" if age >= 16 else "13-15",
                        day=when.astimezone(HELSINKI).date(),
                    )
                )
        if done == len(steps[path.path_key]):
            enrolment.completed_at = when
            if rng.random() < 0.9:
                feedback.append(
                    Feedback(
                        path_key=path.path_key,
                        recommend_score=_pick(
                            rng,
                            [
                                (10, 25),
                                (9, 20),
                                (8, 15),
                                (7, 10),
                                (6, 10),
                                (5, 8),
                                (3, 7),
                                (0, 5),
                            ],
                        ),
                        age_band="16-17" if age >= 16 else "13-15",
                        day=when.astimezone(HELSINKI).date(),
                    )
                )
        enrolment.last_activity_at = when
        if link is not None:
            referred.append(
                ReferredEnrolment(
                    enrolment=enrolment,
                    link=link,
                    completion_counted=enrolment.completed_at is not None,
                )
            )
            month = started.date().replace(day=1)
            opened[(link.pk, month)] = opened.get((link.pk, month), 0) + rng.randint(
                1, 2
            )
        if rng.random() < 0.4:
            preferences.append(
                ReminderPreference(enrolment=enrolment, enabled=True, channel="email")
            )
    Enrolment.objects.bulk_update(enrolments, ["completed_at", "last_activity_at"])
    StepCompletion.objects.bulk_create(completions)
    ReferredEnrolment.objects.bulk_create(referred)
    Feedback.objects.bulk_create(feedback)
    ReferralOpening.objects.bulk_create(
        ReferralOpening(link_id=pk, month=month, n=n)
        for (pk, month), n in opened.items()
    )
    preferences = ReminderPreference.objects.bulk_create(preferences)
    Delivery.objects.bulk_create(
        Delivery(
            preference=preference,
            due_at=preference.enrolment.started_at + datetime.timedelta(days=2),
            finished_at=preference.enrolment.started_at + datetime.timedelta(days=2),
            channel="email",
            status="sent",
        )
        for preference in preferences
    )
    aggregate.rebuild()
    return True


def load_staff(password):
    """The history, once the demo's staff and links exist (core's load_demo)."""
    load()
