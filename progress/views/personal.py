"""A young person's own pages: my paths, my data, export, deletion.

Every view here is personal: login required, ownership by construction (all
queries start from request.user), `Cache-Control: no-store`, and nothing
personal in the URL or the page title.
"""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale, Page

from accounts.reidentify import strong_identification_required
from paths.models import PathStepPage
from paths.pages import path_page

from ..enrolments import (
    forget_path,
)
from ..models import Enrolment


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
