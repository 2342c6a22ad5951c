"""A bench client process: a share of the simulated phones, driven by commands over a pipe.

Each phone joins over HTTP (GET /j/<code> for the CSRF token and session cookie, POST /join for the
participant cookie) through one pooled aiohttp session, then holds a python-socketio AsyncClient over the
websocket transport. Times are ``time.monotonic()`` (CLOCK_MONOTONIC, the same clock in every process of
the machine), so the main process can compare them with what the projector saw.
"""

from __future__ import annotations

import asyncio
import random
import re
import string
import time
import traceback

SOURCE_ADDRESSES = 8
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


class Phone:
    __slots__ = ("index", "cookie", "client", "url", "activity_at", "activity_version")

    def __init__(self, index: int, cookie: str):
        self.index = index
        self.cookie = cookie
        self.client = None
        self.url = None
        self.activity_at = None
        self.activity_version = None


def letters(n: int, width: int = 5) -> str:
    out = []
    for _ in range(width):
        n, r = divmod(n, 26)
        out.append(string.ascii_lowercase[r])
    return "".join(reversed(out))


class Busy(Exception):
    """429: the app's join limits (per event code, per peer address) say wait."""


async def join_one(session, base_url: str, code: str, attempts: int = 3, busy_attempts: int = 40) -> str:
    """The participant cookie of a newly joined phone. A 429 (too many joins this minute) is waited out,
    a bounded number of times."""
    last = None
    attempt = busy = 0
    while attempt < attempts and busy < busy_attempts:
        try:
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
        except Busy as error:
            last = error
            busy += 1
            await asyncio.sleep(3.0)
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

    async def join(self, base_url: str, code: str, count: int, concurrency: int = 16):
        started = time.monotonic()
        semaphore = asyncio.Semaphore(concurrency)
        failures = []

        base = len(self.phones)

        async def one(i):
            async with semaphore:
                try:
                    return await join_one(self.sessions[(base + i) % len(self.sessions)], base_url, code)
                except Exception as error:  # noqa: BLE001
                    failures.append(repr(error))
                    return None

        cookies = await asyncio.gather(*(one(i) for i in range(count)))
        self.phones += [Phone(base + i, c) for i, c in enumerate(cookies) if c]
        return ("joined", len(self.phones), len(failures), time.monotonic() - started, failures[:3])

    async def connect(self, urls: list[str], concurrency: int = 32, timeout: float = 30):
        """Connect every phone, phone i to urls[i % len(urls)] (websocket transport only)."""
        import socketio

        started = time.monotonic()
        semaphore = asyncio.Semaphore(concurrency)
        failures = []

        async def one(phone: Phone):
            async with semaphore:
                # The cookie goes in the websocket's own headers: a Cookie header given to connect() would be
                # moved into the shared session's cookie jar (python-engineio), which every phone shares.
                client = socketio.AsyncClient(
                    reconnection=False,
                    http_session=self.sessions[phone.index % len(self.sessions)],
                    websocket_extra_options={"headers": {"Cookie": phone.cookie}},
                )

                @client.on("activity")
                async def on_activity(data, phone=phone):
                    if self.armed and phone.activity_at is None:
                        phone.activity_at = time.monotonic()
                        phone.activity_version = (data or {}).get("version")

                @client.on("disconnect")
                async def on_disconnect(*_):
                    self.disconnects += 1

                url = urls[(phone.index + self.worker_index) % len(urls)]
                try:
                    await client.connect(
                        url, auth={"view": "participant"}, transports=["websocket"], wait_timeout=timeout
                    )
                    phone.client, phone.url = client, url
                except Exception as error:  # noqa: BLE001
                    failures.append(repr(error))
                    try:
                        await client.disconnect()
                    except Exception:  # noqa: BLE001
                        pass

        await asyncio.gather(*(one(p) for p in self.phones if p.client is None))
        held = sum(1 for p in self.phones if p.client is not None and p.client.connected)
        return ("connected", held, len(failures), time.monotonic() - started, failures[:3])

    async def status(self):
        return ("status", sum(1 for p in self.phones if p.client is not None and p.client.connected))

    async def arm_switch(self):
        for phone in self.phones:
            phone.activity_at = None
            phone.activity_version = None
        self.armed = True
        return ("armed",)

    async def collect_switch(self, timeout: float):
        deadline = time.monotonic() + timeout
        live = [p for p in self.phones if p.client is not None and p.client.connected]
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
        """Open-loop submissions at ``rate`` per second (this worker's share), round robin over its phones."""
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
        started = time.monotonic()
        semaphore = asyncio.Semaphore(concurrency)

        async def one(phone: Phone):
            async with semaphore:
                if phone.client is not None:
                    try:
                        await asyncio.wait_for(phone.client.disconnect(), 10)
                    except Exception:  # noqa: BLE001
                        pass
                    phone.client = None

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
