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


def test_cases_come_from_an_annex_a_workbook_without_dates_of_birth(review, tmp_path, capsys):
    from datetime import datetime

    import openpyxl

    from readiness.indicators.domain.annex_a import columns

    book = openpyxl.Workbook()
    book.remove(book.active)
    for number, title in ((7, "List 7 child protection"), (9, "List 9 care leavers")):
        sheet = book.create_sheet(title)
        names = [spec["name"] for spec in columns()[number].values() if "2019" in spec["layouts"]]
        sheet.append(names)
        for n in range(2):
            row = [None] * len(names)
            row[names.index("Child Unique ID")] = f"L{number}-{n}"
            row[names.index("Date of Birth")] = datetime(2015, 1, 25)
            row[names.index("Allocated Team")] = "North"
            sheet.append(row)
    path = tmp_path / "annex-a.xlsx"
    book.save(path)
    call_command("cases", "import", str(path), "--annex-a", "--review", str(review.id))
    assert capsys.readouterr().out == "Imported 4 cases: 4 new, 0 changed.\n"
    assert list(Case.objects.values_list("case_id", "list_key", "team")) == [
        ("L9-0", "care_leavers", "North"), ("L9-1", "care_leavers", "North"),
        ("L7-0", "child_protection", "North"), ("L7-1", "child_protection", "North"),
    ]  # fmt: skip
