"""Evidence files in the data directory (the default storage): where they are kept, written
whole or not at all, read back only when they match their hash; and the settings check."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from readiness.evidence import storage
from readiness.evidence.checks import storage_settings
from readiness.evidence.ingest import ingest_path
from readiness.evidence.models import EvidenceDocument

from .factories import CARE_LEAVERS

OFFER = CARE_LEAVERS.encode()
HASH = hashlib.sha256(OFFER).hexdigest()


@pytest.fixture(autouse=True)
def data_dir(tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def test_files_are_kept_where_they_always_were(data_dir):
    assert storage.store(HASH, OFFER) == f"{HASH[:2]}/{HASH}"
    assert (data_dir / "evidence" / HASH[:2] / HASH).read_bytes() == OFFER
    assert storage.read(HASH) == OFFER
    assert list(storage.stored_names()) == [f"{HASH[:2]}/{HASH}"]


def test_the_data_directory_is_followed_when_it_changes(settings, tmp_path):
    storage.store(HASH, OFFER)
    settings.DATA_DIR = tmp_path / "elsewhere"
    assert storage.is_stored(HASH) is False
    assert list(storage.stored_names()) == []


def test_a_file_being_written_is_not_listed_and_a_write_leaves_no_part_file(data_dir):
    folder = data_dir / "evidence" / HASH[:2]
    folder.mkdir(parents=True)
    (folder / f"{HASH}.123.456.part").write_bytes(OFFER[:10])
    storage.store(HASH, OFFER)
    assert sorted(p.name for p in folder.iterdir()) == [HASH, f"{HASH}.123.456.part"]
    assert list(storage.stored_names()) == [f"{HASH[:2]}/{HASH}"]


def test_a_damaged_file_raises_with_both_hashes_and_is_replaced_by_true_bytes(data_dir):
    storage.store(HASH, OFFER)
    (data_dir / "evidence" / HASH[:2] / HASH).write_bytes(b"x" * len(OFFER))
    found = hashlib.sha256(b"x" * len(OFFER)).hexdigest()
    with pytest.raises(storage.DamagedFile) as raised:
        storage.read(HASH)
    assert str(raised.value) == (
        f"The stored file {HASH[:2]}/{HASH} does not match its recorded SHA-256 (expected "
        f"{HASH}, found {found}): it was changed or damaged in storage, so it is not used. "
        "Put the original back from a backup (docs/backup.md)."
    )
    storage.store(HASH, OFFER)
    assert storage.read(HASH) == OFFER


def test_a_missing_file_is_file_not_found():
    with pytest.raises(FileNotFoundError):
        storage.read(HASH)


def test_a_save_under_an_existing_name_replaces_it_rather_than_renaming():
    files = storage.evidence_storage()
    assert files.save("ab/name", ContentFile(b"one")) == "ab/name"
    assert files.save("ab/name", ContentFile(b"two")) == "ab/name"
    assert files.open("ab/name").read() == b"two"


@pytest.mark.django_db
def test_a_damaged_file_in_the_data_directory_is_not_downloaded(
    as_lead, review, lead, data_dir, tmp_path
):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "offer.md").write_bytes(OFFER)
    ingest_path(review, folder, user=lead)
    document = EvidenceDocument.objects.get()
    url = reverse("evidence:original", args=[review.id, document.id])
    assert b"".join(as_lead.get(url).streaming_content) == OFFER
    (data_dir / "evidence" / HASH[:2] / HASH).write_bytes(OFFER + b" and more")
    response = as_lead.get(url)
    assert response.status_code == 500
    assert "A stored file is damaged" in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "bucket", "ids"),
    [
        ("files", "", []),
        ("s3", "anytown-evidence", []),
        ("s3", "", ["readiness.E102"]),
        ("disk", "", ["readiness.E101"]),
    ],
)
def test_the_settings_check_names_a_storage_that_cannot_work(settings, kind, bucket, ids):
    settings.EVIDENCE_STORAGE, settings.S3_BUCKET = kind, bucket
    assert [message.id for message in storage_settings()] == ids
