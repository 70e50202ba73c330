"""Staff and editors: invited accounts, mandatory MFA, no password-only door."""

import pytest
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.cache import cache
from django.test import Client
from wagtail.models import ModelLogEntry

from accounts.factories import StaffFactory
from accounts.models import User

from .staff import PASSWORD, current_totp_code, password_step

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth counts failed attempts in the cache, which outlives a test.
    cache.clear()


@pytest.fixture
def editor():
    return StaffFactory(username="editor", is_superuser=True, totp=False)


@pytest.fixture
def editor_with_totp(editor):
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    return editor, secret


_current_code = current_totp_code


def _logged(action, account):
    """The entries of `action` in Wagtail's log on `account`."""
    return list(ModelLogEntry.objects.filter(action=action, object_id=str(account.pk)))


def _password_step(client, username="editor", password=PASSWORD):
    return password_step(client, username, password)


def test_staff_without_an_authenticator_are_sent_to_enrol(editor):
    """A staff member with only a password is sent to set up TOTP, not the admin."""
    client = Client()
    _password_step(client)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_password_alone_does_not_open_the_admin(editor_with_totp):
    """With TOTP set up, the password step leads to the code step, not in."""
    client = Client()
    response = _password_step(client)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302


def test_password_and_totp_open_the_admin(editor_with_totp):
    """Password plus a valid TOTP code reaches the Wagtail admin."""
    _, secret = editor_with_totp
    client = Client()
    _password_step(client)
    client.post("/accounts/2fa/authenticate/", {"code": _current_code(secret)})
    assert client.get("/admin/").status_code == 200
    assert _logged("polku.login", editor_with_totp[0])


