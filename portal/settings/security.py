"""Security headers, read by base.py: the content security policy (no
third-party request leaves any page) and the headers beside it."""

from urllib.parse import urlsplit

from .strongid import STRONGID_ISSUER

# No third-party request may leave any public page: everything is 'self'.
CONTENT_SECURITY_POLICY = {
    # Every page is covered, the admin too: it gets a few replacements
    # (accounts.middleware.ADMIN_CSP_REPLACE). allauth's MFA pages run under
    # this policy as is (their inline <script>s are JSON data).
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        # Identification starts with a form whose answer redirects to the
        # broker: Chromium applies form-action to that redirect too.
        "form-action": ["'self'", STRONGID_ISSUER],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


def media_origin(address):
    """The origin ("https://host") of a bucket or CDN address, with or
    without its scheme, for the CSP's img-src."""
    parts = urlsplit(address if "//" in address else f"https://{address}")
    return f"{parts.scheme}://{parts.netloc}"
