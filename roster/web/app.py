"""The web application: routes that read a request, call the library, and render a page.

Every path a browser may name is an opaque workbook id and a version number; every id,
date, shift and area it sends is looked up in the roster's own data before use. Every
POST goes through ``posted_form`` (same site, the session's CSRF token).
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from roster.cover import apply_moves, find_shift, plan_cover
from roster.data import Assignment, Mode, Product, StatusKind
from roster.donors import GROUPS, find_donors
from roster.errors import InputError, OutputError
from roster.findings import CheckReport
from roster.io.template import write_template
from roster.io.workbook import read_workbook_with_warnings
from roster.io.writer import write_roster
from roster.replan import Change, replan
from roster.reports.message import day_message
from roster.reports.view import day_views
from roster.result import Status
from roster.sheets import DUTY_PDF, write_sheets
from roster.solver import solve
from roster.trace import already_isolated, contacts, mark_f1
from roster.web import views
from roster.web.jobs import Job, Jobs
from roster.web.security import (
    Refused,
    TokenGate,
    csrf_token,
    log_in,
    posted_form,
    xlsx_bytes_problem,
)
from roster.web.state import Loaded, Memory, as_result, loaded_from
from roster.web.store import Entry, Folder, Version
from roster.web.words import LANGUAGES, words

MARKABLE = (StatusKind.F0, StatusKind.F1, StatusKind.SICK, StatusKind.LEAVE)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

env = Environment(
    loader=PackageLoader("roster.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _lang(request: Request) -> str:
    lang = request.session.get("lang")
    return lang if lang in LANGUAGES else "vi"


def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    """Render a template with the words of the session's language and its CSRF token."""
    lang = _lang(request)
    html = env.get_template(name).render(
        request=request,
        t=words(lang),
        lang=lang,
        csrf=csrf_token(request),
        **context,
    )
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _session(request: Request) -> str:
    sid = request.session.get("sid")
    if not sid:
        sid = request.session["sid"] = secrets.token_urlsafe(16)
    return sid


def _entry(request: Request) -> Entry:
    entry = request.app.state.folder.find(request.path_params["wid"])
    if entry is None:
        raise Refused(404, "not_found")
    return entry


def _version(request: Request) -> tuple[Entry, Version, Loaded]:
    entry = _entry(request)
    version = request.app.state.folder.version(entry.id, request.path_params["n"])
    if version is None:
        raise Refused(404, "not_found")
    return entry, version, request.app.state.memory.version(version.path)


def _day(data, text: object) -> date:
    """A day of the roster's horizon from a form value (ISO), else refused."""
    try:
        day = date.fromisoformat(str(text))
    except ValueError:
        raise Refused(400, "bad_date") from None
    if day not in data.dates:
        raise Refused(400, "bad_date")
    return day


def _known(ids, value: object) -> str:
    text = str(value or "")
    if text not in ids:
        raise Refused(400, "bad_request")
    return text


# ---------------------------------------------------------------------------- open


async def home(request: Request) -> Response:
    folder: Folder = request.app.state.folder
    rows = [(e, folder.latest(e.id)) for e in folder.workbooks()]
    return page(request, "open.html", rows=rows, folder=folder.root)


async def language(request: Request) -> Response:
    lang = request.query_params.get("to", "vi")
    request.session["lang"] = lang if lang in LANGUAGES else "vi"
    back = request.query_params.get("back", "/")
    safe = back.startswith("/") and not back.startswith("//") and "\\" not in back
    return RedirectResponse(back if safe else "/", status_code=303)


async def login(request: Request) -> Response:
    if request.method == "POST":
        form = await posted_form(request)
        if log_in(request, str(form.get("token", ""))):
            return RedirectResponse("/", status_code=303)
        return page(request, "login.html", status=401, wrong=True)
    return page(request, "login.html", wrong=False)


async def template(request: Request) -> Response:
    lang = request.path_params["lang"]
    if lang not in LANGUAGES:
        raise Refused(404, "not_found")
    folder = Path(tempfile.mkdtemp(prefix="roster-template-"))
    path = write_template(folder / f"roster-template-{lang}.xlsx", lang)
    return _download(path, path.name, folder)


