"""No network address in any log (DESIGN.md §2: nothing identifying is kept for participants, in the database or
in any log). The servers themselves write peers' addresses: gevent's for a malformed request line or a closed
websocket ("(from ('10.0.0.7', 51234))"), eventlet's and gunicorn's access lines (gunicorn's also the user
agent and referrer). Every log line the process writes passes through ``scrub``: the logging handlers by a
filter, the servers' own error streams by a wrapper."""

from __future__ import annotations

import logging
import re
from typing import Any, TextIO

# A socket address as Python prints it, ('10.0.0.7', 51234) or ('::1', 51234, 0, 0), and a bare IPv4 address.
# Bare IPv6 is not matched on purpose: it would also match times such as 16:29:51.
_ADDRESS = re.compile(r"\(\s*'[^']*'\s*,\s*\d+(?:\s*,\s*\d+)*\s*\)|(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])")
SCRUBBED = "[address]"
# The SMS gateway's callback URLs hold the installation's secret (facilitator/sms/routes.py): access logs show
# the path without it.
_SMS_SECRET = re.compile(r"/sms/[^/\s]+/")


def scrub(text: str) -> str:
    return _SMS_SECRET.sub("/sms/[secret]/", _ADDRESS.sub(SCRUBBED, text))


class AddressFilter(logging.Filter):
    """Rewrites each record's message without addresses (arguments merged in first, so none escapes)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = scrub(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class ScrubbedStream:
    """A file-like stream for a server's own error or access log: writes go on to ``target`` without addresses."""

    def __init__(self, target: TextIO) -> None:
        self.target = target

    def write(self, text: str) -> int:
        return self.target.write(scrub(text))

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self.target.flush()


# gunicorn's access line, whatever ``--access-logformat`` an operator set: time, request line, status, size and
# duration. Its default also writes the peer (%(h)s), the user agent (%(a)s) and the referrer (%(f)s).
ACCESS_LOG_FORMAT = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'


class AccessLineFilter(logging.Filter):
    """gunicorn logs each request as its format string with a dict of atoms (``glogging.Logger.access``): the
    format is replaced by one without peer, user agent or referrer, so no setting can bring them back."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, dict):
            record.msg = ACCESS_LOG_FORMAT
        return True


def install(*logger_names: str) -> None:
    """Put the filter on every handler of the root logger and of the named loggers (gunicorn's own); and
    gunicorn's access lines in the app's format."""
    address_filter = AddressFilter()
    for name in ("", *logger_names):
        for handler in logging.getLogger(name).handlers:
            if name == "gunicorn.access" and not any(isinstance(f, AccessLineFilter) for f in handler.filters):
                handler.addFilter(AccessLineFilter())  # before the address filter, which reads the message
            if not any(isinstance(f, AddressFilter) for f in handler.filters):
                handler.addFilter(address_filter)


def eventlet_protocol_without_addresses() -> type:
    """eventlet's request handler, whose own lines ("127.0.0.1 - - [date] code 400 ...") go straight to stderr
    from the standard library's BaseHTTPRequestHandler: the peer is written as "-". Imported only when the
    server runs on eventlet."""
    from eventlet import wsgi

    class ProtocolWithoutAddresses(wsgi.HttpProtocol):
        def address_string(self) -> str:
            return "-"

    return ProtocolWithoutAddresses
