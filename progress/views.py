"""A young person's own pages: my paths, my data, export, deletion.

Every view here is personal: login required, ownership by construction (all
queries start from request.user), `Cache-Control: no-store`, and nothing
personal in the URL or the page title.
"""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page

from accounts.reidentify import strong_identification_required

from . import journey
from .models import Enrolment, Feedback
from .services import (
    MAX_ANSWER_LENGTH,
    StaleAnswer,
    answers_by_block,
    complete_path,
    complete_step,
    enrol,
    forget_path,
    save_answer,
)


def personal(view):
    """Login required and never cached: for every page about one person."""
    return never_cache(login_required(view))


def path_page(path_key):
    """The live path page for a key, in the active language when there is one."""
    pages = Page.objects.live().filter(translation_key=path_key)
    page = pages.filter(locale=Locale.get_active()).first() or pages.first()
    return page.specific if page else None


def enrolment_rows(user):
    rows = []
    for enrolment in user.enrolments.order_by("-last_activity_at"):
        page = path_page(enrolment.path_key)
        steps = (
            page.get_steps() if page is not None and hasattr(page, "get_steps") else []
        )
        done = set(enrolment.completions.values_list("step_key", flat=True))
        total = len(steps)
        count = sum(1 for step in steps if step.step_key in done)
        rows.append(
            {
                "enrolment": enrolment,
                "page": page,
                "done": count,
                "total": total,
                "percent": round(100 * count / total) if total else 0,
            }
        )
    return rows


@personal
def my_paths(request):
    return render(
        request, "progress/my_paths.html", {"rows": enrolment_rows(request.user)}
    )


@personal
def my_data(request):
    return render(
        request, "progress/my_data.html", {"rows": enrolment_rows(request.user)}
    )


def export_data(user):
    """Everything Polku keeps about this person, in plain JSON."""
    return {
        "account": {
            "created": user.date_joined.isoformat(),
            "last_identified": user.identified_at.isoformat()
            if user.identified_at
            else None,
            "turns_18_on": user.turns_18_on.isoformat() if user.turns_18_on else None,
        },
        "paths": [
            {
                "path": row["page"].title
                if row["page"]
                else str(row["enrolment"].path_key),
                "started": row["enrolment"].started_at.isoformat(),
                "last_activity": row["enrolment"].last_activity_at.isoformat(),
                "completed": row["enrolment"].completed_at.isoformat()
                if row["enrolment"].completed_at
                else None,
                "steps_done": row["done"],
                "answers": [
                    {"question": answer.block_id, "answer": answer.value}
                    for answer in row["enrolment"].answers.all()
                ],
            }
            for row in enrolment_rows(user)
        ],
    }


