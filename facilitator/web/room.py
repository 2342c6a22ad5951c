"""``facilitator serve --room``: the addresses phones in the room can reach this machine on.

No dependency for it: the address the machine would send from (a UDP socket's ``connect`` picks the route
and sends nothing), then every address of every interface that is up (``ip -j addr`` where there is ``ip``),
then the host name's addresses. Loopback, link-local and container bridges are left out: no phone reaches them.
"""

from __future__ import annotations

import ipaddress
import json
import shutil
import socket
import subprocess
from dataclasses import dataclass

# Interfaces of containers and virtual machines on this machine, not of the room's network.
VIRTUAL_INTERFACES = ("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "cni", "flannel", "podman")
# Any address outside this machine: connecting a UDP socket to it only asks the routing table which source
# address it would use. Nothing is sent; no network beyond the room's is needed.
ROUTE_PROBE = ("10.254.254.254", 9)


def reachable_from_room(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.version == 4 and not (ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast)


def _route_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(ROUTE_PROBE)
        except OSError:  # no route at all: a laptop on no network
            return None
        address: str = probe.getsockname()[0]
        return address


def _interface_addresses() -> list[str]:
    ip = shutil.which("ip")
    if ip is None:
        return []
    try:
        listing = subprocess.run([ip, "-j", "-4", "addr"], capture_output=True, text=True, timeout=5, check=True)
        interfaces = json.loads(listing.stdout or "[]")
    except (OSError, subprocess.SubprocessError, ValueError):
        return []
    return [
        info["local"]
        for interface in interfaces
        if "UP" in interface.get("flags", []) and not interface.get("ifname", "").startswith(VIRTUAL_INTERFACES)
        for info in interface.get("addr_info", [])
        if info.get("family") == "inet" and "local" in info
    ]


def _host_name_addresses() -> list[str]:
    try:
        return [str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        return []


def lan_addresses() -> list[str]:
    """This machine's addresses a phone on the same network could reach, the routed one first."""
    found: list[str] = []
    for address in [_route_address(), *_interface_addresses(), *_host_name_addresses()]:
        if address and reachable_from_room(address) and address not in found:
            found.append(address)
    return found


@dataclass(frozen=True)
class RoomPlan:
    public_url: str | None  # for the QR code and join card; None: PUBLIC_URL, set by the operator, stands
    lines: list[str]  # what to print
    warning: str | None  # printed to stderr: phones cannot reach this machine


def plan(addresses: list[str], port: int, public_url: str) -> RoomPlan:
    """What ``serve --room`` announces and which address the QR code carries."""
    urls = [f"http://{address}:{port}" for address in addresses]
    if public_url:
        lines = [f" * Room mode: PUBLIC_URL is set, so the QR code and join card show {public_url}"]
        lines += [f" *   this machine is also reachable at {url}" for url in urls]
        return RoomPlan(None, lines, None)
    if not urls:
        return RoomPlan(
            None,
            [],
            " ! Room mode, but this machine has no network address but loopback (127.0.0.1): no phone can reach it."
            " Join the room's Wi-Fi (or start a hotspot) and start again, or set PUBLIC_URL.",
        )
    lines = [f" * Room mode: phones on this network join at {urls[0]} (the QR code and join card show it)"]
    lines += [f" *   also reachable at {url}" for url in urls[1:]]
    return RoomPlan(urls[0], lines, None)
