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

SETTINGS_MODELS = {"core.sitesettings"}


def _label(sender):
    return getattr(getattr(sender, "_meta", None), "label_lower", "")


@receiver(post_save)
@receiver(post_delete)
def _bump_on_change(sender, instance=None, **kwargs):
    label = _label(sender)
    if isinstance(instance, Page):
        caching.bump("pages")
    elif label in caching.MODEL_GENERATIONS:
        caching.bump(caching.MODEL_GENERATIONS[label])
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
    generation = caching.MODEL_GENERATIONS.get(_label(type(instance)))
    if generation:
        caching.bump(generation)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _bump_on_publish(sender, **kwargs):
    caching.bump("pages")
