"""Blocks a young person answers: reflection, checklist and self-check.

Their StreamField block id keys the saved answers (see the package docstring).
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from directory.blocks import ServiceChooserBlock
from directory.kinds import ServiceKind

# Block types a young person answers; their ids key the saved answers.
ANSWERABLE_BLOCK_TYPES = ("reflection", "checklist", "self_check")


class ReflectionQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    help_text = blocks.CharBlock(
        label=_("Help text"),
        required=False,
        max_length=250,
        help_text=_("E.g. an example of an answer, or 'a few words is enough'."),
    )

    class Meta:
        icon = "help"
        label = _("Reflection question")
        template = "components/blocks/reflection_question_block.html"
        description = _(
            "A question the young person answers privately. Only they see the answer."
        )


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    introduction = blocks.CharBlock(label=_("Introduction"), required=False)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=200), label=_("Items"), min_num=1
    )
    own_items = blocks.BooleanBlock(
        label=_("Let the young person add their own items"),
        required=False,
        default=True,
    )

    class Meta:
        icon = "tasks"
        label = _("Checklist or my plan")
        template = "components/blocks/checklist_block.html"
        description = _("Things to tick off, or a plan the young person makes.")


class SelfCheckOptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Option"), max_length=120)
    score = blocks.IntegerBlock(label=_("Points"), min_value=0, max_value=100)

    class Meta:
        icon = "radio-full"
        label = _("Option")


class SelfCheckQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    options = blocks.ListBlock(SelfCheckOptionBlock(), label=_("Options"), min_num=2)

    class Meta:
        icon = "help"
        label = _("Question")


class ScoreBandBlock(blocks.StructBlock):
    min_score = blocks.IntegerBlock(label=_("From (points)"), min_value=0)
    max_score = blocks.IntegerBlock(label=_("To (points)"), min_value=0)
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    feedback = blocks.RichTextBlock(
        label=_("Feedback"),
        editor="short",
        help_text=_(
            "Reflective, never a diagnosis: 'if this feels familiar, talk to …'."
        ),
    )
    service_kinds = blocks.MultipleChoiceBlock(
        choices=ServiceKind.choices,
        label=_("Recommended kinds of service"),
        required=False,
        help_text=_(
            "The young person sees the one of their municipality first, then "
            "regional and national ones."
        ),
    )
    services = blocks.ListBlock(
        ServiceChooserBlock(),
        label=_("Recommended services"),
        required=False,
        # No empty (required) chooser row to start with: a band may well
        # recommend no service, and an empty row stopped the submit.
        default=[],
        help_text=_("Pinned: shown to everyone, wherever they live."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Score band")


class InstrumentLicence(models.TextChoices):
    OWN = "own", _("Our own questions")
    FREE = "free", _("Free to use electronically (e.g. PHQ-A, GAD-7, AUDIT-C)")
    PERMISSION = "permission", _("Used with the licence holder's written permission")
    UNCLEAR = "unclear", _("Licence unclear")
    NO_ELECTRONIC = "no_electronic", _("The licence forbids electronic use (e.g. SDQ)")


# Instruments whose licence is known to forbid electronic use: the editor is
# stopped even if the licence field was set wrongly.
FORBIDDEN_INSTRUMENTS = re.compile(r"\bSDQ\b|strengths and difficulties", re.I)


class SelfCheckBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    introduction = blocks.RichTextBlock(
        label=_("Introduction"), editor="short", required=False
    )
    questions = blocks.ListBlock(
        SelfCheckQuestionBlock(), label=_("Questions"), min_num=1
    )
    bands = blocks.ListBlock(ScoreBandBlock(), label=_("Score bands"), min_num=1)
    instrument_name = blocks.CharBlock(
        label=_("Instrument"),
        max_length=120,
        help_text=_("The name of the questionnaire, or 'our own questions'."),
    )
    instrument_source = blocks.CharBlock(
        label=_("Source"),
        required=False,
        max_length=250,
        help_text=_("Who made it and where it is published."),
    )
    licence = blocks.ChoiceBlock(
        label=_("Licence"),
        choices=InstrumentLicence.choices,
        default=InstrumentLicence.OWN,
    )
    licence_note = blocks.CharBlock(
        label=_("Licence details"),
        required=False,
        max_length=250,
        help_text=_("E.g. the permission's date and reference."),
    )

    class Meta:
        icon = "form"
        label = _("Self-check")
        template = "components/blocks/self_check_block.html"
        description = _(
            "A short questionnaire with non-diagnostic feedback and services."
        )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        licence = value.get("licence")
        if licence == InstrumentLicence.NO_ELECTRONIC or FORBIDDEN_INSTRUMENTS.search(
            value.get("instrument_name") or ""
        ):
            errors["licence"] = ValidationError(
                _(
                    "This instrument's licence forbids electronic use. Use another "
                    "instrument or your own questions."
                )
            )
        elif licence == InstrumentLicence.UNCLEAR:
            errors["licence"] = ValidationError(
                _(
                    "The licence is unclear: find out from the licence holder "
                    "before using this instrument."
                )
            )
        elif licence == InstrumentLicence.PERMISSION and not value.get("licence_note"):
            errors["licence_note"] = ValidationError(
                _("Say when and from whom the permission was given.")
            )
        # A draft may be saved half-filled (Wagtail defers required checks to
        # publishing): only bands with both ends are compared; the required
        # checks report the rest when the step is submitted.
        all_bands = value.get("bands") or []
        bands = sorted(
            (
                band
                for band in all_bands
                if band.get("min_score") is not None
                and band.get("max_score") is not None
            ),
            key=lambda band: band["min_score"],
        )
        complete = len(bands) == len(all_bands)
        if complete and any(band["min_score"] > band["max_score"] for band in bands):
            errors["bands"] = ValidationError(
                _("Each score band must start at or below its end.")
            )
        elif complete and self.max_score(value) is not None and bands:
            covered = bands[0]["min_score"] <= 0 and bands[-1]["max_score"] >= (
                self.max_score(value)
            )
            gapless = all(
                later["min_score"] == earlier["max_score"] + 1
                for earlier, later in zip(bands, bands[1:], strict=False)
            )
            if not (covered and gapless):
                errors["bands"] = ValidationError(
                    _(
                        "The score bands must cover every possible score from 0 to "
                        "%(max)s without gaps or overlaps."
                    )
                    % {"max": self.max_score(value)}
                )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    @staticmethod
    def max_score(value):
        questions = value.get("questions") or []
        if not questions:
            return None
        return sum(
            max(
                (
                    option["score"]
                    for option in question.get("options") or []
                    if option.get("score") is not None
                ),
                default=0,
            )
            for question in questions
        )

    @staticmethod
    def band_for(value, score):
        """The score band of a total score (for the progress app's feedback)."""
        for band in value.get("bands") or []:
            low, high = band.get("min_score"), band.get("max_score")
            if low is not None and high is not None and low <= score <= high:
                return band
        return None
