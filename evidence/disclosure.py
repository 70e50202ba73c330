"""Which counts may be shown: the rules of docs/evidence.md, in code.

Cells are the counts of one month. `suppress` hides every cell under
`THRESHOLD` (zero included, so that "hidden" never means "somebody"), then,
within every additive relation (a total and its parts), hides more cells
until no hidden cell can be worked out by subtraction:

- a relation never has exactly one hidden member;
- when the total is shown, the hidden parts together are at least
  `THRESHOLD` (otherwise their sum, a small group, would be known);
- when the total is hidden, at least one part is hidden too.

Sums over several months (quarters, the chosen period) are shown only when
every month in them is shown (`combine`), so they are sums of shown numbers
and tell nothing new; that is what makes other periods useless for
differencing. The attacker test in tests/test_evidence.py checks all of this
by linear algebra over the published tables.
"""

THRESHOLD = 5


def suppress(values, relations, threshold=THRESHOLD):
    """The keys of `values` that must be hidden.

    `values` maps a cell key to its count (a missing key counts as 0);
    `relations` is a list of `(total_key, [part_keys])`.
    """
    hidden = {key for key, n in values.items() if n < threshold}
    for total, parts in relations:
        for key in (total, *parts):
            if values.get(key, 0) < threshold:
                hidden.add(key)

    def hide_smallest(candidates):
        visible = [key for key in candidates if key not in hidden]
        if not visible:
            return False
        # The smallest shown part costs the least information; ties by key.
        hidden.add(min(visible, key=lambda key: (values.get(key, 0), str(key))))
        return True

    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            if not parts:
                continue
            hidden_parts = [key for key in parts if key in hidden]
            if total in hidden:
                if not hidden_parts:
                    changed |= hide_smallest(parts)
                continue
            if not hidden_parts:
                continue
            hidden_sum = sum(values.get(key, 0) for key in hidden_parts)
            if len(hidden_parts) == 1 or hidden_sum < threshold:
                if not hide_smallest(parts):
                    hidden.add(total)
                changed = True
    return hidden


def combine(month_keys, values, hidden):
    """A sum over months, or None when any month in it is hidden."""
    if any(key in hidden for key in month_keys):
        return None
    return sum(values.get(key, 0) for key in month_keys)
