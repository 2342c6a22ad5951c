"""Every socket message gets an ack, even a malformed one (issue 15, finding 6): Socket.IO packets written by
hand, as a script would send them over a real websocket to a real server, with payloads nested deeper than
any JSON parser recurses, numbers of hundreds and thousands of digits, broken JSON, a payload that is not an
event, an event that does not exist. Each is answered with an error code; the connection and the server keep
working; the server's log holds no traceback.
"""

from __future__ import annotations

import threading

import pytest
import socketio

from tests.servers import CHILDRENS_BOARD, Browserless, close_client, open_activity, start_server

pytestmark = pytest.mark.server

# Deeper than Python's recursion limit, and within the server's 16 KiB message limit (app.py).
DEEP = 5000
SUBMIT = '"participant:submit"'
NESTED_ARRAYS = "[" * DEEP + "]" * DEEP
NESTED_OBJECTS = '{"a":' * 2500 + "1" + "}" * 2500
DIGITS_5000 = "1" + "0" * 5000  # past the 4300 digits Python converts to an int at all
DIGITS_400 = "1" + "0" * 400  # past the 100 digits python-engineio's JSON takes
DIGITS_90 = "1" + "0" * 90  # read as a number, far past any id
MALFORMED = {
    "arrays nested too deep": f"[{SUBMIT},{NESTED_ARRAYS}]",
    "objects nested too deep": f"[{SUBMIT},{NESTED_OBJECTS}]",
    "a number of 5000 digits": f'[{SUBMIT},{{"activity_id":{DIGITS_5000},"lane":"have","text":"hi"}}]',
    "broken JSON": f'[{SUBMIT},{{"text":',
    "an object, not an event": '{"participant:submit":{}}',
    "an event name that is a number": "[42,{}]",
    "an empty event": "[]",
    "an id of 400 digits": f'[{SUBMIT},{{"activity_id":{DIGITS_400},"lane":"have","text":"hi"}}]',
}
UNKNOWN = {"an event that does not exist": '["participant:hack",{}]'}
# Decoded fine, then refused by the handler's own checks, with the code of what is wrong.
REFUSED = {
    "an id of 90 digits": (
        f'[{SUBMIT},{{"activity_id":{DIGITS_90},"lane":"have","text":"hi","client_key":"key-90-digits"}}]',
        "invalid_id",
    ),
    "text nested 500 deep": (
        f'[{SUBMIT},{{"activity_id":ACTIVITY,"lane":"have","text":{"[" * 500}{"]" * 500},"client_key":"key-nested"}}]',
        "invalid_payload",  # refused by the shape check every payload passes (validation.payload), before the rule
    ),
}


def send_raw(client: socketio.Client, payload: str, timeout: float = 10) -> dict | None:
    """Send a Socket.IO EVENT packet with an ack id and ``payload`` as its data, exactly as written; the ack."""
    answered = threading.Event()
    acks: list = []

    def on_ack(*data):
        acks.append(data[0] if data else None)
        answered.set()

    ack_id = client._generate_ack_id("/", on_ack)
    client.eio.send(f"2{ack_id}{payload}")
    answered.wait(timeout)
    return acks[0] if acks else None


@pytest.mark.parametrize("async_mode", ["gevent", "eventlet"])
def test_malformed_socket_messages_are_answered_and_the_server_keeps_running(async_mode, tmp_path):
    server = start_server(async_mode, {"DATABASE_URL": f"sqlite:///{tmp_path / 'malformed.db'}"})
    phone = socketio.Client(reconnection=False)
    try:
        open_activity(server, CHILDRENS_BOARD)
        cookie = Browserless(server.url).join(server.demo["join_code"]).cookie_header()
        phone.connect(server.url, auth={"view": "participant"}, headers={"Cookie": cookie}, transports=["websocket"])
        activity = phone.call("participant:sync", {}, timeout=10)["activity"]

        answers = {
            name: send_raw(phone, payload)
            for name, payload in {
                **MALFORMED,
                **UNKNOWN,
                **{n: p.replace("ACTIVITY", str(activity["id"])) for n, (p, _) in REFUSED.items()},
            }.items()
        }
        # An Engine.IO message that is not a Socket.IO packet at all, nested too deep: nothing to answer, nothing to
        # break.
        phone.eio.send("[" * DEEP)

        ordinary = phone.call(
            "participant:submit",
            {
                "activity_id": activity["id"],
                "lane": activity["lanes"][0]["key"],
                "text": "Still here after all that",
                "client_key": "after-malformed",
            },
            timeout=10,
        )
        running = server.process.poll() is None
    finally:
        close_client(phone)
        server.stop()

    for name in MALFORMED:
        assert answers[name] is not None, f"{name}: no ack"
        assert answers[name]["ok"] is False and answers[name]["error"] == "invalid_payload", (name, answers[name])
        assert answers[name]["message"], name
    for name in UNKNOWN:
        assert answers[name] == {
            "ok": False,
            "error": "unknown_event",
            "params": {},
            "message": answers[name]["message"],
        }, name
    for name, (_, code) in REFUSED.items():
        assert answers[name] is not None and answers[name]["ok"] is False, (name, answers[name])
        assert answers[name]["error"] == code, (name, answers[name])
    assert ordinary["ok"], ordinary
    assert running
    log = "".join(server.output)
    assert "Traceback" not in log and "handler error" not in log, log[-3000:]


def test_a_closed_websocket_leaves_no_frame_to_be_read_as_an_http_request(tmp_path):
    """gevent's server once kept a connection open after its websocket session ended, read the client's last frame as
    a new HTTP request ("Invalid HTTP method") and answered it, sometimes into a broken pipe (a traceback in the log):
    14 of 30 closes before the fix. The connection now closes with the session."""
    server = start_server("gevent", {"DATABASE_URL": f"sqlite:///{tmp_path / 'closes.db'}"})
    try:
        cookie = Browserless(server.url).join(server.demo["join_code"]).cookie_header()
        for _ in range(20):
            phone = socketio.Client(reconnection=False)
            phone.connect(
                server.url, auth={"view": "participant"}, headers={"Cookie": cookie}, transports=["websocket"]
            )
            assert phone.call("participant:sync", {}, timeout=10)["ok"] is not False
            close_client(phone)
    finally:
        server.stop()
    log = "".join(server.output)
    assert "Invalid HTTP method" not in log and "Traceback" not in log, log[-3000:]
