"""Helpers of the path tests: a young person who has the steps open."""

__all__ = ["client_on_path", "open_all_steps", "young_person"]

from django.test import Client

from progress import enrolments

from .journey import young_person


def open_all_steps(user, path):
    """Enrol the person and mark every step done, so that any step may open."""
    enrolment, _ = enrolments.enrol(user, path.path_key)
    for step in path.get_steps():
        enrolments.complete_step(enrolment, step.step_key)
    return enrolment


def client_on_path(path, user=None):
    """A signed-in client of a young person with every step of the path open."""
    user = user or young_person()
    open_all_steps(user, path)
    client = Client()
    client.force_login(user)
    return client, user


# Every answerable or rendered block kind of a step that costs SQL to show.
BLOCK_KINDS = [
    "text",
    "image",
    "video",
    "tip",
    "trusted_link",
    "breathing",
    "grounding",
    "exercise",
    "urge_surfing",
    "reflection",
    "checklist",
    "self_check",
    "service_contact",
]


def block_of_kind(kind, image, home, band_services, contact_service):
    """One block of `kind`, with whatever it touches in the database.

    `band_services` are the pks a self-check band recommends, `contact_service`
    the pk of a contact card's service.
    """
    link = f'<p>Katso <a linktype="page" id="{home.pk}">etusivu</a>.</p>'
    return {
        "text": link,
        "image": {
            "image": {"image": image.pk, "decorative": False, "alt_text": "Kuva"},
            "caption": "",
        },
        "video": {
            "title": "Video",
            "external_url": "https://v.example.org/1",
            "transcript": link,
        },
        "tip": {"kind": "tip", "text": link},
        "trusted_link": {
            "title": "T",
            "url": "https://mieli.fi/",
            "source": "M",
            "description": "D",
        },
        "breathing": {
            "title": "H",
            "instructions": link,
            "inhale": 4,
            "hold": 0,
            "exhale": 4,
            "rounds": 2,
        },
        "grounding": {
            "title": "G",
            "introduction": link,
            "prompts": [{"count": 1, "prompt": "asia"}],
        },
        "exercise": {"title": "E", "instructions": link, "timer_minutes": 2},
        "urge_surfing": {"title": "U", "instructions": link, "minutes": 5},
        "reflection": {"question": "Mitä?"},
        "checklist": {"title": "L", "items": ["Nuku"], "own_items": True},
        "self_check": {
            "title": "Kysely",
            "introduction": link,
            "questions": [
                {
                    "question": "Nukutko?",
                    "options": [
                        {"label": "Kyllä", "score": 0},
                        {"label": "En", "score": 1},
                    ],
                }
            ],
            "bands": [
                {
                    "min_score": 0,
                    "max_score": 1,
                    "title": "Kaikki",
                    "feedback": link,
                    "services": list(band_services),
                }
            ],
            "instrument_name": "Omat",
            "licence": "own",
        },
        "service_contact": {"service": contact_service, "note": "Jos haluat puhua."},
        "help_box": None,
    }[kind]
