"""A Web Push service on loopback, standing in for a browser vendor's.

It receives the real HTTP request pywebpush makes (RFC 8030), checks the
VAPID JWT and key (RFC 8292), and decrypts the aes128gcm payload (RFC 8291)
with the private key of a subscription it created the way a browser would.
Messages with the same Topic replace each other, as RFC 8030 5.4 says a push
service does for messages not yet delivered. Tests can make it answer with
another status (410 Gone, 503) per subscription.
"""

import base64
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class QuietServer(ThreadingHTTPServer):
    """A sender killed mid-request (the kill -9 benchmark) is not an error."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


class PushService:
    def __init__(self, expected_key=None, latency=0.0, decrypt=True):
        self.expected_key = expected_key
        self.latency = latency
        self.decrypt = decrypt
        self.lock = threading.Lock()
        self.keys = {}
        self.status = {}
        self.received = []  # every accepted request, in order
        self.rejected = []  # (subscription, reason)
        self.by_topic = {}  # (subscription, topic) -> message (replaced)
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                code = service.handle(self.path, dict(self.headers), body)
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def subscribe(self, name=None):
        """A subscription as a browser's PushManager would hand it over."""
        name = name or b64url(os.urandom(9))
        private = ec.generate_private_key(ec.SECP256R1())
        auth = os.urandom(16)
        self.keys[name] = (private, auth)
        public = private.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": f"{self.origin}/push/{name}",
            "keys": {"p256dh": b64url(public), "auth": b64url(auth)},
        }

    def messages(self, name=None):
        with self.lock:
            return [m for m in self.received if name is None or m["sub"] == name]

    def wait_for(self, count, name=None, timeout=30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.messages(name)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        return self.messages(name)

    # --- the protocol -------------------------------------------------------

    def _check_vapid(self, headers):
        auth = headers.get("Authorization") or headers.get("authorization") or ""
        if not auth.startswith("vapid "):
            return "no vapid authorization"
        params = dict(
            part.strip().split("=", 1) for part in auth[len("vapid ") :].split(",")
        )
        token, key = params.get("t"), params.get("k")
        if not token or not key:
            return "vapid t or k missing"
        if self.expected_key and key != self.expected_key:
            return "unknown vapid key"
        head, payload, signature = token.split(".")
        if json.loads(b64url_decode(head)).get("alg") != "ES256":
            return "vapid alg"
        public = ec.EllipticCurvePublicKey.from_encoded_point(
            ec.SECP256R1(), b64url_decode(key)
        )
        raw = b64url_decode(signature)
        der = encode_dss_signature(
            int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")
        )
        try:
            public.verify(der, f"{head}.{payload}".encode(), ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            return "vapid signature"
        claims = json.loads(b64url_decode(payload))
        if claims.get("aud") != self.origin:
            return "vapid aud"
        if not (time.time() < claims.get("exp", 0) <= time.time() + 24 * 3600):
            return "vapid exp"
        if not str(claims.get("sub", "")).startswith(("mailto:", "https:")):
            return "vapid sub"
        return None

    def handle(self, path, headers, body):
        if self.latency:
            time.sleep(self.latency)
        name = path.rsplit("/", 1)[-1]
        if name not in self.keys and self.decrypt:
            return 404
        forced = self.status.get(name)
        if forced:
            return forced
        headers = {k.lower(): v for k, v in headers.items()}
        problem = self._check_vapid(headers)
        if headers.get("content-encoding") != "aes128gcm":
            problem = problem or "content-encoding"
        if "ttl" not in headers:
            problem = problem or "ttl missing"
        if problem:
            with self.lock:
                self.rejected.append((name, problem))
            return 401 if "vapid" in problem else 400
        message = {
            "sub": name,
            "topic": headers.get("topic"),
            "ttl": headers.get("ttl"),
            "urgency": headers.get("urgency"),
            "size": len(body),
            "body": body,
        }
        if self.decrypt:
            private, auth = self.keys[name]
            plain = http_ece.decrypt(
                body, private_key=private, auth_secret=auth, version="aes128gcm"
            )
            message["data"] = json.loads(plain.decode())
        with self.lock:
            self.received.append(message)
            self.by_topic[(name, message["topic"])] = message
        return 201
