"""Ending sessions: expired ones daily, and every one of a deleted person.

Django's database sessions carry the user's id (and allauth's record of the
identification, with the account's pseudonym) inside the encoded data, with no
index by user. Deleting an account therefore scans the live sessions once and
removes those of that person on every device; expired ones go first so that
the scan only reads sessions that could still be used.
"""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone


def purge_expired_sessions():
    """Delete expired sessions; returns how many went."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted


def delete_sessions_of(user_pks):
    """Delete every session (on every device) of the users `user_pks`."""
    wanted = {str(pk) for pk in user_pks}
    if not wanted:
        return 0
    purge_expired_sessions()
    doomed = []
    for session in Session.objects.iterator(chunk_size=500):
        data = session.get_decoded()  # {} when it cannot be decoded
        if str(data.get(SESSION_KEY, "")) in wanted:
            doomed.append(session.session_key)
    Session.objects.filter(session_key__in=doomed).delete()
    return len(doomed)
