"""Factories of the front pages, and the published page every area builds on."""

import factory
import wagtail_factories
from wagtail.models import Locale, Page

from .models import ContentPage, HomePage


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page saved as a revision and published, as an editor leaves it.

    Pass `live=False` for a draft: it is added to the tree, never published.
    """

    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        if create and obj.live and extracted is not False:
            obj.save_revision().publish()


class HomePageFactory(PublishedPageFactory):
    title = "Polku – tukea arkeen"
    slug = "polku"
    introduction = "Digitaalisia itsehoito-ohjelmia 13–17-vuotiaille."
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage


class ContentPageFactory(PublishedPageFactory):
    title = "Apua heti"
    introduction = "Kenelle voit soittaa tai kirjoittaa heti."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Soita 112.</p>")])

    class Meta:
        model = ContentPage
