from django import forms

from readiness.lib.forms import GovukFormMixin

from .domain.caselist import LISTS


class CaseListForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="Case list (CSV or XLSX)",
        help_text="Columns: case id, list, team, social worker, age, start date. "
        "No names, NHS numbers or dates of birth.",
    )
    annex_a = forms.BooleanField(
        required=False,
        label="This is an Annex A workbook (lists 2 and 6 to 10; ids, ages and teams only)",
    )
    replace = forms.BooleanField(
        required=False, label="Remove cases not in this file (cases already sampled are kept)"
    )


class DrawForm(GovukFormMixin, forms.Form):
    seed = forms.IntegerField(
        min_value=0,
        help_text="Any whole number. Record it: the same seed on the same list draws the "
        "same children.",
    )
    as_of = forms.DateField(
        label="Count plan lengths to",
        help_text="A date like 2026-11-26.",
        widget=forms.DateInput(attrs={"type": "text"}),
    )
    note = forms.CharField(required=False, max_length=300, label="Why this sample")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for key, label in LISTS.items():
            self.fields[f"size_{key}"] = forms.IntegerField(
                required=False, min_value=0, max_value=500, label=f"How many from {label}"
            )
            self.fields[f"size_{key}"].widget.attrs["class"] = "govuk-input govuk-input--width-3"

    def clean(self) -> dict:
        data = super().clean()
        sizes = {k: data.get(f"size_{k}") for k in LISTS if data.get(f"size_{k}")}
        if not sizes:
            raise forms.ValidationError("Say how many children to draw from at least one list.")
        data["sizes"] = sizes
        return data
