"""python-socketio's room managers, with an index from each connection to its rooms.

The stock manager finds a leaving connection's rooms by scanning every room of the namespace, and every
connection has a room of its own: one disconnect costs O(connections), and a venue's Wi-Fi dropping 5,000
phones at once blocked the event loop for seconds (bench/_rooms.py measures it). With the index, leaving
costs O(rooms of that connection). Rooms themselves stay exactly as python-socketio keeps them.

With Redis, a gap in the message queue (Redis restarting) is closed here too: the listener tries again every
second, and once it is back this process's views are told to ``resync`` (a fresh snapshot), because nothing
broadcast in the gap reached them.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

import socketio
from redis.backoff import NoBackoff
from redis.retry import Retry

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


log = logging.getLogger(__name__)

# Every view's page (static/shared/live.js) answers this broadcast with a full sync, spread over a second or two.
RESYNC = "resync"
RECONNECT_EVERY_SECONDS = 1.0
# redis-py's own retries would reconnect and resubscribe inside listen() without telling us (then nobody knows
# a gap happened); with none, every failure reaches the loop below. Publishing has python-socketio's two tries.
REDIS_OPTIONS = {"retry": Retry(NoBackoff(), 0), "socket_connect_timeout": 2, "socket_keepalive": True}


class IndexedRedisManager(IndexedRoomsMixin, socketio.RedisManager):
    """Several processes sharing a Redis message queue.

    python-socketio's listener waits 1, 2, 4 … up to 60 s between tries, and whatever is broadcast meanwhile
    never reaches this process's views: a card approved a few seconds after Redis came back could stay off
    the projector for a minute, and until a reload. This one tries every second and, once subscribed again,
    tells its views to resync; if this process's own broadcasts were lost in the gap, it tells every
    process's views, through Redis."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("redis_options", dict(REDIS_OPTIONS))
        super().__init__(*args, **kwargs)
        self._broadcasts_lost = False

    def _publish(self, data):
        super()._publish(data)
        if not self.connected:  # python-socketio gave up on this one (it logged why)
            self._broadcasts_lost = True

    def _redis_listen_with_retries(self):
        down_since: float | None = None
        while True:
            try:
                self._redis_connect()
                self.pubsub.subscribe(self.channel)
                if down_since is not None:
                    log.warning(
                        "message queue back after %.1f s: telling views to resync", time.monotonic() - down_since
                    )
                    down_since = None
                    self._tell_views_to_resync()
                yield from self.pubsub.listen()
            except Exception as error:
                if down_since is None:
                    down_since = time.monotonic()
                    log.error(
                        "message queue unreachable (%s); trying again every %.0f s", error, RECONNECT_EVERY_SECONDS
                    )
                time.sleep(RECONNECT_EVERY_SECONDS)  # cooperative: the servers run with a monkey-patched time

    def _tell_views_to_resync(self):
        payload = {"reason": "message_queue"}
        if self._broadcasts_lost:
            self._broadcasts_lost = False
            self.emit(RESYNC, payload, namespace="/")
        else:
            self.emit(RESYNC, payload, namespace="/", ignore_queue=True)


def client_manager(message_queue: str | None, *, channel: str = "flask-socketio"):
    """The room manager for this app: in memory, or on the Redis message queue when one is configured."""
    if not message_queue:
        return IndexedManager()
    if not message_queue.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError("SOCKETIO_MESSAGE_QUEUE must be a Redis URL (redis://host:port/db)")
    return IndexedRedisManager(message_queue, channel=channel)
