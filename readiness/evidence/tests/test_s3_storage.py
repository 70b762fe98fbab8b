"""Evidence kept in an S3-compatible bucket (READINESS_STORAGE=s3), against a real S3 server
(moto's, in its own process, started once for the module): an upload lands in the bucket and
nowhere else, downloads and packs come from it checked against their hash, a tampered object
is refused and logged, and a review's export and import read and write the bucket."""

from __future__ import annotations

import hashlib
import io
import logging
import tarfile
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from readiness.evidence import storage
from readiness.evidence.corrections import reread_document
from readiness.evidence.models import EvidenceDocument
from readiness.lib.testing import s3
from readiness.transfer.services import export_review, import_review

from .factories import CARE_LEAVERS

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
OFFER = CARE_LEAVERS.encode()
HASH = hashlib.sha256(OFFER).hexdigest()
KEY = f"anytown/evidence/{HASH[:2]}/{HASH}"


@pytest.fixture(scope="module")
def endpoint():
    with s3.moto_server() as url:
        yield url


@pytest.fixture
def bucket(endpoint, settings, monkeypatch, tmp_path) -> str:
    """This installation's evidence in a new bucket, under the prefix "anytown"."""
    settings.DATA_DIR = tmp_path / "data"
    return s3.use_new_bucket(endpoint, settings, monkeypatch, ("evidence", "uploads"))


@pytest.fixture
def uploaded(as_lead, review, police, bucket):
    """The care leavers' offer uploaded through the page, for the police."""
    as_lead.post(
        reverse("evidence:upload", args=[review.id]),
        {"files": [SimpleUploadedFile("offer.md", OFFER)], "agency": police.id},
    )
    return EvidenceDocument.objects.get()


def _download(client, document):
    return client.get(reverse("evidence:original", args=[document.review_id, document.id]))


def test_an_upload_is_kept_in_the_bucket_alone(uploaded, endpoint, bucket, settings):
    assert uploaded.content_hash == HASH
    # The waiting copy under uploads/ is gone once the document has its own.
    assert s3.keys(endpoint, bucket) == [KEY]
    body = s3.client(endpoint).get_object(Bucket=bucket, Key=KEY)["Body"].read()
    assert body == OFFER
    assert [(settings.DATA_DIR / f).exists() for f in ("evidence", "uploads")] == [False, False]


def test_the_original_downloads_from_the_bucket_for_those_who_may_see_it(
    uploaded, as_lead, as_contributor, as_outsider
):
    response = _download(as_lead, uploaded)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == OFFER
    assert response["Content-Disposition"] == 'attachment; filename="offer.md"'
    assert response["Content-Length"] == str(len(OFFER))
    theirs = _download(as_contributor, uploaded)  # the police's own contributor
    assert (theirs.status_code, b"".join(theirs.streaming_content)) == (200, OFFER)
    assert _download(as_outsider, uploaded).status_code == 404


def test_a_tampered_object_is_refused_logged_and_never_served(
    uploaded, as_lead, endpoint, bucket, caplog
):
    tampered = OFFER.replace(b"care leavers", b"CARE LEAVERS")
    assert len(tampered) == len(OFFER)  # the same size: only the hash can tell
    s3.client(endpoint).put_object(Bucket=bucket, Key=KEY, Body=tampered)
    found = hashlib.sha256(tampered).hexdigest()
    with caplog.at_level(logging.ERROR, logger="readiness.evidence.storage"):
        response = _download(as_lead, uploaded)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<h1 class="govuk-heading-l">A stored file is damaged</h1>' in html
    assert f">{escape(uploaded.title)}</a></li>" in html
    assert b"CARE LEAVERS" not in response.content
    logged = [r for r in caplog.records if r.name == "readiness.evidence.storage"]
    assert [(r.levelname, r.getMessage()) for r in logged] == [
        (
            "ERROR",
            f"evidence file damaged: {HASH[:2]}/{HASH} should hash to {HASH} but hashes to {found}",
        )
    ]
    pack = as_lead.get(reverse("evidence:index", args=[uploaded.review_id, "zip"]))
    assert pack.status_code == 500
    assert "A stored file is damaged" in pack.content.decode()
    with pytest.raises(storage.DamagedFile):
        export_review(uploaded.review)
    assert reread_document(uploaded, uploaded.added_at.date()) == []
    # The true bytes, when they come again, replace the damaged copy.
    storage.store(HASH, OFFER)
    assert b"".join(_download(as_lead, uploaded).streaming_content) == OFFER


def test_the_pack_reads_its_files_from_the_bucket(uploaded, as_lead):
    pack = as_lead.get(reverse("evidence:index", args=[uploaded.review_id, "zip"]))
    archive = zipfile.ZipFile(io.BytesIO(pack.content))
    files = [name for name in archive.namelist() if name != "00 Evidence index.html"]
    assert len(files) >= 1
    assert {archive.read(name) for name in files} == {OFFER}


def test_an_export_reads_the_bucket_and_an_import_writes_it(uploaded, as_lead, endpoint, bucket):
    exported = export_review(uploaded.review)
    with tarfile.open(fileobj=io.BytesIO(exported)) as archive:
        assert archive.extractfile(f"evidence/{HASH}").read() == OFFER
    s3.client(endpoint).delete_object(Bucket=bucket, Key=KEY)
    assert _download(as_lead, uploaded).status_code == 404  # gone from the bucket
    copy = import_review(exported, "Anytown copy")
    assert s3.keys(endpoint, bucket) == [KEY]
    assert storage.read(copy.documents.get().content_hash) == OFFER
