"""A path is reviewed as one piece of work: its intro page and its steps.

Wagtail's workflows run per page. A path is an intro page (`PathPage`) and its
steps (child `PathStepPage`s), so a 6-step path would be 7 submissions and 14
approvals. On Wagtail's own workflow machinery:

- **Submitting the path submits its changed steps.** When a path enters the
  review (its first task starts, `task_submitted`), every step that is not
  live or has unpublished changes enters it too, by the same editor (a step
  sent back with "request changes" resumes). Steps without changes stay out.
- **The path's decision is the steps' decision.** When a reviewer approves or
  requests changes for the path in a task (dashboard, listing, edit view, or
  the path review screen below), every step of that path waiting in the *same*
  task gets the same decision and comment, by the same reviewer
  (`task_approved` / `task_rejected`). The last approval publishes the intro
  first, then its steps: each page once, after both tasks.
- **The path review screen** (`/admin/paths/<id>/review/`) shows the intro and
  the waiting steps in order, each in a phone-width preview of the revision
  under review, with one "approve" / "request changes" for all of them.

A step can still be submitted and reviewed on its own (e.g. a fix to one step
of a live path).
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.utils.decorators import xframe_options_sameorigin_override

from .models import PathPage, PathStepPage

_CASCADING = {"active": False}


def _specific_page(workflow_state):
    obj = workflow_state.content_object
    return getattr(obj, "specific", obj) if isinstance(obj, Page) else None


def _active_state(page):
    return (
        WorkflowState.objects.active()
        .for_instance(page)
        .select_related("current_task_state__task")
        .first()
    )


def changed_steps(path):
    """The steps of the path that a review would publish something new for."""
    return [
        step
        for step in PathStepPage.objects.child_of(path).order_by("path")
        if not step.live or step.has_unpublished_changes
    ]


def submit_steps_with_path(sender, instance, user=None, **kwargs):
    """A path entering the review (or resubmitted) takes its changed steps along.

    Connected to `task_submitted`: a task starting on a path is a submission
    when it is the workflow's first task state, or a resubmission when the
    task state before it was a request for changes (Wagtail's `resume`).
    Moving on from an approved task is neither.
    """
    path = _specific_page(instance.workflow_state)
    if not isinstance(path, PathPage) or _CASCADING["active"]:
        return
    earlier = (
        instance.workflow_state.task_states.exclude(pk=instance.pk)
        .order_by("-started_at", "-pk")
        .first()
    )
    if earlier is not None and earlier.status != TaskState.STATUS_REJECTED:
        return
    workflow = instance.workflow_state.workflow
    user = user or instance.workflow_state.requested_by
    for step in changed_steps(path):
        if user is not None and not step.permissions_for_user(user).can_edit():
            continue
        state = _active_state(step)
        if state is not None:
            if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(user=user)
            continue
        if step.latest_revision_id is None:
            step.save_revision(user=user, log_action=False)
        workflow.start(step, user)


def _waiting_steps(path, task_id):
    """(step, task state) of the path's steps waiting in the given task."""
    steps = list(PathStepPage.objects.child_of(path).order_by("path"))
    states = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(step.pk) for step in steps],
            current_task_state__task_id=task_id,
            current_task_state__status=TaskState.STATUS_IN_PROGRESS,
        )
        .select_related("current_task_state")
        .order_by()
    )
    by_page = {int(state.object_id): state.current_task_state for state in states}
    return [(step, by_page[step.pk]) for step in steps if step.pk in by_page]


def _cascade(task_state, user, action_name):
    if _CASCADING["active"]:
        return
    path = _specific_page(task_state.workflow_state)
    if not isinstance(path, PathPage):
        return
    task = task_state.task.specific
    _CASCADING["active"] = True
    try:
        for step, step_task_state in _waiting_steps(path, task.pk):
            actions = [action[0] for action in task.get_actions(step, user)]
            if action_name not in actions:
                continue
            task.on_action(
                step_task_state.specific,
                user,
                action_name,
                comment=task_state.comment or "",
            )
    finally:
        _CASCADING["active"] = False


def approve_steps_with_path(sender, instance, user=None, **kwargs):
    """Approving the path approves its steps waiting in the same task."""
    _cascade(instance, user, "approve")


def reject_steps_with_path(sender, instance, user=None, **kwargs):
    """Requesting changes for the path requests them for its waiting steps."""
    _cascade(instance, user, "reject")


def steps_in_review(path):
    """The path's steps that are in a review now."""
    steps = PathStepPage.objects.child_of(path)
    return list(
        WorkflowState.objects.active().filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in steps.values_list("pk", flat=True)],
        )
    )


def path_waiting_for(page, user):
    """Whether `page` is a path waiting for `user`'s decision."""
    if page.specific_class is not PathPage:
        return False
    return _path_task_state(page, user) is not None


# --- The path review screen ------------------------------------------------


def _path_task_state(path, user):
    """The path's task state in progress that `user` may act on, or None."""
    state = _active_state(path)
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    task_state = state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None
    actions = [a[0] for a in task_state.task.specific.get_actions(path, user)]
    if "approve" not in actions:
        return None
    return task_state


