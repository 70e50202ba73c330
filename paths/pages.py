"""Finding a path's live page from its key, for the apps above paths."""

from wagtail.models import Locale, Page


def path_page(path_key):
    """The live path page for a key, in the active language when there is one."""
    pages = Page.objects.live().filter(translation_key=path_key)
    page = pages.filter(locale=Locale.get_active()).first() or pages.first()
    return page.specific if page else None
