"""The portal's URLs plus one destructive view guarded by re-identification."""

from django.http import HttpResponse
from django.urls import path

from accounts.reidentify import strong_identification_required
from portal.urls import urlpatterns as portal_urlpatterns


@strong_identification_required(max_age=300)
def forget_me(request):
    return HttpResponse(f"forgetting {request.user.pk}")


urlpatterns = [path("forget-me/", forget_me), *portal_urlpatterns]
