from django.utils.cache import patch_cache_control


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
