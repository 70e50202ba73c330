"""Reminder URLs under the language prefix (``/<lang>/reminders/...``).

The PWA files (service worker, manifest) are served by core (core/urls.py).
"""

from django.urls import path

from . import views

app_name = "reminders"

urlpatterns = [
    path("<uuid:public_id>/", views.preferences, name="preferences"),
    path("<uuid:public_id>/open/", views.open_path, name="open"),
    path("stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("confirm/<str:token>/", views.verify_email, name="verify_email"),
]
