"""Every form and JSON endpoint, fuzzed (issue 15): hypothesis sends each URL of the service
hostile and random form data (ids out of range, impossible dates, formulas, control and
direction characters, huge text, random files) and query strings, as a lead and as a
partner-agency contributor. Zero server errors: Django's test client re-raises any exception
a view lets escape, and every answer must be below 500.

The budget is bounded and the examples are derandomised, so the run is the same every time
and stays well under a minute; raise FUZZ_EXAMPLES locally for a deeper search."""

import importlib
import os
import re
from datetime import date, datetime

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readiness.asks.tests.factories import make_request
from readiness.audits import services as audits
from readiness.casework import services as casework
from readiness.casework.domain.caselist import CaseRow
from readiness.conversations.models import Comment
from readiness.evidence.models import Alignment, EvidenceDocument
from readiness.frameworks.models import Judgement, LineOfEnquiry
from readiness.indicators.models import DataImport
from readiness.interviews import services as interviews
from readiness.interviews.models import NotePassage
from readiness.lib.testing.factories import (
    ActionItemFactory,
    FindingFactory,
    MilestoneFactory,
)
from readiness.narratives.models import Narrative, NarrativeVersion, ServiceImpact
from readiness.reports.models import ReviewActivity
from readiness.reviews.models import Phase
from readiness.thresholds import services as thresholds

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.getenv("FUZZ_EXAMPLES", "3"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
APPS = ("reviews", "assessment", "evidence", "indicators", "narratives", "actions", "reports",
        "countdown", "frameworks", "glance", "asks", "conversations", "notifications", "audit",
        "privacy", "casework", "audits", "interviews", "thresholds", "sso")  # fmt: skip
# Downloads that lay out a whole document: exercised by their own tests, too slow to fuzz.
HEAVY = re.compile(r"\.(pdf|docx|xlsx|zip|md)$|readiness-report|<str:(format|fmt)>|original/$")


def _field_names() -> list[str]:
    names = {"csrfmiddlewaretoken", "q", "page", "called", "version", "format", "next"}
    for app in APPS:
        try:
            module = importlib.import_module(f"readiness.{app}.forms")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, forms.BaseForm):
                names.update(value.base_fields)
    names.update(["england", "region", "neighbours", "target"])  # the comparator fields
    return sorted(names)


FIELDS = _field_names()
HOSTILE = st.sampled_from([
    "", "0", "-1", "1", str(2**63), str(2**63 - 1), "9" * 30, "1e309", "NaN", "2026-02-30",
    "31", "13", "99999", "=HYPERLINK(\"http://x\")", "+1", "@SUM(1)", "\u202egpj.exe",
    "\x00", "\x0b", "../../etc/passwd", "<script>x</script>", "x" * 12_000, "good",
    "requires_improvement", "confirm", "reject", "in_progress", "action_point", "police",
    "lac_health_assessments", "care_leavers", "contributor", "interview", "A1", "R1",
])  # fmt: skip
TEXT = st.one_of(HOSTILE, st.text(max_size=40))
VALUE = st.one_of(TEXT, st.lists(TEXT, min_size=1, max_size=3))
# Either a few fields, or every field any form has, each with its own value: every form then
# sees all of its own fields at once, hostile ones included.
DATA = st.one_of(
    st.fixed_dictionaries({name: VALUE for name in FIELDS}),
    st.dictionaries(st.sampled_from(FIELDS), VALUE, max_size=10),
)


def _every_field(value: object) -> dict:
    return dict.fromkeys(FIELDS, value)


# Each URL also gets these every time: every field at once with one known attack.
TOO_BIG = str(2**63)
ATTACKS = [
    ("lead", _every_field(TOO_BIG)),
    ("contributor", _every_field([TOO_BIG, "-1"])),
    ("lead", _every_field("2026-02-30")),
    ("lead", _every_field("x" * 12_000)),
]

