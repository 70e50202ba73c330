from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from progress import journey
from progress.enrolments import answers_by_block

register = template.Library()


@register.simple_tag(takes_context=True)
def step_state(context, step):
    """This person's state on a step: answers, completion, errors and drafts.

    Three queries whatever the number of blocks: the enrolment (already loaded
    by the gate), its answers and its completions.
    """
    request = context["request"]
    enrolment = getattr(request, "progress_enrolment", None)
    if enrolment is None:
        enrolment = journey.enrolment_for(request.user, step.path_page)
    state = journey.StepState(
        enrolment=enrolment,
        errors=getattr(request, "progress_errors", {}),
        drafts=getattr(request, "progress_drafts", {}),
    )
    if enrolment is not None:
        state.answers = answers_by_block(enrolment)
        done = getattr(request, "progress_done", None)
        if done is None:
            done = journey.completed_keys(enrolment)
        state.completed = str(step.step_key) in done
        # "Next" only where it will open: ordered paths open it once this is done.
        state.next_opens = state.completed or not step.path_page.is_sequential
        state.answer_url = reverse(
            "progress:save_answer", kwargs={"step_key": step.step_key}
        )
        state.complete_url = reverse(
            "progress:complete_step", kwargs={"step_key": step.step_key}
        )
    return state


@register.filter
def get_item(container, key):
    """container[key] in a template, or None (dicts and lists alike)."""
    try:
        return container[key]
    except (KeyError, IndexError, TypeError):
        return None


@register.simple_tag(takes_context=True)
def path_state(context, path):
    """On the intro: enrolled or not, and where "continue" leads."""
    request = context["request"]
    enrolment = journey.enrolment_for(request.user, path)
    resume = journey.resume_step(path, enrolment) if enrolment else None
    return {"enrolment": enrolment, "resume": resume}


@register.filter
def isodate(value):
    """An ISO date or time from the data export, as a Finnish reader writes it."""
    moment = parse_datetime(value or "") if "T" in (value or "") else None
    if moment is not None:
        return timezone.localtime(moment).strftime("%-d.%-m.%Y")
    day = parse_date(value or "")
    return day.strftime("%-d.%-m.%Y") if day else ""


@register.simple_tag(takes_context=True)
def continue_enrolment(context):
    """The path a signed-in young person was last on and has not finished
    (for "Continue where you left off"), or None. One query, only for them."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not getattr(user, "is_young_person", False):
        return None
    if hasattr(context.get("page"), "step_key"):
        return None  # on a step already: the step is where they left off
    if not hasattr(request, "_polku_continue"):
        request._polku_continue = (
            user.enrolments.filter(completed_at__isnull=True)
            .order_by("-last_activity_at")
            .first()
        )
    return request._polku_continue
