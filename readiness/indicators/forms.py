from django import forms

from readiness.evidence.forms import MultipleFileField, MultipleFileInput
from readiness.lib.forms import GovukFormMixin

from .models import DataImport


class ImportForm(GovukFormMixin, forms.Form):
    kind = forms.ChoiceField(label="What are you importing?", choices=DataImport.KINDS)
    files = MultipleFileField(
        label="Files",
        widget=MultipleFileInput(attrs={"class": "govuk-file-upload"}),
        help_text="An SSDA903 return (its CSV tables or the DfE XML), a CIN census XML, an "
        "Annex A workbook, or a table of values (CSV or Excel with indicator, period_end and "
        "value columns).",
    )
