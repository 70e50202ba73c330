"""Wagtail's preview may be framed by the admin, and nothing else is.

Wagtail renders a preview by running a made-up request for the page's own
address through the whole middleware stack (`make_preview_request`), so the
public pages' `frame-ancestors 'none'` lands on the preview too and blanks
Wagtail's preview panel and, with it, the accessibility checker in the editor.
Wagtail marks such requests with `request.is_preview`; only their responses
get `frame-ancestors 'self'` (the admin's origin). Every other directive of the
site's policy stays as it is.
"""


class PreviewFrameAncestorsMiddleware:
    """Put after `csp.middleware.CSPMiddleware`, so that it answers first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            # django-csp reads this when it builds the header for the response.
            replace = dict(getattr(response, "_csp_replace", None) or {})
            replace["frame-ancestors"] = ["'self'"]
            response._csp_replace = replace
        return response
