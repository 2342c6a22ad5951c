"""Cost of one disconnect in python-socketio's room manager as the number of phones grows, as the app uses
rooms (one per sid, one per participant, the event's participants room), and with a sid→rooms index.

    .venv/bin/python -m bench._rooms [--phones 1000 5000 10000]

python-socketio's ``BaseManager.basic_disconnect`` copies and scans every room of the namespace to find the
leaving sid's rooms: O(rooms) per disconnect, O(phones²) for a wave of reconnects after a Wi-Fi drop. The
indexed variant is the app's own ``client_manager`` (facilitator/live/rooms.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import socketio

from facilitator.live.rooms import IndexedManager  # noqa: E402  (the app's manager)


def populate(manager, phones: int) -> list[str]:
    manager.set_server(socketio.Server(async_mode="threading"))
    sids = []
    for i in range(phones):
        sid = manager.connect(f"eio{i}", "/")
        manager.enter_room(sid, "/", "event:1:participants")
        manager.enter_room(sid, "/", f"participant:{i}")
        sids.append(sid)
    return sids


def measure(manager_class, phones: int, leaving: int = 200):
    manager = manager_class()
    sids = populate(manager, phones)
    started = time.perf_counter()
    for sid in sids[:leaving]:
        manager.disconnect(sid, "/")
    elapsed = (time.perf_counter() - started) / leaving
    # sids are random: name sid rooms "sid" and describe every room by its members' engine.io ids
    state = sorted(
        (str(room) if room is None or room.startswith(("event:", "participant:")) else "sid", sorted(members.values()))
        for room, members in manager.rooms["/"].items()
    )
    return elapsed, state


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, nargs="+", default=[1000, 5000, 10000])
    args = parser.parse_args(argv)
    for phones in args.phones:
        base, base_rooms = measure(socketio.Manager, phones)
        indexed, indexed_rooms = measure(IndexedManager, phones)
        assert base_rooms == indexed_rooms, "the indexed manager must leave the rooms exactly as python-socketio"
        print(
            f"{phones:6d} phones: one disconnect {base * 1e3:7.3f} ms (python-socketio), "
            f"{indexed * 1e3:6.3f} ms (indexed); all phones reconnecting: {base * phones:6.1f} s vs "
            f"{indexed * phones:5.2f} s of event loop"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
