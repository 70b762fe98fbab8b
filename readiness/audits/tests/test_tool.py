import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from readiness.audits.domain.tool import (
    AuditToolError,
    builtin_tools,
    load_tool_file,
    load_tool_text,
)
from readiness.audits.tools import known_lines

BAD = """\
schema: x
id: Bad Id
name: t
framework: nope
kind: single
domains:
  - id: a
    title: A
sections:
  - id: s
    title: S
    sector: moon
    questions:
      - id: q
        text: Q?
        domain: b
        scale: five
        lines: []
      - id: q
        text: Again?
        domain: a
        scale: grade
        lines: [hp_front_door]
        colour: red
"""


def test_the_shipped_tools_are_valid_against_the_shipped_frameworks():
    known = known_lines(database=False)
    specs = {spec.id: spec for spec in (load_tool_file(p, known) for p in builtin_tools())}
    assert sorted(specs) == ["macfa-ilacs-2026", "social-care-ilacs-2026"]
    macfa = specs["macfa-ilacs-2026"]
    assert [s.sector for s in macfa.sections] == [
        "council", "police", "health", "education", "partnership",
    ]  # fmt: skip
    assert (macfa.kind, len(macfa.questions())) == ("multi_agency", 13)
    care = specs["social-care-ilacs-2026"]
    assert list(care.domains) == [
        "voice_of_the_child", "assessment", "planning", "management_oversight",
        "multi_agency_working", "impact",
    ]  # fmt: skip
    assert {q.scale for _, q in care.questions()} == {"grade", "yes_no"}


def test_every_problem_is_named_with_its_line():
    with pytest.raises(AuditToolError) as error:
        load_tool_text(BAD, "bad.yaml", known_lines(database=False))
    assert [str(p) for p in error.value.problems] == [
        "bad.yaml:1: schema: schema must be 'readiness-audit-tool/1'",
        "bad.yaml:2: id: an id must be lower-case letters, digits, '_' or '-' "
        "(at most 63 characters)",
        "bad.yaml:4: framework: no framework 'nope' is installed",
        "bad.yaml:5: kind: kind must be one of single_agency, multi_agency",
        "bad.yaml:12: sections[0].sector: sector must be one of council, police, health, "
        "education, probation, voluntary, partnership, other",
        "bad.yaml:16: sections[0].questions[0].domain: unknown domain 'b' (domains: a)",
        "bad.yaml:17: sections[0].questions[0].scale: scale must be 'grade' or 'yes_no'",
        "bad.yaml:18: sections[0].questions[0].lines: name at least one line of enquiry",
        "bad.yaml:19: sections[0].questions[1].id: duplicate question 'q'",
        "bad.yaml:24: sections[0].questions[1].colour: unknown key 'colour' (known: domain, "
        "guidance, id, lines, scale, text)",
    ]


def test_a_line_the_framework_lacks_is_named():
    text = BAD.replace("schema: x", "schema: readiness-audit-tool/1").replace("Bad Id", "ok")
    text = text.replace("nope", "ilacs-2026").replace("kind: single", "kind: single_agency")
    text = text.replace("sector: moon", "sector: council").replace("domain: b", "domain: a")
    text = text.replace("scale: five", "scale: yes_no").replace("lines: []", "lines: [hp_moon]")
    text = text.replace(
        "      - id: q\n        text: Again?", "      - id: q2\n        text: Again?"
    )
    text = text.replace("        colour: red\n", "")
    with pytest.raises(AuditToolError) as error:
        load_tool_text(text, "t.yaml", known_lines(database=False))
    assert [str(p) for p in error.value.problems] == [
        "t.yaml:18: sections[0].questions[0].lines[0]: "
        "no line of enquiry 'hp_moon' in the framework"
    ]


@pytest.mark.django_db
def test_the_check_command_exits_2_naming_every_problem(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD)
    with pytest.raises(CommandError) as error:
        call_command("audit-tool", "check", str(path))
    assert (error.value.returncode, str(error.value)) == (2, f"10 problems in {path}.")
    assert len(capsys.readouterr().err.strip().splitlines()) == 10


@pytest.mark.django_db
def test_the_check_command_says_a_good_tool_is_valid(capsys):
    path = str(builtin_tools()[1])
    call_command("audit-tool", "check", path)
    assert capsys.readouterr().out == (
        f"{path}: social-care-ilacs-2026 is valid: 1 section, 15 questions, 6 domains, "
        "on ilacs-2026.\n"
    )
