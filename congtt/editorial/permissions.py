"""Model permissions the editorial app gives each site role (EDT-1)."""

_SUBMIT = ["editorial.add_submission", "editorial.change_submission", "editorial.view_submission"]
_BOARD = [*_SUBMIT, "editorial.convert_submission"]

ROLE_PERMISSIONS = {
    "chief": [
        *_BOARD,
        "editorial.delete_submission",
        "editorial.add_delegation",
        "editorial.change_delegation",
        "editorial.view_delegation",
        "editorial.delete_delegation",
    ],
    "deputy": [*_BOARD],
    "secretary": [*_BOARD, "editorial.delete_submission"],
    "member": [*_BOARD],
    "admin": [*_BOARD, "editorial.delete_submission", "editorial.view_delegation"],
    "contributor": _SUBMIT,
    "officer": _SUBMIT,
}
