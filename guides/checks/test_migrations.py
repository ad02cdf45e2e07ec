"""Proofs for CLAUDE-database.md: its env.py and revisions as a real Alembic project on SQLite.

Revisions 0002-0004 are files of one line, `from mig_000N_... import *`: Alembic loads them
like any revision, and the code that runs is the guide's block. 0001, which the guide only
describes, is written here.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from guidekit import guide_module

mig_models = guide_module("mig_models")
mig_env = guide_module("mig_env")
REVISIONS = {
    "0002_add_display_name.py": guide_module("mig_0002_expand"),
    "0003_backfill_display_name.py": guide_module("mig_0003_backfill"),
    "0004_display_name_not_null.py": guide_module("mig_0004_contract"),
}
REVISION_0001 = """
import sqlalchemy as sa
from alembic import op

revision, down_revision, branch_labels, depends_on = "0001", None, None, None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )


def downgrade() -> None:
    op.drop_table("users")
"""
BROKEN_0005 = """
import sqlalchemy as sa
from alembic import op

revision, down_revision, branch_labels, depends_on = "0005", "0004", None, None


def upgrade() -> None:
    op.create_table("audit_log", sa.Column("id", sa.Integer, primary_key=True))
    op.create_index("ix_audit_log_user_id", "audit_log", ["user_id"])  # no such column


def downgrade() -> None:
    op.drop_table("audit_log")
"""


def write_project(root: Path) -> Config:
    """migrations/env.py and versions/ as `alembic init` lays them out, running guide code."""
    versions = root / "migrations" / "versions"
    versions.mkdir(parents=True)
    # mig_env is imported above, outside any Alembic run, so its import-time guard did
    # nothing; here env.py runs its main() each time Alembic executes the file.
    (root / "migrations" / "env.py").write_text("import mig_env\n\nmig_env.main()\n")
    (versions / "0001_create_users.py").write_text(REVISION_0001)
    for filename, module in REVISIONS.items():
        (versions / filename).write_text(f"from {module.__name__} import *  # noqa: F403\n")
    config = Config()
    config.set_main_option("script_location", str(root / "migrations"))
    return config


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    database_url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("DATABASE_URL", database_url)
    return database_url


@pytest.fixture
def config(tmp_path: Path, url: str) -> Config:
    return write_project(tmp_path)


@pytest.fixture
def engine(url: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(url)
    yield engine
    engine.dispose()


def current(engine: sa.Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def insert(engine: sa.Engine, sql: str, rows: list[dict[str, object]]) -> None:
    with engine.begin() as connection:
        connection.execute(sa.text(sql), rows)


# --- round trips: the stairway the guide describes ---------------------------------------


def schema(engine: sa.Engine) -> dict[str, object]:
    """Columns, indexes and unique constraints of every table but Alembic's own."""
    inspector = sa.inspect(engine)
    return {
        table: (
            [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)],
            sorted(str(ix["name"]) for ix in inspector.get_indexes(table)),
            sorted(str(uq["name"]) for uq in inspector.get_unique_constraints(table)),
        )
        for table in inspector.get_table_names()
        if table != "alembic_version"
    }


def assert_stairway(config: Config, engine: sa.Engine) -> None:
    """Each revision: up, down to exactly the schema before it, up again to the same schema."""
    script = ScriptDirectory.from_config(config)
    assert len(script.get_heads()) == 1, "unmerged branches: alembic merge heads"
    for revision in reversed(list(script.walk_revisions("base", "heads"))):
        before = schema(engine)
        command.upgrade(config, revision.revision)
        after = schema(engine)
        command.downgrade(config, "-1")
        assert schema(engine) == before, f"downgrade of {revision.revision} left changes"
        command.upgrade(config, revision.revision)
        assert schema(engine) == after, f"{revision.revision} differs after a round trip"
    command.check(config)  # the models match the migrated schema


def test_every_revision_round_trips_and_models_match(config: Config, engine: sa.Engine) -> None:
    assert_stairway(config, engine)
    assert current(engine) == "0004"
    command.downgrade(config, "base")
    assert schema(engine) == {}  # nothing but alembic_version is left
    command.upgrade(config, "head")
    assert current(engine) == "0004"


