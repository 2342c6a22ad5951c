"""The app as a real server process (gevent, and eventlet through the serve command), driven by
python-socketio's client: join, submit, acknowledgement, moderation, broadcast to a projector."""

import os
import re
import threading
import uuid

import pytest
import socketio
import websocket

from tests.servers import Browserless, start_server

pytestmark = pytest.mark.server


@pytest.fixture(params=["gevent", "eventlet"])
def server(request, tmp_path):
    running = start_server(request.param, {"DATABASE_URL": f"sqlite:///{tmp_path / 'server.db'}"})
    yield running
    running.stop()


def connect(url: str, auth: dict, cookies: str = "") -> socketio.Client:
    client = socketio.Client(reconnection=False)
    client.connect(url, auth=auth, headers={"Cookie": cookies} if cookies else {}, wait_timeout=10)
    return client


def test_phone_to_moderator_to_projector_over_a_real_server(server):
    demo = server.demo
    phone_http = Browserless(server.url).join(demo["join_code"])
    staff_http = Browserless(server.url).sign_in("facilitator@demo.local", demo["password"])
    staff_http.confirm_readiness(demo["console"])

    projector = connect(server.url, {"view": "projector", "token": demo["projector"]})
    card_arrived = threading.Event()
    cards = []

    @projector.on("board")
    def on_board(update):
        cards.extend(update["cards"])
        if cards:
            card_arrived.set()

    console = connect(server.url, {"view": "console", "event_id": int(demo["console"])}, staff_http.cookie_header())
    phone = connect(server.url, {"view": "participant"}, phone_http.cookie_header())
    try:
        state = console.call("console:sync", {}, timeout=10)
        board = next(a for s in state["agenda"] for a in s["activities"] if a["kind"] == "board")
        assert console.call("console:open_activity", {"activity_id": board["id"]}, timeout=10)["ok"]

        key = uuid.uuid4().hex
        entry = {"activity_id": board["id"], "lane": "want", "text": "Report buttons that work", "client_key": key}
        ack = phone.call("participant:submit", entry, timeout=10)
        assert ack["ok"] and ack["entry"]["state"] == "waiting"
        assert phone.call("participant:submit", entry, timeout=10)["duplicate"] is True

        approved = console.call(
            "console:moderate", {"response_id": ack["entry"]["id"], "action": "approve"}, timeout=10
        )
        assert approved["ok"]
        assert card_arrived.wait(5), "the approved card never reached the projector"
        assert cards[0]["text"] == "Report buttons that work"
        snapshot = projector.call("projector:sync", {}, timeout=10)
        assert [c["id"] for c in snapshot["cards"]] == [ack["entry"]["id"]]
    finally:
        for client in (phone, console, projector):
            client.disconnect()


def test_websockets_are_opened_without_compression(server):
    """Browsers offer permessage-deflate. Accepted, it would keep zlib's state for every phone (about
    300 KB each) and compress each message once per phone; the server opens the socket uncompressed."""
    url = server.url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    offer = "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"
    ws = websocket.create_connection(url, header=[offer], timeout=10)
    try:
        assert ws.getstatus() == 101
        assert "sec-websocket-extensions" not in ws.getheaders()
        assert ws.recv().startswith("0{")  # Engine.IO's open packet: the connection itself works
    finally:
        ws.close()


def test_no_peer_address_reaches_the_servers_log(server):
    """DESIGN.md: no IP address is kept for participants, in the database or in any log. A malformed request
    line and a websocket that closes are what made the servers log one."""
    import socket as raw_socket
    import time
    from urllib.parse import urlsplit

    host, port = urlsplit(server.url).hostname, urlsplit(server.url).port
    with raw_socket.create_connection((host, port), timeout=5) as conn:
        conn.sendall(b"NOT A REQUEST\x01\r\n\r\n")
        conn.recv(1024)
    phone_http = Browserless(server.url).join(server.demo["join_code"])
    ws = websocket.create_connection(
        server.url.replace("http", "ws") + "/socket.io/?EIO=4&transport=websocket",
        header=[f"Cookie: {phone_http.cookie_header()}"],
    )
    ws.send('40{"view":"participant"}')
    ws.recv()
    ws.close()
    time.sleep(1)
    log = "".join(server.output)
    assert "127.0.0.1" not in log.replace(server.url, ""), log[-2000:]


def test_no_peer_address_reaches_gunicorns_logs(tmp_path):
    """README's production server, with gunicorn's access log switched on as an operator might: neither its
    access lines nor its error log (a malformed request line, a websocket that closes) name a peer or carry
    the phone's user agent."""
    import socket as raw_socket
    import subprocess
    import sys
    import time

    from tests.servers import ROOT, free_port

    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'gunicorn.db'}", "FACILITATOR_ENV": "development"}
    demo = subprocess.run(
        [sys.executable, "-m", "facilitator", "demo"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    join_code = re.search(r"Join code:\s+(\w+)", demo.stdout).group(1)
    port = free_port()
    log_file = tmp_path / "gunicorn.log"
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "--bind", f"127.0.0.1:{port}",
         "--access-logfile", str(log_file), "--error-logfile", str(log_file), "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                Browserless(url).get("/healthz")
                break
            except OSError:
                time.sleep(0.2)
        with raw_socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(b"NOT A REQUEST\x01\r\n\r\n")
            conn.recv(1024)
        phone_http = Browserless(url)
        phone_http.opener.addheaders = [("User-Agent", "TECNO-Spark-Go/1.0 (a phone)"), ("Referer", f"{url}/j/x")]
        phone_http.join(join_code)
        ws = websocket.create_connection(
            url.replace("http", "ws") + "/socket.io/?EIO=4&transport=websocket",
            header=[f"Cookie: {phone_http.cookie_header()}", "User-Agent: TECNO-Spark-Go/1.0 (a phone)"],
        )
        ws.send('40{"view":"participant"}')
        ws.recv()
        ws.close()
        time.sleep(1)
    finally:
        gunicorn.terminate()
        gunicorn.wait(20)
    log = log_file.read_text()
    assert "GET /healthz" in log and "/join" in log  # the access log did record the requests
    assert "127.0.0.1" not in log.replace(url, ""), log[-2000:]
    assert "TECNO" not in log and "/j/x" not in log  # nor the user agent, nor the referrer
