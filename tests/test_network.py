import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings

from config.network import client_ip, trusted_networks


def request_from(peer: str, forwarded: str | None = None):
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR=peer)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        ("203.0.113.7", None, "203.0.113.7"),
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),  # a client naming itself is ignored
        ("10.0.0.9", "198.51.100.1", "10.0.0.9"),  # a proxy nobody trusts
    ],
)
def test_without_trusted_proxies_the_peer_is_the_client(peer, forwarded, client):
    assert client_ip(request_from(peer, forwarded)) == client


@override_settings(TRUSTED_PROXIES=["10.0.0.1", "10.1.0.0/16"])
@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        ("10.0.0.1", "203.0.113.7", "203.0.113.7"),
        # The left entry came from the client itself; the proxy appended the real address.
        ("10.0.0.1", "192.0.2.66, 203.0.113.7", "203.0.113.7"),
        ("10.0.0.1", "203.0.113.7, 10.1.4.2", "203.0.113.7"),  # two proxies in a row
        ("10.0.0.1", "2001:db8::7", "2001:db8::7"),
        ("10.0.0.1", "", "10.0.0.1"),
        ("10.0.0.1", "not-an-address", "10.0.0.1"),
        ("10.0.0.2", "203.0.113.7", "10.0.0.2"),  # not one of ours: the header proves nothing
    ],
)
def test_behind_trusted_proxies_the_nearest_untrusted_hop_is_the_client(peer, forwarded, client):
    assert client_ip(request_from(peer, forwarded)) == client


def test_a_proxy_setting_that_is_not_an_address_stops_the_boot():
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        trusted_networks(["10.0.0.1", "proxy.internal"])
    assert [str(n) for n in trusted_networks(["10.0.0.1", " 10.1.0.0/16 "])] == [
        "10.0.0.1/32",
        "10.1.0.0/16",
    ]
