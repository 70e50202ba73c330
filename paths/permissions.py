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

from wagtail.models import PagePermissionTester, WorkflowState


def latest_revision_approved(page):
    """Whether the page's latest revision is the one a workflow approved last."""
    if page.latest_revision_id is None:
        return False
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_APPROVED)
        .select_related("current_task_state")
        .order_by("-created_at", "-pk")
        .first()
    )
    return bool(
        state
        and state.current_task_state
        and state.current_task_state.revision_id == page.latest_revision_id
    )


class ReviewedPublishingPermissionTester(PagePermissionTester):
    def can_publish(self):
        return super().can_publish() and latest_revision_approved(self.page)

    def can_publish_subpage(self):
        # Creating and publishing in one go would skip the reviews.
        return False


class ReviewedPublishingMixin:
    """Use on every page type of the path area."""

    def permissions_for_user(self, user):
        return ReviewedPublishingPermissionTester(user, self)
