"""The daily duty sheets as a print-ready workbook: one worksheet a day, set up for A4.

Many stations print from Excel and touch the sheet up first, so this is the PDF's layout in
cells: same header, same tables, same signatures, with the page set up (A4 portrait, fit to
one page wide, the table header repeated on every printed page, print area set).

Spreadsheet programs do not grow a row for wrapped text in a merged cell (and LibreOffice keeps
the stored height of the others), so every row holding wrapped text gets its height here, from
an estimate of the lines each cell wraps to that errs high. Nor do they keep a merged cell on
one page: a page break goes before an area that would not fit on the page, and the shift's
label starts again under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from math import ceil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from roster.data import ProblemData
from roster.io.xlsx import put, save_atomic
from roster.reports.text import Text, nfc, shift_label
from roster.reports.view import Block, DayView, Post, absence_groups

COLUMNS = ("shift", "area", "rank", "name", "role", "phone", "mode", "note")
WIDTHS = (16, 22, 11, 26, 11, 13, 9, 24)
LAST = "H"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E6E6E6")
SECTION_FILL = PatternFill("solid", fgColor="F2F2F2")
RED_FILL = PatternFill("solid", fgColor="FFD6D6")
WRAP = Alignment(wrap_text=True, vertical="center")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
TABLE_ROW = 8  # the header row printed again on every page
LINE = 15.0  # points a line of 11-point text takes (Excel's default row height)
AIR = 4.0  # points more for text of two lines or more: accents stacked on the first line
DEFAULT_HEIGHT = 15.0
MAX_HEIGHT = 409.0  # Excel's limit for one row
# A column's width counts digits of the default font. A character's width in those digits, by
# kind (upper case, other letters, digit, space, the rest): the mean of the Vietnamese letters
# in DejaVu Sans and Serif (LibreOffice's stand-ins where Calibri is missing) plus 5%; bold
# text is wider by BOLD.
UPPER, LETTER, DIGIT, SPACE, OTHER = 1.23, 0.97, 1.06, 0.53, 0.84
BOLD = 1.1
PADDING = 1.0  # digits of a column's width taken by the cell's margins
A4_WIDTH, A4_HEIGHT = 595.0, 842.0  # points
SIDE_MARGIN, END_MARGIN = 0.5, 0.6  # inches, left and right / top and bottom
DIGIT_POINTS = 5.25  # points per unit of column width in Excel's Calibri (7 pixels)
FILL = 0.9  # of a page's height planned for: room for what the estimates miss


def _merged(ws: Worksheet, row: int, first: str, last: str, value: str, **style: object):
    ws.merge_cells(f"{first}{row}:{last}{row}")
    cell = put(ws, row, ws[f"{first}{row}"].column, nfc(value))
    for key, val in style.items():
        setattr(cell, key, val)
    return cell


def _header(ws: Worksheet, data: ProblemData, t: Text, day: date) -> None:
    s = data.settings
    _merged(ws, 1, "A", "C", s.parent_unit.upper(), alignment=CENTRE, font=Font(size=10))
    _merged(ws, 2, "A", "C", s.unit.upper(), alignment=CENTRE, font=Font(bold=True, size=10))
    _merged(ws, 1, "D", LAST, t("republic"), alignment=CENTRE, font=Font(bold=True, size=10))
    _merged(
        ws,
        2,
        "D",
        LAST,
        t("motto"),
        alignment=CENTRE,
        font=Font(bold=True, underline="single", size=11),
    )
    ws.row_dimensions[2].height = 28
    _merged(ws, 4, "A", LAST, t("title"), alignment=CENTRE, font=Font(bold=True, size=15))
    _merged(ws, 5, "A", LAST, t.long_date(day), alignment=CENTRE, font=Font(bold=True, size=12))


def _post(ws: Worksheet, row: int, post: Post, data: ProblemData, t: Text, note: str) -> None:
    p = post.person
    extra = t.reinforcement(p, data.settings)
    values = (
        p.rank,
        p.name,
        t.role(p.role),
        p.phone,
        t.mode(post.mode),
        "; ".join(x for x in (note, extra) if x),
    )
    for c, value in enumerate(values, start=3):
        put(ws, row, c, nfc(value)).alignment = WRAP


def _missing(ws: Worksheet, row: int, block: Block, t: Text) -> None:
    _merged(
        ws,
        row,
        "C",
        LAST,
        t("missing", n=block.missing),
        fill=RED_FILL,
        font=Font(bold=True, color="AA0000"),
        alignment=WRAP,
    )


def _group(ws: Worksheet, row: int, column: int, height: int, value: str) -> None:
    """A label cell spanning ``height`` rows (the shift or the area of a group)."""
    if height > 1:
        ws.merge_cells(
            start_row=row, start_column=column, end_row=row + height - 1, end_column=column
        )
    cell = put(ws, row, column, nfc(value))
    cell.alignment = WRAP
    cell.font = Font(bold=True)


def _block(ws: Worksheet, row: int, block: Block, data: ProblemData, t: Text) -> int:
    """One area's rows of a shift, their heights set. Returns the next row."""
    start = row
    for post in block.posts:
        _post(ws, row, post, data, t, "")
        row += 1
    if block.missing:
        _missing(ws, row, block, t)
        row += 1
    label = f"{block.area.id} – {block.area.name}" if block.area.name else block.area.id
    _group(ws, start, 2, row - start, label)
    _fit_rows(ws, start, row - 1)
    return row


