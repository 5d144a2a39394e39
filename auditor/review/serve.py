"""The local review page: the HTML report with review controls, served from a workspace.

Standard library only (ThreadingHTTPServer). Plain HTML forms that POST, so it works without
script: reviews of facts to /review, the editor's incident decisions (move, apart, join, withdraw;
applied from the next audit of the workspace) to /incident. Every save goes straight to the
workspace in its own transaction; a form writes only the fields it changed, so two tabs editing
one fact lose nothing (last write per field wins, the history keeps every write). Bound to 127.0.0.1 unless --allow-remote is given; a POST
must carry the server's random token and come from the page's own origin (Host and Origin
checked, which also stops DNS rebinding).
"""
from __future__ import annotations

import hmac
import ipaddress
import logging
import secrets
import socket
import threading
from http import HTTPStatus
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional, Union
from urllib.parse import parse_qs, quote, unquote, urlsplit

from auditor.errors import AuditorError
from auditor.review.workspace import Workspace

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
MAX_FORM_BYTES = 1_000_000
REVIEWER_COOKIE = "auditor_reviewer"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def is_loopback(host: str) -> bool:
    """True when every address `host` names is on this machine only."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(i[4][0].split("%")[0]).is_loopback for i in infos)


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64  # a page reload and several tabs connect at once

    def __init__(self, workspace_path: Path, host: str, port: int, remote: bool) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host.strip("[]"), port), ReviewHandler)
        self.workspace_path = workspace_path
        self.remote = remote
        self.token = secrets.token_urlsafe(32)
        self._cache: tuple[Optional[int], object] = (None, None)
        self._cache_lock = threading.Lock()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        host = self.server_address[0]
        return f"http://{'[' + host + ']' if ':' in host else host}:{self.port}/"

    def allowed_hosts(self) -> Optional[set[str]]:
        """Host headers accepted; None when serving remotely (the token still guards POSTs)."""
        if self.remote:
            return None
        names = {"127.0.0.1", "localhost", "[::1]", self.server_address[0]}
        return {f"{n}:{self.port}" for n in names}

    def workspace(self) -> Workspace:
        return Workspace.open(self.workspace_path, create=False, check=False)

    def audit(self, ws: Workspace):
        """The latest run's audit, decoded once per run."""
        run = ws.latest_run_id()
        with self._cache_lock:
            if run is not None and self._cache[0] == run:
                return self._cache[1]
        audit = ws.latest_audit()
        with self._cache_lock:
            self._cache = (run, audit)
        return audit


