"""`roster cover`: ranked candidates on a busy day of the bundled example, swap chains on a
hand-built ward, and the command's options and exit codes."""

from __future__ import annotations

from collections import Counter

import pytest
from click.testing import CliRunner

from roster import check
from roster.cli import main
from roster.cover import apply_moves, plan_cover
from tests.builders import chain_ward as ward

WHOLE = "the whole roster would break a rule"


def test_busy_day_ranked_with_whole_roster_checks_only_for_real_candidates(announced, monkeypatch):
    """Cheap same-day tests weed people out, so the checker runs on the whole month only for
    the baseline and for people who pass them: that, not a stopwatch, is what keeps it fast."""
    data, roster, _ = announced
    busiest = Counter(a.date for a in roster).most_common(1)[0][0]
    target = next(a for a in roster if a.date == busiest and a.mode == "onsite")
    whole_month = []

    def counting(d, assignments):
        whole_month.extend([1] if d is data else [])
        return check(d, assignments)

    monkeypatch.setattr("roster.cover.check", counting)
    plan = plan_cover(data, roster, target.person, busiest, target.shift)
    assert plan.candidates
    assert set(plan.refusals) | {c.person for c in plan.candidates} == {
        p.id for p in data.people if p.id != target.person
    }
    refused_late = sum(1 for why in plan.refusals.values() if why == WHOLE)
    assert 1 <= len(whole_month) <= 1 + len(plan.candidates) + refused_late < len(data.people)
    keys = [(c.knock_on, c.shifts_so_far, not c.home_area) for c in plan.candidates]
    assert keys == sorted(keys)
    for c, (move,) in zip(plan.candidates, plan.options(), strict=True):
        assert c.place == move.after == target.model_copy(update={"person": c.person})
        after = apply_moves(roster, plan.target, [move])
        assert target not in after and move.after in after
        assert len(after) == len(roster) - (move.before is not None)


def test_chain_of_swaps_when_nobody_can_take_it_directly():
    data, roster = ward()
    plan = plan_cover(data, roster, "P1", data.settings.start_date, "S")
    assert plan.candidates == ()
    assert "M" in plan.refusals and "P2" in plan.refusals
    (chain,) = plan.chains
    assert [(m.person, m.after.area) for m in chain.moves] == [("P2", "A"), ("M", "B")]
    after = apply_moves(roster, plan.target, chain.moves)
    report = check(data, after)
    assert report.ok and not report.gaps


def test_cli_cover_apply_and_bad_input(tmp_path):
    from roster.io.problem_writer import write_problem_workbook
    from roster.io.writer import read_assignments, write_roster
    from roster.solver import solve

    data, _ = ward()
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    result = solve(data, time_limit=5)
    roster_path = write_roster(result, tmp_path / "ward-roster.xlsx")
    police_a = next(a for a in result.assignments if a.area == "A")
    runner = CliRunner()
    args = ["cover", police_a.person, str(book), "--shift", "S", "--roster", str(roster_path)]
    res = runner.invoke(main, [*args, "--date", "01/08/2021", "--apply", "-o", str(tmp_path / "o")])
    assert res.exit_code == 0, res.output
    written = next((tmp_path / "o").glob("*-cover-*.xlsx"))
    assert check(data, read_assignments(written)).ok
    assert (tmp_path / "o" / f"{written.stem}-sheets").is_dir()
    for bad in (["--date", "2021-08-05"], ["--date", "5/13/2021"]):
        res = runner.invoke(main, [*args, *bad])
        assert res.exit_code == 2 and "Traceback" not in res.output


@pytest.mark.parametrize("who", ["NOBODY"])
def test_cli_cover_unknown_person_is_exit_2(tmp_path, who):
    from roster.io.problem_writer import write_problem_workbook
    from roster.io.writer import write_roster
    from roster.solver import solve

    data, _ = ward()
    book = write_problem_workbook(data, tmp_path / "ward.xlsx")
    roster_path = write_roster(solve(data, time_limit=5), tmp_path / "r.xlsx")
    res = CliRunner().invoke(
        main,
        [
            "cover",
            who,
            str(book),
            "--date",
            "2021-08-01",
            "--shift",
            "S",
            "--roster",
            str(roster_path),
        ],
    )
    assert res.exit_code == 2 and "NOBODY" in res.output
