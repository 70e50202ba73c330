"""The young person's pages: `personal` (my paths, my data), `steps` (a path)."""
