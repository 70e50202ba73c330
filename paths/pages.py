"""Finding a path's live page from its key, for the apps above paths."""

from wagtail.models import Locale, Page


def path_page(path_key):
    """The live path page for a key, in the active language when there is one."""
    page = live_by_key(Page, path_key)
    return page.specific if page else None


def live_by_key(model, key):
    """The live page of `model` with this translation key, in the active
    language when there is one, else in any (a path's or a step's key)."""
    pages = model.objects.live().filter(translation_key=key)
    return pages.filter(locale=Locale.get_active()).first() or pages.first()