def _download(path: Path, name: str, cleanup: Path | None = None) -> FileResponse:
    task = BackgroundTask(shutil.rmtree, cleanup, ignore_errors=True) if cleanup else None
    return FileResponse(path, filename=name, background=task, headers=SECURITY_HEADERS)


async def upload(request: Request) -> Response:
    form = await posted_form(request, upload=True)
    sent = form.get("workbook")
    if sent is None or isinstance(sent, str):
        raise Refused(400, "no_file")
    data = await sent.read(request.app.state.max_upload + 1)
    problem = xlsx_bytes_problem(data, request.app.state.max_upload)
    if problem:
        raise Refused(413 if problem == "too_large" else 415, problem)
    folder: Folder = request.app.state.folder
    entry = folder.store_upload(data)
    try:
        read_workbook_with_warnings(entry.path)
    except InputError as exc:
        if exc.problems and not exc.problems[0].sheet:  # not a workbook at all: not kept
            folder.remove_upload(entry)
            return page(request, "refused.html", status=415, problems=exc.problems)
    return RedirectResponse(f"/w/{entry.id}", status_code=303)


# ---------------------------------------------------------------------------- solve


async def workbook(request: Request) -> Response:
    entry = _entry(request)
    folder: Folder = request.app.state.folder
    try:
        data, warnings = read_workbook_with_warnings(entry.path)
        problems = []
    except InputError as exc:
        data, warnings, problems = None, [], exc.problems
    return page(
        request,
        "workbook.html",
        entry=entry,
        data=data,
        warnings=warnings,
        problems=problems,
        versions=folder.versions(entry.id),
        job=request.app.state.jobs.get(entry.id),
    )


async def start_solve(request: Request) -> Response:
    form = await posted_form(request)
    entry = _entry(request)
    app = request.app.state
    try:
        limit = min(max(float(str(form.get("limit", "60"))), 1.0), 3600.0)
    except ValueError:
        raise Refused(400, "bad_request") from None
    latest = app.folder.latest(entry.id)
    based = latest.number if latest else None

    def work(job: Job) -> Version:
        data = read_workbook_with_warnings(entry.path)[0]
        result = solve(data, time_limit=limit, progress=job.progress, control=job.control)
        if result.status == Status.INFEASIBLE:
            raise ValueError(words("vi")["infeasible"])
        saved = app.folder.save_version(entry.id, based, "solve", lambda p: write_roster(result, p))
        app.memory.remember(saved.version.path, loaded_from(result))
        return saved.version

    if app.jobs.start(entry.id, "solve", limit, work) is None:
        raise Refused(409, "busy")
    return RedirectResponse(f"/w/{entry.id}", status_code=303)


async def stop(request: Request) -> Response:
    await posted_form(request)
    entry = _entry(request)
    job = request.app.state.jobs.get(entry.id)
    if job is None:
        return RedirectResponse(f"/w/{entry.id}", 303)
    job.control.stop()
    if job.kind == "replan":
        return RedirectResponse(f"/w/{entry.id}/v/{job.base}/events", 303)
    return RedirectResponse(f"/w/{entry.id}", 303)


async def progress(request: Request) -> Response:
    entry = _entry(request)
    return page(request, "progress.html", entry=entry, job=request.app.state.jobs.get(entry.id))


# ---------------------------------------------------------------------------- roster


def _roster_context(request: Request) -> dict:
    entry, version, loaded = _version(request)
    draft = request.app.state.memory.draft(_session(request), entry.id)
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
        "grid": views.grid_rows(data, assignments, report, changed),
        "versions": request.app.state.folder.versions(entry.id),
    }


async def roster_page(request: Request) -> Response:
    context = _roster_context(request)
    context["message"] = request.query_params.get("m", "")
    return page(request, "roster.html", **context)


