"""Demo paths for Kymenlaakso in Finnish, Swedish and English.

`load()` is idempotent: it creates what is missing and never overwrites what an
editor has changed. Block ids are derived from the path, step and position, and
the Swedish and English steps share them with the Finnish one, like
wagtail-localize's translations do. Service contact cards link the directory's
demo services when they exist (load the directory first).

The texts live in `paths/demo_content/*.yaml`: `common.yaml` (themes, the index,
the privacy note, trusted links) and one file per path. Each file holds one area
with its Finnish, Swedish and English text side by side (`{fi: …, sv: …, en: …}`,
read as an `L`) rather than one file per language: a reviewer sees a translation
next to its original, and a block cannot go missing from one language. A block
is a one-key mapping `{type: value}`; `{link: key}` is the trusted link `key`.
"""

import uuid
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import yaml
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from accounts.demo import ensure_staff
from core.demo import LANGUAGES
from directory.models import Service
from home.models import HomePage

from . import workflows
from .models import PathIndexPage, PathPage, PathStepPage, Theme
from .workflows import assign_review_workflow

NAMESPACE = uuid.UUID("6f1f4f0e-3c1d-4b5e-9d51-6b1f0d1f7a11")
STEP_SLUG = {"fi": "vaihe", "sv": "steg", "en": "step"}
IMAGE_TITLE = "Polku demo: rauhallinen maisema"
CONTENT = Path(__file__).parent / "demo_content"


@dataclass(frozen=True)
class L:
    """One text in Finnish, Swedish and English."""

    fi: str
    sv: str
    en: str


def translated(value):
    """`value` read from YAML, with every {fi, sv, en} mapping made an `L`."""
    if isinstance(value, dict):
        if value.keys() == {"fi", "sv", "en"}:
            return L(**value)
        return {key: translated(item) for key, item in value.items()}
    if isinstance(value, list):
        return [translated(item) for item in value]
    return value


def read(name):
    with open(CONTENT / name, encoding="utf-8") as file:
        return translated(yaml.safe_load(file))


def read_paths(links):
    """Every path file in name order, each block a (type, value) pair."""
    paths = []
    for file in sorted(CONTENT.glob("[0-9]*.yaml")):
        path = read(file.name)
        for step in path["steps"]:
            step["blocks"] = [
                ("trusted_link", links[value])
                if block_type == "link"
                else (block_type, value)
                for block in step["blocks"]
                for block_type, value in block.items()
            ]
        paths.append(path)
    return paths


_COMMON = read("common.yaml")
THEMES, INDEX, WHO_SEES_WHAT = (
    _COMMON[key] for key in ("themes", "index", "who_sees_what")
)
PATHS = read_paths(_COMMON["links"])


