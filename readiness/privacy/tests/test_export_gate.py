"""An export that holds a child's personal details is stopped at the door, on the web and on
the command line, until the review's lead confirms exactly what was found."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from readiness.evidence.ingest import ingest_path
from readiness.lib.testing.factories import FindingFactory
from readiness.privacy.models import ExportConfirmation

pytestmark = pytest.mark.django_db

AUDIT = (
    "Multi-agency case file audit, March 2026\n\n"
    "Auditors from police, health and social care read ten children's records together.\n\n"
    "Case 4. Child: Jade Morris (DOB 03/05/2015), NHS number 943 476 5919, was seen alone "
    "at every visit.\n"
)
PLAIN = (
    "Strategy meetings: timeliness report, March 2026\n\n"
    "Strategy meetings were held within one working day for 94% of children in 2025-26.\n"
)


@pytest.fixture
def library(review, lead, police, tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    folder = tmp_path / "in" / "Anyshire Police"
    folder.mkdir(parents=True)
    (folder / "case file audit.txt").write_text(AUDIT)
    (folder / "strategy meetings.txt").write_text(PLAIN)
    ingest_path(review, tmp_path / "in", user=lead)
    return review


def pack_url(review) -> str:
    return reverse("evidence:index", args=[review.id, "zip"])


def confirm_url(review, export: str = "evidence-pack") -> str:
    return reverse("privacy:confirm", args=[review.id, export])


def test_the_pack_is_stopped_with_each_hit_and_its_page(as_lead, library):
    response = as_lead.get(pack_url(library))
    assert response.status_code == 409
    hits = response.context["check"].hits
    # The index quotes the passage that shows the line of enquiry; the file holds it too.
    quoted, held = "case file audit, as the index quotes it", "case file audit"
    assert [(h.kind, h.value, h.document, h.page) for h in hits] == [
        ("name", "Jade Morris", quoted, None),
        ("date of birth", "03/05/2015", quoted, None),
        ("NHS number", "943 476 5919", quoted, None),
        ("name", "Jade Morris", held, 1),
        ("date of birth", "03/05/2015", held, 1),
        ("NHS number", "943 476 5919", held, 1),
    ]
    assert response.context["hits_label"] == "6 possible personal details"
    assert response.context["may_confirm"] is True
    assert b"I have checked these and the evidence pack may leave" in response.content


def test_the_lead_confirms_and_the_pack_leaves(as_lead, lead, library):
    check = as_lead.get(pack_url(library)).context["check"]
    response = as_lead.post(
        confirm_url(library), {"fingerprint": check.fingerprint, "next": pack_url(library)}
    )
    assert (response.status_code, response["Location"]) == (302, pack_url(library))
    confirmation = ExportConfirmation.objects.get()
    assert (confirmation.export, confirmation.hits, confirmation.confirmed_by) == (
        "evidence-pack",
        6,
        lead,
    )
    pack = as_lead.get(pack_url(library))
    assert pack.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(pack.content)).namelist()
    assert names[0] == "00 Evidence index.html"


def test_a_new_hit_after_the_confirmation_stops_the_pack_again(as_lead, lead, library, tmp_path):
    check = as_lead.get(pack_url(library)).context["check"]
    as_lead.post(confirm_url(library), {"fingerprint": check.fingerprint})
    more = tmp_path / "more" / "Anyshire Police"
    more.mkdir(parents=True)
    (more / "referral.txt").write_text(
        "Referral summary, April 2026\n\nThe family moved to 4 Mill Lane, AN1 2BD in March.\n"
    )
    ingest_path(library, tmp_path / "more", user=lead)
    response = as_lead.get(pack_url(library))
    assert response.status_code == 409
    assert [h.value for h in response.context["check"].hits][-1] == "AN1 2BD"


def test_a_confirmation_of_what_was_not_shown_is_refused(as_lead, library):
    response = as_lead.post(confirm_url(library), {"fingerprint": "0" * 64})
    assert response.status_code == 409
    assert ExportConfirmation.objects.count() == 0


def test_the_index_is_stopped_for_what_it_quotes_and_confirmed_apart(as_lead, library):
    index_url = reverse("evidence:index", args=[library.id, "docx"])
    response = as_lead.get(index_url)
    assert response.status_code == 409
    assert [h.page for h in response.context["check"].hits] == [None, None, None]
    as_lead.post(
        confirm_url(library, "evidence-index"),
        {"fingerprint": response.context["check"].fingerprint},
    )
    assert as_lead.get(index_url).status_code == 200
    # Confirming the index does not let the pack, which also carries the files, leave.
    assert as_lead.get(pack_url(library)).status_code == 409


def test_a_reviewer_sees_the_hits_but_cannot_confirm(as_reviewer, library):
    response = as_reviewer.get(pack_url(library))
    assert response.status_code == 409
    assert response.context["may_confirm"] is False
    assert b"ask the review's lead to confirm" in response.content
    fingerprint = response.context["check"].fingerprint
    refused = as_reviewer.post(confirm_url(library), {"fingerprint": fingerprint})
    assert refused.status_code == 403
    assert ExportConfirmation.objects.count() == 0


def test_a_contributor_and_an_outsider_get_nothing(as_contributor, as_outsider, library):
    assert as_contributor.get(pack_url(library)).status_code == 403
    assert as_contributor.post(confirm_url(library), {"fingerprint": "x"}).status_code == 403
    assert as_outsider.get(pack_url(library)).status_code == 404
    assert as_outsider.post(confirm_url(library), {"fingerprint": "x"}).status_code == 404


def test_an_unknown_export_is_404(as_lead, library):
    assert as_lead.post(confirm_url(library, "everything"), {}).status_code == 404


def test_a_report_naming_a_child_is_stopped(as_lead, review, lead):
    FindingFactory(
        review=review, text="Ella Price, born 4 June 2014, waited eleven weeks for a plan."
    )
    response = as_lead.get(reverse("reports:download", args=[review.id, "html"]))
    assert response.status_code == 409
    hits = response.context["check"].hits
    assert [(h.kind, h.value, h.page) for h in hits] == [
        ("name", "Ella Price", None),
        ("date of birth", "4 June 2014", None),
    ]
    assert hits[0].document.startswith("Readiness report, section “")
    sef = as_lead.get(reverse("reports:sef", args=[review.id]))
    assert sef.status_code == 409


def test_the_command_line_refuses_until_a_lead_confirms(library, lead, reviewer, tmp_path, capsys):
    output = tmp_path / "pack.zip"
    index = ["evidence", "index", "--review", str(library.id), "--format", "zip"]
    with pytest.raises(CommandError) as refused:
        call_command(*index, "--output", str(output))
    assert refused.value.returncode == 2
    assert str(refused.value).startswith(
        "Nothing was written: 6 possible personal details in the evidence pack (above) must "
        "be confirmed by a lead first: readiness privacy confirm --review "
    )
    assert not output.exists()
    err = capsys.readouterr().err.splitlines()
    assert err[3] == (
        "case file audit, page 1: name “Jade Morris” in “…Case 4. Child: Jade Morris "
        "(DOB 03/05/2015), NHS number 943 476 59…”"
    )

    check = ["privacy", "check", "--review", str(library.id), "--export", "evidence-pack"]
    with pytest.raises(SystemExit) as waiting:
        call_command(*check)
    assert waiting.value.code == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "6 possible personal details in the evidence pack, not yet confirmed by a lead."
    )

    confirm = ["privacy", "confirm", "--review", str(library.id), "--export", "evidence-pack"]
    with pytest.raises(CommandError) as not_lead:
        call_command(*confirm, "--as", "reviewer")
    assert str(not_lead.value) == (
        "Only a lead of Anytown test review may confirm personal data in an export."
    )
    call_command(*confirm, "--as", "lead")
    assert capsys.readouterr().out == (
        "lead confirmed 6 possible personal details in the evidence pack.\n"
    )
    assert ExportConfirmation.objects.get().via == "command line"

    call_command(*check)
    assert capsys.readouterr().out.splitlines()[-1] == (
        "6 possible personal details in the evidence pack, confirmed by lead."
    )
    call_command(*index, "--output", str(output))
    assert zipfile.ZipFile(output).namelist()[0] == "00 Evidence index.html"
