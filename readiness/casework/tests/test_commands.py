import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from readiness.casework.models import Case, Sample

pytestmark = pytest.mark.django_db


def test_cases_import_then_sample_draw(review, tmp_path, capsys):
    path = tmp_path / "cases.csv"
    path.write_text("Case id,List,Team,Age\n" + "".join(
        f"K{n},CP,T{n % 2},{n % 17}\n" for n in range(8)
    ))  # fmt: skip
    call_command("cases", "import", str(path), "--review", str(review.id))
    assert capsys.readouterr().out == "Imported 8 cases: 8 new, 0 changed.\n"
    call_command("sample", "draw", "--review", str(review.id), "--seed", "5",
                 "--size", "child_protection=3", "--format", "json")  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert (data["seed"], len(data["cases"]), Sample.objects.count()) == (5, 3, 1)


def test_cases_import_names_every_problem_and_exits_2(review, tmp_path, capsys):
    path = tmp_path / "cases.csv"
    path.write_text("Case id,List,NHS number\nK1,CP,123\n")
    with pytest.raises(CommandError) as error:
        call_command("cases", "import", str(path), "--review", str(review.id))
    assert error.value.returncode == 2
    assert str(error.value) == "Nothing was imported: 1 problem."
    assert "cases.csv: Column “NHS number” looks like an NHS number" in capsys.readouterr().err
    assert Case.objects.count() == 0


def test_sample_draw_refuses_an_unknown_list(review):
    with pytest.raises(CommandError, match="“fostering” is not a list") as error:
        call_command("sample", "draw", "--review", str(review.id), "--seed", "5",
                     "--size", "fostering=3")  # fmt: skip
    assert error.value.returncode == 2
