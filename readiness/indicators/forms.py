from django import forms

from readiness.evidence.forms import MultipleFileField, MultipleFileInput
from readiness.lib.forms import GovukFormMixin

from .models import Comparator, DataImport


class ImportForm(GovukFormMixin, forms.Form):
    kind = forms.ChoiceField(label="What are you importing?", choices=DataImport.KINDS)
    files = MultipleFileField(
        label="Files",
        widget=MultipleFileInput(attrs={"class": "govuk-file-upload"}),
        help_text="An SSDA903 return (its CSV tables or the DfE XML), a CIN census XML, an "
        "Annex A workbook, or a table of values (CSV or Excel with indicator, period_end and "
        "value columns).",
    )


# Typed in a box, removes the figure held (a wrong benchmark must be removable, not only
# replaceable); kept in the history like any change.
REMOVE = "remove"

COMPARATOR_FIELDS = {
    Comparator.ENGLAND: "England",
    Comparator.REGION: "Region",
    Comparator.NEIGHBOURS: "Statistical neighbours",
    Comparator.TARGET: "Our target",
}


class ComparatorForm(GovukFormMixin, forms.Form):
    """England, region, statistical neighbours and a target for one period. A blank box
    leaves what is held; a changed figure is kept in the history with the one it replaced."""

    period_end = forms.ChoiceField(label="Period")

    def __init__(
        self, *args: object, periods: list[tuple[str, str]], unit: str, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["period_end"].choices = periods
        self.fields["period_end"].error_messages["invalid_choice"] = "Choose a period from the list"
        hint = "A percentage, like 88.5" if unit == "percent" else "A number, like 14.2"
        hint += f". Type {REMOVE} to remove the figure held"
        for kind, label in COMPARATOR_FIELDS.items():
            self.fields[kind] = forms.CharField(
                label=label, required=False, max_length=40,
                help_text=f"{hint}. Leave blank to keep what is held.",
                widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5",
                                              "inputmode": "decimal", "spellcheck": "false"}),
            )  # fmt: skip
        for kind in COMPARATOR_FIELDS:  # added after the mixin described the others
            self.fields[kind].widget.attrs["aria-describedby"] = f"id_{kind}-hint"

    def _figure(self, kind: str) -> float | str | None:
        text = str(self.cleaned_data.get(kind) or "").strip().replace(",", "").rstrip("%")
        if not text:
            return None
        if text.lower() == REMOVE:
            return REMOVE
        label = COMPARATOR_FIELDS[kind]
        try:
            value = float(text)
        except ValueError:
            raise forms.ValidationError(f"{label} must be a number, like 88.5") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise forms.ValidationError(f"{label} must be a number, like 88.5")
        if value < 0:
            raise forms.ValidationError(f"{label} cannot be less than 0")
        if self.unit == "percent" and value > 100:
            raise forms.ValidationError(f"{label} must be a percentage between 0 and 100")
        return value

    def clean(self) -> dict:
        data = super().clean()
        figures = {}
        for kind in COMPARATOR_FIELDS:
            try:
                figures[kind] = self._figure(kind)
            except forms.ValidationError as error:
                self.add_error(kind, error)
        if not self.errors and all(v is None for v in figures.values()):
            self.add_error(
                Comparator.ENGLAND,
                "Enter at least one figure: England, region, statistical neighbours or our target",
            )
        data["figures"] = figures
        return data
