from django.urls import path

from . import views

admin_urlpatterns = [
    path("evidence/", views.dashboard, name="evidence_dashboard"),
    path(
        "evidence/export/<str:table>/",
        views.ExportView.as_view(),
        name="evidence_export",
    ),
]
