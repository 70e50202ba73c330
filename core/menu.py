"""Admin menu items shared by the areas' wagtail_hooks."""

from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """Shown to whoever has any one of `permissions`."""

    def __init__(self, *args, permissions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return any(request.user.has_perm(p) for p in self.permissions)
