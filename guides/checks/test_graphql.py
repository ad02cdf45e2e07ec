"""Proofs for CLAUDE-graphql.md, "GraphQL API Patterns" (item 19)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
import pytest_asyncio
from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from strawberry.dataloader import DataLoader

from guidekit import guide_module

gql = guide_module("gql_api")

ADA, LINUS, GRACE = 1, 2, 3  # Ada is an admin; Linus and Grace report to Ada


def token(
    sub: object = LINUS, *, drop: tuple[str, ...] = (), key: Any = None, **claims: Any
) -> str:
    """A token like the identity provider's; keyword arguments override or add claims."""
    now = datetime.now(UTC)
    body: dict[str, Any] = {
        "sub": str(sub),
        "iss": gql.ISSUER,
        "aud": gql.AUDIENCE,
        "iat": now,
        "exp": now + timedelta(minutes=5),
        "roles": ["admin"] if sub == ADA else [],
        **claims,
    }
    for name in drop:
        del body[name]
    return jwt.encode(body, key or gql.SECRET_KEY, algorithm="HS256")


# --- database and app -------------------------------------------------------------------


@pytest_asyncio.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'gql.db'}")
    async with engine.begin() as conn:
        await conn.run_sync(gql.Base.metadata.create_all)
    yield engine
    await engine.dispose()


async def seed(sessions: async_sessionmaker[AsyncSession], extra_reports: int = 0) -> None:
    async with sessions() as session, session.begin():
        session.add(gql.UserRow(id=ADA, name="Ada", email="ada@example.com", manager_id=None))
        session.add(gql.UserRow(id=LINUS, name="Linus", email="linus@example.com", manager_id=ADA))
        session.add(gql.UserRow(id=GRACE, name="Grace", email="grace@example.com", manager_id=ADA))
        # Every extra user reports to the one before it: a chain, one manager per user.
        for n in range(4, 4 + extra_reports):
            session.add(
                gql.UserRow(id=n, name=f"U{n}", email=f"u{n}@example.com", manager_id=n - 1)
            )


@pytest_asyncio.fixture
async def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    factory = async_sessionmaker(engine, expire_on_commit=False)
    await seed(factory)
    return factory


