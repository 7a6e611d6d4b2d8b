import pytest
from django.urls import reverse

from congtt.editorial.models import Delegation

pytestmark = pytest.mark.django_db

VIEWSETS = [
    "editorial_submission",
    "editorial_deadline",
    "editorial_deadline_rule",
    "editorial_delegation",
    "editorial_quota",
    "editorial_meeting",
]


@pytest.mark.parametrize("name", VIEWSETS)
def test_chief_opens_every_board_screen(client, board, name):
    client.force_login(board["a"]["chief"])
    assert client.get(reverse(f"{name}:index")).status_code == 200
    assert client.get(reverse(f"{name}:add")).status_code == 200


def test_chief_delegates_only_to_a_deputy_of_own_site(client, board, site_a, site_b):
    client.force_login(board["a"]["chief"])
    url = reverse("editorial_delegation:add")
    data = {
        "site": site_a.pk,
        "deputy": board["b"]["deputy"].pk,
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-10",
    }
    assert client.post(url, data).status_code == 200 and not Delegation.objects.exists()
    data["deputy"] = board["a"]["deputy"].pk
    data["ends_on"] = "2026-11-01"
    response = client.post(url, data)
    assert (
        "Ngày kết thúc phải sau ngày bắt đầu" in response.content.decode() and not Delegation.objects.exists()
    )
    data["ends_on"] = "2026-12-10"
    assert client.post(url, data).status_code == 302
    assert Delegation.objects.get().deputy == board["a"]["deputy"]
    # the secretary cannot delegate
    client.force_login(board["a"]["secretary"])
    assert client.get(url).status_code in (302, 403)
