"""Time for rate-limit tests: a clock that moves only when the test says so.

The counters estimate a sliding window, so hits made just before a window boundary weigh less just after
it. On the real clock a test that crosses a boundary between its hits (a 300-second window, a test taking
a second: one run in 300) sees its limit not reached. A test that counts hits freezes the clock."""

from __future__ import annotations

from facilitator.web.ratelimit import MemoryCounter, RateLimiter

# A multiple of every window the tests use (10, 60, 300, 600 s): the clock starts at a window's beginning.
WINDOW_START = 3_600_000.0


class FakeClock:
    def __init__(self, start: float = WINDOW_START):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def frozen_limit(limiter: RateLimiter, *, limit: int, window: int) -> FakeClock:
    """Give ``limiter`` this limit and window, counting in memory on a ``FakeClock``; returns the clock."""
    limiter.configure(limit=limit, window=window)
    clock = FakeClock()
    limiter.counter = MemoryCounter(clock)
    return clock
