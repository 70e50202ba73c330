"""Prepare a step's blocks so that rendering costs the same queries however long.

Wagtail expands each rich text value on its own (one or more queries for each
internal link, plus the active locale), fetches each image's renditions and
each service's channels when a template asks. On a step with many blocks those
add up, so before rendering the step we:

- expand every rich text of the body in one pass, with page links resolved and
  localised in two queries (Wagtail's own rewriter, with a batched page rule);
- prefetch the renditions of every image;
- build every service contact card from the live directory in memory
  (`directory.snapshot`, read by `card_for`): no query per card or per hour.
"""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.struct_block import StructValue
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText, features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from directory import cards, local

# An HTML comment: no link or embed rule of the rewriter matches it.
SPLIT = "<!--polku-split-->"


class ExpandedRichText(RichText):
    """A rich text whose front-end HTML was expanded beforehand."""

    def __init__(self, source, html):
        super().__init__(source)
        self.html = html

    def __html__(self):
        return render_to_string("wagtailcore/shared/richtext.html", {"html": self.html})


def _page_links(request):
    def expand(attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        pages = {
            str(page.pk): page
            for page in Page.objects.filter(pk__in=[i for i in ids if i.isdigit()])
        }
        locale = Locale.get_active()
        keys = {
            page.translation_key
            for page in pages.values()
            if page.locale_id != locale.pk
        }
        translations = {
            page.translation_key: page
            for page in Page.objects.filter(
                translation_key__in=keys, locale=locale
            ).live()
        }
        links = []
        for page_id in ids:
            page = pages.get(page_id)
            if page is None:
                links.append("<a>")
                continue
            page = translations.get(page.translation_key, page)
            links.append(f'<a href="{escape(page.get_url(request) or "")}">')
        return links

    return expand


def _rewriter(request):
    """Wagtail's front-end rewriter (`get_rewriter`), with batched page links."""
    link_rules = {
        linktype: handler.expand_db_attributes_many
        for linktype, handler in features.get_link_types().items()
    }
    link_rules["page"] = _page_links(request)
    embed_rules = {
        embedtype: handler.expand_db_attributes_many
        for embedtype, handler in features.get_embed_types().items()
    }
    return MultiRuleRewriter(
        [LinkRewriter(bulk_rules=link_rules), EmbedRewriter(bulk_rules=embed_rules)]
    )


def _rich_texts(value, found):
    """(container, key, RichText) of every rich text inside a block value."""
    if isinstance(value, StructValue):
        for key, item in value.items():
            if isinstance(item, RichText):
                found.append((value, key, item))
            else:
                _rich_texts(item, found)
    elif isinstance(value, ListValue):
        for index, item in enumerate(value):
            if isinstance(item, RichText):
                found.append((value, index, item))
            else:
                _rich_texts(item, found)
    return found


def expand_rich_texts(body, request=None):
    found = []
    for child in body:
        if isinstance(child.value, RichText):
            found.append((child, None, child.value))
        else:
            _rich_texts(child.value, found)
    found = [entry for entry in found if entry[2].source]
    if not found:
        return
    rewriter = _rewriter(request)
    sources = [text.source.replace(SPLIT, "") for _, _, text in found]
    expanded = rewriter(SPLIT.join(sources)).split(SPLIT)
    for (container, key, text), html in zip(found, expanded, strict=True):
        replacement = ExpandedRichText(text.source, html)
        if key is None:
            container.value = replacement
        else:
            container[key] = replacement


def prefetch_images(body):
    images = [
        child.value["image"]
        for child in body
        if child.block_type == "image" and child.value.get("image")
    ]
    if images:
        prefetch_related_objects(images, "renditions")


def _self_check_bands(body):
    return [
        (child.value, band)
        for child in body
        if child.block_type == "self_check"
        for band in child.value.get("bands") or []
    ]


def build_service_cards(body, request=None):
    """Every contact card of the step, from the live directory in memory.

    Pinned services (a contact block's service, a band's services) and kinds
    of service (`directory.local`: the person's municipality first) are read
    from `directory.snapshot`: no query per card, per band or per hour. Each
    block value and score band gets its cards.
    """
    blocks_ = [child.value for child in body if child.block_type == "service_contact"]
    bands = _self_check_bands(body)
    kinds = {value.get("kind") for value in blocks_ if not value.get("service")}
    for _check, band in bands:
        kinds.update(band.get("service_kinds") or [])
    kinds.discard("")
    kinds.discard(None)
    if not blocks_ and not bands:
        return
    now = timezone.now()
    pinned = {}

    def pinned_card(service):
        if service.pk not in pinned:
            pinned[service.pk] = cards.card_for(service, now) if service.live else None
        return pinned[service.pk]

    municipality = local.chosen_municipality(request) if kinds else ""
    by_kind = local.cards_by_kind(kinds, municipality, now)
    ask = bool(kinds) and local.should_ask(request)
    for value in blocks_:
        service = value.get("service")
        value.card = pinned_card(service) if service else None
        value.cards = [] if service else by_kind.get(value.get("kind"), [])
        value.local = None
        if not service:
            value.local = local.block_context(value.get("kind"), municipality, ask)
            ask = False  # asked once per page
    for _check, band in bands:
        shown = {}
        for service in band.get("services") or []:
            card = pinned_card(service) if service else None
            if card is not None:
                shown.setdefault(service.pk, card)
        for kind in band.get("service_kinds") or []:
            for card in by_kind.get(kind, []):
                shown.setdefault(card.facts.pk, card)
        band.cards = list(shown.values())
        band.municipality = municipality
    for check in {id(check): check for check, _band in bands}.values():
        highest = max(
            range(len(check["bands"])),
            key=lambda index: check["bands"][index]["max_score"],
        )
        check.highest_band = highest
        check.crisis_lines = SimpleLazyObject(lambda: cards.help_box_cards(now))


def prepare_body(body, request=None):
    """Do the body's database work in batches, before its blocks render."""
    prefetch_images(body)
    build_service_cards(body, request)
    expand_rich_texts(body, request)
