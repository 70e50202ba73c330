"""Reminders without a worker: schedule, preference pages, signed links, PWA,
editors' texts and the operators' queue health."""

import datetime as dt
import json
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from accounts.factories import UserFactory
from accounts.models import User
from progress.factories import EnrolmentFactory
from progress.models import Enrolment
from reminders import dispatcher, links, schedule
from reminders.admin_views import QueueHealthView
from reminders.factories import PathReminderDefaultsFactory, ReminderPreferenceFactory
from reminders.models import (
    Delivery,
    PushSubscription,
    QueueEvent,
    ReminderPreference,
    ReminderText,
)
from reminders.texts import text_for
from reminders.views import preference_for

HKI = ZoneInfo("Europe/Helsinki")


def helsinki(*args):
    return dt.datetime(*args, tzinfo=HKI)


def make_pref(username="nuori", language="fi", activity=None, **fields):
    user = UserFactory(username=username, is_young_person=True)
    enrolment = EnrolmentFactory(
        user=user,
        path_key=uuid.uuid4(),
        language=language,
        last_activity_at=activity or timezone.now(),
    )
    fields.setdefault("enabled", True)
    return ReminderPreferenceFactory(enrolment=enrolment, **fields)


def plain_pref(**fields):
    """An unsaved preference with the default window 16-20 and quiet 21-08."""
    return ReminderPreference(
        window_start=dt.time(16),
        window_end=dt.time(20),
        quiet_start=dt.time(21),
        quiet_end=dt.time(8),
        **fields,
    )


# --- Schedule ---------------------------------------------------------------


def test_inactive_rhythm_keeps_wall_clock_across_spring_dst():
    """ "3 days after" a Friday 17:30 is Monday 17:30 Helsinki time, across DST."""
    pref = plain_pref(rhythm="inactive", inactive_days=3)
    activity = helsinki(2026, 3, 27, 17, 30)  # EET, UTC+2
    due = schedule.next_due(pref, activity, activity)
    assert due == helsinki(2026, 3, 30, 17, 30)  # EEST, UTC+3
    assert due.astimezone(dt.UTC).hour == 14


def test_due_time_moves_into_window():
    """A reminder falling in the morning waits for the start of the window."""
    pref = plain_pref(rhythm="inactive", inactive_days=2)
    activity = helsinki(2026, 6, 1, 9, 15)
    assert schedule.next_due(pref, activity, activity) == helsinki(2026, 6, 3, 16, 0)


def test_quiet_hours_shift_to_morning_across_dst_change():
    """Due at 21:30 the night clocks go forward: the next moment is 08:00 EEST."""
    pref = plain_pref()
    pref.window_start, pref.window_end = dt.time(7), dt.time(23)
    late = helsinki(2026, 3, 28, 21, 30)
    assert schedule.is_quiet(pref, late)
    moved = schedule.next_allowed(pref, late)
    assert moved == helsinki(2026, 3, 29, 8, 0)
    assert moved.astimezone(dt.UTC) == dt.datetime(2026, 3, 29, 5, 0, tzinfo=dt.UTC)
    autumn = schedule.next_allowed(pref, helsinki(2026, 10, 24, 22, 0))
    assert autumn.astimezone(dt.UTC) == dt.datetime(2026, 10, 25, 6, 0, tzinfo=dt.UTC)


def test_weekday_rhythm_picks_next_chosen_day_at_window_start():
    """Weekday reminders come at the start of the window on chosen days only."""
    pref = plain_pref(rhythm="weekdays", weekdays=[0, 3])  # Monday, Thursday
    wednesday = helsinki(2026, 11, 25, 12, 0)
    assert schedule.next_due(pref, wednesday, wednesday) == helsinki(
        2026, 11, 26, 16, 0
    )
    pref.last_reminded_at = helsinki(2026, 11, 26, 16, 0)
    after = helsinki(2026, 11, 26, 16, 1)
    assert schedule.next_due(pref, after, after) == helsinki(2026, 11, 30, 16, 0)


