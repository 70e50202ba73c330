"""The ready blocks editors compose a path step from.

Every block renders accessible HTML that works without JavaScript (templates in
`templates/components/blocks/`); JavaScript only enhances the timers. Blocks a
young person answers (reflection, checklist, self-check) are keyed by their
StreamField block id: it survives editing, reordering and translation
(wagtail-localize keeps block ids), so the progress app stores answers under it.

- `text_and_media`: image, video, tip or quote, trusted link
- `exercises`: breathing, grounding, urge surfing, an exercise with a timer
- `answerable`: reflection question, checklist, self-check (answers are saved)
- `help_and_services`: the crisis contacts and a service's contact card
- `step_stream`: the stream of all of them a step's body is made of
"""

from .answerable import (
    ANSWERABLE_BLOCK_TYPES,
    ChecklistBlock,
    InstrumentLicence,
    ReflectionQuestionBlock,
    SelfCheckBlock,
)
from .exercises import (
    BreathingExerciseBlock,
    ExerciseBlock,
    GroundingExerciseBlock,
    UrgeSurfingBlock,
)
from .help_and_services import HelpBoxBlock, ServiceContactBlock
from .step_stream import StepStreamBlock
from .text_and_media import CaptionedImageBlock, TipBlock, TrustedLinkBlock, VideoBlock

__all__ = [
    "ANSWERABLE_BLOCK_TYPES",
    "BreathingExerciseBlock",
    "CaptionedImageBlock",
    "ChecklistBlock",
    "ExerciseBlock",
    "GroundingExerciseBlock",
    "HelpBoxBlock",
    "InstrumentLicence",
    "ReflectionQuestionBlock",
    "SelfCheckBlock",
    "ServiceContactBlock",
    "StepStreamBlock",
    "TipBlock",
    "TrustedLinkBlock",
    "UrgeSurfingBlock",
    "VideoBlock",
]
