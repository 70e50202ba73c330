"""Blocks that describe when a contact channel answers."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.choices import Weekday

from .snapshot import load

# Stream data keeps the day numbers as text ("0" = Monday).
WEEKDAYS = [(str(day.value), day.label) for day in Weekday]


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


class ServiceChooserBlock(SnippetChooserBlock):
    """Choose a directory service; live ones are read from memory, not SQL.

    A step names services in contact cards and in self-check bands; Wagtail
    would fetch them with one query per block type on every view. Live
    services (in any language) come from the directory already in memory
    (`directory.snapshot`); anything else (a draft, a deleted service) is
    fetched as Wagtail does.
    """

    def __init__(self, **kwargs):
        super().__init__("directory.Service", **kwargs)

    def _known(self):
        return load().by_any_pk

    def bulk_to_python(self, values):
        known = self._known()
        missing = [
            value for value in values if value is not None and value not in known
        ]
        fetched = dict(zip(missing, super().bulk_to_python(missing), strict=True))
        return [
            None if value is None else known.get(value) or fetched.get(value)
            for value in values
        ]

    def to_python(self, value):
        found = self._known().get(value) if value is not None else None
        return found if found is not None else super().to_python(value)

    def deconstruct(self):
        # Migrations see the SnippetChooserBlock it always was: no migration.
        return (
            "wagtail.snippets.blocks.SnippetChooserBlock",
            ("directory.Service",),
            self._constructor_args[1],
        )
