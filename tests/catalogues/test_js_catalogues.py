"""The admin's scripts get the carried Vietnamese too: the JavaScript catalogues merge LOCALE_PATHS last."""

import json

import polib
import pytest
from django.urls import reverse

from congtt.ops import catalogues

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name, package",
    [
        ("wagtailadmin_javascript_catalog", "wagtail.admin"),
        ("wagtail_localize:javascript_catalog", "wagtail_localize"),
    ],
)
def test_every_carried_script_translation_is_served(client, django_user_model, url_name, package):
    user = django_user_model.objects.create_superuser("qt", "qt@langson.gov.vn", "mat-khau-dai-12345")
    client.force_login(user)
    response = client.get(reverse(url_name), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    served = response.content.decode()
    carried = polib.pofile(str(catalogues.WAGTAIL_LOCALE / package / "vi" / "LC_MESSAGES" / "djangojs.po"))
    missing = [
        entry.msgid
        for entry in carried
        if not entry.msgid_plural and entry.msgstr and json.dumps(entry.msgstr) not in served
    ]
    assert missing == []
