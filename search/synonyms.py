"""The editable synonym list of the site search (Settings → Site settings).

"ahistaa = ahdistus" makes a search for "ahistaa" also find pages that say
"ahdistus". Each typed word becomes "the word OR its synonyms"; words are
compared case-insensitively.
"""

from wagtail.search.query import And, Or, PlainText


def parse(text):
    """{word: [alternatives]} from "word = alternative, alternative" lines."""
    synonyms = {}
    for line in (text or "").splitlines():
        word, sep, alternatives = line.partition("=")
        word = word.strip().casefold()
        if not sep or not word:
            continue
        found = [a.strip() for a in alternatives.split(",") if a.strip()]
        if found:
            synonyms.setdefault(word, []).extend(found)
    return synonyms


def expand(query_string, synonyms):
    """A search query for the words, each one or any of its synonyms."""
    parts = []
    for word in query_string.split():
        alternatives = synonyms.get(word.casefold(), [])
        if alternatives:
            parts.append(Or([PlainText(word), *map(PlainText, alternatives)]))
        else:
            parts.append(PlainText(word))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)
