"""Kinds of service an editor can name in a step instead of one service.

A step says "Ohjaamo" or "school nurse"; the portal shows the one that serves
the young person's municipality first, then regional and national ones
(`directory.local`). Plain choices, not a model: paths' blocks store them in
StreamField JSON, and a kind is a promise the demo data and editors share.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceKind(models.TextChoices):
    OHJAAMO = "ohjaamo", _("Ohjaamo (one-stop guidance)")
    SCHOOL_NURSE = "school_nurse", _("School nurse")
    STUDENT_WELFARE = "student_welfare", _("School social worker or psychologist")
    FAMILY_CENTRE = "family_centre", _("Family centre")
    YOUTH_SUBSTANCE = "youth_substance", _("Youth substance services")
    WALK_IN_THERAPY = "walk_in_therapy", _("Walk-in therapy")
    MEETING_PLACE = "meeting_place", _("Meeting place")
    YOUTH_PSYCHIATRY = "youth_psychiatry", _("Youth psychiatry")
    PARISH_YOUTH = "parish_youth", _("Parish youth work")
    HELPLINE = "helpline", _("Helpline or chat")
    EMERGENCY = "emergency", _("Emergency and on-call services")
