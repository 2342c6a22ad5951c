"""Python's garbage collector, tuned for a server process holding thousands of connections.

A full collection (generation 2) walks every object the process holds. With 1,000 phones connected that
is some 300,000 objects and 170-350 ms on a small server, during which no phone is answered and no card
reaches the projector; with 5,000 phones it is over a second. CPython starts one whenever enough objects
have survived into the old generation, which during a burst of entries is every few seconds. So, in a
server process (never in tests or commands):

- what exists once the app is built (modules, templates, compiled statements) is frozen: never walked;
- automatic full collections are off. Young objects are still collected as usual (generations 0 and 1),
  which frees almost every reference cycle;
- a background task runs the full collection when the process is quiet (under QUIET_CPU of a core in
  every second of the last CHECK_SECONDS), at most every MIN_INTERVAL, and at the latest every
  MAX_INTERVAL whatever the load, so objects that lived long and then became garbage (a phone's closed
  connection) are still freed. A second counts the time the process waited for a CPU as well as the time it
  ran: a server starved by its neighbours (a browser, a test suite) is busy, not quiet;
- the same task collects the young generations in every second in which CPython did not (and the writer owes
  the room nothing). CPython starts a young collection when the objects allocated outnumber those freed by 700,
  and any object freed counts, old ones too. With thousands of phones idle, each ping and pong replaces some of
  a connection's objects with new ones (the new kept, the old freed): the count stays near zero, no collection
  starts, and the young generation grows for as long as the room is quiet. The burst's first entries then tip
  the count, and that collection, and the first of the middle generation after it, walk everything the quiet
  stretch left: 75 and 143 ms of CPU measured with 10,000 phones, both in the burst's first second (the young
  collections after them: 2-12 ms). Collected every second instead, the young generations hold at most a
  second of it.
"""

from __future__ import annotations

import collections
import gc
import logging
import time

from facilitator.extensions import socket_sleep, socketio
from facilitator.live import priority

log = logging.getLogger(__name__)

# A full collection pauses the process for every object it holds (1.4 s measured after 2,000 phones had
# left, their connections' cycles waiting to be freed): run it only after a quiet spell, such as a
# facilitator talking to the room, rarely right as a burst begins.
CHECK_SECONDS = 10
# Quiet means quiet in every second of the window, not on average: a burst that began two seconds ago
# barely moves a ten-second average, and a collection then stalled it (440 ms, measured with 5,000 phones).
SLICE_SECONDS = 1.0
# Share of one core, run or waited for. Pings alone take ~10% with 5,000 phones connected; a burst of entries 60-80%.
QUIET_CPU = 0.25
MIN_INTERVAL = 60.0
MAX_INTERVAL = 15 * 60.0
# Generation 2 is collected after this many generation-1 collections: never, in practice; the task decides.
NO_AUTOMATIC_FULL_COLLECTION = 10**9


def install() -> None:
    """Freeze what exists, turn automatic full collections off, start the task that runs them when quiet.
    Call once per server process, after the app is built and before it serves."""
    freeze_and_stop_full_collections()
    socketio.start_background_task(_collect_when_quiet)


def freeze_and_stop_full_collections() -> None:
    """What exists now is never walked again, and CPython starts no full collection of its own (the task does)."""
    gc.collect()
    gc.freeze()
    young, middle, _old = gc.get_threshold()
    gc.set_threshold(young, middle, NO_AUTOMATIC_FULL_COLLECTION)


def demand_seconds() -> float:
    """The seconds this process's main thread has run, plus those it was ready to run but waited for a CPU
    (Linux's schedstat). Elsewhere, CPU time alone."""
    try:
        with open("/proc/thread-self/schedstat") as stat:
            on_cpu, waiting = stat.read().split()[:2]
        return (int(on_cpu) + int(waiting)) / 1e9
    except (OSError, ValueError):
        return time.process_time()


class RecentLoad:
    """The share of a core this process used in each of the last CHECK_SECONDS seconds."""

    def __init__(self) -> None:
        self._shares: collections.deque[float] = collections.deque(maxlen=round(CHECK_SECONDS / SLICE_SECONDS))

    def add(self, cpu_seconds: float, wall_seconds: float) -> None:
        self._shares.append(cpu_seconds / max(wall_seconds, 1e-6))

    def busiest(self) -> float | None:
        """The busiest second of the window; None until a whole window has been seen."""
        return max(self._shares) if len(self._shares) == self._shares.maxlen else None

    def forget(self) -> None:
        self._shares.clear()


def young_collections_seen() -> tuple[int, int]:
    """Changes whenever CPython collects a young generation (``gc.get_count``: the young collections since the
    last collection of the generation above)."""
    _allocations, young, middle = gc.get_count()
    return young, middle


def young_collection_due(seen_before: tuple[int, int], seen_now: tuple[int, int]) -> bool:
    """No young collection ran since ``seen_before``: the young generations may be growing unseen (the module's
    docstring), and a collection of them now takes a second's worth instead of a quiet stretch's."""
    return seen_before == seen_now


def full_collection_due(busiest: float | None, seconds_since_last: float) -> bool:
    """``busiest``: ``RecentLoad.busiest()``."""
    quiet = busiest is not None and busiest < QUIET_CPU
    return (quiet and seconds_since_last >= MIN_INTERVAL) or seconds_since_last >= MAX_INTERVAL


def _collect_when_quiet() -> None:
    last_full = time.monotonic()
    load = RecentLoad()
    cpu_before, wall_before = demand_seconds(), time.monotonic()
    young_before = young_collections_seen()
    while True:
        socket_sleep(SLICE_SECONDS)
        cpu_now, now = demand_seconds(), time.monotonic()
        load.add(cpu_now - cpu_before, now - wall_before)
        cpu_before, wall_before = cpu_now, now
        busiest = load.busiest()
        young_now = young_collections_seen()
        if young_collection_due(young_before, young_now) and not priority.room_due_anywhere():
            gc.collect(1)  # generations 0 and 1; what survives joins the old generation, which only the policy collects
            young_now = young_collections_seen()
        young_before = young_now
        # A collection pauses everything: never while the writer owes the room a batch (live.priority).
        if full_collection_due(busiest, now - last_full) and not priority.room_due_anywhere():
            started = time.perf_counter()
            freed = gc.collect()
            last_full = time.monotonic()
            took_ms = 1000 * (time.perf_counter() - started)
            log.log(
                logging.INFO if took_ms > 100 else logging.DEBUG,
                "full garbage collection: %d objects freed in %.0f ms (busiest second before: %.0f%% of a core)",
                freed,
                took_ms,
                100 * (busiest or 0),
            )
            load.forget()  # the collection's own CPU is not the room's load
            cpu_before, wall_before = demand_seconds(), time.monotonic()
