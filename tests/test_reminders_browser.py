"""Reminder preferences in a real Chromium at 375 px: subscribing to push.

Headless Chromium here has no route to a browser vendor's push service, so
``PushManager.subscribe`` cannot complete for real; the test records what the
real call does, then lets ``subscribe`` hand over a subscription of the local
push service (tests/pushservice.py). Everything else is real: the page, the
service worker registered from /sw.js, the notification permission, the
form post, the worker and the encrypted push request.
"""

import datetime as dt
import json
import uuid

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from accounts.models import User
from progress.models import Enrolment
from reminders import dispatcher, schedule, vapid
from reminders.models import Delivery, PushSubscription, ReminderPreference

from .conftest import PHONE, axe_violations
from .pushservice import PushService

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("celery_worker")]

FAKE_SUBSCRIBE = """
(subscription) => {
  const real = PushManager.prototype.subscribe;
  PushManager.prototype.realSubscribe = real;
  PushManager.prototype.getSubscription = async function () { return null; };
  PushManager.prototype.subscribe = async function (options) {
    window.subscribeOptions = {
      userVisibleOnly: options.userVisibleOnly,
      keyLength: new Uint8Array(options.applicationServerKey).length,
    };
    return {
      endpoint: subscription.endpoint,
      toJSON() { return subscription; },
    };
  };
}
"""

REAL_SUBSCRIBE = """
async (key) => {
  const registration = await navigator.serviceWorker.ready;
  const b64 = key.replace(/-/g, "+").replace(/_/g, "/");
  const padded = b64 + "=".repeat((4 - b64.length % 4) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  try {
    const sub = await registration.pushManager.realSubscribe(
      {userVisibleOnly: true, applicationServerKey: bytes});
    return "subscribed: " + new URL(sub.endpoint).host;
  } catch (error) {
    return "refused: " + error.name + ": " + error.message;
  }
}
"""


def test_subscribe_to_push_on_a_phone(browser, live_server, locales):
    """On a 375 px phone a young person turns on notifications: the service
    worker registers, permission is asked, the subscription reaches the server,
    and the next reminder arrives encrypted at the push service."""
    push = PushService(expected_key=vapid.application_server_key())
    try:
        user = User.objects.create(username="puhelin", is_young_person=True)
        enrolment = Enrolment.objects.create(
            user=user,
            path_key=uuid.uuid4(),
            language="fi",
            last_activity_at=timezone.now() - dt.timedelta(days=5),
        )
        client = Client()
        client.force_login(user)
        context = browser.new_context(
            viewport=PHONE, locale="fi-FI", has_touch=True, is_mobile=True
        )
        context.grant_permissions(["notifications"], origin=live_server.url)
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.add_init_script(
            script=f"({FAKE_SUBSCRIBE})({_json(push.subscribe('puhelin'))})"
        )
        page.goto(f"{live_server.url}/fi/reminders/{enrolment.public_id}/")
        assert axe_violations(page) == []
        overflow = page.evaluate(
            "document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 0

        page.locator("input[name=enabled]").check()
        page.locator("input[name=channel][value=push]").check()
        page.locator("button[name=save]").tap()
        page.locator(".messages").wait_for()  # saved, back on the page

        assert page.evaluate("window.subscribeOptions") is None  # new page now
        subscription = PushSubscription.objects.get(user=user)
        assert subscription.endpoint == f"{push.origin}/push/puhelin"
        pref = ReminderPreference.objects.get(enrolment=enrolment)
        assert pref.enabled and pref.channel == "push" and pref.next_due_at
        state = page.evaluate(
            "navigator.serviceWorker.getRegistration('/').then("
            "r => r && r.active && new URL(r.active.scriptURL).pathname)"
        )
        assert state == "/sw.js"
        permission = page.evaluate("Notification.permission")
        assert permission == "granted"
        # What the browser's own subscribe does without a push service here.
        outcome = page.evaluate(REAL_SUBSCRIBE, vapid.application_server_key())
        print(f"real PushManager.subscribe: {outcome}")  # noqa: T201
        assert outcome.startswith(("subscribed", "refused"))

        # The next reminder goes to this subscription, encrypted.
        dispatcher.dispatch(now=_allowed_moment(pref))
        message = push.wait_for(1, "puhelin")
        assert message and message[0]["data"]["body"] == "Polku odottaa sinua"
        assert Delivery.objects.filter(status="sent").count() <= 1
        context.close()
    finally:
        push.close()


def _json(value):

    return json.dumps(value)


def _allowed_moment(pref):
    """The reminder's due time, moved into its window if need be."""

    return schedule.next_allowed(pref, pref.next_due_at)
