"""A backup of a working installation restores into an empty one with every table row and
evidence file as it was; a damaged archive and a non-empty installation are refused."""

import hashlib
import io
import json
import os
import shlex
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from readiness.backup.domain.manifest import BadArchive, Manifest, problems, table_digest
from readiness.lib.testing import s3
from readiness.lib.testing.workers import empty_installation

READINESS = f"{shlex.quote(sys.executable)} -m readiness"
ROOT = Path(__file__).resolve().parents[3]
STRATEGY = (
    "Anytown strategy meetings: timeliness report, March 2026\n\n"
    "Strategy meetings were held within one working day for 94% of children in 2025-26.\n"
)
MINUTES = (
    "Minutes of the LAC health group, 12 May 2026\n\n"
    "Initial health assessments within 20 working days rose from 61% to 78%.\n"
)


def run(command: str, data_dir: Path, **extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    # This checkout's code, wherever the command runs.
    env.update(READINESS_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT), **extra)
    return subprocess.run(
        command, shell=True, env=env, capture_output=True, text=True, timeout=300,
        cwd=data_dir,
    )  # fmt: skip


def ok(command: str, data_dir: Path, **extra: str) -> str:
    result = run(command, data_dir, **extra)
    assert result.returncode == 0, (command, result.stdout, result.stderr)
    return result.stdout


