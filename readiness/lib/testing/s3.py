"""A real S3-compatible server for the tests: moto's server mode, in a process of its own on
a free loopback port, so the storage code talks HTTP to it exactly as to a council's bucket.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# moto accepts any credentials; boto3 needs some, and must never find a real account's.
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "readiness-tests",
    "AWS_SECRET_ACCESS_KEY": "readiness-tests",
    "AWS_DEFAULT_REGION": "eu-west-2",
}
REGION = "eu-west-2"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def moto_server(timeout: float = 20.0) -> Iterator[str]:
    """Start moto's S3 server and yield its endpoint URL; stopped on leaving."""
    port = _free_port()
    command = [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"moto_server did not start on port {port}") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def client(endpoint: str):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def new_bucket(endpoint: str) -> str:
    """A fresh, empty bucket, so that no test sees another's objects."""
    name = f"readiness-{uuid.uuid4().hex[:12]}"
    client(endpoint).create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    return name


def environment(endpoint: str, bucket: str, prefix: str = "") -> dict[str, str]:
    """The variables an installation is given to keep its files in the bucket."""
    return {
        **CREDENTIALS,
        "READINESS_STORAGE": "s3",
        "READINESS_S3_BUCKET": bucket,
        "READINESS_S3_ENDPOINT_URL": endpoint,
        "READINESS_S3_REGION": REGION,
        "READINESS_S3_PREFIX": prefix,
    }


def use_new_bucket(endpoint: str, settings, monkeypatch, storages: tuple[str, ...]) -> str:
    """Point this installation's STORAGES (named) at a new bucket, under the prefix
    "anytown", with the credentials in the environment as boto3 reads them; the data
    directory is left as it is. Returns the bucket's name."""
    from readiness.settings import s3_storage

    name = new_bucket(endpoint)
    variables = environment(endpoint, name, prefix="anytown")
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION"):
        monkeypatch.setenv(key, variables[key])
    settings.STORAGES = {
        **settings.STORAGES,
        **{storage: s3_storage(storage, variables) for storage in storages},
    }
    return name


def keys(endpoint: str, bucket: str) -> list[str]:
    listed = client(endpoint).list_objects_v2(Bucket=bucket)
    return sorted(item["Key"] for item in listed.get("Contents", []))
