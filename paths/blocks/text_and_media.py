"""Blocks that show something: an image, a video, a tip or quote, a trusted link."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

ALT_TEXT_MAX_LENGTH = 250


class CaptionedImageBlock(blocks.StructBlock):
    """Wagtail's ImageBlock (alternative text, or marked decorative) and a caption.

    ImageBlock refuses an image that has neither alternative text nor the
    decorative mark; a decorative image renders with alt="".
    """

    image = ImageBlock(
        label=_("Image"),
        help_text=_(
            "Say what the image shows for someone who cannot see it, or mark it "
            "decorative if it adds nothing to the text."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        image_block = self.child_blocks["image"]
        # ImageBlock's chooser has no label of its own: Wagtail derives "Image"
        # from its name, untranslated, so the Finnish form would show English.
        image_block.child_blocks["image"].label = _("Image")
        # Its alt text has no length limit; a screen reader reads all of it.
        alt_text = blocks.CharBlock(
            required=False, label=_("Alt text"), max_length=ALT_TEXT_MAX_LENGTH
        )
        alt_text.set_name("alt_text")
        image_block.child_blocks["alt_text"] = alt_text

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/captioned_image_block.html"
        description = _(
            "An image with alternative text (or marked decorative) and an optional "
            "caption."
        )

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        try:
            MaxLengthValidator(ALT_TEXT_MAX_LENGTH)(
                getattr(image, "contextual_alt_text", "") or ""
            )
        except ValidationError as error:
            # ImageBlock checks only that there is some alt text or the mark.
            raise StructBlockValidationError(
                block_errors={
                    "image": StructBlockValidationError(
                        block_errors={"alt_text": error}
                    )
                }
            ) from error
        return value

    def get_preview_value(self):
        image = get_image_model().objects.order_by("pk").first()
        if image is not None:
            image.contextual_alt_text = image.title
        return self.normalize({"image": image, "caption": ""})


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
        editor="short_list",
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


class TipKind(models.TextChoices):
    TIP = "tip", _("Tip")
    QUOTE = "quote", _("Quote")


class TipBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=TipKind.choices,
        default="tip",
    )
    text = blocks.RichTextBlock(label=_("Text"), editor="short")
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
