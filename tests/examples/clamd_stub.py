"""A stand-in for clamd that speaks the INSTREAM protocol and flags the EICAR test string.

ClamAV's signature database cannot be downloaded offline, so the guide's scanning code is
tested against this server: same wire protocol, one signature.
"""

from __future__ import annotations

import socketserver
import struct
import threading

# the EICAR anti-virus test string, in two halves so this file itself is not flagged
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
MAX_STREAM = 25 * 1024 * 1024  # clamd's default StreamMaxLength


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        command = self._read_command()
        if command is None:
            return
        name, terminator = command
        if name == b"PING":
            self.request.sendall(b"PONG" + terminator)
        elif name == b"INSTREAM":
            self.request.sendall(self._scan() + terminator)
        else:
            self.request.sendall(b"UNKNOWN COMMAND" + terminator)

    def _read_command(self) -> tuple[bytes, bytes] | None:
        """Read `zCOMMAND\\0` or `nCOMMAND\\n`; the reply ends the same way."""
        prefix = self.request.recv(1)
        if prefix not in (b"z", b"n"):
            return None
        terminator = b"\0" if prefix == b"z" else b"\n"
        name = b""
        while not name.endswith(terminator):
            chunk = self.request.recv(1)
            if not chunk:
                return None
            name += chunk
        return name[:-1], terminator

    def _scan(self) -> bytes:
        data = b""
        while True:
            size = struct.unpack("!I", self._exactly(4))[0]
            if size == 0:
                break
            data += self._exactly(size)
            if len(data) > MAX_STREAM:
                return b"INSTREAM size limit exceeded. ERROR"
        return b"stream: Eicar-Test-Signature FOUND" if EICAR in data else b"stream: OK"

    def _exactly(self, count: int) -> bytes:
        data = b""
        while len(data) < count:
            chunk = self.request.recv(count - len(data))
            if not chunk:
                raise ConnectionError("client closed the stream early")
            data += chunk
        return data


class ClamdStub(socketserver.ThreadingTCPServer):
    """The server, on a free port of 127.0.0.1, served from a daemon thread."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def start(self) -> ClamdStub:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
