"""Model permissions each site role gets for royalties (confined to the site by congtt.network.scoping).

Grading: chief and deputy. Statements: the secretary prepares and submits, the chief approves.
"""

_VIEW = ["royalties.view_rateframe", "royalties.view_grading", "royalties.view_statement"]

ROLE_PERMISSIONS = {
    "chief": [
        *_VIEW,
        "royalties.add_rateframe",
        "royalties.change_rateframe",
        "royalties.add_grading",
        "royalties.change_grading",
        "royalties.approve_statement",
    ],
    "deputy": [*_VIEW, "royalties.add_grading", "royalties.change_grading"],
    "secretary": [
        *_VIEW,
        "royalties.add_rateframe",
        "royalties.change_rateframe",
        "royalties.add_statement",
        "royalties.change_statement",
    ],
}