def _get_path(path_id):
    return get_object_or_404(PathPage, pk=path_id)


class PathReviewView(TemplateView):
    """The intro and the waiting steps of a path on one screen, one decision."""

    template_name = "paths/admin/path_review.html"

    def dispatch(self, request, path_id):
        self.path = _get_path(path_id)
        self.task_state = _path_task_state(self.path, request.user)
        if self.task_state is None:
            messages.error(
                request,
                _("The path “%(title)s” is not waiting for your review.")
                % {"title": self.path.get_admin_display_title()},
            )
            return redirect("wagtailadmin_home")
        return super().dispatch(request, path_id)

    def get_context_data(self, **kwargs):
        task = self.task_state.task.specific
        steps = _waiting_steps(self.path, task.pk)
        all_steps = list(self.path.get_children().specific().order_by("path"))
        numbers = {page.pk: number for number, page in enumerate(all_steps, 1)}
        pages = [(self.path, self.task_state, None)] + [
            (step, state, numbers.get(step.pk)) for step, state in steps
        ]
        items = [
            {
                "page": page,
                "number": number,
                "step_count": len(all_steps),
                "revision": state.revision,
                "frame_url": reverse(
                    "paths_admin:review_frame", args=[self.path.pk, page.pk]
                ),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                "compare_url": (
                    reverse(
                        "wagtailadmin_pages:revisions_compare",
                        kwargs={
                            "pk": page.pk,
                            "revision_id_a": "live",
                            "revision_id_b": state.revision_id,
                        },
                    )
                    if page.live and state.revision_id
                    else None
                ),
            }
            for page, state, number in pages
        ]
        return {
            **super().get_context_data(**kwargs),
            "path": self.path,
            "task": task,
            "items": items,
            "unchanged_count": len(all_steps) - len(steps),
            "action_url": reverse("paths_admin:review", args=[self.path.pk]),
        }

    def post(self, request, path_id):
        action = request.POST.get("action")
        if action not in ("approve", "reject"):
            messages.error(request, _("Choose whether to approve or request changes."))
            return redirect("paths_admin:review", path_id=self.path.pk)
        comment = request.POST.get("comment", "").strip()[:2000]
        if action == "reject" and not comment:
            messages.error(
                request, _("Tell the editor what to change: the comment is required.")
            )
            return redirect("paths_admin:review", path_id=self.path.pk)
        task = self.task_state.task.specific
        count = 1 + len(_waiting_steps(self.path, task.pk))
        task.on_action(self.task_state.specific, request.user, action, comment=comment)
        if action == "approve":
            text = _("Approved the path “%(title)s” with %(count)s pages in %(task)s.")
        else:
            text = _(
                "Requested changes to the path “%(title)s” (%(count)s pages) "
                "in %(task)s."
            )
        messages.success(
            request,
            text
            % {
                "title": self.path.get_admin_display_title(),
                "count": count,
                "task": task.name,
            },
        )
        return redirect("wagtailadmin_home")


@method_decorator(xframe_options_sameorigin_override, name="get")
class PathReviewFrameView(View):
    """The revision under review of the path or one of its steps, for a frame."""

    http_method_names = ("get",)

    def get(self, request, path_id, page_id):
        path = _get_path(path_id)
        if _path_task_state(path, request.user) is None:
            raise PermissionDenied
        page = get_object_or_404(Page, pk=page_id).specific
        if page.pk != path.pk and page.get_parent().pk != path.pk:
            raise Http404
        state = _active_state(page)
        if state is None or state.current_task_state is None:
            raise Http404
        revision = state.current_task_state.revision
        if revision is None:
            raise Http404
        obj = revision.as_object()
        return obj.make_preview_request(
            request,
            obj.default_preview_mode,
            extra_request_attrs={"revision_id": revision.id},
        )


class PathsAwaitingReviewPanel(Component):
    """Dashboard: the paths waiting for this reviewer, with their steps."""

    name = "paths_awaiting_review"
    order = 90
    template_name = "paths/admin/paths_awaiting_review_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        states = (
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS,
                current_task_state__status=TaskState.STATUS_IN_PROGRESS,
                content_type__app_label="paths",
                content_type__model="pathpage",
            )
            .select_related("current_task_state__task")
            .order_by("created_at")
        )
        rows = []
        for state in states:
            path = PathPage.objects.filter(pk=state.object_id).first()
            if path is None:
                continue
            task = state.current_task_state.task.specific
            if "approve" not in [a[0] for a in task.get_actions(path, user)]:
                continue
            steps = [step for step, _state in _waiting_steps(path, task.pk)]
            rows.append(
                {
                    "path": path,
                    "task": task,
                    "steps": steps,
                    "review_url": reverse("paths_admin:review", args=[path.pk]),
                }
            )
        return {"rows": rows}

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["rows"]:
            return ""
        return render_to_string(self.template_name, context, request=self.request)
