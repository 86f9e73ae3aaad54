"""Events and donors: mark F0 / F1 / sick / leave (with the F0's contacts as F1), re-plan
from a date in the background, list and highlight the changes before they are accepted;
and the blood-donor search with the cover of each donor's shift.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from roster.data import Product, StatusKind
from roster.donors import find_donors
from roster.errors import InputError, OutputError
from roster.findings import CheckReport
from roster.io.vocabulary import BLOOD_GROUPS as GROUPS
from roster.io.writer import write_roster
from roster.load import read_workbook_with_warnings
from roster.params import SolveParams
from roster.replan import replan
from roster.reports.donors import note_text
from roster.trace import already_isolated, contacts, mark_f1
from roster.web import views
from roster.web.jobs import Job
from roster.web.pages import (
    day_of,
    form_post,
    known,
    lang_of,
    page,
    version_of,
)
from roster.web.security import Refused
from roster.web.state import Loaded, loaded_from
from roster.web.store import Announced

MARKABLE = (StatusKind.F0, StatusKind.F1, StatusKind.SICK, StatusKind.LEAVE)


def events_page(request: Request) -> Response:
    """Mark a status and trace the contacts; a running re-plan, or its changes to accept."""
    entry, version, loaded = version_of(request)
    data = loaded.data
    q = request.query_params
    found, person, day = [], None, None
    if q.get("person"):
        person = known(data.person_by_id, q.get("person"))
        day = day_of(data, q.get("day"))
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
        changed=_plan_cells(loaded, plan, lang_of(request)),
    )


def _plan_cells(loaded: Loaded, plan, language: str) -> list[views.Row]:
    """The re-planned grid with the changed person-days highlighted (rows that changed only)."""
    if plan is None:
        return []
    after = plan.result.assignments
    changed = views.changed_cells(loaded.assignments, after)
    report = CheckReport((), plan.result.gaps)
    rows = views.grid_rows(plan.result.data, after, report, language, changed)
    people = {person for person, _ in changed}
    return [r for r in rows if r.key in people]


@form_post
def mark(request: Request, form: FormData) -> Response:
    """Mark statuses on a copy of the roster workbook, then re-plan from a date."""
    entry, version, loaded = version_of(request)
    app = request.app.state
    data = loaded.data
    kind = str(form.get("status", ""))
    if kind not in {k.value for k in MARKABLE}:
        raise Refused(400, "bad_request")
    person = known(data.person_by_id, form.get("person"))
    day = day_of(data, form.get("day"))
    first = day_of(data, form.get("replan_from") or form.get("day"))
    contacts_f1 = [known(data.person_by_id, p) for p in form.getlist("f1")]
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
            SolveParams(time_limit=limit).writing(sheets=False),
            progress=job.progress,
            control=job.control,
        )

    if app.jobs.start(entry.id, "replan", limit, work, base=version.number) is None:
        raise Refused(409, "busy")
    return RedirectResponse(f"/w/{entry.id}/v/{version.number}/events", status_code=303)


@form_post
def accept(request: Request, form: FormData) -> Response:
    """Save the re-planned roster (with its Changes sheet) as a new version, or drop it."""
    entry, version, _ = version_of(request)
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
        Announced(plan.result, plan.changes),
    )
    app.memory.remember(saved.version.path, loaded_from(plan.result))
    app.jobs.forget(entry.id)
    message = "conflict" if saved.version.conflict else "saved"
    return RedirectResponse(f"/w/{entry.id}/v/{saved.version.number}?m={message}", 303)


def donors_page(request: Request) -> Response:
    """Who may give blood to a patient on a day, and who would take their shift."""
    entry, version, loaded = version_of(request)
    data = loaded.data
    q = request.query_params
    search = None
    if q.get("need"):
        need = q.get("need")
        if need not in GROUPS:
            raise Refused(400, "bad_request")
        product = Product(known({p.value for p in Product}, q.get("product")))
        search = find_donors(data, need, product, day_of(data, q.get("day")), loaded.assignments)
    return page(
        request,
        "donors.html",
        entry=entry,
        version=version,
        data=data,
        search=search,
        groups=GROUPS,
        products=list(Product),
        note_text=note_text,
    )
