"""Shared by the web tests: a served folder, a solved version without waiting for a solve,
the CSRF token of a page, and where the browser test's screenshots go."""

from __future__ import annotations

import os
import re
import shutil
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from roster.io.writer import write_roster
from roster.load import read_workbook
from roster.web.store import Folder

EXAMPLE = Path(__file__).resolve().parent.parent / "inputs" / "ward-hoa-thuan-dong.xlsx"
DOCS = Path(__file__).resolve().parent.parent / "docs"
SCREENSHOTS_ENV = "ROSTER_SCREENSHOTS"  # =1: the browser test rewrites docs/*.png
PEOPLE, REQUIREMENTS = "Cán bộ", "Yêu cầu"


def copy_example(folder: Path, name: str = "ward.xlsx", edit=None) -> Path:
    """The bundled example copied into ``folder``; ``edit(workbook)`` changes the copy."""
    target = folder / name
    shutil.copy(EXAMPLE, target)
    if edit is not None:
        wb = load_workbook(target)
        edit(wb)
        wb.save(target)
    return target


def rename_first_person(name: str):
    def edit(wb) -> None:
        wb[PEOPLE].cell(row=2, column=2).value = name

    return edit


SHORT_DAY = datetime(2021, 8, 20)


def short_of_people(wb) -> None:
    """One area asks for far more people than the ward has free on one day: short cells."""
    wb[REQUIREMENTS].append(["TDP-1", "S", SHORT_DAY, SHORT_DAY, None, 40, 0, None, None, "onsite"])


def greedy_version(folder: Path, workbook: Path) -> int:
    """A first version with no assignments at all (every place short), written at once."""
    from roster.verify import check
    from roster.web.state import Loaded, as_result

    data = read_workbook(workbook)
    loaded = Loaded(data, (), check(data, ()))
    result = as_result(data, [], loaded)
    store = Folder(folder)
    entry = next(e for e in store.workbooks() if e.path == workbook.resolve())
    saved = store.save_version(entry.id, None, "solve", lambda p: write_roster(result, p))
    return saved.version.number


def local(app, **options):
    """A test client that asks for 127.0.0.1, as a browser on the station's machine does."""
    from starlette.testclient import TestClient

    return TestClient(app, base_url="http://127.0.0.1", **options)


def csrf_of(html: str) -> str:
    return re.search(r'(?:name="csrf" value="|"X-CSRF-Token": ")([^"]+)"', html).group(1)


def workbook_id(html: str) -> str:
    return re.search(r'href="/w/([0-9a-f]{12})"', html).group(1)


def screenshot_folder(tmp_path: Path) -> Path:
    """docs/ when ``ROSTER_SCREENSHOTS=1`` asks for new screenshots, else ``tmp_path``: a
    test run leaves the tracked docs/*.png as they are."""
    return DOCS if os.environ.get(SCREENSHOTS_ENV) == "1" else tmp_path


def shot(page, folder: Path, name: str) -> Path:
    """A screenshot of ``page`` as ``folder/name``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    page.screenshot(path=str(path), full_page=False)
    return path
