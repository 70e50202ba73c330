"""Directory URLs under the language prefix (``/<lang>/municipality/``)."""

from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.choose_municipality, name="choose_municipality"),
]
