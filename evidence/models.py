"""Counts for the county's evidence: a small table, never personal rows.

`Count` is rebuilt every night from what is already recorded (enrolments,
step completions, feedback, referral openings, reminder deliveries) by
`evidence.aggregate`. The dashboard reads only this table, and only through
`evidence.disclosure`, which hides small and derivable cells (docs/evidence.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Metric(models.TextChoices):
    OPENED = "opened", _("opened the link")
    STARTED = "started", _("started")
    STEP_COMPLETED = "step_completed", _("completed the step")
    COMPLETED = "completed", _("completed the path")
    REMINDER_OPT_IN = "reminder_opt_in", _("turned reminders on")
    REMINDED = "reminded", _("received a reminder")
    RETURNED = "returned", _("returned within a week of a reminder")
    HELPFUL_YES = "helpful_yes", _("found the step helpful")
    HELPFUL_NO = "helpful_no", _("did not find the step helpful")
    PROMOTER = "promoter", _("promoters (9–10)")
    PASSIVE = "passive", _("passives (7–8)")
    DETRACTOR = "detractor", _("detractors (0–6)")


class Count(models.Model):
    """How many, for one combination of the dimensions in one month.

    Enrolment metrics belong to the month the enrolment started (a cohort),
    feedback to the month it was given, openings to the month of opening.
    An empty `language` (feedback) means every language; an empty `age_band`
    means the age is not known (openings).
    """

    path_key = models.UUIDField(_("path"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    month = models.DateField(_("month"))
    age_band = models.CharField(_("age band"), max_length=8, blank=True)
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("referring service"),
    )
    link = models.ForeignKey(
        "referrals.ReferralLink",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("referral link"),
    )
    step_key = models.UUIDField(_("step"), null=True, blank=True)
    metric = models.CharField(_("metric"), max_length=20, choices=Metric.choices)
    n = models.PositiveIntegerField(_("number"))

    class Meta:
        indexes = [models.Index(fields=["path_key", "month"])]
        verbose_name = _("count")
        verbose_name_plural = _("counts")

    def __str__(self):
        return f"{self.metric} {self.month:%Y-%m}: {self.n}"


class AggregationRun(models.Model):
    """When the counts were last rebuilt, shown on the dashboard."""

    finished_at = models.DateTimeField()
    rows = models.PositiveIntegerField()
    seconds = models.FloatField()

    class Meta:
        get_latest_by = "finished_at"
