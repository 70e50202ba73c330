"""Wagtail's PostgreSQL search, with each language's own text-search configuration.

Wagtail's database backend takes one `SEARCH_CONFIG` for everything; Polku
has pages in Finnish, Swedish and English. This backend indexes each object
with its locale's configuration (`finnish`, `swedish`, `english`) and
searches with the active language's.

Finnish stems are not always prefixes of one another ("ahdistus" →
`ahdistus`, "ahdistuksen" → `ahdistuks`), so each typed word also matches as
a prefix of its first ~60 % (`simple` configuration, no stemming): partly
typed and inflected words find the page, as a teenager would expect.
"""

import math
import re
from collections import defaultdict
from copy import copy

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}
# Words shorter than this match only by their stem: "apu" is not "apua*".
MIN_PREFIX = 4


def config_for(language_code, default="finnish"):
    return CONFIGS.get((language_code or "").split("-")[0], default)


def prefix_root(term):
    """The part of a typed word that should match as a prefix, or ''."""
    term = term.casefold()
    if len(term) < MIN_PREFIX or not term.isalpha():
        return ""
    return term[: max(MIN_PREFIX, math.ceil(len(term) * 0.6))]


class LocalisedIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index each object with the configuration of its own language."""
        groups = defaultdict(list)
        for obj in objs:
            locale = getattr(obj, "locale", None)
            code = locale.language_code if locale is not None else None
            groups[config_for(code, self.backend.config)].append(obj)
        backend = self.backend
        try:
            for config, group in groups.items():
                self.backend = copy(backend)
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend = backend


class LocalisedQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return config_for(get_language(), backend.config)

    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText) or invert:
            return super().build_tsquery_content(query, config=config, invert=invert)
        terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
        combined = None
        for term in terms:
            part = SearchQuery(Lexeme(term), search_type="raw", config=config)
            root = prefix_root(term)
            if root:
                part |= SearchQuery(
                    Lexeme(root, prefix=True), search_type="raw", config="simple"
                )
            if combined is None:
                combined = part
            elif query.operator == "or":
                combined |= part
            else:
                combined &= part
        return combined


class LocalisedSearchBackend(PostgresSearchBackend):
    query_compiler_class = LocalisedQueryCompiler
    index_class = LocalisedIndex


if connection.vendor == "postgresql":
    SearchBackend = LocalisedSearchBackend
else:  # SQLite in a quick local run: Wagtail's own choice for that database
    from wagtail.search.backends.database import SearchBackend  # noqa: F401
