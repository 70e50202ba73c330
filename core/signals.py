"""What purges which cache: every save, publish, move or delete an editor makes
bumps the generations of the caches built from it (`core.caching`).

Wagtail publishes and unpublishes through `save()`, so `post_save` covers
pages, snippets and settings; moves go through treebeard's update queries and
send `post_page_move`; the full-page cache is purged on the same events
(`core.pagecache`).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import caching

# Models of other apps whose rows every public page shows (the help box, the
# contact cards, the finder, the menu).
DIRECTORY_MODELS = {
    "directory.service",
    "directory.contactchannel",
    "directory.organisation",
    "directory.municipality",
}
SETTINGS_MODELS = {"core.sitesettings"}


def _label(sender):
    return getattr(getattr(sender, "_meta", None), "label_lower", "")


@receiver(post_save)
@receiver(post_delete)
def _bump_on_change(sender, instance=None, **kwargs):
    label = _label(sender)
    if isinstance(instance, Page):
        caching.bump("pages")
    elif label in DIRECTORY_MODELS:
        caching.bump("directory")
    elif label in SETTINGS_MODELS:
        caching.bump("settings")
    elif sender is Locale:
        caching.bump("locales")
    elif sender is Site:
        caching.bump("sites")
    elif sender is PageViewRestriction:
        caching.bump("restrictions")


@receiver(m2m_changed)
def _bump_on_m2m(sender, instance=None, **kwargs):
    if _label(type(instance)) in DIRECTORY_MODELS:
        caching.bump("directory")


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _bump_on_publish(sender, **kwargs):
    caching.bump("pages")
