"""The coverage map as a picture: areas x days, green covered, amber with reinforcements, red short.

The same colours as the roster workbook's coverage sheet, as a PNG a commander can look at on
a phone or paste into a report before reading any table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from roster.coverage_map import COVERED, NONE, REINFORCED, SHORT, coverage_states
from roster.data import Assignment, ProblemData
from roster.findings import Gap
from roster.io.atomic import write_atomic
from roster.reports.text import Text, nfc

TITLE_SIZE, SMALLEST_TITLE = 10.0, 5.0  # points
TITLE_ROOM = 0.96  # of the figure's width
COLOURS = ("#F2F2F2", "#63BE7B", "#FFC000", "#E0474C")  # same meaning as the Coverage sheet


def _fit_title(fig: Figure, head: str, span: str) -> None:
    """The title over the whole figure: on one line if it fits the figure's width, else the
    dates on a second line, then smaller until it fits (a few days make a narrow figure)."""
    renderer = fig.canvas.get_renderer()
    room = TITLE_ROOM * fig.bbox.width
    title = fig.suptitle(f"{head} {span}", fontsize=TITLE_SIZE)
    if title.get_window_extent(renderer).width > room:
        title.set_text(f"{head}\n{span}")
    size = TITLE_SIZE
    while title.get_window_extent(renderer).width > room and size > SMALLEST_TITLE:
        size -= 0.5
        title.set_fontsize(size)


def write_coverage_png(
    data: ProblemData,
    assignments: Sequence[Assignment],
    gaps: Sequence[Gap],
    days: Sequence[date],
    path: Path,
) -> Path:
    """Draw the map; each cell shows the people on duty there that day (or -missing, in red)."""
    t = Text.of(data.settings)
    states, numbers = coverage_states(data, assignments, gaps, days)
    width = min(max(6.0, 2.5 + 0.42 * len(days)), 40.0)
    height = max(3.0, 1.6 + 0.36 * len(data.areas))
    # A bare Figure on the Agg canvas: no pyplot, no global backend, no window, safe in CI.
    fig = Figure(figsize=(width, height), dpi=120)
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    ax.imshow(states, cmap=ListedColormap(COLOURS), vmin=0, vmax=3, aspect="auto")
    if len(days) <= 62:
        for r, row in enumerate(numbers):
            for c, value in enumerate(row):
                if value:
                    ax.text(c, r, str(value), ha="center", va="center", fontsize=7)
    ax.set_xticks(range(len(days)))
    ax.set_xticklabels([f"{t.short_weekday(d)}\n{t.short_date(d)}" for d in days], fontsize=7)
    ax.set_yticks(range(len(data.areas)))
    ax.set_yticklabels([a.id for a in data.areas], fontsize=8)
    ax.set_xticks([x - 0.5 for x in range(1, len(days))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(data.areas))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1.2)
    ax.tick_params(which="minor", length=0)
    span = t.date(days[0]) if len(days) == 1 else f"{t.date(days[0])} – {t.date(days[-1])}"
    _fit_title(fig, nfc(f"{data.settings.unit} – {t('coverage_title')}:"), span)
    legend = [
        Patch(color=COLOURS[k], label=t(label))
        for k, label in (
            (COVERED, "legend_ok"),
            (REINFORCED, "legend_reinforced"),
            (SHORT, "legend_gap"),
            (NONE, "legend_none"),
        )
    ]
    ax.legend(
        handles=legend,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 - 0.4 / height),
        ncol=4,
        fontsize=8,
        frameon=False,
    )
    fig.tight_layout()
    return write_atomic(path, fig.savefig)
