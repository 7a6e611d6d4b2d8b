"""Model permissions each site role gets for citizen records (confined to the site by scoping)."""

_CASE_BOARD = [
    "citizen.add_case",
    "citizen.change_case",
    "citizen.view_case",
    "citizen.handle_case",
    "citizen.answer_case",
]
_CONSULT = [
    f"citizen.{action}_{model}"
    for model in ("draft", "draftcomment", "topic", "post", "responsibleunit", "casefield")
    for action in ("add", "change", "view", "delete")
]
_BOARD = [*_CASE_BOARD, *_CONSULT, "citizen.view_rating", "citizen.view_caseevent"]

ROLE_PERMISSIONS = {
    "chief": _BOARD,
    "deputy": _BOARD,
    "secretary": _BOARD,
    "admin": _BOARD,
    "member": ["citizen.view_case", "citizen.add_case"],
    "contributor": [],
    "officer": [
        "citizen.view_case",
        "citizen.answer_case",
        "citizen.view_draft",
        "citizen.change_draft",
        "citizen.view_draftcomment",
    ],
}
