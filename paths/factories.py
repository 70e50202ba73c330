"""Factories of themes, path pages and step blocks, with Finnish defaults."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from core.factories import PublishedPageFactory

from .blocks import StepStreamBlock
from .models import PathIndexPage, PathPage, PathStepPage, Theme

REFLECTION = {"question": "Mikä sinua huolettaa?", "help_text": ""}
CHECKLIST = {
    "title": "Oma suunnitelma",
    "introduction": "",
    "items": ["Menen ajoissa nukkumaan", "Puhun jollekulle"],
    "own_items": True,
}
SELF_CHECK = {
    "title": "Miten jaksat?",
    "introduction": "",
    "questions": [
        {
            "question": "Olen ollut huolissani",
            "options": [{"label": "En", "score": 0}, {"label": "Usein", "score": 3}],
        },
        {
            "question": "Olen nukkunut huonosti",
            "options": [{"label": "En", "score": 0}, {"label": "Usein", "score": 3}],
        },
    ],
    "bands": [
        {
            "min_score": 0,
            "max_score": 2,
            "title": "Kevyt kuormitus",
            "feedback": "<p>Hyvä, että pysähdyit miettimään.</p>",
            "services": [],
        },
        {
            "min_score": 3,
            "max_score": 6,
            "title": "Paljon kuormitusta",
            "feedback": "<p>Puhu jollekulle, johon luotat.</p>",
            "services": [],
        },
    ],
    "instrument_name": "Polun omat kysymykset",
    "instrument_source": "Polku",
    "licence": "own",
    "licence_note": "",
}


class ThemeFactory(DjangoModelFactory):
    name = "Mieli"
    slug = factory.LazyAttribute(lambda theme: theme.name.lower())
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Theme


class PathIndexPageFactory(PublishedPageFactory):
    title = "Polut"
    slug = "polut"

    class Meta:
        model = PathIndexPage


class PathPageFactory(PublishedPageFactory):
    title = "Huoli"
    summary = "Kun huoli painaa."
    intro = "<p>Johdanto.</p>"
    who_sees_what = "<p>Vain sinä näet vastauksesi.</p>"
    completion_message = "<p>Hienoa, pääsit loppuun!</p>"
    parent = factory.SubFactory(PathIndexPageFactory)

    class Meta:
        model = PathPage


class PathStepPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Vaihe {n + 1}")
    body = factory.LazyFunction(lambda: [("text", "<p>Teksti</p>")])
    parent = factory.SubFactory(PathPageFactory)

    class Meta:
        model = PathStepPage


class ReflectionQuestionBlockFactory(wagtail_factories.StructBlockFactory):
    question = REFLECTION["question"]
    help_text = ""

    class Meta:
        model = StepStreamBlock.base_blocks["reflection"].__class__


def every_step_block(image, service, page, document=None, band_services=None):
    """One stored value of each step block, in the block picker's order.

    `page` is the target of the internal links, `document` the video file
    (without it the video is an external address), `band_services` the pks a
    self-check band recommends.
    """
    link = f'<p>Katso <a linktype="page" id="{page.pk}">etusivu</a>.</p>'
    values = {
        "text": link,
        "image": {
            "image": {"image": image.pk, "decorative": False, "alt_text": "Kukkula"},
            "caption": "",
        },
        "video": {
            "title": "Video",
            "video_file": document.pk if document else None,
            "captions": None,
            "external_url": "" if document else "https://v.example.org/1",
            "duration": "1:00",
            "transcript": link,
        },
        "tip": {"kind": "tip", "text": link, "attribution": ""},
        "trusted_link": {
            "title": "MIELI ry",
            "url": "https://mieli.fi/",
            "source": "MIELI ry",
            "description": "Tietoa mielestä.",
        },
        "breathing": {
            "title": "Hengitys",
            "instructions": link,
            "inhale": 4,
            "hold": 2,
            "exhale": 6,
            "rounds": 3,
        },
        "grounding": {
            "title": "5-4-3-2-1",
            "introduction": link,
            "prompts": [{"count": 5, "prompt": "asiaa, jotka näet"}],
        },
        "urge_surfing": {
            "title": "Aallolla surffaus",
            "instructions": link,
            "minutes": 5,
        },
        "exercise": {"title": "Huolihetki", "instructions": link, "timer_minutes": 2},
        "reflection": ReflectionQuestionBlockFactory.build(question="Mikä auttaa?"),
        "checklist": {
            "title": "Suunnitelma",
            "introduction": "",
            "items": ["Nukun", "Syön"],
            "own_items": True,
        },
        "self_check": {
            "title": "Miten menee?",
            "introduction": link,
            "questions": [
                {
                    "question": "Nukutko hyvin?",
                    "options": [
                        {"label": "Ei", "score": 0},
                        {"label": "Kyllä", "score": 1},
                    ],
                }
            ],
            "bands": [
                {
                    "min_score": 0,
                    "max_score": 1,
                    "title": "Kaikki",
                    "feedback": link,
                    "services": list(band_services or []),
                }
            ],
            "instrument_name": "Omat kysymykset",
            "instrument_source": "",
            "licence": "own",
            "licence_note": "",
        },
        "service_contact": {"service": service.pk, "note": "Jos haluat puhua."},
        "help_box": None,
    }
    return [(kind, values[kind]) for kind in StepStreamBlock.base_blocks]
