from django import forms

from readiness.lib.forms import GovukFormMixin

from .models import NarrativeVersion, ServiceImpact


class NarrativeForm(GovukFormMixin, forms.ModelForm):
    indicator_ids = forms.MultipleChoiceField(
        label="Live indicators to embed",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Their latest figures are shown with the narrative and checked for "
        "staleness after each import.",
    )
    evidence_text = forms.CharField(
        label="Evidence it signposts",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One document per line, as titled in the evidence library.",
    )

    class Meta:
        model = NarrativeVersion
        fields = ["title", "targeted_and_why", "what_we_did", "impact_for_children", "whats_next"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for name in ("targeted_and_why", "what_we_did", "impact_for_children", "whats_next")
        }

    def __init__(self, *args: object, indicators: list = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator_ids"].choices = [(d.id, d.title) for d in indicators]

    def evidence(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["evidence_text"].splitlines()
                if line.strip()]  # fmt: skip


class ImpactForm(GovukFormMixin, forms.ModelForm):
    indicator = forms.ChoiceField(label="Indicator that shows it", required=False)

    class Meta:
        model = ServiceImpact
        fields = ["service", "text", "indicator", "example", "feedback_quote"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "example": forms.Textarea(attrs={"rows": 3}),
            "feedback_quote": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: object, indicators: list = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [("", "None")] + [(d.id, d.title) for d in indicators]
