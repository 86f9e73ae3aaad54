"""The web application: the routes of each page, the session and the sign-in around them.

Every POST goes through ``posted_form`` (same site, the session's CSRF token); every page is
rendered by ``pages.page`` with Jinja2's autoescape on.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from roster.errors import HistoryError
from roster.web import events, rosters, workbooks
from roster.web.jobs import Jobs
from roster.web.pages import history_refused, refused
from roster.web.security import MAX_UPLOAD, Refused, TokenGate
from roster.web.state import Memory
from roster.web.store import Folder

W = "/w/{wid:str}"  # a workbook, by its opaque id
V = W + "/v/{n:int}"  # one of its roster versions
POST = ["POST"]
ROUTES = [
    Route("/", workbooks.home),
    Route("/lang", workbooks.language),
    Route("/login", workbooks.login, methods=["GET", "POST"]),
    Route("/template/{lang:str}.xlsx", workbooks.template),
    Route("/upload", workbooks.upload, methods=POST),
    Route(W, workbooks.workbook),
    Route(W + "/solve", workbooks.start_solve, methods=POST),
    Route(W + "/stop", workbooks.stop, methods=POST),
    Route(W + "/progress", workbooks.progress),
    Route(W + "/sheet/{key:int}", workbooks.sheet),
    Route(V, rosters.roster_page),
    Route(V + "/area", rosters.area_day),
    Route(V + "/shift", rosters.shift_panel),
    Route(V + "/cover", rosters.cover_panel),
    Route(V + "/edit", rosters.edit, methods=POST),
    Route(V + "/discard", rosters.discard, methods=POST),
    Route(V + "/save", rosters.save, methods=POST),
    Route(V + "/day/{day:str}", rosters.day_page),
    Route(V + "/roster.xlsx", rosters.download_roster),
    Route(V + "/duty.pdf", rosters.download_pdf),
    Route(V + "/events", events.events_page),
    Route(V + "/mark", events.mark, methods=POST),
    Route(V + "/accept", events.accept, methods=POST),
    Route(V + "/donors", events.donors_page),
    Mount("/static", StaticFiles(packages=[("roster.web", "static")]), name="static"),
]


def create_app(folder: Path, token: str | None = None, max_upload: int | None = None) -> Starlette:
    """The application over ``folder``; ``token``: required to sign in (None: no sign-in,
    and then only loopback host names are answered)."""
    app = Starlette(
        routes=ROUTES,
        middleware=[
            Middleware(
                SessionMiddleware,
                secret_key=secrets.token_urlsafe(32),  # a restart signs everyone out
                session_cookie="roster_session",
                same_site="strict",
            ),
            Middleware(TokenGate),
        ],
        exception_handlers={Refused: refused, HistoryError: history_refused},
    )
    app.state.folder = Folder(folder)
    app.state.memory = Memory()
    app.state.jobs = Jobs()
    app.state.token = token or None
    app.state.max_upload = max_upload or MAX_UPLOAD
    return app
