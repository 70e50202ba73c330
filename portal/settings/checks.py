"""Checks of deployment values that production settings run at import."""

import ipaddress
import socket
from urllib.parse import urlsplit


def _address(host):
    """The IP address a host name spells, in any spelling, or None."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:
        # inet_aton also reads the short and numeric IPv4 forms resolvers
        # accept: 127.1, 0x7f.0.0.1, 2130706433.
        return ipaddress.ip_address(socket.inet_ntoa(socket.inet_aton(host)))
    except OSError:
        return None


def issuer_problem(issuer):
    """Why `issuer` cannot be a production identity broker, or None."""
    parts = urlsplit(issuer.strip())
    try:
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return "is not a valid address"
    if not host:
        return "has no host"
    if host == "localhost" or host.endswith(".localhost"):
        return "must not be a loopback address"
    address = _address(host)
    if address is not None:
        mapped = getattr(address, "ipv4_mapped", None)
        for candidate in filter(None, (address, mapped)):
            if (
                candidate.is_loopback
                or candidate.is_unspecified
                or candidate.is_link_local
            ):
                return "must not be a loopback address"
    if parts.scheme.lower() != "https":
        return "must be an https:// address"
    return None