async def area_day(request: Request) -> Response:
    """Why an area is short on a day, shift by shift, and what is requested for it."""
    _, _, loaded = _version(request)
    data = loaded.data
    area = _known(data.area_by_id, request.query_params.get("area"))
    day = _day(data, request.query_params.get("day"))
    report = _current(request)[4]
    gaps = [g for g in report.gaps if g.area == area and g.date == day]
    requested = loaded.requested
    rows = [(g, loaded.reason(g), requested.get((g.date, g.shift, g.area), [])) for g in gaps]
    return page(request, "area_day.html", area=data.area_by_id[area], day=day, rows=rows)


def _assignment(data, roster, person: object, day: object) -> Assignment:
    pid = _known(data.person_by_id, person)
    when = _day(data, day)
    found = next((a for a in roster if a.person == pid and a.date == when), None)
    if found is None:
        raise Refused(400, "no_shift")
    return found


def _current(request: Request):
    """The version asked for, and the roster shown: this session's draft of it, if any."""
    entry, version, loaded = _version(request)
    draft = request.app.state.memory.draft(_session(request), entry.id)
    if draft is not None and draft.base == version.number:
        return entry, version, loaded, list(draft.assignments), draft.report
    return entry, version, loaded, list(loaded.assignments), loaded.report


async def shift_panel(request: Request) -> Response:
    """What may be done with one person's shift: move, swap, remove, find a cover."""
    entry, version, loaded, roster, _ = _current(request)
    q = request.query_params
    a = _assignment(loaded.data, roster, q.get("person"), q.get("day"))
    same_day = sorted({x.person for x in roster if x.date == a.date and x.person != a.person})
    return page(
        request, "shift.html", entry=entry, version=version, data=loaded.data, a=a, others=same_day
    )


async def cover_panel(request: Request) -> Response:
    entry, version, loaded, roster, _ = _current(request)
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


async def edit(request: Request) -> Response:
    """One edit of the draft: checked at once, shown on the cells, nothing saved yet."""
    form = await posted_form(request)
    entry, version, loaded, roster, _ = _current(request)
    data = loaded.data
    a = _assignment(data, roster, form.get("person"), form.get("day"))
    op = form.get("op")
    t = words(_lang(request))
    place = f"{a.person} {a.date:%d/%m} {a.shift} {a.area}"
    if op == "remove":
        new = [x for x in roster if x != a]
        note = t["note_remove"].format(place=place)
    elif op == "move":
        day = _day(data, form.get("to_day"))
        shift = _known(data.shift_by_id, form.get("to_shift"))
        area = _known(data.area_by_id, form.get("to_area"))
        mode = Mode.REMOTE if data.area_by_id[area].is_remote else Mode.ONSITE
        moved = Assignment(date=day, shift=shift, area=area, person=a.person, mode=mode)
        new = [x for x in roster if x != a] + [moved]
        note = t["note_move"].format(place=place, to=f"{day:%d/%m} {shift} {area}")
    elif op == "swap":
        b = _assignment(data, roster, form.get("other"), form.get("day"))
        new = [x for x in roster if x not in (a, b)]
        new += [
            a.model_copy(update={"person": b.person}),
            b.model_copy(update={"person": a.person}),
        ]
        note = t["note_swap"].format(place=place, other=b.person)
    elif op == "cover":
        plan = plan_cover(data, roster, a.person, a.date, a.shift, budget_s=1.5)
        options = plan.options()
        try:
            moves = options[int(str(form.get("option")))]
        except (ValueError, IndexError):
            raise Refused(400, "bad_request") from None
        target = find_shift(roster, a.person, a.date, a.shift)
        new = apply_moves(roster, target, moves)
        note = t["note_cover"].format(place=place, by=", ".join(m.person for m in moves))
    else:
        raise Refused(400, "bad_request")
    request.app.state.memory.edit(_session(request), entry.id, version.number, data, new, note)
    return RedirectResponse(f"/w/{entry.id}/v/{version.number}", status_code=303)


async def discard(request: Request) -> Response:
    await posted_form(request)
    entry, version, _ = _version(request)
    request.app.state.memory.drop(_session(request), entry.id)
    return RedirectResponse(f"/w/{entry.id}/v/{version.number}", status_code=303)


async def save(request: Request) -> Response:
    """Write the draft as a new version; a draft based on an older version is kept apart."""
    form = await posted_form(request)
    entry, version, loaded = _version(request)
    app = request.app.state
    sid = _session(request)
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
        entry.id, based, "edit", lambda p: write_roster(result, p, changes=changes)
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


