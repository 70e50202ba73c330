from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from directory import demo as directory_demo
from evidence import demo as evidence_demo
from home import demo as home_demo
from paths import demo as paths_demo
from referrals import demo as referrals_demo


class Command(BaseCommand):
    help = "Load the Kymenlaakso demo content. Safe to run again: keeps edits."

    def handle(self, *args, **options):
        # The loaders copy pages for translation and then give them their
        # own slugs; to Wagtail that is a rename, and it would add a redirect
        # for every translated page. Nothing was ever published under the old
        # slugs, so no redirect is made while loading.
        with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False):
            home_demo.load()
            directory_demo.load()
            paths_demo.load()
        if settings.DEMO_ADMIN_PASSWORD:
            self.ensure_admin(settings.DEMO_ADMIN_PASSWORD)
            referrals_demo.load(settings.DEMO_ADMIN_PASSWORD)
            paths_demo.load_staff(settings.DEMO_ADMIN_PASSWORD)
            # Generated history for the evidence dashboard (development only).
            evidence_demo.load()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    def ensure_admin(self, password):
        user, created = get_user_model().objects.get_or_create(
            username="admin",
            defaults={
                "is_staff": True,
                "is_superuser": True,
                "email": "admin@localhost",
            },
        )
        if created:
            user.set_password(password)
            user.save()
        if not Authenticator.objects.filter(user=user).exists():
            # MFA is mandatory for staff: enrol the demo admin once.
            TOTP.activate(user, generate_totp_secret())
