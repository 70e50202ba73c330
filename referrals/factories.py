"""Factories of staff hand-on links and the staff member's organisation."""

import factory
from factory.django import DjangoModelFactory

from accounts.factories import StaffFactory
from directory.factories import OrganisationFactory, ServiceFactory

from .models import ReferralLink, StaffMembership


class StaffMembershipFactory(DjangoModelFactory):
    user = factory.SubFactory(StaffFactory)
    organisation = factory.SubFactory(OrganisationFactory)

    class Meta:
        model = StaffMembership


class ReferralLinkFactory(DjangoModelFactory):
    """A link to `path` (a PathPage): pass it, or a `path_key`."""

    service = factory.SubFactory(ServiceFactory)
    created_by = factory.SubFactory(StaffFactory)

    class Params:
        path = None

    path_key = factory.LazyAttribute(lambda link: link.path.path_key)

    class Meta:
        model = ReferralLink
