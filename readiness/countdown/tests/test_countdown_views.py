import io
import re
from datetime import date, datetime, timedelta

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from readiness.asks.tests.factories import make_request
from readiness.evidence.models import EvidenceDocument
from readiness.lib.testing.factories import (
    ActionItemFactory,
    AgencyFactory,
    MembershipFactory,
    UserFactory,
)
from readiness.narratives.models import Narrative, NarrativeVersion, ServiceImpact

# The fixtures' dates (an item due 1 December 2026, a call on 23 December) are fixed, so the
# day the tests run is fixed with them: the review begins on 26 November 2026.
pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]

CALL = {"day": "23", "month": "12", "year": "2026"}


def url(review, **query):
    base = reverse("countdown:index", args=[review.id])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def document(review, title, agency, when, n=0):
    return EvidenceDocument.objects.create(
        review=review,
        content_hash=f"{title}{n}".ljust(64, "0")[:64],
        title=title,
        agency=agency,
        document_date=when,
        file_type="pdf",
        size_bytes=1,
        stored_name=title,
    )


def narrative(review, key, writer, written_at):
    item = Narrative.objects.create(review=review, key=key)
    version = NarrativeVersion.objects.create(
        narrative=item,
        number=1,
        title=f"Narrative {key}",
        targeted_and_why="Children waited too long.",
        what_we_did="We changed the front door.",
        impact_for_children="Children are now seen within 2 days, up from 5.",
        whats_next="Keep it up; see the audit.",
        written_by=writer,
    )
    NarrativeVersion.objects.filter(pk=version.pk).update(written_at=written_at)
    return item


@pytest.fixture
def items(review, lead, contributor, police, slac):
    """A SLAC review with one item of each kind, police's and health's evidence."""
    review.framework = slac
    review.save()
    health = AgencyFactory(review=review, name="Anyshire Health")
    owner = UserFactory(username="ann", first_name="Ann", last_name="Able")
    MembershipFactory(review=review, user=owner, role="contributor", agency=police)
    ActionItemFactory(review=review, text="Refresh thresholds", owner=owner,
                      owner_agency=police, due_date=date(2026, 12, 1))  # fmt: skip
    ActionItemFactory(review=review, text="Dental checks", due_date=date(2027, 1, 6),
                      status="in_progress")  # fmt: skip
    ActionItemFactory(review=review, text="Done already", status="done")
    document(review, "Police audit 2024", police, date(2024, 5, 1))
    document(review, "Health report 2023", health, date(2023, 2, 1))
    document(review, "Current data", health, date(2026, 11, 1))
    document(review, "Undated", health, None)
    old = timezone.make_aware(datetime(2026, 3, 1, 12))
    narrative(review, "front-door", contributor, old)
    narrative(review, "fresh", lead, timezone.now())
    ServiceImpact.objects.create(review=review, service="Police", text="Seen fast",
                                 indicator="x", added_by=contributor)  # fmt: skip
    return review


def rows(response):
    """(day heading, what, owner cell) for every task row on the page."""
    html = response.content.decode()
    table = html[html.index('<table class="govuk-table countdown-table">') :]
    out, heading = [], None
    for row in re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", table, re.S):
        head = re.search(r"<th scope=\"row(?:group)?\"[^>]*>(.*?)<br>", row, re.S)
        if head:
            heading = head.group(1)
        cells = re.findall(r"<td class=\"govuk-table__cell\"[^>]*>(.*?)</td>", row, re.S)
        if len(cells) == 3:
            what = re.sub(r"<[^>]+>", "|", cells[0]).strip("|").split("|")[-1]
            owner = re.sub(r"<br><span class=\"govuk-body-s\">", ", ", cells[2])
            out.append((heading, what, re.sub(r"<[^>]+>", "", owner)))
    return out


def test_the_lead_sees_the_timetable_for_a_call_before_christmas(as_lead, items, contributor):
    response = as_lead.get(url(items, **CALL))
    assert response.status_code == 200
    writer = contributor.get_full_name()
    assert rows(response) == [
        ("Day 2", "A1: a progress update on “Refresh thresholds”", "Ann Able, Anyshire Police"),
        ("Day 4", "Replace or review “Health report 2023”", "No owner, Anyshire Health"),
        ("Day 4", "Replace or review “Police audit 2024”", "No owner, Anyshire Police"),
        ("Day 5", "A new version of “Narrative front-door”", f"{writer}, Anyshire Police"),
        ("Day 7", "A2: complete “Dental checks”", "No owner"),
        ("Day 9", "Check and print the Police interview brief", f"{writer}, Police"),
    ]
    page = response.content.decode()
    assert "Monday 11 January 2027 (day 10: 9 working days to prepare after the call)" in page
    assert "Friday 1 January 2027 (New Year&#x27;s Day)" in page
    assert "1 document carries no date, so nobody can tell whether they are current" in page
    assert (
        'To refresh</dt><dd class="govuk-summary-list__value">1 overdue action, 2 stale '
        "documents, 1 stale narrative, 1 open action, 1 interview brief</dd>"
    ) in page


