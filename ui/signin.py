"""Sign-in on every route of the served chat, and failed sign-ins limited per client address.

Gradio's `launch(auth=...)` guards the routes that serve the app and its data, but not all of its own routes
(its heartbeat, queue reset and cancel, OpenAPI schema, ...). `SignInRequired` wraps the whole Gradio app:
a request without a signed-in session gets 401, unless it is for the sign-in page or what that page loads.
Who is signed in is asked of Gradio itself (its `/gradio_api/user` check of the session cookie). Gradio hands
its `auth` check only a name and a password, so the sign-in's client address is judged here: from an address
locked by its failures (`Users.addresses`), a sign-in is refused before Gradio sees it.
"""
from __future__ import annotations

import math
from collections.abc import Callable

from fastapi.routing import iter_route_contexts
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ui.auth import Users

SIGN_IN = ("/login", "/login/")  # Gradio's sign-in form posts here
# the sign-in page and what it loads before anyone is signed in: Gradio's built front end, which holds no data
SIGN_IN_PAGE = ("/", *SIGN_IN, "/theme.css", "/favicon.ico")
FRONT_END = ("/assets/", "/static/")
STARTUP = "/gradio_api/startup-events"  # Gradio's launch calls it, unsigned, to start the queue: open until then


def _gradio_user(app) -> Callable:
    """Gradio's own answer to "who sent this request?": the endpoint of `/gradio_api/user`, which reads the
    session cookie its sign-in set (None: nobody signed in)."""
    (endpoint,) = {route.endpoint for route in iter_route_contexts(app.routes) if route.name == "get_current_user"}
    return endpoint


class SignInRequired:
    """ASGI middleware for the Gradio app (`launch(app_kwargs={"middleware": [...]})`)."""

    def __init__(self, app: ASGIApp, users: Users):
        self.app = app
        self.users = users
        self._user: Callable | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):  # the server's start and stop
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        path = connection.url.path
        if path in SIGN_IN and scope.get("method") == "POST":
            await self._sign_in(connection, scope, receive, send)
        elif (path in SIGN_IN_PAGE or path.startswith(FRONT_END) or await self._signed_in(connection)
              or (path == STARTUP and not scope["app"].startup_events_triggered)):
            await self.app(scope, receive, send)
        else:
            await JSONResponse({"detail": {"error": "Not authenticated"}}, status_code=401)(scope, receive, send)

    async def _signed_in(self, connection: HTTPConnection) -> bool:
        if self._user is None:
            self._user = _gradio_user(connection.scope["app"])
        return await self._user(connection) is not None

    async def _sign_in(self, connection: HTTPConnection, scope: Scope, receive: Receive, send: Send) -> None:
        """Gradio checks the name and password (Users.check, with its limit per name) unless this address is
        locked; then nothing is checked at all."""
        address = connection.client.host if connection.client else ""
        if wait := math.ceil(self.users.addresses.attempt(address)):
            # 400, as for a wrong password: Gradio's sign-in page shows nothing for any other status
            refusal = JSONResponse({"detail": f"Too many failed sign-ins from this address: try again in {wait} s."},
                                   status_code=400, headers={"Retry-After": str(wait)})
            await refusal(scope, receive, send)
            return

        async def note_success(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                self.users.addresses.clear(address)
            await send(message)

        await self.app(scope, receive, note_success)
