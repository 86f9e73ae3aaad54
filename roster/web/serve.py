"""Start the web application with uvicorn, refusing to listen beyond this machine unguarded."""

from __future__ import annotations

import os
from pathlib import Path

from roster.errors import RequestError
from roster.web.security import is_loopback

TOKEN_ENV = "ROSTER_TOKEN"


class Unguarded(RequestError):
    """Listening on the network without a token: anyone there could read and change rosters."""


def token_for(host: str, token: str | None) -> str | None:
    """The token to require: the option, else ``ROSTER_TOKEN``; None on loopback without one.

    Raises ``Unguarded`` for an address beyond loopback with no token.
    """
    token = token or os.environ.get(TOKEN_ENV) or None
    if token is None and not is_loopback(host):
        raise Unguarded(
            f"listening on {host} needs a token: --token T or the {TOKEN_ENV} environment "
            "variable (or keep the default --host 127.0.0.1)"
        )
    return token


def address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def run(folder: Path, host: str, port: int, token: str | None) -> None:
    """Serve ``folder`` until interrupted (uvicorn handles Ctrl-C)."""
    import uvicorn

    from roster.web.app import create_app

    app = create_app(folder, token)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
