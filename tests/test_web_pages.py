"""`roster serve` pages over the library: open, solve in the background, the roster, edits
checked by the checker, numbered versions with a version check, events, donors and prints."""

from __future__ import annotations

import re
import time
from datetime import date
from html import escape
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from starlette.testclient import TestClient

from roster.errors import InputError
from roster.io.writer import read_assignments, write_roster
from roster.load import read_workbook
from roster.solver import solve
from roster.verify import check
from roster.web.app import create_app
from roster.web.store import Folder
from roster.web.words import words
from tests.web_support import copy_example, csrf_of, local, short_of_people, workbook_id

TEMPLATES = Path(__file__).resolve().parent.parent / "roster" / "web" / "templates"


VI, EN = words("vi"), words("en")


def test_both_languages_have_the_same_page_words():
    assert set(VI) == set(EN) and len(VI) > 100
    assert all(VI[k].count("{") == EN[k].count("{") for k in VI)


def test_every_word_a_page_uses_exists():
    used = set()
    for page in TEMPLATES.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bt\.([a-z_]+)", text))
    assert used <= set(VI), used - set(VI)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A folder with the example (one area asking for far too many people) solved once."""
    folder = tmp_path_factory.mktemp("served")
    workbook = copy_example(folder, edit=short_of_people)
    data = read_workbook(workbook)
    result = solve(data, time_limit=20)  # roomy: the machine may be loaded
    store = Folder(folder)
    wid = store.workbooks()[0].id
    store.save_version(wid, None, "solve", lambda p: write_roster(result, p))
    return folder, wid


def _client(folder: Path) -> TestClient:
    return local(create_app(folder))


def test_open_lists_the_workbooks_and_offers_templates(served):
    folder, wid = served
    client = _client(folder)
    html = client.get("/").text
    assert f'href="/w/{wid}"' in html and "ward.xlsx" in html
    response = client.get("/template/en.xlsx")
    assert response.status_code == 200 and response.content.startswith(b"PK")


def test_the_language_switch(served):
    client = _client(served[0])
    assert VI["open_title"] in client.get("/").text
    assert EN["open_title"] in client.get("/lang?to=en&back=/").text
    assert (
        client.get("/lang?to=vi&back=//evil.example", follow_redirects=False).headers["location"]
        == "/"
    )


def test_validation_problems_by_sheet_row_and_column(tmp_path):
    def bad(wb):
        wb["Cán bộ"].cell(row=3, column=5).value = "nowhere"

    path = copy_example(tmp_path, edit=bad)
    client = _client(tmp_path)
    html = client.get(f"/w/{workbook_id(client.get('/').text)}").text
    row = re.search(r'<table class="list" id="problems">.*?<tbody>\s*<tr>(.*?)</tr>', html, re.S)
    cells = re.findall(r"<td>(.*?)</td>", row.group(1))
    assert cells[0] == "Cán bộ" and cells[1] == "3" and cells[3] == "nowhere"
    with pytest.raises(InputError) as error:
        read_workbook(path)
    problem = next(p for p in error.value.problems if p.row == 3)
    assert cells[4] == escape(problem.expected_text("vi"))  # the page's language, not both


def _wait(client: TestClient, url: str, done: str, seconds: float = 120) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        html = client.get(url).text
        if done in html:
            return html
        if 'id="job-error"' in html:
            break
        time.sleep(0.5)
    error = re.search(r'id="job-error">(.*?)</p>', html, re.S)
    raise AssertionError(f"{done} never appeared; {error[1] if error else html[-600:]}")


def test_a_background_solve_with_progress_one_at_a_time(tmp_path):
    copy_example(tmp_path)
    client = _client(tmp_path)
    wid = workbook_id(client.get("/").text)
    csrf = csrf_of(client.get(f"/w/{wid}").text)
    assert client.post(f"/w/{wid}/solve", data={"csrf": csrf, "limit": "10"}).status_code == 200
    again = client.post(f"/w/{wid}/solve", data={"csrf": csrf, "limit": "10"})
    assert again.status_code == 409 and VI["busy"] in again.text
    other = local(client.app)  # a page closed and opened again: the job is still there
    assert 'id="progress-text"' in other.get(f"/w/{wid}/progress").text
    html = _wait(client, f"/w/{wid}/progress", 'id="job-done"')
    assert f'href="/w/{wid}/v/1"' in html
    path = Folder(tmp_path).version(wid, 1).path
    assert check(read_workbook(path), read_assignments(path)).ok


def test_the_stop_button_keeps_the_best_roster(tmp_path):
    copy_example(tmp_path)
    client = _client(tmp_path)
    wid = workbook_id(client.get("/").text)
    csrf = csrf_of(client.get(f"/w/{wid}").text)
    client.post(f"/w/{wid}/solve", data={"csrf": csrf, "limit": "60"})
    job = client.app.state.jobs.get(wid)
    while job.last is None and not job.done:
        time.sleep(0.2)
    client.post(f"/w/{wid}/stop", data={"csrf": csrf})
    _wait(client, f"/w/{wid}/progress", 'id="job-done"', 60)
    assert job.control.interrupted  # the button, not the 60 s limit, ended the search
    saved = Folder(tmp_path).version(wid, 1)
    assert saved is not None and check(read_workbook(saved.path), read_assignments(saved.path)).ok


def test_the_roster_page_and_a_short_cell_with_its_reason(served):
    folder, wid = served
    client = _client(folder)
    html = client.get(f"/w/{wid}/v/1").text
    assert 'id="coverage"' in html and 'id="grid"' in html
    short = re.search(r'<td class="short"[^>]*data-area="([^"]+)" data-day="([^"]+)"', html)
    assert short is not None
    panel = client.get(f"/w/{wid}/v/1/area?area={short[1]}&day={short[2]}").text
    assert "lý do" in panel and "thiếu" in panel


def _first_shift(html: str) -> tuple[str, str]:
    cell = re.search(r'<td class="ok"[^>]*data-person="([^"]+)" data-day="([^"]+)"', html)
    return cell[1], cell[2]


def test_an_edit_is_checked_before_saving_and_saved_as_a_new_version(served):
    folder, wid = served
    client = _client(folder)
    html = client.get(f"/w/{wid}/v/1").text
    csrf = csrf_of(html)
    person, day = _first_shift(html)
    assert VI["move"] in client.get(f"/w/{wid}/v/1/shift?person={person}&day={day}").text
    data = read_workbook(Folder(folder).version(wid, 1).path)
    before = len(Folder(folder).versions(wid))
    form = {
        "csrf": csrf, "op": "move", "person": person, "day": day,
        "to_day": day, "to_shift": data.shifts[-1].id, "to_area": data.areas[-1].id,
    }  # fmt: skip
    html = client.post(f"/w/{wid}/v/1/edit", data=form).text
    assert 'id="draft"' in html and "chuyển" in html
    assert len(Folder(folder).versions(wid)) == before  # nothing saved yet
    client.post(f"/w/{wid}/v/1/discard", data={"csrf": csrf})
    assert 'id="draft"' not in client.get(f"/w/{wid}/v/1").text


def test_a_broken_rule_is_shown_on_the_cell(served):
    folder, wid = served
    client = _client(folder)
    html = client.get(f"/w/{wid}/v/1").text
    csrf = csrf_of(html)
    # Swap-free way to break a rule: move someone onto a day marked F0 / leave for them.
    person = None
    for m in re.finditer(r'<tr><th>([^<]+)</th><td class="name">[^<]*</td>(.*?)</tr>', html, re.S):
        cells = re.findall(r'<td class="([^"]*)"', m[2])
        if "off" in cells and "ok" in cells:
            person, row = m[1], cells
            break
    assert person is not None
    data = read_workbook(Folder(folder).version(wid, 1).path)
    off_day = data.dates[row.index("off")].isoformat()
    on_day = data.dates[row.index("ok")].isoformat()
    form = {
        "csrf": csrf, "op": "move", "person": person, "day": on_day,
        "to_day": off_day, "to_shift": data.shifts[0].id, "to_area": data.areas[0].id,
    }  # fmt: skip
    html = client.post(f"/w/{wid}/v/1/edit", data=form).text
    assert 'id="violations"' in html and "[status]" in html
    cell = re.search(
        r'<td class="broken" title="([^"]*)"[^>]*data-person="([^"]+)" data-day="([^"]+)"', html
    )
    assert "[status]" in cell[1] and cell[2] == person and cell[3] == off_day
    client.post(f"/w/{wid}/v/1/discard", data={"csrf": csrf})


def test_two_people_saving_one_version_lose_nothing(served):
    folder, wid = served
    first, second = _client(folder), _client(folder)
    base = Folder(folder).latest(wid).number
    for client in (first, second):
        html = client.get(f"/w/{wid}/v/{base}").text
        person, day = _first_shift(html)
        form = {"csrf": csrf_of(html), "op": "remove", "person": person, "day": day}
        client.post(f"/w/{wid}/v/{base}/edit", data=form)
    html = first.get(f"/w/{wid}/v/{base}").text
    saved = first.post(f"/w/{wid}/v/{base}/save", data={"csrf": csrf_of(html), "based_on": base})
    assert VI["msg_saved"] in saved.text
    html = second.get(f"/w/{wid}/v/{base}").text
    late = second.post(f"/w/{wid}/v/{base}/save", data={"csrf": csrf_of(html), "based_on": base})
    assert VI["msg_conflict"] in late.text
    versions = Folder(folder).versions(wid)
    assert [v.number for v in versions[-2:]] == [base + 1, base + 2]
    assert versions[-1].conflict and not versions[-2].conflict
    assert all(v.path.is_file() for v in versions)
    assert Folder(folder).latest(wid).number == base + 1


def test_find_a_cover_and_apply_it(served):
    folder, wid = served
    client = _client(folder)
    base = Folder(folder).latest(wid).number
    html = client.get(f"/w/{wid}/v/{base}").text
    cells = re.findall(r'<td class="ok"[^>]*data-person="([^"]+)" data-day="([^"]+)"', html)
    for person, day in cells[::37][:8]:  # shifts of different people and days
        panel = client.get(f"/w/{wid}/v/{base}/cover?person={person}&day={day}").text
        if 'id="cover-options"' in panel:
            break
    assert 'id="cover-options"' in panel
    form = {"csrf": csrf_of(html), "op": "cover", "person": person, "day": day, "option": "0"}
    html = client.post(f"/w/{wid}/v/{base}/edit", data=form).text
    assert 'id="draft"' in html and "thay ca" in html and 'id="violations"' not in html
    client.post(f"/w/{wid}/v/{base}/discard", data={"csrf": csrf_of(html)})


def test_day_sheet_message_pdf_and_workbook(served):
    folder, wid = served
    client = _client(folder)
    data = read_workbook(Folder(folder).version(wid, 1).path)
    day = data.dates[3].isoformat()
    html = client.get(f"/w/{wid}/v/1/day/{day}").text
    assert 'id="duty"' in html and 'id="chat"' in html and data.settings.unit in html
    pdf = client.get(f"/w/{wid}/v/1/duty.pdf?from={day}&to={day}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    first, last = data.dates[5].isoformat(), data.dates[7].isoformat()
    assert client.get(f"/w/{wid}/v/1/duty.pdf?from={first}&to={last}").status_code == 200
    assert client.get(f"/w/{wid}/v/1/duty.pdf?from={last}&to={first}").status_code == 400
    xlsx = client.get(f"/w/{wid}/v/1/roster.xlsx")
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")


def test_donors(served):
    folder, wid = served
    client = _client(folder)
    data = read_workbook(Folder(folder).version(wid, 1).path)
    url = f"/w/{wid}/v/1/donors?need=O%2B&product=whole_blood&day={data.dates[5].isoformat()}"
    html = client.get(url).text
    assert 'id="eligible"' in html and 'id="excluded"' in html


def test_mark_an_f0_trace_contacts_and_replan(served):
    folder, wid = served
    client = _client(folder)
    base = Folder(folder).latest(wid).number
    html = client.get(f"/w/{wid}/v/{base}").text
    cells = re.findall(r'<td class="ok"[^>]*data-person="([^"]+)" data-day="([^"]+)"', html)
    person, day = max(cells, key=lambda cell: cell[1])  # late: a short re-plan
    html = client.get(f"/w/{wid}/v/{base}/events?person={person}&day={day}").text
    assert 'id="mark-form"' in html
    contacts = re.findall(r'name="f1" value="([^"]+)"(?! disabled)', html)
    form = {
        "csrf": csrf_of(html), "person": person, "day": day, "status": "F0",
        "replan_from": day, "limit": "10", "f1": contacts[:2],
    }  # fmt: skip
    marked = client.post(f"/w/{wid}/v/{base}/mark", data=form)
    assert marked.status_code == 200, marked.text
    html = _wait(client, f"/w/{wid}/v/{base}/events", 'id="changes"')
    assert VI["change_removed"] in html
    accepted = client.post(
        f"/w/{wid}/v/{base}/accept", data={"csrf": csrf_of(html), "do": "accept"}
    )
    assert VI["msg_saved"] in accepted.text
    latest = Folder(folder).latest(wid)
    assert latest.action == "replan" and latest.based_on == base
    data = read_workbook(latest.path)
    marked = date.fromisoformat(day)
    f0 = next(
        s for s in data.statuses
        if s.person == person and s.status.value == "F0" and s.date_from == marked
    )  # fmt: skip
    assert f0.date_to >= marked  # its end set by the isolation rules
    roster = read_assignments(latest.path)
    assert not any(a.person == person and f0.covers(a.date) for a in roster)
    assert check(data, roster).ok


def test_a_place_a_draft_leaves_short_has_its_reason(served):
    folder, wid = served
    client = _client(folder)
    base = Folder(folder).latest(wid).number
    html = client.get(f"/w/{wid}/v/{base}").text
    person, day = _first_shift(html)
    area = next(
        a.area
        for a in read_assignments(Folder(folder).version(wid, base).path)
        if a.person == person and a.date.isoformat() == day
    )
    form = {"csrf": csrf_of(html), "op": "remove", "person": person, "day": day}
    client.post(f"/w/{wid}/v/{base}/edit", data=form)
    panel = client.get(f"/w/{wid}/v/{base}/area?area={area}&day={day}").text
    assert "lý do" in panel and "thiếu 1" in panel
    client.post(f"/w/{wid}/v/{base}/discard", data={"csrf": csrf_of(html)})
