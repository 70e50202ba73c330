"""The two ways a reminder leaves: web push and e-mail.

Each channel turns the outcome into one of four answers the sender acts on:
success, ``Transient`` (retry with back-off), ``Gone`` (the push subscription
expired: HTTP 404/410, remove it), ``Bounced`` (the receiving mail server
refused the address permanently with a 5xx at send time: disable it) or
``Permanent`` (do not retry, keep the channel).
"""

import json
import smtplib
import threading
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from pywebpush import WebPusher

from . import conf, vapid


class ChannelError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code[:100]


class Transient(ChannelError):
    pass


class Permanent(ChannelError):
    pass


class Gone(ChannelError):
    pass


class Bounced(ChannelError):
    pass


_local = threading.local()


def _http():
    # One keep-alive session per sending thread; created after the fork.
    session = getattr(_local, "session", None)
    if session is None:
        session = _local.session = requests.Session()
    return session


def send_push(subscription, message):
    """POST one encrypted (aes128gcm) message to the subscription's endpoint."""
    parts = urlsplit(subscription.endpoint)
    headers = vapid.headers_for(f"{parts.scheme}://{parts.netloc}")
    # RFC 8030 5.4: a push service replaces an undelivered message with the
    # same Topic, so a re-send after a worker crash does not stack up.
    headers["Topic"] = message["tag"]
    headers["Urgency"] = "normal"
    try:
        response = WebPusher(subscription.as_info(), requests_session=_http()).send(
            json.dumps(message, ensure_ascii=False),
            headers,
            ttl=conf.get("REMINDERS_PUSH_TTL"),
            content_encoding="aes128gcm",
            timeout=conf.get("REMINDERS_HTTP_TIMEOUT"),
        )
    except requests.RequestException as exc:
        raise Transient(f"http {type(exc).__name__}") from exc
    status = response.status_code
    if status in (404, 410):
        raise Gone(f"http {status}")
    if status == 429 or status >= 500:
        raise Transient(f"http {status}")
    if status >= 300:
        raise Permanent(f"http {status}")


def send_email(address, subject, body, message_id, unsubscribe_url):
    """Send one plain-text message through REMINDERS_EMAIL_BACKEND."""
    connection = get_connection(
        conf.get("REMINDERS_EMAIL_BACKEND"),
        timeout=conf.get("REMINDERS_HTTP_TIMEOUT"),
    )
    headers = {
        "Message-ID": f"<{message_id}@polku.reminders>",
        "Auto-Submitted": "auto-generated",
    }
    if unsubscribe_url:
        # RFC 8058: mail apps show a one-tap "unsubscribe" that POSTs here.
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers=headers,
        connection=connection,
    )
    try:
        email.send()
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _msg in exc.recipients.values()]
        if codes and all(500 <= code < 600 for code in codes):
            raise Bounced(f"smtp {codes[0]}") from exc
        raise Transient(f"smtp {codes[0] if codes else '?'}") from exc
    except smtplib.SMTPDataError as exc:
        if 550 <= exc.smtp_code < 560:
            raise Bounced(f"smtp {exc.smtp_code}") from exc
        if 500 <= exc.smtp_code < 600:
            raise Permanent(f"smtp {exc.smtp_code}") from exc
        raise Transient(f"smtp {exc.smtp_code}") from exc
    except smtplib.SMTPResponseException as exc:
        raise Transient(f"smtp {exc.smtp_code}") from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise Transient(f"smtp {type(exc).__name__}") from exc
