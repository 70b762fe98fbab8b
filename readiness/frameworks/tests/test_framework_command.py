from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from readiness.frameworks.models import Framework
from readiness.lib.testing.factories import UserFactory

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "jtai-neglect.yaml"
CYCLE = """\
schema: readiness-framework/1
id: broken
name: Broken
grades: [{key: a, label: A}, {key: b, label: B}]
judgements:
  - id: x
    title: X
    kind: composite
    components: [x]
    lines_of_enquiry:
      - {id: l, question: Q, descriptors: {a: A., b: B.}}
  - id: x
    title: X again
    kind: single
    lines_of_enquiry:
      - {id: m, question: Q, descriptors: {a: A.}}
"""


def test_check_prints_every_problem_and_exits_2(tmp_path, capsys):
    path = tmp_path / "broken.yaml"
    path.write_text(CYCLE)
    with pytest.raises(CommandError) as caught:
        call_command("framework", "check", str(path))
    assert caught.value.returncode == 2
    assert str(caught.value) == f"2 problems in {path}; nothing was loaded."
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:9: judgements[0].components[0]: a judgement cannot be its own component",
        f"{path}:12: judgements[1].id: duplicate judgement id 'x' (first at judgements[0])",
    ]


def test_check_passes_a_good_file(capsys):
    call_command("framework", "check", str(EXAMPLE))
    assert capsys.readouterr().out == (
        f"{EXAMPLE}: jtai-neglect is valid: 3 judgements, 6 lines of enquiry, 4 grades.\n"
    )


def test_check_reports_a_missing_file(tmp_path, capsys):
    with pytest.raises(CommandError):
        call_command("framework", "check", str(tmp_path / "nope.yaml"))
    assert "cannot read: No such file or directory" in capsys.readouterr().err


@pytest.mark.django_db
def test_load_stores_the_framework_for_its_owner(capsys):
    owner = UserFactory(username="owner")
    call_command("framework", "load", str(EXAMPLE), "--as", "owner")
    framework = Framework.objects.get(slug="jtai-neglect")
    assert framework.loaded_by == owner
    assert framework.is_builtin is False
    assert framework.judgements.count() == 3
    assert capsys.readouterr().out.startswith("Loaded jtai-neglect")


@pytest.mark.django_db
def test_load_refuses_a_bad_file_and_stores_nothing(tmp_path):
    UserFactory(username="owner")
    path = tmp_path / "broken.yaml"
    path.write_text(CYCLE)
    before = Framework.objects.count()
    with pytest.raises(CommandError):
        call_command("framework", "load", str(path), "--as", "owner")
    assert Framework.objects.count() == before


@pytest.mark.django_db
def test_load_refuses_the_same_id_twice():
    UserFactory(username="owner")
    call_command("framework", "load", str(EXAMPLE), "--as", "owner")
    with pytest.raises(CommandError) as caught:
        call_command("framework", "load", str(EXAMPLE), "--as", "owner")
    assert "already loaded" in str(caught.value)
    assert Framework.objects.filter(slug="jtai-neglect").count() == 1


@pytest.mark.django_db
def test_load_refuses_the_id_of_a_shipped_framework():
    UserFactory(username="owner")
    shipped = Path(__file__).resolve().parents[1] / "data" / "ilacs-2026.yaml"
    before = Framework.objects.count()
    with pytest.raises(CommandError) as caught:
        call_command("framework", "load", str(shipped), "--as", "owner")
    assert (str(caught.value), caught.value.returncode) == (
        "The id 'ilacs-2026' belongs to a framework shipped with Readiness (Inspecting local "
        "authority children's services (ILACS), 2026 revision): give your file an id of its own "
        "(for example 'ilacs-2026-our-partnership') to load it beside the shipped one.",
        2,
    )
    assert Framework.objects.count() == before


def test_check_names_a_date_that_does_not_exist_and_exits_2(tmp_path, capsys):
    text = EXAMPLE.read_text()
    assert "in_force:" not in text
    path = tmp_path / "bad-date.yaml"
    path.write_text(text + "in_force:\n  from: 2026-02-30\n  to: 2027-13-01\n")
    lines = len(text.splitlines())
    with pytest.raises(CommandError) as caught:
        call_command("framework", "check", str(path))
    assert (caught.value.returncode, str(caught.value)) == (
        2,
        f"2 problems in {path}; nothing was loaded.",
    )
    assert capsys.readouterr().err.splitlines() == [
        f"{path}:{lines + 2}: in_force.from: '2026-02-30' is not a real date (YYYY-MM-DD)",
        f"{path}:{lines + 3}: in_force.to: '2027-13-01' is not a real date (YYYY-MM-DD)",
    ]
