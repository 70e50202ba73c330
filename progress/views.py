"""A young person's own pages: my paths, my data, export, deletion.

Every view here is personal: login required, ownership by construction (all
queries start from request.user), `Cache-Control: no-store`, and nothing
personal in the URL or the page title.
"""

import uuid

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page

from accounts.reidentify import strong_identification_required
from accounts.strongid.views import oauth2_login
from core.ratelimit import rate_limited
from directory import local
from paths.models import PathStepPage
from paths.pages import path_page

from . import journey
from .enrolments import (
    MAX_ANSWER_LENGTH,
    StaleAnswer,
    answers_by_block,
    complete_path,
    complete_step,
    enrol,
    forget_path,
    save_answer,
)
from .models import Enrolment, Feedback


def personal(view):
    """Login required and never cached: for every page about one person."""
    return never_cache(login_required(view))


def _path_pages(keys):
    """The live path page of each key (active language first), and its steps.

    Three queries however many paths: pages, their specific rows, their steps.
    """
    locale = Locale.get_active()
    chosen = {}
    for page in Page.objects.live().filter(translation_key__in=keys).order_by("pk"):
        current = chosen.get(page.translation_key)
        if current is None or (
            page.locale_id == locale.pk and current.locale_id != locale.pk
        ):
            chosen[page.translation_key] = page
    pages = {
        page.translation_key: page
        for page in Page.objects.filter(
            pk__in=[page.pk for page in chosen.values()]
        ).specific()
    }
    paths = [page for page in pages.values() if hasattr(page, "get_steps")]
    if paths:
        children = Q()
        for path in paths:
            children |= Q(path__startswith=path.path, depth=path.depth + 1)
        steps = {path.pk: [] for path in paths}
        by_path = {path.path: path for path in paths}
        for step in (
            PathStepPage.objects.live()
            .filter(children)
            .order_by("path")
            .defer_streamfields()
        ):
            steps[by_path[step.path[: -step.steplen]].pk].append(step)
        for path in paths:
            path.__dict__["_steps"] = steps[path.pk]
    return pages


def enrolment_rows(user):
    rows = []
    enrolments = list(
        user.enrolments.order_by("-last_activity_at").prefetch_related("completions")
    )
    pages = _path_pages([enrolment.path_key for enrolment in enrolments])
    for enrolment in enrolments:
        page = pages.get(enrolment.path_key)
        steps = (
            page.get_steps() if page is not None and hasattr(page, "get_steps") else []
        )
        done = {completion.step_key for completion in enrolment.completions.all()}
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


def _readable_answer(block_type, block, value):
    """An answer as the person reads it: labels and texts, not indexes."""
    if block_type == "reflection":
        return {"question": block["question"], "answer": value.get("text", "")}
    if block_type == "checklist":
        items = list(block["items"])
        chosen = [items[i] for i in value.get("checked", []) if 0 <= i < len(items)]
        own = [line for line in value.get("own", "").splitlines() if line.strip()]
        return {"question": block["title"], "answer": chosen + own}
    if block_type == "self_check":
        lines = []
        for question, choice in zip(
            block["questions"], value.get("choices", []), strict=False
        ):
            options = question["options"]
            if choice is not None and 0 <= choice < len(options):
                lines.append(f"{question['question']}: {options[choice]['label']}")
        bands = list(block["bands"])
        band = value.get("band")
        band = bands[band] if band is not None and 0 <= band < len(bands) else None
        return {
            "question": block["title"],
            "answer": lines,
            "score": value.get("score"),
            "result": band["title"] if band else "",
            "result_text": strip_tags(str(band["feedback"])).strip() if band else "",
        }
    return {"question": "", "answer": value}


