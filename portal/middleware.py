"""The probes' middleware (portal/health.py)."""

from .health import PROBES


class ProbeMiddleware:
    """Answers /livez/ and /readyz/ before any other middleware runs.

    Probes come from the orchestrator with a pod or container address as the
    Host, which ALLOWED_HOSTS rightly refuses; they need neither a session
    nor a redirect to HTTPS. First in MIDDLEWARE, so a probe costs no more
    than the question it asks.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is not None:
            return probe(request)
        return self.get_response(request)
