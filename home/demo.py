"""Demo content of the front pages: Kymenlaakso, in Finnish, Swedish and English.

Every text is our own. Regional contacts are placeholders and say so.
"""

from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from core.demo import LANGUAGES
from core.models import SiteSettings

from .legal_content import PRIVACY, STATEMENT
from .models import ContentPage, HomePage

HOME = {
    "fi": {
        "title": "Polku – tukea arkeen",
        "introduction": (
            "Polut ovat 13–17-vuotiaille tehtyjä digitaalisia itsehoito-ohjelmia. "
            "Voit edetä omaan tahtiisi, omalla puhelimellasi."
        ),
        "body": [
            ("heading", {"text": "Näin polku toimii"}),
            (
                "paragraph",
                "<p>Valitse aihe, lue polun kuvaus ja aloita. Polun käyttö vaatii "
                "vahvan tunnistautumisen, jotta vastauksesi pysyvät vain sinun. "
                "Kukaan ei lue vastauksiasi, eivätkä työntekijät näe niitä.</p>",
            ),
            (
                "callout",
                {
                    "title": "Digitaalinen polku ei korvaa ihmistä",
                    "text": "<p>Se kulkee rinnalla. Voit aina ottaa yhteyttä "
                    "palveluihin, joiden yhteystiedot löydät polulta.</p>",
                },
            ),
        ],
        "no_bank_id_text": (
            "<p>Jos sinulla ei vielä ole pankkitunnuksia tai mobiilivarmennetta, "
            "kysy kouluterveydenhoitajalta tai Ohjaamosta. He auttavat sinua "
            "löytämään tukea myös ilman tunnistautumista.</p>"
        ),
    },
    "sv": {
        "title": "Polku – stöd i vardagen",
        "introduction": (
            "Stigarna är digitala självvårdsprogram för 13–17-åringar. "
            "Du går framåt i din egen takt, på din egen telefon."
        ),
        "body": [
            ("heading", {"text": "Så fungerar stigen"}),
            (
                "paragraph",
                "<p>Välj ett tema, läs beskrivningen och börja. Stigen kräver stark "
                "autentisering så att dina svar förblir dina. Ingen läser dina svar, "
                "och personalen ser dem inte.</p>",
            ),
            (
                "callout",
                {
                    "title": "En digital stig ersätter inte en människa",
                    "text": "<p>Den går bredvid. Du kan alltid kontakta tjänsterna "
                    "som finns på stigen.</p>",
                },
            ),
        ],
        "no_bank_id_text": (
            "<p>Om du inte ännu har bankkoder eller mobilcertifikat, fråga "
            "skolhälsovårdaren eller Ohjaamo. De hjälper dig att hitta stöd också "
            "utan identifiering.</p>"
        ),
    },
    "en": {
        "title": "Polku – support for everyday life",
        "introduction": (
            "Paths are digital self-care programmes made for 13–17-year-olds. "
            "Go at your own pace, on your own phone."
        ),
        "body": [
            ("heading", {"text": "How a path works"}),
            (
                "paragraph",
                "<p>Choose a theme, read what the path is about and start. Using a "
                "path needs strong identification so that your answers stay yours. "
                "Nobody reads your answers, and staff never see them.</p>",
            ),
            (
                "callout",
                {
                    "title": "A digital path does not replace a person",
                    "text": "<p>It walks alongside. You can always contact the "
                    "services listed on the path.</p>",
                },
            ),
        ],
        "no_bank_id_text": (
            "<p>If you do not have online banking codes or a mobile ID yet, ask "
            "your school nurse or Ohjaamo. They will help you find support without "
            "identification too.</p>"
        ),
    },
}

SLUGS = {
    "apua-heti": {"sv": "hjalp-genast", "en": "help-now"},
    "saavutettavuus": {"sv": "tillganglighet", "en": "accessibility"},
    "tietosuoja": {"sv": "dataskydd", "en": "privacy"},
}

