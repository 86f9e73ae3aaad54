"""Who may use the application and what a request may carry.

- A token is required whenever the server listens beyond this machine: a login form sets a
  signed session cookie, or a script sends ``Authorization: Bearer <token>``.
- Without a token, only requests for a loopback host name are answered (DNS rebinding).
- Every POST carries the session's CSRF token (a hidden field or the ``X-CSRF-Token``
  header htmx sends) and must not come from another site (``Origin``/``Sec-Fetch-Site``).
- Uploads are capped in size before they are read and must start like an xlsx (a zip); the
  workbook reader's own unpacked-size guard then refuses zip bombs.
"""

from __future__ import annotations

import ipaddress
import secrets
from urllib.parse import urlsplit

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

MAX_UPLOAD = 20 * 2**20  # bytes: a 40-person, 31-day workbook is about 100 KB
ZIP_MAGIC = b"PK\x03\x04"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
OPEN_PATHS = ("/login", "/static/")


class Refused(Exception):
    """A request refused with an HTTP status and a message for the person."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    token = request.session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[CSRF_FIELD] = token
    return token


def bearer_ok(request: Request) -> bool:
    """A script's request with the server's token in an ``Authorization: Bearer`` header."""
    expected = request.app.state.token
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    return bool(expected) and scheme.lower() == "bearer" and _same(given.strip(), expected)


def _same(given: str, expected: str) -> bool:
    return secrets.compare_digest(given.encode(), expected.encode())


def signed_in(request: Request) -> bool:
    return not request.app.state.token or request.session.get("auth") is True or bearer_ok(request)


def log_in(request: Request, given: str) -> bool:
    """Compare the login form's token in constant time; start a fresh session on success."""
    if not _same(given, request.app.state.token or ""):
        return False
    request.session.clear()
    request.session["auth"] = True
    return True


def same_site(request: Request) -> bool:
    """False when the browser says the request comes from another site."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin and origin != "null":
        return urlsplit(origin).netloc == request.headers.get("host", "")
    return origin != "null"


async def posted_form(request: Request, upload: bool = False) -> FormData:
    """The POST's form, once it is known to come from this site with the session's token."""
    if not same_site(request):
        raise Refused(403, "cross-site request refused")
    limit = request.app.state.max_upload + 2**16 if upload else 2**20
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise Refused(411, "a Content-Length is required")
    if int(length) > limit:
        raise Refused(413, "too_large")
    form = await request.form(max_files=1 if upload else 0, max_fields=50)
    if bearer_ok(request):
        return form
    expected = request.session.get(CSRF_FIELD)
    given = str(form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or "")
    if not expected or not _same(given, expected):
        raise Refused(403, "missing or wrong CSRF token: reload the page")
    return form


def xlsx_bytes_problem(data: bytes, limit: int = MAX_UPLOAD) -> str | None:
    """Why the bytes cannot be a workbook upload, or None."""
    if len(data) > limit:
        return "too_large"
    if not data.startswith(ZIP_MAGIC):
        return "not_xlsx"
    return None


def host_ok(request: Request) -> bool:
    """Without a token only a loopback name may be asked for: a web page elsewhere that
    points its own domain at 127.0.0.1 (DNS rebinding) must not reach the application."""
    if request.app.state.token:
        return True
    host = urlsplit("//" + request.headers.get("host", "")).hostname or ""
    return is_loopback(host)


class TokenGate:
    """ASGI middleware: with a token set, only signed-in requests reach the pages; without
    one, only requests addressed to a loopback name."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        if not host_ok(request):
            await PlainTextResponse("host not allowed", status_code=400)(scope, receive, send)
            return
        if request.url.path.startswith(OPEN_PATHS) or signed_in(request):
            await self.app(scope, receive, send)
            return
        response: Response
        if request.method == "GET" and not request.headers.get("authorization"):
            response = RedirectResponse("/login", status_code=303)
        else:
            response = PlainTextResponse("token required", status_code=401)
        await response(scope, receive, send)
