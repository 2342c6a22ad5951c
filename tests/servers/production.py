"""The app as docs/deployment.md runs it: gunicorn with one gevent worker per process, production settings,
PostgreSQL, Redis. For the deployment test (tests/deploy) and the outage tests (tests/servers)."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import psycopg

from tests.servers import ROOT, RunningServer, free_port

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
GUNICORN = Path(sys.executable).parent / "gunicorn"
FACILITATOR = Path(sys.executable).parent / "facilitator"


@contextmanager
def fresh_database(admin_url: str = PG_ADMIN):
    """A new, empty PostgreSQL database for one test, dropped after it."""
    name = f"facilitator_deploy_{secrets.token_hex(4)}"
    base = admin_url.rsplit("/", 1)[0]
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    """The env file of docs/deployment.md, for a test: a fresh key, its own Socket.IO channel on Redis."""
    return {
        "FACILITATOR_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "DATABASE_URL": database_url,
        "SOCKETIO_MESSAGE_QUEUE": redis_url,
        "SOCKETIO_CHANNEL": f"facilitator-test-{secrets.token_hex(4)}",
        # Cheap password hashes: nothing real is protected in a test.
        "PASSWORD_HASH_TIME_COST": "1",
        "PASSWORD_HASH_MEMORY_KIB": "8192",
        "PASSWORD_HASH_PARALLELISM": "1",
        **extra,
    }


def run_cli(env: dict[str, str], *args: str) -> str:
    """A facilitator command with these settings (as facilitator-admin runs it); its output."""
    reply = subprocess.run(
        [str(FACILITATOR), *args], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120
    )
    assert reply.returncode == 0, reply.stdout + reply.stderr
    return reply.stdout


def demo_event(env: dict[str, str], base_url: str) -> dict[str, str]:
    """init-db, then the demo event; its join code, projector token, console id and staff password."""
    run_cli(env, "init-db")
    text = run_cli(env, "demo", "--base-url", base_url)
    found = {}
    for key, pattern in {
        "join_code": r"Join code:\s+(\w+)",
        "projector": r"/p/(\S+)",
        "console": r"/console/(\d+)",
        "password": r"facilitator@demo\.local / (\S+)",
    }.items():
        match = re.search(pattern, text)
        assert match, text
        found[key] = match.group(1)
    return found


def start_gunicorn(env: dict[str, str], port: int | None = None, *, timeout: float = 60) -> RunningServer:
    """README's production command on 127.0.0.1:port; its output (stdout and stderr) is collected."""
    port = port or free_port()
    process = subprocess.Popen(
        [str(GUNICORN), "-k", "gevent", "-w", "1", "--worker-connections", "1000", "--bind", f"127.0.0.1:{port}"]
        + ["--graceful-timeout", "5", "--no-control-socket", "wsgi:app"],
        cwd=ROOT,
        env={**os.environ, **env, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = RunningServer(process, f"http://127.0.0.1:{port}")
    server.drain = threading.Thread(target=lambda: server.output.extend(process.stdout), daemon=True)
    server.drain.start()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            server.stop()
            raise RuntimeError("gunicorn exited:\n" + "".join(server.output))
        try:
            with urllib.request.urlopen(server.url + "/healthz", timeout=2) as reply:
                if reply.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError("gunicorn did not answer /healthz:\n" + "".join(server.output))