def test_each_item_links_to_its_page(as_lead, items):
    page = as_lead.get(url(items, **CALL)).content.decode()
    police_doc = EvidenceDocument.objects.get(title="Police audit 2024")
    assert f'href="{reverse("evidence:document", args=[items.id, police_doc.id])}"' in page
    assert f'href="{reverse("narratives:detail", args=[items.id, "front-door"])}"' in page
    assert f'href="{reverse("narratives:briefs", args=[items.id])}"' in page
    try:
        action = reverse("actions:item", args=[items.id, "A1"])
    except NoReverseMatch:
        assert "/actions/" not in page
    else:
        assert f'href="{action}"' in page


def test_a_contributor_sees_other_agencies_evidence_only_as_a_count(as_contributor, items):
    response = as_contributor.get(url(items, **CALL))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Police audit 2024" in page
    assert "Health report 2023" not in page
    assert "1 document from Anyshire Health" in page
    assert "Other agencies' evidence is shown as a count per agency." in page


def test_a_viewer_sees_every_agencys_evidence(as_viewer, items):
    page = as_viewer.get(url(items, **CALL)).content.decode()
    assert "Health report 2023" in page and "Police audit 2024" in page


def test_an_outsider_gets_404(as_outsider, items):
    assert as_outsider.get(url(items, **CALL)).status_code == 404
    assert as_outsider.get(reverse("countdown:index-json", args=[items.id])).status_code == 404


@pytest.mark.clock("2026-12-02")
def test_without_a_date_it_shows_what_if_the_call_came_today(as_lead, review):
    note = "If the call came today, Wednesday 2 December 2026."
    response = as_lead.get(url(review))
    assert response.status_code == 200
    assert f'<h2 class="govuk-heading-m">{note}</h2>' in response.content.decode()
    data = as_lead.get(reverse("countdown:index-json", args=[review.id])).json()
    assert (data["called"], data["today"]) == ("2026-12-02", note)


@pytest.mark.parametrize(
    "query,message,first",
    [
        ({"day": "", "month": "", "year": ""}, "Enter the date of the call", "day"),
        (
            {"day": "23", "month": "", "year": "2026"},
            "The date of the call must include a month",
            "month",
        ),  # fmt: skip
        (
            {"day": "31", "month": "2", "year": "2027"},
            "The date of the call must be a real date",
            "day",
        ),  # fmt: skip
        (
            {"day": "1", "month": "x", "year": "2027"},
            "The date of the call must be a real date",
            "month",
        ),  # fmt: skip
        ({"day": "1", "month": "2", "year": "27"}, "Year must include 4 numbers", "year"),
        (
            {"day": "28", "month": "12", "year": "2026"},
            "Monday 28 December 2026 is Boxing Day (substitute day), a bank holiday in England "
            "and Wales: the call comes on a working day (the next is Tuesday 29 December 2026).",
            "day",
        ),
    ],
)
def test_a_bad_date_is_refused_with_a_clear_message(as_lead, review, query, message, first):
    response = as_lead.get(url(review, **query))
    assert response.status_code == 400
    page = response.content.decode()
    assert f'<li><a href="#called-{first}">{message}</a></li>' in page.replace("&#x27;", "'")
    assert "<title>Error: Countdown" in page
    assert "countdown-table" not in page


def test_the_json_twin(as_lead, items):
    data = as_lead.get(reverse("countdown:index-json", args=[items.id]) + "?called=2026-12-24")
    data = data.json()
    assert (data["called"], data["start"], data["notice_working_days"]) == (
        "2026-12-24",
        "2027-01-12",
        10,
    )
    tasks = [t for day in data["days"] for t in day["tasks"]]
    assert [(t["kind"], t["day"], t["due"]) for t in tasks] == [
        ("action_overdue", 2, "2026-12-30"),
        ("evidence", 4, "2027-01-04"),
        ("evidence", 4, "2027-01-04"),
        ("narrative", 5, "2027-01-05"),
        ("action_open", 6, "2027-01-06"),
        ("brief", 9, "2027-01-11"),
    ]
    assert tasks[3]["link"] == reverse("narratives:detail", args=[items.id, "front-door"])
    # Stale by the evidence library's own rule, judged on the day of the call.
    assert [t["why"] for t in tasks[1:3]] == [
        "dated 1 February 2023, 3 years 10 months before the call on 24 December 2026 "
        "(the limit is 2 years)",
        "dated 1 May 2024, 2 years 7 months before the call on 24 December 2026 "
        "(the limit is 2 years)",
    ]
    assert tasks[3]["why"] == "Last updated on 01 March 2026. Refresh it before the inspection."


def test_the_json_twin_refuses_a_bank_holiday(as_lead, review):
    response = as_lead.get(reverse("countdown:index-json", args=[review.id]) + "?called=2027-03-29")
    assert response.status_code == 400
    assert response.json()["error"].startswith("Monday 29 March 2027 is Easter Monday")


