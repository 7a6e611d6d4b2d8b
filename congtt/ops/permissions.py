"""Model permissions of each site role for ops records (applied per site by network)."""

ROLE_PERMISSIONS = {
    "admin": ["ops.view_accountgrant", "ops.add_accountgrant", "ops.change_accountgrant"],
    "chief": ["ops.view_accountgrant"],
}
