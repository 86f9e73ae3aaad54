"""The coverage picture's title is whole for any range of days: a narrow picture of one day
wraps or shrinks it instead of cutting it at the right edge (and so does a very long unit name)."""

from __future__ import annotations

from pathlib import Path

import pytest
from matplotlib.figure import Figure

from roster import read_workbook
from roster.reports.coverage_png import write_coverage_png
from roster.verify import check

EXAMPLE = Path(__file__).resolve().parents[1] / "inputs" / "ward-hoa-thuan-dong.xlsx"
LONG_UNIT = (
    "Công an phường Hòa Thuận Đông, quận Hải Châu, thành phố Đà Nẵng – Tổ công tác liên ngành"
)


@pytest.mark.parametrize("days, unit", [(1, ""), (7, ""), (28, ""), (1, LONG_UNIT)])
def test_title_lies_within_the_figure(days, unit, tmp_path, monkeypatch):
    data = read_workbook(EXAMPLE)
    settings = {"days": days, **({"unit": unit} if unit else {})}
    data = data.model_copy(update={"settings": data.settings.model_copy(update=settings)})
    figures: list[Figure] = []
    save = Figure.savefig

    def keep(fig: Figure, *args, **kwargs):
        figures.append(fig)
        return save(fig, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", keep)
    gaps = check(data, []).gaps
    path = write_coverage_png(data, [], gaps, list(data.dates), tmp_path / "coverage.png")
    assert path.stat().st_size > 0
    [fig] = figures
    title = fig.get_suptitle()
    assert data.settings.unit in title and f"{data.settings.start_date:%d/%m/%Y}" in title
    renderer = fig.canvas.get_renderer()
    extent = fig._suptitle.get_window_extent(renderer)
    box = fig.bbox
    assert box.x0 <= extent.x0 and extent.x1 <= box.x1, (extent, box)
    assert box.y0 <= extent.y0 and extent.y1 <= box.y1, (extent, box)
    axes = fig.axes[0].get_window_extent(renderer)
    assert extent.y0 >= axes.y1  # above the map, not over it
