"""The stream a step's body is composed of, grouped as the block picker shows it."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .answerable import ChecklistBlock, ReflectionQuestionBlock, SelfCheckBlock
from .exercises import (
    BreathingExerciseBlock,
    ExerciseBlock,
    GroundingExerciseBlock,
    UrgeSurfingBlock,
)
from .help_and_services import HelpBoxBlock, ServiceContactBlock
from .text_and_media import CaptionedImageBlock, TipBlock, TrustedLinkBlock, VideoBlock


class StepStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"),
        editor="body",
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
        group=_("Text and media"),
        description=_("Text with headings, lists and links."),
        preview_value=(
            "<h2>Mikä huolestuttaa?</h2><p>Huoli on tavallinen tunne. Se yrittää "
            "suojella sinua.</p>"
        ),
    )
    image = CaptionedImageBlock(group=_("Text and media"))
    video = VideoBlock(group=_("Text and media"))
    tip = TipBlock(
        group=_("Text and media"),
        preview_value={
            "kind": "tip",
            "text": "<p>Pienikin tauko auttaa, kun olo on kuormittunut.</p>",
        },
    )
    trusted_link = TrustedLinkBlock(
        group=_("Text and media"),
        preview_value={
            "title": "Mielenterveystalo: nuoret",
            "url": "https://www.mielenterveystalo.fi/",
            "source": "HUS",
            "description": "Luotettavaa tietoa mielen hyvinvoinnista.",
        },
    )
    breathing = BreathingExerciseBlock(
        group=_("Exercises"),
        preview_value={
            "title": "Rauhallinen hengitys",
            "inhale": 4,
            "hold": 4,
            "exhale": 6,
            "rounds": 5,
        },
    )
    grounding = GroundingExerciseBlock(
        group=_("Exercises"),
        preview_value={
            "title": "5-4-3-2-1",
            "prompts": [
                {"count": 5, "prompt": "asiaa, jotka näet"},
                {"count": 4, "prompt": "asiaa, joihin voit koskea"},
                {"count": 3, "prompt": "ääntä, jotka kuulet"},
            ],
        },
    )
    urge_surfing = UrgeSurfingBlock(
        group=_("Exercises"),
        preview_value={"title": "Aallolla surffaus", "minutes": 5},
    )
    exercise = ExerciseBlock(
        group=_("Exercises"),
        preview_value={
            "title": "Huolihetki",
            "instructions": "<p>Kirjoita huolet paperille kymmenen minuutin ajan.</p>",
            "timer_minutes": 10,
        },
    )
    reflection = ReflectionQuestionBlock(
        group=_("Questions"),
        preview_value={
            "question": "Mikä sai sinut tänään hyvälle tuulelle?",
            "help_text": "Muutama sana riittää.",
        },
    )
    checklist = ChecklistBlock(
        group=_("Questions"),
        preview_value={
            "title": "Minun suunnitelmani",
            "items": ["Menen nukkumaan ennen yhtätoista", "Puhelin yöksi laturiin"],
            "own_items": True,
        },
    )
    self_check = SelfCheckBlock(
        group=_("Questions"),
        preview_value={
            "title": "Miten olet jaksanut?",
            "questions": [
                {
                    "question": "Olen nukkunut hyvin.",
                    "options": [
                        {"label": "Usein", "score": 0},
                        {"label": "Joskus", "score": 1},
                        {"label": "Harvoin", "score": 2},
                    ],
                }
            ],
            "bands": [],
            "instrument_name": "Omat kysymykset",
            "licence": "own",
        },
    )
    service_contact = ServiceContactBlock(group=_("Help and services"))
    help_box = HelpBoxBlock(group=_("Help and services"))

    class Meta:
        block_counts = {"help_box": {"max_num": 1}}
