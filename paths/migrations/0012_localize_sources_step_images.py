"""wagtail-localize's copies of step content follow the step image to ImageBlock.

0010 rewrote the steps and their revisions. wagtail-localize keeps its own
copy of each source page (``TranslationSource.content_json``) and the paths of
its translatable segments (``TranslationContext``): an image step's alt text
sat at ``body.<block id>.alt_text`` and the image at ``body.<block id>.image``;
under ImageBlock they are ``body.<block id>.image.alt_text`` and
``body.<block id>.image.image``. Without this, publishing a translation synced
before 0010 fails on the old segment paths, and a re-sync would drop the
translated alternative texts. Like 0010, it cannot be undone.
"""

import importlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations
from wagtail_localize.models import TranslationContext as LiveTranslationContext

STEP_IMAGE = importlib.import_module(
    "paths.migrations.0010_step_image_is_wagtail_image_block"
)
# The parts of an old image block whose segment paths move inside ImageBlock.
MOVED = ("alt_text", "image")


def _stream(body):
    """The step body of a serialized page: JSON text, or already a list."""
    return json.loads(body) if isinstance(body, str) else body


def _migrate_source(source, operation):
    """Rewrite one source's image blocks; the ids of the blocks rewritten."""
    content = json.loads(source.content_json)
    body = content.get("body")
    stream = _stream(body) if body else None
    rewritten = []
    for block in stream or []:
        if block.get("type") != "image":
            continue
        value = operation.apply(block.get("value"))
        if value is not block.get("value"):
            block["value"] = value
            rewritten.append(block["id"])
    if rewritten:
        content["body"] = json.dumps(stream) if isinstance(body, str) else stream
        source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
        source.save(update_fields=["content_json"])
    return rewritten


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    step_type = ContentType.objects.filter(app_label="paths", model="pathsteppage")
    operation = STEP_IMAGE.AltTextIntoImageBlockOperation()
    for source in TranslationSource.objects.filter(specific_content_type__in=step_type):
        for block_id in _migrate_source(source, operation):
            for part in MOVED:
                old, new = f"body.{block_id}.{part}", f"body.{block_id}.image.{part}"
                for context in TranslationContext.objects.filter(
                    object_id=source.object_id, path=old
                ):
                    context.path = new
                    context.path_id = LiveTranslationContext._get_path_id(new)
                    context.field_path = context.field_path.replace(
                        f"image.{part}", f"image.image.{part}", 1
                    )
                    context.save(update_fields=["path", "path_id", "field_path"])


class Migration(migrations.Migration):
    dependencies = [
        ("paths", "0011_step_blocks_named_editors_and_choices"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
