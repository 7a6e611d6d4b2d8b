"""Model permissions the editorial app gives each site role (EDT-1)."""

_SUBMIT = ["editorial.add_submission", "editorial.change_submission", "editorial.view_submission"]
_BOARD = [*_SUBMIT, "editorial.convert_submission"]

_DEADLINES = [
    f"editorial.{action}_{model}"
    for model in ("deadlinerule", "publicationdeadline", "unitquota", "boardmeeting", "officerunit")
    for action in ("add", "change", "view", "delete")
]
_REPORTS = ["editorial.view_violationreport", "editorial.change_violationreport"]
_CONTRIBUTORS = [f"editorial.{action}_contributor" for action in ("add", "change", "view", "delete")]
_SEE_DEADLINES = [
    "editorial.view_publicationdeadline",
    "editorial.view_unitquota",
    "editorial.view_boardmeeting",
]

ROLE_PERMISSIONS = {
    "chief": [
        *_BOARD,
        *_REPORTS,
        *_DEADLINES,
        *_CONTRIBUTORS,
        "editorial.delete_submission",
        "editorial.add_delegation",
        "editorial.change_delegation",
        "editorial.view_delegation",
        "editorial.delete_delegation",
    ],
    "deputy": [*_BOARD, *_REPORTS, *_SEE_DEADLINES, *_CONTRIBUTORS],
    "secretary": [*_BOARD, *_REPORTS, *_DEADLINES, *_CONTRIBUTORS, "editorial.delete_submission"],
    "member": [*_BOARD, *_REPORTS, *_SEE_DEADLINES, "editorial.view_contributor"],
    "admin": [
        *_BOARD,
        *_REPORTS,
        *_DEADLINES,
        *_CONTRIBUTORS,
        "editorial.delete_submission",
        "editorial.view_delegation",
    ],
    "contributor": _SUBMIT,
    "officer": _SUBMIT,
}