def test_totp_code_cannot_be_used_twice(editor_with_totp):
    """A TOTP code accepted once is refused on the next sign-in."""
    _, secret = editor_with_totp
    code = _current_code(secret)
    first = Client()
    _password_step(first)
    first.post("/accounts/2fa/authenticate/", {"code": code})
    assert first.get("/admin/").status_code == 200
    second = Client()
    _password_step(second)
    second.post("/accounts/2fa/authenticate/", {"code": code})
    assert second.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    "path", ["/admin/login/", "/django-admin/login/", "/_util/login/"]
)
def test_other_login_forms_lead_to_allauth(editor, path):
    """Wagtail's and Django's own login views redirect to allauth's."""
    client = Client()
    response = client.post(path, {"username": "editor", "password": PASSWORD})
    assert response.status_code in (301, 302)
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_nobody_can_sign_up_with_a_password():
    """Local sign-up is closed: staff are invited."""
    response = Client().post(
        "/accounts/signup/",
        {"username": "intruder", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not User.objects.filter(username="intruder").exists()
    assert response.status_code == 200
    assert "poissa käytöstä" in response.content.decode()
    assert 'name="password1"' not in response.content.decode()


def test_totp_secret_is_encrypted_at_rest(editor_with_totp):
    """The stored TOTP secret is not the secret itself, yet decrypts to it."""
    editor, secret = editor_with_totp
    stored = Authenticator.objects.get(user=editor).data["secret"]
    assert stored != secret and secret not in stored
    assert get_mfa_adapter().decrypt(stored) == secret


def test_a_secret_under_a_lost_key_refuses_the_code_without_an_error_page(
    editor_with_totp, settings, caplog
):
    """A TOTP secret encrypted under a key no longer configured gives the
    translated "incorrect code" form (not a 500), and an operator log line."""
    _, secret = editor_with_totp
    settings.MFA_ENCRYPTION_KEYS = ["a-new-key-that-never-encrypted-this-secret"]
    client = Client()
    _password_step(client)
    response = client.post(
        "/accounts/2fa/authenticate/", {"code": _current_code(secret)}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert "cannot be decrypted with MFA_ENCRYPTION_KEYS" in caplog.text
    assert secret not in caplog.text
    assert client.get("/admin/").status_code == 302


def test_lockout_is_per_account_and_address(editor):
    """Five wrong passwords lock that account there, not others at the address."""
    User.objects.create_user("other", password=PASSWORD, is_staff=True)
    client = Client(REMOTE_ADDR="10.0.0.5")
    answers = [
        _password_step(client, password="wrong-password").status_code for _ in range(5)
    ]
    assert answers[-1] == 429
    right_password = Client(REMOTE_ADDR="10.0.0.5")
    _password_step(right_password)
    assert "_auth_user_id" not in right_password.session
    classmate = _password_step(Client(REMOTE_ADDR="10.0.0.5"), username="other")
    assert classmate.status_code == 302
    assert len(_logged("polku.login_failed", editor)) >= 5


def test_enrolling_totp_is_audited_and_then_asks_for_the_code(
    editor, django_capture_on_commit_callbacks
):
    """A staff member enrols TOTP, the event is logged, then the code is asked."""
    client = Client()
    _password_step(client)
    assert client.get("/admin/")["Location"] == "/accounts/2fa/totp/activate/"
    # allauth asks for the password again before adding an authenticator.
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    secret = page.context["form"].secret
    # allauth announces the new authenticator once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/2fa/totp/activate/", {"code": _current_code(secret)})
    assert "totp" in [e.data["type"] for e in _logged("polku.mfa_added", editor)]
    stored = Authenticator.objects.get(user=editor, type="totp").data["secret"]
    assert secret not in stored
    # The session was opened by a password only: the admin wants the code.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_session_without_an_mfa_step_is_turned_away_from_the_admin(
    editor_with_totp,
):
    """A staff session that never passed MFA is signed out at /admin/."""
    editor, _ = editor_with_totp
    client = Client()
    client.force_login(editor)  # a session opened some other way
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"
    assert "_auth_user_id" not in client.session


def test_recovery_code_works_once(editor_with_totp):
    """A recovery code opens the admin once; the same code is refused later."""
    editor, _ = editor_with_totp
    code = RecoveryCodes.activate(editor).get_unused_codes()[0]
    first = Client()
    _password_step(first)
    first.post("/accounts/2fa/authenticate/", {"code": code})
    assert first.get("/admin/").status_code == 200
    second = Client()
    _password_step(second)
    second.post("/accounts/2fa/authenticate/", {"code": code})
    assert second.get("/admin/").status_code == 302


def test_staff_logins_are_audited_without_passwords(editor_with_totp):
    """Failed and successful staff logins are audited without passwords."""
    _, secret = editor_with_totp
    _password_step(Client(), password="not-the-password")
    client = Client()
    _password_step(client)
    client.post("/accounts/2fa/authenticate/", {"code": _current_code(secret)})
    editor = editor_with_totp[0]
    assert _logged("polku.login_failed", editor)
    assert _logged("polku.login", editor)
    everything = list(ModelLogEntry.objects.values_list("label", "data"))
    assert not any("not-the-password" in f"{label}{data}" for label, data in everything)


def _wagtail_editor(username="wagtail-editor", *permissions):
    """An editor as Wagtail's "Add user" form makes one: is_staff=False."""
    user = User.objects.create_user(username, password=PASSWORD)
    assert not user.is_staff
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    user.groups.add(editors)
    for app_label, codename in permissions:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/fi/", "/r/abc"])
def test_editor_without_is_staff_is_sent_to_enrol_from_every_page(path):
    """An editor made in Wagtail's admin (is_staff off) must enrol before any page."""
    _wagtail_editor()
    client = Client()
    _password_step(client, username="wagtail-editor")
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_enrolment_pages_stay_open_before_enrolling():
    """The editor can reach the enrolment steps themselves (no redirect loop)."""
    _wagtail_editor()
    client = Client()
    _password_step(client, username="wagtail-editor")
    assert client.get("/accounts/reauthenticate/").status_code == 200


def test_a_referral_permission_alone_requires_mfa():
    """Someone who may only see referral numbers still needs a second factor."""
    user = User.objects.create_user("counter", password=PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="view_all_aggregates"))
    client = Client()
    _password_step(client, username="counter")
    assert client.get("/fi/")["Location"] == "/accounts/2fa/totp/activate/"


def test_editor_session_without_mfa_step_is_signed_out_everywhere():
    """An editor with TOTP whose session skipped the code step is signed out."""
    editor = _wagtail_editor()
    TOTP.activate(editor, generate_totp_secret())
    client = Client()
    client.force_login(editor)
    response = client.get("/fi/")
    assert response["Location"] == "/accounts/login/?next=%2Ffi%2F"
    assert "_auth_user_id" not in client.session


def test_editor_with_password_and_totp_reaches_the_admin():
    """The Wagtail-made editor gets in with password and TOTP code."""
    editor = _wagtail_editor()
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    client = Client()
    assert _password_step(client, username="wagtail-editor")["Location"] == (
        "/accounts/2fa/authenticate/"
    )
    client.post("/accounts/2fa/authenticate/", {"code": _current_code(secret)})
    assert client.get("/admin/").status_code == 200


def test_an_account_without_permissions_needs_no_mfa():
    """A plain account (no permission, not staff) is not asked to enrol."""
    User.objects.create_user("plain", password=PASSWORD)
    client = Client()
    _password_step(client, username="plain")
    assert client.get("/fi/").get("Location") != "/accounts/2fa/totp/activate/"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/password_reset/",
        "/admin/password_reset/done/",
        "/django-admin/password_reset/",
    ],
)
def test_no_password_reset_outside_allauth(path):
    """Wagtail's and Django's admin password resets do not exist (only allauth's)."""
    response = Client().post(path, {"email": "editor@example.fi"}, follow=True)
    last = response.redirect_chain[-1][0] if response.redirect_chain else path
    assert response.status_code == 404 or last.startswith("/accounts/login/")
    assert not mail.outbox
