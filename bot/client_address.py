"""Who is on the other end of a request: the socket's address, or, behind proxies the operator
trusts (``TRUSTED_PROXIES``), the address the nearest untrusted hop has in ``X-Forwarded-For``.

Anyone can send an ``X-Forwarded-For`` header, so it is read only when the socket's peer is a
trusted proxy, and then right to left: each trusted proxy appends the address it was reached from,
so the first address from the right that is not a trusted proxy is the client as far as any
trusted party saw it; whatever stands to its left was written by the client itself.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(text: str) -> tuple[Network, ...]:
    """"10.0.0.1, 10.1.0.0/16, ::1" → networks; ValueError naming the entry that is not one."""
    networks = []
    for entry in filter(None, (part.strip() for part in text.split(","))):
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ValueError(f"{entry!r} is not an IP address or network") from None
    return tuple(networks)


def client_address(peer: str | None, forwarded_for: str | None, trusted: Iterable[Network]) -> str:
    """The client's address, from the socket's ``peer`` and the ``X-Forwarded-For`` header."""
    trusted = tuple(trusted)
    address = peer or "unknown"
    if not _is_trusted(address, trusted):
        return address
    for hop in reversed([part.strip() for part in (forwarded_for or "").split(",") if part.strip()]):
        address = hop
        if not _is_trusted(hop, trusted):
            break
    return address


def _is_trusted(address: str, trusted: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False  # not an address (a hop's garbage): never a trusted proxy
    return any(ip in network for network in trusted)