FILE = st.one_of(
    st.none(),
    st.tuples(
        st.sampled_from(["x.yaml", "x.xlsx", "x.csv", "x.zip", "x.eml", "x.txt", "x.docx"]),
        st.one_of(st.binary(max_size=300), st.sampled_from([b"PK\x03\x04", b"id: x\n"])),
    ),
)


def _routes(patterns: list, prefix: str = "", namespace: str = "") -> list[tuple[str, str]]:
    found = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += _routes(pattern.url_patterns, route, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            found.append((namespace, route))
    return sorted(set(found))


EVERY_ROUTE = _routes(get_resolver().url_patterns)
ROUTES = [r for r in EVERY_ROUTE if r[0] in APPS]
POST_ROUTES = [r for r in ROUTES if not HEAVY.search(r[1])]
JSON_ROUTES = [r for r in ROUTES if r[1].endswith(".json")] + [
    ("evidence", "reviews/<id:review_id>/evidence/search/"),
    ("actions", "reviews/<id:review_id>/actions/"),
    ("countdown", "reviews/<id:review_id>/countdown/"),
    ("narratives", "reviews/<id:review_id>/narratives/<slug:key>/"),
    ("evidence", "reviews/<id:review_id>/evidence/documents/<id:document_id>/"),
]


@pytest.fixture
def world(review, police, lead, contributor, viewer):
    """One of everything a URL can name, the action item owned by the contributor's agency."""
    document = EvidenceDocument.objects.create(
        review=review, content_hash="0" * 64, title="Police audit", agency=police,
        file_type="txt", size_bytes=1, stored_name="x",
    )  # fmt: skip
    line = LineOfEnquiry.objects.filter(judgement__framework=review.framework).first()
    item = ActionItemFactory(review=review, owner_agency=police)
    narrative = Narrative.objects.create(review=review, key="story")
    NarrativeVersion.objects.create(
        narrative=narrative, number=1, title="Story", targeted_and_why="a", what_we_did="b",
        impact_for_children="c", whats_next="d",
    )  # fmt: skip
    ServiceImpact.objects.create(review=review, service="Police", text="Seen quickly")
    judgement = Judgement.objects.filter(framework=review.framework).first()
    values = {
        "review_id": review.id,
        "document_id": document.id,
        "alignment_id": Alignment.objects.create(
            document=document, line_of_enquiry=line, confidence=0.7
        ).id,
        "membership_id": review.memberships.get(user=viewer).id,
        "phase_id": Phase.objects.create(review=review, name="P", position=9).id,
        "finding_id": FindingFactory(review=review).id,
        "code": item.code,
        "milestone_id": MilestoneFactory(item=item).id,
        "import_id": DataImport.objects.create(review=review, kind="table").id,
        "activity_id": ReviewActivity.objects.create(review=review, kind="interview", count=3).id,
        "framework_id": review.framework_id,
        "indicator_id": "lac_health_assessments",
        "service": "police",
        "assessment:key": judgement.key,
        "narratives:key": "story",
    }
    values |= _fieldwork(review, police, lead, document)
    clients = {}
    for name, user in (("lead", lead), ("contributor", contributor)):
        clients[name] = Client()
        clients[name].force_login(user)
    return values, clients


def _fieldwork(review, police, lead, document) -> dict:
    """Requests, comments and the fieldwork apps' objects, for the URLs that name them."""
    casework.import_cases(review, [
        CaseRow(f"AT{n:03}", "child_protection", "North", f"W{n}", 6, date(2025, 1, 1))
        for n in range(3)
    ])  # fmt: skip
    sample = casework.draw(review, {"child_protection": 2}, 3, date(2026, 11, 26), lead)
    case = sample.cases.first().case
    audit = audits.start_audit(review, case, "social-care-ilacs-2026", lead, date(2026, 11, 20),
                               sample)  # fmt: skip
    interview = interviews.schedule(
        review, "interview", "Front door manager", timezone.make_aware(datetime(2026, 12, 3)),
        police, "", ["hp_front_door"], lead, [("team manager", police)],
    )  # fmt: skip
    interviews.write_notes(interview, {n.position: "Thresholds are understood by schools."
                                       for n in interview.notes.all()}, lead)  # fmt: skip
    passage = NotePassage.objects.filter(note__interview=interview).first()
    check = thresholds.create_check(review, "Thresholds check", lead)
    comment = Comment.objects.create(
        review=review, target=Comment.DOCUMENT, target_id=document.id, author=lead, text="Seen"
    )
    return {
        "request_id": make_request(review, police, due=date(2026, 12, 20), asked_by=lead).id,
        "target": Comment.DOCUMENT,
        "target_id": document.id,
        "comment_id": comment.id,
        "export": "report",
        "sample_id": sample.id,
        "audit_id": audit.id,
        "action_id": audits.raise_action(audit, "See the child", False, "", lead).id,
        "interview_id": interview.id,
        "passage_id": passage.id if passage else 0,
        "check_id": check.id,
        "vignette_id": check.vignettes.first().id,
        "token": thresholds.make_links(check, police, "officer", 1, 14)[0],
    }


def _url(namespace: str, route: str, values: dict) -> str:
    def fill(match: re.Match) -> str:
        name = match.group(2)
        return str(values.get(f"{namespace}:{name}", values.get(name, "x")))

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)


