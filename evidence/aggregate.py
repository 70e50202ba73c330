"""The nightly rebuild of `evidence.Count` from what is already recorded.

One transaction: delete every count, then one `INSERT … SELECT … GROUP BY`
per kind of record, so PostgreSQL does the counting and no personal row
leaves the database. Enrolment metrics are counted in the month (Helsinki
time) the enrolment started; the age band is the one at the start, from the
date of turning 18 (no birth date is kept).
"""

import time

from django.db import connection, transaction
from django.utils import timezone

from .models import AggregationRun, Count

TZ = "Europe/Helsinki"

# One row per enrolment with its dimensions; every enrolment query joins it.
COHORT = f"""
WITH cohort AS (
    SELECT e.id, e.path_key, e.language,
           date_trunc('month', e.started_at AT TIME ZONE '{TZ}')::date AS month,
           CASE
               WHEN u.turns_18_on IS NULL THEN ''
               WHEN (e.started_at AT TIME ZONE '{TZ}')::date
                    >= u.turns_18_on - interval '2 years' THEN '16-17'
               ELSE '13-15'
           END AS age_band,
           r.link_id, l.service_id
    FROM progress_enrolment e
    JOIN accounts_user u ON u.id = e.user_id
    LEFT JOIN referrals_referredenrolment r ON r.enrolment_id = e.id
    LEFT JOIN referrals_referrallink l ON l.id = r.link_id
)
"""

INSERT = """
INSERT INTO evidence_count
    (path_key, language, month, age_band, link_id, service_id, step_key, metric, n)
"""
DIMENSIONS = "c.path_key, c.language, c.month, c.age_band, c.link_id, c.service_id"

QUERIES = [
    # Started, completed the path, turned reminders on.
    f"""{COHORT}{INSERT}
    SELECT {DIMENSIONS}, NULL, 'started', count(*) FROM cohort c
    GROUP BY {DIMENSIONS}""",
    f"""{COHORT}{INSERT}
    SELECT {DIMENSIONS}, NULL, 'completed', count(*) FROM cohort c
    JOIN progress_enrolment e ON e.id = c.id AND e.completed_at IS NOT NULL
    GROUP BY {DIMENSIONS}""",
    f"""{COHORT}{INSERT}
    SELECT {DIMENSIONS}, NULL, 'reminder_opt_in', count(*) FROM cohort c
    JOIN reminders_reminderpreference p ON p.enrolment_id = c.id AND p.enabled
    GROUP BY {DIMENSIONS}""",
    # Completed each step.
    f"""{COHORT}{INSERT}
    SELECT {DIMENSIONS}, s.step_key, 'step_completed', count(*) FROM cohort c
    JOIN progress_stepcompletion s ON s.enrolment_id = c.id
    GROUP BY {DIMENSIONS}, s.step_key""",
    # Received a reminder; came back (completed a step) within a week of one.
    f"""{COHORT}{INSERT}
    SELECT {DIMENSIONS}, NULL, 'reminded', count(*) FROM cohort c
    WHERE EXISTS (
        SELECT 1 FROM reminders_reminderpreference p
        JOIN reminders_delivery d ON d.preference_id = p.id AND d.status = 'sent'
        WHERE p.enrolment_id = c.id)
    GROUP BY {DIMENSIONS}""",
    f"""{COHORT}{INSERT}
    SELECT {DIMENSIONS}, NULL, 'returned', count(*) FROM cohort c
    WHERE EXISTS (
        SELECT 1 FROM reminders_reminderpreference p
        JOIN reminders_delivery d ON d.preference_id = p.id AND d.status = 'sent'
        JOIN progress_stepcompletion s ON s.enrolment_id = c.id
            AND s.completed_at > coalesce(d.finished_at, d.due_at)
            AND s.completed_at <= coalesce(d.finished_at, d.due_at)
                                  + interval '7 days'
        WHERE p.enrolment_id = c.id)
    GROUP BY {DIMENSIONS}""",
    # Openings of referral links (no age, no person at all).
    f"""{INSERT}
    SELECT l.path_key, l.language, o.month, '', l.id, l.service_id, NULL,
           'opened', sum(o.n)
    FROM referrals_referralopening o
    JOIN referrals_referrallink l ON l.id = o.link_id
    WHERE o.n > 0
    GROUP BY l.path_key, l.language, o.month, l.id, l.service_id""",
    # Feedback: no person, no language, no service; only path, step, age, day.
    f"""{INSERT}
    SELECT path_key, '', date_trunc('month', day)::date, age_band, NULL, NULL,
           step_key, CASE WHEN helpful THEN 'helpful_yes' ELSE 'helpful_no' END,
           count(*)
    FROM progress_feedback WHERE helpful IS NOT NULL
    GROUP BY 1, 3, 4, 7, 8""",
    f"""{INSERT}
    SELECT path_key, '', date_trunc('month', day)::date, age_band, NULL, NULL,
           NULL,
           CASE WHEN recommend_score >= 9 THEN 'promoter'
                WHEN recommend_score >= 7 THEN 'passive'
                ELSE 'detractor' END,
           count(*)
    FROM progress_feedback WHERE recommend_score IS NOT NULL
    GROUP BY 1, 3, 4, 8""",
]


def rebuild():
    """Recount everything; returns the number of count rows."""
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {Count._meta.db_table} IN EXCLUSIVE MODE")
        cursor.execute(f"DELETE FROM {Count._meta.db_table}")
        for query in QUERIES:
            cursor.execute(query)
        rows = Count.objects.count()
        AggregationRun.objects.create(
            finished_at=timezone.now(),
            rows=rows,
            seconds=time.monotonic() - started,
        )
    return rows
