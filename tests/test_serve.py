"""The local review page: forms that POST, cross-site protection, two tabs, and a real browser."""
from __future__ import annotations

import base64
import html
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Optional
from urllib.parse import urlencode

import pytest

from auditor.errors import AuditorError
from auditor.model import Finding
from auditor.review.serve import is_loopback, make_server
from auditor.review.workspace import Workspace
from test_review import fig_conflict, make_audit

ROOT = Path(__file__).resolve().parents[1]
UNATTRIBUTED = Finding(kind="unattributed", severity="note", summary="no source given in x")


@pytest.fixture
def story(tmp_path) -> Path:
    folder = tmp_path / "story"
    with Workspace.open(folder) as ws:
        ws.record(make_audit(["a1", "b1"], ["a2", "b2"], ["a3", "b3"], ["x1"], ["y1"],
                             findings={0: [fig_conflict("a1", "b1")], 3: [UNATTRIBUTED]}))
    return folder


@pytest.fixture
def server(story):
    """A review server on 127.0.0.1 and a free port, always shut down."""
    srv = make_server(story, host="127.0.0.1", port=0)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=10)


def keys(story: Path, kind: str = "cluster", verdict: Optional[str] = None) -> list[str]:
    with Workspace.open(story) as ws:
        return [f.key for f in ws.facts() if f.kind == kind and (verdict is None or f.verdict == verdict)]


def request(srv, method: str, path: str, form: Optional[dict] = None, headers: Optional[dict] = None,
            raw: Optional[bytes] = None):
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=20)
    body = raw if raw is not None else (urlencode(form).encode() if form is not None else None)
    hdrs = {"Host": f"127.0.0.1:{srv.port}"}
    if body is not None:
        hdrs["Content-Type"] = "application/x-www-form-urlencoded"
    hdrs.update(headers or {})
    try:
        conn.request(method, path, body=body, headers=hdrs)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


def form_of(page: str, key: str) -> dict:
    """The fields a browser would send from the form of `key`, as the page shows them."""
    match = re.search(rf'<form class="review[^"]*" method="post" action="/review" id="review-{re.escape(key)}">(.*?)</form>',
                      page, re.S)
    assert match, f"no form for {key}"
    body = match.group(1)
    fields = {m.group(1): html.unescape(m.group(2)) for m in re.finditer(r'<input type="hidden" name="(\w+)" value="([^"]*)"', body)}
    fields["status"] = re.search(r'<option value="([\w-]+)" selected>', body).group(1)
    fields["note"] = html.unescape(re.search(r"<textarea name=\"note\"[^>]*>(.*?)</textarea>", body, re.S).group(1))
    fields["by"] = html.unescape(re.search(r'<input name="by" value="([^"]*)"', body).group(1))
    return fields


def page(srv, headers: Optional[dict] = None) -> str:
    status, _, text = request(srv, "GET", "/", headers=headers)
    assert status == 200
    return text


# --------------------------------------------------------------------------- the page


