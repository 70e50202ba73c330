from celery import shared_task

from . import aggregate


@shared_task(name="evidence.aggregate", acks_late=True)
def aggregate_counts():
    """Nightly: rebuild the evidence counts (idempotent, safe to repeat)."""
    return aggregate.rebuild()
