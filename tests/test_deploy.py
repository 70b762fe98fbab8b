"""The production set-up of docs/deploy.md: its settings pass Django's deploy check, the web
server refuses a missing secret key, gunicorn serves the security headers and accepts a POST
through a TLS proxy, and the container files run the Makefile's commands."""

import http.client
import os
import re
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
GOOD_KEY = "k3Y-q8" * 9  # 54 characters, 6 different


def documented_settings() -> str:
    """The shell block of docs/deploy.md headed `# production settings`."""
    for block in re.findall(r"```sh\n(.*?)```", DEPLOY, re.S):
        if block.startswith("# production settings\n"):
            return block
    raise AssertionError("docs/deploy.md has no `# production settings` block")


def clean_environment(tmp_path: Path) -> dict[str, str]:
    """This process's environment without any READINESS_ setting, DATABASE_URL or the
    browser tests' DJANGO_ALLOW_ASYNC_UNSAFE (a server must never run with it)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("READINESS_")
        and name not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env["READINESS_DATA_DIR"] = str(tmp_path)
    return env


def run_after_settings(
    command: str, tmp_path: Path, settings: str = ""
) -> subprocess.CompletedProcess:
    data_dir = shlex.quote(str(tmp_path))
    script = f"set -e\n{settings}\nexport READINESS_DATA_DIR={data_dir}\n{command}"
    return subprocess.run(
        ["bash", "-c", script],
        env=clean_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


READINESS = f"{shlex.quote(sys.executable)} -m readiness"


def test_the_documented_settings_pass_the_deploy_check(tmp_path):
    result = run_after_settings(
        f"{READINESS} check --deploy --fail-level WARNING", tmp_path, documented_settings()
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "System check identified no issues (1 silenced).\n"


def test_the_development_settings_fail_the_deploy_check(tmp_path):
    result = run_after_settings(f"{READINESS} check --deploy --fail-level WARNING", tmp_path)
    assert result.returncode == 1
    found = sorted(set(re.findall(r"security\.W\d+", result.stderr)))
    assert found == [
        "security.W004",
        "security.W008",
        "security.W009",
        "security.W012",
        "security.W016",
    ]


IMPORT_WSGI = f"{shlex.quote(sys.executable)} -c \"import readiness.wsgi; print('started')\""


@pytest.mark.parametrize(
    ("settings", "why"),
    [
        ("", "READINESS_SECRET_KEY is not set"),
        ("export READINESS_SECRET_KEY=short-but-secret", "READINESS_SECRET_KEY is too weak"),
        (
            "export READINESS_SECRET_KEY=django-insecure-" + "x1y2z3" * 9,
            "one of Django's generated development keys",
        ),
    ],
)
def test_the_web_server_refuses_to_start_without_a_real_secret_key(tmp_path, settings, why):
    result = run_after_settings(IMPORT_WSGI, tmp_path, settings)
    assert result.returncode == 1
    assert result.stdout == ""
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith(
        "django.core.exceptions.ImproperlyConfigured: Readiness will not start: "
    )
    assert why in last_line
    assert "Generate one with `python3 -c 'import secrets" in last_line


@pytest.mark.parametrize(
    "settings",
    [
        f"export READINESS_SECRET_KEY={GOOD_KEY}",
        "export READINESS_DEBUG=true",
        "export READINESS_ALLOW_DEV_SECRET=true",
    ],
)
def test_the_web_server_starts_with_a_real_key_or_when_told_it_is_for_development(
    tmp_path, settings
):
    result = run_after_settings(IMPORT_WSGI, tmp_path, settings)
    assert (result.returncode, result.stdout) == (0, "started\n")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(port: int, method: str, path: str, headers: dict[str, str], body: str = ""):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, body=body or None, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    """gunicorn as `make serve` starts it, under the documented settings on a SQLite database
    of its own (the deploy check does not look at the database engine)."""
    if os.getenv("DATABASE_URL"):
        pytest.skip("starts gunicorn on a SQLite database of its own; the SQLite pass covers it")
    tmp_path = tmp_path_factory.mktemp("served")
    port = _free_port()
    settings = (
        documented_settings()
        .replace("export DATABASE_URL=", "# export DATABASE_URL=")
        .replace("READINESS_BIND=127.0.0.1:8000", f"READINESS_BIND=127.0.0.1:{port}")
    )
    settings = (
        re.sub(r"READINESS_SECRET_KEY=.*", f"READINESS_SECRET_KEY={GOOD_KEY}", settings)
        + "\nexport READINESS_WEB_WORKERS=1"
    )
    migrated = run_after_settings(f"{READINESS} migrate --noinput", tmp_path, settings)
    assert migrated.returncode == 0, migrated.stderr
    created = run_after_settings(
        f'{shlex.quote(sys.executable)} -c "import os, django; '
        "os.environ['DJANGO_SETTINGS_MODULE']='readiness.settings'; django.setup(); "
        "from django.contrib.auth.models import User; "
        "User.objects.create_user('ann.lead', password='a long pass phrase 77')\"",
        tmp_path,
        settings,
    )
    assert created.returncode == 0, created.stderr
    gunicorn_bin = Path(sys.executable).parent / "gunicorn"
    script = f"set -e\n{settings}\nexport READINESS_DATA_DIR={shlex.quote(str(tmp_path))}\n"
    script += (
        f"exec {shlex.quote(str(gunicorn_bin))} " + makefile_serve_commands()[1].split(" ", 1)[1]
    )
    server = subprocess.Popen(
        ["bash", "-c", script],
        env=clean_environment(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _request(port, "GET", "/healthz", {"Host": "127.0.0.1"})
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


HOST = "readiness.anytown.gov.uk"
THROUGH_PROXY = {"Host": HOST, "X-Forwarded-Proto": "https"}


@pytest.mark.slow
def test_gunicorn_serves_through_a_tls_proxy_with_the_security_headers(gunicorn):
    port = gunicorn
    health = _request(port, "GET", "/healthz", {"Host": "127.0.0.1"})
    assert health.status == 200

    plain = _request(port, "GET", "/accounts/login/", {"Host": HOST})
    assert (plain.status, plain.getheader("Location")) == (
        301,
        f"https://{HOST}/accounts/login/",
    )

    page = _request(port, "GET", "/accounts/login/", THROUGH_PROXY)
    assert page.status == 200
    assert page.getheader("Strict-Transport-Security") == "max-age=31536000; includeSubDomains"
    assert page.getheader("Content-Security-Policy").startswith(
        "default-src 'self'; script-src 'self'; style-src 'self';"
    )
    assert "frame-ancestors 'none'" in page.getheader("Content-Security-Policy")
    assert page.getheader("X-Frame-Options") == "DENY"
    assert page.getheader("Referrer-Policy") == "same-origin"
    assert page.getheader("Permissions-Policy") == (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
    )
    assert page.getheader("Cross-Origin-Opener-Policy") == "same-origin"
    assert page.getheader("X-Content-Type-Options") == "nosniff"
    cookie = page.getheader("Set-Cookie")
    assert cookie.startswith("csrftoken=")
    assert "Secure" in cookie


@pytest.mark.slow
def test_a_sign_in_posted_through_the_proxy_passes_the_csrf_check(gunicorn):
    port = gunicorn
    page = _request(port, "GET", "/accounts/login/", THROUGH_PROXY)
    token = re.search(r"csrftoken=([^;]+)", page.getheader("Set-Cookie")).group(1)
    body = f"csrfmiddlewaretoken={token}&username=ann.lead&password=a+long+pass+phrase+77"
    signed_in = _request(
        port,
        "POST",
        "/accounts/login/",
        {
            **THROUGH_PROXY,
            "Origin": f"https://{HOST}",
            "Referer": f"https://{HOST}/accounts/login/",
            "Cookie": f"csrftoken={token}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        body,
    )
    assert (signed_in.status, signed_in.getheader("Location")) == (302, "/")
    session = [c for c in signed_in.headers.get_all("Set-Cookie") if c.startswith("sessionid=")]
    assert len(session) == 1
    # Secure, not readable by script, and gone when the browser closes (no expiry date).
    assert "; Secure" in session[0] and "; HttpOnly" in session[0]
    assert "expires=" not in session[0].lower() and "max-age" not in session[0].lower()

    forged = _request(
        port,
        "POST",
        "/accounts/login/",
        {
            **THROUGH_PROXY,
            "Origin": "https://evil.example",
            "Cookie": f"csrftoken={token}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        body,
    )
    assert forged.status == 403


def makefile_serve_commands() -> list[str]:
    """The `serve` target's recipe lines, with make's variables filled in as make would."""
    makefile = (ROOT / "Makefile").read_text()
    gunicorn = re.search(r"^GUNICORN := (.+)$", makefile, re.M).group(1)
    recipe = re.search(r"^serve:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    return [
        line.strip().replace("$(BIN)/", "").replace("$(GUNICORN)", gunicorn)
        for line in recipe.splitlines()
    ]


def makefile_worker_command() -> str:
    makefile = (ROOT / "Makefile").read_text()
    (line,) = re.search(r"^worker:.*\n((?:\t.*\n)+)", makefile, re.M).group(1).splitlines()
    return line.strip().replace("$(BIN)/", "")


def test_make_worker_starts_the_background_worker():
    assert makefile_worker_command() == "readiness worker --no-reload"


def test_make_serve_migrates_then_starts_gunicorn():
    assert makefile_serve_commands() == [
        "readiness migrate --noinput",
        "gunicorn --config python:readiness.gunicorn_config readiness.wsgi",
    ]


def test_the_container_files_run_the_makefile_commands():
    migrate, serve = makefile_serve_commands()
    containerfile = (ROOT / "Containerfile").read_text()
    cmd = re.search(r"^CMD (\[.*\])$", containerfile, re.M).group(1)
    assert yaml.safe_load(cmd) == serve.split()

    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert sorted(services) == ["db", "migrate", "web", "worker"]
    assert services["migrate"]["command"] == migrate.split()
    assert services["web"]["command"] == serve.split()
    assert services["worker"]["command"] == makefile_worker_command().split()
    for name in ("web", "worker"):
        assert services[name]["depends_on"] == {
            "migrate": {"condition": "service_completed_successfully"}
        }
    # All run the image the Containerfile builds, under the production settings.
    for name in ("migrate", "web", "worker"):
        assert services[name]["build"] == {"context": ".", "dockerfile": "Containerfile"}
        environment = services[name]["environment"]
        assert environment["READINESS_HTTPS"] == "true"
        assert environment["READINESS_BEHIND_PROXY"] == "true"
        assert environment["DATABASE_URL"].startswith("postgres://readiness:")
