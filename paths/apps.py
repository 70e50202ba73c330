from django.apps import AppConfig
from django.db.models.signals import post_save


class PathsConfig(AppConfig):
    name = "paths"
    verbose_name = "Self-care paths"

    def ready(self):
        from .models import PathIndexPage

        post_save.connect(
            _review_new_index, sender=PathIndexPage, dispatch_uid="paths-review"
        )


def _review_new_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .workflows import assign_review_workflow

        assign_review_workflow(instance)
