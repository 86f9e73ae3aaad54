"""`roster serve` refuses what it must: no token beyond loopback, cross-site or token-less
POSTs, oversized or non-workbook uploads, paths from the browser, and markup in names."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from click.testing import CliRunner
from starlette.routing import Route
from starlette.testclient import TestClient

from roster.cli import main
from roster.web.app import create_app
from roster.web.security import is_loopback
from roster.web.serve import Unguarded, token_for
from tests.web_support import (
    copy_example,
    csrf_of,
    greedy_version,
    local,
    rename_first_person,
    workbook_id,
)

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy_example(tmp_path)
    return tmp_path


def test_loopback_addresses():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_beyond_loopback_needs_a_token(monkeypatch):
    monkeypatch.delenv("ROSTER_TOKEN", raising=False)
    with pytest.raises(Unguarded):
        token_for("0.0.0.0", None)
    assert token_for("0.0.0.0", "s3cret") == "s3cret"
    assert token_for("127.0.0.1", None) is None
    monkeypatch.setenv("ROSTER_TOKEN", "from-env")
    assert token_for("192.168.1.5", None) == "from-env"


def test_serve_refuses_to_start_unguarded(tmp_path, monkeypatch):
    monkeypatch.delenv("ROSTER_TOKEN", raising=False)
    run = CliRunner().invoke(main, ["serve", str(tmp_path), "--host", "0.0.0.0"])
    assert run.exit_code == 2
    assert "token" in run.output


def test_a_request_without_the_token_is_refused(folder):
    client = local(create_app(folder, token="s3cret"), follow_redirects=False)
    assert client.get("/").status_code == 303
    assert client.get("/").headers["location"] == "/login"
    assert client.post("/upload").status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    csrf = csrf_of(client.get("/login").text)
    assert client.post("/login", data={"csrf": csrf, "token": "nope"}).status_code == 401
    assert client.get("/").status_code == 303
    assert client.post("/login", data={"csrf": csrf, "token": "s3cret"}).status_code == 303
    assert client.get("/").status_code == 200


def _post_routes(app) -> list[str]:
    """Every POST route, with its parameters filled in."""
    paths = []
    for route in app.routes:
        if isinstance(route, Route) and "POST" in (route.methods or ()):
            path = route.path.replace("{wid:str}", "0" * 12).replace("{n:int}", "1")
            paths.append(path)
    return paths


def test_every_post_needs_the_csrf_token(folder):
    app = create_app(folder)
    client = local(app, follow_redirects=False)
    client.get("/")
    routes = _post_routes(app)
    assert len(routes) >= 9
    for path in routes:
        response = client.post(path, data={"x": "1"})
        assert response.status_code == 403, path
        assert "CSRF" in response.text


def test_a_cross_site_post_is_refused(folder):
    client = local(create_app(folder), follow_redirects=False)
    html = client.get("/").text
    wid, csrf = workbook_id(html), csrf_of(html)
    evil = {"Origin": "http://evil.example"}
    response = client.post(f"/w/{wid}/solve", data={"csrf": csrf, "limit": "1"}, headers=evil)
    assert response.status_code == 403
    fetch = {"Sec-Fetch-Site": "cross-site"}
    response = client.post(f"/w/{wid}/solve", data={"csrf": csrf, "limit": "1"}, headers=fetch)
    assert response.status_code == 403
    assert client.app.state.jobs.get(wid) is None


def _upload(client, content: bytes, name: str = "ward.xlsx"):
    csrf = csrf_of(client.get("/").text)
    files = {"workbook": (name, content, "application/octet-stream")}
    return client.post("/upload", data={"csrf": csrf}, files=files)


def test_a_non_workbook_upload_is_refused(folder):
    client = local(create_app(folder), follow_redirects=False)
    response = _upload(client, b"name,shift\nAn,S\n", "roster.csv")
    assert response.status_code == 415
    assert "xlsx" in response.text
    assert not (folder / "uploads").exists() or not list((folder / "uploads").glob("*"))


def test_an_upload_unpacking_to_300_mb_is_refused(folder):
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part,
    ):
        for _ in range(300):
            part.write(b"\0" * 2**20)
    client = local(create_app(folder), follow_redirects=False)
    response = _upload(client, buffer.getvalue())
    assert response.status_code == 415
    assert "unpacks to 300 MB" in response.text
    assert list((folder / "uploads").glob("*.xlsx")) == []


def test_an_upload_over_the_size_limit_is_refused(folder):
    client = local(create_app(folder, max_upload=1000), follow_redirects=False)
    response = _upload(client, b"PK\x03\x04" + b"\0" * 5000)
    assert response.status_code == 413


def test_upload_names_never_reach_the_file_system(folder):
    client = local(create_app(folder), follow_redirects=False)
    content = (folder / "ward.xlsx").read_bytes()
    response = _upload(client, content, "../../etc/passwd")
    assert response.status_code == 303
    stored = list((folder / "uploads").glob("*.xlsx"))
    assert len(stored) == 1 and stored[0].name.startswith("upload-")
    assert "passwd" not in stored[0].name
    assert response.headers["location"].startswith("/w/")


@pytest.mark.parametrize(
    "path",
    [
        "/w/../../etc/passwd",
        "/w/..%2F..%2Fetc%2Fpasswd",
        "/w/%2Fetc%2Fpasswd",
        "/w/ward.xlsx",
        "/w/0123456789ab/v/1/roster.xlsx",
        "/template/..%2F..%2Fetc%2Fpasswd.xlsx",
        "/static/..%2F..%2F..%2Fetc%2Fpasswd",
    ],
)
def test_paths_from_the_browser_are_harmless(folder, path):
    client = local(create_app(folder), follow_redirects=False)
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text


def test_a_version_day_outside_the_roster_is_refused(folder):
    greedy_version(folder, folder / "ward.xlsx")
    client = local(create_app(folder), follow_redirects=False)
    wid = workbook_id(client.get("/").text)
    assert client.get(f"/w/{wid}/v/1/day/2099-01-01").status_code == 400
    assert client.get(f"/w/{wid}/v/1/day/..%2F..%2Fetc").status_code in (400, 404)
    assert client.get(f"/w/{wid}/v/1/area?area=../x&day=2021-08-09").status_code == 400


def test_a_name_with_markup_is_shown_as_text(tmp_path):
    workbook = copy_example(tmp_path, edit=rename_first_person(SCRIPT))
    greedy_version(tmp_path, workbook)
    client = local(create_app(tmp_path))
    wid = workbook_id(client.get("/").text)
    for path in (f"/w/{wid}/v/1", f"/w/{wid}/v/1/events"):
        html = client.get(path).text
        assert SCRIPT not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_input_problem_with_markup_is_shown_as_text(tmp_path):
    def bad_unit(wb):
        ws = wb["Thiết lập"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == "start_date":
                row[1].value = SCRIPT

    copy_example(tmp_path, edit=bad_unit)
    client = local(create_app(tmp_path))
    wid = workbook_id(client.get("/").text)
    html = client.get(f"/w/{wid}").text
    assert 'id="problems"' in html
    assert SCRIPT not in html and "&lt;script&gt;" in html


def test_without_a_token_only_loopback_host_names_are_answered(folder):
    app = create_app(folder)
    assert local(app).get("/").status_code == 200
    assert TestClient(app, base_url="http://localhost:8000").get("/").status_code == 200
    rebound = TestClient(app, base_url="http://attacker.example:8000")
    assert rebound.get("/").status_code == 400
    guarded = create_app(folder, token="s3cret")
    station = TestClient(guarded, base_url="http://192.168.1.5:8000")
    assert station.get("/", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_pages_forbid_inline_scripts(folder):
    response = local(create_app(folder)).get("/")
    assert "script-src" not in response.headers["content-security-policy"]
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
