"""Credit starts and completions to the link that brought the person.

`referrals.middleware.ReferralMiddleware` puts the session's link (if any) in
a context variable for the request; the enrolment signal reads it, so that
the progress app need not know about referrals.
"""

from django.db.models import F
from django.db.models.signals import post_save
from django.dispatch import receiver

from progress.models import Enrolment

from .middleware import current_link_id
from .models import ReferralLink, ReferredEnrolment


@receiver(post_save, sender=Enrolment, dispatch_uid="referrals-enrolment")
def credit_enrolment(sender, instance, created, **kwargs):
    if created:
        link_id = current_link_id.get()
        if link_id is None:
            return
        link = ReferralLink.objects.filter(
            pk=link_id, path_key=instance.path_key
        ).first()
        if link is None:
            return
        ReferralLink.objects.filter(pk=link.pk).update(started=F("started") + 1)
        ReferredEnrolment.objects.get_or_create(enrolment=instance, link=link)
        return
    if instance.completed_at is not None:
        counted = ReferredEnrolment.objects.filter(
            enrolment=instance, completion_counted=False
        ).update(completion_counted=True)
        if counted:
            link_id = (
                ReferredEnrolment.objects.filter(enrolment=instance)
                .values_list("link_id", flat=True)
                .first()
            )
            ReferralLink.objects.filter(pk=link_id).update(completed=F("completed") + 1)