def resolve(value, language):
    """The value with every `L` replaced by its text in `language`."""
    if isinstance(value, L):
        return getattr(value, language)
    if isinstance(value, dict):
        return {key: resolve(item, language) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [resolve(item, language) for item in value]
    return value


def demo_image():
    """A calm, generated landscape (no third-party picture): made once."""
    Image = get_image_model()
    image = Image.objects.filter(title=IMAGE_TITLE).first()
    if image:
        return image
    # A flushed test database has no root collection (migrations made it).
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    canvas = PILImage.new("RGB", (800, 450), "#dcefe9")
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((560, 60, 680, 180), fill="#f4d35e")
    draw.polygon([(0, 330), (220, 200), (430, 330)], fill="#0b5c55")
    draw.polygon([(250, 330), (520, 170), (800, 330)], fill="#2f7d6d")
    draw.rectangle((0, 330, 800, 450), fill="#8fc1b5")
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    return Image.objects.create(
        title=IMAGE_TITLE,
        file=ImageFile(buffer, name="polku-demo-maisema.png"),
        collection=collection,
    )


def find_service(words):
    """A live Finnish directory service whose name contains `words`, if any."""
    services = Service.objects.filter(locale=Locale.get_default(), live=True)
    return services.filter(name__icontains=words).order_by("pk").first()


IMAGE_ALT = L(
    "Piirretty maisema: vihreitä kukkuloita ja keltainen aurinko.",
    "Tecknat landskap: gröna kullar och en gul sol.",
    "A drawn landscape: green hills and a yellow sun.",
)


def step_body(path_key, number, blocks, language, image):
    body = []
    for position, (block_type, value) in enumerate(blocks):
        block_id = str(uuid.uuid5(NAMESPACE, f"{path_key}/{number}/{position}"))
        if block_type == "image":
            value = {
                "image": {
                    "image": image.pk,
                    "decorative": False,
                    "alt_text": IMAGE_ALT,
                },
                "caption": L("", "", ""),
            }
        elif block_type == "service":
            service = find_service(value)
            if service is None:
                continue
            block_type, value = "service_contact", {"service": service.pk, "note": ""}
        elif block_type == "kind":
            block_type, value = "service_contact", {"kind": value, "note": ""}
        elif block_type == "self_check":
            value = dict(value)
            value["bands"] = [
                {
                    **band,
                    "services": [
                        service.pk
                        for service in map(find_service, band["services"])
                        if service is not None
                    ],
                }
                for band in value["bands"]
            ]
        body.append(
            {"type": block_type, "value": resolve(value, language), "id": block_id}
        )
    return body


def publish(page):
    # Demo content is published directly, as data: no user, so no workflow.
    page.save_revision().publish()
    return page


def ensure_themes(locales):
    themes = {}
    for order, data in enumerate(THEMES):
        theme = Theme.objects.filter(locale=locales["fi"], slug=data["slug"].fi).first()
        if theme is None:
            theme = Theme.objects.create(
                locale=locales["fi"],
                slug=data["slug"].fi,
                name=data["name"].fi,
                description=data["description"].fi,
                sort_order=order,
            )
        for code in ("sv", "en"):
            if theme.get_translation_or_none(locales[code]) is None:
                translated = theme.copy_for_translation(locales[code])
                translated.slug = getattr(data["slug"], code)
                translated.name = getattr(data["name"], code)
                translated.description = getattr(data["description"], code)
                translated.save()
        themes[data["key"]] = theme
    return themes


def ensure_index(locales, homes):
    index = PathIndexPage.objects.filter(locale=locales["fi"]).first()
    if index is None:
        index = PathIndexPage(
            slug=INDEX["slug"].fi,
            title=INDEX["title"].fi,
            introduction=INDEX["introduction"].fi,
        )
        homes["fi"].add_child(instance=index)
        publish(index)
    for code in ("sv", "en"):
        if index.get_translation_or_none(locales[code]) is None:
            translated = index.copy_for_translation(locales[code]).specific
            translated.slug = getattr(INDEX["slug"], code)
            translated.title = getattr(INDEX["title"], code)
            translated.introduction = getattr(INDEX["introduction"], code)
            publish(translated)
    for page in index.get_translations(inclusive=True):
        assign_review_workflow(page)
    return index


def _path_fields(page, data, code):
    page.title = getattr(data["title"], code)
    page.slug = getattr(data["slug"], code)
    page.summary = getattr(data["summary"], code)
    page.intro = getattr(data["intro"], code)
    page.who_sees_what = getattr(WHO_SEES_WHAT, code)
    page.completion_message = getattr(data["completion"], code)
    page.duration_minutes = data["duration"]


def ensure_path(data, index, themes, locales, image):
    path = PathPage.objects.child_of(index).filter(slug=data["slug"].fi).first()
    if path is None:
        path = PathPage()
        _path_fields(path, data, "fi")
        path.themes = [themes[key] for key in data["themes"]]
        index.add_child(instance=path)
        publish(path)
    path = path.specific
    steps = []
    for number, step_data in enumerate(data["steps"], start=1):
        slug = f"{STEP_SLUG['fi']}-{number}"
        step = PathStepPage.objects.child_of(path).filter(slug=slug).first()
        if step is None:
            step = PathStepPage(
                slug=slug,
                title=step_data["title"].fi,
                summary=step_data["summary"].fi,
                body=step_body(data["key"], number, step_data["blocks"], "fi", image),
            )
            path.add_child(instance=step)
            publish(step)
        steps.append((number, step, step_data))
    for code in ("sv", "en"):
        if path.get_translation_or_none(locales[code]) is None:
            translated = path.copy_for_translation(locales[code]).specific
            _path_fields(translated, data, code)
            publish(translated)
        for number, step, step_data in steps:
            if step.get_translation_or_none(locales[code]) is None:
                translated = step.copy_for_translation(locales[code]).specific
                translated.slug = f"{STEP_SLUG[code]}-{number}"
                translated.title = getattr(step_data["title"], code)
                translated.summary = getattr(step_data["summary"], code)
                translated.body = step_body(
                    data["key"], number, step_data["blocks"], code, image
                )
                publish(translated)
    return path


@transaction.atomic
def load():
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    homes = {code: HomePage.objects.get(locale=locales[code]) for code in LANGUAGES}
    themes = ensure_themes(locales)
    index = ensure_index(locales, homes)
    image = demo_image()
    return [ensure_path(data, index, themes, locales, image) for data in PATHS]


# Demo logins for the review (development only, like the demo admin): they
# share the admin's password and have TOTP enrolled (code 000000 in DEBUG).
STAFF = {
    "toimittaja": workflows.EDITORS,
    "sisaltotarkastaja": workflows.CONTENT_REVIEWERS,
    "turvatarkastaja": workflows.SAFEGUARDING_REVIEWERS,
}


def load_staff(password):
    workflows.review_workflow()
    for username, group in STAFF.items():
        ensure_staff(username, password, [group])
