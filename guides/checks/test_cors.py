"""Checks for 'Complete CORS Configuration' (CLAUDE-architecture.md): module cors_policy."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.testclient import TestClient

from guidekit import guide_module

cors_policy = guide_module("cors_policy")

APP = "https://app.example.com"
TENANT = "https://acme.example.com"
EVIL = "https://example.com.evil.net"


def create_app(raw_origins: str, subdomains_of: frozenset[str] = frozenset()) -> FastAPI:
    """The startup wiring the guide describes."""
    app = FastAPI()
    origins = cors_policy.parse_allowed_origins(raw_origins)
    cors_policy.install_cors(app, cors_policy.OriginPolicy(origins, subdomains_of))
    return app


def make_client() -> tuple[TestClient, list[str]]:
    """The guide's app with one read and one write endpoint; `writes` records executed POSTs."""
    app = create_app(f"{APP}, https://admin.example.com", frozenset({"example.com"}))
    writes: list[str] = []

    @app.get("/api/me")
    async def me() -> dict[str, str]:
        return {"user": "alice"}

    @app.post("/api/transfers")
    async def transfer() -> dict[str, str]:
        writes.append("transfer")
        return {"status": "created"}

    return TestClient(app), writes


def preflight(origin: str, method: str = "POST", headers: str = "content-type") -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": headers,
    }


# --- the startup validator ------------------------------------------------------------------


@pytest.mark.parametrize("entry", ["*", "null", " * , https://app.example.com"])
def test_wildcard_and_null_are_refused_at_startup(entry: str) -> None:
    with pytest.raises(ValueError, match="never allowed for a credentialed API"):
        cors_policy.parse_allowed_origins(entry)


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("https://app.example.com/", "no path"),
        ("http://app.example.com", "plain http"),
        ("app.example.com", "not an origin"),
        ("https://user@app.example.com", "no path"),
    ],
)
def test_malformed_origins_are_refused_at_startup(entry: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        cors_policy.parse_allowed_origins(entry)


def test_valid_list_is_normalised() -> None:
    parsed = cors_policy.parse_allowed_origins(
        "https://App.Example.com:8443, , http://localhost:5173"
    )
    assert parsed == {"https://app.example.com:8443", "http://localhost:5173"}


def test_starlette_reflects_every_origin_for_wildcard_with_credentials() -> None:
    """Why rule 1 exists: the combination the validator refuses is an open door."""
    app = FastAPI()
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)

    @app.get("/api/me")
    async def me() -> dict[str, str]:
        return {"email": "alice@example.com"}

    r = TestClient(app).get("/api/me", headers={"Origin": "https://attacker.example"})
    assert r.headers["access-control-allow-origin"] == "https://attacker.example"
    assert r.headers["access-control-allow-credentials"] == "true"


# --- the policy -----------------------------------------------------------------------------

ORIGINS = {
    APP: True,
    TENANT: True,  # one label under the apex
    "https://a.b.example.com": False,  # nested host
    EVIL: False,  # suffix trick
    "https://evilexample.com": False,  # missing dot boundary
    "http://acme.example.com": False,  # downgrade to http
    "https://acme.example.com:8443": False,  # unexpected port
    "https://ACME.example.com": False,  # browsers never send uppercase
    "https://-x.example.com": False,  # not a DNS label
    "http://localhost:5173": False,  # development only
    "null": False,
    "https://app.example.com/": False,
}


@pytest.mark.parametrize(("origin", "allowed"), ORIGINS.items())
def test_policy_table(origin: str, allowed: bool) -> None:
    policy = cors_policy.OriginPolicy(frozenset({APP}), frozenset({"example.com"}))
    assert policy.is_allowed_origin(origin) is allowed


def test_localhost_only_when_enabled() -> None:
    dev = cors_policy.OriginPolicy(frozenset(), allow_localhost=True)
    assert dev.is_allowed_origin("http://localhost:5173")
    assert not dev.is_allowed_origin("http://10.0.0.5:5173")


@pytest.mark.parametrize(("origin", "allowed"), ORIGINS.items())
def test_middleware_preflight_follows_the_policy(origin: str, allowed: bool) -> None:
    client, _ = make_client()
    r = client.options("/api/transfers", headers=preflight(origin))
    assert (r.status_code == 200) is allowed, r.text
    assert (r.headers.get("access-control-allow-origin") == origin) is allowed


def test_simple_response_follows_the_policy() -> None:
    client, _ = make_client()
    r = client.get("/api/me", headers={"Origin": TENANT})
    assert r.headers["access-control-allow-origin"] == TENANT  # the subdomain rule is used
    assert r.headers["access-control-allow-credentials"] == "true"
    assert "Origin" in r.headers["vary"]
    assert "X-Request-ID" in r.headers["access-control-expose-headers"]
    r = client.get("/api/me", headers={"Origin": EVIL})
    assert r.status_code == 200  # the handler ran; only the browser-side read is blocked
    assert "access-control-allow-origin" not in r.headers


def test_origins_cannot_bypass_the_policy() -> None:
    with pytest.raises(TypeError, match="policy only"):
        cors_policy.PolicyCORSMiddleware(
            FastAPI(), policy=cors_policy.OriginPolicy(frozenset()), allow_origins=["*"]
        )


# --- preflight details ----------------------------------------------------------------------


def test_preflight_methods_headers_and_cache() -> None:
    client, _ = make_client()
    r = client.options("/api/me", headers=preflight(APP, "PATCH", "authorization, content-type"))
    assert r.status_code == 200
    assert r.headers["access-control-max-age"] == "7200"
    r = client.options("/api/me", headers=preflight(APP, "PUT"))
    assert (r.status_code, r.text) == (400, "Disallowed CORS method")
    r = client.options("/api/me", headers=preflight(APP, "POST", "x-debug"))
    assert (r.status_code, r.text) == (400, "Disallowed CORS headers")


# --- cross-site writes ----------------------------------------------------------------------


def test_form_post_from_foreign_origin_never_executes() -> None:
    client, writes = make_client()
    # text/plain needs no preflight: without the guard the handler would run.
    r = client.post(
        "/api/transfers",
        headers={"Origin": EVIL, "Content-Type": "text/plain"},
        content="amount=1000",
    )
    assert r.status_code == 403
    assert writes == []
    assert client.post("/api/transfers", headers={"Origin": TENANT}).status_code == 200
    assert client.post("/api/transfers").status_code == 200  # no Origin: not a browser
    assert writes == ["transfer", "transfer"]


def test_unhandled_errors_lose_cors_headers() -> None:
    """ServerErrorMiddleware sits outside CORSMiddleware: the browser sees a 'CORS error'."""
    app = create_app(APP)

    @app.get("/api/report")
    async def report() -> dict[str, str]:
        raise RuntimeError("database unreachable")

    r = TestClient(app, raise_server_exceptions=False).get("/api/report", headers={"Origin": APP})
    assert r.status_code == 500
    assert "access-control-allow-origin" not in r.headers
