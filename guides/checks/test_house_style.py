"""Proofs for the house-style example of CONTRIBUTING.md: `house_session`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from guidekit import guide_module

house_session = guide_module("house_session")


def test_a_session_expires_at_its_deadline() -> None:
    now = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
    session = house_session.Session.start(user_id=42, now=now)
    assert session.expires_at == now + house_session.SESSION_TTL
    assert not session.is_expired(now=session.expires_at - timedelta(seconds=1))
    assert session.is_expired(now=session.expires_at)


def test_a_session_cannot_be_extended_in_place() -> None:
    session = house_session.Session.start(user_id=42)
    with pytest.raises(ValidationError, match="frozen"):
        session.expires_at += timedelta(days=365)


def test_a_naive_deadline_is_refused() -> None:
    with pytest.raises(ValidationError, match="timezone"):
        house_session.Session(user_id=42, expires_at=datetime(2030, 1, 1))
