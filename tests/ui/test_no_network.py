"""The suite blocks every connection beyond this machine, so offline behaviour is enforced, not assumed."""

from __future__ import annotations

import socket
import urllib.request

import pytest

from tests.conftest import NetworkBlockedError


def test_remote_connections_fail_the_test():
    with pytest.raises(NetworkBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    with pytest.raises(NetworkBlockedError):
        socket.getaddrinfo("example.org", 443)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkBlockedError):
            sock.connect(("203.0.113.5", 443))
    finally:
        sock.close()
    with pytest.raises((NetworkBlockedError, OSError)):
        urllib.request.urlopen("http://example.org/", timeout=0.1)


def test_local_sockets_keep_working(tmp_path):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    path = str(tmp_path / "s")
    server.bind(path)
    server.listen(1)
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    conn, _addr = server.accept()
    client.sendall(b"hi")
    assert conn.recv(2) == b"hi"
    for s in (conn, client, server):
        s.close()
    loop = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    loop.bind(("127.0.0.1", 0))
    loop.listen(1)
    port = loop.getsockname()[1]
    socket.create_connection(("127.0.0.1", port), timeout=1).close()
    loop.close()


def test_single_instance_local_server_works_under_the_block(qtbot, tmp_path):
    from jobfollow.ui.single_instance import SingleInstance

    first = SingleInstance(tmp_path)
    assert first.acquire()
    second = SingleInstance(tmp_path)
    assert not second.acquire()
    with qtbot.waitSignal(first.activation_requested, timeout=3000):
        assert second.notify_running_instance()
    first.release()
