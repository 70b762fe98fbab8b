"""The frameworks we ship: valid, complete, and shaped as the inspections are."""

import pytest

from readiness.frameworks.domain.loader import load_framework_file
from readiness.frameworks.models import Framework, GradeDescriptor, LineOfEnquiry
from readiness.frameworks.persist import builtin_framework_files

SPECS = {path.stem: load_framework_file(str(path)) for path in builtin_framework_files()}


def test_we_ship_slac_and_three_ilacs_versions():
    assert sorted(SPECS) == ["ilacs-2018", "ilacs-2023", "ilacs-2026", "slac-2009"]


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_line_of_enquiry_has_a_descriptor_for_every_grade(name):
    spec = SPECS[name]
    grade_keys = [g.key for g in spec.grades]
    for judgement in spec.judgements:
        assert judgement.lines_of_enquiry, judgement.id
        for line in judgement.lines_of_enquiry:
            assert sorted(line.descriptors) == sorted(grade_keys), (judgement.id, line.id)
            assert all(text.strip() for text in line.descriptors.values()), line.id
            assert line.typical_evidence, line.id


@pytest.mark.django_db
def test_the_database_holds_a_descriptor_for_every_grade_of_every_line():
    for framework in Framework.objects.filter(is_builtin=True):
        grades = framework.grades.count()
        lines = LineOfEnquiry.objects.filter(judgement__framework=framework)
        descriptors = GradeDescriptor.objects.filter(
            line_of_enquiry__judgement__framework=framework
        )
        assert descriptors.count() == lines.count() * grades, framework.slug


def test_ilacs_grades_are_the_four_point_scale():
    for name in ("ilacs-2018", "ilacs-2023", "ilacs-2026"):
        assert [g.label for g in SPECS[name].grades] == [
            "Outstanding",
            "Good",
            "Requires improvement to be good",
            "Inadequate",
        ]


def test_slac_grades_say_adequate():
    assert [g.key for g in SPECS["slac-2009"].grades] == [
        "outstanding",
        "good",
        "adequate",
        "inadequate",
    ]


def test_ilacs_judgements_follow_each_revision():
    def kinds(name):
        return [(j.id, j.kind) for j in SPECS[name].judgements]

    assert sorted(kinds("ilacs-2018")) == [
        ("children_in_care_and_care_leavers", "single"),
        ("help_and_protection", "single"),
        ("impact_of_leaders", "single"),
        ("overall_effectiveness", "headline"),
    ]
    assert sorted(kinds("ilacs-2023")) == [
        ("care_leavers", "single"),
        ("children_in_care", "single"),
        ("help_and_protection", "single"),
        ("impact_of_leaders", "single"),
        ("overall_effectiveness", "headline"),
    ]
    assert sorted(kinds("ilacs-2026")) == [
        ("care_leavers", "single"),
        ("children_in_care", "single"),
        ("help_and_protection", "single"),
        ("impact_of_leaders", "single"),
    ]


def test_each_framework_states_its_notice():
    assert SPECS["slac-2009"].notice.working_days == 10
    assert SPECS["ilacs-2026"].notice.working_days == 5
    assert SPECS["ilacs-2026"].notice.on_site_working_days == 10


def test_slac_has_two_strands_with_the_composites_the_review_describes():
    spec = SPECS["slac-2009"]
    assert [s.id for s in spec.strands] == ["safeguarding", "lac"]
    for strand in ("safeguarding", "lac"):
        quality = spec.judgement(f"{strand}_quality_of_provision")
        leadership = spec.judgement(f"{strand}_leadership_and_management")
        assert quality.kind == leadership.kind == "composite"
        assert len(quality.components) == 3
        assert len(leadership.components) == 6
        assert spec.judgement(f"{strand}_overall_effectiveness").kind == "headline"
        assert spec.judgement(f"{strand}_capacity_for_improvement").kind == "headline"
    lac_outcomes = [j.id for j in spec.judgements if j.strand == "lac" and j.kind == "single"]
    for outcome in (
        "lac_being_healthy",
        "lac_staying_safe",
        "lac_enjoying_and_achieving",
        "lac_making_a_positive_contribution",
        "lac_economic_wellbeing",
    ):
        assert outcome in lac_outcomes


def test_slac_states_how_it_counts_the_founding_reviews_33_categories():
    spec = SPECS["slac-2009"]
    counting = spec.counting
    assert counting["founding_review_categories"] == 33
    assert counting["judgements_in_this_file"] == len(spec.judgements)
    excluded = counting["excluded_from_count"]
    assert all(spec.judgement(key) for key in excluded)
    assert len(spec.judgements) - len(excluded) == 33
    assert counting["reason"]
