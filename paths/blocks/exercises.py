"""Exercises with a text version and a timer that JavaScript only enhances."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class BreathingExerciseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    instructions = blocks.RichTextBlock(
        label=_("Instructions"), editor="short", required=False
    )
    inhale = blocks.IntegerBlock(
        label=_("Breathe in (seconds)"), min_value=1, max_value=10, default=4
    )
    hold = blocks.IntegerBlock(
        label=_("Hold (seconds)"), min_value=0, max_value=10, default=4
    )
    exhale = blocks.IntegerBlock(
        label=_("Breathe out (seconds)"), min_value=1, max_value=12, default=6
    )
    rounds = blocks.IntegerBlock(
        label=_("Rounds"), min_value=1, max_value=20, default=5
    )

    class Meta:
        icon = "time"
        label = _("Breathing exercise")
        template = "components/blocks/breathing_exercise_block.html"
        description = _(
            "A paced breathing exercise with an animated timer and a text version."
        )


class GroundingPromptBlock(blocks.StructBlock):
    count = blocks.IntegerBlock(label=_("How many"), min_value=1, max_value=10)
    prompt = blocks.CharBlock(label=_("Prompt"), max_length=160)

    class Meta:
        icon = "list-ol"
        label = _("Prompt")


class GroundingExerciseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    introduction = blocks.RichTextBlock(
        label=_("Introduction"), editor="short", required=False
    )
    prompts = blocks.ListBlock(
        GroundingPromptBlock(),
        label=_("Prompts"),
        min_num=1,
        default=[
            {"count": 5, "prompt": "asiaa, jotka näet"},
            {"count": 4, "prompt": "asiaa, joihin voit koskea"},
            {"count": 3, "prompt": "ääntä, jotka kuulet"},
            {"count": 2, "prompt": "tuoksua, jotka haistat"},
            {"count": 1, "prompt": "maku, jonka tunnet"},
        ],
    )

    class Meta:
        icon = "list-ol"
        label = _("Grounding exercise")
        template = "components/blocks/grounding_exercise_block.html"
        description = _("A 5-4-3-2-1 style exercise that brings attention to now.")


class ExerciseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    instructions = blocks.RichTextBlock(label=_("Instructions"), editor="body")
    timer_minutes = blocks.IntegerBlock(
        label=_("Timer (minutes)"),
        min_value=1,
        max_value=60,
        required=False,
        help_text=_("Optional. Shows a start button and a countdown."),
    )

    class Meta:
        icon = "pick"
        label = _("Exercise")
        template = "components/blocks/exercise_block.html"
        description = _("Instructions for an exercise, with an optional timer.")


class UrgeSurfingBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    instructions = blocks.RichTextBlock(
        label=_("Instructions"), editor="short", required=False
    )
    minutes = blocks.IntegerBlock(
        label=_("Timer (minutes)"), min_value=1, max_value=30, default=5
    )

    class Meta:
        icon = "time"
        label = _("Urge surfing")
        template = "components/blocks/urge_surfing_block.html"
        description = _(
            "Riding out an urge like a wave: a timer that walks through the stages, "
            "with a text version."
        )