PAGES = {
    "apua-heti": {
        "fi": (
            "Tarvitsetko apua heti?",
            "Jos olet hädässä, et ole yksin. Tässä ovat numerot, joihin voit "
            "soittaa tai kirjoittaa heti.",
            "<p>Hätätilanteessa soita <b>112</b>. Jos mielesi on todella paha, "
            "voit soittaa Kriisipuhelimeen tai kirjoittaa Sekasin-chattiin. "
            "Lasten ja nuorten puhelimeen voit soittaa nimettömästi.</p>"
            "<p>Terveysasioissa neuvoo Päivystysapu 116 117.</p>",
        ),
        "sv": (
            "Behöver du hjälp genast?",
            "Om du är i nöd är du inte ensam. Här är numren du kan ringa eller "
            "skriva till genast.",
            "<p>I nödsituationer, ring <b>112</b>. Om du mår mycket dåligt kan du "
            "ringa Kristelefonen eller skriva i Sekasin-chatten. Du kan ringa "
            "Barn- och ungdomstelefonen anonymt.</p>"
            "<p>Jourhjälpen 116 117 ger råd i hälsofrågor.</p>",
        ),
        "en": (
            "Do you need help right now?",
            "If you are in distress, you are not alone. These are the numbers you "
            "can call or write to straight away.",
            "<p>In an emergency, call <b>112</b>. If you feel really bad, you can "
            "call the Crisis Helpline or write to the Sekasin chat. You can call "
            "the Children and Youth Phone anonymously.</p>"
            "<p>Medical Helpline 116 117 gives advice on health matters.</p>",
        ),
    },
    "saavutettavuus": STATEMENT,
    "tietosuoja": PRIVACY,
}


def ensure_root_collection():
    """The media root: migrations make it, but a flushed test database has none."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
    }


def publish(page):
    page.save_revision().publish()
    return page


def _home_fields(page, data):
    page.title = data["title"]
    page.introduction = data["introduction"]
    page.body = data["body"]
    page.no_bank_id_text = data["no_bank_id_text"]


def ensure_home(locales):
    """The fi home page as the site root, with sv and en translations."""
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["fi"])
    )
    home = HomePage.objects.filter(locale=locales["fi"]).first()
    if home is None:
        home = HomePage(slug="polku", locale=locales["fi"])
        _home_fields(home, HOME["fi"])
        root.add_child(instance=home)
        publish(home)
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.site_name = "Polku"
        site.save()
        if old_root and old_root.pk != home.pk and not old_root.get_children():
            old_root.delete()
    homes = {"fi": home}
    for code in ("sv", "en"):
        translated = home.get_translation_or_none(locales[code])
        if translated is None:
            translated = home.copy_for_translation(locales[code]).specific
            translated.slug = f"polku-{code}"
            _home_fields(translated, HOME[code])
            publish(translated)
        homes[code] = translated
    return homes


def _body(body):
    """A page body: one paragraph of HTML, or ready (block type, value) pairs."""
    return body if isinstance(body, list) else [("paragraph", body)]


def ensure_content_pages(locales, homes):
    """General pages, created once: a second run never overwrites edits."""
    fi_pages = {}
    for slug, texts in PAGES.items():
        page = ContentPage.objects.filter(locale=locales["fi"], slug=slug).first()
        if page is None:
            title, intro, body = texts["fi"]
            page = ContentPage(
                slug=slug,
                title=title,
                introduction=intro,
                body=_body(body),
                locale=locales["fi"],
            )
            homes["fi"].add_child(instance=page)
            publish(page)
        for code in ("sv", "en"):
            if page.get_translation_or_none(locales[code]) is None:
                target = page.copy_for_translation(locales[code]).specific
                title, intro, body = texts[code]
                target.slug = SLUGS[slug][code]
                target.title, target.introduction = title, intro
                target.body = _body(body)
                publish(target)
        fi_pages[slug] = page
    return fi_pages


@transaction.atomic
def load():
    locales = ensure_locales()
    ensure_root_collection()
    homes = ensure_home(locales)
    pages = ensure_content_pages(locales, homes)
    settings = SiteSettings.load()
    for field, slug in (
        ("help_page", "apua-heti"),
        ("accessibility_page", "saavutettavuus"),
        ("privacy_page", "tietosuoja"),
    ):
        if getattr(settings, f"{field}_id") is None:
            setattr(settings, field, pages[slug])
    settings.save()
    return homes
