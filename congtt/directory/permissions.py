"""Model permissions the directory app gives each site role (confined to the site by scoping)."""

_MODELS = ("unit", "official", "scheduleentry", "receptionentry", "hotline")


def _perms(*actions):
    return [f"directory.{action}_{model}" for model in _MODELS for action in actions]


ROLE_PERMISSIONS = {
    "chief": _perms("add", "change", "delete", "view"),
    "deputy": _perms("add", "change", "delete", "view"),
    "secretary": _perms("add", "change", "delete", "view"),
    "admin": _perms("add", "change", "delete", "view"),
    "member": _perms("add", "change", "view"),
    "officer": ["directory.add_scheduleentry", "directory.change_scheduleentry", *_perms("view")],
    "contributor": [],
}
