"""Start the app as a real server process, the way README documents, for tests and benchmarks."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RunningServer:
    process: subprocess.Popen
    url: str
    output: list[str] = field(default_factory=list)
    demo: dict = field(default_factory=dict)
    drain: object = None

    def stop(self, sig=None) -> None:
        if self.process.poll() is None:
            if sig is None:
                self.process.terminate()
            else:
                self.process.send_signal(sig)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if self.drain is not None:
            self.drain.join(5)
        if self.process.stdout and not self.process.stdout.closed:
            self.process.stdout.close()


def post_moderated_board(db_path: str, event_id: int) -> tuple[int, str]:
    """The demo event's first board for everyone, made post-moderated (the demo agenda has none), and its
    first lane, in a server's SQLite file."""
    with closing(sqlite3.connect(db_path)) as conn, conn:
        activity_id, settings = conn.execute(
            "SELECT id, settings FROM activities WHERE event_id = ? AND kind = 'board' AND audience = 'everyone' "
            "ORDER BY id LIMIT 1",
            (event_id,),
        ).fetchone()
        conn.execute("UPDATE activities SET moderation = 'post' WHERE id = ?", (activity_id,))
    return activity_id, json.loads(settings)["lanes"][0]["key"]


def start_server(
    async_mode: str,
    env: dict,
    *,
    port: int | None = None,
    demo: bool = True,
    timeout: float = 60,
    extra_args: tuple[str, ...] = (),
) -> RunningServer:
    port = port or free_port()
    command = [sys.executable, "-m", "facilitator", "serve", "--port", str(port), "--async-mode", async_mode]
    if demo:
        command.append("--demo")
    command += extra_args
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = RunningServer(process, f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                process.stdout.close()
                raise RuntimeError("server exited:\n" + "".join(server.output))
            continue
        server.output.append(line)
        if "facilitator serving on" in line:
            break
    else:
        server.stop()
        raise RuntimeError("server did not start:\n" + "".join(server.output))

    text = "".join(server.output)
    for key, pattern in {
        "join_code": r"Join code:\s+(\w+)",
        "projector": r"/p/(\S+)",
        "console": r"/console/(\d+)",
        "password": r"facilitator@demo\.local / (\S+)",
    }.items():
        match = re.search(pattern, text)
        if match:
            server.demo[key] = match.group(1)
    # Drain the rest of the output in the background so the server never blocks on a full pipe.

    server.drain = threading.Thread(target=lambda: server.output.extend(process.stdout), daemon=True)
    server.drain.start()
    try:
        _wait_until_up(server.url, deadline)
    except RuntimeError:
        server.stop()  # never leave a half-started server behind
        raise
    return server


def _wait_until_up(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("server did not answer /healthz")


class Browserless:
    """An HTTP client with cookies, enough to join as a phone or sign in as staff."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        with self.opener.open(self.base_url + path, timeout=10) as reply:
            return reply.read().decode()

    def post(self, path: str, fields: dict) -> int:
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base_url + path, data=data, timeout=10) as reply:
            return reply.status

    def csrf(self, path: str) -> str:
        return re.search(r'name="csrf_token" value="([^"]+)"', self.get(path)).group(1)

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)

    def join(self, code: str) -> Browserless:
        self.post("/join", {"code": code, "csrf_token": self.csrf(f"/j/{code}")})
        return self

    def confirm_readiness(self, event_id) -> Browserless:
        """Confirm the safeguarding checklist, so children's activities may open."""
        page = f"/console/{event_id}/safeguarding/"
        for item, detail in (("guardian_consent", ""), ("safeguarding_lead", "Ms Achieng, by the door"), ("dpia", "")):
            self.post(page + "readiness", {"item": item, "detail": detail, "csrf_token": self.csrf(page)})
        return self

    def sign_in(self, email: str, password: str) -> Browserless:
        self.post("/staff/login", {"email": email, "password": password, "csrf_token": self.csrf("/staff/login")})
        return self


def close_client(client) -> None:
    """Disconnect a python-socketio client, and close its websocket for sure: python-engineio leaves it
    open when the transport broke (a killed server, a cut connection), which would leak the socket."""
    client.disconnect()
    ws = getattr(client.eio, "ws", None)
    if ws is not None:
        ws.shutdown()


CHILDRENS_BOARD = "The internet we have and the internet we want"


def open_activity(server: RunningServer, title: str) -> None:
    """A facilitator confirms the safeguarding checklist and opens an activity from the console socket."""
    import socketio

    demo = server.demo
    staff = Browserless(server.url).sign_in("facilitator@demo.local", demo["password"])
    staff.confirm_readiness(demo["console"])
    console = socketio.Client(reconnection=False)
    console.connect(
        server.url,
        auth={"view": "console", "event_id": int(demo["console"])},
        headers={"Cookie": staff.cookie_header()},
        wait_timeout=10,
    )
    try:
        state = console.call("console:sync", {}, timeout=10)
        activity = next(a for s in state["agenda"] for a in s["activities"] if a["title"] == title)
        ack = console.call("console:open_activity", {"activity_id": activity["id"]}, timeout=10)
        assert ack["ok"], ack
    finally:
        console.disconnect()
