"""Nobody publishes a path page that has not passed both reviews.

Wagtail's workflows let anyone with the publish permission press "Publish"
beside "Submit for review". For paths that is not enough: the safeguarding
review must not be skippable. So on the path index, paths and steps, publishing
needs (as usual) the publish permission *and* that the latest revision was
approved by a finished workflow. Wagtail's own workflow publishes on approval as
the last reviewer, which passes this check; the scheduler (`publish_scheduled`)
publishes without a user, which Wagtail does not check at all. A superuser is
held to the same rule: they can approve the tasks themselves, on the record.
"""

import json
import re

from wagtail.models import PagePermissionTester, TaskState, WorkflowState


def _approving_task_state(page):
    """The last task state of the workflow that approved the latest revision."""
    if page.latest_revision_id is None:
        return None
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_APPROVED)
        .select_related("current_task_state")
        .order_by("-created_at", "-pk")
        .first()
    )
    if (
        state
        and state.current_task_state
        and state.current_task_state.revision_id == page.latest_revision_id
    ):
        return state.current_task_state
    return None


class ReviewedPublishingPermissionTester(PagePermissionTester):
    def can_publish(self):
        approval = _approving_task_state(self.page)
        if approval is None:
            return False
        # The reviewer whose approval finished the review publishes what they
        # approved, even from the first task: after an edit in the last task
        # the first task reviews again, and its approval ends the workflow.
        return super().can_publish() or (
            self.user.is_active and approval.finished_by_id == self.user.pk
        )

    def can_publish_subpage(self):
        # Creating and publishing in one go would skip the reviews.
        return False


class ReviewedPublishingMixin:
    """Use on every page type of the path area."""

    def permissions_for_user(self, user):
        return ReviewedPublishingPermissionTester(user, self)


# --- The review follows the revision under review ---------------------------
#
# Wagtail publishes the *latest* revision when the last task is approved
# (`wagtail.workflows.publish_workflow_state`), while a task state keeps the
# revision it started on. Approving from the edit view saves the form as a new
# revision first, so the approved revision was never the latest one, the rule
# above refused the publish ("Sorry, you do not have permission ..."), and every
# try added a revision. With WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT (base
# settings) earlier approvals count only on the latest revision; the handlers
# below make the task in progress review the latest revision, carry earlier
# approvals over to a new revision that changes nothing, and never let an
# approved revision be overwritten in place (autosave).

# Bookkeeping in a page revision's content that is not the page's content.
_BOOKKEEPING = {
    "pk",
    "path",
    "depth",
    "numchild",
    "url_path",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
    "expired",
    "content_type",
    "wagtail_admin_comments",
    "comments",
}
_BLOCK_KEY = re.compile(r'\s*data-block-key=\\?"[^"\\]*\\?"')


def _content_fingerprint(revision):
    """The revision's content, without bookkeeping and editor-only markup.

    Draftail adds `data-block-key` attributes to rich text when a form is
    saved; they do not change what a reader sees.
    """
    content = {
        key: value
        for key, value in (revision.content or {}).items()
        if key not in _BOOKKEEPING
    }
    return _BLOCK_KEY.sub("", json.dumps(content, sort_keys=True, default=str))


def _workflow_in_progress(revision):
    if not isinstance(revision.content_object, ReviewedPublishingMixin):
        return None
    return (
        WorkflowState.objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        .select_related("current_task_state__revision")
        .first()
    )


def keep_approved_revisions_intact(sender, instance, raw=False, **kwargs):
    """An autosave over an approved revision makes a new revision instead."""
    if raw or instance.pk is None:
        return
    state = _workflow_in_progress(instance)
    if state and state.task_states.filter(
        revision_id=instance.pk, status=TaskState.STATUS_APPROVED
    ):
        instance.pk = None
        instance._state.adding = True


def review_the_latest_revision(sender, instance, created, raw=False, **kwargs):
    """A revision saved during a review becomes the one the current task reviews."""
    if raw or not created:
        return
    state = _workflow_in_progress(instance)
    if state is None or state.current_task_state is None:
        return
    current = state.current_task_state
    previous = current.revision
    if current.status == TaskState.STATUS_IN_PROGRESS:
        TaskState.objects.filter(pk=current.pk).update(revision=instance)
    if previous and _content_fingerprint(previous) == _content_fingerprint(instance):
        # Nothing a reader sees has changed: earlier approvals still hold.
        for approved in state.task_states.filter(
            revision=previous, status=TaskState.STATUS_APPROVED
        ):
            approved.copy(update_attrs={"revision": instance})


def translations_start_as_drafts(sender, source_obj, target_obj, **kwargs):
    """A translated path page is a draft in its own language, never an alias.

    wagtail-localize makes missing parents (e.g. the Swedish path index) as
    *aliases* of the Finnish pages (Wagtail's `copy_for_translation(...,
    copy_parents=True)`), and an alias is live whenever its source is: Finnish
    text would be published under /sv/ or /en/ without a review. Such copies
    become ordinary drafts here; they go live through the review like any
    other page. (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False keeps
    the translations themselves drafts.)
    """
    page = getattr(target_obj, "specific", target_obj)
    if not isinstance(page, ReviewedPublishingMixin):
        return
    if page.alias_of_id is None and not page.live:
        return
    type(page).objects.filter(pk=page.pk).update(
        alias_of=None, live=False, has_unpublished_changes=True
    )
    page.refresh_from_db()
    page.save_revision(log_action=False, clean=False)
