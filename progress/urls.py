from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .views import personal, steps

app_name = "progress"

urlpatterns = [
    path(_("my-paths/"), personal.my_paths, name="my_paths"),
    path(_("my-data/"), personal.my_data, name="my_data"),
    path(_("my-data/download.json"), personal.download_json, name="my_data_json"),
    path(_("my-data/summary/"), personal.readable_export, name="my_data_summary"),
    path(_("my-data/delete/"), personal.delete_account, name="delete_account"),
    path(
        _("my-data/forget/<uuid:public_id>/"),
        personal.forget_one_path,
        name="forget_path",
    ),
]

urlpatterns += [
    path(
        _("hide-your-visit/"),
        TemplateView.as_view(template_name="progress/hide_visit.html"),
        name="hide_visit",
    ),
    path(_("start/<uuid:path_key>/"), steps.start_path, name="start_path"),
    path(_("continue/<uuid:public_id>/"), steps.continue_path, name="continue_path"),
    path(_("answer/<uuid:step_key>/"), steps.save_step_answer, name="save_answer"),
    path(_("done/<uuid:step_key>/"), steps.complete_step_view, name="complete_step"),
    path(_("summary/<uuid:path_key>/"), steps.path_summary, name="path_summary"),
    path(_("feedback/<uuid:path_key>/"), steps.give_feedback, name="give_feedback"),
]
