"""The sign-in audit's actions in Wagtail's log (accounts/audit.py)."""

from wagtail import hooks

from . import audit


@hooks.register("register_log_actions")
def register_signin_audit_actions(actions):
    audit.register(actions)
