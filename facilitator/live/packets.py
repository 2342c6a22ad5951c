"""Socket.IO packets that cannot be decoded are answered, not dropped with a traceback.

python-socketio decodes a packet's JSON (``socketio.packet.Packet.decode``) in python-engineio's message handler,
before any handler of the app runs; a payload nested deeper than the parser recurses (``RecursionError``), a
number longer than python-engineio's JSON accepts, broken JSON, or data that is not ``[event, ...]`` raised there:
python-engineio logged the traceback and the sender waited for an ack that never came. python-engineio decodes an
Engine.IO message as JSON first, too, and a ``RecursionError`` there ended the whole connection.

Here such a packet becomes the event ``UNREADABLE`` (its ack id is read before its payload, so the answer reaches
the right callback), and every event without a handler, that one included, is answered by ``answer_unhandled``.
"""

from __future__ import annotations

from typing import Any

from engineio import json as engineio_json
from flask_babel import lazy_gettext as _l
from socketio import packet as socketio_packet

from facilitator.errors import InvalidInput
from facilitator.extensions import socketio

# A name no page of the app sends; a client that sends it anyway is only told its message could not be read.
UNREADABLE = "\x00unreadable"


class PacketJSON:
    """python-engineio's JSON (which already refuses integers of more than 100 digits), with a payload nested too
    deep refused the same way, as a ``ValueError``: python-engineio then keeps a message it cannot read as text,
    and the Socket.IO packet below answers it, instead of the connection ending on a ``RecursionError``."""

    dumps = staticmethod(engineio_json.dumps)

    @staticmethod
    def loads(*args: Any, **kwargs: Any) -> Any:
        try:
            return engineio_json.loads(*args, **kwargs)
        except RecursionError:
            raise ValueError("nested too deep") from None


_CANNOT_HOLD_BYTES = frozenset({str, int, float, bool, type(None)})


def _holds_bytes(data: Any) -> bool:
    """python-socketio's ``Packet.data_is_binary``, with the same answer: does ``data`` hold bytes anywhere in its
    lists and dicts? The library's walk builds a list and folds it with ``reduce`` at every level, and does not stop
    at the first bytes: every packet the server sends is walked so (an entry's ack, each batch's ``board`` and
    ``entries`` messages), ~3% of the entry writer's CPU in process. Here what cannot hold bytes is passed over by
    its type, and the walk stops at the first bytes (a batch's ``board`` message: 81 -> 12 µs)."""
    if isinstance(data, dict):
        data = data.values()
    elif not isinstance(data, list):
        return isinstance(data, (bytes, bytearray))
    for item in data:
        if type(item) not in _CANNOT_HOLD_BYTES and _holds_bytes(item):
            return True
    return False


class AnsweringPacket(socketio_packet.Packet):
    json = PacketJSON

    @classmethod
    def data_is_binary(cls, data: Any) -> bool:
        return _holds_bytes(data)

    def decode(self, encoded_packet: Any) -> int:
        try:
            attachments: int = super().decode(encoded_packet)
        except (ValueError, TypeError):
            # The type, namespace and ack id come before the payload: they are read when the payload fails.
            attachments = 0
            self.data = (
                [UNREADABLE] if self.packet_type in (socketio_packet.EVENT, socketio_packet.BINARY_EVENT) else None
            )
        if self.packet_type in (socketio_packet.EVENT, socketio_packet.BINARY_EVENT) and not attachments:
            data = self.data
            if not (isinstance(data, list) and data and isinstance(data[0], str)):
                self.data = [UNREADABLE]
        return attachments


@socketio.on("*")
def answer_unhandled(event: str, *_args: Any) -> dict[str, Any]:
    """An event no handler takes: a packet that could not be read, or a name that does not exist (a page's script
    older than the server, or a hand-made client)."""
    if event == UNREADABLE:
        return InvalidInput("invalid_payload", _l("Something went wrong. Please send it again.")).as_ack()
    return InvalidInput("unknown_event", _l("This page is out of date. Reload it, then try again.")).as_ack()
