"""Shared addresses at the site root, outside the language prefix."""

from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("quick-exit/", views.quick_exit, name="quick_exit"),
    path("quick-exit/away/", views.quick_exit_away, name="quick_exit_away"),
    # The PWA files: the service worker's scope is the whole portal.
    path("sw.js", views.service_worker, name="service_worker"),
    path("manifest.webmanifest", views.manifest, name="webmanifest"),
]
