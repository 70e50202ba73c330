from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core import caching


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Service directory")
    demo_content = "directory.demo.load"

    def ready(self):
        # Every public page shows these rows (the help box, the contact cards,
        # the finder): an edit purges the caches built from them.
        caching.bump_on_change(
            "directory",
            "directory.service",
            "directory.contactchannel",
            "directory.organisation",
            "directory.municipality",
        )
