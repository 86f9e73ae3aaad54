"""The team column and the team settings (issue 15), read in either language and written back."""

from __future__ import annotations

from pathlib import Path

import pytest

from roster.errors import InputError
from roster.io.problem_writer import write_problem_workbook
from roster.load import read_workbook
from tests.builders import base, write_book


def _book(tmp_path: Path, settings: list[list[object]], column: str = "tổ") -> Path:
    sheets = base()
    sheets["Settings"] += settings
    people = sheets["People"]
    people[0].append(column)
    for row, team in zip(people[1:], ["A", "B", None, None], strict=True):
        row.append(team)
    return write_book(tmp_path / "teams.xlsx", sheets)


def test_vietnamese_names(tmp_path: Path) -> None:
    settings = [
        ["tách tổ", "theo ca"],
        ["số ngày mỗi lượt tổ", 3],
        ["tách tổ bắt buộc", "có"],
        ["trọng số tiếp xúc", 4],
        ["số ngày truy vết", 3],
    ]
    data = read_workbook(_book(tmp_path, settings))
    s = data.settings
    assert (s.team_separation, s.team_block_days, s.team_strict) == ("shift", 3, True)
    assert (s.weight_contacts, s.trace_days) == (4, 3)
    assert [p.team for p in data.people] == ["A", "B", "", ""]


def test_english_names_and_defaults(tmp_path: Path) -> None:
    data = read_workbook(_book(tmp_path, [["team_separation", "day"]], column="team"))
    s = data.settings
    assert (s.team_separation, s.team_block_days, s.team_strict, s.weight_contacts) == (
        "day",
        None,
        False,
        0,
    )
    assert s.trace_days == 2


def test_an_unknown_separation_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="một cách tách tổ"):  # the workbook's language
        read_workbook(_book(tmp_path, [["tách tổ", "theo tuần"]]))


def test_teams_written_back(tmp_path: Path) -> None:
    data = read_workbook(_book(tmp_path, [["tách tổ", "địa bàn"], ["tách tổ bắt buộc", "có"]]))
    again = read_workbook(write_problem_workbook(data, tmp_path / "again.xlsx"))
    assert again.people == data.people
    assert again.settings == data.settings
