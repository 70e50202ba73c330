"""The young person's way through a path: who may start, which step is open.

All decisions are made on the server from stable keys: the path's and the
steps' `translation_key`. Page ids and step numbers are only for display.
"""

from dataclasses import dataclass, field

from accounts.strongid.identity import age_of

from .models import Enrolment


def person_age(user):
    """Age today in Helsinki (accounts.strongid.identity.age_of)."""
    return age_of(user)


def in_audience(user, path):
    age = person_age(user)
    return age is not None and path.age_min <= age <= path.age_max


def enrolment_for(user, path):
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, path_key=path.path_key).first()


def completed_keys(enrolment):
    if enrolment is None:
        return set()
    return {str(k) for k in enrolment.completions.values_list("step_key", flat=True)}


def open_step(path, enrolment, steps=None, done=None):
    """The step the person is on: the first not done (ordered paths).

    Steps added later simply become the next open step; steps removed since
    are ignored, their completions kept.
    """
    steps = steps if steps is not None else path.get_steps()
    done = done if done is not None else completed_keys(enrolment)
    for step in steps:
        if str(step.step_key) not in done:
            return step
    return None


def resume_step(path, enrolment, steps=None, done=None):
    """Where "continue" leads: the bookmark in free paths, else the open step."""
    steps = steps if steps is not None else path.get_steps()
    if not path.is_sequential and enrolment and enrolment.current_step_key:
        for step in steps:
            if str(step.step_key) == str(enrolment.current_step_key):
                return step
    return open_step(path, enrolment, steps, done) or (steps[-1] if steps else None)


def may_open(path, step, enrolment, done=None):
    """Ordered paths: a step opens once every step before it is done."""
    if not path.is_sequential:
        return True
    done = done if done is not None else completed_keys(enrolment)
    if str(step.step_key) in done:
        return True
    current = open_step(path, enrolment, done=done)
    return current is not None and current.pk == step.pk


@dataclass
class StepState:
    """What a step page needs to know about this person (read by the template)."""

    enrolment: object = None
    answers: dict = field(default_factory=dict)
    completed: bool = False
    errors: dict = field(default_factory=dict)
    drafts: dict = field(default_factory=dict)
    answer_url: str = ""
    complete_url: str = ""
    next_opens: bool = True

    @property
    def enrolled(self):
        return self.enrolment is not None
