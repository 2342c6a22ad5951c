"""Fixed-window rate limits on participant actions, in memory for one process or in Redis for many."""

from __future__ import annotations

import threading
import time

from facilitator.errors import RateLimited


class MemoryCounter:
    def __init__(self):
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[int, int]] = {}

    def hit(self, key: str, window: int) -> int:
        bucket = int(time.monotonic() // window)
        with self._lock:
            if len(self._windows) > 100_000:  # forget finished windows instead of growing without bound
                self._windows = {k: v for k, v in self._windows.items() if v[0] == bucket}
            start, count = self._windows.get(key, (bucket, 0))
            count = count + 1 if start == bucket else 1
            self._windows[key] = (bucket, count)
            return count


class RedisCounter:
    def __init__(self, url: str):
        import redis

        self._redis = redis.Redis.from_url(url)

    def hit(self, key: str, window: int) -> int:
        bucket = int(time.time() // window)
        name = f"facilitator:rl:{key}:{bucket}"
        pipe = self._redis.pipeline()
        pipe.incr(name)
        pipe.expire(name, window * 2)
        return int(pipe.execute()[0])


class RateLimiter:
    def __init__(self):
        self.counter = MemoryCounter()
        self.limit = 10
        self.window = 10

    def configure(self, *, limit: int, window: int, redis_url: str | None = None) -> None:
        self.limit, self.window = limit, window
        self.counter = RedisCounter(redis_url) if redis_url else MemoryCounter()

    def check(self, action: str, *subjects: str) -> None:
        """Count one ``action`` against each subject (a participant, a connection); refuse past the limit."""
        for subject in subjects:
            if self.counter.hit(f"{action}:{subject}", self.window) > self.limit:
                raise RateLimited(
                    "rate_limited", "You are sending very fast. Wait a few seconds, then try again."
                )


participant_limits = RateLimiter()