def manifest_of(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.loads(tar.extractfile("manifest.json").read())


@pytest.fixture(scope="module")
def working(tmp_path_factory) -> Path:
    """An installation in use: a lead, a review, two evidence files, a grade."""
    if os.getenv("DATABASE_URL"):
        pytest.skip("runs installations on SQLite files of their own; the SQLite pass covers it")
    home = tmp_path_factory.mktemp("working")
    folder = home / "in" / "Anyshire Police"
    folder.mkdir(parents=True)
    (folder / "strategy.txt").write_text(STRATEGY)
    (folder / "minutes.txt").write_text(MINUTES)
    empty_installation(home)
    ok(
        f"{READINESS} createsuperuser --noinput --username ann.lead --email ann@example.org",
        home,
        DJANGO_SUPERUSER_PASSWORD="a long pass phrase 77",
    )
    ok(
        f"{READINESS} review create --name 'Anytown review' --area Anytown "
        "--framework ilacs-2026 --lead ann.lead --agency 'Anyshire Police'",
        home,
    )
    ok(f"{READINESS} evidence ingest {home / 'in'} --review 1 --as ann.lead", home)
    ok(
        f"{READINESS} grade --review 1 --judgement help_and_protection --grade good "
        "--as ann.lead --rationale 'Strategy meetings are timely.'",
        home,
    )
    return home


@pytest.mark.slow
def test_a_backup_restores_into_an_empty_installation_exactly(working, tmp_path):
    archive = tmp_path / "backup.tar"
    out = ok(f"{READINESS} backup --output {archive}", working)
    saved = manifest_of(archive)
    assert out.startswith("Backed up the sqlite database (")
    assert out.endswith(f"and 2 evidence files to {archive} ({archive.stat().st_size:,} bytes).\n")
    assert len(saved["evidence"]) == 2
    assert saved["tables"]["reviews_review"]["rows"] == 1
    assert saved["tables"]["assessment_judgementassessment"]["rows"] == 1

    empty = tmp_path / "elsewhere"
    empty.mkdir()
    restored = ok(f"{READINESS} restore {archive}", empty)
    assert restored.startswith(f"Restored the sqlite database of {saved['created']} (")
    assert restored.endswith("each as backed up) and 2 evidence files, every hash checked.\n")
    assert ok(f"{READINESS} review list", empty) == ok(f"{READINESS} review list", working)
    assert sorted(p.name for p in (empty / "evidence").rglob("*") if p.is_file()) == sorted(
        name.rsplit("/", 1)[1] for name in saved["evidence"]
    )

    # The restored installation backs up to the same tables and files, row for row.
    again = tmp_path / "again.tar"
    ok(f"{READINESS} backup --output {again}", empty)
    second = manifest_of(again)
    assert second["tables"] == saved["tables"]
    assert second["evidence"] == saved["evidence"]

    refused = run(f"{READINESS} restore {archive}", empty)
    assert refused.returncode == 2
    assert refused.stderr == (
        "CommandError: This installation already holds people, reviews or evidence: restore "
        "only into an empty one (a new READINESS_DATA_DIR and a new, empty database).\n"
    )


@pytest.mark.slow
def test_a_damaged_archive_is_refused_before_anything_changes(working, tmp_path):
    archive = tmp_path / "backup.tar"
    ok(f"{READINESS} backup --output {archive}", working)
    damaged = tmp_path / "damaged.tar"
    altered = ""
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as target:
        for member in source:
            data = source.extractfile(member).read()
            if member.name.startswith("evidence/") and b"94%" in data and not altered:
                data = data.replace(b"94%", b"49%")
                altered = member.name
            target.addfile(member, io.BytesIO(data))
    assert altered.startswith("evidence/")
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    refused = run(f"{READINESS} restore {damaged}", empty)
    assert refused.returncode == 2
    assert refused.stderr == (
        "CommandError: The archive does not match its manifest; nothing was restored:\n"
        f"altered or damaged (its hash differs): {altered}\n"
    )
    assert [p.name for p in empty.iterdir()] == []


@pytest.mark.slow
def test_a_backup_restores_into_an_s3_bucket_and_backs_up_from_it(working, tmp_path):
    """The same archive into an installation keeping its evidence in a bucket (a real S3
    server, moto's), and out again: the files go through the storage both ways."""
    archive = tmp_path / "backup.tar"
    ok(f"{READINESS} backup --output {archive}", working)
    saved = manifest_of(archive)["evidence"]
    with s3.moto_server() as endpoint:
        bucket = s3.new_bucket(endpoint)
        environment = s3.environment(endpoint, bucket, prefix="anytown")
        empty = tmp_path / "with-a-bucket"
        empty.mkdir()
        restored = ok(f"{READINESS} restore {archive}", empty, **environment)
        assert restored.endswith("and 2 evidence files, every hash checked.\n")
        assert s3.keys(endpoint, bucket) == sorted(f"anytown/{name}" for name in saved)
        assert sorted(p.name for p in empty.iterdir()) == ["readiness.sqlite3"]

        again = tmp_path / "again.tar"
        ok(f"{READINESS} backup --output {again}", empty, **environment)
        assert manifest_of(again)["evidence"] == saved
        with tarfile.open(again) as tar:
            assert {
                name: hashlib.sha256(tar.extractfile(name).read()).hexdigest() for name in saved
            } == saved

        # An object altered in the bucket stops the backup; nothing is written.
        first = sorted(saved)[0].removeprefix("evidence/")
        client = s3.client(endpoint)
        client.put_object(Bucket=bucket, Key=f"anytown/evidence/{first}", Body=b"altered")
        found = hashlib.sha256(b"altered").hexdigest()
        refused = run(f"{READINESS} backup --output {tmp_path / 'third.tar'}", empty, **environment)
    assert refused.returncode == 1
    expected = first.rsplit("/", 1)[1]
    assert refused.stderr.splitlines() == [
        f"evidence file damaged: {first} should hash to {expected} but hashes to {found}",
        f"CommandError: Nothing was written. The stored file {first} does not match its "
        f"recorded SHA-256 (expected {expected}, found {found}): it was changed or damaged in "
        "storage, so it is not used. Put the original back from a backup (docs/backup.md).",
    ]
    assert not (tmp_path / "third.tar").exists()


def test_the_manifest_names_what_is_missing_extra_or_altered():
    manifest = Manifest(engine="sqlite", created="2026-12-07T12:00:00Z", database_sha256="d")
    manifest.evidence = {"evidence/ab/ab" + "0" * 62: "e1", "evidence/cd/cd" + "0" * 62: "e2"}
    found = {"database.sqlite3": "d", "evidence/ab/ab" + "0" * 62: "XX", "stray.txt": "s"}
    assert problems(manifest, found) == [
        "missing: evidence/cd/cd" + "0" * 62,
        "not in the manifest: stray.txt",
        "altered or damaged (its hash differs): evidence/ab/ab" + "0" * 62,
    ]


def test_a_manifest_naming_a_path_outside_the_evidence_is_refused():
    raw = json.dumps({
        "format": "readiness-backup", "version": 1, "engine": "sqlite",
        "evidence": {"../../etc/passwd": "x"},
    }).encode()  # fmt: skip
    with pytest.raises(BadArchive, match=r"unexpected file: \.\./\.\./etc/passwd"):
        Manifest.from_json(raw)


def test_a_table_digest_counts_rows_and_depends_on_every_value():
    one = table_digest(iter([(1, "a", None), (2, "b", b"\x00")]))
    assert one["rows"] == 2
    assert table_digest(iter([(1, "a", None), (2, "c", b"\x00")]))["sha256"] != one["sha256"]