def http_client(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


@pytest_asyncio.fixture
async def client(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(gql.create_app(sessions)) as test_client:
        yield test_client


async def post(client: httpx.AsyncClient, query: str, bearer: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
    return await client.post("/graphql", json={"query": query}, headers=headers)


def codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors", [])]


# --- JWT: every claim verified --------------------------------------------------------------


async def test_a_valid_token_is_accepted(client: httpx.AsyncClient) -> None:
    body = (await post(client, "{ users { name } }", token())).json()
    assert body == {"data": {"users": [{"name": "Ada"}, {"name": "Linus"}, {"name": "Grace"}]}}


async def test_a_token_for_another_audience_is_rejected(client: httpx.AsyncClient) -> None:
    """Same issuer, same key, minted for another service: it must not work here."""
    assert gql.user_from_token(token()).id == LINUS  # our own audience passes
    stolen = token(aud="https://billing.example.com")
    with pytest.raises(jwt.InvalidAudienceError):
        gql.user_from_token(stolen)
    response = await post(client, "{ users { name } }", stolen)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(lambda: token(iss="https://evil.example.com"), id="other-issuer"),
        pytest.param(lambda: token(drop=("exp",)), id="no-exp"),
        pytest.param(lambda: token(drop=("iat",)), id="no-iat"),
        pytest.param(lambda: token(drop=("aud",)), id="no-aud"),
        pytest.param(lambda: token(drop=("iss",)), id="no-iss"),
        pytest.param(lambda: token(drop=("sub",)), id="no-sub"),
        pytest.param(lambda: token(sub="ada"), id="sub-not-an-id"),
        pytest.param(lambda: token(exp=datetime.now(UTC) - timedelta(seconds=1)), id="expired"),
        pytest.param(lambda: token(key=b"k" * 32), id="other-key"),
        pytest.param(lambda: jwt.encode({"sub": "1"}, None, algorithm="none"), id="alg-none"),
        pytest.param(lambda: token().rsplit(".", 1)[0] + ".", id="signature-stripped"),
        pytest.param(lambda: "not-a-jwt", id="garbage"),
    ],
)
async def test_invalid_tokens_get_401_before_graphql_runs(
    client: httpx.AsyncClient, bad: Any
) -> None:
    response = await post(client, "{ users { name } }", bad())
    assert response.status_code == 401, response.text
    assert "data" not in response.text


async def test_only_bearer_tokens(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql",
        json={"query": "{ users { name } }"},
        headers={"Authorization": f"Basic {token()}"},
    )
    assert response.status_code == 401


# --- authorization on resolvers and fields ---------------------------------------------------


async def test_anonymous_callers_are_refused_by_the_resolver(client: httpx.AsyncClient) -> None:
    response = await post(client, "{ users { name } }")
    assert response.status_code == 200  # GraphQL errors travel in the body
    assert response.json()["data"] is None and codes(response.json()) == ["UNAUTHENTICATED"]


async def test_a_denied_field_nulls_itself_not_its_parent(client: httpx.AsyncClient) -> None:
    body = (await post(client, "{ users { name email } }", token(LINUS))).json()
    assert body["data"]["users"] == [
        {"name": "Ada", "email": None},
        {"name": "Linus", "email": "linus@example.com"},  # their own
        {"name": "Grace", "email": None},
    ]
    assert codes(body) == ["FORBIDDEN", "FORBIDDEN"]


async def test_the_field_permission_holds_on_every_path(client: httpx.AsyncClient) -> None:
    body = (
        await post(client, "{ users(first: 1) { reports { name email } } }", token(LINUS))
    ).json()
    assert body["data"]["users"][0]["reports"][1] == {"name": "Grace", "email": None}
    admin = (await post(client, "{ users { email } }", token(ADA))).json()
    assert "errors" not in admin and len(admin["data"]["users"]) == 3


async def test_private_columns_are_not_in_the_schema() -> None:
    sdl = gql.build_schema().as_str()
    assert "emailAddress" not in sdl and "managerId" not in sdl
    assert "email: String\n" in sdl  # nullable: a denial must not null the parent


# --- DataLoader: statements counted ------------------------------------------------------


@contextmanager
def count_statements(engine: AsyncEngine) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


NESTED = "{ users(first: 50) { name reports { name } } }"


async def run(
    sessions: async_sessionmaker[AsyncSession], query: str, *, batch: int | None = None
) -> dict[str, Any]:
    context = gql.Context(sessions, gql.CurrentUser(ADA, frozenset({"admin"})))
    if batch is not None:  # what the resolver would cost without batching
        context.reports_by_manager = DataLoader(load_fn=context.load_reports, max_batch_size=batch)
    result = await gql.build_schema().execute(query, context_value=context)
    assert result.errors is None, result.errors
    data: dict[str, Any] = result.data
    return data


@pytest.mark.parametrize("extra", [0, 10, 30])
async def test_statement_count_does_not_grow_with_parents(engine: AsyncEngine, extra: int) -> None:
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    await seed(sessions, extra_reports=extra)
    with count_statements(engine) as batched:
        data = await run(sessions, NESTED)
    assert len(data["users"]) == 3 + extra
    assert len(batched) == 2, batched  # the users, then one IN (...) for all their reports
    with count_statements(engine) as one_by_one:
        assert await run(sessions, NESTED, batch=1) == data
    assert len(one_by_one) == 1 + 3 + extra  # N+1 without batching


async def test_batch_returns_one_result_per_key_in_key_order(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    context = gql.Context(sessions, None)
    result = await context.load_reports([LINUS, ADA, 99])
    assert [[user.name for user in users] for users in result] == [[], ["Linus", "Grace"], []]


async def test_each_request_gets_fresh_loaders(
    sessions: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    loaders: list[DataLoader[int, Any]] = []

    class Recording(gql.Context):  # type: ignore[misc, name-defined]
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            loaders.append(self.reports_by_manager)

    monkeypatch.setattr(gql, "Context", Recording)
    async with http_client(gql.create_app(sessions)) as client:
        for _ in range(2):
            body = (await post(client, "{ users { reports { name } } }", token())).json()
            assert "errors" not in body
    assert len(loaders) == 2 and loaders[0] is not loaders[1]  # no cache shared across requests


# --- limits: depth, aliases, tokens, cost, page size ---------------------------------------


async def errors(query: str, variables: dict[str, Any] | None = None) -> list[str]:
    # Validation rejects before any resolver runs: no database is needed.
    context = gql.Context(broken_sessions, None)
    result = await gql.build_schema().execute(
        query, variable_values=variables, context_value=context
    )
    return [error.message for error in result.errors or []]


def nest(levels: int) -> str:
    return (
        "{ users(first: 1) { " + "reports(first: 1) { " * levels + "name" + " }" * levels + " } }"
    )


async def test_depth_limit() -> None:
    assert "exceeds maximum operation depth of 6" not in " ".join(await errors(nest(4)))
    assert any("exceeds maximum operation depth of 6" in e for e in await errors(nest(8)))


async def test_alias_limit() -> None:
    query = "{ " + " ".join(f"a{n}: users(first: 1) {{ id }}" for n in range(20)) + " }"
    assert await errors(query) == ["20 aliases found. Allowed: 15"]


async def test_token_limit() -> None:
    query = "{ " + "users(first: 1) { id } " * 400 + "}"
    assert (await errors(query))[0].startswith(
        "Syntax Error: Document contains more than 2000 tokens"
    )


@pytest.mark.parametrize(
    ("query", "cost"),
    [
        ("{ users(first: 100) { reports(first: 100) { name } } }", 10101),  # 1 + 100 * (1 + 100)
        ("{ users(first: 100) { ... on User { reports(first: 50) { id } } } }", 5101),
        ("{ users(first: 50) { ...R } } fragment R on User { reports(first: 50) { id } }", 2551),
        ("query($n: Int!) { users(first: 20) { reports(first: $n) { id } } }", 2021),
    ],
    ids=["nested-lists", "inline-fragment", "fragment-spread", "variable-assumed-max"],
)
async def test_cost_limit(query: str, cost: int) -> None:
    assert await errors(query, {"n": 1}) == [f"Query cost {cost} exceeds the limit of 1000"]


async def test_cost_allows_ordinary_queries() -> None:
    # 1 + 20 * (1 + 1 + 10 * 1): defaults count, 20 users with their first 10 reports
    assert await errors("{ users { name email reports { name } } }") == ["Authentication required"]


async def test_page_size_is_capped(client: httpx.AsyncClient) -> None:
    body = (await post(client, "{ users(first: 101) { name } }", token())).json()
    assert codes(body) == ["BAD_USER_INPUT"]


async def test_extension_instances_are_deprecated() -> None:
    with pytest.warns(DeprecationWarning, match="Passing an extension instance"):
        gql.strawberry.Schema(query=gql.Query, extensions=[gql.QueryDepthLimiter(max_depth=6)])


# --- masked errors -------------------------------------------------------------------------


def broken_sessions() -> Any:
    raise ConnectionError("could not connect to postgresql://report:s3cret@10.0.0.5/prod")


async def test_unexpected_errors_are_masked_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    context = gql.Context(broken_sessions, gql.CurrentUser(ADA, frozenset()))
    with caplog.at_level(logging.ERROR, logger="strawberry.execution"):
        result = await gql.build_schema().execute("{ users { name } }", context_value=context)
    assert result.errors is not None
    assert [e.message for e in result.errors] == ["Unexpected error."]
    assert "s3cret" in caplog.text  # the original stays in the server log

    raw = await gql.build_schema(production=False).execute(
        "{ users { name } }", context_value=context
    )
    assert raw.errors is not None and "s3cret" in raw.errors[0].message  # development only


async def test_client_facing_errors_keep_message_and_code(client: httpx.AsyncClient) -> None:
    denied = (await post(client, "{ users { name } }")).json()["errors"][0]
    assert denied["message"] == "Authentication required"
    too_big = (
        await post(client, "{ users(first: 100) { reports(first: 100) { id } } }", token())
    ).json()
    assert codes(too_big) == ["QUERY_TOO_COMPLEX"]
