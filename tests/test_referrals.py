"""Paths handed on by staff: referral links, QR codes, counts without people."""

import datetime

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from directory.models import Organisation
from evidence import aggregate
from evidence.months import last_whole_month
from paths import workflows
from progress import enrolments as progress
from progress.models import Enrolment
from referrals.factories import StaffMembershipFactory
from referrals.models import ReferralLink, ReferralOpening, StaffMembership
from tests.paths_helpers import young_person

from .directory_helpers import demo_service, organisation
from .paths_helpers import a_path
from .staff import make_staff, sign_in


@pytest.fixture(autouse=True)
def demo_data(db):
    """The demo content in a rolled-back transaction: the groups made by the
    migrations stay (a transactional_db flush would remove them)."""
    call_command("load_demo", verbosity=0)


def staff(username, *groups, organisation=None):
    """A staff member in `groups`, signed in with password and TOTP."""
    user, secret = make_staff(username, *groups)
    if organisation is not None:
        StaffMembershipFactory(user=user, organisation=organisation)
    return sign_in(username, secret)


def create_link(client, path, service, language="fi"):
    response = client.post(
        "/admin/referrals/",
        {"path_key": str(path.path_key), "service": service.pk, "language": language},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return ReferralLink.objects.get(service=service, path_key=path.path_key)


def young_person_follows(link, number, complete=False):
    """A strongly identified 15-year-old opens the link and starts the path."""
    client = Client()
    client.force_login(young_person(f"nuori{number}"))
    landing = client.get(f"/r/{link.code}", follow=True)
    assert landing.status_code == 200
    with translation.override("fi"):
        start = reverse("progress:start_path", args=[link.path_key])
    response = client.post(start)
    assert response.status_code == 302
    if complete:
        enrolment = Enrolment.objects.get(
            user__username=f"nuori{number}", path_key=link.path_key
        )
        progress.complete_path(enrolment)
    return landing.content.decode()


def numbers_next_month(client):
    """The numbers page once this month is a whole month in the nightly counts
    (the records are moved to last month instead of moving the clock)."""

    month = last_whole_month()
    middle = datetime.datetime(month.year, month.month, 15, 12, tzinfo=datetime.UTC)
    Enrolment.objects.update(started_at=middle)
    ReferralLink.objects.update(created_at=middle)
    for opening in ReferralOpening.objects.exclude(month=month):
        moved, _ = ReferralOpening.objects.get_or_create(
            link=opening.link, month=month, defaults={"n": 0}
        )
        moved.n += opening.n
        moved.save()
        opening.delete()
    aggregate.rebuild()
    return client.get("/admin/referrals/numbers/").content.decode()


def test_staff_hand_on_a_path_with_link_qr_and_poster():
    """Ohjaamo staff see the published paths, create a link for their service
    and get a short address, a QR code in PNG and SVG and a printable poster."""
    client = staff("ohjaaja", "Referring staff", organisation=organisation("kouvola"))
    path = a_path()
    listing = client.get("/admin/referrals/").content.decode()
    assert path.title in listing and path.summary in listing
    assert "Ohjaamo Kouvola" in listing  # a service of their organisation
    assert "Kriisipuhelin" not in listing  # not theirs to refer on behalf of

    link = create_link(client, path, demo_service("ohjaamo-kouvola"))
    detail = client.get(f"/admin/referrals/{link.code}/").content.decode()
    assert f"http://testserver/r/{link.code}" in detail
    png = client.get(f"/admin/referrals/{link.code}/qr.png")
    assert (
        png["Content-Type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    )
    svg = client.get(f"/admin/referrals/{link.code}/qr.svg")
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    poster = client.get(f"/admin/referrals/{link.code}/poster/").content.decode()
    assert path.title in poster and "Ohjaamo Kouvola" in poster
    assert f"/r/{link.code}" in poster


def test_staff_cannot_refer_on_behalf_of_another_organisation():
    """A staff member cannot create a link in another organisation's name."""
    client = staff("ohjaaja", "Referring staff", organisation=organisation("kouvola"))
    response = client.post(
        "/admin/referrals/",
        {
            "path_key": str(a_path().path_key),
            "service": demo_service("kriisipuhelin").pk,
            "language": "fi",
        },
    )
    assert response.status_code == 200  # the form again, no link
    assert not ReferralLink.objects.exists()


def test_opening_names_the_service_and_counts_without_identifying():
    """The link opens the path intro naming the referring service; opens,
    starts and completions are credited and shown as counts only, with fewer
    than five suppressed."""
    staff_client = staff(
        "ohjaaja", "Referring staff", organisation=organisation("kouvola")
    )
    link = create_link(staff_client, a_path(), demo_service("ohjaamo-kouvola"))

    html = young_person_follows(link, 1, complete=True)
    assert "Ohjaamo Kouvola suositteli tätä polkua sinulle" in html
    link.refresh_from_db()
    assert (link.opened, link.started, link.completed) == (1, 1, 1)
    numbers = numbers_next_month(staff_client)
    assert numbers.count("fewer than 5") >= 3 or numbers.count("alle 5") >= 3
    assert '<td data-count="started">1</td>' not in numbers

    for number in range(2, 6):
        young_person_follows(link, number)
    link.refresh_from_db()
    assert (link.opened, link.started, link.completed) == (5, 5, 1)
    # Five who came without a link, so that the link's five cannot be told
    # apart from the path's total by subtraction (docs/evidence.md).
    for number in range(5):
        progress.enrol(young_person(f"muu{number}"), link.path_key)
    numbers = numbers_next_month(staff_client)
    assert '<td data-count="started">5</td>' in numbers
    assert '<td data-count="opened">5</td>' in numbers
    for number in range(1, 6):
        assert f"nuori{number}" not in numbers
    # The completion is counted once, however often the enrolment is saved.
    from referrals.models import ReferredEnrolment

    Enrolment.objects.get(user__username="nuori1", path_key=link.path_key).save()
    link.refresh_from_db()
    assert link.completed == 1
    assert ReferredEnrolment.objects.filter(completion_counted=True).count() == 1


def test_opening_twice_in_one_session_counts_once():
    """Reloading the referral page does not inflate the opened count."""
    staff_client = staff(
        "ohjaaja", "Referring staff", organisation=organisation("kotka")
    )
    link = create_link(staff_client, a_path(), demo_service("ohjaamo-kotka"), "sv")
    client = Client()
    first = client.get(f"/r/{link.code}")
    assert first["Location"] == f"/sv/r/{link.code}/"
    client.get(first["Location"])
    client.get(first["Location"])
    link.refresh_from_db()
    assert link.opened == 1


ROOMS = {
    "services": "/admin/snippets/directory/service/",
    "review report": "/admin/reports/services-to-review/",
    "hand on": "/admin/referrals/",
    "numbers": "/admin/referrals/numbers/",
}


@pytest.mark.parametrize(
    ("group", "allowed"),
    [
        (workflows.EDITORS, set()),
        (workflows.CONTENT_REVIEWERS, set()),
        ("Directory maintainers", {"services", "review report"}),
        ("Referring staff", {"hand on", "numbers"}),
        ("Managers", {"numbers"}),
    ],
)
def test_each_group_reaches_only_its_own_rooms(group, allowed):
    """Editors, reviewers, directory maintainers, staff and managers each reach
    their own admin rooms and no others."""
    client = staff("henkilo", group, organisation=organisation("kouvola"))
    for room, url in ROOMS.items():
        response = client.get(url)
        if room in allowed:
            assert response.status_code == 200, (group, room)
        else:
            assert response.status_code in (302, 403), (group, room)
            if response.status_code == 302:
                assert not response["Location"].startswith(url), (group, room)


def test_managers_see_every_service_and_staff_only_their_own():
    """A manager's numbers cover every service; staff see their organisation's."""
    kouvola = staff("kouvola", "Referring staff", organisation=organisation("kouvola"))
    kotka = staff("kotka", "Referring staff", organisation=organisation("kotka"))
    manager = staff("johtaja", "Managers")
    path = a_path()
    create_link(kouvola, path, demo_service("ohjaamo-kouvola"))
    create_link(kotka, path, demo_service("ohjaamo-kotka"))
    own = kouvola.get("/admin/referrals/numbers/").content.decode()
    assert "Ohjaamo Kouvola" in own and "Ohjaamo Kotka" not in own
    everything = manager.get("/admin/referrals/numbers/").content.decode()
    assert "Ohjaamo Kouvola" in everything and "Ohjaamo Kotka" in everything


def test_demo_has_a_staff_login_per_organisation_type(settings):
    """`make run` gives a staff login for every organisation type, each with MFA
    enrolled, plus a manager and a directory maintainer."""

    settings.DEMO_ADMIN_PASSWORD = "demo-password-for-tests"
    call_command("load_demo", verbosity=0)
    kinds = set(StaffMembership.objects.values_list("organisation__kind", flat=True))
    assert kinds == {choice for choice, _label in Organisation.Kind.choices}
    for username in ("ohjaamo", "johtaja", "hakemisto"):
        user = User.objects.get(username=username)
        assert user.is_staff and not user.is_superuser
        assert Authenticator.objects.filter(user=user).exists()
    assert User.objects.get(username="johtaja").has_perm(
        "referrals.view_all_aggregates"
    )


def test_same_link_again_own_service_by_default_and_own_visits_not_counted():
    """A school nurse's form proposes her own service; pressing twice gives the
    same link; her own "view as a young person" visit is not an opening."""
    user, secret = make_staff("th", "Referring staff")
    school = demo_service("kouluterveydenhuolto")
    StaffMembership.objects.create(
        user=user, organisation=organisation("county"), service=school
    )
    client = sign_in("th", secret)
    listing = client.get("/admin/referrals/").content.decode()
    assert f'<option value="{school.pk}" selected>' in listing
    path = a_path()
    first = create_link(client, path, school)
    second = create_link(client, path, school)
    assert first == second and ReferralLink.objects.count() == 1
    detail = client.get(f"/admin/referrals/{first.code}/").content.decode()
    assert "data-view-as" in detail and "data-copy" in detail
    assert f"/r/{first.code}" in detail and "sms:" in detail and "mailto:" in detail
    assert client.get(f"/fi/r/{first.code}/").status_code == 200
    first.refresh_from_db()
    assert first.opened == 0
    home = client.get("/admin/").content.decode()
    assert "data-hand-on-panel" in home and first.code in home
    poster = client.get(f"/admin/referrals/{first.code}/poster/").content.decode()
    assert "kameralla" in poster or "camera" in poster
    assert "112" in poster
