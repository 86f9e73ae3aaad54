"""The roster pages: the coverage map and the person x day grid of a version, why a place
is short, the edits of a draft (move, swap, remove, find a cover) checked at once by the
independent checker, saving the draft as a new version, the day sheet and the downloads.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from roster.cover import apply_moves, find_shift, plan_cover
from roster.data import Assignment, Mode
from roster.errors import OutputError
from roster.io.writer import write_roster
from roster.replan import Change
from roster.reports.message import day_message
from roster.reports.view import day_views
from roster.sheets import DUTY_PDF, write_sheets
from roster.web import views
from roster.web.pages import (
    current,
    day_of,
    download,
    form_post,
    known,
    lang_of,
    page,
    session_id,
    version_of,
)
from roster.web.security import Refused
from roster.web.state import Loaded, as_result, reasons_for
from roster.web.store import Announced
from roster.web.words import words


def _roster_context(request: Request) -> dict:
    """What the roster page shows: the version or this session's draft of it."""
    entry, version, loaded = version_of(request)
    draft = request.app.state.memory.draft(session_id(request), entry.id)
    if draft is not None and draft.base != version.number:
        draft = None
    data = loaded.data
    assignments = draft.assignments if draft else loaded.assignments
    report = draft.report if draft else loaded.report
    changed = views.changed_cells(loaded.assignments, assignments) if draft else frozenset()
    latest = request.app.state.folder.latest(entry.id)
    return {
        "entry": entry,
        "version": version,
        "latest": latest,
        "loaded": loaded,
        "data": data,
        "draft": draft,
        "report": report,
        "coverage": views.coverage_rows(data, assignments, report),
        "grid": views.grid_rows(data, assignments, report, lang_of(request), changed),
        "versions": request.app.state.folder.versions(entry.id),
        "requested_people": 0
        if draft
        else len({x for xs in loaded.requested.values() for x in xs}),
    }


def roster_page(request: Request) -> Response:
    """The coverage map, the person x day grid, the draft and its broken rules."""
    context = _roster_context(request)
    context["message"] = request.query_params.get("m", "")
    return page(request, "roster.html", **context)


def area_day(request: Request) -> Response:
    """Why an area is short on a day, shift by shift, and what is requested for it."""
    _, _, loaded, roster, report = current(request)
    data = loaded.data
    area = known(data.area_by_id, request.query_params.get("area"))
    day = day_of(data, request.query_params.get("day"))
    gaps = [g for g in report.gaps if g.area == area and g.date == day]
    if report is loaded.report:
        reasons = {(g.date, g.shift, g.area): loaded.reason(g) for g in gaps}
    else:  # a draft: its own reasons (who is free has changed)
        reasons = reasons_for(data, roster, gaps)
    rows = [
        (g, reasons[(g.date, g.shift, g.area)], loaded.requested.get((g.date, g.shift, g.area), []))
        for g in gaps
    ]
    return page(request, "area_day.html", area=data.area_by_id[area], day=day, rows=rows)


def _assignment(data, roster, person: object, day: object) -> Assignment:
    """The person's shift on the day in the roster shown, else refused."""
    pid = known(data.person_by_id, person)
    when = day_of(data, day)
    found = next((a for a in roster if a.person == pid and a.date == when), None)
    if found is None:
        raise Refused(400, "no_shift")
    return found


def shift_panel(request: Request) -> Response:
    """What may be done with one person's shift: move, swap, remove, find a cover."""
    entry, version, loaded, roster, _ = current(request)
    q = request.query_params
    a = _assignment(loaded.data, roster, q.get("person"), q.get("day"))
    same_day = sorted({x.person for x in roster if x.date == a.date and x.person != a.person})
    return page(
        request, "shift.html", entry=entry, version=version, data=loaded.data, a=a, others=same_day
    )


def cover_panel(request: Request) -> Response:
    """Who can take the shift (the `cover` ranking, with swap chains), and why not."""
    entry, version, loaded, roster, _ = current(request)
    q = request.query_params
    a = _assignment(loaded.data, roster, q.get("person"), q.get("day"))
    plan = plan_cover(loaded.data, roster, a.person, a.date, a.shift, budget_s=1.5)
    return page(
        request,
        "cover.html",
        entry=entry,
        version=version,
        data=loaded.data,
        a=a,
        plan=plan,
        options=plan.options(),
    )


Edit = tuple[list[Assignment], str]  # the roster after an edit, and what was done, in words


def _remove(data, roster, a: Assignment, form, t) -> Edit:
    return [x for x in roster if x != a], t["note_remove"].format(place=_place(a))


def _move(data, roster, a: Assignment, form, t) -> Edit:
    day = day_of(data, form.get("to_day"))
    shift = known(data.shift_by_id, form.get("to_shift"))
    area = known(data.area_by_id, form.get("to_area"))
    mode = Mode.REMOTE if data.area_by_id[area].is_remote else Mode.ONSITE
    moved = Assignment(date=day, shift=shift, area=area, person=a.person, mode=mode)
    to = f"{day:%d/%m} {shift} {area}"
    return [x for x in roster if x != a] + [moved], t["note_move"].format(place=_place(a), to=to)