class ReviewHandler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "auditor-review"
    sys_version = ""

    # -- plumbing

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        log.info("%s %s", self.address_string(), format % args)

    def _send(self, status: int, body: Union[str, bytes], content_type: str = "text/html; charset=utf-8",
              headers: Optional[dict[str, str]] = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in {**SECURITY_HEADERS, **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status: int, message: str) -> None:
        from html import escape

        self._send(status, f"<!doctype html><meta charset=utf-8><title>{status}</title>"
                           f"<p>{escape(message)}</p><p><a href=\"/\">Back to the review page</a></p>")

    def _host_ok(self) -> bool:
        allowed = self.server.allowed_hosts()
        if allowed is None:
            return True
        host = (self.headers.get("Host") or "").lower()
        if host in allowed or (self.server.port == 80 and f"{host}:80" in allowed):
            return True
        self._error(HTTPStatus.MISDIRECTED_REQUEST, "this review server only answers to its own address")
        return False

    def _same_origin(self) -> bool:
        """Refuse a POST a browser says came from another site (the form token is checked as well).

        Sec-Fetch-Site, sent by current browsers, decides when present. The page's
        "no-referrer" policy makes browsers send `Origin: null` with its own forms, so Origin
        only refuses when it names another origin.
        """
        site = self.headers.get("Sec-Fetch-Site")
        if site:
            return site in ("same-origin", "none")
        origin = self.headers.get("Origin")
        if origin is None or origin == "null":
            return True
        parts = urlsplit(origin)
        return parts.scheme == "http" and parts.netloc.lower() == (self.headers.get("Host") or "").lower()

    def _reviewer(self) -> str:
        cookie = SimpleCookie()
        try:
            cookie.load(self.headers.get("Cookie") or "")
        except Exception:  # a malformed cookie from another local app: ignore it
            return ""
        morsel = cookie.get(REVIEWER_COOKIE)
        return unquote(morsel.value) if morsel else ""

    # -- routes

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        path = urlsplit(self.path).path
        try:
            if path == "/":
                self._page()
            elif path == "/audit.json":
                with self.server.workspace() as ws:
                    text = ws.latest_audit_json() or "{}"
                self._send(200, text, "application/json; charset=utf-8")
            elif path == "/export/claimreview.jsonld":
                self._export("claimreview", "application/ld+json; charset=utf-8", "claimreview.jsonld")
            elif path == "/export/findings.csv":
                self._export("csv", "text/csv; charset=utf-8", "findings.csv")
            else:
                self._error(HTTPStatus.NOT_FOUND, f"no page at {path}")
        except AuditorError as exc:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
        except Exception:
            log.exception("review page: GET %s failed", path)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error (see the server's log)")

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        route = urlsplit(self.path).path
        if route not in ("/review", "/incident"):
            self._error(HTTPStatus.NOT_FOUND, "POST goes to /review or /incident")
            return
        if not self._same_origin():
            self._error(HTTPStatus.FORBIDDEN, "cross-site request refused")
            return
        try:
            length = int(self.headers.get("Content-Length") or "0")
        except ValueError:
            length = -1
        if length < 0 or length > MAX_FORM_BYTES:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "form too large")
            return
        form = {k: v[-1] for k, v in parse_qs(self.rfile.read(length).decode("utf-8", "replace"),
                                               keep_blank_values=True).items()}
        if not hmac.compare_digest(form.get("token", ""), self.server.token):
            self._error(HTTPStatus.FORBIDDEN, "stale or missing form token: reload the page and try again")
            return
        try:
            key = self._save(form) if route == "/review" else self._decide(form)
        except AuditorError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        except Exception:
            log.exception("review page: saving %r failed", form.get("key"))
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error (see the server's log)")
            return
        by = " ".join(form.get("by", "").split())
        headers = {"Location": f"/#review-{quote(key)}" if route == "/review" else "/#incidents"}
        if by:
            headers["Set-Cookie"] = (f"{REVIEWER_COOKIE}={quote(by)}; Path=/; SameSite=Strict; HttpOnly; "
                                     f"Max-Age=31536000")
        self._send(HTTPStatus.SEE_OTHER, "", headers=headers)

    # -- actions

    def _save(self, form: dict[str, str]) -> str:
        from auditor.review.reviews import edits

        changed = edits(form.get("status"), form.get("status_was"), form.get("note"), form.get("note_was"))
        with self.server.workspace() as ws:
            key = ws.resolve(form.get("key", ""))
            if changed:
                ws.set_review(key, by=form.get("by", ""), **changed)
        return key

    def _decide(self, form: dict[str, str]) -> str:
        """An incident decision from an incident's form: the button pressed (`action`) says which
        field names the article: "move" the chosen outsider here (`article`), "join" the chosen
        incident (`other`), keep the chosen member "apart" (`apart`); "clear" withdraws `article`'s."""
        action = form.get("action", "")
        target = form.get("target", "")
        if action == "move":
            article, other = form.get("article", ""), target
        elif action == "join":
            article, other = target, form.get("other", "")
        elif action == "apart":
            article, other = form.get("apart", ""), None
        elif action == "clear":
            article, other = form.get("article", ""), None
        else:
            raise AuditorError(f"unknown incident action {action!r}")
        if not article.strip() or (action in ("move", "join") and not (other or "").strip()):
            raise AuditorError("choose an article first")
        with self.server.workspace() as ws:
            ws.decide_incident(action, article, other, by=form.get("by", ""))
        return article

    def _page(self) -> None:
        from auditor.render.html import render_report
        from auditor.review.reviews import incident_context, page_context

        with self.server.workspace() as ws:
            audit = self.server.audit(ws)
            if audit is None:
                self._error(HTTPStatus.OK, f"No audit in this workspace yet: run auditor audit PATH... "
                                           f"--workspace {self.server.workspace_path.parent}")
                return
            context = page_context(ws.facts(), ws.reviews(), token=self.server.token, reviewer=self._reviewer(),
                                   workspace=str(self.server.workspace_path.parent))
            runs = ws.runs()
            context.update(incident_context(audit, ws.incident_decisions(), runs[-1]["at"] if runs else ""))
        self._send(200, render_report(audit, **context))

    def _export(self, fmt: str, content_type: str, filename: str) -> None:
        from auditor.review.reviews import export

        with self.server.workspace() as ws:
            text = export(fmt, ws.facts(), ws.reviews(), ws.articles(), base_url=self.server.url)
        data = text.encode("utf-8-sig") if fmt == "csv" else text.encode("utf-8")
        self._send(200, data, content_type, {"Content-Disposition": f'attachment; filename="{filename}"'})


def make_server(location: Union[str, Path], host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                allow_remote: bool = False) -> ReviewServer:
    """Check the workspace and the address, then bind (port 0 = any free port)."""
    if not is_loopback(host) and not allow_remote:
        raise AuditorError(f"--host {host} can be reached from other machines; add --allow-remote to serve it "
                           f"anyway (anyone who can reach it can read the articles and change reviews)")
    with Workspace.open(location, create=False) as ws:  # full check once: foreign or corrupt files fail here
        path = ws.path
    try:
        server = ReviewServer(path, host, port, remote=not is_loopback(host))
    except OSError as exc:
        raise AuditorError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    if server.remote:
        log.warning("serving %s to other machines at %s", path, server.url)
    return server
