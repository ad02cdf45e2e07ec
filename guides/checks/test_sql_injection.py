"""Proofs for 'SQL Injection Prevention Examples' (CLAUDE-validation.md): module sqli_queries."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from pydantic import ValidationError
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from guidekit import asgi_client, guide_module, memory_engine

sqli_queries = guide_module("sqli_queries")
Customer = sqli_queries.Customer

PAYLOADS = [
    "' OR '1'='1",
    "' UNION SELECT sql FROM sqlite_master WHERE type = 'table' --",
    "x'; DROP TABLE customers; --",
    '" OR ""="',
    "%",
    "_",
    "\\",
]
CUSTOMERS = [
    ("Ada Lovelace", "ada@example.com", "GB"),
    ("Grace Hopper", "grace@example.com", "US"),
    ("Pat O'Brien", "o'brien@example.com", "IE"),
    ("50% Off Shop", "deals@example.com", "US"),
    ("Shop_1", "shop1@example.com", "DE"),
]


@pytest.fixture
async def engine() -> AsyncIterator[AsyncEngine]:
    engine = memory_engine()
    async with engine.begin() as conn:
        await conn.run_sync(sqli_queries.Base.metadata.create_all)
        await conn.execute(
            text('CREATE TABLE orders (id INTEGER PRIMARY KEY, "order" TEXT, total INTEGER)')
        )
        await conn.execute(text("INSERT INTO orders (\"order\", total) VALUES ('A-1', 10)"))
        await conn.execute(text("CREATE TABLE users (id INTEGER PRIMARY KEY, password_hash TEXT)"))
    async with AsyncSession(engine) as session, session.begin():
        session.add_all(Customer(name=n, email=e, country=c) for n, e, c in CUSTOMERS)
    yield engine
    await engine.dispose()


async def count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Customer)) or 0)


async def test_the_attack_works_against_string_built_sql(engine: AsyncEngine) -> None:
    """What the guide defends against: the same payloads, formatted into the SQL text."""

    async def vulnerable(session: AsyncSession, email: str) -> list[str]:
        sql = f"SELECT email FROM customers WHERE email = '{email}'"
        return list((await session.execute(text(sql))).scalars())

    async with AsyncSession(engine) as session:
        assert len(await vulnerable(session, PAYLOADS[0])) == len(CUSTOMERS)  # tautology
        leaked = await vulnerable(session, PAYLOADS[1])
        assert any("CREATE TABLE users" in row for row in leaked)  # the schema leaks
        with pytest.raises(DBAPIError):  # a legitimate value breaks the query
            await vulnerable(session, "o'brien@example.com")


@pytest.mark.parametrize("payload", PAYLOADS)
async def test_payloads_are_plain_values(engine: AsyncEngine, payload: str) -> None:
    async with AsyncSession(engine) as session:
        assert await sqli_queries.find_by_email(session, payload) is None
        assert await sqli_queries.names_in(session, [payload, "GB"]) == ["Ada Lovelace"]
        found = await sqli_queries.find_by_email(session, "o'brien@example.com")
        assert found is not None and found.name == "Pat O'Brien"
        assert await count(session) == len(CUSTOMERS)  # nothing dropped or deleted


def test_values_are_sent_apart_from_the_sql(engine: AsyncEngine) -> None:
    stmt = select(Customer.id).where(Customer.email == PAYLOADS[0])
    compiled = stmt.compile(engine.sync_engine)
    assert "?" in str(compiled) and "OR '1'" not in str(compiled)
    assert list(compiled.params.values()) == [PAYLOADS[0]]


async def test_search_escapes_like_and_sorts_by_allow_list(engine: AsyncEngine) -> None:
    search, model = sqli_queries.search, sqli_queries.CustomerSearch
    async with AsyncSession(engine) as session:
        assert await search(session, model(q="grace")) == ["Grace Hopper"]
        assert await search(session, model(q="%")) == ["50% Off Shop"]  # a literal %
        assert await search(session, model(q="_")) == ["Shop_1"]  # a literal _
        assert await search(session, model(q="' OR '1'='1")) == []
        page = await search(session, model(sort="country", direction="desc", limit=2))
        assert page == ["Grace Hopper", "50% Off Shop"]


@pytest.mark.parametrize(
    "bad",
    [
        {"sort": "name; DROP TABLE customers"},
        {"sort": "(SELECT password_hash FROM users)"},
        {"direction": "asc, (SELECT 1)"},
        {"limit": 10_000},
        {"country": "GB' --"},
        {"unexpected": "1"},
    ],
)
def test_search_model_rejects_injected_parameters(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        sqli_queries.CustomerSearch.model_validate(bad)


async def test_route_answers_422_before_any_sql(engine: AsyncEngine) -> None:
    app = FastAPI()
    app.state.sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
    app.include_router(sqli_queries.router)
    async with asgi_client(app) as client:
        r = await client.get("/customers", params={"q": "ada"})
        assert r.json() == ["Ada Lovelace"]
        r = await client.get("/customers", params={"sort": "name desc; DROP TABLE customers"})
        assert r.status_code == 422
        assert (await client.get("/customers", params={"q": "' OR 1=1 --"})).json() == []
        assert len((await client.get("/customers")).json()) == len(CUSTOMERS)


async def test_export_allows_only_listed_identifiers(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        # "order" is a reserved word: the reflected column is quoted by the dialect.
        assert await sqli_queries.export(conn, "orders", ["order", "total"]) == [("A-1", 10)]
        for table, columns in [
            ("users", ["password_hash"]),  # a real table, not exportable
            ("orders; DROP TABLE users", ["id"]),  # injection in the table name
            ("customers", ["email"]),  # a real column, not exportable
            ("customers", ["name FROM users --"]),  # injection in a column name
            ("customers", []),
        ]:
            with pytest.raises(sqli_queries.UnknownIdentifier):
                await sqli_queries.export(conn, table, columns)
        assert "users" in await conn.run_sync(lambda c: inspect(c).get_table_names())


def test_quoting_is_syntax_not_access_control(engine: AsyncEngine) -> None:
    preparer = engine.dialect.identifier_preparer
    assert preparer.quote("order") == '"order"'
    assert preparer.quote('evil"name') == '"evil""name"'
