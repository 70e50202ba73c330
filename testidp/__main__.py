"""`python -m testidp HOST:PORT` serves the local test identity provider."""

import logging
import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from .app import make_app


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        # Query strings carry codes and states: log the method and path only.
        logging.getLogger("testidp").info("%s", self.path.split("?")[0])


def main():
    address = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:8001"
    host, _, port = address.rpartition(":")
    issuer = os.environ.get("TESTIDP_ISSUER") or f"http://{address}"
    app = make_app(issuer)
    with make_server(
        host, int(port), app, server_class=ThreadingServer, handler_class=QuietHandler
    ) as server:
        logging.basicConfig(level=logging.INFO)
        logging.getLogger("testidp").info("test identity provider at %s", issuer)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
