"""Helpers of the admin tests in Chromium: a staff member signed in with
password and TOTP, a path with one step, submitting it for review, and
screenshots for the walk-through."""

import re
from pathlib import Path

from django.conf import settings

from home import demo as home_demo
from paths.factories import PathIndexPageFactory, PathPageFactory, PathStepPageFactory

from .staff import make_staff, sign_in

SHOTS = Path("/tmp/shots-issue-12")


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def admin_browser(page, live_server, username, *groups, superuser=False):
    """Chromium signed in to the admin (password and TOTP) as a Finnish staff member."""
    user, secret = make_staff(username, *groups, superuser=superuser, language="fi")
    client = sign_in(username, secret)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return user


def make_path_with_step(body_html="<p>Hengitä rauhassa neljään laskien.</p>"):
    index = PathIndexPageFactory(parent=home_demo.load()["fi"])
    path = PathPageFactory(
        parent=index,
        slug="huoli",
        intro="<p>Polku huolesta.</p>",
        completion_message="<p>Hienoa!</p>",
    )
    step = PathStepPageFactory(
        parent=path,
        title="Rauhoitu hetkeksi",
        slug="rauhoitu",
        body=[("text", body_html)],
    )
    return path, step


def submit(page, live_server, step):
    page.goto(f"{live_server.url}/admin/pages/{step.pk}/edit/")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