def _reminder_settings(enrolment):
    pref = getattr(enrolment, "reminder", None)
    if pref is None:
        return None
    return {
        "enabled": pref.enabled,
        "how": pref.get_channel_display(),
        "when": pref.get_rhythm_display(),
        "days_without_continuing": pref.inactive_days,
        "weekdays": pref.weekdays,
        "earliest": pref.window_start.strftime("%H:%M"),
        "latest": pref.window_end.strftime("%H:%M"),
        "quiet_from": pref.quiet_start.strftime("%H:%M"),
        "quiet_until": pref.quiet_end.strftime("%H:%M"),
        "email": pref.email or None,
        "next_reminder": pref.next_due_at.isoformat() if pref.next_due_at else None,
        "last_reminder": pref.last_reminded_at.isoformat()
        if pref.last_reminded_at
        else None,
    }


def export_data(user, session=None):
    """Everything Polku keeps about this person, as they would read it.

    Question texts, chosen options' labels, self-check results, plan items,
    steps done with dates, reminder settings; the ids sit beside the texts.
    """
    paths = []
    for row in enrolment_rows(user):
        enrolment, page = row["enrolment"], row["page"]
        steps = page.get_steps() if page is not None else []
        blocks = {
            block_id: (step, block_type, value)
            for step in steps
            for block_id, block_type, value in step.answerable_blocks()
        }
        done = {c.step_key: c.completed_at for c in enrolment.completions.all()}
        answers = []
        for answer in enrolment.answers.all():
            step, block_type, block = blocks.get(answer.block_id, (None, "", None))
            readable = (
                _readable_answer(block_type, block, answer.value)
                if block is not None
                else {"question": "", "answer": answer.value}
            )
            answers.append(
                {
                    "step": step.title if step else "",
                    "step_key": str(answer.step_key),
                    "block_id": answer.block_id,
                    **readable,
                    "value": answer.value,
                    "saved": answer.updated_at.isoformat(),
                }
            )
        paths.append(
            {
                "path": page.title if page else "",
                "path_key": str(enrolment.path_key),
                "municipality": enrolment.municipality or None,
                "started": enrolment.started_at.isoformat(),
                "last_activity": enrolment.last_activity_at.isoformat(),
                "completed": enrolment.completed_at.isoformat()
                if enrolment.completed_at
                else None,
                "steps_done": row["done"],
                "steps_total": row["total"],
                "steps": [
                    {
                        "number": step.number,
                        "title": step.title,
                        "step_key": str(step.step_key),
                        "done": done[step.step_key].isoformat()
                        if step.step_key in done
                        else None,
                    }
                    for step in steps
                ],
                "answers": answers,
                "feedback_given": bool(
                    session
                    and any(
                        session.get(f"feedback:{key}")
                        for key in [str(enrolment.path_key)]
                        + [str(step.step_key) for step in steps]
                    )
                ),
                "reminders": _reminder_settings(enrolment),
            }
        )
    return {
        "account": {
            "created": user.date_joined.isoformat(),
            "last_identified": user.identified_at.isoformat()
            if user.identified_at
            else None,
            "turns_18_on": user.turns_18_on.isoformat() if user.turns_18_on else None,
        },
        "paths": paths,
        "feedback": _(
            "Feedback is stored without any link to you or your answers, so it "
            "cannot be shown or deleted here. This browser remembers only that "
            "you gave it."
        ),
    }


@personal
def download_json(request):
    response = JsonResponse(
        export_data(request.user, request.session), json_dumps_params={"indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="polku-omat-tiedot.json"'
    return response


@personal
def readable_export(request):
    return render(
        request,
        "progress/export.html",
        {"data": export_data(request.user, request.session)},
    )


@personal
@strong_identification_required
def forget_one_path(request, public_id):
    """Delete one path's data: a confirmation page first (works without
    JavaScript), then the deletion, after a fresh strong identification in
    this session, like deleting the whole account."""
    enrolment = get_object_or_404(Enrolment, public_id=public_id, user=request.user)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        forget_path(enrolment)
        messages.success(request, _("The path and your answers on it were deleted."))
        return HttpResponseRedirect(reverse("progress:my_data"))
    return render(
        request,
        "progress/forget_path.html",
        {"enrolment": enrolment, "page": path_page(enrolment.path_key)},
    )


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


# --- The journey: start, answer, step done, feedback, summary ----------------


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
