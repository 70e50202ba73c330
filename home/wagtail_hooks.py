"""The help box is edited in the directory (directory/wagtail_hooks.py)."""
