"""What every page shares: the templates, the session's language and id, and the look-ups
that turn what a browser sends into the roster's own objects, or refuse it.

Every path a browser may name is an opaque workbook id and a version number; every id,
date, shift and area it sends is looked up in the roster's own data before use.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from roster.errors import HistoryError
from roster.web.security import Refused, csrf_token, posted_form
from roster.web.state import Loaded
from roster.web.store import Entry, Version
from roster.web.words import LANGUAGES, words

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


def lang_of(request: Request) -> str:
    """The session's language: Vietnamese unless English was chosen."""
    lang = request.session.get("lang")
    return lang if lang in LANGUAGES else "vi"


def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    """Render a template with the words of the session's language and its CSRF token."""
    lang = lang_of(request)
    html = env.get_template(name).render(
        request=request,
        t=words(lang),
        lang=lang,
        csrf=csrf_token(request),
        **context,
    )
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def session_id(request: Request) -> str:
    """A random id for the browser session: whose draft is whose."""
    sid = request.session.get("sid")
    if not sid:
        sid = request.session["sid"] = secrets.token_urlsafe(16)
    return sid


def entry_of(request: Request) -> Entry:
    """The workbook the URL's opaque id names, else 404."""
    entry = request.app.state.folder.find(request.path_params["wid"])
    if entry is None:
        raise Refused(404, "not_found")
    return entry


def version_of(request: Request) -> tuple[Entry, Version, Loaded]:
    """The workbook, the version the URL names, and its roster read once, else 404."""
    entry = entry_of(request)
    version = request.app.state.folder.version(entry.id, request.path_params["n"])
    if version is None:
        raise Refused(404, "not_found")
    return entry, version, request.app.state.memory.version(version.path)


def current(request: Request):
    """The version asked for, and the roster shown: this session's draft of it, if any."""
    entry, version, loaded = version_of(request)
    draft = request.app.state.memory.draft(session_id(request), entry.id)
    if draft is not None and draft.base == version.number:
        return entry, version, loaded, list(draft.assignments), draft.report
    return entry, version, loaded, list(loaded.assignments), loaded.report


def day_of(data, text: object) -> date:
    """A day of the roster's horizon from a form value (ISO), else refused."""
    try:
        day = date.fromisoformat(str(text))
    except ValueError:
        raise Refused(400, "bad_date") from None
    if day not in data.dates:
        raise Refused(400, "bad_date")
    return day


def known(ids, value: object) -> str:
    """One of the roster's own ids, else refused."""
    text = str(value or "")
    if text not in ids:
        raise Refused(400, "bad_request")
    return text


def download(path: Path, name: str, cleanup: Path | None = None) -> FileResponse:
    """A file to save, under a name the server chose; ``cleanup`` removed afterwards."""
    task = BackgroundTask(shutil.rmtree, cleanup, ignore_errors=True) if cleanup else None
    return FileResponse(path, filename=name, background=task, headers=SECURITY_HEADERS)


def form_post(handler: Callable[[Request, FormData], Response]) -> Callable:
    """A POST endpoint: its form read once it is known to come from this site with the
    session's CSRF token, then the handler run in a worker thread (solving, checking and
    writing workbooks take long enough to hold up every other page)."""

    async def endpoint(request: Request) -> Response:
        form = await posted_form(request)
        return await run_in_threadpool(handler, request, form)

    return endpoint


async def refused(request: Request, exc: Refused) -> Response:
    """A refused request as a page that says why, with its HTTP status."""
    return page(request, "refused.html", status=exc.status, reason=str(exc), problems=[])


async def history_refused(request: Request, exc: HistoryError) -> Response:
    """A history database that cannot take the version: nothing was written, and why."""
    return page(request, "refused.html", status=500, reason=str(exc), problems=[])
