"""The simulated people of the load test (bench/load_test.py): a signed-in browser session
over `http.client`, a user who cycles over pages with a pause between them, and the figures
(percentiles by nearest rank) of what they measured.

Plain standard library, no Django: the client must not share the server's code path, and a
thread per user is enough when each user waits seconds between pages.
"""

from __future__ import annotations

import http.client
import math
import random
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

TIMEOUT_SECONDS = 60


def percentile(ordered: list[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..100) of values sorted ascending: the smallest
    value with at least `share` per cent of the values at or below it. No interpolation, so
    a p95 is always a time some request really took."""
    if not ordered:
        return math.nan
    if not 0 <= share <= 100:
        raise ValueError(f"share must be in 0..100, not {share}")
    rank = max(1, math.ceil(share / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class PageFigures:
    name: str
    count: int
    errors: int
    p50: float
    p95: float
    p99: float
    max: float


def figures(name: str, times_ms: list[float], errors: int) -> PageFigures:
    ordered = sorted(times_ms)
    return PageFigures(
        name=name,
        count=len(ordered),
        errors=errors,
        p50=percentile(ordered, 50),
        p95=percentile(ordered, 95),
        p99=percentile(ordered, 99),
        max=ordered[-1] if ordered else math.nan,
    )


@dataclass
class Recorder:
    """Every request's time by page name, and what went wrong, from many threads."""

    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, page: str, milliseconds: float, error: str | None) -> None:
        with self.lock:
            self.times.setdefault(page, []).append(milliseconds)
            self.errors.setdefault(page, [])
            if error:
                self.errors[page].append(error)

    def pages(self, order: list[str]) -> list[PageFigures]:
        names = [n for n in order if n in self.times] + sorted(set(self.times) - set(order))
        return [figures(n, self.times[n], len(self.errors[n])) for n in names]

    def overall(self) -> PageFigures:
        every = [t for times in self.times.values() for t in times]
        return figures("all pages", every, sum(len(e) for e in self.errors.values()))


class Session:
    """One browser: its own cookies (session and CSRF), one connection kept open as long
    as the server allows (gunicorn's sync workers close it after each answer, and
    http.client opens a new one), and the headers a TLS proxy in front would add."""

    def __init__(self, port: int, host: str = "127.0.0.1") -> None:
        self.port = port
        self.origin = f"https://{host}:{port}"
        self.connection = http.client.HTTPConnection(host, port, timeout=TIMEOUT_SECONDS)
        self.cookies: dict[str, str] = {}
        self.username = ""

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        sent = {
            # As nginx would (docs/deploy.md): the production settings trust it from loopback.
            "X-Forwarded-Proto": "https",
            "Accept": "text/html,application/json",
            **(headers or {}),
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            self.connection.request(method, path, body=body, headers=sent)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # the next request opens a fresh one
            raise
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        if response.will_close:
            self.connection.close()
        return response.status, dict(response.getheaders()), data

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", path)

    def post(self, path: str, body: bytes, content_type: str) -> tuple[int, dict[str, str], bytes]:
        return self.request(
            "POST",
            path,
            body=body,
            # Over HTTPS Django checks that the Referer is this site; a browser sends it.
            headers={"Content-Type": content_type, "Referer": self.origin + path},
        )

    def csrf_token(self, path: str) -> str:
        """Visit a form's page for the CSRF cookie. Django accepts its value as the form's
        token, as a browser's form would send it masked."""
        status, _, _ = self.get(path)
        if status != 200 or "csrftoken" not in self.cookies:
            raise RuntimeError(f"{path} answered {status} without a CSRF cookie")
        return self.cookies["csrftoken"]

    def log_in(self, username: str, password: str) -> None:
        token = self.csrf_token("/accounts/login/")
        form = urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": token}
        ).encode()
        status, headers, _ = self.post(
            "/accounts/login/", form, "application/x-www-form-urlencoded"
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"signing in as {username} answered {status}")
        self.username = username

    def upload(self, path: str, files: list[tuple[str, bytes]], fields: dict[str, str]) -> str:
        """Post files to an upload form; returns where the server sent us (the job's page)."""
        token = self.csrf_token(path)
        body, content_type = multipart({"csrfmiddlewaretoken": token, **fields}, files)
        status, headers, data = self.post(path, body, content_type)
        if status != 302:
            raise RuntimeError(f"upload answered {status}: {data[:300]!r}")
        return urlsplit(headers.get("Location", "")).path


def multipart(fields: dict[str, str], files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body: the fields, then every file under the name `files`."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for filename, data in files:
        quoted = filename.replace('"', "%22")
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="{quoted}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


ERROR_MARKERS = (re.compile(rb"Server Error \(500\)"), re.compile(rb"Traceback"))


def visit(session: Session, recorder: Recorder, page: str, path: str) -> None:
    """One page, timed from sending to the last byte read. Anything but a 200 is an error,
    a redirect included (to the sign-in page, a signed-out session)."""
    started = time.perf_counter()
    error = None
    try:
        status, _, data = session.get(path)
        if status != 200:
            error = f"{status} from {path}"
        elif any(marker.search(data) for marker in ERROR_MARKERS):
            error = f"an error page from {path}"
    except (OSError, http.client.HTTPException) as failure:
        error = f"{type(failure).__name__} on {path}: {failure}"
    recorder.record(page, (time.perf_counter() - started) * 1000, error)


def run_user(
    session: Session,
    pages: list[tuple[str, str]],
    recorder: Recorder,
    until: float,
    pause: tuple[float, float],
    rng: random.Random,
) -> None:
    """Cycle over the pages (from a random place in the cycle) until the monotonic clock
    passes `until`, pausing between pages as a person reading them would. People are
    already reading when the run starts (a first pause drawn like the others), so that 50
    of them do not all ask at the same instant, which nobody would."""
    position = rng.randrange(len(pages))
    time.sleep(max(0.0, min(rng.uniform(0.0, pause[1]), until - time.monotonic())))
    while time.monotonic() < until:
        page, path = pages[position % len(pages)]
        visit(session, recorder, page, path)
        position += 1
        wait = rng.uniform(*pause)
        if wait:
            time.sleep(max(0.0, min(wait, until - time.monotonic())))
