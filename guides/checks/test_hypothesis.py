"""Proofs for the Hypothesis section: its properties catch planted bugs, its advice holds."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import FailedHealthCheck, HypothesisWarning
from hypothesis.stateful import run_state_machine_as_test
from pydantic import BaseModel, Field, ValidationError

from guidekit import guide_module, run_pytest

hyp = guide_module("hyp_properties")
registry = guide_module("hyp_registry")

# The guide's own properties and state machine, collected as tests of this module.
test_split_preserves_the_total = hyp.test_split_preserves_the_total
test_split_rejects_zero_parts = hyp.test_split_rejects_zero_parts
test_order_json_round_trip = hyp.test_order_json_round_trip
test_duplicate_skus_are_rejected = hyp.test_duplicate_skus_are_rejected


class GuideRegistryMachine(registry.RegistryMachine):
    """The guide's machine, run as the guide runs it. Hypothesis digests a machine's class
    source with inspect.getsource, which for a class parses the whole file: the guide's
    Markdown is no Python, so the machine under test is this subclass of a real .py file.
    """


TestRegistry = GuideRegistryMachine.TestCase
TestRegistry.settings = registry.TestRegistry.settings

QUIET = settings(database=None, deadline=None)  # planted bugs must not land in .hypothesis/


def test_split_property_catches_lost_cents(monkeypatch: pytest.MonkeyPatch) -> None:
    def floor_split(total_cents: int, parts: int) -> list[int]:
        return [total_cents // parts] * parts  # the bug: the remainder disappears

    monkeypatch.setattr(hyp, "split_amount", floor_split)
    with pytest.raises(AssertionError):
        hyp.test_split_preserves_the_total()


def test_duplicate_sku_property_catches_a_missing_validator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class UncheckedOrder(BaseModel):  # the same fields, the validator forgotten
        currency: str
        lines: list[hyp.OrderLine]

    line = hyp.OrderLine(sku="ABC-0001", quantity=1, unit_price_cents=100)
    order = hyp.Order(currency="EUR", lines=[line])
    monkeypatch.setattr(hyp, "Order", UncheckedOrder)
    # The property's body on one order (no search: every generated order would fail).
    with pytest.raises(pytest.fail.Exception, match="DID NOT RAISE"):
        hyp.test_duplicate_skus_are_rejected.hypothesis.inner_test(order)


def test_state_machine_finds_a_forgetful_delete() -> None:
    class ForgetfulRegistry(registry.UserRegistry):
        def delete(self, user_id: int) -> None:
            self.names.pop(user_id)  # the bug: the name stays taken

    class BuggyMachine(registry.RegistryMachine):
        registry_class = ForgetfulRegistry

    search = settings(QUIET, max_examples=300, report_multiple_bugs=False)
    with pytest.raises(registry.DuplicateUsername) as caught:
        run_state_machine_as_test(BuggyMachine, settings=search)
    steps = "\n".join(caught.value.__notes__)
    # Shrunk to three steps: register a name, delete that user, register the name again.
    assert re.search(
        r"(\w+) = state\.register\(username='\w+'\)\n.*state\.delete\(user_id=\1\)\n"
        r".*state\.register\(username='\w+'\)",
        steps,
        re.S,
    ), steps


def test_shrinking_reports_the_minimal_input() -> None:
    def chunk(items: list[int], size: int) -> list[list[int]]:
        # Bug: the range stops before the last, partial chunk.
        return [items[i : i + size] for i in range(0, len(items) - len(items) % size, size)]

    @QUIET
    @given(st.lists(st.integers()), st.integers(min_value=1, max_value=10))
    def round_trip(items: list[int], size: int) -> None:
        assert [x for part in chunk(items, size) for x in part] == items

    with pytest.raises(AssertionError) as caught:
        round_trip()
    assert re.search(r"items=\[0\],\s*size=2", "\n".join(caught.value.__notes__))


def test_filtering_fails_its_health_check_generating_does_not() -> None:
    username = r"[a-z][a-z0-9_]{2,15}"
    accepted: list[str] = []

    @QUIET
    @given(st.text().filter(lambda name: re.fullmatch(username, name) is not None))
    def filtered(name: str) -> None:
        accepted.append(name)

    @QUIET
    @given(st.from_regex(username, fullmatch=True))
    def generated(name: str) -> None:
        assert re.fullmatch(username, name)

    with pytest.raises(FailedHealthCheck, match=HealthCheck.filter_too_much.name):
        filtered()
    generated()


def test_inferred_strategy_ignores_the_pattern() -> None:
    @settings(QUIET, max_examples=25, phases=[Phase.generate])  # no shrinking: just fail
    @given(st.builds(hyp.OrderLine))
    def build_line(line: object) -> None:
        pass

    with pytest.warns(HypothesisWarning, match="pattern"), pytest.raises(ValidationError):
        build_line()


def test_backslash_d_accepts_other_digits() -> None:
    class LooseLine(BaseModel):
        sku: str = Field(pattern=r"^[A-Z]{3}-\d{4}$")

    arabic_indic = "ABC-\u0661\u0662\u0663\u0664"
    assert LooseLine(sku=arabic_indic).sku == arabic_indic  # \d: accepted
    with pytest.raises(ValidationError):
        hyp.OrderLine(sku=arabic_indic, quantity=1, unit_price_cents=0)  # [0-9]: rejected


@pytest.fixture(scope="module")
def profiles() -> ModuleType:
    before = settings.get_current_profile_name()
    module = guide_module("hyp_profiles")  # loads a profile on import, like a conftest
    settings.load_profile(before)  # ... which must not change the rest of this suite
    return module


def test_profiles_are_chosen_from_the_environment(profiles: ModuleType) -> None:
    assert profiles.profile_for({}) == "dev"
    assert profiles.profile_for({"CI": "true"}) == "ci"
    assert profiles.profile_for({"CI": "true", "HYPOTHESIS_PROFILE": "nightly"}) == "nightly"
    assert settings.get_profile("dev").max_examples == 50
    ci = settings.get_profile("ci")
    assert (ci.max_examples, ci.derandomize, ci.database) == (300, True, None)


def test_ci_profile_replays_the_same_inputs(profiles: ModuleType) -> None:
    seen: list[int] = []

    @settings(settings.get_profile("ci"), max_examples=30)
    @given(st.integers())
    def record(n: int) -> None:
        seen.append(n)

    record()
    first = list(seen)
    seen.clear()
    record()
    assert seen == first and len(set(first)) > 5


FIXTURE_CART = """
import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st


@pytest.fixture
def cart() -> list[int]:
    return []  # meant to be fresh for every example


@given(st.integers(min_value=1, max_value=5))
def test_refused(cart: list[int], quantity: int) -> None:
    cart.append(quantity)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], database=None)
@given(st.integers(min_value=1, max_value=5))
def test_silenced(cart: list[int], quantity: int) -> None:
    cart.append(quantity)
    assert cart == [quantity]
"""


@pytest.mark.slow
def test_function_scoped_fixtures_leak_between_examples(tmp_path: Path) -> None:
    (tmp_path / "test_cart.py").write_text(FIXTURE_CART)
    code, output = run_pytest(tmp_path, "-p", "no:xdist", "-p", "no:syrupy", "-p", "no:anyio")
    assert code == 1
    assert "FailedHealthCheck" in output and "function-scoped fixture 'cart'" in output
    # Silenced, the second example sees the first example's item.
    assert re.search(r"test_silenced.*\n(.*\n)*?.*cart=\[\d+(, \d+)+\]", output), output
