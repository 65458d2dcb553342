"""Who is on the other end of a request, when a reverse proxy may stand in between."""

from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address, ip_network

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

Network = IPv4Network | IPv6Network


def trusted_networks(entries: list[str]) -> list[Network]:
    """Parse `TRUSTED_PROXIES` (addresses or CIDR ranges); a typo stops the boot."""
    try:
        return [ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]
    except ValueError as exc:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {exc}") from exc


def _parse(address: str) -> IPv4Address | IPv6Address | None:
    try:
        return ip_address(address.strip())
    except ValueError:
        return None


def _trusted(address: IPv4Address | IPv6Address | None, networks: list[Network]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: `REMOTE_ADDR`, unless that is one of `TRUSTED_PROXIES`; then the
    nearest address in `X-Forwarded-For` that the trusted proxies did not add themselves.

    Read from the right: each proxy appends the address it saw, so entries left of the first
    untrusted one may have been written by the client and prove nothing.
    """
    peer = request.META.get("REMOTE_ADDR")
    networks = trusted_networks(settings.TRUSTED_PROXIES)
    if not _trusted(_parse(peer or ""), networks):
        return peer
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            return peer  # a proxy we trust would not have written this
        if not _trusted(address, networks):
            return str(address)
    return peer
