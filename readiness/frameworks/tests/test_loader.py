"""The framework checker: every problem reported with its line and path; nothing passes
that would break a review."""

from pathlib import Path

import pytest

from readiness.frameworks.domain.loader import FrameworkFileError, load_framework_text

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "jtai-neglect.yaml"

MINIMAL = """\
schema: readiness-framework/1
id: local-audit
name: Local audit framework
grades:
  - {key: strong, label: Strong}
  - {key: weak, label: Weak}
judgements:
  - id: overall
    title: Overall
    kind: headline
    components: [front_door]
    lines_of_enquiry:
      - id: overall_loe
        question: Is the whole better than its parts?
        descriptors: {strong: Yes., weak: No.}
  - id: front_door
    title: The front door
    kind: single
    lines_of_enquiry:
      - id: front_door_loe
        question: Are contacts handled promptly?
        descriptors: {strong: Promptly., weak: Slowly.}
"""


def problems(text: str) -> list[str]:
    with pytest.raises(FrameworkFileError) as caught:
        load_framework_text(text, file="f.yaml")
    return [str(p) for p in caught.value.problems]


def test_it_loads_a_minimal_framework():
    spec = load_framework_text(MINIMAL)
    assert [j.id for j in spec.judgements] == ["overall", "front_door"]
    assert [(g.key, g.rank) for g in spec.grades] == [("strong", 1), ("weak", 2)]
    assert spec.judgement("overall").components == ("front_door",)


def test_it_loads_the_documented_example():
    spec = load_framework_text(EXAMPLE.read_text(encoding="utf-8"))
    assert spec.id == "jtai-neglect"


def test_it_reports_malformed_yaml_with_its_line():
    assert problems("schema: x\njudgements: [\n  - a\n") == [
        "f.yaml:3: (top): not valid YAML: expected the node content, but found '-'"
    ]


def test_it_reports_an_empty_file():
    assert problems("") == ["f.yaml:1: (top): the file is empty"]


def test_it_reports_a_component_that_does_not_exist():
    text = MINIMAL.replace("components: [front_door]", "components: [front_door, early_help]")
    assert problems(text) == [
        "f.yaml:11: judgements[0].components[1]: no judgement has the id 'early_help'"
    ]


def test_it_reports_a_cycle():
    text = MINIMAL.replace("    kind: single\n", "    kind: composite\n    components: [overall]\n")
    assert problems(text) == [
        "f.yaml:11: judgements[0].components: components form a cycle: "
        "overall → front_door → overall"
    ]


def test_it_reports_duplicate_judgement_ids():
    text = MINIMAL.replace("  - id: front_door\n", "  - id: overall\n").replace(
        "components: [front_door]", "components: [overall_two]"
    )
    assert problems(text) == [
        "f.yaml:11: judgements[0].components[0]: no judgement has the id 'overall_two'",
        "f.yaml:16: judgements[1].id: duplicate judgement id 'overall' (first at judgements[0])",
    ]


def test_it_reports_a_duplicate_key():
    text = MINIMAL.replace("name: Local audit framework\n", "name: A\nname: B\n")
    assert problems(text) == ["f.yaml:4: name: duplicate key 'name'"]


def test_it_reports_a_missing_descriptor_and_an_unknown_grade():
    text = MINIMAL.replace("{strong: Promptly., weak: Slowly.}", "{strong: Promptly., awful: No.}")
    assert problems(text) == [
        "f.yaml:22: judgements[1].lines_of_enquiry[0].descriptors: no descriptor for grade 'weak'",
        "f.yaml:22: judgements[1].lines_of_enquiry[0].descriptors.awful: unknown grade 'awful'",
    ]


def test_it_reports_every_problem_at_once():
    text = MINIMAL.replace("kind: single", "kind: simple").replace(
        "id: local-audit", "id: Local Audit"
    )
    assert problems(text) == [
        "f.yaml:2: id: an id must be lower-case letters, digits, '_' or '-' "
        "(at most 63 characters)",
        "f.yaml:18: judgements[1].kind: kind must be one of headline, composite, single",
    ]


def test_it_reports_unknown_keys():
    text = MINIMAL.replace("    kind: single\n", "    kind: single\n    weight: 3\n")
    assert problems(text) == [
        "f.yaml:19: judgements[1].weight: unknown key 'weight' (known: components, id, kind, "
        "limiting, lines_of_enquiry, published_key, strand, summary, title)"
    ]


def test_it_reports_a_limiting_judgement_that_is_not_a_component():
    text = MINIMAL.replace(
        "components: [front_door]", "components: [front_door]\n    limiting: [overall]"
    )
    assert problems(text) == [
        "f.yaml:12: judgements[0].limiting[0]: 'overall' is not one of its components"
    ]


def test_it_reports_a_single_judgement_with_components_and_a_headline_without():
    text = MINIMAL.replace("    components: [front_door]\n", "").replace(
        "    kind: single\n", "    kind: single\n    components: [overall]\n"
    )
    assert problems(text) == [
        "f.yaml:8: judgements[0].components: a headline judgement lists its components",
        "f.yaml:18: judgements[1].components: a single judgement has no components",
    ]


def test_it_reports_dates_in_the_wrong_order():
    text = MINIMAL + "in_force:\n  from: 2026-04-01\n  to: 2025-01-01\n"
    assert problems(text) == ["f.yaml:25: in_force.to: the framework ends before it starts"]
