"""The session's referral link, for the request (referrals/signals.py)."""

import contextvars

SESSION_KEY = "referral_link"
current_link_id = contextvars.ContextVar("current_link_id", default=None)


class ReferralMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        token = current_link_id.set(session.get(SESSION_KEY) if session else None)
        try:
            return self.get_response(request)
        finally:
            current_link_id.reset(token)
