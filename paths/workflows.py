"""The two-step review every path passes: content, then safeguarding.

The groups, tasks and the workflow are created by a data migration
(`0002_review_workflow`); this module assigns the workflow and the groups' page
permissions to each path index, once, when the index is created.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

# The admin shows these names as stored, in the editorial team's language
# (migration 0008 renamed the English ones). Code finds the workflow and the
# groups by these names: rename them here and in a migration, not in the admin.
WORKFLOW_NAME = "Polun tarkastus: sisältö ja turvallisuus"
EDITORS = "Polkujen toimittajat"
CONTENT_REVIEWERS = "Sisällön tarkastajat"
SAFEGUARDING_REVIEWERS = "Turvallisuustarkastajat"

# Editors write and submit; only the last reviewer's group may publish (the
# workflow publishes as that reviewer on the final approval).
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    CONTENT_REVIEWERS: ["change_page"],
    SAFEGUARDING_REVIEWERS: ["change_page", "publish_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
}


TASKS = [
    ("Sisällön tarkastus", CONTENT_REVIEWERS),
    ("Turvallisuustarkastus", SAFEGUARDING_REVIEWERS),
]
MODEL_PERMISSIONS = {
    EDITORS: [("paths", "add_theme"), ("paths", "change_theme")],
}


def review_workflow():
    """The review workflow, made again if it is missing.

    The data migration makes it once; a flushed database (transactional
    tests) or a deleted workflow gets it back here, so that path indexes are
    never left without a review.
    """
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    groups = {}
    for name in (EDITORS, CONTENT_REVIEWERS, SAFEGUARDING_REVIEWERS):
        groups[name], created = Group.objects.get_or_create(name=name)
        if created and access_admin:
            groups[name].permissions.add(access_admin)
    for name, perms in MODEL_PERMISSIONS.items():
        for app_label, codename in perms:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission:
                groups[name].permissions.add(permission)
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        for order, (task_name, group_name) in enumerate(TASKS):
            task = GroupApprovalTask.objects.create(name=task_name, active=True)
            task.groups.set([groups[group_name]])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def assign_review_workflow(index_page):
    """Put the path index (and so every path and step) under the review."""
    workflow = review_workflow()
    if workflow is None:
        return None
    WorkflowPage.objects.update_or_create(
        page=index_page, defaults={"workflow": workflow}
    )
    for group_name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=index_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    root_collection = Collection.get_first_root_node()
    for group_name, perms in COLLECTION_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None or root_collection is None:
            continue
        for app_label, codename in perms:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )
    return workflow
