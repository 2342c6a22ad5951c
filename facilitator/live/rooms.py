"""python-socketio's room managers, with an index from each connection to its rooms.

The stock manager finds a leaving connection's rooms by scanning every room of the namespace, and every
connection has a room of its own: one disconnect costs O(connections), and a venue's Wi-Fi dropping 5,000
phones at once blocked the event loop for seconds (bench/_rooms.py measures it). With the index, leaving
costs O(rooms of that connection). Rooms themselves stay exactly as python-socketio keeps them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import socketio

if TYPE_CHECKING:
    # To mypy the mixin is a manager (python-socketio has no types, so any attribute goes); at run time it
    # stands before one in each class below.
    from socketio import Manager as _Manager
else:
    _Manager = object


class IndexedRoomsMixin(_Manager):
    _rooms_of_sid: dict[str, dict[str, set[str | None]]]  # namespace -> sid -> rooms

    def _sid_rooms(self, namespace: str) -> dict[str, set[str | None]]:
        if not hasattr(self, "_rooms_of_sid"):
            self._rooms_of_sid = {}
        return self._rooms_of_sid.setdefault(namespace, {})

    def basic_enter_room(self, sid, namespace, room, eio_sid=None):
        super().basic_enter_room(sid, namespace, room, eio_sid=eio_sid)
        self._sid_rooms(namespace).setdefault(sid, set()).add(room)

    def basic_leave_room(self, sid, namespace, room):
        super().basic_leave_room(sid, namespace, room)
        rooms = self._sid_rooms(namespace).get(sid)
        if rooms is not None:
            rooms.discard(room)
            if not rooms:
                del self._sid_rooms(namespace)[sid]

    def basic_disconnect(self, sid, namespace, **kwargs):
        if namespace not in self.rooms:
            return
        for room in list(self._sid_rooms(namespace).get(sid, ())):
            self.basic_leave_room(sid, namespace, room)
        # What the stock method does besides rooms: forget callbacks and pending connects/disconnects.
        self.callbacks.pop(sid, None)
        for pending in (self.pending_connect, self.pending_disconnect):
            if namespace in pending and sid in pending[namespace]:
                pending[namespace].remove(sid)
                if not pending[namespace]:
                    del pending[namespace]

    def get_rooms(self, sid, namespace):
        return [room for room in self._sid_rooms(namespace).get(sid, ()) if room is not None]


class IndexedManager(IndexedRoomsMixin, socketio.Manager):
    """One process."""


class IndexedRedisManager(IndexedRoomsMixin, socketio.RedisManager):
    """Several processes sharing a Redis message queue."""


def client_manager(message_queue: str | None, *, channel: str = "flask-socketio"):
    """The room manager for this app: in memory, or on the Redis message queue when one is configured."""
    if not message_queue:
        return IndexedManager()
    if not message_queue.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError("SOCKETIO_MESSAGE_QUEUE must be a Redis URL (redis://host:port/db)")
    return IndexedRedisManager(message_queue, channel=channel)
