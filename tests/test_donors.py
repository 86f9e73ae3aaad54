"""The blood-donor bank (roster.donors) and the shift-cover ranking it uses (roster.cover).

The scenarios run on the bundled example workbook, read as a user's file would be, so the
people, statuses and donation record they rely on are the ones `inputs/make_example.py`
writes (see its ``_donations`` docstring).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from roster.cli import main
from roster.cover import rank_cover
from roster.data import Assignment, Donation, Person, ProblemData, Product, StatusKind
from roster.donors import (
    COMPATIBILITY,
    GROUPS,
    Match,
    eligible_from,
    find_donors,
    tally,
)
from roster.errors import InputError
from roster.io.problem_writer import write_problem_workbook
from roster.io.vocabulary import parse_blood_group, parse_product
from roster.load import read_workbook
from roster.model.build import build_model
from roster.model.hint import greedy_roster
from roster.reports.donors import chat_message, format_search, format_tally, note_text
from roster.verify import check
from tests.builders import EXAMPLE

IN_HORIZON = date(2021, 8, 20)  # mid-outbreak: 13 officers F0, 9 F1, reinforcements on site
AFTER = date(2021, 9, 23)  # the F0 officers' status ended on 03/09, 20 days before


# ---------------------------------------------------------------------------- the chart

# Each row is a patient; its cells are the donors O- O+ A- A+ B- B+ AB- AB+, in that order.
# "=" identical group, "s" same ABO group (Rh-negative donor), "c" compatible, "." may not.
#
# Red cells and whole blood: the American Red Cross blood type compatibility chart
# (https://www.redcrossblood.org/donate-blood/blood-types.html, "Red blood cell
# compatibility"), the same chart the National Institute of Hematology and Blood
# Transfusion (Viện Huyết học - Truyền máu Trung ương) teaches: O- gives to all, AB+
# receives from all, Rh-positive cells never go to an Rh-negative patient.
RED_CELLS = """
O-  = . . . . . . .
O+  s = . . . . . .
A-  c . = . . . . .
A+  c c s = . . . .
B-  c . . . = . . .
B+  c c . . s = . .
AB- c . c . c . = .
AB+ c c c c c c s =
"""
# Plasma: the American Red Cross plasma compatibility chart (same page, "Plasma
# compatibility"): AB plasma goes to every patient, O plasma only to O; Rh plays no part.
PLASMA = """
O-  = s c c c c c c
O+  s = c c c c c c
A-  . . = s . . c c
A+  . . s = . . c c
B-  . . . . = s c c
B+  . . . . s = c c
AB- . . . . . . = s
AB+ . . . . . . s =
"""
# Apheresis platelets: suspended in the donor's plasma, so ABO by the plasma chart above,
# and carrying some red cells, so Rh by the red-cell chart (Rh-negative patients get
# Rh-negative platelets); ABO-identical first, other compatible groups flagged (AABB
# Technical Manual, platelet selection; NIHBT practice).
PLATELETS = """
O-  = . c . c . c .
O+  s = c c c c c c
A-  . . = . . . c .
A+  . . s = . . c c
B-  . . . . = . c .
B+  . . . . s = c c
AB- . . . . . . = .
AB+ . . . . . . s =
"""
CELL = {"=": Match.IDENTICAL, "s": Match.SAME_ABO, "c": Match.COMPATIBLE, ".": None}


def _chart(text: str) -> dict[tuple[str, str], Match | None]:
    cells = {}
    for line in text.strip().splitlines():
        patient, *row = line.split()
        assert len(row) == len(GROUPS), line
        for donor, mark in zip(GROUPS, row, strict=True):
            cells[donor, patient] = CELL[mark]
    return cells


@pytest.mark.parametrize(
    ("product", "chart"),
    [(Product.WHOLE_BLOOD, RED_CELLS), (Product.PLASMA, PLASMA), (Product.PLATELETS, PLATELETS)],
)
def test_compatibility_table_cell_by_cell(product: Product, chart: str):
    expected = _chart(chart)
    assert len(expected) == 64
    for (donor, patient), match in expected.items():
        assert COMPATIBILITY.get((product, donor, patient)) == match, (product, donor, patient)


def test_the_table_holds_only_charted_cells():
    assert {k[0] for k in COMPATIBILITY} == set(Product)
    assert all(d in GROUPS and p in GROUPS for _, d, p in COMPATIBILITY)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        *[("B+", "B+"), (" b rh+ ", "B+"), ("AB dương", "AB+"), ("O(-)", "O-"), ("0+", "O+")],
        *[("A âm", "A-"), ("nhóm AB-", "AB-"), ("ab neg", "AB-"), ("o positive", "O+")],
    ],
)
def test_parse_blood_group(text: str, group: str):
    assert parse_blood_group(text) == group


@pytest.mark.parametrize("text", ["B", "C+", "", "AB+-", "A1+", "7"])
def test_parse_blood_group_wants_abo_and_rh(text: str):
    with pytest.raises(ValueError, match="Rh sign"):
        parse_blood_group(text)


def test_parse_product():
    assert parse_product("tiểu cầu") == parse_product("Platelets") == Product.PLATELETS
    assert parse_product("whole_blood") == parse_product("mau toan phan") == Product.WHOLE_BLOOD
    assert parse_product("huyết tương") == Product.PLASMA
    with pytest.raises(ValueError, match="whole_blood, platelets or plasma"):
        parse_product("blood")


# ---------------------------------------------------------------------------- the scenarios


@pytest.fixture(scope="module")
def data(example_data: ProblemData) -> ProblemData:
    return example_data


@pytest.fixture(scope="module")
def roster(data: ProblemData) -> list[Assignment]:
    """A full, legal roster of the example in a fraction of a second (the greedy warm start)."""
    chosen = greedy_roster(data, build_model(data))
    roster = [
        Assignment(date=data.dates[d], shift=s, area=a, person=p, mode=m)
        for (p, d, s, m), a in chosen.items()
    ]
    report = check(data, roster)
    assert report.violations == () and report.gaps == ()
    return roster


def test_b_positive_platelets_after_the_outbreak(data: ProblemData):
    """Acceptance: exactly the eligible people, in the documented order, and why the rest wait.

    Order: identical group (B+) before compatible (AB+, flagged); within each, longest since
    the last donation first (never given = longest); then off duty before on duty (no roster
    here, so nobody is known to be on duty); then id.
    """
    search = find_donors(data, "B+", Product.PLATELETS, AFTER)
    never_b = ["CA011", "CATP06", "DP07", "DQ04", "DQ07", "DQ12", "DQ13", "DQ14"]
    never_b += ["QHC07", "QHC09", "QHC10"]
    gave_b = ["DQ09", "QHC02", "CA009"]  # 89, 42 and 21 days since their last donation
    never_ab = ["CA012", "CA034", "CATP02", "DQ01", "DQ03", "QHC05"]
    gave_ab = ["CA014"]  # plasma 61 days before
    assert [d.person.id for d in search.eligible] == never_b + gave_b + never_ab + gave_ab
    assert [d.days_since for d in search.eligible if d.days_since is not None] == [89, 42, 21, 61]
    assert {d.match for d in search.eligible[:14]} == {Match.IDENTICAL}
    compatible = search.eligible[14:]
    assert {d.match for d in compatible} == {Match.COMPATIBLE}
    assert all([f.key for f in d.flags] == ["abo_compatible_platelets"] for d in compatible)

    excluded = {e.person.id: e for e in search.excluded}
    assert set(excluded) == {"CA010", "CA028", "CA031", "CA007", "CA022", "DQ08"} | {
        "CA029",
        "QHC01",
        "DQ11",
    }
    # F0 from 11/08 to 03/09, ended 20 days before: eligible 8 days later (28 days' deferral).
    f0 = excluded["CA010"]
    status = next(s for s in data.statuses if s.person == "CA010")
    assert status.status == StatusKind.F0 and AFTER - status.date_to == timedelta(days=20)
    assert [r.key for r in f0.reasons] == ["covid_recent"]
    assert f0.eligible_from == AFTER + timedelta(days=8) == date(2021, 10, 1)
    assert "03/09/2021" in note_text(f0.reasons[0], "vi") and "28" in note_text(f0.reasons[0], "en")
    # DQ08 gave whole blood five weeks before, and nothing since: two weeks have passed since
    # the last donation, but the interval is the one of the product given last (whole blood,
    # 84 days), so no platelets until 11/11.
    wb = excluded["DQ08"]
    last = max((d for d in data.donations if d.person == "DQ08"), key=lambda d: d.date)
    assert last.product == Product.WHOLE_BLOOD and (AFTER - last.date).days == 35
    assert [r.key for r in wb.reasons] == ["interval_last"]
    assert wb.eligible_from == last.date + timedelta(days=84) == date(2021, 11, 11)
    # CA009 gave whole blood before, and platelets three weeks ago: the last product was
    # platelets, two weeks have passed, so they may give platelets again.
    history = sorted((d for d in data.donations if d.person == "CA009"), key=lambda d: d.date)
    assert history[-1].product == Product.PLATELETS and (AFTER - history[-1].date).days == 21
    assert Product.WHOLE_BLOOD in {d.product for d in history}
    # Too light for apheresis: no date, waiting does not help.
    assert excluded["CA029"].eligible_from is None
    assert [r.key for r in excluded["CA029"].reasons] == ["underweight"]
    # Soonest eligible first, those who cannot become eligible by waiting last.
    assert [e.person.id for e in search.excluded][-3:] == ["CA029", "QHC01", "DQ11"]
    assert search.other_groups + len(search.eligible) + len(search.excluded) == len(data.people)


def test_mid_outbreak_with_the_roster(data: ProblemData, roster: list[Assignment]):
    search = find_donors(data, "B+", Product.PLATELETS, IN_HORIZON, roster)
    covid = {s.person for s in data.statuses if s.status in (StatusKind.F0, StatusKind.F1)}
    covid_now = {
        s.person
        for s in data.statuses
        if s.status in (StatusKind.F0, StatusKind.F1) and s.covers(IN_HORIZON)
    }
    assert not covid_now & {d.person.id for d in search.eligible}
    excluded = {e.person.id: e for e in search.excluded}
    assert covid_now & {p.id for p in data.people if p.blood_group in ("B+", "AB+")} <= set(
        excluded
    )
    assert excluded["CA012"].reasons[0].key == "covid_now"  # F1 to 25/08: from 22/09
    assert excluded["CA012"].eligible_from == date(2021, 9, 22)
    assert excluded["QHC02"].eligible_from == date(2021, 8, 26)  # platelets on 12/08
    assert excluded["DQ09"].eligible_from == date(2021, 9, 18)  # whole blood on 26/06
    assert excluded["DQ08"].eligible_from == date(2021, 11, 11)  # whole blood the day before
    assert covid.isdisjoint(d.person.id for d in search.eligible)

    # The documented order, key by key; off duty before on duty where the rest ties.
    keys = [
        (
            list(Match).index(d.match),
            -(d.days_since if d.days_since is not None else 10**6),
            d.shift is not None,
            d.person.id,
        )
        for d in search.eligible
    ]
    assert keys == sorted(keys)
    never_b = [d for d in search.eligible if d.match == Match.IDENTICAL and d.days_since is None]
    duty = [d.shift is not None for d in never_b]
    assert duty == sorted(duty) and True in duty and False in duty

    # Every donor on duty has a cover, and the roster with the swap applied breaks nothing.
    on_duty = [d for d in search.eligible if d.shift is not None]
    assert on_duty
    for donor in on_duty:
        cover = donor.cover
        assert cover is not None and cover.place.date == IN_HORIZON
        assert (cover.place.shift, cover.place.area) == (donor.shift.shift, donor.shift.area)
        assert cover.person == cover.place.person != donor.person.id
        best = rank_cover(data, roster, donor.person.id, IN_HORIZON, donor.shift.shift, limit=1)
        assert cover == best[0]  # the best-ranked cover, not merely a legal one

    text = format_search(data, search)
    assert "người trực thay" in text and "không trực" in text
    message = chat_message(data, search)
    assert message.startswith("KHẨN") and search.eligible[0].person.name in message


def test_nobody_eligible_is_said_plainly(data: ProblemData):
    """Only O- cells go to an O- patient; without O- people the message says to look elsewhere."""
    others = tuple(p for p in data.people if p.blood_group != "O-")
    search = find_donors(
        data.model_copy(update={"people": others}), "O-", Product.WHOLE_BLOOD, AFTER
    )
    assert search.eligible == search.excluded == ()
    assert search.other_groups == len(others)
    assert "ngân hàng máu" in chat_message(data, search)


# ---------------------------------------------------------------------------- the rules


def _with(data: ProblemData, **changes: object) -> ProblemData:
    """A changed copy, built afresh (``model_copy`` would keep the cached id lookups)."""
    return ProblemData(**{name: getattr(data, name) for name in ProblemData.model_fields} | changes)


def _one(data: ProblemData, person: Person, *donations: Donation) -> ProblemData:
    """The example with one extra registered donor and their donations."""
    return _with(data, people=(*data.people, person), donations=(*data.donations, *donations))


def _person(**extra: object) -> Person:
    fields = {"id": "X1", "name": "Thử Nghiệm", "blood_group": "B+"}
    fields |= {"birth_date": date(1990, 1, 1), "weight_kg": 60.0}
    return Person(**(fields | extra))


def _why(data: ProblemData, product: Product, day: date = AFTER) -> list[str]:
    search = find_donors(data, "B+", product, day)
    found = [e for e in search.excluded if e.person.id == "X1"]
    return [r.key for r in found[0].reasons] if found else []


def test_age_limits(data: ProblemData):
    young = _one(data, _person(birth_date=date(2003, 10, 5)))  # 18 on 05/10/2021
    assert _why(young, Product.WHOLE_BLOOD) == ["too_young"]
    assert eligible_from(young, young.person_by_id["X1"], Product.WHOLE_BLOOD, AFTER) == date(
        2021, 10, 5
    )
    sixty = _one(data, _person(birth_date=date(1961, 1, 1)))  # 60 all of 2021: may give
    assert _why(sixty, Product.WHOLE_BLOOD) == []
    old = _one(data, _person(birth_date=date(1960, 9, 1)))  # 61 on 01/09/2021
    assert _why(old, Product.WHOLE_BLOOD) == ["too_old"]
    assert eligible_from(old, old.person_by_id["X1"], Product.WHOLE_BLOOD, AFTER) is None
    unknown = _one(data, _person(birth_date=None, weight_kg=None))
    assert _why(unknown, Product.PLASMA) == ["no_birth_date", "no_weight"]


def test_weight_limits(data: ProblemData):
    light = _one(data, _person(weight_kg=43.0))
    assert _why(light, Product.WHOLE_BLOOD) == []  # 250 ml allowed, flagged
    donor = next(
        d
        for d in find_donors(light, "B+", Product.WHOLE_BLOOD, AFTER).eligible
        if d.person.id == "X1"
    )
    assert [f.key for f in donor.flags] == ["only_250ml"]
    assert _why(light, Product.PLATELETS) == ["underweight"]
    assert _why(_one(data, _person(weight_kg=41.5)), Product.WHOLE_BLOOD) == ["underweight"]
    assert _why(_one(data, _person(weight_kg=50.0)), Product.PLASMA) == []


def test_intervals_follow_the_product_given_last(data: ProblemData):
    def gave(*rows: tuple[int, Product]) -> ProblemData:
        given = [Donation(person="X1", date=AFTER - timedelta(days=n), product=k) for n, k in rows]
        return _one(data, _person(), *given)

    wb, plt, pla = Product.WHOLE_BLOOD, Product.PLATELETS, Product.PLASMA
    assert _why(gave((13, plt)), plt) == ["interval_last"]
    assert _why(gave((14, plt)), plt) == []
    assert _why(gave((14, pla)), plt) == []  # after plasma, the apheresis interval
    assert _why(gave((83, wb)), plt) == ["interval_last"]  # after whole blood, 84 days
    assert _why(gave((84, wb)), pla) == []
    assert _why(gave((14, plt)), wb) == []  # whole blood two weeks after platelets
    # ... but not within 84 days of the last whole blood, whatever came between.
    both = gave((100, wb), (70, plt), (20, plt))
    assert _why(both, wb) == []
    both = gave((60, wb), (20, plt))
    assert _why(both, wb) == ["interval_whole_blood"]
    assert _why(both, plt) == []
    person = both.person_by_id["X1"]
    assert eligible_from(both, person, wb, AFTER) == AFTER + timedelta(days=24)
    assert _why(gave((0, plt)), plt) == ["interval_last"]  # already gave that day


def test_settings_change_the_rules(data: ProblemData):
    loose = _with(
        data, settings=data.settings.model_copy(update={"donor_deferral_after_covid_days": 10})
    )
    search = find_donors(loose, "B+", Product.PLATELETS, AFTER)
    assert "CA010" in {d.person.id for d in search.eligible}
    english = _with(data, settings=data.settings.model_copy(update={"language": "en"}))
    search = find_donors(english, "B+", Product.PLATELETS, AFTER)
    text = format_search(english, search)
    assert "platelets for a B+ patient on 23/09/2021: 21 may give" in text
    assert "may give from 01/10/2021" in text and "not by waiting" in text
    assert chat_message(english, search).startswith("URGENT")


def test_blood_group_is_validated_on_the_people_sheet(data: ProblemData, tmp_path: Path):
    bad = data.people[0].model_copy(update={"blood_group": "B"})
    path = write_problem_workbook(
        _with(data, people=(bad, *data.people[1:])), tmp_path / "bad.xlsx"
    )
    with pytest.raises(InputError) as caught:
        read_workbook(path)
    (problem,) = caught.value.problems
    assert problem.row == 2 and problem.column == "nhóm máu"
    assert "có dấu Rh" in problem.expected_text()  # the workbook's language: Vietnamese


# ---------------------------------------------------------------------------- cover


def test_rank_cover_orders_its_candidates_and_names_their_moves(
    data: ProblemData, roster: list[Assignment]
):
    shift = next(a for a in roster if a.date == IN_HORIZON and a.area.startswith("TDP"))
    ranked = rank_cover(data, roster, shift.person, IN_HORIZON, shift.shift)
    assert ranked
    keys = [
        (c.knock_on, c.shifts_so_far, not c.home_area, ["own", "district", "city"].index(c.origin))
        for c in ranked
    ]
    assert keys == sorted(keys)
    on_day = {a.person: a for a in roster if a.date == IN_HORIZON}
    for c in ranked:
        assert c.place == shift.model_copy(update={"person": c.person})
        assert c.moved_from == on_day.get(c.person)  # the post they leave, if any
    unavailable = {
        s.person for s in data.statuses if s.covers(IN_HORIZON) and s.status != StatusKind.F1
    }
    assert unavailable.isdisjoint(c.person for c in ranked)
    assert shift.person not in {c.person for c in ranked}
    assert rank_cover(data, roster, shift.person, IN_HORIZON, shift.shift, limit=2) == ranked[:2]
    with pytest.raises(ValueError, match="no shift"):
        rank_cover(data, roster, shift.person, IN_HORIZON + timedelta(days=60), "S")


# ---------------------------------------------------------------------------- the tally


def test_tally(data: ProblemData):
    rows = tally(data)
    assert rows[0].person.id == "CA001" and rows[0].total == 7
    assert rows[0].counts == {Product.WHOLE_BLOOD: 7}
    in_2021 = {t.person.id: t for t in tally(data, 2021)}
    assert in_2021["CA009"].counts == {Product.PLATELETS: 2}
    assert sum(t.total for t in in_2021.values()) == 15
    text = format_tally(data, tally(data, 2021), 2, 2021)
    assert "năm 2021: 15 lần, 11 người" in text
    assert text.endswith("[QHC02]: 2") and "từ 2 lần trở lên (4 người)" in text


# ---------------------------------------------------------------------------- the command


def _roster_file(roster: list[Assignment], path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Assignments"
    ws.append(["date", "shift", "area", "person", "mode"])
    for a in roster:
        ws.append([a.date, a.shift, a.area, a.person, a.mode.value])
    wb.save(path)
    return path


def test_cli_search_with_roster(roster: list[Assignment], tmp_path: Path):
    path = _roster_file(roster, tmp_path / "roster.xlsx")
    args = ["donors", str(EXAMPLE), "--need", "b+", "--product", "tiểu cầu"]
    result = CliRunner().invoke(main, [*args, "--date", "20/8/2021", "--roster", str(path)])
    assert result.exit_code == 0, result.output
    assert "Cần tiểu cầu nhóm B+ ngày 20/08/2021" in result.output
    assert "người trực thay" in result.output and "KHẨN" in result.output


def test_cli_search_without_roster_and_report():
    args = ["donors", str(EXAMPLE), "--need", "B+", "--product", "platelets"]
    result = CliRunner().invoke(main, [*args, "--date", "2021-09-23"])
    assert result.exit_code == 0, result.output
    assert "21 người đủ điều kiện" in result.output
    assert "đủ điều kiện từ 01/10/2021" in result.output
    result = CliRunner().invoke(main, ["donors", str(EXAMPLE), "--report", "--min-times", "5"])
    assert result.exit_code == 0, result.output
    assert "Thiếu tá Nguyễn Văn Hùng [CA001]: 7" in result.output


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--need", "B", "blood group"),
        ("--product", "blood", "whole_blood, platelets or plasma"),
        ("--date", "31/02/2021", "date"),
    ],
)
def test_cli_bad_values_exit_2_without_traceback(option: str, value: str, words: str):
    good = {"--need": "B+", "--product": "platelets", "--date": "23/09/2021"}
    good[option] = value
    args = ["donors", str(EXAMPLE), *[x for kv in good.items() for x in kv]]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.output and words in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def test_cli_needs_a_question():
    result = CliRunner().invoke(main, ["donors", str(EXAMPLE), "--need", "B+"])
    assert result.exit_code == 2 and "--report" in result.output
