"""Wagtail groups of the network: directory maintainers, referring staff and
managers (path editors and reviewers come from paths/migrations/0002)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Directory maintainers": [
        (
            "directory",
            "service",
            ["add", "change", "delete", "publish", "lock", "unlock"],
        ),
        ("directory", "organisation", ["add", "change", "delete"]),
        ("directory", "municipality", ["add", "change", "delete"]),
    ],
    "Referring staff": [("referrals", "referrallink", ["add"])],
    "Managers": [("referrals", "referrallink", ["view_all_aggregates"])],
}


def create(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admin_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    for name, rules in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for app_label, model, actions in rules:
            content_type = ContentType.objects.get(app_label=app_label, model=model)
            for action in actions:
                codename = action if "_" in action else f"{action}_{model}"
                # publish/lock/unlock are made by Wagtail after migrating.
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=codename,
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0001_initial"),
        ("directory", "0003_service_finder_page"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