def _post_data(data: dict, file: tuple | None) -> dict:
    if file is not None:
        name, content = file
        data = {**data, "file": SimpleUploadedFile(name, content),
                "files": [SimpleUploadedFile(name, content)]}  # fmt: skip
    return data


@pytest.mark.parametrize("namespace,route", POST_ROUTES, ids=[r for _, r in POST_ROUTES])
def test_no_post_gives_a_server_error(world, namespace, route, tmp_path, settings_):
    values, clients = world
    url = _url(namespace, route, values)

    @FUZZ
    @given(who=st.sampled_from(["lead", "contributor"]), data=DATA, file=FILE)
    @example(who=ATTACKS[0][0], data=ATTACKS[0][1], file=None)
    @example(who=ATTACKS[1][0], data=ATTACKS[1][1], file=None)
    @example(who=ATTACKS[2][0], data=ATTACKS[2][1], file=("x.yaml", b"in_force: 2026-02-30\n"))
    @example(who=ATTACKS[3][0], data=ATTACKS[3][1], file=None)
    def post(who: str, data: dict, file: tuple | None) -> None:
        response = clients[who].post(url, _post_data(data, file))
        assert response.status_code < 500, (url, data)

    post()


@pytest.mark.parametrize("namespace,route", JSON_ROUTES, ids=[r for _, r in JSON_ROUTES])
def test_no_query_gives_a_server_error(world, namespace, route):
    values, clients = world
    url = _url(namespace, route, values)

    @FUZZ
    @given(who=st.sampled_from(["lead", "contributor"]), query=DATA)
    @example(who=ATTACKS[0][0], query=ATTACKS[0][1])
    @example(who=ATTACKS[1][0], query=ATTACKS[1][1])
    def get(who: str, query: dict) -> None:
        response = clients[who].get(url, query)
        assert response.status_code < 500, (url, query)

    get()


@FUZZ
@given(data=DATA)
def test_no_sign_in_gives_a_server_error(data):
    assert Client().post("/accounts/login/", data).status_code < 500


@pytest.fixture
def settings_(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    return settings


def test_every_url_with_a_form_or_json_is_fuzzed():
    assert len(POST_ROUTES) >= 100
    # A new app's URLs join the fuzz: only the sign-in pages and static files stand outside.
    assert {namespace for namespace, _ in EVERY_ROUTE} - set(APPS) == {""}
    assert {r for _, r in ROUTES if r.endswith(".json")} <= {r for _, r in JSON_ROUTES}
