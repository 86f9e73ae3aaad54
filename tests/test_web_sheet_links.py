"""Input problems on the Open page link to the sheet with the offending row highlighted; the
sheet is named by its place in the workbook, never by a name from the URL, and every value
shown is escaped."""

from __future__ import annotations

import html
import re

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from roster.web.app import create_app
from tests.web_support import PEOPLE, copy_example, local

SCRIPT = "<script>alert(1)</script>"
BAD_ROW = 4
ROLE = 4  # the people sheet's role column: a script is no role


def _bad_role(wb) -> None:
    wb[PEOPLE].cell(row=BAD_ROW, column=ROLE).value = SCRIPT


@pytest.fixture
def client(tmp_path):
    copy_example(tmp_path, edit=_bad_role)
    return local(create_app(tmp_path))


def _problem_link(client) -> str:
    home = client.get("/").text
    wid = re.search(r'href="/w/([0-9a-f]{12})"', home).group(1)
    page = client.get(f"/w/{wid}").text
    found = re.search(r'class="problem-link" href="([^"]+)"', page)
    assert found, page
    return html.unescape(found.group(1))


def test_a_problem_links_to_its_row_on_its_sheet(client):
    link = _problem_link(client)
    assert link.endswith(f"#row-{BAD_ROW}") and "/sheet/3?" in link  # the people sheet: 4th
    page = client.get(link.split("#")[0])
    assert page.status_code == 200
    row = re.search(rf'<tr id="row-{BAD_ROW}" class="problem">(.*?)</tr>', page.text, re.S)
    assert row, page.text
    assert 'class="problem-cell"' in row.group(1)
    assert "&lt;script&gt;" in row.group(1)


def test_the_value_is_shown_as_text_not_run(client):
    page = client.get(_problem_link(client).split("#")[0]).text
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_sheet_is_found_only_by_its_place(client):
    base = _problem_link(client).split("/sheet/")[0]
    assert client.get(f"{base}/sheet/99").status_code == 404
    assert client.get(f"{base}/sheet/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get(f"{base}/sheet/3?row=x").status_code == 400
    assert client.get("/w/000000000000/sheet/0").status_code == 404
