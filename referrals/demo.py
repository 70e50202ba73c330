"""Demo staff logins, one per organisation type, plus a manager and a
directory maintainer. Development only: created when the settings give a demo
password (DEMO_ADMIN_PASSWORD), each with TOTP enrolled like the demo admin."""

from wagtail.models import Locale

from accounts.demo import ensure_staff
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
        user = ensure_staff(username, password, groups)
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
