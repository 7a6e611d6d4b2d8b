"""Model permissions the network app gives each site role (see ``congtt.network.roles``)."""

ROLE_PERMISSIONS = {
    "admin": ["network.change_siteprofile", "network.view_siteprofile"],
    "chief": ["network.view_siteprofile"],
    "secretary": ["network.view_siteprofile"],
}
