"""A young person's progress on a path, and their private answers.

Everything is keyed on stable UUIDs rather than page ids: a path and its steps
are identified by their Wagtail `translation_key`, a question by its StreamField
block id. So progress survives editors reordering, adding or removing steps and
the person switching language: the Swedish page of a step has the same key.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField

from .fields import SealedJSONField


class Enrolment(models.Model):
    """One person on one path. Starting twice finds the same row."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    path_key = models.UUIDField(_("path"), db_index=True)
    current_step_key = models.UUIDField(_("current step"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, default="fi")
    # The municipality the person chose for local help (a code such as
    # "hamina", or empty): it follows them to another device; it identifies
    # nobody. See directory/local.py.
    municipality = models.CharField(_("municipality"), max_length=40, blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "path_key"], name="one_enrolment_per_path"
            )
        ]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")

    def __str__(self):
        return f"enrolment {self.public_id}"

    @property
    def is_completed(self):
        return self.completed_at is not None


class StepCompletion(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="completions"
    )
    step_key = models.UUIDField(_("step"))
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "step_key"], name="one_completion_per_step"
            )
        ]


class Answer(models.Model):
    """A private answer to one block (reflection, checklist, self-check).

    The value is encrypted at rest (django-fernet-encrypted-fields; keys rotate
    through SALT_KEY / SECRET_KEY_FALLBACKS, see docs/progress.md) and never
    logged. `revision` increases on every save so that a stale tab cannot
    silently overwrite a newer answer.
    """

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="answers"
    )
    step_key = models.UUIDField(_("step"))
    block_id = models.CharField(_("question"), max_length=64)
    value = SealedJSONField(_("answer"))
    revision = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "block_id"], name="one_answer_per_question"
            )
        ]


class Feedback(models.Model):
    """Feedback on a step or a whole path, deliberately unlinked from anyone.

    No user, no enrolment, and only the day: feedback can be counted by path,
    step, age band and referring service, never joined back to a person.
    """

    path_key = models.UUIDField(_("path"), db_index=True)
    step_key = models.UUIDField(_("step"), null=True, blank=True)
    helpful = models.BooleanField(_("helpful"), null=True, blank=True)
    recommend_score = models.PositiveSmallIntegerField(
        _("how likely to recommend (0-10)"), null=True, blank=True
    )
    # The library stores an empty text as NULL.
    comment = EncryptedTextField(_("comment"), blank=True, null=True)
    age_band = models.CharField(_("age band"), max_length=8, blank=True)
    day = models.DateField(_("day"), default=timezone.localdate)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")


class RetentionNotice(models.Model):
    """That a deletion notice was sent (or had no channel): send it once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="retention_notice",
    )
    sent_at = models.DateTimeField(default=timezone.now)
