"""Blocks that describe when a contact channel answers."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


class OpeningPeriodBlock(blocks.StructBlock):
    """Regular weekly hours: these days, from this time to that time."""

    days = blocks.MultipleChoiceBlock(choices=WEEKDAYS, label=_("Days"))
    opens = blocks.TimeBlock(label=_("Opens"))
    closes = blocks.TimeBlock(
        label=_("Closes"),
        help_text=_(
            "00:00 means midnight. A closing time before the opening time runs "
            "past midnight into the next day."
        ),
    )

    class Meta:
        icon = "time"
        label = _("Opening hours")


class OpeningExceptionBlock(blocks.StructBlock):
    """A date (or dates) when the regular hours do not apply."""

    start_date = blocks.DateBlock(label=_("From"))
    end_date = blocks.DateBlock(
        label=_("Until"), required=False, help_text=_("Leave empty for one day.")
    )
    opens = blocks.TimeBlock(
        label=_("Opens"), required=False, help_text=_("Leave empty when closed.")
    )
    closes = blocks.TimeBlock(label=_("Closes"), required=False)
    note = blocks.CharBlock(
        label=_("Note"), required=False, max_length=120, help_text=_("E.g. Midsummer")
    )

    class Meta:
        icon = "date"
        label = _("Exception")


class OpeningHoursStreamBlock(blocks.StreamBlock):
    period = OpeningPeriodBlock()


class OpeningExceptionsStreamBlock(blocks.StreamBlock):
    exception = OpeningExceptionBlock()
