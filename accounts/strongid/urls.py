from allauth.socialaccount.providers.oauth2.urls import default_urlpatterns

from .provider import StrongIdProvider

urlpatterns = default_urlpatterns(StrongIdProvider)
