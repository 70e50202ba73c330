"""Factories of the front pages: content pages (the home page of each language
comes from the demo loader, as every site has one)."""

import factory

from core.factories import PublishedPageFactory

from .models import ContentPage


class ContentPageFactory(PublishedPageFactory):
    title = "Apua heti"
    introduction = "Kenelle voit soittaa tai kirjoittaa heti."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Soita 112.</p>")])

    class Meta:
        model = ContentPage