def test_window_inside_quiet_hours_is_refused():
    """A time window wholly inside quiet hours has no allowed moment."""
    pref = plain_pref()
    pref.window_start, pref.window_end = dt.time(22), dt.time(23)
    assert not schedule.has_allowed_time(pref)
    assert schedule.next_allowed(pref, helsinki(2026, 1, 5, 12)) is None


# --- Preference pages -------------------------------------------------------


@pytest.mark.django_db
def test_preferences_need_sign_in_and_are_never_cached(client):
    """The page asks to sign in, and a signed-in page is marked no-store."""
    pref = make_pref()
    url = reverse("reminders:preferences", args=[pref.enrolment.public_id])
    assert client.get(url).status_code == 302
    client.force_login(pref.enrolment.user)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Polku odottaa sinua" in response.text


@pytest.mark.django_db
def test_someone_elses_enrolment_is_not_found(client):
    """Another person's enrolment id gives 404, for reading and for saving."""
    mine = make_pref("minä")
    theirs = make_pref("toinen")
    client.force_login(mine.enrolment.user)
    url = reverse("reminders:preferences", args=[theirs.enrolment.public_id])
    assert client.get(url).status_code == 404
    assert client.post(url, {"enabled": "on"}).status_code == 404
    assert client.get(f"/fi/reminders/{uuid.uuid4()}/").status_code == 404


