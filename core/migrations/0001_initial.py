"""SiteSettings, moved here from `home` with its data (home/0004)."""


import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _rename(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=new, model="sitesettings").exists():
        ContentType.objects.filter(app_label=old, model="sitesettings").update(
            app_label=new
        )


def move_content_type(apps, schema_editor):
    _rename(apps, "home", "core")


def move_content_type_back(apps, schema_editor):
    _rename(apps, "core", "home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0003_issue14_footer_pages_synonyms"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        # SiteSettings moves from `home` with its row: first the state takes
        # over the existing table, then the table gets core's name.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SiteSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('quick_exit_url', models.URLField(default='https://yle.fi/saa', help_text='Where the quick exit button sends the visitor: a neutral, everyday page.', verbose_name='quick exit address')),
                        ('search_synonyms', models.TextField(blank=True, default='ahistaa = ahdistus\nahistus = ahdistus\nahdistaa = ahdistus\nahdistunut = ahdistus\nkiusataan = kiusaaminen\nkiusattu = kiusaaminen\nkiusaa = kiusaaminen\npaniikkikohtaus = paniikki\njännittää = jännitys\nmobbad = mobbning\nmobbas = mobbning\nmobbar = mobbning', help_text='One per line: a word young people type = the words the pages use, e.g. “ahistaa = ahdistus”. Any language.', verbose_name='search synonyms')),
                        ('accessibility_page', models.ForeignKey(blank=True, help_text='Linked from the footer of every page (Act 306/2019).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='accessibility statement')),
                        ('help_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='help right now page')),
                        ('privacy_page', models.ForeignKey(blank=True, help_text='Linked from the footer of every page (GDPR art. 13).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='privacy notice')),
                    ],
                    options={
                        'verbose_name': 'site settings',
                        'db_table': 'home_sitesettings',
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="sitesettings", table=None),
        # Permissions and Wagtail's references follow the content type.
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
