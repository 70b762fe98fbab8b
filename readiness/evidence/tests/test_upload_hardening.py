"""Uploads and archives against the attacks of the hardening review (issue 15): archives
judged by their directory before anything expands, names that climb out of their folder or
hide their real type refused and listed with the reason, uploads streamed to disk."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from readiness.evidence.domain.archive import (
    Member,
    check_archive,
    check_attachments,
    name_problem,
    shown_name,
)
from readiness.evidence.domain.types import Limits, Rejected
from readiness.evidence.ingest import files_in, ingest_path
from readiness.evidence.models import EvidenceDocument, RejectedFile
from readiness.evidence.tests.factories import CARE_LEAVERS

pytestmark = pytest.mark.django_db
MIB = 1024 * 1024
TRAVERSAL = "The file's name climbs out of its folder (“..”), as a malicious archive does: refused."


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _upload(client, review, name: str, data: bytes):
    return client.post(
        reverse("evidence:upload", args=[review.id]),
        {"files": [SimpleUploadedFile(name, data)]},
        follow=True,
    )


@pytest.fixture
def data_dir(tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


def _stored_bytes(data_dir) -> int:
    root = data_dir / "evidence"
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) if root.exists() else 0


def test_a_zip_member_that_climbs_out_is_listed_with_its_reason(as_lead, review, data_dir):
    data = _zip({"../../etc/offer.md": CARE_LEAVERS.encode(), "good/offer.md": b"Plan\n" * 40})
    response = _upload(as_lead, review, "pack.zip", data)
    assert response.context["report"].rejected == [("pack.zip/../../etc/offer.md", TRAVERSAL)]
    assert list(RejectedFile.objects.values_list("path", "reason")) == [
        ("pack.zip/../../etc/offer.md", TRAVERSAL)
    ]
    assert EvidenceDocument.objects.count() == 1


def test_a_right_to_left_override_in_a_name_is_refused_and_shown_harmlessly(
    as_lead, review, data_dir
):
    # Django drops such characters from an uploaded file's own name; inside a zip they stay.
    data = _zip({"minutes\u202excod.exe": CARE_LEAVERS.encode()})
    response = _upload(as_lead, review, "pack.zip", data)
    reason = (
        "The file's name contains a character that changes the direction of text (U+202E), "
        "which can disguise what a file is: rename it and send it again."
    )
    assert response.context["report"].rejected == [("pack.zip/minutes[U+202E]xcod.exe", reason)]
    assert EvidenceDocument.objects.count() == 0
    assert "\u202e" not in response.content.decode()


def test_a_zip_that_expands_hundreds_of_times_is_refused_before_expanding(
    as_lead, review, data_dir
):
    data = _zip({f"minutes-{n}.txt": b"\n" * MIB for n in range(40)})
    assert len(data) < 200_000
    response = _upload(as_lead, review, "bomb.zip", data)
    ((path, reason),) = response.context["report"].rejected
    assert path == "bomb.zip"
    assert reason.startswith("The zip archive would expand ")
    assert reason.endswith("times over when opened (40 MB from " + reason.split("from ")[1])
    assert EvidenceDocument.objects.count() == 0
    assert _stored_bytes(data_dir) == 0


def test_a_zip_with_too_many_files_is_refused_whole(as_lead, review, data_dir):
    data = _zip({f"{n}.txt": b"x" for n in range(2001)})
    response = _upload(as_lead, review, "many.zip", data)
    assert response.context["report"].rejected == [
        (
            "many.zip",
            "The zip archive has 2,001 files in it, over the limit of 2,000: "
            "send it in smaller parts.",
        )
    ]
    assert EvidenceDocument.objects.count() == 0


def test_a_zip_on_the_command_line_is_judged_the_same_way(review, tmp_path, data_dir):
    path = tmp_path / "bomb.zip"
    path.write_bytes(_zip({f"{n}.txt": b"\n" * MIB for n in range(40)}))
    (incoming,) = list(files_in(path))
    assert incoming.path == "bomb.zip"
    assert incoming.refused.startswith("The zip archive would expand ")
    report = ingest_path(review, path)
    assert (report.added, [p for p, _ in report.rejected]) == (0, ["bomb.zip"])


def test_the_total_size_cap_is_judged_on_declared_sizes():
    members = [Member(f"{n}.pdf", 49 * MIB, 48 * MIB) for n in range(11)]
    with pytest.raises(Rejected) as refused:
        check_archive(members, Limits())
    assert refused.value.reason == (
        "The zip archive would expand to 539 MB when opened, over the 500 MB limit: "
        "it may be a zip bomb, or send it in smaller parts."
    )
    check_archive(members[:10], Limits())  # 490 MB of real-sized files is fine


def test_an_emails_attachments_are_capped_in_total():
    with pytest.raises(Rejected) as refused:
        check_attachments([150 * MIB, 60 * MIB], Limits())
    assert refused.value.reason.startswith("The e-mail's attachments come to 210 MB, over")


@pytest.mark.parametrize(
    "name,problem",
    [
        ("folder/report.pdf", None),
        ("Café minutes – 2026.docx", None),
        ("../report.pdf", TRAVERSAL),
        ("a\\..\\..\\report.pdf", TRAVERSAL),
        ("/etc/passwd", "The file's name is an absolute path, which an archive must not hold: "
         "refused."),
        ("C:/Windows/report.pdf", "The file's name is an absolute path, which an archive must "
         "not hold: refused."),
        ("report\x07.pdf", "The file's name contains a control character (U+0007), which can "
         "disguise what a file is: rename it and send it again."),
        ("report\u2067.pdf", "The file's name contains a character that changes the direction "
         "of text (U+2067), which can disguise what a file is: rename it and send it again."),
    ],
)  # fmt: skip
def test_names_are_judged(name, problem):
    assert name_problem(name) == problem


def test_a_refused_name_is_shown_with_its_characters_spelt_out():
    assert shown_name("a\u202eb\x00c") == "a[U+202E]b[U+0000]c"


def test_uploads_are_streamed_to_a_file_on_disk_not_held_in_memory():
    body = (
        b'--B\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\n" + b"x" * 1000 + b"\r\n--B--\r\n"
    )
    request = RequestFactory().generic(
        "POST", "/", body, content_type="multipart/form-data; boundary=B"
    )
    upload = request.FILES["files"]
    assert isinstance(upload, TemporaryUploadedFile)
    assert open(upload.temporary_file_path(), "rb").read() == b"x" * 1000


def test_an_office_file_is_judged_on_its_whole_ratio_too():
    from readiness.evidence.domain.extract import extract

    # Forty parts of 1 MB each: none large enough to be judged alone, 40 MB from a few KB.
    parts = {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}
    parts.update({f"word/media/zeros{n}.bin": b"\0" * MIB for n in range(40)})
    with pytest.raises(Rejected) as refused:
        extract("report.docx", _zip(parts), Limits())
    assert refused.value.reason.startswith("The Word document would expand ")
    assert "it may be a zip bomb" in refused.value.reason
