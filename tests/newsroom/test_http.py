import pytest
from django.test import RequestFactory

from newsroom.http import client_ip

PROXY = "10.0.0.2"


def request(forwarded=None, remote=PROXY):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request("198.51.100.1, 203.0.113.7")) == PROXY


def test_behind_one_proxy_the_address_it_saw_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("198.51.100.1, 203.0.113.7")) == "203.0.113.7"


def test_behind_two_proxies_the_second_address_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request("198.51.100.1, 203.0.113.7, 10.0.0.1")) == "203.0.113.7"


def test_an_ipv6_client_is_kept_as_sent(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("2001:db8::7")) == "2001:db8::7"


@pytest.mark.parametrize(
    "forwarded",
    [None, "", " ", "unknown", "203.0.113.7:8080", "999.1.1.1", "<script>", "203.0.113.7, "],
    ids=["missing", "empty", "blank", "unknown", "with-port", "out-of-range", "markup", "empty-last"],
)
def test_a_missing_or_invalid_forwarded_address_falls_back_to_the_proxy(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded)) == PROXY


def test_a_header_shorter_than_the_proxy_chain_falls_back_to_the_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request("203.0.113.7")) == PROXY


def test_no_usable_address_at_all_is_none(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(remote="")) is None
