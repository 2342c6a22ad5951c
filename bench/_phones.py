"""A bench client process: a share of the simulated phones, driven by commands over a pipe.

Each phone joins over HTTP (GET /j/<code> for the CSRF token and session cookie, POST /join for the
participant cookie) through one pooled aiohttp session, then holds a websocket. Phones that write hold a
python-socketio AsyncClient (they need its acknowledgements); the others, thousands of them, are light: an
aiohttp websocket that speaks just enough Engine.IO v4 / Socket.IO v5 to connect, answer pings and notice an
activity switch (``LightSocket``). At 10,000 phones python-socketio's clients dropped their sockets while
connecting (its client gives up on a ping more than 5 s late, a phone's after 45 s), and each costs about
twice a light phone's CPU (bench/README.md).

Times are ``time.monotonic()`` (CLOCK_MONOTONIC, the same clock in every process of the machine), so the main
process can compare them with what the projector saw.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import string
import time
import traceback

SOURCE_ADDRESSES = 8
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')

# Engine.IO v4 packets as text frames: open, close, ping, pong; a Socket.IO v5 packet rides in a "4" (message):
# "40" connect (with the auth), "41" disconnect, "42" an event, "44" a refused connect. The default namespace
# carries no name, so an activity switch always begins with exactly this.
SWITCH_PREFIX = '42["activity"'


class Phone:
    __slots__ = ("index", "cookie", "client", "light", "url", "activity_at")

    def __init__(self, index: int, cookie: str):
        self.index = index
        self.cookie = cookie
        self.client = None  # a python-socketio AsyncClient: a phone that writes
        self.light = None  # a LightSocket: a phone that only listens
        self.url = None
        self.activity_at = None

    @property
    def connected(self) -> bool:
        if self.client is not None:
            return self.client.connected
        return self.light is not None and self.light.open


class LightSocket:
    """A phone that only listens, over one aiohttp websocket: the handshake a phone makes with its participant
    cookie, the Socket.IO connect with its auth, a pong for every ping, and the time of the first activity
    switch while the worker is armed. Every other message is looked at only as far as its first bytes."""

    __slots__ = ("ws", "task", "open", "pongs", "last_ping", "gives_up_after")

    def __init__(self, ws, gives_up_after: float):
        self.ws = ws
        self.task = None
        self.open = True
        self.pongs = 0
        self.last_ping = time.monotonic()  # a phone's client starts waiting for the first ping at the handshake
        self.gives_up_after = gives_up_after

    @classmethod
    async def connect(cls, session, url: str, cookie: str, auth: dict, timeout: float) -> LightSocket:
        ws_url = url.replace("http://", "ws://", 1).rstrip("/") + "/socket.io/?EIO=4&transport=websocket"
        ws = await asyncio.wait_for(session.ws_connect(ws_url, headers={"Cookie": cookie}), timeout)
        try:
            opened = await ws.receive(timeout)
            if not isinstance(opened.data, str) or not opened.data.startswith("0"):
                raise ConnectionError(f"no Engine.IO open packet: {str(opened.data)[:80]!r}")
            handshake = json.loads(opened.data[1:])
            gives_up_after = (handshake["pingInterval"] + handshake["pingTimeout"]) / 1000
            await ws.send_str("40" + json.dumps(auth))
            while True:
                reply = await ws.receive(timeout)
                if not isinstance(reply.data, str):
                    raise ConnectionError(f"closed during the Socket.IO connect: {reply.type}")
                if reply.data == "2":
                    await ws.send_str("3")
                elif reply.data.startswith("40"):
                    return cls(ws, gives_up_after)
                elif reply.data.startswith("44"):
                    raise ConnectionRefusedError(f"Socket.IO connect refused: {reply.data[2:200]}")
        except BaseException:
            await ws.close()
            raise

    async def listen(self, phone: Phone, worker: Worker) -> None:
        import aiohttp

        ws = self.ws
        try:
            while True:
                message = await ws.receive()
                if message.type is not aiohttp.WSMsgType.TEXT:
                    break  # closed, or an error; this bench's server sends no binary frames to phones
                data = message.data
                if data == "2":
                    await ws.send_str("3")
                    self.pongs += 1
                    now = time.monotonic()
                    if now - self.last_ping > worker.longest_ping_gap:
                        worker.longest_ping_gap = now - self.last_ping
                    self.last_ping = now
                elif data.startswith(SWITCH_PREFIX):
                    if worker.armed and phone.activity_at is None:
                        phone.activity_at = time.monotonic()
                elif data == "1" or data.startswith("41"):
                    break  # the server closed the Engine.IO session or the Socket.IO namespace
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            if self.open:  # not closed by the bench itself (disconnect() below)
                self.open = False
                worker.disconnects += 1
                await ws.close()

    async def disconnect(self) -> None:
        """Leave as a phone closing its page does: the socket goes, the server notices."""
        self.open = False
        if self.task is not None:
            self.task.cancel()
            try:
                await self.task
            except asyncio.CancelledError:
                pass
        await self.ws.close()


def letters(n: int, width: int = 5) -> str:
    out = []
    for _ in range(width):
        n, r = divmod(n, 26)
        out.append(string.ascii_lowercase[r])
    return "".join(reversed(out))


class Busy(Exception):
    """429: the app's join limits (per event code, per peer address) say wait."""


