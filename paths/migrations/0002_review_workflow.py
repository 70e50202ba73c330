"""The review groups and the two-step workflow: content, then safeguarding.

paths.workflows assigns the workflow to each path index when it is created.
"""

from django.db import migrations

WORKFLOW_NAME = "Path review: content, then safeguarding"
TASKS = [
    ("Content review", "Content reviewers"),
    ("Safeguarding review", "Safeguarding reviewers"),
]
GROUPS = ["Path editors", "Content reviewers", "Safeguarding reviewers"]


def create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    admin_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    groups = {}
    for name in GROUPS:
        groups[name], _ = Group.objects.get_or_create(name=name)
        groups[name].permissions.add(access_admin)

    if Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    for order, (task_name, group_name) in enumerate(TASKS):
        task = GroupApprovalTask.objects.create(
            name=task_name, content_type=task_type, active=True
        )
        task.groups.set([groups[group_name]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)


class Migration(migrations.Migration):
    dependencies = [
        ("paths", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
