from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from . import views

app_name = "progress"

urlpatterns = [
    path(_("my-paths/"), views.my_paths, name="my_paths"),
    path(_("my-data/"), views.my_data, name="my_data"),
    path(_("my-data/download.json"), views.download_json, name="my_data_json"),
    path(_("my-data/summary/"), views.readable_export, name="my_data_summary"),
    path(_("my-data/delete/"), views.delete_account, name="delete_account"),
    path(
        _("my-data/forget/<uuid:public_id>/"),
        views.forget_one_path,
        name="forget_path",
    ),
]

urlpatterns += [
    path(
        _("hide-your-visit/"),
        TemplateView.as_view(template_name="progress/hide_visit.html"),
        name="hide_visit",
    ),
    path(_("start/<uuid:path_key>/"), views.start_path, name="start_path"),
    path(_("continue/<uuid:public_id>/"), views.continue_path, name="continue_path"),
    path(_("answer/<uuid:step_key>/"), views.save_step_answer, name="save_answer"),
    path(_("done/<uuid:step_key>/"), views.complete_step_view, name="complete_step"),
    path(_("summary/<uuid:path_key>/"), views.path_summary, name="path_summary"),
    path(_("feedback/<uuid:path_key>/"), views.give_feedback, name="give_feedback"),
]