def form_data(**overrides):
    data = {
        "enabled": "on",
        "channel": "email",
        "rhythm": "inactive",
        "inactive_days": "3",
        "window_start": "16:00",
        "window_end": "20:00",
        "quiet_start": "21:00",
        "quiet_end": "08:00",
        "email": "",
        "save": "1",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.django_db
def test_push_without_javascript_asks_for_e_mail_instead(client):
    """Without a device subscription, push is refused with a way forward."""
    pref = make_pref()
    client.force_login(pref.enrolment.user)
    url = reverse("reminders:preferences", args=[pref.enrolment.public_id])
    response = client.post(url, form_data(channel="push"))
    assert response.status_code == 400
    assert "choose e-mail" in response.text.lower() or "sähköposti" in response.text


@pytest.mark.django_db
def test_push_endpoint_must_be_a_push_service(client, settings):
    """An endpoint outside the browser vendors' push services is refused."""
    settings.REMINDERS_PUSH_ALLOW_LOOPBACK = False
    pref = make_pref()
    client.force_login(pref.enrolment.user)
    url = reverse("reminders:preferences", args=[pref.enrolment.public_id])
    data = form_data(
        channel="push",
        push_endpoint="http://10.0.0.1/internal",
        push_p256dh="x" * 87,
        push_auth="y" * 22,
    )
    assert client.post(url, data).status_code == 400
    assert not PushSubscription.objects.exists()
    ok = dict(data, push_endpoint="https://fcm.googleapis.com/fcm/send/abc")
    assert client.post(url, ok).status_code == 302
    pref.refresh_from_db()
    assert pref.push_subscription.endpoint.startswith("https://fcm.googleapis.com/")


@pytest.mark.django_db
def test_quiet_window_and_weekdays_are_validated(client):
    """A window inside quiet hours, or weekdays without a day, are refused."""
    pref = make_pref()
    client.force_login(pref.enrolment.user)
    url = reverse("reminders:preferences", args=[pref.enrolment.public_id])
    data = form_data(email="a@example.org", window_start="22:00", window_end="23:00")
    assert client.post(url, data).status_code == 400
    data = form_data(email="a@example.org", rhythm="weekdays")
    assert client.post(url, data).status_code == 400


@pytest.mark.django_db
def test_turning_off_clears_the_schedule(client):
    """Saving with reminders off leaves nothing due."""
    pref = make_pref(
        channel="email",
        email="a@example.org",
        email_verified_at=timezone.now(),
        next_due_at=timezone.now(),
    )
    client.force_login(pref.enrolment.user)
    url = reverse("reminders:preferences", args=[pref.enrolment.public_id])
    data = form_data(email="a@example.org")
    del data["enabled"]
    assert client.post(url, data).status_code == 302
    pref.refresh_from_db()
    assert not pref.enabled and pref.next_due_at is None
    assert dispatcher.dispatch(now=timezone.now() + dt.timedelta(days=30)) == 0


@pytest.mark.django_db
def test_e_mail_address_is_confirmed_by_signed_link_and_removable(client):
    """A new address waits for its link; the link confirms it; it can be removed."""
    pref = make_pref()
    client.force_login(pref.enrolment.user)
    url = reverse("reminders:preferences", args=[pref.enrolment.public_id])
    assert client.post(url, form_data(email="nuori@example.org")).status_code == 302
    pref.refresh_from_db()
    assert pref.email == "nuori@example.org" and pref.email_verified_at is None
    assert pref.verification_requested_at is not None
    stored = ReminderPreference.objects.filter(pk=pref.pk).values_list(
        "email", flat=True
    )
    with __import__("django.db").db.connection.cursor() as cursor:
        cursor.execute("select email from reminders_reminderpreference")
        assert "nuori@example.org" not in cursor.fetchone()[0]  # encrypted
    assert list(stored) == ["nuori@example.org"]
    token = links.verify_token(pref)
    confirm = reverse("reminders:verify_email", args=[token])
    client.logout()
    assert client.get(confirm).status_code == 200
    pref.refresh_from_db()
    assert pref.email_verified_at is None  # a GET (link scanner) confirms nothing
    client.post(confirm)
    pref.refresh_from_db()
    assert pref.email_verified_at is not None and pref.next_due_at is not None
    pref.email = "toinen@example.org"
    pref.save()
    assert links.preference_for_verify(token) is None  # old link, new address
    client.force_login(pref.enrolment.user)
    client.post(url, {"remove_email": "1"})
    pref.refresh_from_db()
    assert not pref.email and pref.email_verified_at is None


@pytest.mark.django_db
def test_unsubscribe_link_stops_only_its_own_reminders(client):
    """The signed link stops its reminders without sign-in, and no one else's."""
    mine = make_pref("a", next_due_at=timezone.now())
    other = make_pref("b", next_due_at=timezone.now())
    token = links.unsubscribe_token(mine)
    url = reverse("reminders:unsubscribe", args=[token])
    response = client.get(url)
    assert response.status_code == 200
    mine.refresh_from_db()
    assert mine.enabled  # opening the link alone (a scanner) does nothing
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    mine.refresh_from_db()
    other.refresh_from_db()
    assert not mine.enabled and mine.stopped == "unsubscribed"
    assert other.enabled and other.next_due_at is not None
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    assert client.post(reverse("reminders:unsubscribe", args=[forged])).status_code
    assert (
        client.post(reverse("reminders:unsubscribe", args=[forged])).status_code == 404
    )
    other.refresh_from_db()
    assert other.enabled


@pytest.mark.django_db
def test_deleting_the_account_removes_reminders():
    """Deleting the account deletes preferences, deliveries and subscriptions."""
    pref = make_pref(next_due_at=timezone.now())
    PushSubscription.objects.create(
        user=pref.enrolment.user,
        endpoint="https://x.push.apple.com/1",
        p256dh="k",
        auth="a",
    )
    Delivery.objects.create(preference=pref, due_at=timezone.now(), channel="push")
    pref.enrolment.user.delete()
    assert not ReminderPreference.objects.exists()
    assert not Delivery.objects.exists()
    assert not PushSubscription.objects.exists()


# --- PWA ----------------------------------------------------------------------


@pytest.mark.django_db
def test_service_worker_and_manifest_are_served_from_the_root(client):
    """/sw.js may control the whole site and the manifest makes Polku installable."""
    sw = client.get("/sw.js")
    assert sw.status_code == 200
    assert sw["Content-Type"].startswith("text/javascript")
    assert sw["Service-Worker-Allowed"] == "/"
    assert (
        b"showNotification" in b"".join(sw.streaming_content)
        if hasattr(sw, "streaming_content")
        else b"showNotification" in sw.content
    )
    manifest = client.get("/manifest.webmanifest")
    data = json.loads(manifest.content)
    assert manifest["Content-Type"] == "application/manifest+json"
    assert data["display"] == "standalone" and data["start_url"] == "/"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        assert client.get(icon["src"]).status_code == 200
    csp = client.get("/sw.js")["Content-Security-Policy"]
    assert "worker-src 'self'" in csp and "manifest-src 'self'" in csp


# --- Editors and operators --------------------------------------------------


@pytest.mark.django_db
def test_editor_texts_are_used_in_turn_and_must_be_discreet():
    """Variants rotate per reminder; a text naming the path is refused."""

    root = Page.get_first_root_node()
    path_page = root.add_child(instance=Page(title="Päihteet hallintaan", slug="p"))
    defaults = PathReminderDefaultsFactory(path=path_page, inactive_days=5)
    ReminderText.objects.create(
        defaults=defaults, language="fi", title="Polku", body="Hetki itselle?"
    )
    ReminderText.objects.create(
        defaults=defaults, language="fi", title="Polku", body="Jatketaanko?"
    )
    pref = make_pref()
    pref.enrolment.path_key = path_page.translation_key
    pref.enrolment.save()

    assert text_for(pref.enrolment, 1)[1] == "Hetki itselle?"
    assert text_for(pref.enrolment, 2)[1] == "Jatketaanko?"
    assert text_for(pref.enrolment, 3)[1] == "Hetki itselle?"
    leaky = ReminderText(
        defaults=defaults, language="fi", title="Polku", body="Päihteet hallintaan!"
    )
    with pytest.raises(ValidationError):
        leaky.full_clean()

    fresh = Enrolment.objects.create(
        user=User.objects.create(username="uusi"), path_key=path_page.translation_key
    )
    assert preference_for(fresh).inactive_days == 5


@pytest.mark.django_db
def test_editor_preview_shows_lock_screen_texts(rf):
    """The snippet preview renders each text as it would look on a lock screen."""

    root = Page.get_first_root_node()
    path_page = root.add_child(instance=Page(title="Mieli", slug="mieli"))
    defaults = PathReminderDefaultsFactory(path=path_page)
    response = defaults.serve_preview(rf.get("/"), "")
    html = response.render().content.decode()
    assert "Polku odottaa sinua" in html and "Din stig väntar" in html


@pytest.mark.django_db
def test_queue_health_shows_counts_and_no_one(rf):
    """Operators see due, sent, failed and quiet-hour deferrals, never who."""

    pref = make_pref("salainen-nimi", next_due_at=timezone.now())
    for number, status in enumerate(("sent", "sent", "failed", "queued")):
        Delivery.objects.create(
            preference=pref,
            due_at=timezone.now() - dt.timedelta(days=number),
            channel="push",
            status=status,
            finished_at=timezone.now() if status != "queued" else None,
        )
    QueueEvent.bump(QueueEvent.Kind.DEFERRED_QUIET, 4)
    admin = User.objects.create(
        username="operaattori", is_staff=True, is_superuser=True
    )
    request = rf.get("/admin/reports/reminder-queue/")
    request.user = admin
    html = QueueHealthView.as_view()(request).render().content.decode()
    assert 'data-count="due">1<' in html
    assert 'data-count="sent_week">2<' in html
    assert 'data-count="failed_week">1<' in html
    assert 'data-count="queued">1<' in html
    assert 'data-event="deferred_quiet">4<' in html
    assert "salainen-nimi" not in html
    assert str(pref.enrolment.public_id) not in html
