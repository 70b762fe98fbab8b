import re

from django import forms
from django.db.models import QuerySet

from readiness.evidence.models import EvidenceDocument
from readiness.lib.forms import GovukFormMixin, IdMultipleChoiceField
from readiness.lib.limits import PARAGRAPH

from .models import NarrativeVersion, ServiceImpact

ACTION_CODE = re.compile(r"[A-Z]{1,3}[0-9]{1,4}")


def document_label(document: EvidenceDocument) -> str:
    """A document as a picker lists it: its title, then its agency and month."""
    details = [d for d in (
        document.agency.name if document.agency_id else "",
        f"{document.document_date:%b %Y}" if document.document_date else "",
    ) if d]  # fmt: skip
    return f"{document.title} ({', '.join(details)})" if details else document.title


class NarrativeForm(GovukFormMixin, forms.ModelForm):
    indicator_ids = forms.MultipleChoiceField(
        label="Live indicators to embed",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8, "data-picker": "indicators"}),
        help_text="Their latest figures are shown with the narrative and checked for "
        "staleness after each import. Hold Ctrl (or Cmd) to choose more than one.",
    )
    document_ids = IdMultipleChoiceField(
        label="Documents from the evidence library",
        required=False,
        queryset=EvidenceDocument.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 10, "data-picker": "documents"}),
        help_text="The documents that show what the narrative says; each is linked from it. "
        "Hold Ctrl (or Cmd) to choose more than one.",
    )
    evidence_text = forms.CharField(
        label="Other evidence it signposts",
        max_length=PARAGRAPH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Anything not in the evidence library, one reference per line.",
    )
    agency = forms.ModelChoiceField(
        label="Whose narrative is it?",
        queryset=None,
        required=False,
        empty_label="The whole partnership",
        help_text="An agency's contributors can write new versions of its narratives; a lead "
        "approves each before it counts.",
    )
    action_point = forms.CharField(
        label="Action point",
        required=False,
        max_length=10,
        help_text="The code of the action point it answers, for example A12.",
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5",
                                      "spellcheck": "false"}),
    )  # fmt: skip

    class Meta:
        model = NarrativeVersion
        fields = ["title", "targeted_and_why", "what_we_did", "impact_for_children", "whats_next"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for name in ("targeted_and_why", "what_we_did", "impact_for_children", "whats_next")
        }

    def __init__(
        self,
        *args: object,
        indicators: list = (),
        documents: QuerySet | None = None,
        action_codes: set[str] = frozenset(),
        agencies: QuerySet | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        if agencies is None:  # a contributor writes for their own agency only
            del self.fields["agency"]
        else:
            self.fields["agency"].queryset = agencies
        self.fields["indicator_ids"].choices = [(d.id, d.title) for d in indicators]
        if documents is not None:
            self.fields["document_ids"].queryset = documents
        self.fields["document_ids"].label_from_instance = document_label
        for name in ("indicator_ids", "document_ids"):
            self.fields[name].widget.attrs["class"] = "govuk-select govuk-!-width-full"
        self.action_codes = set(action_codes)

    def clean_action_point(self) -> str:
        code = self.cleaned_data["action_point"].strip().upper()
        if not code:
            return ""
        if not ACTION_CODE.fullmatch(code):
            raise forms.ValidationError(
                "Enter the action point's code as a letter and a number, like A12"
            )
        if self.action_codes and code not in self.action_codes:
            raise forms.ValidationError(
                f"There is no action point {code} in this review: use a code from its actions"
            )
        return code

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
