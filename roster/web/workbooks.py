"""The workbook pages: open a workbook of the folder or upload one, its input problems, a
blank template, signing in, the language switch, and the background solve with its
progress and stop button.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from roster.errors import InputError
from roster.io.template import write_template
from roster.io.writer import write_roster
from roster.load import read_workbook_with_warnings
from roster.params import SolveParams, refuse_too_large
from roster.result import Status
from roster.solver import solve
from roster.web.jobs import Job
from roster.web.pages import (
    download,
    entry_of,
    form_post,
    page,
)
from roster.web.security import Refused, log_in, posted_form, xlsx_bytes_problem
from roster.web.sheets import problem_link, read_rows, sheet_names
from roster.web.state import loaded_from
from roster.web.store import Announced, Folder, Version
from roster.web.words import LANGUAGES


def home(request: Request) -> Response:
    """The workbooks of the folder, the upload form and the blank templates."""
    folder: Folder = request.app.state.folder
    rows = [(e, folder.latest(e.id)) for e in folder.workbooks()]
    return page(request, "open.html", rows=rows, folder=folder.root)


def language(request: Request) -> Response:
    """Switch the language, then go back to a page of this site only."""
    lang = request.query_params.get("to", "vi")
    request.session["lang"] = lang if lang in LANGUAGES else "vi"
    back = request.query_params.get("back", "/")
    safe = back.startswith("/") and not back.startswith("//") and "\\" not in back
    return RedirectResponse(back if safe else "/", status_code=303)


async def login(request: Request) -> Response:
    """The sign-in form (only when the server was started with a token)."""
    if request.method == "POST":
        form = await posted_form(request)
        if log_in(request, str(form.get("token", ""))):
            return RedirectResponse("/", status_code=303)
        return page(request, "login.html", status=401, wrong=True)
    return page(request, "login.html", wrong=False)


def template(request: Request) -> Response:
    """A blank input workbook with notes and drop-downs, Vietnamese or English."""
    lang = request.path_params["lang"]
    if lang not in LANGUAGES:
        raise Refused(404, "not_found")
    folder = Path(tempfile.mkdtemp(prefix="roster-template-"))
    path = write_template(folder / f"roster-template-{lang}.xlsx", lang)
    return download(path, path.name, folder)


async def upload(request: Request) -> Response:
    """An uploaded workbook: size and type checked before anything is stored."""
    form = await posted_form(request, upload=True)
    sent = form.get("workbook")
    if sent is None or isinstance(sent, str):
        raise Refused(400, "no_file")
    data = await sent.read(request.app.state.max_upload + 1)
    problem = xlsx_bytes_problem(data, request.app.state.max_upload)
    if problem:
        raise Refused(413 if problem == "too_large" else 415, problem)
    return await run_in_threadpool(_keep_upload, request, data)


def _keep_upload(request: Request, data: bytes) -> Response:
    """Store the upload under a server-chosen name; read it with the reader's guards (the
    unpacked-size limit among them) and drop it when it is no workbook at all. A workbook
    with input problems is kept: its page lists them."""
    folder: Folder = request.app.state.folder
    entry = folder.store_upload(data)
    try:
        read_workbook_with_warnings(entry.path)
    except InputError as exc:
        if exc.problems and not exc.problems[0].sheet:
            folder.remove_upload(entry)
            return page(request, "refused.html", status=415, problems=exc.problems)
    return RedirectResponse(f"/w/{entry.id}", status_code=303)


def workbook(request: Request) -> Response:
    """A workbook's input problems (sheet, row, column), or its summary, solve form and versions."""
    entry = entry_of(request)
    folder: Folder = request.app.state.folder
    try:
        data, warnings = read_workbook_with_warnings(entry.path)
        problems = []
    except InputError as exc:
        data, warnings, problems = None, [], exc.problems
    names = sheet_names(entry.path) if problems else []
    return page(
        request,
        "workbook.html",
        entry=entry,
        data=data,
        warnings=warnings,
        problems=[(p, problem_link(entry.id, names, p)) for p in problems],
        versions=folder.versions(entry.id),
        job=request.app.state.jobs.get(entry.id),
    )


def sheet(request: Request) -> Response:
    """One sheet of the workbook around the row a problem names, that row highlighted."""
    entry = entry_of(request)
    try:
        row = int(request.query_params["row"]) if "row" in request.query_params else None
    except ValueError:
        raise Refused(400, "bad_request") from None
    column = request.query_params.get("col")
    rows = read_rows(entry.path, request.path_params["key"], row, column)
    if rows is None:
        raise Refused(404, "not_found")
    return page(request, "sheet.html", entry=entry, sheet=rows, row=row, column=column)


@form_post
def start_solve(request: Request, form: FormData) -> Response:
    """Start a background solve; refused while one of this workbook runs."""
    entry = entry_of(request)
    app = request.app.state
    try:
        limit = min(max(float(str(form.get("limit", "60"))), 1.0), 3600.0)
    except ValueError:
        raise Refused(400, "bad_request") from None
    latest = app.folder.latest(entry.id)
    based = latest.number if latest else None

    def work(job: Job) -> Version:
        params = SolveParams(time_limit=limit).writing(sheets=False)  # the limit: whole run
        data = read_workbook_with_warnings(entry.path)[0]
        refuse_too_large(data)
        budget = params.solver_budget(data)
        result = solve(data, time_limit=budget, progress=job.progress, control=job.control)
        if result.status == Status.INFEASIBLE:
            raise ValueError("infeasible")  # a key of the words: said in the page's language
        job.summary = {"uncovered": result.uncovered, "requested": len(result.requested)}
        saved = app.folder.save_version(
            entry.id, based, "solve", lambda p: write_roster(result, p), Announced(result)
        )
        app.memory.remember(saved.version.path, loaded_from(result))
        return saved.version

    if app.jobs.start(entry.id, "solve", limit, work) is None:
        raise Refused(409, "busy")
    return RedirectResponse(f"/w/{entry.id}", status_code=303)


@form_post
def stop(request: Request, form: FormData) -> Response:
    """Stop the running solve or re-plan: the best roster found so far is kept."""
    entry = entry_of(request)
    job = request.app.state.jobs.get(entry.id)
    if job is None:
        return RedirectResponse(f"/w/{entry.id}", 303)
    job.control.stop()
    if job.kind == "replan":
        return RedirectResponse(f"/w/{entry.id}/v/{job.base}/events", 303)
    return RedirectResponse(f"/w/{entry.id}", 303)


def progress(request: Request) -> Response:
    """The solve's progress in words, polled by the page every second."""
    entry = entry_of(request)
    return page(request, "progress.html", entry=entry, job=request.app.state.jobs.get(entry.id))