def _table(ws: Worksheet, row: int, view: DayView, data: ProblemData, t: Text) -> int:
    """The shift x area table (remote areas are groups too, mode Remote), an area never split
    over two pages. Returns the next row."""
    for c, key in enumerate(COLUMNS, start=1):
        cell = put(ws, row, c, t(key))
        cell.font, cell.fill, cell.alignment = Font(bold=True), HEAD_FILL, CENTRE
    _fit_rows(ws, 1, row)
    room, used = _page_room(), _height(ws, 1, row)
    row += 1
    for shift in data.shifts:
        label_start = row
        for block in view.shift_blocks(shift.id):
            start = row
            row = _block(ws, row, block, data, t)
            needed = _height(ws, start, row - 1)
            if used + needed > room and start > TABLE_ROW + 1:
                if start > label_start:
                    _shift_group(ws, label_start, start, shift_label(shift))
                label_start = start
                ws.row_breaks.append(Break(id=start - 1))
                used = _height(ws, TABLE_ROW, TABLE_ROW)  # the header row, printed again
            used += needed
        if row > label_start:
            _shift_group(ws, label_start, row, shift_label(shift))
    return row


def _shift_group(ws: Worksheet, first: int, end: int, label: str) -> None:
    """The shift's label beside the rows ``first`` to ``end - 1``, their heights grown for it
    (its merged cell is found from its first row)."""
    _group(ws, first, 1, end - first, label)
    _fit_rows(ws, first, first)


def _absences(ws: Worksheet, row: int, view: DayView, t: Text) -> int:
    _merged(ws, row, "A", LAST, t("off_title"), font=Font(bold=True), fill=SECTION_FILL)
    row += 1
    groups = absence_groups(view)
    if not groups:
        _merged(ws, row, "A", LAST, t("nobody_off"))
        return row + 1
    for status, people in groups:
        text = t.absence_head(status, len(people)) + ", ".join(p.name for p in people) + "."
        _merged(ws, row, "A", LAST, text, alignment=WRAP)
        row += 1
    return row


def _signatures(ws: Worksheet, row: int, data: ProblemData, t: Text) -> int:
    bold = Font(bold=True)
    hint = Font(italic=True, size=9)
    _merged(ws, row, "A", "C", t("prepared_by"), font=bold, alignment=CENTRE)
    _merged(ws, row, "E", LAST, t("commander_title"), font=bold, alignment=CENTRE)
    _merged(ws, row + 1, "A", "C", t("sign_hint"), font=hint, alignment=CENTRE)
    _merged(ws, row + 1, "E", LAST, t("sign_hint"), font=hint, alignment=CENTRE)
    if data.settings.commander:
        _merged(ws, row + 6, "E", LAST, data.settings.commander, font=bold, alignment=CENTRE)
    return row + 7


def _line_count(text: str, width: float, size: float, bold: bool) -> int:
    """The lines ``text`` wraps to in a cell ``width`` digits wide, word by word, erring high."""
    scale = size / 11 * (BOLD if bold else 1.0)
    room = max(width - PADDING, 1.0)
    return sum(
        _wrapped_lines([_width(w) * scale for w in paragraph.split()], SPACE * scale, room)
        for paragraph in text.split("\n")
    )


def _width(word: str) -> float:
    """The width of ``word`` in digits of 11-point text."""
    return sum(
        UPPER if c.isupper() else LETTER if c.isalpha() else DIGIT if c.isdigit() else OTHER
        for c in word
    )