@personal
def download_json(request):
    response = JsonResponse(export_data(request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="polku-omat-tiedot.json"'
    return response


@personal
def readable_export(request):
    return render(
        request,
        "progress/export.html",
        {"data": export_data(request.user), "rows": enrolment_rows(request.user)},
    )


@require_POST
@personal
def forget_one_path(request, public_id):
    enrolment = get_object_or_404(Enrolment, public_id=public_id, user=request.user)
    forget_path(enrolment)
    messages.success(request, _("The path and your answers on it were deleted."))
    return HttpResponseRedirect(reverse("my_data"))


@personal
@strong_identification_required
def delete_account(request):
    """Delete everything, after a fresh strong identification in this session."""
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        user = request.user
        logout(request)
        user.delete()
        messages.success(request, _("Your account and everything in it were deleted."))
        return HttpResponseRedirect("/")
    return render(request, "progress/delete_account.html")


@csrf_exempt
@require_POST
def quick_exit(request):
    """The quick exit's beacon: end the session so Back reveals nothing.

    CSRF-exempt on purpose: a beacon cannot carry the token, and the only thing
    this can do is sign the visitor out.
    """
    logout(request)
    return HttpResponse(status=204)


# --- The journey: start, answer, step done, feedback, summary ----------------


def _step_by_key(step_key):
    """The live step with this key, in the active language when there is one."""
    from paths.models import PathStepPage

    steps = PathStepPage.objects.live().filter(translation_key=step_key)
    step = steps.filter(locale=Locale.get_active()).first() or steps.first()
    if step is None:
        raise Http404
    return step


def _path_by_key(path_key):
    page = path_page(path_key)
    if page is None or not hasattr(page, "get_steps"):
        raise Http404
    return page


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


@never_cache
def start_path(request, path_key):
    """ "Start": identify if needed, check the audience, enrol once, go to step 1."""
    path = _path_by_key(path_key)
    if not request.user.is_authenticated:
        return render(
            request,
            "progress/identify_to_start.html",
            {"path": path, "next": request.get_full_path()},
        )
    if not getattr(request.user, "is_young_person", False):
        messages.info(request, _("Paths are followed with strong identification."))
        return HttpResponseRedirect(path.url)
    if not journey.in_audience(request.user, path):
        return render(
            request, "progress/not_in_audience.html", {"path": path}, status=403
        )
    steps = path.get_steps()
    enrolment, _created = enrol(
        request.user,
        path.path_key,
        steps[0].step_key if steps else None,
        language=path.locale.language_code,
    )
    target = journey.resume_step(path, enrolment, steps)
    return HttpResponseRedirect(target.url if target else path.url)


def _parse_answer(block_type, value, post):
    """The stored form of one answer, or raise ValueError with a message."""
    if block_type == "reflection":
        text = post.get("answer", "")
        if len(text) > MAX_ANSWER_LENGTH:
            raise ValueError(
                _("Your answer is too long: at most %(max)s characters.")
                % {"max": MAX_ANSWER_LENGTH}
            )
        return {"text": text}
    if block_type == "checklist":
        count = len(value["items"])
        try:
            checked = sorted({int(i) for i in post.getlist("checked")})
        except ValueError as exc:
            raise ValueError(_("Something in the list was not understood.")) from exc
        if any(i < 0 or i >= count for i in checked):
            raise ValueError(_("Something in the list was not understood."))
        own = post.get("own_items", "")
        if len(own) > 2000:
            raise ValueError(_("Your own items are too long: at most 2000 characters."))
        return {"checked": checked, "own": own}
    if block_type == "self_check":
        choices, score = [], 0
        for number, question in enumerate(value["questions"]):
            raw = post.get(f"q{number}")
            try:
                choice = int(raw)
                option = question["options"][choice]
            except (TypeError, ValueError, IndexError) as exc:
                raise ValueError(_("Please answer every question.")) from exc
            choices.append(choice)
            score += option["score"]
        band = next(
            (
                index
                for index, band in enumerate(value["bands"])
                if band["min_score"] <= score <= band["max_score"]
            ),
            None,
        )
        return {"choices": choices, "score": score, "band": band}
    raise ValueError(_("This cannot be answered."))


@require_POST
@personal
def save_step_answer(request, step_key):
    """Save one answer; without JavaScript a normal form post, with it autosave."""
    step = _step_by_key(step_key)
    path = step.path_page
    enrolment = journey.enrolment_for(request.user, path)
    if enrolment is None or not journey.may_open(path, step, enrolment):
        raise Http404
    block_id = request.POST.get("block_id", "")
    block = next((b for b in step.body if b.id == block_id), None)
    if block is None:
        raise Http404
    try:
        value = _parse_answer(block.block_type, block.value, request.POST)
        revision = request.POST.get("revision")
        save_answer(
            enrolment,
            step.step_key,
            block_id,
            value,
            base_revision=int(revision) if revision and revision.isdigit() else None,
        )
    except ValueError as exc:
        return _answer_problem(request, step, block_id, str(exc), status=400)
    except StaleAnswer:
        return _answer_problem(
            request,
            step,
            block_id,
            _(
                "You changed this answer in another window meanwhile. The newer "
                "answer is saved below; your text here was kept so you can copy it."
            ),
            status=409,
        )
    if _wants_json(request):
        answer = enrolment.answers.get(block_id=block_id)
        return JsonResponse({"saved": True, "revision": answer.revision})
    messages.success(request, _("Saved."))
    return HttpResponseRedirect(f"{step.url}#block-{block_id}")


def _answer_problem(request, step, block_id, message, status):
    """Show the step again with the message, keeping what the person typed."""
    if _wants_json(request):
        return JsonResponse({"saved": False, "error": message}, status=status)
    request.progress_errors = {block_id: message}
    request.progress_drafts = {block_id: request.POST}
    response = step.serve(request)
    response.status_code = status
    return response


@require_POST
@personal
def complete_step_view(request, step_key):
    """ "Done, next step": mark the step complete and go on."""
    step = _step_by_key(step_key)
    path = step.path_page
    enrolment = journey.enrolment_for(request.user, path)
    if enrolment is None or not journey.may_open(path, step, enrolment):
        raise Http404
    following = step.next_step
    complete_step(enrolment, step.step_key, following.step_key if following else None)
    steps = path.get_steps()
    if journey.open_step(path, enrolment, steps) is None:
        complete_path(enrolment)
        return HttpResponseRedirect(
            reverse("path_summary", kwargs={"path_key": path.path_key})
        )
    target = following or journey.resume_step(path, enrolment, steps)
    return HttpResponseRedirect(target.url)


@personal
def path_summary(request, path_key):
    """The person's own answers and plan on one path: to read, print or bring."""
    path = _path_by_key(path_key)
    enrolment = journey.enrolment_for(request.user, path)
    if enrolment is None:
        raise Http404
    answers = answers_by_block(enrolment)
    items = []
    for step in path.get_steps():
        for block_id, block_type, value in step.answerable_blocks():
            answer = answers.get(block_id)
            if answer is not None:
                items.append(
                    {"step": step, "type": block_type, "block": value, "answer": answer}
                )
    return render(
        request,
        "progress/path_summary.html",
        {
            "path": path,
            "enrolment": enrolment,
            "items": items,
            "scores": range(11),
            "feedback_given": request.session.get(f"feedback:{path.path_key}"),
        },
    )


@require_POST
@personal
def give_feedback(request, path_key):
    """Feedback, stored without any link to the person or their answers.

    The session remembers that feedback was given (to thank and not ask
    again); the database does not.
    """
    path = _path_by_key(path_key)
    step_key = request.POST.get("step_key") or None
    helpful = {"yes": True, "no": False}.get(request.POST.get("helpful"))
    score = request.POST.get("score")
    score = int(score) if score and score.isdigit() and int(score) <= 10 else None
    comment = request.POST.get("comment", "")[:1000]
    if step_key:
        _step_by_key(step_key)  # a real step, or 404
    if helpful is None and score is None:
        messages.error(request, _("Choose an answer first."))
    else:
        Feedback.objects.create(
            path_key=path.path_key,
            step_key=step_key,
            helpful=helpful,
            recommend_score=score,
            comment=comment,
            age_band=request.user.age_band,
        )
        request.session[f"feedback:{step_key or path.path_key}"] = True
        messages.success(request, _("Thank you for your feedback!"))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = path.url
    return HttpResponseRedirect(back)
