"""Where to get help: the crisis contacts and a service's contact card."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from directory.blocks import ServiceChooserBlock
from directory.kinds import ServiceKind
from directory.models import Service


class HelpBoxBlock(blocks.StaticBlock):
    class Meta:
        icon = "warning"
        label = _("Help box")
        template = "components/blocks/help_box_block.html"
        admin_text = _(
            "Shows the crisis lines of the service directory: the services that "
            "have a position in the help box (Directory → Services)."
        )
        description = _("The crisis contacts: 112, 116 111, Crisis Helpline, …")
        preview_value = None


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
        service = (
            Service.objects.filter(live=True, locale__language_code="fi")
            .order_by("pk")
            .first()
        )
        return self.normalize({"service": service, "note": ""})


# Migrations name the help box by the package path, where it always was.
DECONSTRUCT_ALIASES = {HelpBoxBlock: "paths.blocks.HelpBoxBlock"}
