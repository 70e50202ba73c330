"""Reminder preferences (signed-in, own enrolments only) and the signed links
in every message (unsubscribe, confirm e-mail)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from progress.models import Enrolment

from . import lifecycle, links, queue, texts, vapid
from .forms import PreferenceForm
from .models import PathReminderDefaults, PushSubscription, ReminderPreference


def _own_enrolment(request, public_id):
    """The signed-in person's enrolment; someone else's is a 404."""
    return get_object_or_404(Enrolment, public_id=public_id, user=request.user)


def preference_for(enrolment):
    """The enrolment's preference, created with the path's defaults."""
    pref = ReminderPreference.objects.filter(enrolment=enrolment).first()
    if pref is not None:
        return pref
    defaults = PathReminderDefaults.objects.filter(path_key=enrolment.path_key).first()
    pref = ReminderPreference(enrolment=enrolment)
    if defaults is not None:
        pref.rhythm = defaults.rhythm
        pref.inactive_days = defaults.inactive_days
        pref.weekdays = list(defaults.weekdays or [])
    return pref


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def preferences(request, public_id):
    enrolment = _own_enrolment(request, public_id)
    pref = preference_for(enrolment)
    old_email = pref.email
    has_subscription = pref.push_subscription_id is not None
    form = PreferenceForm(
        request.POST or None, instance=pref, has_subscription=has_subscription
    )
    if request.method == "POST" and "remove_email" in request.POST:
        if pref.pk:
            pref.email = None
            pref.email_verified_at = pref.email_bounced_at = None
            pref.verification_requested_at = pref.verification_sent_at = None
            lifecycle.reschedule(pref)
            pref.save()
        messages.success(request, _("The e-mail address was removed."))
        return redirect("reminders:preferences", public_id=public_id)
    if request.method == "POST" and form.is_valid():
        pref = form.save(commit=False)
        data = form.cleaned_data
        verify = False
        with transaction.atomic():
            if data["push_endpoint"] and data["push_p256dh"]:
                subscription, _created = PushSubscription.objects.update_or_create(
                    user=request.user,
                    endpoint=data["push_endpoint"],
                    defaults={"p256dh": data["push_p256dh"], "auth": data["push_auth"]},
                )
                pref.push_subscription = subscription
            pref.email = pref.email or None
            if (pref.email or "").lower() != (old_email or "").lower():
                pref.email_verified_at = pref.email_bounced_at = None
                pref.verification_sent_at = None
                pref.verification_requested_at = timezone.now() if pref.email else None
                verify = bool(pref.email)
            lifecycle.reschedule(pref)
            pref.save()
            if verify:
                pref_id = pref.pk
                # After commit, and never fatal: with Redis down the sweeper
                # sends the confirmation later and this page still saves.
                transaction.on_commit(lambda: queue.enqueue_verification(pref_id))
        if pref.enabled and pref.channel == "email" and not pref.email_verified_at:
            messages.info(
                request,
                _(
                    "Saved. Open the link we sent to your e-mail to confirm the "
                    "address; reminders start after that."
                ),
            )
        else:
            messages.success(request, _("Your reminder choices were saved."))
        return redirect("reminders:preferences", public_id=public_id)
    return render(
        request,
        "reminders/preferences.html",
        {
            "form": form,
            "pref": pref,
            "enrolment": enrolment,
            "vapid_key": vapid.application_server_key(),
            "sample": texts.text_for(enrolment, 1)[1],
        },
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@login_required
@require_GET
def open_path(request, public_id):
    """Where a reminder leads: the step the person is on.

    The link in a message names no path, so a lock screen or a shared inbox
    does not reveal the topic.
    """
    enrolment = _own_enrolment(request, public_id)
    return redirect("progress:continue_path", public_id=enrolment.public_id)


@never_cache
@csrf_exempt  # the signed token is the authority; RFC 8058 POSTs carry no CSRF
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One-tap stop from a message, without signing in.

    GET shows one button (link scanners must not unsubscribe anyone); a POST
    (the button, a mail app's RFC 8058 one-click, or the notification's
    action) stops the reminders the token names and nothing else.
    """
    pref = links.preference_for_unsubscribe(token)
    if pref is None:
        raise Http404
    done = False
    if request.method == "POST":
        with transaction.atomic():
            pref = ReminderPreference.objects.select_for_update().get(pk=pref.pk)
            pref.enabled = False
            lifecycle.stop(
                pref, ReminderPreference.Stop.UNSUBSCRIBED, fields=["enabled"]
            )
        done = True
    return render(
        request,
        "reminders/unsubscribe.html",
        {"done": done or not pref.enabled, "token": token},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def verify_email(request, token):
    pref = links.preference_for_verify(token)
    if pref is None:
        return render(request, "reminders/verify_email.html", {"invalid": True})
    if request.method == "POST" and not pref.email_verified_at:
        pref.email_verified_at = timezone.now()
        pref.email_bounced_at = None
        lifecycle.reschedule(pref)
        pref.save()
    return render(
        request,
        "reminders/verify_email.html",
        {"done": bool(pref.email_verified_at), "token": token},
    )
