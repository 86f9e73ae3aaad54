"""The browser test writes the tracked docs/*.png only when asked (ROSTER_SCREENSHOTS=1):
an ordinary test run leaves the checkout clean. Needs no browser: a stand-in page records
where it was asked to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web_support import DOCS, SCREENSHOTS_ENV, screenshot_folder, shot


class _Page:
    def __init__(self) -> None:
        self.paths: list[Path] = []

    def screenshot(self, *, path: str, full_page: bool) -> None:
        self.paths.append(Path(path))


def test_screenshots_go_to_the_temporary_folder_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(SCREENSHOTS_ENV, raising=False)
    page = _Page()
    shot(page, screenshot_folder(tmp_path / "shots"), "web-open.png")
    assert page.paths == [tmp_path / "shots" / "web-open.png"]
    assert (tmp_path / "shots").is_dir()


@pytest.mark.parametrize("value", ["", "0", "yes"])
def test_only_1_asks_for_new_screenshots(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SCREENSHOTS_ENV, value)
    assert screenshot_folder(tmp_path) == tmp_path


def test_asked_the_screenshots_are_the_docs_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SCREENSHOTS_ENV, "1")
    page = _Page()
    shot(page, screenshot_folder(tmp_path), "web-roster.png")
    assert page.paths == [DOCS / "web-roster.png"]
    assert DOCS.name == "docs" and (DOCS / "web-roster.png").exists()  # the tracked one
