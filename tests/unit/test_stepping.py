"""n and N through a filter's matches: round the ends, from the first when off the list."""

from patternbrowser.core.stepping import step_from


def test_steps_round_the_ends_and_start_at_the_first_or_last():
    matches = [2, 5, 9]
    assert step_from(matches, 5, 1) == 9
    assert step_from(matches, 9, 1) == 2  # round to the first
    assert step_from(matches, 2, -1) == 9  # back round to the last
    assert step_from(matches, 7, 1) == 2  # not among them: the first
    assert step_from(matches, 7, -1) == 9  # ...or the last, stepping back
    assert step_from(matches, 9, 0) == 2  # 0: the first, wherever the cursor is
