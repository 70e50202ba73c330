"""Factories of the service directory: organisations, services, the finder page."""

import factory
from factory.django import DjangoModelFactory

from core.factories import PublishedPageFactory

from .models import (
    Organisation,
    Service,
    ServiceFinderPage,
)


class OrganisationFactory(DjangoModelFactory):
    name = "Ohjaamo Kotka"
    kind = Organisation.Kind.NGO

    class Meta:
        model = Organisation


class ServiceFactory(DjangoModelFactory):
    """A live service (no revision: call `save_revision().publish()` for one)."""

    name = "Ohjaamo Kotka"
    organisation = factory.SubFactory(
        OrganisationFactory, name=factory.SelfAttribute("..name")
    )
    description = "Neuvoa nuorille."
    languages = factory.LazyFunction(lambda: ["fi"])

    class Meta:
        model = Service


class ServiceFinderPageFactory(PublishedPageFactory):
    title = "Palvelut"
    slug = "palvelut"

    class Meta:
        model = ServiceFinderPage
