from django import forms

from readiness.lib.forms import GovukFormMixin
from readiness.lib.limits import ARGUMENT

from .models import JudgementAssessment


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class AssessmentForm(GovukFormMixin, forms.Form):
    grade = forms.ChoiceField(label="Grade", required=False, widget=forms.RadioSelect)
    rationale = forms.CharField(
        label="Rationale against the grade descriptors",
        max_length=ARGUMENT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Why this grade: which descriptor fits best, and what shows it.",
    )
    strengths = forms.CharField(
        label="Strengths",
        max_length=ARGUMENT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    areas_for_improvement = forms.CharField(
        label="Areas for improvement",
        max_length=ARGUMENT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    confidence = forms.ChoiceField(
        label="Confidence in this grade",
        required=False,
        choices=[("", "Not stated"), *JudgementAssessment.CONFIDENCE],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: object, grades: list = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.grade_levels = {g.key: g for g in grades}
        self.fields["grade"].choices = [("", "Not graded yet")] + [(g.key, g.label) for g in grades]

    def clean(self) -> dict:
        # A browser always sends every field of this form (the text boxes, even empty, and
        # the checked radio buttons, "Not graded yet" and "Not stated" included). A field that
        # is absent means the form did not arrive whole, and saving it would blank a grade
        # nobody meant to change.
        missing = [self.fields[name].label for name in self.fields if name not in self.data]
        if missing:
            raise forms.ValidationError(
                "The form arrived without "
                + _join([f"“{label}”" for label in missing])
                + ": nothing was saved. Reload the page and try again."
            )
        return super().clean()

    def clean_grade(self) -> object:
        key = self.cleaned_data["grade"]
        return self.grade_levels.get(key) if key else None


class EvidenceLinkForm(GovukFormMixin, forms.Form):
    reference = forms.CharField(
        label="Evidence",
        max_length=300,
        help_text="Its title and where to find it, for example: Multi-agency audit report, "
        "March 2026 (evidence folder 3)",
    )
    shows = forms.CharField(label="What it shows", max_length=300, required=False)
