import pytest

from congtt.ops import health


@pytest.mark.django_db
def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert data["checks"]["database"]["ok"] and data["checks"]["cache"]["ok"]


@pytest.mark.django_db
def test_healthz_is_503_when_database_is_down(client, monkeypatch):
    monkeypatch.setattr(health, "check_database", lambda: {"ok": False, "error": "OperationalError"})
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "down"


@pytest.mark.django_db
def test_healthz_reports_cache_outage_without_failing(client, monkeypatch):
    monkeypatch.setattr(health, "check_cache", lambda: {"ok": False, "error": "ConnectionError"})
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
