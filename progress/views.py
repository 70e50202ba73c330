"""A young person's own pages: my paths, my data, export, deletion.

Every view here is personal: login required, ownership by construction (all
queries start from request.user), `Cache-Control: no-store`, and nothing
personal in the URL or the page title.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page

from .models import Enrolment
from .services import forget_path


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
        count = sum(1 for step in steps if step.key in done)
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
    fresh = _recently_identified(request.user)
    return render(
        request,
        "progress/my_data.html",
        {"rows": enrolment_rows(request.user), "recently_identified": fresh},
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


def _recently_identified(user):
    limit = timedelta(minutes=settings.REIDENTIFY_MINUTES)
    return bool(user.identified_at and timezone.now() - user.identified_at < limit)


def _reidentify(request):
    """Send the person through strong identification, then back here."""
    login = reverse("strongid_login")
    return render(
        request,
        "progress/reidentify.html",
        {"login_url": login, "next": request.get_full_path()},
        status=403,
    )


@require_POST
@personal
def forget_one_path(request, public_id):
    enrolment = get_object_or_404(Enrolment, public_id=public_id, user=request.user)
    forget_path(enrolment)
    messages.success(request, _("The path and your answers on it were deleted."))
    return HttpResponseRedirect(reverse("my_data"))


@personal
def delete_account(request):
    """Delete everything, after a fresh strong identification."""
    if not request.user.is_young_person:
        raise Http404
    if not _recently_identified(request.user):
        return _reidentify(request)
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
