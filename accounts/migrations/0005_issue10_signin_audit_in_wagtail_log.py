"""The sign-in audit moves from accounts.AuditEvent (a table nobody could see)
into Wagtail's log (Reports -> Site history), see accounts/audit.py.

Staff events are copied onto their account; refused identifications and
failed logins that named no account onto the SignInService row. Young people's
sign-ins and sign-outs are not copied: the audit keeps no timeline of a young
person's visits (docs/auth.md, "Audit trail").
"""

from django.db import migrations, models

# AuditEvent.event -> Wagtail log action
STAFF_ACTIONS = {
    "login": "polku.login",
    "logout": "polku.logout",
    "login_failed": "polku.login_failed",
    "mfa_added": "polku.mfa_added",
    "mfa_removed": "polku.mfa_removed",
}
SERVICE_LABEL = "Kirjautuminen ja tunnistautuminen"


def copy_into_wagtail_log(apps, schema_editor):
    AuditEvent = apps.get_model("accounts", "AuditEvent")
    User = apps.get_model("accounts", "User")
    SignInService = apps.get_model("accounts", "SignInService")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    if not AuditEvent.objects.exists():
        return
    user_type, _ = ContentType.objects.get_or_create(app_label="accounts", model="user")
    service_type, _ = ContentType.objects.get_or_create(
        app_label="accounts", model="signinservice"
    )
    service, _ = SignInService.objects.get_or_create(pk=1)
    entries = []
    for event in AuditEvent.objects.order_by("at", "id").iterator():
        user = User.objects.filter(pk=event.user_id).first() if event.user_id else None
        common = {"timestamp": event.at, "uuid": None, "content_changed": False}
        if event.event == "identification_failed":
            entries.append(
                ModelLogEntry(
                    content_type=service_type,
                    object_id=str(service.pk),
                    label=SERVICE_LABEL,
                    action="polku.identification_refused",
                    data={"reason": event.detail[:40]},
                    **common,
                )
            )
        elif event.event == "login_failed" and user is None:
            entries.append(
                ModelLogEntry(
                    content_type=service_type,
                    object_id=str(service.pk),
                    label=SERVICE_LABEL,
                    action="polku.login_failed_unknown",
                    data={},
                    **common,
                )
            )
        elif event.event in STAFF_ACTIONS and user and not user.is_young_person:
            action = STAFF_ACTIONS[event.event]
            entries.append(
                ModelLogEntry(
                    content_type=user_type,
                    object_id=str(user.pk),
                    label=user.username,
                    action=action,
                    user_id=None if action == "polku.login_failed" else user.pk,
                    data={"type": event.detail} if "mfa" in action else {},
                    **common,
                )
            )
    ModelLogEntry.objects.bulk_create(entries, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_merge_issue10a_issue10b"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SignInService",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
            ],
            options={
                "verbose_name": "sign-in service",
                "verbose_name_plural": "sign-in service",
            },
        ),
        migrations.RunPython(copy_into_wagtail_log, migrations.RunPython.noop),
        migrations.DeleteModel(name="AuditEvent"),
    ]
