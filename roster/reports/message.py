"""The daily message for the station's group chat: plain UTF-8 text, short enough for a phone.

One line per area and shift, names with phones so a colleague can call straight from the
chat; remote coordinators, shortfalls and a one-line count of who is off close the message.
Ranks and long area names are left out: on a phone every line that wraps costs a screen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from roster.data import Mode, ProblemData
from roster.io.atomic import write_atomic
from roster.reports.text import Text, nfc
from roster.reports.view import DayView, Post, is_reinforcement


def _who(post: Post, t: Text) -> str:
    p = post.person
    mark = f" [{t('reinforcement_short')}]" if is_reinforcement(p) else ""
    return f"{p.name}{mark}" + (f" {p.phone}" if p.phone else "")


def day_message(data: ProblemData, view: DayView) -> str:
    """The message for one day, ending with a newline."""
    t = Text.of(data.settings)
    lines = [f"{t('title')} {t.long_date(view.date)}", data.settings.unit]
    remote: list[str] = []
    gaps: list[str] = []
    for shift in data.shifts:
        blocks = view.shift_blocks(shift.id)
        onsite = [(b, [p for p in b.posts if p.mode == Mode.ONSITE]) for b in blocks]
        if any(posts for _, posts in onsite):
            lines.append(
                f"\n{shift.name or shift.id} ({shift.id}) {shift.start:%H:%M}-{shift.end:%H:%M}"
            )
        for block, posts in onsite:
            if posts:
                lines.append(f"{block.area.id}: " + ", ".join(_who(p, t) for p in posts))
            if block.missing:
                gaps.append(f"{block.area.id} {shift.id} {t('missing', n=block.missing)}")
        remote += [
            f"{shift.id} {_who(p, t)}" for b in blocks for p in b.posts if p.mode == Mode.REMOTE
        ]
    if remote:
        lines.append(f"\n{t('msg_remote')}: " + "; ".join(remote))
    if gaps:
        lines.append(f"\n{t('msg_gaps')}: " + "; ".join(gaps))
    off = Counter(a.status.status for a in view.absences)
    if off:
        lines.append(
            f"{t('msg_off')}: " + ", ".join(f"{t.short_status(k)} {n}" for k, n in off.items())
        )
    return nfc("\n".join(lines)) + "\n"


def _text_writer(text: str) -> Callable[[Path], int]:
    """A writer of ``text`` as UTF-8, for write_atomic."""
    return lambda path: path.write_text(text, encoding="utf-8")


def write_messages(data: ProblemData, views: Sequence[DayView], folder: Path) -> list[Path]:
    """One ``message-YYYY-MM-DD.txt`` per day (UTF-8), sortable by name."""
    paths = []
    for view in views:
        path = folder / f"message-{view.date:%Y-%m-%d}.txt"
        paths.append(write_atomic(path, _text_writer(day_message(data, view))))
    return paths
