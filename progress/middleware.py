"""Middleware of personal pages: never cached, and a clear 503 when the
field-encryption keys cannot read what is stored (progress/keys.py)."""

import logging

from django.template.response import SimpleTemplateResponse
from django.utils.cache import patch_cache_control

from .fields import FieldKeysUnreadable

logger = logging.getLogger(__name__)


class PrivateWhenSignedInMiddleware:
    """Every page seen while signed in is personal: no cache may keep it.

    On a shared family device the back button or a proxy must not bring back
    a young person's page after they left it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True, max_age=0)
        return response


class UnreadableFieldsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, FieldKeysUnreadable):
            return None
        logger.error(
            "stored encrypted values cannot be read: check SECRET_KEY, "
            "SECRET_KEY_FALLBACKS and FIELD_ENCRYPTION_SALTS (%s)",
            request.path,
        )
        response = SimpleTemplateResponse("503_keys.html", status=503)
        response["Retry-After"] = "600"
        response["Cache-Control"] = "no-store"
        return response.render()
