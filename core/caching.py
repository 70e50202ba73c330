"""Process-local caches that every worker drops the moment an editor changes
what they were built from.

What every visitor of a language sees the same (the locales, the site and its
home pages, the directory behind the help box and the contact cards, the menu's
addresses, the site settings) is built once per process and kept in memory.
Each cache belongs to one or more *generations* (``"pages"``, ``"directory"``,
…): a number kept in the shared cache (Redis). Publishing, unpublishing,
saving, moving or deleting what a cache depends on bumps its generation
(``signals.py``), and every worker sees the new number on its next request and
builds again. So an edit shows up at once, in every process, without a TTL.

Why hand-written: Django's cache framework pickles values into Redis, which
costs an unpickle per request and cannot hold model instances whose
StreamFields refer to block definitions; Wagtail caches nothing of this. The
generations are read in one Redis round trip per request. When Redis is
down the check fails and the cache is rebuilt on every request (slower, never
stale).
"""

from __future__ import annotations

import contextvars
import threading
import uuid
from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction

PREFIX = "polku:generation:"
NAMES = ("pages", "directory", "settings", "locales", "sites", "restrictions")
# Model labels ("directory.service") whose saves and deletes bump a generation,
# declared by the app that owns the models (`bump_on_change`).
MODEL_GENERATIONS: dict[str, str] = {}
_memos: dict[tuple, tuple] = {}
_lock = threading.Lock()
# The generations as read once at the start of a request (`request_scope`).
_current = contextvars.ContextVar("polku_generations", default=None)
_request_values = contextvars.ContextVar("polku_request_values", default=None)
# This thread's open transaction: names told to Redis and not read since
# (`fresh`), names to tell again at its commit (`commit`).
_pending = threading.local()


def _read(names):
    # What this thread reads next may be built from its own uncommitted rows:
    # the next bump must tell Redis again.
    if getattr(_pending, "fresh", None):
        _pending.fresh = set()
    keys = [PREFIX + name for name in names]
    values = cache.get_many(keys)
    missing = [key for key in keys if key not in values]
    if missing:
        for key in missing:
            cache.add(key, uuid.uuid4().hex, timeout=None)
        values.update(cache.get_many(missing))
    return {name: values.get(PREFIX + name) for name in names}


def bump_on_change(generation, *labels):
    """Bump `generation` whenever a row of the models `labels` changes: how an
    app above core says which of its models the shared caches are built from
    (core.signals does the bumping)."""
    assert generation in NAMES, generation
    MODEL_GENERATIONS.update(dict.fromkeys(labels, generation))


def generations(names):
    """The generations of `names` (a tuple), or None if the cache is down."""
    known = _current.get()
    if known is None or any(name not in known for name in names):
        known = _read(names)
    result = tuple(known[name] for name in names)
    return None if None in result else result


@contextmanager
def request_scope():
    """Read every generation once for the request: one Redis round trip.

    When Redis is down, what is built is kept for this request only.
    """
    token = _current.set(_read(NAMES))
    values = _request_values.set({})
    try:
        yield
    finally:
        _request_values.reset(values)
        _current.reset(token)


def bump(*names):
    """Make every process rebuild what depends on `names`.

    This process drops its own copies at once. Redis is told at once (so that
    this thread's next request, and the full-page cache, see the edit before
    the commit) and again at commit (for the processes that rebuilt from the
    old rows meanwhile). Within a transaction a name already told and not read
    since is not told again: a demo load saves thousands of rows in one.
    """
    names = set(names)
    _drop_local(names)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _publish(names)
        return
    outer = id(connection.atomic_blocks[0]) if connection.atomic_blocks else None
    if getattr(_pending, "outer", None) != outer:
        _pending.outer, _pending.fresh, _pending.commit = outer, set(), set()
    if names - _pending.fresh:
        _publish(names - _pending.fresh)
        _pending.fresh |= names
    if names - _pending.commit:
        _pending.commit |= names
        transaction.on_commit(_flush)


def _flush():
    names = getattr(_pending, "commit", set())
    _pending.outer, _pending.fresh, _pending.commit = None, set(), set()
    _publish(names)


def _publish(names):
    if not names:
        return
    values = {name: uuid.uuid4().hex for name in names}
    cache.set_many({PREFIX + name: value for name, value in values.items()}, None)
    known = _current.get()
    if known is not None:
        known.update(values)


def _drop_local(names):
    names = set(names)
    local = _request_values.get()
    if local:
        local.clear()
    with _lock:
        for key in [key for key, entry in _memos.items() if names & set(entry[0])]:
            del _memos[key]


def memo(key, build, depends):
    """`build()` once per generation of `depends` in this process.

    `key` names the cache (with its language where the value differs by
    language); `depends` is a tuple of generation names.
    """
    current = generations(depends)
    if current is None:
        local = _request_values.get()
        if local is None:
            return build()
        if key not in local:
            local[key] = build()
        return local[key]
    found = _memos.get(key)
    if found is not None and found[1] == current:
        return found[2]
    value = build()
    with _lock:
        _memos[key] = (depends, current, value)
    return value


def clear():
    """Forget every memo of this process (tests that flush the database)."""
    with _lock:
        _memos.clear()