def test_every_fact_and_finding_has_one_form_and_the_page_may_post_to_itself(server, story) -> None:
    status, headers, text = request(server, "GET", "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "form-action 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"] and headers["x-frame-options"] == "DENY"
    assert "form-action 'self'" in text and "<script" not in text
    every = keys(story) + keys(story, "finding")
    assert len(every) == 7  # 5 clusters, a finding in a card, a finding of a single-source fact
    for key in every:
        assert text.count(f'id="review-{key}"') == 1, key
    assert text.count(f'name="token" value="{server.token}"') == len(every)


def test_the_static_report_has_no_review_controls(story) -> None:
    from auditor.render.html import render_report

    with Workspace.open(story) as ws:
        text = render_report(ws.latest_audit())
    assert "<form" not in text and 'id="review' not in text and "form-action 'none'" in text


def test_a_post_saves_at_once_and_remembers_the_reviewer(server, story) -> None:
    key = keys(story, verdict="agree")[0]
    fields = form_of(page(server), key)
    assert (fields["status"], fields["note"], fields["by"]) == ("unchecked", "", "")
    fields.update(status="verified", note="Checked with the police <b>&</b> the hospital.", by="Ann Editor")
    status, headers, _ = request(server, "POST", "/review", fields,
                                 {"Origin": f"http://127.0.0.1:{server.port}", "Sec-Fetch-Site": "same-origin"})
    assert status == 303 and headers["location"] == f"/#review-{key}"
    assert "SameSite=Strict" in headers["set-cookie"]
    with Workspace.open(story) as ws:
        review = ws.review(key)
    assert (review.status, review.note, review.by) == ("verified", "Checked with the police <b>&</b> the hospital.",
                                                      "Ann Editor")
    again = form_of(page(server, {"Cookie": headers["set-cookie"].split(";")[0]}), key)
    assert (again["status"], again["note"], again["by"]) == ("verified", review.note, "Ann Editor")


def _tamper(srv, fields: dict, how: str):
    origin = {"Origin": f"http://127.0.0.1:{srv.port}"}
    if how == "no token":
        fields.pop("token")
    elif how == "wrong token":
        fields["token"] = "x" * 43
    elif how == "foreign origin":
        origin = {"Origin": "http://evil.example"}
    elif how == "null origin from another site":
        origin = {"Origin": "null", "Sec-Fetch-Site": "cross-site"}
    elif how == "same-site subdomain":
        origin = {"Origin": f"http://127.0.0.1:{srv.port}", "Sec-Fetch-Site": "same-site"}
    elif how == "cross-site fetch":
        origin = {"Sec-Fetch-Site": "cross-site"}
    elif how == "rebound host":
        origin = {"Host": f"evil.example:{srv.port}", "Origin": f"http://evil.example:{srv.port}"}
    elif how == "unknown key":
        fields["key"] = "f_0000000000"
    elif how == "bad status":
        fields["status"] = "true"
    elif how == "huge form":
        return request(srv, "POST", "/review", headers={**origin, "Content-Length": "1000001"}, raw=b"x")
    return request(srv, "POST", "/review", fields, origin)


@pytest.mark.parametrize("how, code", [
    ("no token", 403), ("wrong token", 403), ("foreign origin", 403), ("null origin from another site", 403),
    ("same-site subdomain", 403),
    ("cross-site fetch", 403), ("rebound host", 421), ("unknown key", 400), ("bad status", 400), ("huge form", 413),
])
def test_bad_posts_are_refused_and_change_nothing(server, story, how, code) -> None:
    key = keys(story, verdict="agree")[0]
    fields = form_of(page(server), key)
    fields.update(status="false", note="should not be saved")
    status, _, _ = _tamper(server, fields, how)
    assert status == code
    with Workspace.open(story) as ws:
        assert ws.history() == [] and ws.review(key).status == "unchecked"


@pytest.mark.parametrize("headers", [
    {"Origin": "null", "Sec-Fetch-Site": "same-origin"},  # Chromium, with the report's no-referrer policy
    {"Origin": "null"},  # an older browser with that policy: the token decides
    {},  # not a browser (curl): the token decides
])
def test_own_page_posts_are_accepted(server, story, headers) -> None:
    key = keys(story, verdict="agree")[0]
    fields = dict(form_of(page(server), key), status="inconclusive")
    assert request(server, "POST", "/review", fields, headers)[0] == 303
    with Workspace.open(story) as ws:
        assert ws.review(key).status == "inconclusive"


@pytest.mark.parametrize("path, code", [("/", 421), ("/export/findings.csv", 421), ("/nope", 404)])
def test_get_answers_only_to_its_own_address(server, path, code) -> None:
    headers = {"Host": "attacker.example"} if code == 421 else None
    assert request(server, "GET", path, headers=headers)[0] == code


def test_two_tabs_editing_one_fact_lose_nothing(server, story) -> None:
    key = keys(story, verdict="agree")[1]
    tab_a, tab_b = form_of(page(server), key), form_of(page(server), key)  # both loaded before either saves
    tab_a.update(status="false", by="A")
    tab_b.update(note="the toll was revised", by="B")
    assert request(server, "POST", "/review", tab_a)[0] == 303
    assert request(server, "POST", "/review", tab_b)[0] == 303  # B's page still shows "unchecked"
    with Workspace.open(story) as ws:
        review = ws.review(key)
        assert (review.status, review.status_by, review.note, review.note_by) == ("false", "A",
                                                                                  "the toll was revised", "B")
    # both change the same field: the last write wins, the history keeps both
    tab_a, tab_b = form_of(page(server), key), form_of(page(server), key)
    tab_a.update(note="note from A", by="A")
    tab_b.update(note="note from B", by="B")
    request(server, "POST", "/review", tab_a)
    request(server, "POST", "/review", tab_b)
    with Workspace.open(story) as ws:
        assert ws.review(key).note == "note from B" and ws.review(key).status == "false"
        assert [(c.field, c.new, c.by) for c in ws.history(key)] == [
            ("status", "false", "A"), ("note", "the toll was revised", "B"), ("note", "note from A", "A"),
            ("note", "note from B", "B")]


def test_concurrent_posts_are_all_saved(server, story) -> None:
    targets = keys(story) + keys(story, "finding")
    text = page(server)
    forms = {k: form_of(text, k) for k in targets}
    errors: list[str] = []

    def post(key: str, n: int) -> None:
        fields = dict(forms[key], note=f"note {n}", note_was="", by=f"user{n}")
        try:
            status, _, body = request(server, "POST", "/review", fields)
        except OSError as exc:
            errors.append(repr(exc))
            return
        if status != 303:
            errors.append(body)

    threads = [threading.Thread(target=post, args=(k, n)) for n in range(4) for k in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    with Workspace.open(story) as ws:
        assert len(ws.history()) == 4 * len(targets)


def test_exports_and_audit_are_served(server, story) -> None:
    key = keys(story, verdict="agree")[0]
    with Workspace.open(story) as ws:
        ws.set_review(key, status="misleading", by="Ann")
    status, headers, text = request(server, "GET", "/export/claimreview.jsonld")
    assert status == 200 and headers["content-type"].startswith("application/ld+json")
    doc = json.loads(text)
    assert doc["@graph"][0]["url"] == f"http://127.0.0.1:{server.port}/#review-{key}"
    status, headers, text = request(server, "GET", "/export/findings.csv")
    assert status == 200 and text.startswith("\ufeffkey,kind,cluster")
    status, _, text = request(server, "GET", "/audit.json")
    assert status == 200 and len(json.loads(text)["clusters"]) == 5


def test_a_workspace_without_a_run_says_what_to_do(tmp_path) -> None:
    Workspace.open(tmp_path / "empty").close()
    srv = make_server(tmp_path / "empty", port=0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        status, _, text = request(srv, "GET", "/")
    finally:
        srv.shutdown()
        srv.server_close()
    assert status == 200 and "No audit in this workspace yet" in text


# --------------------------------------------------------------------------- binding


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("10.1.2.3", False), ("192.168.0.9", False),
])
def test_only_loopback_is_local(host, loopback) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "10.1.2.3"])
def test_a_reachable_host_needs_allow_remote(story, host) -> None:
    with pytest.raises(AuditorError, match="--allow-remote"):
        make_server(story, host=host, port=0)


