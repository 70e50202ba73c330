"""Factories of what every area builds on: the published page."""

import factory
import wagtail_factories
from wagtail.models import Locale


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
