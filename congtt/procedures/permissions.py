"""Model permissions each site role gets on procedures."""

_FULL = [
    "procedures.add_procedure",
    "procedures.change_procedure",
    "procedures.delete_procedure",
    "procedures.publish_procedure",
]
ROLE_PERMISSIONS = {
    "chief": _FULL,
    "deputy": _FULL,
    "secretary": _FULL,
    "admin": _FULL,
    "member": ["procedures.add_procedure", "procedures.change_procedure"],
    "contributor": [],
    "officer": [],
}