def test_cli_serve_refuses_a_remote_host_in_one_line(story) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "auditor", "serve", "--workspace", str(story), "--host", "0.0.0.0",
                           "--port", "0"], capture_output=True, env=env, timeout=60, cwd=ROOT)
    err = done.stderr.decode()
    assert done.returncode == 1 and len(err.strip().splitlines()) == 1 and "--allow-remote" in err


def test_cli_serve_answers_then_stops_on_sigint(story) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "auditor", "serve", "--workspace", str(story), "--port", "0"],
                            stderr=subprocess.PIPE, env=env, cwd=ROOT, text=True)
    try:
        line = proc.stderr.readline()
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
        conn.close()
        proc.send_signal(2)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()


# --------------------------------------------------------------------------- a real browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROMEDRIVER = shutil.which("chromedriver")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C web element identifier


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """Headless Chromium through chromedriver's W3C WebDriver API, with the standard library only."""

    def __init__(self, profile: Path) -> None:
        port = _free_port()
        self.proc = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        self.session = ""
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if self._call("GET", "/status")["ready"]:
                        break
                except (urllib.error.URLError, ConnectionError):
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("chromedriver did not start")
                time.sleep(0.1)
            args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--no-proxy-server", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--disable-default-apps", "--window-size=1200,1000",
                    f"--user-data-dir={profile}"]
            caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome",
                                                     "goog:chromeOptions": {"binary": CHROMIUM, "args": args}}}}
            self.session = self._call("POST", "/session", caps)["sessionId"]
        except BaseException:
            self.quit()
            raise

    def _call(self, method: str, path: str, body: Optional[dict] = None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with self.opener.open(req, timeout=60) as resp:
                return json.load(resp)["value"]
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"webdriver {method} {path}: {exc.read().decode()[:500]}") from None

    def _s(self, method: str, path: str, body: Optional[dict] = None):
        return self._call(method, f"/session/{self.session}{path}", body)

    def get(self, url: str) -> None:
        self._s("POST", "/url", {"url": url})

    def refresh(self) -> None:
        self._s("POST", "/refresh", {})

    def find(self, css: str) -> str:
        found = self._s("POST", "/element", {"using": "css selector", "value": css})
        assert isinstance(found, dict) and ELEMENT in found, f"{css}: {found}"
        return found[ELEMENT]

    def click(self, css: str, timeout: float = 10) -> None:
        """Click like a person: wait while the report's smooth scrolling brings the element into view."""
        deadline = time.monotonic() + timeout
        while True:
            element = self.find(css)
            self._s("POST", "/execute/sync", {"script": "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                                              "args": [{ELEMENT: element}]})
            try:
                self._s("POST", f"/element/{element}/click", {})
                return
            except AssertionError as exc:
                if "click intercepted" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def type(self, css: str, text: str) -> None:
        element = self.find(css)
        self._s("POST", f"/element/{element}/clear", {})
        self._s("POST", f"/element/{element}/value", {"text": text})

    def value(self, css: str) -> str:
        return self._s("GET", f"/element/{self.find(css)}/property/value")

    def wait_value(self, css: str, expected: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.value(css) == expected:
                    return
            except AssertionError:
                pass  # the page is between two loads
            if time.monotonic() > deadline:
                raise AssertionError(f"{css} never became {expected!r}")
            time.sleep(0.1)

    def new_tab(self) -> str:
        return self._s("POST", "/window/new", {"type": "tab"})["handle"]

    def window(self) -> str:
        return self._s("GET", "/window")

    def switch(self, handle: str) -> None:
        self._s("POST", "/window", {"handle": handle})

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self._s("GET", "/screenshot")))

    def quit(self) -> None:
        try:
            if self.session:
                self._s("DELETE", "")
        except Exception:
            pass
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def browser(tmp_path):
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    b = Browser(tmp_path / "profile")
    try:
        yield b
    finally:
        b.quit()


@pytest.mark.browser
def test_in_chromium_setting_a_status_and_note_survives_a_reload(server, story, browser, tmp_path) -> None:
    key = keys(story, verdict="single-source")[0]  # folded in a <details>: open it as a person would
    form = f"#review-{key}"
    browser.get(server.url)
    browser.click(f"details:has({form}) > summary")
    browser.click(f"{form} option[value=verified]")
    browser.type(f"{form} textarea[name=note]", "Confirmed by the district police.")
    browser.type(f"{form} input[name=by]", "Browser Tester")
    browser.click(f"{form} button[type=submit]")
    browser.wait_value(f"{form} input[name=status_was]", "verified")
    browser.refresh()
    assert browser.value(f"{form} select[name=status]") == "verified"
    assert browser.value(f"{form} textarea[name=note]") == "Confirmed by the district police."
    assert browser.value(f"{form} input[name=by]") == "Browser Tester"  # remembered by its cookie
    browser.screenshot(tmp_path / "review.png")
    with Workspace.open(story) as ws:
        review = ws.review(key)
    assert (review.status, review.note, review.by) == ("verified", "Confirmed by the district police.",
                                                      "Browser Tester")


@pytest.mark.browser
def test_in_chromium_two_tabs_editing_one_fact_lose_nothing(server, story, browser) -> None:
    key = keys(story, verdict="agree")[0]
    form = f"#review-{key}"
    first = browser.window()
    browser.get(server.url)
    second = browser.new_tab()
    browser.switch(second)
    browser.get(server.url)  # both tabs show "unchecked", no note

    browser.switch(first)
    browser.click(f"{form} option[value=false]")
    browser.type(f"{form} input[name=by]", "Tab One")
    browser.click(f"{form} button[type=submit]")
    browser.wait_value(f"{form} input[name=status_was]", "false")

    browser.switch(second)  # stale: still shows "unchecked"
    assert browser.value(f"{form} select[name=status]") == "unchecked"
    browser.type(f"{form} textarea[name=note]", "Two officials dispute the toll.")
    browser.type(f"{form} input[name=by]", "Tab Two")
    browser.click(f"{form} button[type=submit]")
    browser.wait_value(f"{form} input[name=note_was]", "Two officials dispute the toll.")
    browser.refresh()
    assert browser.value(f"{form} select[name=status]") == "false"
    assert browser.value(f"{form} textarea[name=note]") == "Two officials dispute the toll."
    with Workspace.open(story) as ws:
        assert [(c.field, c.new, c.by) for c in ws.history(key)] == [
            ("status", "false", "Tab One"), ("note", "Two officials dispute the toll.", "Tab Two")]


# --------------------------------------------------------------------------- the editor's incident controls


@pytest.fixture
def incidents_server(tmp_path):
    """A review server on a workspace whose latest run has two incidents: a + b, and x (titled with markup)."""
    from dataclasses import replace

    from auditor.model import Event

    audit = make_audit(["a1", "b1"], ["x1"])
    audit = replace(audit, articles=tuple(replace(a, title="<b>Quetta</b> & more" if a.id == "x" else None)
                                          for a in audit.articles),
                    events=(Event("e1", ("a", "b"), "Attacks in Balochistan", ("when: Monday",)),
                            Event("e2", ("x",), "<script>alert(1)</script>", ("nothing binds it",))))
    folder = tmp_path / "story"
    with Workspace.open(folder) as ws:
        ws.record(audit)
    srv = make_server(folder, host="127.0.0.1", port=0)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield srv, folder
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=10)


