from django.urls import path

from . import views

admin_urlpatterns = [
    path("evidence/", views.dashboard, name="dashboard"),
    path(
        "evidence/export/<str:table>/",
        views.ExportView.as_view(),
        name="export",
    ),
]