class JoinGate:
    """A worker's joins while the app's join limits refuse them: one at a time, and none for ``pause`` seconds
    after a refusal, until ``quiet`` seconds pass without one.

    The app counts a refused join against the event code's limit as well (``ratelimit.check_join``): if each of
    the worker's concurrent joins retried on its own, the refusals would use up joins the room could have had
    (a third of the limit with 48 joins in flight retrying every 3 s, measured)."""

    def __init__(self, pause: float = 3.0, quiet: float = 30.0):
        self.pause = pause
        self.quiet = quiet
        self.lock = asyncio.Lock()
        self.last_refusal = -1e9
        self.refusals = 0
        self.waited = 0.0  # seconds this worker's joins were held back by the app's limits

    def held(self) -> bool:
        return time.monotonic() - self.last_refusal < self.quiet

    def refused(self) -> None:
        self.refusals += 1
        self.last_refusal = time.monotonic()

    async def wait_out_pause(self) -> None:
        delay = self.last_refusal + self.pause - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
            self.waited += delay


async def join_one(
    session, base_url: str, code: str, gate: JoinGate, attempts: int = 3, busy_seconds: float = 900
) -> str:
    """The participant cookie of a newly joined phone. A 429 (too many joins this minute) is waited out
    (``JoinGate``), for at most ``busy_seconds``."""

    async def once() -> str:
        async with session.get(f"{base_url}/j/{code}", allow_redirects=False) as reply:
            page = await reply.text()
            session_cookie = reply.cookies.get("session")
            if reply.status == 429:
                raise Busy()
            found = CSRF_RE.search(page)
            if found is None:
                raise RuntimeError(f"GET /j/{code} answered {reply.status} without a CSRF token")
        token = found.group(1)
        headers = {"Cookie": f"session={session_cookie.value}"} if session_cookie else {}
        async with session.post(
            f"{base_url}/join", data={"code": code, "csrf_token": token}, headers=headers, allow_redirects=False
        ) as reply:
            await reply.read()
            participant = reply.cookies.get("participant")
            if reply.status == 429:
                raise Busy()
            if reply.status != 302 or participant is None:
                raise RuntimeError(f"join answered {reply.status}")
            return f"participant={participant.value}"

    last = None
    attempt = 0
    give_up = time.monotonic() + busy_seconds
    while attempt < attempts and time.monotonic() < give_up:
        try:
            if gate.held():
                async with gate.lock:
                    await gate.wait_out_pause()
                    return await once()
            return await once()
        except Busy as error:
            last = error
            gate.refused()
        except Exception as error:  # noqa: BLE001 - retried, then reported
            last = error
            attempt += 1
            await asyncio.sleep(0.2 * attempt)
    raise RuntimeError(f"join failed: {last!r}")


