"""Proofs for guides/CLAUDE-architecture.md, API Versioning Strategies (module ver_api)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi import Depends, FastAPI, HTTPException, Response
from fastapi.testclient import TestClient

from guidekit import guide_module

ver_api = guide_module("ver_api")
DEPRECATED_AT = datetime(2025, 7, 1, tzinfo=UTC)
SUNSET_AT = datetime(2026, 1, 31, tzinfo=UTC)
BROWNOUT = (datetime(2026, 1, 14, 15, tzinfo=UTC), datetime(2026, 1, 14, 16, tzinfo=UTC))
GUIDE = "https://docs.example.com/api/migrate-v1-to-v2"


@pytest.fixture
def policy() -> object:
    return ver_api.DeprecationPolicy(
        prefix="/api/v1",
        successor="/api/v2",
        deprecated_at=DEPRECATED_AT,
        sunset_at=SUNSET_AT,
        guide=GUIDE,
        brownouts=[BROWNOUT],
        clock=lambda: datetime(2025, 10, 1, tzinfo=UTC),  # deprecated, not yet gone
    )


@pytest.fixture
def client(policy: object) -> Iterator[TestClient]:
    with TestClient(ver_api.create_app(policy)) as test_client:
        yield test_client


def test_both_versions_represent_one_model(client: TestClient) -> None:
    assert client.get("/api/v1/users/1").json() == {"id": 1, "name": "Ada Lovelace"}
    assert client.get("/api/v2/users/1").json() == {
        "id": 1,
        "first_name": "Ada",
        "last_name": "Lovelace",
    }
    ver_api.USERS[2] = ver_api.User(id=2, first_name="Grace", last_name="Hopper")
    try:  # a change in the one store shows in every version
        assert client.get("/api/v1/users/2").json()["name"] == "Grace Hopper"
    finally:
        del ver_api.USERS[2]


def test_published_v1_schema_is_frozen(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()["components"]["schemas"]["UserV1"]
    assert schema["required"] == ["id", "name"]
    assert {k: v["type"] for k, v in schema["properties"].items()} == {
        "id": "integer",
        "name": "string",
    }


def test_header_version_defaults_to_the_oldest_and_varies(client: TestClient) -> None:
    default = client.get("/api/users/1")
    assert default.json() == {"id": 1, "name": "Ada Lovelace"}
    assert default.headers["x-api-version"] == "1" and default.headers["vary"] == "X-API-Version"
    v2 = client.get("/api/users/1", headers={"X-API-Version": "2"})
    assert v2.json()["last_name"] == "Lovelace" and v2.headers["x-api-version"] == "2"


@pytest.mark.parametrize("version", ["9", "2.0", "v2"])
def test_unknown_header_versions_are_refused(client: TestClient, version: str) -> None:
    response = client.get("/api/users/1", headers={"X-API-Version": version})
    assert response.status_code == 400 and "supported: 1, 2" in response.json()["detail"]


def test_deprecated_version_carries_standard_headers(client: TestClient, policy) -> None:
    old = client.get("/api/v1/users/1", headers={"X-Client-Id": "billing"})
    assert old.status_code == 200
    assert old.headers["deprecation"] == f"@{int(DEPRECATED_AT.timestamp())}" == "@1751328000"
    assert old.headers["sunset"] == "Sat, 31 Jan 2026 00:00:00 GMT"
    assert '</api/v2/users/1>; rel="successor-version"' in old.headers["link"]
    assert f'<{GUIDE}>; rel="deprecation"' in old.headers["link"]
    assert policy.calls["billing"] == 1
    assert "deprecation" not in client.get("/api/v2/users/1").headers


@pytest.mark.parametrize(("url", "code"), [("/api/v1/users/99", 404), ("/api/v1/users/x", 422)])
def test_error_responses_carry_the_headers_too(client: TestClient, url: str, code: int) -> None:
    response = client.get(url)
    assert response.status_code == code and response.headers["sunset"]


def test_openapi_marks_v1_deprecated(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert paths["/api/v1/users/{user_id}"]["get"]["deprecated"] is True
    assert "deprecated" not in paths["/api/v2/users/{user_id}"]["get"]


def test_headers_set_in_a_dependency_miss_error_responses() -> None:
    # Why the guide uses a middleware: a dependency's Response never reaches a 404.
    app = FastAPI()

    def mark(response: Response) -> None:
        response.headers["Sunset"] = "Sat, 31 Jan 2026 00:00:00 GMT"

    @app.get("/items/{item_id}", dependencies=[Depends(mark)])
    async def item(item_id: int) -> dict[str, int]:
        raise HTTPException(404)

    with TestClient(app) as client:
        response = client.get("/items/1")
    assert response.status_code == 404 and "sunset" not in response.headers


@pytest.mark.parametrize(
    ("now", "code"),
    [
        (datetime(2026, 1, 14, 15, 30, tzinfo=UTC), 410),  # inside the brownout
        (datetime(2026, 1, 14, 16, 30, tzinfo=UTC), 200),  # after it: back again
        (datetime(2026, 2, 1, tzinfo=UTC), 410),  # after the sunset
    ],
)
def test_brownouts_and_sunset(client: TestClient, policy, now: datetime, code: int) -> None:
    policy.clock = lambda: now
    response = client.get("/api/v1/users/1")
    assert response.status_code == code
    if code == 410:
        assert response.json()["migration_guide"] == GUIDE and response.headers["link"]
