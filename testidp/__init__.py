"""The local test identity provider (development, tests, CI; never production)."""
