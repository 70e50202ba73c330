"""The ready blocks editors compose a path step from.

Every block renders accessible HTML that works without JavaScript (templates in
`templates/components/blocks/`); JavaScript only enhances the timers. Blocks a
young person answers (reflection, checklist, self-check) are keyed by their
StreamField block id: it survives editing, reordering and translation
(wagtail-localize keeps block ids), so the progress app stores answers under it.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from directory.blocks import ServiceChooserBlock
from directory.kinds import ServiceKind

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
SHORT_FEATURES = ["bold", "italic", "link"]

# Block types a young person answers; their ids key the saved answers.
ANSWERABLE_BLOCK_TYPES = ("reflection", "checklist", "self_check")


class StepImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_(
            "Required. Say what the image shows for someone who cannot see it."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/step_image_block.html"
        description = _("An image with required alternative text.")

    def get_preview_value(self):
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("pk").first()
        return self.normalize(
            {"image": image, "alt_text": image.title if image else "", "caption": ""}
        )


class VideoBlock(blocks.StructBlock):
    """A self-hosted video, or a link to a hosted one that loads nothing first.

    No player of another host is embedded: the page stays within the 'self'
    content security policy, and a hosted video opens only when the young
    person chooses to follow the link.
    """

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    video_file = DocumentChooserBlock(
        label=_("Video file (MP4 or WebM)"),
        required=False,
        help_text=_("Upload the video to Documents. It is served from this site."),
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"),
        required=False,
        help_text=_("A .vtt file of captions in the language of this page."),
    )
    external_url = blocks.URLBlock(
        label=_("Or: address of a hosted video"),
        required=False,
        help_text=_(
            "Shown as a link. Nothing from the other site loads before the young "
            "person opens it."
        ),
    )
    duration = blocks.CharBlock(
        label=_("Length"), required=False, max_length=20, help_text=_("E.g. 2:30")
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Required. Everything said and shown, for those who cannot play it."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/blocks/video_block.html"
        description = _(
            "A self-hosted video or a privacy-friendly link, with a transcript."
        )
        preview_value = {
            "title": "Hengitys ja hermosto",
            "external_url": "https://example.org/video",
            "duration": "2:00",
            "transcript": "<p>Kun hengität hitaasti ulos, keho rauhoittuu.</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("video_file") and not value.get("external_url"):
            raise StructBlockValidationError(
                block_errors={
                    "video_file": ValidationError(
                        _("Choose a video file or give the address of a video.")
                    )
                }
            )
        return value


class BreathingExerciseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    instructions = blocks.RichTextBlock(
        label=_("Instructions"), features=SHORT_FEATURES, required=False
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
        label=_("Introduction"), features=SHORT_FEATURES, required=False
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
    instructions = blocks.RichTextBlock(label=_("Instructions"), features=TEXT_FEATURES)
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
        label=_("Instructions"), features=SHORT_FEATURES, required=False
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
        features=SHORT_FEATURES,
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


class InstrumentLicence:
    OWN = "own"
    FREE = "free"
    PERMISSION = "permission"
    UNCLEAR = "unclear"
    NO_ELECTRONIC = "no_electronic"

    CHOICES = [
        (OWN, _("Our own questions")),
        (FREE, _("Free to use electronically (e.g. PHQ-A, GAD-7, AUDIT-C)")),
        (PERMISSION, _("Used with the licence holder's written permission")),
        (UNCLEAR, _("Licence unclear")),
        (NO_ELECTRONIC, _("The licence forbids electronic use (e.g. SDQ)")),
    ]


# Instruments whose licence is known to forbid electronic use: the editor is
# stopped even if the licence field was set wrongly.
FORBIDDEN_INSTRUMENTS = re.compile(r"\bSDQ\b|strengths and difficulties", re.I)


class SelfCheckBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    introduction = blocks.RichTextBlock(
        label=_("Introduction"), features=SHORT_FEATURES, required=False
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
        choices=InstrumentLicence.CHOICES,
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


class TrustedLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    url = blocks.URLBlock(label=_("Address"))
    source = blocks.CharBlock(
        label=_("Source organisation"),
        max_length=120,
        help_text=_("Who publishes it, e.g. MIELI ry or THL."),
    )
    description = blocks.TextBlock(label=_("Description"), max_length=300)

    class Meta:
        icon = "link"
        label = _("Trusted link")
        template = "components/blocks/trusted_link_block.html"
        description = _("A card linking to a reliable source, naming who made it.")


class HelpBoxBlock(blocks.StaticBlock):
    class Meta:
        icon = "warning"
        label = _("Help box")
        template = "components/blocks/help_box_block.html"
        admin_text = _(
            "Shows the crisis contacts of the site settings (Snippets → Help box)."
        )
        description = _("The crisis contacts: 112, 116 111, Crisis Helpline, …")
        preview_value = None


class TipBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("quote", _("Quote"))],
        default="tip",
    )
    text = blocks.RichTextBlock(label=_("Text"), features=SHORT_FEATURES)
    attribution = blocks.CharBlock(
        label=_("Who said it"),
        required=False,
        max_length=120,
        help_text=_("For quotes, e.g. 'a young person from Kotka'."),
    )

    class Meta:
        icon = "openquote"
        label = _("Tip or quote")
        template = "components/blocks/tip_block.html"
        description = _("A highlighted tip, or a quote.")


class ServiceContactBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=ServiceKind.choices,
        label=_("Kind of service"),
        required=False,
        help_text=_(
            "E.g. Ohjaamo: the young person sees the one of their municipality "
            "first, then regional and national ones."
        ),
    )
    service = ServiceChooserBlock(
        label=_("Or pin one service"),
        required=False,
        help_text=_("Shown to everyone instead of the kind, wherever they live."),
    )
    note = blocks.CharBlock(
        label=_("Why this service"),
        required=False,
        max_length=200,
        help_text=_("Optional. E.g. 'If you would rather talk face to face'."),
    )

    class Meta:
        icon = "user"
        label = _("Service contact card")
        template = "components/blocks/service_contact_card_block.html"
        description = _(
            "Contact details from the directory: the nearest service of a kind, "
            "or one pinned service."
        )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("kind") and not value.get("service"):
            raise StructBlockValidationError(
                block_errors={
                    "kind": ValidationError(_("Choose a kind of service or a service."))
                }
            )
        return value

    def get_preview_value(self):
        from directory.models import Service

        service = (
            Service.objects.filter(live=True, locale__language_code="fi")
            .order_by("pk")
            .first()
        )
        return self.normalize({"service": service, "note": ""})


class StepStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=TEXT_FEATURES,
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
        group=_("Text and media"),
        description=_("Text with headings, lists and links."),
        preview_value=(
            "<h2>Mikä huolestuttaa?</h2><p>Huoli on tavallinen tunne. Se yrittää "
            "suojella sinua.</p>"
        ),
    )
    image = StepImageBlock(group=_("Text and media"))
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
