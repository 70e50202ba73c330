"""Blocks for the home page and general content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading_block.html"
        preview_value = {"text": "Mistä saan apua?"}
        description = _("A section heading (level 2).")


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), editor="short")

    class Meta:
        icon = "pick"
        label = _("Tip or callout")
        template = "components/blocks/callout_block.html"
        preview_value = {
            "title": "Vinkki",
            "text": "<p>Pienikin tauko auttaa, kun olo on kuormittunut.</p>",
        }
        description = _("A highlighted tip, quote or notice.")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        editor="body",
        label=_("Text"),
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
        preview_value="<p>Selkeää tekstiä lyhyin kappalein.</p>",
        description=_("Text with headings, lists and links."),
    )
    image = ImageBlock(label=_("Image"), template="components/blocks/image_block.html")
    callout = CalloutBlock()
