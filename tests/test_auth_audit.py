"""The sign-in audit in the Wagtail admin: Reports → Site history."""

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import ModelLogEntry

from accounts.audit import refusal_reasons

from .staff import PASSWORD, current_totp_code, make_staff, password_step, sign_in

pytestmark = pytest.mark.django_db

HISTORY = "/admin/reports/site-history/"
RESULTS = HISTORY + "results/"  # the listing alone, without the filter's labels
FAILED_LOGIN = "Epäonnistunut kirjautuminen (väärä salasana)"
FAILED_CODE = "Väärä kaksivaiheisen tunnistautumisen koodi"
UNKNOWN = "Epäonnistunut kirjautuminen tuntemattomalla käyttäjätunnuksella"
REFUSED = "Vahva tunnistautuminen hylätty (syy: state)"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def chief():
    """A superuser signed in to the admin with password and TOTP."""
    return sign_in("chief", make_staff("chief", superuser=True)[1])


def _password_step(username, password=PASSWORD):
    client = Client()
    password_step(client, username, password)
    return client


def _history(client, **query):
    response = client.get(RESULTS, query)
    assert response.status_code == 200
    return response.content.decode()


def test_failed_login_and_mfa_code_are_in_the_site_history(chief):
    """A wrong password and a wrong code on an editor's account appear in
    Reports → Site history under the editor's name, and filter by action."""
    _editor, secret = make_staff("editori")
    _password_step("editori", password="a-wrong-password")
    in_code_step = _password_step("editori")
    wrong = "000000" if current_totp_code(secret) != "000000" else "111111"
    page = in_code_step.post("/accounts/2fa/authenticate/", {"code": wrong})
    assert page.status_code == 200

    everything = _history(chief)
    assert FAILED_LOGIN in everything and FAILED_CODE in everything
    assert "editori" in everything
    assert "a-wrong-password" not in everything and wrong not in everything

    codes_only = _history(chief, action="polku.mfa_failed")
    assert FAILED_CODE in codes_only and FAILED_LOGIN not in codes_only
    assert "editori" in codes_only
    # The whole report page offers the filter, in Finnish.
    report = chief.get(HISTORY).content.decode()
    assert 'value="polku.mfa_failed"' in report and FAILED_CODE in report


def test_events_without_an_account_are_visible_without_naming_anyone(chief):
    """A login to an unknown username and a refused identification appear
    on the sign-in service, without the username that was typed."""
    _password_step("no-such-person-xyz", password="whatever-it-was")
    # A callback with no identification of this session: refused, "state".
    Client().get("/accounts/strongid/login/callback/?state=forged&code=forged")
    assert refusal_reasons() == ["state"]

    page = _history(chief)
    assert UNKNOWN in page and REFUSED in page
    assert "Kirjautuminen ja tunnistautuminen" in page
    assert "no-such-person-xyz" not in page
    stored = list(ModelLogEntry.objects.values_list("label", "data"))
    assert not any("no-such-person-xyz" in f"{label}{data}" for label, data in stored)
    refused_only = _history(chief, action="polku.identification_refused")
    assert REFUSED in refused_only and UNKNOWN not in refused_only


def test_an_editor_without_user_permissions_does_not_see_the_audit():
    """A path editor's Site history holds none of the sign-in events."""
    make_staff("toinen")
    _password_step("toinen", password="a-wrong-password")
    editor = sign_in("kirjoittaja", make_staff("kirjoittaja", "Editors")[1])
    page = _history(editor)
    assert FAILED_LOGIN not in page and "toinen" not in page


def test_password_reset_and_change_are_audited(chief):
    """Asking for a reset mail and changing the password are both logged on
    the account; an address with no account logs nothing about it."""
    user, secret = make_staff("vaihtaja")
    user.email = "vaihtaja@example.fi"
    user.save()
    Client().post("/accounts/password/reset/", {"email": "vaihtaja@example.fi"})
    Client().post("/accounts/password/reset/", {"email": "nobody@example.fi"})
    client = _password_step("vaihtaja")
    client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
    client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "an-even-longer-new-password-2026",
            "password2": "an-even-longer-new-password-2026",
        },
    )
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(user.pk)).values_list(
            "action", flat=True
        )
    )
    assert {"polku.password_reset_requested", "polku.password_changed"} <= actions
    page = _history(chief)
    assert "Salasanan palautusta pyydetty" in page and "Salasana vaihdettu" in page
    assert "nobody@example.fi" not in page
