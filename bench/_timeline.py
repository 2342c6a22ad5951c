"""What a server did, slice by slice: a py-spy timeline (``bench.load --profile-dir D --profile-timeline``, py-spy's
chrometrace JSON) summarised per slice of time from the first batch the entry writer stored.

    .venv/bin/python -m bench._timeline D/1proc-burst.json [--slice-ms 100] [--slices 30] [--top 6]

Each slice prints the time the server was seen running (py-spy drops idle samples; gevent's hub waiting for
events, which py-spy counts as running, and gevent's monitor thread are left out) and the functions that were on
the stack longest in it (each stack counted once, by its innermost frame of the app, else of the socket and
database libraries). The first second of a
burst that is slower than the others shows up as slices with more running time, and what filled them.
"""

from __future__ import annotations

import argparse
import collections
import json

START_MARK = "EntryWriter._store_and_tell"


def spans(path: str) -> list[tuple[float, float, tuple[str, ...]]]:
    """(begin µs, end µs, stack outermost first) for every stretch py-spy saw one stack, over all threads."""
    with open(path) as handle:
        events = json.load(handle)
    stacks: dict[int, list[str]] = collections.defaultdict(list)
    last: dict[int, float] = {}
    out: list[tuple[float, float, tuple[str, ...]]] = []
    for event in sorted(events, key=lambda e: e["ts"]):
        tid, ts = event["tid"], float(event["ts"])
        stack = stacks[tid]
        if stack and tid in last and ts > last[tid]:
            out.append((last[tid], ts, tuple(stack)))
        last[tid] = ts
        frame = f"{event['name']} ({event['args'].get('filename', '?')})"
        if event["ph"] == "B":
            stack.append(frame)
        elif event["ph"] == "E" and stack:
            stack.pop()
    return out


LIBRARIES = ("engineio/", "socketio/", "flask_socketio/", "wsproto/", "sqlalchemy/", "simple_websocket/", "gunicorn/")


def label(stack: tuple[str, ...]) -> str:
    """What a stack was doing, in one frame: its innermost frame of the app, else of the socket and database
    libraries, else its leaf."""
    for wanted in (("facilitator/",), LIBRARIES):
        for frame in reversed(stack):
            if any(w in frame for w in wanted):
                return frame
    return stack[-1]


def short(frame: str) -> str:
    name, _, where = frame.partition(" (")
    where = where.rstrip(")")
    return f"{name} ({where.rsplit('/', 2)[-2] + '/' + where.rsplit('/', 1)[-1] if '/' in where else where})"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path")
    p.add_argument("--slice-ms", type=float, default=100)
    p.add_argument("--slices", type=int, default=30)
    p.add_argument("--top", type=int, default=6)
    p.add_argument("--before-ms", type=float, default=500, help="slices shown before the first batch")
    args = p.parse_args(argv)
    all_spans = spans(args.path)
    starts = [b for b, _e, stack in all_spans if any(START_MARK in f for f in stack)]
    if not starts:
        print("no batch of the entry writer in this profile")
        return 1
    origin = min(starts) - 1000 * args.before_ms
    width = 1000 * args.slice_ms
    busy: dict[int, float] = collections.defaultdict(float)
    frames: dict[int, collections.Counter] = collections.defaultdict(collections.Counter)
    for begin, end, stack in all_spans:
        # gevent's monitor thread (--stall-reports); the hub waiting in epoll, which py-spy counts as running
        if any("PeriodicMonitoringThread" in f for f in stack) or (len(stack) <= 2 and "Hub.run" in stack[-1]):
            continue
        t = begin
        while t < end:
            index = int((t - origin) // width)
            upto = min(end, origin + (index + 1) * width)
            if 0 <= index < args.slices:
                busy[index] += upto - t
                frames[index][label(stack)] += upto - t
            t = upto
    print(f"{args.path}: slices of {args.slice_ms:g} ms from {args.before_ms:g} ms before the writer's first batch")
    for index in range(args.slices):
        at = index * args.slice_ms - args.before_ms
        line = f"{at:+7.0f} ms  running {busy[index] / 1000:5.0f} ms"
        tops = frames[index].most_common(args.top)
        print(line + "  " + "; ".join(f"{short(f)} {us / 1000:.0f}" for f, us in tops))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
