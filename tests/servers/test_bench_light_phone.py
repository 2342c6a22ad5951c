"""The load bench's light phone (bench/_phones.py, ``LightSocket``) against a real server: it joins as a phone
does, keeps its socket past two of the server's ping intervals by answering the pings, and notices an activity
switch. The bench counts on all three when it holds thousands of them."""

import asyncio
import time

import aiohttp
import pytest

from bench._phones import JoinGate, LightSocket, Phone, Worker, join_one
from tests.servers import CHILDRENS_BOARD, open_activity

pytestmark = pytest.mark.server

# facilitator/app.py: the server pings every 25 s and lets a phone go 20 s after a ping it did not answer.
PING_INTERVAL_SECONDS = 25


def test_a_light_phone_joins_stays_through_two_pings_and_sees_a_switch(server):
    asyncio.run(_hold_one_light_phone(server))


async def _hold_one_light_phone(server):
    async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as session:
        cookie = await join_one(session, server.url, server.demo["join_code"], JoinGate())
        assert cookie.startswith("participant=")

        worker = Worker(None, 0)
        phone = Phone(0, cookie)
        phone.light = await LightSocket.connect(session, server.url, cookie, {"view": "participant"}, 10)
        phone.light.task = asyncio.ensure_future(phone.light.listen(phone, worker))
        try:
            # Past two pings, and past the first ping's deadline: a phone that did not answer would be gone.
            deadline = time.monotonic() + 2 * PING_INTERVAL_SECONDS + 10
            while time.monotonic() < deadline and phone.light.pongs < 2:
                await asyncio.sleep(0.5)
            await asyncio.sleep(1)
            assert phone.light.pongs >= 2
            assert phone.connected and worker.disconnects == 0

            await asyncio.to_thread(open_activity, server, "Who is in the room?")
            await asyncio.sleep(1)
            assert phone.activity_at is None, "a switch is noted only while the bench waits for one"

            worker.armed = True
            sent = time.monotonic()
            await asyncio.to_thread(open_activity, server, CHILDRENS_BOARD)
            for _ in range(100):
                if phone.activity_at is not None:
                    break
                await asyncio.sleep(0.05)
            assert phone.activity_at is not None and phone.activity_at >= sent
            assert phone.connected and worker.disconnects == 0
        finally:
            await phone.light.disconnect()
        assert not phone.connected
