"""What paths does when Wagtail saves, reviews or translates (paths/apps.py)."""

from django.db.models.signals import post_save, pre_save
from wagtail.models import Revision
from wagtail.signals import (
    copy_for_translation_done,
    task_approved,
    task_rejected,
    task_submitted,
)

from .models import PathIndexPage
from .path_review import (
    approve_steps_with_path,
    reject_steps_with_path,
    submit_steps_with_path,
)
from .permissions import (
    keep_approved_revisions_intact,
    review_the_latest_revision,
    translations_start_as_drafts,
)
from .workflows import assign_review_workflow


def _review_new_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_review_workflow(instance)


post_save.connect(_review_new_index, sender=PathIndexPage, dispatch_uid="paths-review")
# The review follows the revision under review (paths/permissions.py).
pre_save.connect(
    keep_approved_revisions_intact,
    sender=Revision,
    dispatch_uid="paths-review-keep-approved",
)
post_save.connect(
    review_the_latest_revision,
    sender=Revision,
    dispatch_uid="paths-review-latest",
)
# A path is reviewed as one piece (paths/path_review.py).
task_submitted.connect(submit_steps_with_path, dispatch_uid="paths-review-submit-steps")
task_approved.connect(
    approve_steps_with_path, dispatch_uid="paths-review-approve-steps"
)
task_rejected.connect(reject_steps_with_path, dispatch_uid="paths-review-reject-steps")
copy_for_translation_done.connect(
    translations_start_as_drafts, dispatch_uid="paths-translations-drafts"
)
