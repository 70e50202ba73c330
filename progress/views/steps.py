"""The journey through a path: start, continue, answer a step, mark it done,
the summary and feedback.

Answers are saved without JavaScript (a POST and a redirect back to the
question) and by fetch() (JSON), and a stale save never overwrites a newer one.
"""

import uuid

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.strongid.views import oauth2_login
from core.ratelimit import rate_limited
from directory import local
from paths.models import PathStepPage
from paths.pages import live_by_key, path_page

from .. import journey
from ..enrolments import (
    MAX_ANSWER_LENGTH,
    StaleAnswer,
    answers_by_block,
    complete_path,
    complete_step,
    enrol,
    save_answer,
)
from ..models import Enrolment, Feedback
from .personal import personal

SCORES = {str(number) for number in range(11)}


def _small_int(text):
    """A non-negative int from ASCII digits, or None ("²" is a digit to
    isdigit() and int() refuses it; 5,000 digits exceed int()'s limit)."""
    if text and text.isascii() and text.isdigit() and len(text) <= 9:
        return int(text)
    return None


def _uuid_or_404(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def _step_by_key(step_key):
    """The live step with this key, in the active language when there is one."""
    step = live_by_key(PathStepPage, step_key)
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


PENDING_START = "polku_start_after_identification"
PENDING_NEXT = "polku_step_after_start"


@never_cache
def start_path(request, path_key):
    """ "Start": identify if needed, check the audience, enrol once, go to step 1.

    Enrolling happens only after a POST from the intro's button (CSRF-checked),
    never on a bare GET: a link from elsewhere cannot enrol a signed-in person.
    An anonymous POST remembers the wish in the session (which survives the
    login) and goes straight on to identification; the GET that comes back
    from it then enrols.
    """
    path = _path_by_key(path_key)
    here = reverse("progress:start_path", kwargs={"path_key": path.path_key})
    wished = request.session.get(PENDING_START) == str(path.path_key)
    if request.method == "POST" and request.POST.get("next", "").startswith(path.url):
        request.session[PENDING_NEXT] = request.POST["next"]  # "back to this step"
    if not request.user.is_authenticated:
        if request.method == "POST":
            request.session[PENDING_START] = str(path.path_key)
            post = request.POST.copy()
            post["next"] = here
            request.POST = post
            return oauth2_login(request)
        return render(request, "progress/identify_to_start.html", {"path": path})
    if not getattr(request.user, "is_young_person", False):
        messages.info(request, _("Paths are followed with strong identification."))
        return HttpResponseRedirect(path.url)
    enrolment = journey.enrolment_for(request.user, path)
    if enrolment is None and request.method != "POST" and not wished:
        return render(request, "progress/confirm_start.html", {"path": path})
    request.session.pop(PENDING_START, None)
    if not journey.in_audience(request.user, path):
        return render(
            request, "progress/not_in_audience.html", {"path": path}, status=403
        )
    steps = path.get_steps()
    if enrolment is None:
        enrolment, _created = enrol(
            request.user,
            path.path_key,
            steps[0].step_key if steps else None,
            language=path.locale.language_code,
            municipality=local.chosen_municipality(request),
        )
    target = journey.resume_step(path, enrolment, steps)
    asked = request.session.pop(PENDING_NEXT, "")
    wanted = next((step for step in steps if step.url == asked), None)
    if wanted is not None and journey.may_open(path, wanted, enrolment):
        target = wanted  # back to the step where "identify to answer" was pressed
    return HttpResponseRedirect(target.url if target else path.url)


@personal
def continue_path(request, public_id):
    """ "Continue": straight to the step the person is on.

    The address names no path (reminders, "My paths" and the header link use
    it), so history and a lock screen do not reveal the topic.
    """
    enrolment = get_object_or_404(Enrolment, public_id=public_id, user=request.user)
    path = path_page(enrolment.path_key)
    if path is None or not hasattr(path, "get_steps"):
        return HttpResponseRedirect(reverse("progress:my_paths"))
    target = journey.resume_step(path, enrolment)
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
                choice = _small_int(raw)
                if choice is None:
                    raise ValueError(raw)
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


MAX_SELF_CHECK_QUESTIONS = 50


class _BlockFields:
    """One block's fields in a step form: `<block id>-<name>`, or the bare
    names of a form that carries a single block."""

    def __init__(self, post, block_id):
        prefix = f"{block_id}-"
        self.prefixed = any(key.startswith(prefix) for key in post)
        self.post, self.prefix = post, prefix if self.prefixed else ""

    def get(self, name, default=None):
        return self.post.get(self.prefix + name, default)

    def getlist(self, name):
        return self.post.getlist(self.prefix + name)

    def as_draft(self):
        """What was typed, under the bare names the block templates read."""
        choices = []
        for number in range(MAX_SELF_CHECK_QUESTIONS):
            raw = self.get(f"q{number}", "")
            choices.append(_small_int(raw))
        return {
            "answer": self.get("answer", ""),
            "own_items": self.get("own_items", ""),
            "checked": self.getlist("checked"),
            "choices": choices,
        }


def _untouched_self_check(block_type, value, fields):
    return block_type == "self_check" and not any(
        fields.get(f"q{number}") for number in range(len(value["questions"]))
    )


@require_POST
@personal
def save_step_answer(request, step_key):
    """Save what is on a step: one block, or every block of the step form.

    Without JavaScript a plain form post (a block's own button, or "Done and
    next", which saves first and then marks the step done); with it, autosave
    posts the same form asking for JSON. Nothing typed is lost: a problem in
    one block shows the page again with every typed text kept.
    """
    step = _step_by_key(step_key)
    path = step.path_page
    enrolment = journey.enrolment_for(request.user, path)
    if enrolment is None or not journey.may_open(path, step, enrolment):
        raise Http404
    blocks = {b.id: b for b in step.body}
    ids = [i for i in dict.fromkeys(request.POST.getlist("block_id")) if i]
    done = "done" in request.POST
    if (not ids and not done) or any(i not in blocks for i in ids):
        raise Http404  # a step with nothing to answer is only marked done
    explicit = request.POST.get("save") or (ids[0] if len(ids) == 1 else "")
    errors, drafts, revisions, stale = {}, {}, {}, False
    existing = answers_by_block(enrolment)
    for block_id in ids:
        block = blocks[block_id]
        fields = _BlockFields(request.POST, block_id)
        drafts[block_id] = fields.as_draft()
        if _untouched_self_check(block.block_type, block.value, fields) and not (
            explicit == block_id and not done
        ):
            continue  # a self-check nobody answered yet is not an answer
        try:
            value = _parse_answer(block.block_type, block.value, fields)
        except ValueError as exc:
            if block.block_type == "self_check" and not done and explicit != block_id:
                continue  # autosave while the questions are being answered
            errors[block_id] = str(exc)
            continue
        if block_id not in existing and value in (
            {"text": ""},
            {"checked": [], "own": ""},
        ):
            continue  # nothing typed: no empty answer rows
        revision = fields.get("revision")
        try:
            answer = save_answer(
                enrolment,
                step.step_key,
                block_id,
                value,
                base_revision=_small_int(revision),
            )
        except StaleAnswer:
            stale = True
            errors[block_id] = _(
                "You changed this answer in another window meanwhile. The newer "
                "answer is saved below; your text here was kept so you can copy it."
            )
            continue
        revisions[block_id] = answer.revision
    saved_at = timezone.localtime().strftime("%H.%M")
    if errors:
        status = 409 if stale and len(errors) == 1 else 400
        if _wants_json(request):
            return JsonResponse(
                {
                    "saved": False,
                    "error": next(iter(errors.values())),
                    "errors": errors,
                    "revisions": revisions,
                },
                status=status,
            )
        request.progress_errors = errors
        request.progress_drafts = drafts
        response = step.serve(request)
        response.status_code = status
        return response
    if _wants_json(request):
        data = {"saved": True, "revisions": revisions, "time": saved_at}
        if len(ids) == 1 and ids[0] in revisions:
            data["revision"] = revisions[ids[0]]
        return JsonResponse(data)
    if done:
        return _step_done(request, step, path, enrolment)
    anchor = explicit or ids[0]  # ids is not empty here: no "done" without one
    messages.success(request, _("Saved at %(time)s.") % {"time": saved_at})
    return HttpResponseRedirect(f"{step.url}#block-{anchor}")


def _step_done(request, step, path, enrolment):
    following = step.next_step
    complete_step(enrolment, step.step_key, following.step_key if following else None)
    steps = path.get_steps()
    if journey.open_step(path, enrolment, steps) is None:
        complete_path(enrolment)
        return HttpResponseRedirect(
            reverse("progress:path_summary", kwargs={"path_key": path.path_key})
        )
    target = following or journey.resume_step(path, enrolment, steps)
    return HttpResponseRedirect(target.url)


@require_POST
@personal
def complete_step_view(request, step_key):
    """ "Done, next step": mark the step complete and go on."""
    step = _step_by_key(step_key)
    path = step.path_page
    enrolment = journey.enrolment_for(request.user, path)
    if enrolment is None or not journey.may_open(path, step, enrolment):
        raise Http404
    return _step_done(request, step, path, enrolment)


@personal
def path_summary(request, path_key):
    """The person's own answers and plan on one path: to read, print or bring."""
    path = _path_by_key(path_key)
    enrolment = journey.enrolment_for(request.user, path)
    if enrolment is None:
        raise Http404
    answers = answers_by_block(enrolment)
    done = journey.completed_keys(enrolment)
    sections = []
    for step in path.get_steps():
        items = [
            {"type": block_type, "block": value, "answer": answers[block_id]}
            for block_id, block_type, value in step.answerable_blocks()
            if block_id in answers
        ]
        if items:
            sections.append(
                {"step": step, "items": items, "done": str(step.step_key) in done}
            )
    return render(
        request,
        "progress/path_summary.html",
        {
            "path": path,
            "enrolment": enrolment,
            "sections": sections,
            "scores": range(11),
            "feedback_given": request.session.get(f"feedback:{path.path_key}"),
        },
    )


@require_POST
@rate_limited("feedback")
@personal
def give_feedback(request, path_key):
    """Feedback, stored without any link to the person or their answers.

    The session remembers that feedback was given (to thank and not ask
    again); the database does not.
    """
    path = _path_by_key(path_key)
    step_key = request.POST.get("step_key") or None
    helpful = {"yes": True, "no": False}.get(request.POST.get("helpful"))
    # Only the eleven answers the form offers ("²" is a digit to isdigit()).
    score = request.POST.get("score")
    score = int(score) if score in SCORES else None
    comment = request.POST.get("comment", "")[:1000]
    if step_key:
        step_key = str(_uuid_or_404(step_key))
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
