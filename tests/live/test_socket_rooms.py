"""The indexed room manager keeps rooms exactly as python-socketio's own does, and leaves them fast."""

import random

import socketio

from facilitator.live.rooms import IndexedManager, client_manager


def run(manager_class, seed: int):
    manager = manager_class()
    manager.set_server(socketio.Server(async_mode="threading"))
    rng = random.Random(seed)
    sids, eio = [], 0
    for _ in range(600):
        action = rng.random()
        if action < 0.4 or not sids:
            eio += 1
            sids.append(manager.connect(f"eio{eio}", "/"))
        elif action < 0.7:
            manager.enter_room(rng.choice(sids), "/", f"room:{rng.randrange(8)}")
        elif action < 0.8:
            manager.leave_room(rng.choice(sids), "/", f"room:{rng.randrange(8)}")
        elif action < 0.85:
            manager.close_room(f"room:{rng.randrange(8)}", "/")
        else:
            sid = sids.pop(rng.randrange(len(sids)))
            manager.disconnect(sid, "/")
    return manager, sids


def describe(manager, sids):
    rooms = {
        str(room) if room is None or str(room).startswith("room:") else "own": sorted(members.values())
        for room, members in manager.rooms.get("/", {}).items()
    }
    return sorted(rooms.items()), sorted(tuple(sorted(manager.get_rooms(sid, "/"))) for sid in sids)


def test_indexed_manager_matches_python_socketio():
    for seed in range(5):
        stock, stock_sids = run(socketio.Manager, seed)
        indexed, indexed_sids = run(IndexedManager, seed)
        stock_rooms, _ = describe(stock, stock_sids)
        indexed_rooms, _ = describe(indexed, indexed_sids)
        assert stock_rooms == indexed_rooms

        # sids are random, so compare each connection's rooms by its engine.io id
        def by_eio(manager, sids):
            return sorted(
                (
                    manager.rooms["/"][None][s],
                    sorted(r for r in manager.get_rooms(s, "/") if str(r).startswith("room:")),
                )
                for s in sids
            )

        assert by_eio(stock, stock_sids) == by_eio(indexed, indexed_sids)


def test_redis_queue_gets_an_indexed_redis_manager():
    manager = client_manager("redis://127.0.0.1:6379/0", channel="facilitator-test")
    assert type(manager).__name__ == "IndexedRedisManager" and manager.channel == "facilitator-test"
    assert type(client_manager(None)).__name__ == "IndexedManager"


def test_phones_connected_counts_this_events_phones_only(app, event, new_phone, console, projector):
    """An activity switch and the purge ask how many phones are here: the event's phones' room, nothing else."""
    from facilitator.live.connections import phones_connected

    phones = [new_phone() for _ in range(3)]
    for phone in phones:
        assert phone.socket.is_connected()
    assert phones_connected(event.id) == 3  # the console and the projector are no phones
    assert phones_connected(event.id + 1000) == 0
    phones[0].socket.disconnect()
    assert phones_connected(event.id) == 2


def test_a_message_to_a_room_is_encoded_once_whatever_its_size(monkeypatch):
    """An activity switch sends one message to thousands of phones: its JSON is made once, and every phone's
    socket is handed the same Engine.IO packet (whose encoding python-engineio caches), not a copy per phone."""
    from facilitator.live import packets

    dumps = []
    original = packets.PacketJSON.dumps

    def counted_dumps(*args, **kwargs):
        dumps.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(packets.PacketJSON, "dumps", staticmethod(counted_dumps))
    server = socketio.Server(
        async_mode="threading",
        client_manager=IndexedManager(),
        serializer=packets.AnsweringPacket,
        json=packets.PacketJSON,
    )
    handed: list = []
    monkeypatch.setattr(server, "_send_eio_packet", lambda eio_sid, pkt: handed.append((eio_sid, pkt)))
    for n in range(200):
        sid = server.manager.connect(f"eio{n}", "/")
        server.manager.enter_room(sid, "/", "event:1:participants")
    server.emit("activity", {"version": 7, "activity": {"id": 3, "title": "Ideas"}}, to="event:1:participants")
    assert len(handed) == 200 and len({id(pkt) for _, pkt in handed}) == 1
    assert len(dumps) == 1
    assert handed[0][1].encode() is handed[-1][1].encode()  # engine.io's encoding, made once and kept


def test_packets_tell_binary_data_as_python_socketio_does():
    """The app's packet walks a message for bytes faster (live/packets.py), with python-socketio's answer."""
    from socketio import packet
    from socketio.packet import Packet

    from facilitator.live.packets import AnsweringPacket

    class Text(str):
        pass

    card = {"id": 1, "lane": "a", "text": "t", "pinned": False, "theme_id": None, "sort_key": [0, 1.5, "x"]}
    cases = [
        ["board", {"version": 5, "cards": [card] * 3, "removed": [], "counts": {"received": 1}}],
        [{"ok": True, "entry": card, "duplicate": False}],
        [b"x"],
        {"a": [1, {"b": bytearray(b"")}]},
        ["e", {"deep": [[[{"x": b"\x00"}]]]}],
        [[[]]],
        {"a": None},
        "s",
        3,
        b"",
        [Text("x")],
        {"k": (b"inside a tuple, as the library ignores tuples",)},
        [memoryview(b"x")],
    ]
    for data in cases:
        assert AnsweringPacket.data_is_binary(data) == Packet.data_is_binary(data), data
    assert AnsweringPacket(packet.EVENT, data=["event", {"file": b"\x01"}]).packet_type == packet.BINARY_EVENT
    assert AnsweringPacket(packet.EVENT, data=["event", {"text": "x"}]).packet_type == packet.EVENT
