"""Account URLs under the language prefix (``/<lang>/identify/``)."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.identify, name="identify"),
]
