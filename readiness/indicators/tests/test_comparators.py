"""Comparators and targets: entered on the indicator's page or imported, history kept."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from readiness.indicators.domain.periods import is_period_end, latest_ended, period_ends
from readiness.indicators.models import Comparator, ComparatorChange, IndicatorValue

# The form offers the periods around today, and these figures are for 2024-2026.
pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]
INDICATOR = "lac_health_assessments"


def url(review, indicator=INDICATOR):
    return reverse("indicators:detail", args=[review.id, indicator])


def post(client, review, indicator=INDICATOR, **figures):
    data = {"period_end": "2026-03-31", "england": "", "region": "",
            "statistical_neighbours": "", "target": ""}  # fmt: skip
    data.update(figures)
    return client.post(url(review, indicator), data)


def held(review):
    return sorted(
        Comparator.objects.filter(review=review).values_list("kind", "period_end", "value")
    )


def test_periods_end_on_the_day_each_kind_of_year_ends():
    assert period_ends("financial_year", date(2026, 5, 1), back=1, ahead=1) == [
        date(2027, 3, 31),
        date(2026, 3, 31),
        date(2025, 3, 31),
    ]
    assert period_ends("quarter", date(2026, 5, 1), back=0, ahead=0) == [
        date(2026, 12, 31),
        date(2026, 9, 30),
        date(2026, 6, 30),
        date(2026, 3, 31),
    ]
    assert latest_ended("academic_year", date(2026, 5, 1)) == date(2025, 8, 31)
    assert is_period_end("calendar_year", date(2024, 12, 31))
    assert not is_period_end("calendar_year", date(2024, 3, 31))


def test_a_lead_enters_figures_for_a_period(as_lead, review, lead):
    response = post(as_lead, review, england="89", region="90.5", target="95")
    assert response.status_code == 302
    assert response["Location"] == url(review)
    assert held(review) == [
        ("england", date(2026, 3, 31), 89.0),
        ("region", date(2026, 3, 31), 90.5),
        ("target", date(2026, 3, 31), 95.0),
    ]
    page = as_lead.get(url(review))
    assert [str(m) for m in page.context["messages"]] == [
        "Saved England, Region, Our target for 2025-26."
    ]
    assert page.context["benchmarks"] == [("2025-26", [89.0, 90.5, None, 95.0])]
    assert page.context["view"].target == 95.0


def test_a_changed_figure_keeps_the_one_it_replaced(as_lead, as_reviewer, review, lead):
    post(as_lead, review, england="89", target="90")
    post(as_reviewer, review, england="88.6", target="90")  # target unchanged
    assert held(review) == [
        ("england", date(2026, 3, 31), 88.6),
        ("target", date(2026, 3, 31), 90.0),
    ]
    changes = list(
        ComparatorChange.objects.values_list(
            "kind", "old_value", "new_value", "changed_by__username", "via"
        )
    )
    assert changes == [
        ("england", 89.0, 88.6, "reviewer", "form"),
        ("target", None, 90.0, "lead", "form"),
        ("england", None, 89.0, "lead", "form"),
    ]
    page = as_lead.get(url(review))
    assert [(c.kind, label) for c, label in page.context["changes"]][0] == ("england", "2025-26")
    assert b"88.6" in page.content


def test_blank_boxes_leave_what_is_held(as_lead, review, lead):
    post(as_lead, review, england="89", region="90")
    post(as_lead, review, target="92")
    assert held(review) == [
        ("england", date(2026, 3, 31), 89.0),
        ("region", date(2026, 3, 31), 90.0),
        ("target", date(2026, 3, 31), 92.0),
    ]


def test_a_wrong_figure_can_be_removed_with_its_history_kept(as_lead, review, lead):
    post(as_lead, review, england="89", region="90")
    response = post(as_lead, review, england="Remove", target="92")
    assert held(review) == [
        ("region", date(2026, 3, 31), 90.0),
        ("target", date(2026, 3, 31), 92.0),
    ]
    newest = list(ComparatorChange.objects.values_list("kind", "old_value", "new_value")[:2])
    assert sorted(newest) == [("england", 89.0, None), ("target", None, 92.0)]
    page = as_lead.get(response.url)
    assert [str(m) for m in page.context["messages"]][-1] == (
        "Saved Our target; removed England for 2025-26."
    )


def test_removing_a_figure_not_held_changes_nothing(as_lead, review, lead):
    post(as_lead, review, region="remove")
    assert held(review) == []
    assert not ComparatorChange.objects.exists()


def test_the_same_figures_again_change_nothing(as_lead, review, lead):
    post(as_lead, review, england="89")
    response = post(as_lead, review, england="89.0")
    assert response.status_code == 302
    assert ComparatorChange.objects.count() == 1
    page = as_lead.get(url(review))
    assert [str(m) for m in page.context["messages"]] == [
        "Saved England for 2025-26.",
        "Nothing changed: those figures were already held for 2025-26.",
    ]


@pytest.mark.parametrize(
    "figures,field,message",
    [
        ({}, "england", "Enter at least one figure: England, region, statistical neighbours "
         "or our target"),
        ({"england": "lots"}, "england", "England must be a number, like 88.5"),
        ({"region": "-3"}, "region", "Region cannot be less than 0"),
        ({"target": "120"}, "target", "Our target must be a percentage between 0 and 100"),
        ({"statistical_neighbours": "nan"}, "statistical_neighbours",
         "Statistical neighbours must be a number, like 88.5"),
        ({"period_end": "2026-02-28", "england": "80"}, "period_end",
         "Choose a period from the list"),
    ],
)  # fmt: skip
def test_bad_figures_get_a_clear_error_and_nothing_is_stored(
    as_lead, review, lead, figures, field, message
):
    response = post(as_lead, review, **figures)
    assert response.status_code == 400
    assert response.context["form"].errors == {field: [message]}
    assert b"There is a problem" in response.content
    assert response.content.decode().count(message) == 2  # the summary and the field
    assert not Comparator.objects.exists()
    assert not ComparatorChange.objects.exists()


def test_one_bad_box_stores_none_of_the_others(as_lead, review, lead):
    response = post(as_lead, review, england="89", target="x")
    assert response.status_code == 400
    assert not Comparator.objects.exists()


def test_a_rate_may_exceed_100_and_a_percent_sign_is_allowed(as_lead, review, lead):
    post(as_lead, review, "teenage_conceptions_under_18", period_end="2024-12-31",
         england="113.5")  # fmt: skip
    post(as_lead, review, england="88.5%")
    assert held(review) == [
        ("england", date(2024, 12, 31), 113.5),
        ("england", date(2026, 3, 31), 88.5),
    ]


def test_the_form_offers_the_indicators_own_periods(as_lead, review, lead):
    page = as_lead.get(url(review, "lac_attainment_8"))
    choices = page.context["form"].fields["period_end"].choices
    assert all(value.endswith("-08-31") for value, _ in choices)
    assert ("2025-08-31", "2024-25") in choices


def test_contributors_and_viewers_see_figures_but_cannot_set_them(
    as_contributor, as_viewer, review
):
    for client in (as_contributor, as_viewer):
        page = client.get(url(review))
        assert page.status_code == 200
        assert page.context["form"] is None
        assert b"Save the figures" not in page.content
        assert post(client, review, england="89").status_code == 403
    assert not Comparator.objects.exists()


def test_an_outsider_gets_404(as_outsider, review):
    assert post(as_outsider, review, england="89").status_code == 404


def upload(client, review, name, data):
    return client.post(
        reverse("indicators:imports", args=[review.id]),
        {"kind": "table", "files": [SimpleUploadedFile(name, data)]},
    )


def test_comparators_import_from_csv_without_values_and_keep_history(as_lead, review, lead):
    post(as_lead, review, england="80")
    text = (
        "indicator,period_end,value,england,region,statistical_neighbours,target\n"
        "lac_health_assessments,2026-03-31,,89,90,88,95\n"
        "lac_dental_checks,2026-03-31,,,,,\n"
    )
    assert upload(as_lead, review, "benchmarks.csv", text.encode()).status_code == 302
    assert not IndicatorValue.objects.exists()  # no empty value from a comparators-only row
    assert held(review) == [
        ("england", date(2026, 3, 31), 89.0),
        ("region", date(2026, 3, 31), 90.0),
        ("statistical_neighbours", date(2026, 3, 31), 88.0),
        ("target", date(2026, 3, 31), 95.0),
    ]
    first = ComparatorChange.objects.filter(kind="england").first()
    assert (first.old_value, first.new_value, first.via) == (80.0, 89.0, "import")
    record = first.source
    assert record.quality["counts_by_reason"] == {"no value": 1}


def test_comparators_import_from_a_workbook(as_lead, review, lead):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Indicator", "Period end", "Value", "England", "Target"])
    sheet.append(["lac_dental_checks", date(2026, 3, 31), 82, 80, 85])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert upload(as_lead, review, "benchmarks.xlsx", buffer.getvalue()).status_code == 302
    assert held(review) == [
        ("england", date(2026, 3, 31), 80.0),
        ("target", date(2026, 3, 31), 85.0),
    ]
    assert list(IndicatorValue.objects.values_list("value", flat=True)) == [82.0]


def test_a_figure_is_rated_against_its_own_periods_target(as_lead, review, lead):
    IndicatorValue.objects.create(
        review=review, indicator=INDICATOR, period_end=date(2026, 3, 31), value=91
    )
    post(as_lead, review, period_end="2027-03-31", target="95")
    page = as_lead.get(url(review))
    assert page.context["view"].target == 95.0  # only next year's target held: it is used
    assert page.context["view"].rag.status == "amber"
    post(as_lead, review, period_end="2026-03-31", target="90", england="89")
    page = as_lead.get(url(review))
    assert page.context["view"].target == 90.0  # this year's, not next year's
    assert page.context["view"].rag.status == "green"
    IndicatorValue.objects.create(
        review=review, indicator=INDICATOR, period_end=date(2027, 3, 31), value=93
    )
    page = as_lead.get(url(review))
    assert page.context["view"].target == 95.0
    assert page.context["view"].comparators == {"England": 89.0}  # the latest before it
