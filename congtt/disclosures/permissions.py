"""Model permissions the disclosures app gives each site role (pages use page permissions)."""

_ALL = [f"disclosures.{a}_disclosurecatalogueentry" for a in ("add", "change", "delete", "view")]

ROLE_PERMISSIONS = {
    "chief": _ALL,
    "deputy": _ALL,
    "secretary": _ALL,
    "admin": _ALL,
    "member": ["disclosures.view_disclosurecatalogueentry"],
}
