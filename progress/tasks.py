from celery import shared_task

from . import retention


@shared_task(name="progress.apply_retention", acks_late=True)
def apply_retention():
    """Daily: notices first, then deletions. Both are idempotent."""
    return {
        "notices": retention.send_notices(),
        "deleted": retention.delete_expired(),
    }