def _wrapped_lines(words: Sequence[float], space: float, room: float) -> int:
    """Lines for words this wide at ``room`` a line; a word wider than a line is broken."""
    lines, used = 1, 0.0
    for word in words:
        if used and used + space + word <= room:
            used += space + word
            continue
        if used:
            lines += 1
        pieces = max(1, ceil(word / room))
        lines += pieces - 1
        used = word - (pieces - 1) * room
    return lines


def _page_room() -> float:
    """Points of rows (unscaled) a printed page holds. The sheet is scaled to the page's width;
    with Excel's narrow Calibri the scale is largest and the page holds least, so breaks
    planned for it come before those of any program with a wider font."""
    scale = min(1.0, (A4_WIDTH - 2 * 72 * SIDE_MARGIN) / (DIGIT_POINTS * sum(WIDTHS)))
    return FILL * (A4_HEIGHT - 2 * 72 * END_MARGIN) / scale


def _height(ws: Worksheet, first: int, last: int) -> float:
    """Points of the rows ``first`` to ``last``."""
    return sum(ws.row_dimensions[r].height or DEFAULT_HEIGHT for r in range(first, last + 1))


def _fit_rows(ws: Worksheet, first: int = 1, last: int | None = None) -> None:
    """Give every row from ``first`` to ``last`` holding wrapped text the height its cells
    need, a merged cell's need spread evenly over its rows (the narrower spans first, so the
    wider ones see them)."""
    spans = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    needs: list[tuple[int, int, float]] = []
    for line in ws.iter_rows(min_row=first, max_row=last):
        for cell in line:
            if cell.value is None or not cell.alignment.wrap_text:
                continue
            span = spans.get((cell.row, cell.column))
            first_col, last_col, last_row = cell.column, cell.column, cell.row
            if span is not None:
                last_col, last_row = span.max_col, span.max_row
            width = sum(
                ws.column_dimensions[get_column_letter(c)].width
                for c in range(first_col, last_col + 1)
            )
            size = float(cell.font.sz or 11)
            lines = _line_count(str(cell.value), width, size, bool(cell.font.b))
            needs.append((cell.row, last_row, (lines * LINE + AIR * (lines > 1)) * size / 11))
    for top, bottom, need in sorted(needs, key=lambda n: n[1] - n[0]):
        rows = [ws.row_dimensions[r] for r in range(top, bottom + 1)]
        shortfall = need - sum(r.height or DEFAULT_HEIGHT for r in rows)
        if shortfall > 0:
            for r in rows:
                r.height = min(MAX_HEIGHT, (r.height or DEFAULT_HEIGHT) + shortfall / len(rows))
        for r in rows:
            r.height = r.height or DEFAULT_HEIGHT


def _page_setup(ws: Worksheet, last_row: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as the day needs
    ws.print_title_rows = f"{TABLE_ROW}:{TABLE_ROW}"
    ws.print_area = f"A1:{LAST}{last_row}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN
    ws.page_margins.top = ws.page_margins.bottom = END_MARGIN
    ws.oddFooter.center.text = "&P/&N"


def _sheet_title(t: Text, day: date) -> str:
    """Excel forbids '/' in sheet names: 'T2 09-08-2021' in Vietnamese, ISO in English."""
    if t.language == "vi":
        return f"{t.short_weekday(day)} {day:%d-%m-%Y}"
    return f"{day:%Y-%m-%d} {t.short_weekday(day)}"


def write_duty_xlsx(data: ProblemData, views: Sequence[DayView], path: Path) -> Path:
    """One print-ready worksheet per day, in the order of the days."""
    t = Text.of(data.settings)
    wb = Workbook()
    wb.remove(wb.active)
    for view in views:
        ws = wb.create_sheet(_sheet_title(t, view.date))
        for c, width in enumerate(WIDTHS):
            ws.column_dimensions[chr(ord("A") + c)].width = width
        _header(ws, data, t, view.date)
        summary = t("summary", shifts=view.posts, people=view.people, missing=view.missing)
        _merged(ws, 6, "A", LAST, summary, alignment=CENTRE, font=Font(italic=True, size=9))
        end = _table(ws, TABLE_ROW, view, data, t)
        for line in ws.iter_rows(min_row=TABLE_ROW, max_row=end - 1, max_col=len(COLUMNS)):
            for cell in line:
                cell.border = BOX
        below = _absences(ws, end + 1, view, t)
        last = _signatures(ws, below + 1, data, t)
        _fit_rows(ws, end)  # the table's rows have their heights already
        _page_setup(ws, last)
        ws.freeze_panes = f"A{TABLE_ROW + 1}"
    return save_atomic(wb, path)