def incident_form(text: str, event: str) -> str:
    match = re.search(rf'<form class="review incident" method="post" action="/incident" id="incident-{event}">(.*?)</form>',
                      text, re.S)
    assert match, f"no incident form for {event}"
    return match.group(1)


@pytest.mark.parametrize("choice, expected", [
    ({"action": "move", "target": "a", "article": "x"}, ("move", "x", "a")),
    ({"action": "join", "target": "x", "other": "a"}, ("join", "x", "a")),
    ({"action": "apart", "target": "a", "apart": "b"}, ("apart", "b", None)),
])
def test_an_incident_form_records_the_editors_decision(incidents_server, choice, expected) -> None:
    srv, folder = incidents_server
    text = page(srv)
    one, two = incident_form(text, "e1"), incident_form(text, "e2")
    assert 'value="apart"' in one and 'value="apart"' not in two  # a single article has nothing to set apart
    assert "&lt;b&gt;Quetta&lt;/b&gt; &amp; more" in one and "<b>Quetta</b>" not in text  # escaped
    assert "<script>alert" not in text
    status, headers, _ = request(srv, "POST", "/incident", {"token": srv.token, "by": "Ann", **choice},
                                 {"Sec-Fetch-Site": "same-origin"})
    assert status == 303 and headers["location"] == "/#incidents"
    with Workspace.open(folder) as ws:
        decisions = ws.incident_decisions()
    assert [(d.action, d.article, d.other, d.by) for d in decisions] == [(*expected, "Ann")]
    listed = page(srv)
    assert "The editor's decisions" in listed and "from the next audit" in listed
    withdraw = {"token": srv.token, "action": "clear", "article": expected[1], "by": "Ann"}
    assert request(srv, "POST", "/incident", withdraw, {"Sec-Fetch-Site": "same-origin"})[0] == 303
    with Workspace.open(folder) as ws:
        assert ws.incident_decisions() == ()


@pytest.mark.parametrize("form, code", [
    ({"action": "move", "target": "a", "article": "nope"}, 400),
    ({"action": "move", "target": "a", "article": ""}, 400),
    ({"action": "split", "target": "a"}, 400),
    ({"action": "apart", "apart": "b", "token": "x" * 43}, 403),
])
def test_bad_incident_posts_are_refused_and_change_nothing(incidents_server, form, code) -> None:
    srv, folder = incidents_server
    status, _, text = request(srv, "POST", "/incident", {"token": srv.token, **form}, {"Sec-Fetch-Site": "same-origin"})
    assert status == code
    with Workspace.open(folder) as ws:
        assert ws.incident_decisions() == ()