@pytest.mark.parametrize(
    ("module", "broken"),
    [
        ("mig_0002_expand", 'batch_op.drop_column("display_name")'),
        ("mig_0004_contract", "nullable=True"),
    ],
)
def test_the_stairway_catches_a_broken_downgrade(
    module: str, broken: str, config: Config, engine: sa.Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A downgrade that forgets its undo (here: made a no-op) fails the stairway."""
    revision = next(m for m in REVISIONS.values() if m.__name__ == module)
    assert broken in Path(revision.__file__).read_text(encoding="utf-8")  # the guide has it
    monkeypatch.setattr(revision, "downgrade", lambda: None)
    with pytest.raises(Exception, match=r"left changes|duplicate column"):
        assert_stairway(config, engine)


def test_a_second_head_is_reported(config: Config, engine: sa.Engine, tmp_path: Path) -> None:
    branch = REVISIONS["0004_display_name_not_null.py"].__name__
    versions = tmp_path / "migrations" / "versions"
    (versions / "0004b_other_branch.py").write_text(
        f"from {branch} import upgrade, downgrade  # noqa: F401\n"
        'revision, down_revision, branch_labels, depends_on = "0004b", "0003", None, None\n'
    )
    with pytest.raises(AssertionError, match="unmerged branches"):
        assert_stairway(config, engine)


# --- autogenerate review ------------------------------------------------------------------


def test_autogenerate_sees_a_rename_as_drop_and_add(config: Config, engine: sa.Engine) -> None:
    command.upgrade(config, "head")
    renamed = sa.MetaData(naming_convention=mig_models.NAMING_CONVENTION)
    sa.Table(
        "users",
        renamed,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(255), unique=True, nullable=False),
        sa.Column("nickname", sa.String(100), index=True, nullable=False),  # was display_name
    )
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), renamed)
    kinds = {(d[0], d[3].name) for d in diffs if isinstance(d, tuple) and len(d) > 3}
    assert {("add_column", "nickname"), ("remove_column", "display_name")} <= kinds  # data loss


def test_check_fails_while_the_database_is_behind(config: Config) -> None:
    command.upgrade(config, "0003")
    with pytest.raises(Exception, match="not up to date"):
        command.check(config)


# --- expand, backfill, contract ----------------------------------------------------------

OLD_RELEASE_INSERT = "INSERT INTO users (email) VALUES (:email)"


def test_expand_keeps_the_old_release_working_contract_enforces(
    config: Config, engine: sa.Engine
) -> None:
    command.upgrade(config, "0002")
    insert(engine, OLD_RELEASE_INSERT, [{"email": "old.release@example.com"}])
    command.upgrade(config, "head")
    with pytest.raises(sa.exc.IntegrityError, match="NOT NULL"):
        insert(engine, OLD_RELEASE_INSERT, [{"email": "late@example.com"}])


def test_backfill_runs_in_batches_and_keeps_existing_values(
    config: Config, engine: sa.Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    command.upgrade(config, "0002")
    emails = ["ada@example.com", "grace.hopper@example.com", "linus@x.io", "bo@x.io", "cy@x.io"]
    insert(engine, OLD_RELEASE_INSERT, [{"email": email} for email in emails])
    insert(engine, "UPDATE users SET display_name = 'Custom' WHERE email = 'bo@x.io'", [{}])
    monkeypatch.setattr(REVISIONS["0003_backfill_display_name.py"], "BATCH_SIZE", 2)
    updates: list[int] = []
    counting = mig_env.sqlite_transactional_ddl(sa.create_engine(engine.url))

    @sa.event.listens_for(counting, "before_cursor_execute")
    def _count(_conn, _cursor, statement: str, params, _context, many: bool) -> None:
        if statement.startswith("UPDATE users"):
            updates.append(len(params) if many else 1)

    with counting.connect() as connection:  # a lent connection, as a deploy script would
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    counting.dispose()
    assert updates == [2, 2]  # 4 NULL rows, batches of 2: one executemany per batch
    with engine.connect() as connection:
        names = dict(connection.execute(sa.text("SELECT email, display_name FROM users")).all())
    assert names["grace.hopper@example.com"] == "Grace Hopper"
    assert names["bo@x.io"] == "Custom"  # the rerun-safe WHERE display_name IS NULL


def test_the_data_migration_refuses_offline_mode(config: Config) -> None:
    config.output_buffer = io.StringIO()
    with pytest.raises(RuntimeError, match="run it online"):
        command.upgrade(config, "0002:0003", sql=True)


def test_postgres_sql_sets_lock_timeout_and_indexes_concurrently(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://app@db.internal/app")  # offline: no server
    config.output_buffer = buffer = io.StringIO()
    command.upgrade(config, "0001:0002", sql=True)
    sql = buffer.getvalue()
    concurrent = "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_display_name ON users"
    assert sql.index("SET lock_timeout = '5s';") < sql.index("COMMIT;") < sql.index(concurrent)


# --- env.py -------------------------------------------------------------------------------


def test_a_failing_revision_rolls_back_completely(
    config: Config, engine: sa.Engine, tmp_path: Path
) -> None:
    (tmp_path / "migrations" / "versions" / "0005_audit_log.py").write_text(BROKEN_0005)
    with pytest.raises(sa.exc.OperationalError, match="user_id"):
        command.upgrade(config, "head")
    assert current(engine) == "0004"  # the revisions before it stay applied
    assert "audit_log" not in sa.inspect(engine).get_table_names()  # its CREATE TABLE too


def test_the_url_has_no_fallback(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL")
    with pytest.raises(KeyError, match="DATABASE_URL"):
        command.upgrade(config, "head")
