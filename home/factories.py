"""Factories of the front pages: the home page of each language and content pages."""

import factory
from wagtail.models import Page

from core.factories import PublishedPageFactory

from .models import ContentPage, HomePage


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
