"""The progress line and the summary say each tier in its own unit, never a stage's weighted
sum; the stage bound decodes tier by tier; `tier_gap` stops a tier near its bound."""

from __future__ import annotations

import re
from datetime import time

import pytest
from openpyxl import load_workbook
from ortools.sat.python import cp_model

from roster.cli import _Progress
from roster.data import Area, Origin, Requirement, Shift
from roster.io.writer import write_roster
from roster.model.objective import Part, Tier
from roster.result import Status, TierFigure
from roster.solver import ProgressEvent, StagePlan, solve, tier_figures
from roster.summary import progress_line, summary_text
from roster.text.contract import sheet_name
from tests.builders import example_days, police, problem

MORNING = Shift(id="S", start=time(6), end=time(14), night=False)


def _numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\d+", text)}


def _ward_needing_reinforcements():
    """A week with two places a day and two own officers who may work six days each: two
    district shifts are needed, and the reinforcement stage weighs each far above 1."""
    own = [police(1), police(2)]
    district = [police(i, origin=Origin.DISTRICT) for i in (3, 4)]
    return problem(
        [*own, *district],
        [Requirement(area="A", shift="S", min_staff=2)],
        days=7,
        shifts=(MORNING,),
        areas=(Area(id="A"),),
        language="en",
    )


def _plan(weights: tuple[int, ...], lexicographic: bool = True) -> tuple[StagePlan, list[Tier]]:
    model = cp_model.CpModel()
    tiers = [Tier(f"t{i}", model.new_int_var(0, 9, f"t{i}"), 9) for i in range(len(weights))]
    plan = StagePlan("s", 0, 1.0, tuple(zip(weights, tiers, strict=True)), lexicographic)
    return plan, tiers


def test_the_bound_decodes_tier_by_tier_while_tiers_meet_it() -> None:
    plan, tiers = _plan((100, 10, 1))
    values = {tiers[0].var.index: 2, tiers[1].var.index: 3, tiers[2].var.index: 4}

    def read(var: cp_model.IntVar) -> int:
        return values[var.index]

    # 234 found, 231 proven: the leading tiers are at their bounds, the last is 3 of 4.
    assert [f.bound for f in tier_figures(plan, read, 231)] == [2, 3, 1]
    # 215 proven: the second tier may go to 1, so the third has no bound yet.
    assert [f.bound for f in tier_figures(plan, read, 215)] == [2, 1, None]
    # A weighted (not lexicographic) stage: no tier has a bound of its own.
    weighted, _ = _plan((100, 10, 1), lexicographic=False)
    assert [f.bound for f in tier_figures(weighted, read, 234)] == [None, None, None]


def test_a_tier_at_zero_is_proven_and_parts_are_in_their_own_unit() -> None:
    model = cp_model.CpModel()
    peak = model.new_int_var(0, 90, "peak")
    tier = Tier("fairness", model.new_int_var(0, 90, "f"), 90, (Part("shifts", peak, 10),))
    plan = StagePlan("s", 0, 1.0, ((1, tier),), False)
    values = {tier.var.index: 0, peak.index: 60}
    figure = tier_figures(plan, lambda var: values[var.index], 0)[0]
    assert figure.proven and figure.parts == (("shifts", 6),)


