"""Bench helpers: start the app the way README documents for production, create the demo event, make a
post-moderated board for the bench, and read a server process's RSS and CPU from /proc.

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import os
import re
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
NOFILE = 65536


def no_full_collections() -> None:
    """The bench's own processes must not stall for Python's full garbage collections (hundreds of ms
    with thousands of clients): a stall there would be counted as the server's latency. They are short-lived,
    so the memory this keeps is no concern."""
    import gc

    gc.collect()
    gc.freeze()
    young, middle, _old = gc.get_threshold()
    gc.set_threshold(young, middle, 10**9)


def raise_nofile(target: int = NOFILE) -> int:
    """Raise this process's open-file limit as far as the hard limit allows; returns the new soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = target if hard == resource.RLIM_INFINITY else min(target, hard)
    if soft < want:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
        except (ValueError, OSError):
            pass
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sqlalchemy_url(url: str) -> str:
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# --- databases ---------------------------------------------------------------------------------


def create_pg_database(name: str | None = None) -> str:
    import psycopg

    name = name or f"facilitator_bench_{os.getpid()}_{secrets.token_hex(3)}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://postgres@127.0.0.1:5432/{name}"


def drop_pg_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create_demo(env: dict, base_url: str) -> dict:
    """``facilitator demo``: the demo roundtable event; returns join code, projector token, event id, password."""
    out = subprocess.run(
        [str(VENV_BIN / "facilitator"), "demo", "--base-url", base_url],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    if out.returncode != 0:
        raise RuntimeError("facilitator demo failed:\n" + out.stdout + out.stderr)
    return parse_demo(out.stdout + out.stderr)


def parse_demo(text: str) -> dict:
    demo = {}
    for key, pattern in {
        "join_code": r"Join code:\s+(\w+)",
        "projector": r"/p/(\S+)",
        "console": r"/console/(\d+)",
        "password": r"facilitator@demo\.local / (\S+)",
    }.items():
        match = re.search(pattern, text)
        if match:
            demo[key] = match.group(1)
    return demo


def post_moderated_board(database_url: str, event_id: int) -> tuple[int, str, bool]:
    """A board with ``moderation='post'`` in the event: (activity id, first lane key, changed?).

    The demo agenda (facilitator/agenda/roundtable.json) has no post-moderated board; for the bench,
    with database access, this turns the first board for everyone into a post-moderated one.
    """
    from sqlalchemy import create_engine, text

    engine = create_engine(sqlalchemy_url(database_url))
    try:
        with engine.begin() as conn:
            rows = conn.execute(
                text(
                    "SELECT id, moderation, audience, settings FROM activities WHERE event_id = :e AND kind = 'board' "
                    "ORDER BY id"
                ),
                {"e": event_id},
            ).all()
            changed = False
            chosen = next((r for r in rows if r.moderation == "post"), None)
            if chosen is None:
                chosen = next((r for r in rows if r.audience == "everyone"), None) or rows[0]
                conn.execute(
                    text("UPDATE activities SET moderation = 'post', audience = 'everyone' WHERE id = :i"),
                    {"i": chosen.id},
                )
                changed = True
            settings = chosen.settings
            if isinstance(settings, str):
                import json

                settings = json.loads(settings)
            lanes = (settings or {}).get("lanes") or [{"key": "main"}]
            return chosen.id, lanes[0]["key"], changed
    finally:
        engine.dispose()


# --- servers -----------------------------------------------------------------------------------


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    kind: str
    log_path: Path
    log_file: object = None
    pid: int | None = None  # the process that serves requests (gunicorn's worker, not its master)
    extra: dict = field(default_factory=dict)

    def problems(self) -> str:
        """What went wrong in the server's log: worker timeouts, and each exception type with its count."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        import collections

        lines = text.splitlines()
        found: collections.Counter = collections.Counter()
        for line in lines:
            if any(m in line for m in ("WORKER TIMEOUT", "was sent SIGKILL", "Worker exiting", "Booting worker")):
                found[line.split("] ", 2)[-1][:150]] += 1
            elif re.match(r"^[\w.]+(Error|Exception|Timeout\w*|Exit)\b.*", line):
                found[line[:150]] += 1
        for line in [k for k, n in found.items() if "Booting worker" in k and n == 1]:
            del found[line]  # the one normal start
        return "\n".join(f"{n:6d} x {line}" for line, n in found.most_common(12))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        if self.log_file is not None:
            self.log_file.close()
            self.log_file = None


NICE = {"value": 0}


def _preexec() -> None:
    raise_nofile()
    if NICE["value"]:
        os.setpriority(os.PRIO_PROCESS, 0, NICE["value"])


def start_server(
    kind: str,
    env: dict,
    *,
    port: int | None = None,
    workdir: Path,
    timeout: float = 60,
    profile_dir: Path | None = None,
    wsgi: str = "wsgi:app",
    cwd: Path = ROOT,
) -> Server:
    """kind: ``gunicorn`` (gevent worker, README's production command, serving ``wsgi`` from ``cwd``: the app unless
    a bench serves another), ``serve-gevent`` or ``serve-eventlet``. Ready when ``/healthz`` answers 200."""
    port = port or free_port()
    if kind == "gunicorn":
        command = [
            str(VENV_BIN / "gunicorn"),
            "-k",
            "gevent",
            "-w",
            "1",
            "--worker-connections",
            "10000",
            "--bind",
            f"127.0.0.1:{port}",
            "--backlog",
            "4096",
            "--graceful-timeout",
            "5",
            "--no-control-socket",
            wsgi,
        ]
    elif kind in ("serve-gevent", "serve-eventlet"):
        command = [
            sys.executable,
            "-m",
            "facilitator",
            "serve",
            "--port",
            str(port),
            "--async-mode",
            kind.split("-", 1)[1],
        ]
    else:
        raise ValueError(kind)
    log_path = workdir / f"server-{port}.log"
    log_file = open(log_path, "w")
    process = subprocess.Popen(
        command, cwd=cwd, env={**os.environ, **env}, stdout=log_file, stderr=subprocess.STDOUT, preexec_fn=_preexec
    )
    server = Server(process, f"http://127.0.0.1:{port}", kind, log_path, log_file)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            server.stop()
            raise RuntimeError("server exited:\n" + log_path.read_text())
        try:
            with urllib.request.urlopen(server.url + "/healthz", timeout=2) as reply:
                if reply.status == 200:
                    break
        except OSError:
            time.sleep(0.2)
    else:
        server.stop()
        raise RuntimeError("server did not start:\n" + log_path.read_text())
    server.pid = serving_pid(process.pid)
    return server


def serving_pid(pid: int) -> int:
    """gunicorn's worker when ``pid`` is its master, else ``pid``."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return pid
    return int(children[0]) if children else pid


# --- /proc readings -----------------------------------------------------------------------------

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def rss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # the process is gone (gunicorn replaced its worker, or it died)
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def open_fds(pid: int) -> int:
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return -1


def schedstat(pid: int) -> tuple[float, float]:
    """(seconds on a CPU, seconds runnable but waiting for one) of all the process's threads (a gevent server
    runs in its main thread; a browser or the bench's own clients have helper threads too)."""
    on_cpu = waiting = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0.0, 0.0
    for task in tasks:
        try:
            fields = Path(f"/proc/{pid}/task/{task}/schedstat").read_text().split()
            on_cpu += int(fields[0])
            waiting += int(fields[1])
        except (OSError, ValueError, IndexError):  # the thread ended meanwhile
            continue
    return on_cpu / 1e9, waiting / 1e9


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    total = sum(values[:8])
    return total - idle, total


class CpuMeter:
    def __init__(self, pids: list[int]):
        self.pids = pids
        self.start()

    def start(self) -> None:
        self.t0 = time.monotonic()
        self.c0 = {pid: cpu_seconds(pid) for pid in self.pids}
        self.s0 = {pid: schedstat(pid) for pid in self.pids}
        self.m0 = machine_busy()

    def percent(self) -> dict[int, float]:
        wall = max(time.monotonic() - self.t0, 1e-6)
        return {pid: 100.0 * (cpu_seconds(pid) - self.c0[pid]) / wall for pid in self.pids}

    def seconds(self) -> dict[int, float]:
        return {pid: cpu_seconds(pid) - self.c0[pid] for pid in self.pids}

    def runqueue_percent(self) -> dict[int, float]:
        """Share of the wall time each process was ready to run but waited for a CPU (other load)."""
        wall = max(time.monotonic() - self.t0, 1e-6)
        return {pid: 100.0 * (schedstat(pid)[1] - self.s0[pid][1]) / wall for pid in self.pids}

    def runqueue_total_percent(self) -> float:
        """All the processes' waiting for a CPU, summed, as a share of the wall time (several processes can
        wait at once, so this can pass 100%)."""
        return sum(self.runqueue_percent().values())

    def machine_percent(self) -> float:
        busy, total = machine_busy()
        return 100.0 * (busy - self.m0[0]) / max(total - self.m0[1], 1) * (os.cpu_count() or 1)


# A repeatable bursty neighbour: busy for PCT% of every 100 ms period, idle for the rest (a browser drawing, a
# test suite, an antivirus scan look like this to the scheduler, unlike an always-busy loop).
NEIGHBOUR_CODE = """
import sys, time
busy = float(sys.argv[1]) / 100 * 0.1
period_start = time.monotonic()
while True:
    while time.monotonic() - period_start < busy:
        pass
    period_start += 0.1
    rest = period_start - time.monotonic()
    if rest > 0:
        time.sleep(rest)
    else:
        period_start = time.monotonic()
"""


def start_neighbour(percent: float, cpu: int | None) -> subprocess.Popen:
    """A duty-cycled busy loop (``percent`` of each 100 ms), on ``cpu`` when given (the server's, with --pin)."""

    def pin() -> None:
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})

    return subprocess.Popen([sys.executable, "-c", NEIGHBOUR_CODE, str(percent)], preexec_fn=pin)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


class TempDir:
    def __init__(self):
        self.path = Path(tempfile.mkdtemp(prefix="facilitator-bench-"))

    def cleanup(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
