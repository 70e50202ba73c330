"""Account URLs under the language prefix, with translated paths
(``/fi/tunnistaudu/``, ``/sv/identifiera/``, ``/en/identify/``)."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.identify, name="identify"),
]