# ---------------------------------------------------------------------------- day, print


async def day_page(request: Request) -> Response:
    entry, version, loaded, roster, report = _current(request)
    data = loaded.data
    day = _day(data, request.path_params["day"])
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


async def download_roster(request: Request) -> Response:
    entry, version, _ = _version(request)
    return _download(version.path, f"{Path(entry.label).stem}-v{version.number:03d}.xlsx")


async def download_pdf(request: Request) -> Response:
    entry, version, loaded = _version(request)
    data = loaded.data
    q = request.query_params
    first = _day(data, q["from"]) if q.get("from") else None
    last = _day(data, q["to"]) if q.get("to") else first
    folder = Path(tempfile.mkdtemp(prefix="roster-sheets-"))
    try:
        write_sheets(data, loaded.assignments, folder, ("pdf",), first, last)
    except OutputError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise Refused(500, str(exc)) from None
    name = f"{Path(entry.label).stem}-v{version.number:03d}-{DUTY_PDF}"
    return _download(folder / DUTY_PDF, name, folder)


# ---------------------------------------------------------------------------- events


async def events_page(request: Request) -> Response:
    entry, version, loaded = _version(request)
    data = loaded.data
    q = request.query_params
    found, person, day = [], None, None
    if q.get("person"):
        person = _known(data.person_by_id, q.get("person"))
        day = _day(data, q.get("day"))
        found = contacts(loaded.assignments, person, day, 2)
        isolated = already_isolated(data.statuses, [c.person for c in found], day)
        found = [(c, c.person in isolated) for c in found]
    job = request.app.state.jobs.get(entry.id)
    if job is not None and (job.kind != "replan" or job.base != version.number):
        job = None  # a solve, or a re-plan of another version: shown on its own page
    plan = job.outcome if job and job.done else None
    return page(
        request,
        "events.html",
        entry=entry,
        version=version,
        data=data,
        person=person,
        day=day,
        found=found,
        kinds=MARKABLE,
        job=job,
        plan=plan,
        changed=_plan_cells(loaded, plan),
    )


def _plan_cells(loaded: Loaded, plan) -> list[views.Row]:
    """The re-planned grid with the changed person-days highlighted (rows that changed only)."""
    if plan is None:
        return []
    after = plan.result.assignments
    changed = views.changed_cells(loaded.assignments, after)
    rows = views.grid_rows(plan.result.data, after, CheckReport((), plan.result.gaps), changed)
    people = {person for person, _ in changed}
    return [r for r in rows if r.key in people]


async def mark(request: Request) -> Response:
    """Mark statuses on a copy of the roster workbook, then re-plan from a date."""
    form = await posted_form(request)
    entry, version, loaded = _version(request)
    app = request.app.state
    data = loaded.data
    kind = str(form.get("status", ""))
    if kind not in {k.value for k in MARKABLE}:
        raise Refused(400, "bad_request")
    person = _known(data.person_by_id, form.get("person"))
    day = _day(data, form.get("day"))
    first = _day(data, form.get("replan_from") or form.get("day"))
    contacts_f1 = [_known(data.person_by_id, p) for p in form.getlist("f1")]
    work_dir = Path(tempfile.mkdtemp(prefix="roster-mark-"))
    try:
        path = mark_f1(version.path, work_dir / "a.xlsx", [person], day, kind, status=kind)
        if contacts_f1:
            note = f"F1: contact of {person}"
            path = mark_f1(path, work_dir / "b.xlsx", contacts_f1, day, note)
        marked = read_workbook_with_warnings(path)[0]
    except (InputError, OutputError) as exc:
        return page(request, "refused.html", status=400, problems=getattr(exc, "problems", [exc]))
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    limit = min(max(float(str(form.get("limit") or 30)), 1.0), 600.0)

    def work(job: Job):
        return replan(
            marked,
            loaded.assignments,
            first,
            time_limit=limit,
            progress=job.progress,
            control=job.control,
        )

    if app.jobs.start(entry.id, "replan", limit, work, base=version.number) is None:
        raise Refused(409, "busy")
    return RedirectResponse(f"/w/{entry.id}/v/{version.number}/events", status_code=303)


