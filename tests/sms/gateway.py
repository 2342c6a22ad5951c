"""A local stand-in for Africa's Talking's send endpoint (POST /version1/messaging), answering as the real one
does, so replies go through the official SDK with no call to the internet. It can be told to fail or be slow."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


class FakeGateway:
    def __init__(self) -> None:
        self.sent: list[dict[str, str]] = []  # every message the gateway took, one per recipient
        self.attempts = 0  # every request (one may carry many recipients), taken or failed
        self.fail_next = 0  # answer this many requests with a 500 first
        self.delay = 0.0  # seconds each request takes
        self._lock = threading.Lock()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                fields = {name: values[0] for name, values in parse_qs(body).items()}
                time.sleep(gateway.delay)
                with gateway._lock:
                    gateway.attempts += 1
                    failing = gateway.fail_next > 0
                    if failing:
                        gateway.fail_next -= 1
                    else:  # one record per recipient: a bulk send is many messages
                        gateway.sent += [fields | {"to": number} for number in fields.get("to", "").split(",")]
                if failing or self.path != "/version1/messaging" or self.headers.get("apiKey") != "test-api-key":
                    self.send_response(500)
                    self.end_headers()
                    self.wfile.write(b"The service is unavailable")
                    return
                numbers = fields["to"].split(",")
                answer = {
                    "SMSMessageData": {
                        "Message": f"Sent to {len(numbers)}/{len(numbers)} Total Cost: KES 0.8000",
                        "Recipients": [
                            {"statusCode": 101, "number": n, "status": "Success", "cost": "KES 0.8000"} for n in numbers
                        ],
                    }
                }
                payload = json.dumps(answer).encode()
                self.send_response(201)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:  # quiet: the test reads .sent
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def wait_for(self, count: int, timeout: float = 10) -> list[dict[str, str]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.sent) >= count:
                    return list(self.sent)
            time.sleep(0.02)
        raise AssertionError(f"the gateway got {len(self.sent)} messages, not {count}")

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
