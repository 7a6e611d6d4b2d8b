"""Model permissions each site role gets on legal documents and gazette issues."""

_FULL = [
    "legal.add_legaldocument",
    "legal.change_legaldocument",
    "legal.delete_legaldocument",
    "legal.publish_legaldocument",
    "legal.add_gazetteissue",
    "legal.change_gazetteissue",
    "legal.delete_gazetteissue",
    "legal.publish_gazetteissue",
    "legal.add_issuingbody",
    "legal.change_issuingbody",
]
ROLE_PERMISSIONS = {
    "chief": _FULL,
    "deputy": _FULL,
    "secretary": _FULL,
    "admin": _FULL,
    "member": [
        "legal.add_legaldocument",
        "legal.change_legaldocument",
        "legal.add_gazetteissue",
        "legal.change_gazetteissue",
    ],
    "contributor": [],
    "officer": [],
}
