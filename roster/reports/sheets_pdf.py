"""The printed duty sheets (one or more A4 pages a day) and the per-person duty cards, as PDF.

The font is DejaVu Sans from matplotlib's own data folder: every install of the program has
it, and it carries every Vietnamese precomposed letter, so no name prints as empty boxes.
Pages break only between table rows (an area's group of rows stays together), which is why
automatic page breaking is off and every block measures itself before it is drawn.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from roster.data import Assignment, Mode, Person, ProblemData
from roster.io.atomic import write_atomic
from roster.reports.text import Text, nfc, shift_label
from roster.reports.view import Block, DayView, Post, absence_groups

FONT = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
MARGIN = 12.0
LINE = 3.9  # mm per text line in table cells
PAD = 0.7  # mm above and below the text of a table cell
CELL_MARGIN = 0.9  # mm left and right of the text of a table cell
BODY_PT = 8.5
MIN_NAME_PT = 6.0
GREY = (230, 230, 230)
SHADE = (242, 242, 242)
RED_FILL = (255, 214, 214)
RED_TEXT = (170, 0, 0)
SIGNATURE_H = 40.0

# Columns of the main table (area, rank, name, force, phone, mode, note) and of the
# remote-coordination table (shift, rank, name, force, phone, note): widths in mm.
MAIN_COLUMNS = (
    ("area", 42),
    ("rank", 19),
    ("name", 42),
    ("role", 19),
    ("phone", 21),
    ("mode", 18),
    ("note", 25),
)
REMOTE_COLUMNS = (
    ("shift", 42),
    ("rank", 19),
    ("name", 42),
    ("role", 19),
    ("phone", 21),
    ("note", 43),
)
NO_WRAP = (1, 3)  # name and phone of the duty tables: shrink to fit, never wrap (nor extract split)
CARD_COLUMNS = (
    ("date", 24),
    ("weekday", 22),
    ("shift", 30),
    ("hours", 26),
    ("area", 64),
    ("mode", 20),
)


def font_dir() -> Path:
    """Where matplotlib keeps its DejaVu TrueType fonts."""
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@dataclass(frozen=True)
class Row:
    """One table row: its cell texts, and whether it is a shortfall line (printed in red)."""

    cells: tuple[str, ...]
    missing: bool = False


class DutyPdf(FPDF):
    """An A4 document with the station's header, tables that never split a row, and signatures."""

    def __init__(self, data: ProblemData, text: Text) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.data, self.t = data, text
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self.c_margin = CELL_MARGIN
        self._line_counts: dict[tuple[str, float, str, float], int] = {}
        # Starts a page that carries on the current day or card, header and title included.
        self.continued: Callable[[], None] = self.add_page
        folder = font_dir()
        for style, name in FONT_FILES.items():
            self.add_font(FONT, style, str(folder / name))
        self.set_title(nfc(f"{text('title')} – {data.settings.unit}"))
        self.set_creator("roster")

    @property
    def width(self) -> float:
        return self.w - 2 * MARGIN

    @property
    def bottom(self) -> float:
        return self.h - MARGIN - 6  # room for the page number

    def footer(self) -> None:
        self.set_y(-MARGIN - 2)
        self.set_font(FONT, "", 7)
        self.set_text_color(120)
        self.cell(0, 4, f"{self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0)

    def fits(self, height: float) -> bool:
        return self.get_y() + height <= self.bottom

    def line_text(self, text: str, style: str = "", size: float = 9, align: str = "L") -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(
            self.width, size * 0.5, nfc(text), align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    # --- the official header and the signature block -----------------------------------------

    def official_header(self) -> None:
        """Superior unit and unit on the left, the national motto on the right, both underlined."""
        s = self.data.settings
        left_w, right_w = 84.0, self.width - 84.0
        top = self.get_y()
        self.set_font(FONT, "", 9.5)
        self.set_x(MARGIN)
        if s.parent_unit:
            self.cell(left_w, 5, nfc(s.parent_unit.upper()), align="C")
        self.set_font(FONT, "B", 9.5)
        self.set_xy(MARGIN, top + 5)
        self.multi_cell(
            left_w, 5, nfc(s.unit.upper()), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        left_end = self.get_y()
        self.line(
            MARGIN + left_w / 2 - 14, left_end + 0.6, MARGIN + left_w / 2 + 14, left_end + 0.6
        )
        self.set_xy(MARGIN + left_w, top)
        self.set_font(FONT, "B", 9.5)
        self.cell(right_w, 5, self.t("republic"), align="C")
        self.set_xy(MARGIN + left_w, top + 5)
        self.set_font(FONT, "B", 10)
        self.cell(right_w, 5, self.t("motto"), align="C")
        motto_w = self.get_string_width(self.t("motto"))
        centre = MARGIN + left_w + right_w / 2
        self.line(centre - motto_w / 2, top + 10.6, centre + motto_w / 2, top + 10.6)
        self.set_xy(MARGIN, max(left_end, top + 10) + 5)

    def signatures(self) -> None:
        """'Prepared by' on the left; the commander's title, hint and name on the right."""
        if not self.fits(SIGNATURE_H):
            self.continued()
        top = self.get_y() + 4
        half = self.width / 2
        commander = self.data.settings.commander
        for x, title, name in (
            (MARGIN, self.t("prepared_by"), ""),
            (MARGIN + half, self.t("commander_title"), commander),
        ):
            self.set_xy(x, top)
            self.set_font(FONT, "B", 10)
            self.cell(half, 5, title, align="C")
            self.set_xy(x, top + 5)
            self.set_font(FONT, "I", 8.5)
            self.cell(half, 5, self.t("sign_hint"), align="C")
            if name:
                self.set_xy(x, top + 28)
                self.set_font(FONT, "B", 10)
                self.cell(half, 5, nfc(name), align="C")
        self.set_xy(MARGIN, top + SIGNATURE_H - 4)

    # --- tables ------------------------------------------------------------------------------

    def line_count(self, text: str, width: float) -> int:
        """Lines ``text`` takes in ``width`` with the current font (measured once per text)."""
        text = nfc(text)
        if "\n" not in text and self.get_string_width(text) <= width - 2 * self.c_margin:
            return 1
        key = (text, width, self.font_style, self.font_size_pt)
        if key not in self._line_counts:
            lines = self.multi_cell(width, LINE, text, dry_run=True, output="LINES")
            self._line_counts[key] = max(len(lines), 1)
        return self._line_counts[key]

    def row_height(self, row: Row, widths: Sequence[float], no_wrap: Sequence[int] = ()) -> float:
        self.set_font(FONT, "B" if row.missing else "", BODY_PT)
        if row.missing:
            return LINE + 2 * PAD
        lines = max(
            (1 if k in no_wrap else self.line_count(c, w))
            for k, (c, w) in enumerate(zip(row.cells, widths, strict=True))
        )
        return lines * LINE + 2 * PAD

    def header_row(self, labels: Sequence[str], widths: Sequence[float]) -> None:
        self.set_font(FONT, "B", BODY_PT)
        self.set_fill_color(*GREY)
        y = self.get_y()
        x = MARGIN
        for label, w in zip(labels, widths, strict=True):
            self.rect(x, y, w, LINE + 2 * PAD, style="DF")
            self.set_xy(x, y + PAD)
            self.cell(w, LINE, label, align="C")
            x += w
        self.set_xy(MARGIN, y + LINE + 2 * PAD)

    def _cell(self, x: float, y: float, w: float, h: float, text: str, shrink: bool) -> None:
        """A bordered cell; a name or phone shrinks to one line, anything else wraps."""
        self.rect(x, y, w, h)
        text = nfc(text)
        self.set_xy(x, y + PAD)
        if shrink:
            size = BODY_PT
            while size > MIN_NAME_PT and self.get_string_width(text) > w - 2 * CELL_MARGIN:
                size -= 0.25
                self.set_font_size(size)
            self.cell(w, LINE, text)
            self.set_font_size(BODY_PT)
        else:
            self.multi_cell(w, LINE, text, align="L")

    def group_height(
        self, label: str, rows: Sequence[Row], widths: Sequence[float], no_wrap: Sequence[int] = ()
    ) -> float:
        self.set_font(FONT, "B", BODY_PT)
        label_h = self.line_count(label, widths[0]) * LINE + 2 * PAD
        return max(label_h, sum(self.row_height(r, widths[1:], no_wrap) for r in rows))

    def group(
        self, label: str, rows: Sequence[Row], widths: Sequence[float], no_wrap: Sequence[int] = ()
    ) -> None:
        """A first cell spanning the group (area or shift) beside the group's rows.

        Cells at the ``no_wrap`` positions of a row shrink to one line instead of wrapping.
        """
        heights = [self.row_height(r, widths[1:], no_wrap) for r in rows]
        total = self.group_height(label, rows, widths, no_wrap)
        heights[-1] += total - sum(heights)
        top = self.get_y()
        self.set_font(FONT, "B", BODY_PT)
        self.rect(MARGIN, top, widths[0], total)
        self.set_xy(MARGIN, top + PAD)
        self.multi_cell(widths[0], LINE, nfc(label), align="L")
        y = top
        for row, h in zip(rows, heights, strict=True):
            x = MARGIN + widths[0]
            if row.missing:
                self.set_font(FONT, "B", BODY_PT)
                self.set_fill_color(*RED_FILL)
                self.set_text_color(*RED_TEXT)
                self.rect(x, y, sum(widths[1:]), h, style="DF")
                self.set_xy(x, y + PAD)
                self.cell(sum(widths[1:]), LINE, row.cells[0])
                self.set_text_color(0)
            else:
                self.set_font(FONT, "", BODY_PT)
                for k, (text, w) in enumerate(zip(row.cells, widths[1:], strict=True)):
                    self._cell(x, y, w, h, text, shrink=k in no_wrap)
                    x += w
            y += h
        self.set_xy(MARGIN, top + total)

    def section_title(self, text: str) -> None:
        self.set_font(FONT, "B", 9.5)
        self.set_fill_color(*SHADE)
        self.cell(self.width, 6, nfc(text), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


# --- the daily duty sheet ------------------------------------------------------------------


def _post_cells(post: Post, data: ProblemData, t: Text, mode: bool, area: str = "") -> Row:
    p = post.person
    note = t.reinforcement(p, data.settings)
    if area:
        note = f"{area}; {note}" if note else area
    cells = [p.rank, p.name, t.role(p.role), p.phone]
    if mode:
        cells.append(t.mode(post.mode))
    return Row((*cells, note))


def _block_rows(block: Block, data: ProblemData, t: Text, mode: bool) -> list[Row]:
    rows = [_post_cells(post, data, t, mode) for post in block.posts]
    if block.missing:
        rows.append(Row((t("missing", n=block.missing),), missing=True))
    return rows


def _day_title(pdf: DutyPdf, day: date, continued: bool) -> None:
    t = pdf.t
    pdf.set_font(FONT, "B", 15)
    pdf.cell(pdf.width, 8, t("title"), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "B", 11)
    title = t.long_date(day) + (f" {t('continued')}" if continued else "")
    pdf.cell(pdf.width, 6, title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _new_day_page(pdf: DutyPdf, view: DayView, continued: bool) -> None:
    pdf.add_page()
    pdf.official_header()
    _day_title(pdf, view.date, continued)
    pdf.ln(2)


def _table(
    pdf: DutyPdf,
    caption: str,
    columns: Sequence[tuple[str, float]],
    groups: Sequence[tuple[str, list[Row]]],
) -> None:
    """A captioned table of (never empty) groups; a group that does not fit continues the page."""
    widths = [w for _, w in columns]
    labels = [pdf.t(key) for key, _ in columns]
    head = 6 + LINE + 2 * PAD
    first = pdf.group_height(*groups[0], widths, NO_WRAP)
    if not pdf.fits(head + first + 2):
        pdf.continued()
    pdf.ln(2)
    pdf.section_title(caption)
    pdf.header_row(labels, widths)
    for label, rows in groups:
        if not pdf.fits(pdf.group_height(label, rows, widths, NO_WRAP)):
            pdf.continued()
            pdf.section_title(f"{caption} {pdf.t('continued')}")
            pdf.header_row(labels, widths)
        pdf.group(label, rows, widths, NO_WRAP)


def _absences(pdf: DutyPdf, view: DayView) -> None:
    """People off duty, one line per reason: status, note, until when, and their names."""
    t = pdf.t
    lines = [
        (t.absence_head(status, len(people)), ", ".join(p.name for p in people) + ".")
        for status, people in absence_groups(view)
    ]
    pdf.set_font(FONT, "", 8.5)
    height = 8 + sum(pdf.line_count(h + b, pdf.width) * 4.4 + 1 for h, b in lines) + 4.4
    if not pdf.fits(min(height, 60)):
        pdf.continued()
    pdf.ln(3)
    pdf.section_title(t("off_title"))
    if not lines:
        pdf.line_text(t("nobody_off"), size=8.5)
    for head, names in lines:
        need = pdf.line_count(head + names, pdf.width) * 4.4 + 1
        if not pdf.fits(need):
            pdf.continued()
        pdf.set_font(FONT, "B", 8.5)
        pdf.write(4.4, nfc(head))
        pdf.set_font(FONT, "", 8.5)
        pdf.write(4.4, nfc(names))
        pdf.ln(5.4)


def _day(pdf: DutyPdf, view: DayView) -> None:
    data, t = pdf.data, pdf.t
    pdf.continued = lambda: _new_day_page(pdf, view, continued=True)
    _new_day_page(pdf, view, continued=False)
    pdf.set_font(FONT, "I", 8.5)
    pdf.cell(
        pdf.width,
        5,
        t("summary", shifts=view.posts, people=view.people, missing=view.missing),
        align="C",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    for shift in data.shifts:
        groups = [
            (
                f"{b.area.id} · {b.area.name}" if b.area.name else b.area.id,
                _block_rows(b, data, t, mode=True),
            )
            for b in view.shift_blocks(shift.id)
            if not b.area.is_remote
        ]
        if groups:
            _table(pdf, shift_label(shift).upper(), MAIN_COLUMNS, groups)
    remote = []
    for shift in data.shifts:
        rows = []
        for b in view.shift_blocks(shift.id):
            here = "" if b.area.is_remote else b.area.id
            rows += [_post_cells(p, data, t, False, here) for p in b.posts if p.mode == Mode.REMOTE]
            if b.area.is_remote and b.missing:
                rows.append(Row((t("missing", n=b.missing),), missing=True))
        if rows:
            remote.append((shift_label(shift), rows))
    if remote:
        _table(pdf, t("remote_title"), REMOTE_COLUMNS, remote)
    _absences(pdf, view)
    pdf.signatures()


# --- the per-person duty card --------------------------------------------------------------


def _card_head(pdf: DutyPdf, person: Person, days: Sequence[date], continued: bool) -> None:
    """The card's header: unit and motto, title, period, and whose card it is."""
    data, t = pdf.data, pdf.t
    pdf.add_page()
    pdf.official_header()
    pdf.set_font(FONT, "B", 15)
    title = t("card_title") + (f" {t('continued')}" if continued else "")
    pdf.cell(pdf.width, 8, title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10)
    period = t("card_period", start=t.date(days[0]), end=t.date(days[-1]))
    pdf.cell(pdf.width, 6, period, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    pdf.line_text(" ".join(x for x in (person.rank, person.name) if x), style="B", size=12)
    unit = t.reinforcement(person, data.settings) or data.settings.unit
    facts = [t.role(person.role), f"{t('card_unit')}: {unit}"]
    if person.phone:
        facts.append(f"{t('phone')}: {person.phone}")
    pdf.line_text(" · ".join(facts), size=9.5)
    pdf.ln(2)


def _card(pdf: DutyPdf, person: Person, mine: Sequence[Assignment], days: Sequence[date]) -> None:
    """One person's shifts in ``days`` (never empty), their days off, and the signatures."""
    data, t = pdf.data, pdf.t
    widths = [w for _, w in CARD_COLUMNS]
    labels = [t(key) for key, _ in CARD_COLUMNS]

    def continued() -> None:
        _card_head(pdf, person, days, continued=True)

    pdf.continued = continued
    _card_head(pdf, person, days, continued=False)
    pdf.header_row(labels, widths)
    for a in mine:
        shift, area = data.shift_by_id[a.shift], data.area_by_id[a.area]
        row = Row(
            (
                t.weekday(a.date),
                shift.name or shift.id,
                f"{shift.start:%H:%M}–{shift.end:%H:%M}",
                f"{area.id} – {area.name}" if area.name else area.id,
                t.mode(a.mode),
            )
        )
        if not pdf.fits(pdf.group_height(t.date(a.date), [row], widths)):
            continued()
            pdf.header_row(labels, widths)
        pdf.group(t.date(a.date), [row], widths)
    nights = sum(data.shift_by_id[a.shift].night for a in mine)
    pdf.ln(2)
    pdf.line_text(t("card_total", shifts=len(mine), nights=nights), style="B", size=9.5)
    for s in data.statuses:
        if s.person == person.id and s.date_from <= days[-1] and s.date_to >= days[0]:
            if not pdf.fits(5):
                continued()
            note = f" – {s.note}" if s.note else ""
            pdf.line_text(
                f"{t.status(s.status)}: {t.date(s.date_from)} – {t.date(s.date_to)}{note}", size=9
            )
    pdf.signatures()


def write_duty_pdf(data: ProblemData, views: Sequence[DayView], path: Path) -> Path:
    """The daily duty sheets, one day after another."""
    pdf = DutyPdf(data, Text.of(data.settings))
    for view in views:
        _day(pdf, view)
    return write_atomic(path, lambda tmp: pdf.output(str(tmp)))


def write_cards_pdf(
    data: ProblemData, assignments: Sequence[Assignment], days: Sequence[date], path: Path
) -> Path:
    """One page per person on duty in ``days``: their shifts, their days off, and signatures."""
    order = {s.id: i for i, s in enumerate(data.shifts)}
    wanted = set(days)
    mine: dict[str, list[Assignment]] = defaultdict(list)
    for a in assignments:
        known = a.person in data.person_by_id and a.area in data.area_by_id
        if a.date in wanted and known and a.shift in order:
            mine[a.person].append(a)
    pdf = DutyPdf(data, Text.of(data.settings))
    for person in data.people:
        if mine.get(person.id):
            _card(
                pdf, person, sorted(mine[person.id], key=lambda a: (a.date, order[a.shift])), days
            )
    if not pdf.page_no():
        pdf.add_page()
        pdf.official_header()
        pdf.line_text(pdf.t("card_none"), style="I")
    return write_atomic(path, lambda tmp: pdf.output(str(tmp)))
