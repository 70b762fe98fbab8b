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

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readiness.lib.testing.world import every_route, one_of_everything, url_for

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


EVERY_ROUTE = every_route()
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
    values = one_of_everything(review, police, lead, viewer)
    clients = {}
    for name, user in (("lead", lead), ("contributor", contributor)):
        clients[name] = Client()
        clients[name].force_login(user)
    return values, clients


def _post_data(data: dict, file: tuple | None) -> dict:
    if file is not None:
        name, content = file
        data = {**data, "file": SimpleUploadedFile(name, content),
                "files": [SimpleUploadedFile(name, content)]}  # fmt: skip
    return data


@pytest.mark.parametrize("namespace,route", POST_ROUTES, ids=[r for _, r in POST_ROUTES])
def test_no_post_gives_a_server_error(world, namespace, route, tmp_path, settings_):
    values, clients = world
    url = url_for(namespace, route, values)

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
    url = url_for(namespace, route, values)

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
