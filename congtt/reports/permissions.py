"""Model permissions each site role gets for reports and statistics settings."""

ROLE_PERMISSIONS = {
    "chief": ["reports.add_reportrun", "reports.view_reportrun", "reports.view_accesssettings"],
    "deputy": ["reports.add_reportrun", "reports.view_reportrun"],
    "secretary": ["reports.add_reportrun", "reports.view_reportrun"],
    "admin": [
        "reports.view_accesssettings",
        "reports.add_accesssettings",
        "reports.change_accesssettings",
        "reports.view_reportrun",
    ],
}
