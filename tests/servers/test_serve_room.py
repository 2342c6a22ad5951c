"""``facilitator serve --room``: phones in the room reach the app at the address it prints, and the projector's
QR code carries that address, not 127.0.0.1."""

from __future__ import annotations

import socket
import urllib.request

import pytest

from facilitator.web import room
from tests.servers import start_server

pytestmark = pytest.mark.server


def test_the_address_finder_finds_this_machines_own_lan_addresses():
    addresses = room.lan_addresses()
    assert addresses, "this machine has a network interface besides loopback"
    for address in addresses:
        assert room.reachable_from_room(address) and not address.startswith("127.")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((address, 0))  # only an address of this machine can be bound


def test_room_mode_prints_the_lan_url_and_warns_on_loopback_only():
    found = room.plan(["192.168.1.20", "10.0.0.7"], 5000, "")
    assert found.public_url == "http://192.168.1.20:5000" and found.warning is None
    assert "join at http://192.168.1.20:5000" in found.lines[0] and "http://10.0.0.7:5000" in found.lines[1]
    alone = room.plan([], 5000, "")
    assert alone.public_url is None and "loopback" in alone.warning and "no phone can reach it" in alone.warning
    operator = room.plan(["192.168.1.20"], 5000, "https://room.example")
    assert operator.public_url is None and "https://room.example" in operator.lines[0]


@pytest.mark.parametrize("address", ["127.0.0.1", "169.254.3.4", "0.0.0.0", "::1", "fe80::1", "not an address"])
def test_addresses_no_phone_can_reach_are_left_out(address):
    assert not room.reachable_from_room(address)


def test_serve_room_listens_on_the_lan_and_the_qr_code_carries_its_address(tmp_path):
    address = room.lan_addresses()[0]
    server = start_server(
        "gevent", {"DATABASE_URL": f"sqlite:///{tmp_path / 'room.db'}", "PUBLIC_URL": ""}, extra_args=("--room",)
    )
    try:
        port = server.url.rsplit(":", 1)[1]
        printed = "".join(server.output)
        assert f"phones on this network join at http://{address}:{port}" in printed
        assert f"http://{address}:{port}/j/{server.demo['join_code']}" in printed  # the demo's links too
        # The facilitator's laptop opens the projector at 127.0.0.1: the join card still names the LAN address.
        with urllib.request.urlopen(f"{server.url}/p/{server.demo['projector']}", timeout=10) as reply:
            page = reply.read().decode()
        assert f"<strong>{address}:{port}</strong>" in page and server.demo["join_code"] in page
        assert "127.0.0.1" not in page
        # And a phone on the network reaches the join page at that address.
        with urllib.request.urlopen(f"http://{address}:{port}/j/{server.demo['join_code']}", timeout=10) as reply:
            assert reply.status == 200
    finally:
        server.stop()


def test_without_room_the_server_stays_on_loopback(server):
    address = room.lan_addresses()[0]
    port = int(server.url.rsplit(":", 1)[1])
    assert "facilitator serving on http://127.0.0.1:" in "".join(server.output)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as phone, pytest.raises(ConnectionRefusedError):
        phone.settimeout(5)
        phone.connect((address, port))
