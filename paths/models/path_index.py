"""The paths of one language, grouped and filtered by theme."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from core.models import BasePage

from ..permissions import ReviewedPublishingMixin
from .path import PathPage
from .themes import Theme


class PathIndexPage(ReviewedPublishingMixin, BasePage):
    """The paths of one language, grouped and filtered by theme."""

    body = RichTextField(_("body"), blank=True, editor="body")

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["paths.PathPage"]
    page_description = _("The list of paths by theme. One per language.")
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("path index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes = list(Theme.objects.filter(locale=self.locale))
        paths = list(
            PathPage.objects.child_of(self)
            .live()
            .specific()
            .prefetch_related("themes")
            .order_by("path")
        )
        # Paths of other languages may point at the Finnish themes: match by key.
        selected = request.GET.get("theme", "")
        by_key = {theme.translation_key: theme for theme in themes}
        groups = []
        for theme in themes:
            if selected and theme.slug != selected:
                continue
            members = [
                path
                for path in paths
                if any(
                    by_key.get(t.translation_key) is theme for t in path.themes.all()
                )
            ]
            if members:
                groups.append({"theme": theme, "paths": members})
        context.update(
            themes=themes,
            selected_theme=selected,
            theme_groups=groups,
            unthemed=[path for path in paths if not path.themes.all()],
        )
        return context