class Worker:
    def __init__(self, conn, worker_index: int):
        self.conn = conn
        self.worker_index = worker_index
        self.phones: list[Phone] = []
        self.http = None
        self.armed = False
        self.disconnects = 0
        self.longest_ping_gap = 0.0  # seconds, the longest any light phone waited for its next ping
        self.ping_timeouts = 0
        self.watching = None

    async def run(self) -> None:
        import aiohttp

        loop = asyncio.get_running_loop()
        # Phones come from several loopback addresses (127.0.<10 + worker>.<1..8>), as phones on a venue's
        # Wi-Fi come from many: the app limits joins per peer address.
        self.sessions = [
            aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=0, local_addr=(f"127.0.{10 + self.worker_index}.{a}", 0)),
                cookie_jar=aiohttp.DummyCookieJar(),
                timeout=aiohttp.ClientTimeout(total=60),
            )
            for a in range(1, SOURCE_ADDRESSES + 1)
        ]
        self.http = self.sessions[0]
        try:
            while True:
                command = await loop.run_in_executor(None, self.conn.recv)
                name, args = command[0], command[1:]
                if name == "quit":
                    await self.disconnect()
                    self.conn.send(("bye",))
                    return
                try:
                    reply = await getattr(self, name)(*args)
                except Exception:  # noqa: BLE001 - reported to the main process
                    reply = ("error", traceback.format_exc())
                self.conn.send(reply)
        finally:
            for session in self.sessions:
                await session.close()

    # --- commands ---------------------------------------------------------------------------------

    async def join(self, base_url: str, code: str, count: int, concurrency: int = 16, progress_every: float = 10):
        """Join ``count`` phones; every ``progress_every`` seconds tell the main process how far it got and
        what it waits for (its ``Workers.ask`` prints it)."""
        started = time.monotonic()
        semaphore = asyncio.Semaphore(concurrency)
        failures = []
        gate = JoinGate()
        done = 0
        base = len(self.phones)

        async def one(i):
            nonlocal done
            async with semaphore:
                try:
                    cookie = await join_one(self.sessions[(base + i) % len(self.sessions)], base_url, code, gate)
                    done += 1
                    return cookie
                except Exception as error:  # noqa: BLE001
                    failures.append(repr(error))
                    return None

        async def report():
            while True:
                await asyncio.sleep(progress_every)
                self.conn.send(("progress", "join", done, gate.refusals, gate.waited))

        reporter = asyncio.ensure_future(report())
        try:
            cookies = await asyncio.gather(*(one(i) for i in range(count)))
        finally:
            reporter.cancel()
        self.phones += [Phone(base + i, c) for i, c in enumerate(cookies) if c]
        elapsed = time.monotonic() - started
        return ("joined", len(self.phones), len(failures), elapsed, failures[:3], gate.refusals, gate.waited)

    async def connect(self, urls: list[str], concurrency: int = 32, timeout: float = 30, writers: int | None = None):
        """Connect every phone, phone i to urls[i % len(urls)] (websocket transport only): the first
        ``writers`` of this worker's phones (all when None) as python-socketio clients, the rest light."""
        started = time.monotonic()
        semaphore = asyncio.Semaphore(concurrency)
        failures = []
        full = len(self.phones) if writers is None else writers

        async def one(phone: Phone, as_writer: bool):
            async with semaphore:
                url = urls[(phone.index + self.worker_index) % len(urls)]
                session = self.sessions[phone.index % len(self.sessions)]
                try:
                    if as_writer:
                        phone.client = await self.full_client(phone, session, url, timeout)
                    else:
                        phone.light = await LightSocket.connect(
                            session, url, phone.cookie, {"view": "participant"}, timeout
                        )
                        phone.light.task = asyncio.ensure_future(phone.light.listen(phone, self))
                    phone.url = url
                except Exception as error:  # noqa: BLE001
                    failures.append(repr(error))

        # The light phones first: the server, busy accepting thousands of sockets, sends some pings late, and
        # python-socketio's client drops its socket when a ping is over 5 s late (``drop_silent_sockets``).
        # Writers connected after the crowd get their first ping once it is in.
        waiting = [(p, i < full) for i, p in enumerate(self.phones) if p.client is None and p.light is None]
        await asyncio.gather(*(one(p, False) for p, as_writer in waiting if not as_writer))
        await asyncio.gather(*(one(p, True) for p, as_writer in waiting if as_writer))
        if self.watching is None and any(p.light is not None for p in self.phones):
            self.watching = asyncio.ensure_future(self.drop_silent_sockets())
        held = sum(1 for p in self.phones if p.connected)
        writing = sum(1 for p in self.phones if p.client is not None and p.client.connected)
        return ("connected", held, len(failures), time.monotonic() - started, failures[:3], writing)

    async def full_client(self, phone: Phone, session, url: str, timeout: float):
        import socketio

        # The cookie goes in the websocket's own headers: a Cookie header given to connect() would be
        # moved into the shared session's cookie jar (python-engineio), which every phone shares.
        client = socketio.AsyncClient(
            reconnection=False,
            http_session=session,
            websocket_extra_options={"headers": {"Cookie": phone.cookie}},
        )

        @client.on("activity")
        async def on_activity(data, phone=phone):
            if self.armed and phone.activity_at is None:
                phone.activity_at = time.monotonic()

        @client.on("disconnect")
        async def on_disconnect(*_):
            self.disconnects += 1

        try:
            await client.connect(url, auth={"view": "participant"}, transports=["websocket"], wait_timeout=timeout)
        except Exception:
            try:
                await client.disconnect()
            except Exception:  # noqa: BLE001
                pass
            raise
        return client

    async def drop_silent_sockets(self, every: float = 5.0) -> None:
        """A phone's Engine.IO client closes its socket when no ping came for the ping interval plus the ping
        timeout of the handshake (45 s here; static/vendor/socket.io.min.js), counted from the handshake and from
        each ping; light phones do the same, checked every ``every`` seconds for all of them.
        (python-socketio's client is stricter: its writer gives up 30 s after it last sent anything, a pong
        included, so a ping more than 5 s late drops it: "packet queue is empty, aborting".)"""
        while True:
            await asyncio.sleep(every)
            now = time.monotonic()
            for phone in self.phones:
                light = phone.light
                if light is not None and light.open and now - light.last_ping > light.gives_up_after:
                    self.ping_timeouts += 1
                    self.disconnects += 1
                    await light.disconnect()

    async def status(self):
        writing = sum(1 for p in self.phones if p.client is not None and p.client.connected)
        held = sum(1 for p in self.phones if p.connected)
        return ("status", held, writing, self.disconnects, self.ping_timeouts, self.longest_ping_gap)

    async def arm_switch(self):
        for phone in self.phones:
            phone.activity_at = None
        self.armed = True
        return ("armed",)

    async def collect_switch(self, timeout: float):
        deadline = time.monotonic() + timeout
        live = [p for p in self.phones if p.connected]
        while time.monotonic() < deadline and any(p.activity_at is None for p in live):
            await asyncio.sleep(0.05)
        self.armed = False
        times = [p.activity_at for p in live if p.activity_at is not None]
        return ("switch", times, len(live) - len(times))

    async def submit(
        self,
        t_start: float,
        rate: float,
        duration: float,
        activity_id: int,
        lane: str,
        n_workers: int,
        seed: int = 1,
        ack_timeout: float = 20,
    ):
        """Open-loop submissions at ``rate`` per second (this worker's share), round robin over its phones
        that write (the light ones cannot)."""
        live = [p for p in self.phones if p.client is not None and p.client.connected]
        dropped_before = self.disconnects
        if not live or rate <= 0:
            return ("submitted", [], 0)
        self.rounds = getattr(self, "rounds", 0) + 1  # a new round (scenario) gets new client keys
        rng = random.Random((seed * 1000 + self.worker_index) * 1000 + self.rounds)
        rng.shuffle(live)
        total = int(rate * duration)
        interval = 1.0 / rate
        offset = self.worker_index / (rate * n_workers)  # interleave the workers' schedules
        records = []
        tasks = []

        async def one(seq: int, phone: Phone):
            key = f"b{self.worker_index:02d}r{self.rounds:02d}s{seq:07d}{rng.getrandbits(40):010x}"
            text = f"Bench idea {letters(self.worker_index * 1_000_000 + seq)} for safer apps"
            payload = {"activity_id": activity_id, "lane": lane, "text": text, "client_key": key}
            t0 = time.monotonic()
            try:
                ack = await phone.client.call("participant:submit", payload, timeout=ack_timeout)
                t1 = time.monotonic()
                ok = bool(ack and ack.get("ok"))
                entry = (ack or {}).get("entry") or {}
                records.append(
                    (
                        key,
                        t0,
                        t1,
                        ok,
                        entry.get("id"),
                        None if ok else (ack or {}).get("error"),
                        bool((ack or {}).get("duplicate")),
                    )
                )
            except Exception as error:  # noqa: BLE001 - a timeout or a dropped connection
                records.append((key, t0, time.monotonic(), False, None, type(error).__name__, False))

        for seq in range(total):
            target = t_start + offset + seq * interval
            delay = target - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.ensure_future(one(seq, live[seq % len(live)])))
        if tasks:
            await asyncio.wait(tasks, timeout=ack_timeout + 5)
        return ("submitted", records, self.disconnects - dropped_before)

    async def disconnect(self, concurrency: int = 200):
        if self.watching is not None:
            self.watching.cancel()
            self.watching = None
        started = time.monotonic()
        semaphore = asyncio.Semaphore(concurrency)

        async def one(phone: Phone):
            async with semaphore:
                for held in (phone.client, phone.light):
                    if held is not None:
                        try:
                            await asyncio.wait_for(held.disconnect(), 10)
                        except Exception:  # noqa: BLE001
                            pass
                phone.client = phone.light = None

        await asyncio.gather(*(one(p) for p in self.phones))
        return ("disconnected", time.monotonic() - started)


def worker_main(conn, worker_index: int, cpu: int | None = None, nice: int = 0) -> None:
    import os

    from bench._server import no_full_collections, raise_nofile

    raise_nofile()
    no_full_collections()
    if nice:
        os.setpriority(os.PRIO_PROCESS, 0, nice)
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    try:
        asyncio.run(Worker(conn, worker_index).run())
    finally:
        conn.close()
