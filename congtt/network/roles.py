"""The editorial-board roles every site gets (EDT-1), as plain data.

Each role becomes one Django group per site; its page permissions apply to the
site's home page in every edition, its collection permissions to the site's
own collection of images and documents. Model permissions come from each
app's ``permissions.ROLE_PERMISSIONS`` ({role code: ["app_label.codename"]}),
collected by ``model_permissions_by_role``; they are confined to the site by
``congtt.network.scoping``. Nothing here touches the database.
"""

from dataclasses import dataclass
from importlib import import_module

from django.utils.translation import gettext_lazy as _

EDIT = ("add_page", "change_page")
PUBLISH = (*EDIT, "publish_page", "lock_page", "unlock_page")
MEDIA_USE = ("choose_image", "choose_document")
MEDIA_EDIT = (*MEDIA_USE, "add_image", "change_image", "add_document", "change_document")


@dataclass(frozen=True)
class Role:
    code: str
    name: str
    page_permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()


ROLES: tuple[Role, ...] = (
    Role("chief", _("Trưởng ban biên tập"), PUBLISH, MEDIA_EDIT),
    Role("deputy", _("Phó Trưởng ban biên tập"), PUBLISH, MEDIA_EDIT),
    Role("secretary", _("Thư ký ban biên tập"), PUBLISH, MEDIA_EDIT),
    Role("member", _("Thành viên ban biên tập"), EDIT, MEDIA_EDIT),
    Role("admin", _("Quản trị trang"), PUBLISH, MEDIA_EDIT),
    Role("contributor", _("Cộng tác viên"), EDIT, MEDIA_USE + ("add_image", "add_document")),
    Role("officer", _("Cán bộ đơn vị"), EDIT, MEDIA_USE + ("add_image", "add_document")),
)
ROLE_BY_CODE = {role.code: role for role in ROLES}
ROLE_CHOICES = [(role.code, role.name) for role in ROLES]


def model_permissions_by_role(app_configs) -> dict[str, set[str]]:
    """{role code: {"app_label.codename"}} gathered from every app's ``permissions.ROLE_PERMISSIONS``."""
    collected: dict[str, set[str]] = {role.code: set() for role in ROLES}
    for config in app_configs:
        if not config.name.startswith("congtt."):
            continue
        try:
            module = import_module(f"{config.name}.permissions")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.permissions":
                raise
            continue
        for code, perms in getattr(module, "ROLE_PERMISSIONS", {}).items():
            collected[code].update(perms)
    return collected
