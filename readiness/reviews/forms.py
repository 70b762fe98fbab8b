from django import forms
from django.contrib.auth import get_user_model

from readiness.lib.forms import GovukFormMixin, date_field

from .models import Agency, Membership


class ReviewForm(GovukFormMixin, forms.Form):
    name = forms.CharField(label="Name of the review", max_length=200)
    area = forms.CharField(label="Local authority area", max_length=120)
    framework = forms.ModelChoiceField(queryset=None, label="Framework", empty_label=None)
    window_starts = date_field("Inspection expected from", "For example, 2027-01-11")
    window_ends = date_field("Inspection expected by")
    agencies = forms.CharField(
        label="Partner agencies",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One per line, for example: Anytown Council; Anyshire Police",
    )
    phases = forms.CharField(
        label="Phases",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line, in order, for example: Part 1: front door",
    )

    def __init__(self, *args: object, frameworks: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks

    def clean(self) -> dict:
        data = super().clean()
        starts, ends = data.get("window_starts"), data.get("window_ends")
        if starts and ends and ends < starts:
            self.add_error("window_ends", "The window must end on or after the day it starts.")
        return data

    @staticmethod
    def lines(text: str) -> list[str]:
        seen: list[str] = []
        for line in text.splitlines():
            line = line.strip()
            if line and line not in seen:
                seen.append(line)
        return seen


class MemberForm(GovukFormMixin, forms.Form):
    username = forms.CharField(label="Username", max_length=150)
    role = forms.ChoiceField(label="Role", choices=Membership.ROLES)
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        required=False,
        label="Agency",
        help_text="Required for an agency contributor.",
    )

    def __init__(self, *args: object, review: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.review = review
        self.fields["agency"].queryset = Agency.objects.filter(review=review)

    def clean_username(self) -> object:
        username = self.cleaned_data["username"]
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError(f"There is no user called '{username}'.")
        if Membership.objects.filter(review=self.review, user=user).exists():
            raise forms.ValidationError(f"'{username}' is already a member of this review.")
        return user

    def clean(self) -> dict:
        data = super().clean()
        if data.get("role") == Membership.CONTRIBUTOR and not data.get("agency"):
            self.add_error("agency", "Choose the agency this contributor works for.")
        return data


class PhaseForm(GovukFormMixin, forms.Form):
    name = forms.CharField(label="Name of the phase", max_length=200)
