"""Every version the page writes is recorded in the history database with command "serve",
so `roster history` and `roster diff` list web edits beside the command line's; a damaged
database refuses the save before any version is written."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from click.testing import CliRunner

from roster.cli import main
from roster.data import Assignment
from roster.history import DEFAULT_NAME, versions
from roster.io.writer import write_roster
from roster.load import read_workbook
from roster.verify import check
from roster.web.app import create_app
from roster.web.state import Loaded, as_result
from roster.web.store import Folder
from tests.web_support import copy_example, csrf_of, local


@pytest.fixture
def one_shift(tmp_path, monkeypatch):
    """A folder whose workbook has a first version of one shift, written without the page."""
    monkeypatch.delenv("ROSTER_HISTORY", raising=False)
    workbook = copy_example(tmp_path)
    data = read_workbook(workbook)
    shift = Assignment(
        date=data.dates[0], shift=data.shifts[0].id, area=data.areas[0].id,
        person=data.people[0].id,
    )  # fmt: skip
    result = as_result(data, [shift], Loaded(data, (shift,), check(data, (shift,))))
    store = Folder(tmp_path)
    wid = store.workbooks()[0].id
    store.save_version(wid, None, "solve", lambda p: write_roster(result, p))
    return tmp_path, wid, shift


def _remove_and_save(folder, wid, shift):
    client = local(create_app(folder))
    html = client.get(f"/w/{wid}/v/1").text
    form = {"csrf": csrf_of(html), "op": "remove", "person": shift.person,
            "day": shift.date.isoformat()}  # fmt: skip
    client.post(f"/w/{wid}/v/1/edit", data=form)
    return client.post(f"/w/{wid}/v/1/save", data={"csrf": csrf_of(html), "based_on": 1})


def test_a_saved_edit_is_in_the_history(one_shift):
    folder, wid, shift = one_shift
    assert _remove_and_save(folder, wid, shift).status_code == 200
    saved = Folder(folder).latest(wid)
    assert saved.number == 2
    recorded = versions(folder / DEFAULT_NAME)
    assert [(v.command, v.shifts) for v in recorded] == [("serve", 0)]
    assert recorded[0].roster_path == str(saved.path.resolve())
    listed = CliRunner().invoke(main, ["history", "--output-dir", str(folder)])
    assert listed.exit_code == 0 and "serve" in listed.output


def test_a_damaged_history_refuses_the_save_and_writes_nothing(one_shift):
    folder, wid, shift = one_shift
    (folder / DEFAULT_NAME).write_bytes(b"not a database at all" * 100)
    answer = _remove_and_save(folder, wid, shift)
    assert answer.status_code == 500
    assert [v.number for v in Folder(folder).versions(wid)] == [1]