async def accept(request: Request) -> Response:
    """Save the re-planned roster (with its Changes sheet) as a new version, or drop it."""
    form = await posted_form(request)
    entry, version, _ = _version(request)
    app = request.app.state
    job = app.jobs.get(entry.id)
    if job is None or not job.done or job.kind != "replan" or job.base != version.number:
        raise Refused(409, "no_draft")
    if job.outcome is None:  # failed: nothing to save
        app.jobs.forget(entry.id)
        return RedirectResponse(f"/w/{entry.id}/v/{version.number}", status_code=303)
    if form.get("do") != "accept":
        app.jobs.forget(entry.id)
        return RedirectResponse(f"/w/{entry.id}/v/{version.number}", status_code=303)
    plan = job.outcome
    saved = app.folder.save_version(
        entry.id,
        version.number,
        "replan",
        lambda p: write_roster(plan.result, p, changes=plan.changes),
    )
    app.memory.remember(saved.version.path, loaded_from(plan.result))
    app.jobs.forget(entry.id)
    message = "conflict" if saved.version.conflict else "saved"
    return RedirectResponse(f"/w/{entry.id}/v/{saved.version.number}?m={message}", 303)


# ---------------------------------------------------------------------------- donors


async def donors_page(request: Request) -> Response:
    entry, version, loaded = _version(request)
    data = loaded.data
    q = request.query_params
    search = None
    if q.get("need"):
        need = q.get("need")
        if need not in GROUPS:
            raise Refused(400, "bad_request")
        product = Product(_known({p.value for p in Product}, q.get("product")))
        search = find_donors(data, need, product, _day(data, q.get("day")), loaded.assignments)
    return page(
        request,
        "donors.html",
        entry=entry,
        version=version,
        data=data,
        search=search,
        groups=GROUPS,
        products=list(Product),
        lang_data=_lang(request),
    )


# ---------------------------------------------------------------------------- the app


async def refused(request: Request, exc: Refused) -> Response:
    return page(request, "refused.html", status=exc.status, reason=str(exc), problems=[])


def create_app(folder: Path, token: str | None = None, max_upload: int | None = None) -> Starlette:
    """The application over ``folder``; ``token``: required to sign in (None: no sign-in)."""
    from roster.web.security import MAX_UPLOAD

    w = "/w/{wid:str}"
    v = w + "/v/{n:int}"
    routes = [
        Route("/", home),
        Route("/lang", language),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/template/{lang:str}.xlsx", template),
        Route("/upload", upload, methods=["POST"]),
        Route(w, workbook),
        Route(w + "/solve", start_solve, methods=["POST"]),
        Route(w + "/stop", stop, methods=["POST"]),
        Route(w + "/progress", progress),
        Route(v, roster_page),
        Route(v + "/area", area_day),
        Route(v + "/shift", shift_panel),
        Route(v + "/cover", cover_panel),
        Route(v + "/edit", edit, methods=["POST"]),
        Route(v + "/discard", discard, methods=["POST"]),
        Route(v + "/save", save, methods=["POST"]),
        Route(v + "/day/{day:str}", day_page),
        Route(v + "/roster.xlsx", download_roster),
        Route(v + "/duty.pdf", download_pdf),
        Route(v + "/events", events_page),
        Route(v + "/mark", mark, methods=["POST"]),
        Route(v + "/accept", accept, methods=["POST"]),
        Route(v + "/donors", donors_page),
        Mount("/static", StaticFiles(packages=[("roster.web", "static")]), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(
                SessionMiddleware,
                secret_key=secrets.token_urlsafe(32),
                session_cookie="roster_session",
                same_site="strict",
            ),
            Middleware(TokenGate),
        ],
        exception_handlers={Refused: refused},
    )
    app.state.folder = Folder(folder)
    app.state.memory = Memory()
    app.state.jobs = Jobs()
    app.state.token = token or None
    app.state.max_upload = max_upload or MAX_UPLOAD
    return app
