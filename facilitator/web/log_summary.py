"""One log line per kind of outage, with a count, instead of a traceback per failure.

While the database (or Redis) is down every entry, page and socket call fails the same way: a traceback each
(~120 lines) filled the journal with megabytes and buried everything else. The filter keeps the first failure
of a kind in each window as one line (the message, then the error's kind), drops the rest of that window, and
says how many it dropped on the next line of that kind or of any other. Errors that are not outages (bugs)
keep their tracebacks: those are rare and each one needs reading.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from redis import exceptions as redis_errors

from facilitator.errors import is_outage

WINDOW_SECONDS = 30.0
KIND_LENGTH = 200
log = logging.getLogger(__name__)


@dataclass
class _Window:
    started: float
    folded: int = 0


def is_outage_failure(error: BaseException) -> bool:
    """The database or Redis out of reach: the same failure again and again until it is back."""
    return is_outage(error) or isinstance(error, redis_errors.ConnectionError | redis_errors.TimeoutError)


def failure_kind(error: BaseException) -> str:
    """The error's class and the first line of what the driver said (which is the same for every failure of one
    outage: "connection refused", "terminating connection due to administrator command")."""
    cause = getattr(error, "orig", None) or error
    first_line = (str(cause).strip().splitlines() or [""])[0]
    return f"{type(error).__name__}: {first_line}"[:KIND_LENGTH]


class OutageSummary(logging.Filter):
    def __init__(self, window_seconds: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self.window_seconds = window_seconds
        self.clock = clock
        self._windows: dict[str, _Window] = {}
        self._lock = threading.Lock()
        self._reporting = threading.local()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(self._reporting, "active", False):
            return True
        now = self.clock()
        self._report_ended_windows(now)
        error = record.exc_info[1] if record.exc_info else None
        if error is None or not is_outage_failure(error):
            return True
        kind = failure_kind(error)
        with self._lock:
            window = self._windows.get(kind)
            if window is not None and now - window.started < self.window_seconds:
                window.folded += 1
                return False
            self._windows[kind] = _Window(started=now)
        record.msg, record.args = f"{record.getMessage()} ({kind})", None
        record.exc_info, record.exc_text = None, None
        return True

    def _report_ended_windows(self, now: float) -> None:
        with self._lock:
            ended = {k: w for k, w in self._windows.items() if now - w.started >= self.window_seconds}
            for kind in ended:
                del self._windows[kind]
        for kind, window in ended.items():
            if window.folded:
                self._reporting.active = True
                try:
                    log.error("%d more failures like this in %.0f s: %s", window.folded, self.window_seconds, kind)
                finally:
                    self._reporting.active = False


def install(*logger_names: str) -> OutageSummary:
    """Put one summary on every handler of the root logger and of the named loggers (before the address filter,
    which then scrubs the line this one writes)."""
    summary = OutageSummary()
    for name in ("", *logger_names):
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, OutageSummary) for f in handler.filters):
                handler.filters.insert(0, summary)
    return summary