def test_the_xlsx_export_reads_back(as_lead, items):
    response = as_lead.get(
        reverse("countdown:export", args=[items.id, "xlsx"]) + "?called=2026-12-23"
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="countdown-{items.id}-2026-12-23.xlsx"'
    )
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Timetable"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["Working day", "Due by the end of", "Kind", "What", "Why", "Owner",
                         "Agency or service", "Link"]  # fmt: skip
    assert values[1][:7] == [
        2,
        datetime(2026, 12, 29),
        "Overdue action",
        "A1: a progress update on “Refresh thresholds”",
        "Not started, due Tuesday 1 December 2026: overdue by 22 days",
        "Ann Able",
        "Anyshire Police",
    ]
    assert len(values) == 7
    about = {row[0].value: row[1].value for row in book["About"].iter_rows()}
    assert about["Inspectors arrive"] == "Monday 11 January 2027 (day 10)"


def test_the_docx_export_reads_back(as_lead, items):
    response = as_lead.get(
        reverse("countdown:export", args=[items.id, "docx"]) + "?called=2026-12-23"
    )
    assert response.status_code == 200
    doc = Document(io.BytesIO(response.content))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Day 0: the call – Wednesday 23 December 2026"
    assert headings[-1] == "Day 10: inspectors arrive – Monday 11 January 2027"
    assert len(headings) == 11
    first = doc.tables[0]
    assert [c.text for c in first.rows[1].cells] == [
        "Overdue action",
        "A1: a progress update on “Refresh thresholds”",
        "Not started, due Tuesday 1 December 2026: overdue by 22 days",
        "Ann Able, Anyshire Police",
    ]


def test_an_export_with_a_bad_date_says_why(as_lead, review):
    response = as_lead.get(reverse("countdown:export", args=[review.id, "docx"]) + "?called=soon")
    assert response.status_code == 400
    assert response.content.decode() == "'soon' is not a date: give it as YYYY-MM-DD."
    response = as_lead.get(reverse("countdown:export", args=[review.id, "pdf"]))
    assert response.status_code == 404


def _grow(review, police, n):
    for i in range(n):
        writer = UserFactory()
        MembershipFactory(review=review, user=writer, role="contributor", agency=police)
        ActionItemFactory(review=review, text=f"Action {i}", owner=writer,
                          owner_agency=police, due_date=date(2026, 12, 1))  # fmt: skip
        document(review, f"Old {i}", police, date(2024, 1, 1), n=i)
        narrative(review, f"n{i}", writer, timezone.now() - timedelta(days=300))
        ServiceImpact.objects.create(review=review, service=f"S{i}", text="x", added_by=writer)
        make_request(review, police, due=date(2026, 12, 1), asked_by=writer)


@pytest.mark.parametrize("n", [1, 3])
def test_the_page_takes_the_same_queries_for_one_or_three_of_each(
    as_lead, review, police, n, django_assert_num_queries
):
    _grow(review, police, n)
    as_lead.get(url(review, **CALL))  # warm the session
    with django_assert_num_queries(15):
        response = as_lead.get(url(review, **CALL))
    assert len(rows(response)) == 5 * n


def test_a_contributor_s_json_and_exports_hide_other_agencies_evidence_too(as_contributor, items):
    query = "?called=2026-12-23"
    data = as_contributor.get(reverse("countdown:index-json", args=[items.id]) + query)
    texts = [task["what"] for day in data.json()["days"] for task in day["tasks"]]
    assert "Police audit 2024" in " ".join(texts)
    assert "Health report 2023" not in data.content.decode()
    for fmt in ("xlsx", "docx"):
        response = as_contributor.get(reverse("countdown:export", args=[items.id, fmt]) + query)
        assert response.status_code == 200
        if fmt == "xlsx":
            book = load_workbook(io.BytesIO(response.content))
            cells = [str(c.value) for row in book["Timetable"].iter_rows() for c in row]
        else:
            doc = Document(io.BytesIO(response.content))
            cells = [c.text for table in doc.tables for row in table.rows for c in row.cells]
        words = " ".join(cells)
        assert "Police audit 2024" in words
        assert "Health report 2023" not in words
        assert "1 document from Anyshire Health" in words


def test_the_exports_take_text_with_control_characters(as_lead, items, lead):
    ActionItemFactory(review=items, text="Brief\x0bthe panel\x0c\x01 today", owner=lead,
                      due_date=date(2026, 12, 1))  # fmt: skip
    query = "?called=2026-12-23"
    xlsx = as_lead.get(reverse("countdown:export", args=[items.id, "xlsx"]) + query)
    docx = as_lead.get(reverse("countdown:export", args=[items.id, "docx"]) + query)
    assert (xlsx.status_code, docx.status_code) == (200, 200)
    what = [r[3] for r in load_workbook(io.BytesIO(xlsx.content))["Timetable"].iter_rows(
        values_only=True)]  # fmt: skip
    cells = [c.text for t in Document(io.BytesIO(docx.content)).tables for r in t.rows
             for c in r.cells]  # fmt: skip
    for texts in (what, cells):
        assert "A4: a progress update on “Brief the panel  today”" in texts