def test_progress_and_summary_show_tier_values_not_weighted_sums(tmp_path) -> None:
    data = _ward_needing_reinforcements()
    events: list[ProgressEvent] = []
    result = solve(data, time_limit=30, workers=1, progress=events.append)
    assert result.status == Status.OPTIMAL
    stage = {s.name: s for s in result.stages}
    strict = stage["reinforcements"]
    figures = {f.name: f for f in strict.tiers}
    assert figures["named_reinforcements"].value == 2 and figures["named_reinforcements"].proven
    assert strict.objective > 2  # weighted: the figure below must not be it

    weighted = {s.objective for s in result.stages} | {s.bound for s in result.stages}
    shown = {f.value for s in result.stages for f in s.tiers if f.name != "fairness"}
    shown |= {n for s in result.stages for f in s.tiers for _k, n in f.parts}
    internal = weighted - shown - {0}
    assert internal, "the test needs a weighted sum that differs from every tier's figure"

    text = summary_text(result, None, 1.0)
    assert "reinforcement shifts 2 (proven)" in text
    assert "uncovered places 0 (proven)" in text
    assert not internal & _numbers(text)
    for event in events:
        line = progress_line(event, "en")
        assert not (internal - {f.value for f in event.tiers}) & _numbers(line)
    assert any("reinforcement shifts" in progress_line(e, "en") for e in events)

    # The roster workbook's summary sheet says the stages the same way.
    book = write_roster(result, tmp_path / "roster.xlsx")
    rows = list(load_workbook(book)[sheet_name("summary", "en")].iter_rows(values_only=True))
    stages = " ".join(str(value) for label, value in rows if str(label).startswith("stage "))
    assert "reinforcement shifts 2 (proven)" in stages
    assert not internal & _numbers(stages)


def test_the_cli_progress_line_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    event = ProgressEvent(
        stage="reinforcements",
        elapsed=12.3,
        objective=592592,
        bound=296296,
        tiers=(
            TierFigure("peak_requested", 0, 0),
            TierFigure("named_reinforcements", 592, 296, (("district_shifts", 592),)),
            TierFigure("surplus_shifts", 3, None),
        ),
        settled=(TierFigure("uncovered", 0, 0),),
    )
    _Progress(False, "vi", after=0.0)(event)
    line = capsys.readouterr().err
    assert "592592" not in line and "296296" not in line
    assert "chỗ trống 0 (đã chứng minh)" in line
    assert "ca tăng cường 592 (cận dưới 296, khoảng cách 50.0%)" in line
    assert "ca dư so với nhu cầu 3 (chưa có cận" in line


def test_tier_gap_stops_a_stage_near_its_bound_unproven() -> None:
    """Two weeks of the example: the reinforcement tier's bound stays far below any roster
    for a long time, so the stage ends at the gap, not proven; the preferences here are the
    requests alone, proven at once. The time limit is a guard, not a measure."""
    data = example_days(14)
    settings = data.settings.model_copy(
        update={"tier_gap": 0.5, "weight_fairness": 0, "weight_continuity": 0}
    )
    result = solve(data.model_copy(update={"settings": settings}), time_limit=300)
    stage = {s.name: s for s in result.stages}
    assert stage["uncovered"].status == "optimal"
    strict = stage["reinforcements"]
    assert strict.status == "feasible"
    assert 0 < strict.gap <= 0.5
    assert result.status == Status.FEASIBLE
    reinforcements = next(f for f in strict.tiers if f.name == "named_reinforcements")
    assert reinforcements.bound is not None and not reinforcements.proven


def _even_spread_ward():
    """Five own officers, one place a day for two weeks: someone works at least 3 shifts."""
    return problem(
        [police(i) for i in range(1, 6)],
        [Requirement(area="A", shift="S", min_staff=1)],
        days=14,
        shifts=(MORNING,),
        areas=(Area(id="A"),),
        weight_continuity=0,
    )


def test_the_average_cut_keeps_the_proven_fairness_optimum(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cut only states what every roster already obeys: the proven optimum is the same
    with and without it."""
    from roster.model import objective

    with_cut = solve(_even_spread_ward(), time_limit=60, workers=1)
    monkeypatch.setattr(objective, "_average_cut", lambda *args: None)
    without = solve(_even_spread_ward(), time_limit=60, workers=1)
    assert with_cut.status == without.status == Status.OPTIMAL
    assert with_cut.tiers["fairness"] == without.tiers["fairness"]
    fairness = next(f for f in with_cut.stages[-1].tiers if f.name == "fairness")
    assert dict(fairness.parts)["shifts"] == 3
