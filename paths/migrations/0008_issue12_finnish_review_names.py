"""The review workflow, its tasks and the path groups get their Finnish names.

The admin shows these names as stored (they are data, not interface strings),
so they are in the editorial team's language: Finnish. See docs/paths.md.
"""

from django.db import migrations

# (English name from 0002_review_workflow, Finnish name)
WORKFLOW = ("Path review: content, then safeguarding", "Polun tarkastus: sisältö ja turvallisuus")
TASKS = [
    ("Content review", "Sisällön tarkastus"),
    ("Safeguarding review", "Turvallisuustarkastus"),
]
GROUPS = [
    ("Path editors", "Polkujen toimittajat"),
    ("Content reviewers", "Sisällön tarkastajat"),
    ("Safeguarding reviewers", "Turvallisuustarkastajat"),
]


def _rename(model, pairs, forward=True):
    for english, finnish in pairs:
        old, new = (english, finnish) if forward else (finnish, english)
        if not model.objects.filter(name=new).exists():
            model.objects.filter(name=old).update(name=new)


def rename(apps, schema_editor, forward=True):
    _rename(apps.get_model("wagtailcore", "Workflow"), [WORKFLOW], forward)
    _rename(apps.get_model("wagtailcore", "Task"), TASKS, forward)
    _rename(apps.get_model("auth", "Group"), GROUPS, forward)


def back(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("paths", "0007_merge_issue11"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(rename, back)]
