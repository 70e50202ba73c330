"""Demo staff logins, one per organisation type, plus a manager and a
directory maintainer. Development only: created when the settings give a demo
password (DEMO_ADMIN_PASSWORD), each with TOTP enrolled like the demo admin."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from directory import demo as directory_demo
from directory.models import Organisation, Service

from .models import StaffMembership

# username: (groups, organisation key in directory.demo.ORGANISATIONS or None,
# own service key in directory.demo or None)
STAFF = {
    "ohjaamo": (["Referring staff"], "kouvola", "ohjaamo-kouvola"),
    "terveydenhoitaja": (["Referring staff"], "county", "kouluterveydenhuolto"),
    "seurakunta": (["Referring staff"], "parish-kouvola", "seurakunta-kouvola"),
    "mll": (["Referring staff"], "mll", "mll-kymenlaakso"),
    "ekami": (["Referring staff"], "school", "ekami-hyvinvointi"),
    "paivystys": (["Referring staff"], "medical", "116117"),
    "johtaja": (["Managers"], None, None),
    "hakemisto": (["Directory maintainers"], None, None),
}


def load(password):
    default = Locale.get_default()
    for username, (groups, organisation_key, service_key) in STAFF.items():
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True}
        )
        if created:
            user.set_password(password)
            user.save()
            user.groups.set(Group.objects.filter(name__in=groups))
        if organisation_key and not StaffMembership.objects.filter(user=user).exists():
            organisation = Organisation.objects.filter(
                translation_key=directory_demo.key(f"organisation:{organisation_key}"),
                locale=default,
            ).first()
            service = Service.objects.filter(
                translation_key=directory_demo.key(f"service:{service_key}"),
                locale=default,
            ).first()
            if organisation is not None:
                StaffMembership.objects.create(
                    user=user, organisation=organisation, service=service
                )
        if not Authenticator.objects.filter(user=user).exists():
            TOTP.activate(user, generate_totp_secret())
