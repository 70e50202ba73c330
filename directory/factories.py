"""Factories of the service directory: municipalities, organisations, services."""

import factory
from factory.django import DjangoModelFactory

from core.factories import PublishedPageFactory

from .models import (
    ContactChannel,
    Municipality,
    Organisation,
    Service,
    ServiceFinderPage,
)


class MunicipalityFactory(DjangoModelFactory):
    code = "kotka"
    name = "Kotka"
    name_sv = "Kotka"

    class Meta:
        model = Municipality
        django_get_or_create = ["code"]


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


class ContactChannelFactory(DjangoModelFactory):
    service = factory.SubFactory(ServiceFactory)
    kind = ContactChannel.Kind.PHONE
    value = "040 123 4567"

    class Meta:
        model = ContactChannel


class ServiceFinderPageFactory(PublishedPageFactory):
    title = "Palvelut"
    slug = "palvelut"

    class Meta:
        model = ServiceFinderPage
