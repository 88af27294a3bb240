"""A real SMTP server on a loopback port, in a thread, for the mail tests.

``accept`` speaks enough SMTP to receive messages (kept in ``messages``); ``refuse`` answers every
connection with 554 and closes it; ``hang`` accepts the connection and says nothing until
``release()`` (or its own bound) — the silent server a timeout exists for.
"""

import socketserver
import threading
from email import message_from_bytes, policy

HANG_BOUND = 30  # seconds a hanging connection is held at most, should a test forget to release it


class _Handler(socketserver.StreamRequestHandler):
    def handle(self):
        stub = self.server.stub
        stub.connections += 1
        stub.connected.set()
        if stub.mode == "refuse":
            self.wfile.write(b"554 5.7.1 Service refused\r\n")
            return
        if stub.mode == "hang":
            stub.released.wait(HANG_BOUND)
            return
        self.wfile.write(b"220 stub ESMTP\r\n")
        while True:
            line = self.rfile.readline(1000)
            if not line:
                return
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.wfile.write(b"250 stub\r\n")
            elif verb == b"DATA":
                self.wfile.write(b"354 go ahead\r\n")
                data = []
                for chunk in iter(lambda: self.rfile.readline(100_000), b""):
                    if chunk == b".\r\n":
                        break
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                stub.messages.append(message_from_bytes(b"".join(data), policy=policy.default))
                self.wfile.write(b"250 queued\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.wfile.write(b"250 ok\r\n")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SMTPStub:
    def __init__(self, mode="accept"):
        self.mode = mode
        self.messages = []
        self.connections = 0
        self.connected = threading.Event()
        self.released = threading.Event()
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.stub = self
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def release(self):
        self.released.set()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
