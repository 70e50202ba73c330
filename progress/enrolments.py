"""What a young person can do to their own enrolments and answers, in one place.

Views call these; each is idempotent so that a double submit, a retry or two
open tabs end in the same state as one careful click.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Answer, Enrolment, StepCompletion

MAX_ANSWER_LENGTH = 5000


class StaleAnswer(Exception):
    """The answer was changed elsewhere (another tab) after this form was opened."""

    def __init__(self, current):
        super().__init__("stale answer")
        self.current = current


def enrol(user, path_key, first_step_key=None, language="fi", municipality=""):
    """The person's enrolment on the path, created once however often they start."""
    try:
        with transaction.atomic():
            enrolment, created = Enrolment.objects.get_or_create(
                user=user,
                path_key=path_key,
                defaults={
                    "current_step_key": first_step_key,
                    "language": language,
                    "municipality": municipality or "",
                },
            )
    except IntegrityError:  # two tabs pressed "start" at the same moment
        enrolment, created = Enrolment.objects.get(user=user, path_key=path_key), False
    return enrolment, created


def touch(enrolment, language=None, step_key=None):
    fields = {"last_activity_at": timezone.now()}
    if language:
        fields["language"] = language
    if step_key:
        fields["current_step_key"] = step_key
    Enrolment.objects.filter(pk=enrolment.pk).update(**fields)
    for name, value in fields.items():
        setattr(enrolment, name, value)


def complete_step(enrolment, step_key, next_step_key=None):
    """Mark a step done (once) and move the bookmark to the next step."""
    StepCompletion.objects.get_or_create(enrolment=enrolment, step_key=step_key)
    touch(enrolment, step_key=next_step_key or step_key)


def completed_step_keys(enrolment):
    return set(enrolment.completions.values_list("step_key", flat=True))


def complete_path(enrolment):
    if enrolment.completed_at is None:
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["completed_at"])


def save_answer(enrolment, step_key, block_id, value, base_revision=None):
    """Store an answer; refuse to overwrite a newer one from another tab.

    `base_revision` is the revision the form was rendered with. A resubmission of
    the same value is accepted whatever its revision (a double submit).
    """
    with transaction.atomic():
        answer = (
            Answer.objects.select_for_update()
            .filter(enrolment=enrolment, block_id=block_id)
            .first()
        )
        if answer is None:
            try:
                with transaction.atomic():
                    answer = Answer.objects.create(
                        enrolment=enrolment,
                        step_key=step_key,
                        block_id=block_id,
                        value=value,
                    )
            except IntegrityError:  # created by the other tab a moment ago
                answer = Answer.objects.select_for_update().get(
                    enrolment=enrolment, block_id=block_id
                )
            else:
                touch(enrolment)
                return answer
        if answer.value == value:
            return answer
        if base_revision is not None and base_revision != answer.revision:
            raise StaleAnswer(answer)
        answer.value = value
        answer.revision += 1
        answer.save(update_fields=["value", "revision", "updated_at"])
    touch(enrolment)
    return answer


def answers_by_block(enrolment):
    return {answer.block_id: answer for answer in enrolment.answers.all()}


def forget_path(enrolment):
    """Delete everything one person has on one path."""
    enrolment.delete()
