import pytest
from django.core.management import call_command

from readiness.assessment.domain.risks import find_risks
from readiness.assessment.queries import review_grid
from readiness.demo.domain.partnerships import ANYTOWN, NORTHBRIDGE
from readiness.demo.loader import load_demo
from readiness.reviews.models import Membership, Review

pytestmark = pytest.mark.django_db


def test_the_demo_loads_both_partnerships_with_their_grades():
    anytown, northbridge = load_demo()
    assert (anytown.framework.slug, northbridge.framework.slug) == ("ilacs-2026", "slac-2009")
    assert review_grid(anytown).graded == len(ANYTOWN.assessments) == 4
    northbridge_grid = review_grid(northbridge)
    assert northbridge_grid.graded == len(NORTHBRIDGE.assessments)
    healthy = [r for r in find_risks(northbridge_grid) if r.judgement_key == "lac_being_healthy"]
    assert [(r.level, r.reason, r.strand) for r in healthy] == [
        ("high", "Graded inadequate.", "Services for looked after children")
    ]
    lead = Membership.objects.get(review=anytown, role="lead").user
    assert lead.check_password("anytown-demo-2026")


def test_loading_the_demo_twice_leaves_one_copy():
    load_demo()
    load_demo()
    assert Review.objects.filter(area="Anytown").count() == 1


def test_explain_prints_how_to_log_in(capsys):
    call_command("demo", "explain")
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8000/" in out
    assert "priya.lead" in out
    assert "Password for every demo user: anytown-demo-2026" in out
    lines = out.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Northbridge's evidence")))
    said = " ".join(" ".join(lines[start : start + 20]).split())
    points = [
        "gap: nothing on early help",
        "surfeit: 21 sets of minutes",
        "ordered: only Northshire Constabulary",
        "dates: 23 files",
        "scans: 10",
        "Sign in as morgan.lead",
    ]
    assert [point for point in points if point not in said] == []
