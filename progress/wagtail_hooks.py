from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from paths.models import PathStepPage

from . import journey
from .models import Enrolment


@hooks.register("before_serve_page")
def gate_steps(page, request, serve_args, serve_kwargs):
    """Steps are for identified, enrolled people, in order where the path says.

    The intro stays public, and so do the steps of a path its editors left
    readable without identification (the default): anyone reads them and
    tries the exercises; answering asks to identify (and to start). A direct
    URL to a later step leads to the step the person is on, with a message.
    """
    if not isinstance(page, PathStepPage) or getattr(request, "is_preview", False):
        return None
    path = page.path_page
    start = reverse("progress:start_path", kwargs={"path_key": path.path_key})
    if not request.user.is_authenticated:
        if path.readable_without_identification:
            return None  # read-only: the template asks to identify to answer
        # To the young person's identification, and back to this very step.
        return redirect_to_login(request.get_full_path())
    enrolment = journey.enrolment_for(request.user, path)
    if enrolment is None:
        if path.readable_without_identification:
            return None  # signed in, not started: read, and "start" to answer
        return HttpResponseRedirect(start)
    done = journey.completed_keys(enrolment)
    if not journey.may_open(path, page, enrolment, done=done):
        current = journey.open_step(path, enrolment, done=done)
        messages.info(
            request,
            _("Steps open in order. You are on step %(number)s.")
            % {"number": current.number},
        )
        return HttpResponseRedirect(current.url)
    request.progress_enrolment = enrolment
    request.progress_done = done
    return None


@hooks.register("polku_recall_municipality")
def municipality_of_enrolments(user):
    """The municipality an identified person chose on another device
    (directory.local), kept with their enrolments."""
    return (
        Enrolment.objects.filter(user=user)
        .exclude(municipality="")
        .order_by("-last_activity_at")
        .values_list("municipality", flat=True)
        .first()
        or ""
    )


@hooks.register("polku_remember_municipality")
def remember_municipality_on_enrolments(user, code):
    """Keep an identified person's choice with their enrolments (directory.local)."""
    Enrolment.objects.filter(user=user).update(municipality=code)