def _swap(data, roster, a: Assignment, form, t) -> Edit:
    b = _assignment(data, roster, form.get("other"), form.get("day"))
    new = [x for x in roster if x not in (a, b)]
    new += [a.model_copy(update={"person": b.person}), b.model_copy(update={"person": a.person})]
    return new, t["note_swap"].format(place=_place(a), other=b.person)


def _cover(data, roster, a: Assignment, form, t) -> Edit:
    """The cover option chosen from the same ranking the cover panel showed."""
    options = plan_cover(data, roster, a.person, a.date, a.shift, budget_s=1.5).options()
    try:
        moves = options[int(str(form.get("option")))]
    except (ValueError, IndexError):
        raise Refused(400, "bad_request") from None
    new = apply_moves(roster, find_shift(roster, a.person, a.date, a.shift), moves)
    return new, t["note_cover"].format(place=_place(a), by=", ".join(m.person for m in moves))


def _place(a: Assignment) -> str:
    return f"{a.person} {a.date:%d/%m} {a.shift} {a.area}"


EDITS = {"remove": _remove, "move": _move, "swap": _swap, "cover": _cover}


@form_post
def edit(request: Request, form: FormData) -> Response:
    """One edit of the draft: checked at once, shown on the cells, nothing saved yet."""
    entry, version, loaded, roster, _ = current(request)
    data = loaded.data
    a = _assignment(data, roster, form.get("person"), form.get("day"))
    make = EDITS.get(str(form.get("op")))
    if make is None:
        raise Refused(400, "bad_request")
    new, note = make(data, roster, a, form, words(lang_of(request)))
    request.app.state.memory.edit(session_id(request), entry.id, version.number, data, new, note)
    return RedirectResponse(f"/w/{entry.id}/v/{version.number}", status_code=303)


@form_post
def discard(request: Request, form: FormData) -> Response:
    """Drop this session's draft."""
    entry, version, _ = version_of(request)
    request.app.state.memory.drop(session_id(request), entry.id)
    return RedirectResponse(f"/w/{entry.id}/v/{version.number}", status_code=303)


@form_post
def save(request: Request, form: FormData) -> Response:
    """Write the draft as a new version; a draft based on an older version is kept apart."""
    entry, version, loaded = version_of(request)
    app = request.app.state
    sid = session_id(request)
    draft = app.memory.draft(sid, entry.id)
    try:
        based = int(str(form.get("based_on")))
    except ValueError:
        raise Refused(400, "bad_request") from None
    if draft is None or draft.base != version.number or based != version.number:
        raise Refused(409, "no_draft")
    result = as_result(loaded.data, draft.assignments, loaded)
    changes = _edit_changes(loaded, draft.assignments, draft.notes)
    saved = app.folder.save_version(
        entry.id,
        based,
        "edit",
        lambda p: write_roster(result, p, changes=changes),
        Announced(result, changes),
    )
    app.memory.drop(sid, entry.id)
    message = "conflict" if saved.version.conflict else "saved"
    return RedirectResponse(f"/w/{entry.id}/v/{saved.version.number}?m={message}", 303)


def _edit_changes(loaded: Loaded, after, notes: list[str]) -> list[Change]:
    """The `Changes` rows of an edit: each person-day whose duty differs."""
    old = {(a.person, a.date): a for a in loaded.assignments}
    new = {(a.person, a.date): a for a in after}
    reason = "; ".join(notes)
    out = []
    for person, day in sorted(old.keys() | new.keys(), key=lambda k: (k[1], k[0])):
        before, now = old.get((person, day)), new.get((person, day))
        if before != now:
            kind = "removed" if now is None else "added" if before is None else "moved"
            out.append(Change(kind, person, day, before, now, reason))
    return out


def day_page(request: Request) -> Response:
    """The day's duty sheet and its group-chat message."""
    entry, version, loaded, roster, report = current(request)
    data = loaded.data
    day = day_of(data, request.path_params["day"])
    view = day_views(data, roster, report.gaps, [day])[0]
    return page(
        request,
        "day.html",
        entry=entry,
        version=version,
        data=data,
        day=day,
        view=view,
        message=day_message(data, view),
    )


def download_roster(request: Request) -> Response:
    """The version's roster workbook as saved."""
    entry, version, _ = version_of(request)
    return download(version.path, f"{Path(entry.label).stem}-v{version.number:03d}.xlsx")


def download_pdf(request: Request) -> Response:
    """The duty-sheet PDF for a day, a range, or the whole roster."""
    entry, version, loaded = version_of(request)
    data = loaded.data
    q = request.query_params
    first = day_of(data, q["from"]) if q.get("from") else None
    last = day_of(data, q["to"]) if q.get("to") else first
    if first and last and last < first:
        raise Refused(400, "bad_date")
    folder = Path(tempfile.mkdtemp(prefix="roster-sheets-"))
    try:
        write_sheets(data, loaded.assignments, folder, ("pdf",), first, last)
    except OutputError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise Refused(500, str(exc)) from None
    name = f"{Path(entry.label).stem}-v{version.number:03d}-{DUTY_PDF}"
    return download(folder / DUTY_PDF, name, folder)
