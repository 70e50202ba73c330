"""Every page type: where editors may create it, that it renders and previews.

The page tree is built once per class (setUpTestData) with the factories.
"""

from django.test import Client
from wagtail.models import Collection, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_factories import ImageFactory

from directory.factories import ServiceFactory, ServiceFinderPageFactory
from directory.models import ServiceFinderPage
from home import demo as home_demo
from home.factories import ContentPageFactory
from home.models import ContentPage, HomePage
from paths.blocks import StepStreamBlock
from paths.factories import (
    PathIndexPageFactory,
    PathPageFactory,
    PathStepPageFactory,
    every_step_block,
)
from paths.models import PathIndexPage, PathPage, PathStepPage

from .paths_helpers import form_value, open_all_steps, young_person
from .staff import make_staff, sign_in


class PageTree(WagtailPageTestCase):
    """One page of each type under the Finnish home page."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_demo.load()["fi"]
        cls.content = ContentPageFactory(parent=cls.home, slug="apua-testi")
        cls.finder = ServiceFinderPageFactory(parent=cls.home)
        cls.index = PathIndexPageFactory(parent=cls.home)
        cls.path = PathPageFactory(parent=cls.index, slug="huoli")
        cls.step = PathStepPageFactory(parent=cls.path, slug="vaihe")


class PageTypeRulesTest(WagtailPageTestCase):
    """The page tree's rules, as the admin's "Add child page" applies them."""

    def test_each_page_type_has_its_parents(self):
        """Each page type can only be added under the pages it belongs to."""
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedParentPageTypes(ServiceFinderPage, {HomePage})
        self.assertAllowedParentPageTypes(PathIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(PathPage, {PathIndexPage})
        self.assertAllowedParentPageTypes(PathStepPage, {PathPage})

    def test_each_page_type_has_its_children(self):
        """Paths hold only steps, steps and the finder hold nothing."""
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})
        self.assertAllowedSubpageTypes(PathIndexPage, {PathPage})
        self.assertAllowedSubpageTypes(PathPage, {PathStepPage})
        self.assertAllowedSubpageTypes(PathStepPage, set())
        self.assertAllowedSubpageTypes(ServiceFinderPage, set())

    def test_the_home_page_takes_the_areas_but_no_path_or_step(self):
        """Under the home page an editor may add content, the finder and the
        path index, never a path or a step directly."""
        for page_type in (ContentPage, ServiceFinderPage, PathIndexPage):
            self.assertCanCreateAt(HomePage, page_type)
        for page_type in (HomePage, PathPage, PathStepPage):
            self.assertCanNotCreateAt(HomePage, page_type)
        self.assertCanNotCreateAt(PathIndexPage, PathStepPage)


class ModelBackendClient(Client):
    """force_login with Django's model backend: Wagtail's helper takes the first
    configured backend, django-axes', which cannot load a user."""

    def force_login(self, user, backend=None):
        super().force_login(user, "django.contrib.auth.backends.ModelBackend")


class PageRenderingTest(PageTree):
    """Every page type renders for whoever it is meant for."""

    client_class = ModelBackendClient

    def test_public_pages_render_for_anyone(self):
        """The home, content, finder, path index and path intro pages open
        for a visitor who has not identified."""
        for page in (self.home, self.content, self.finder, self.index, self.path):
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)

    def test_a_step_renders_for_the_young_person_on_the_path(self):
        """A step opens for an identified young person enrolled on its path."""
        person = young_person()
        open_all_steps(person, self.path)
        self.assertPageIsRenderable(self.step, user=person)


class StaffClient(Client):
    """Signs staff in through allauth with password and TOTP, once per test:
    the admin turns away a session that skipped the code step."""

    def force_login(self, user, backend=None):
        if self.session.get("_auth_user_id") != str(user.pk):
            sign_in(user.username, user.totp_secret, client=self)

    def logout(self):
        """Stay signed in: a TOTP code is accepted once only."""


class PagePreviewTest(PageTree):
    """Every page type previews in the admin."""

    client_class = StaffClient

    def test_every_page_type_previews_in_the_admin(self):
        """An editor's preview of each page type loads without an error."""
        boss, _secret = make_staff("boss", superuser=True)
        for page in (self.finder, self.index, self.path):
            with self.subTest(page=type(page).__name__):
                self.assertPageIsPreviewable(page, user=boss)
        # Stream fields are drawn by JavaScript: their data is posted as the
        # admin's script would.
        paragraph = streamfield([("paragraph", rich_text("<p>Teksti.</p>"))])
        for page in (self.home, self.content):
            with self.subTest(page=type(page).__name__):
                data = {"title": page.title, "slug": page.slug, "body": paragraph}
                self.assertPageIsPreviewable(
                    page, post_data=nested_form_data(data), user=boss
                )
        stream = StepStreamBlock()
        service = ServiceFactory()
        image = ImageFactory(collection=Collection.get_first_root_node())
        blocks = [
            (kind, form_value(stream.child_blocks[kind], value))
            for kind, value in every_step_block(image, service, self.home)
        ]
        data = nested_form_data(
            {"title": "Vaihe", "slug": "vaihe", "body": streamfield(blocks)}
        )
        self.assertPageIsPreviewable(self.step, post_data=data, user=boss)
