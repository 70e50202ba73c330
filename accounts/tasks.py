from celery import shared_task

from .sessions import purge_expired_sessions


@shared_task(name="accounts.purge_expired_sessions", acks_late=True)
def purge_sessions():
    """Expired sessions leave the database daily (Django keeps them otherwise)."""
    return purge_expired_sessions()
