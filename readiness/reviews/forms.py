from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm

from readiness.lib.forms import GovukFormMixin, IdChoiceField, date_field
from readiness.lib.limits import PARAGRAPH

from .models import Agency, Membership


class ReviewForm(GovukFormMixin, forms.Form):
    name = forms.CharField(label="Name of the review", max_length=200)
    area = forms.CharField(label="Local authority area", max_length=120)
    framework = IdChoiceField(queryset=None, label="Framework", empty_label=None)
    window_starts = date_field("Inspection expected from", "For example, 2027-01-11")
    window_ends = date_field("Inspection expected by")
    agencies = forms.CharField(
        label="Partner agencies",
        max_length=PARAGRAPH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One per line, for example: Anytown Council; Anyshire Police",
    )
    phases = forms.CharField(
        label="Phases",
        max_length=PARAGRAPH,
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
    agency = IdChoiceField(
        queryset=Agency.objects.none(),
        required=False,
        label="Agency",
        empty_label="No agency",
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


class InviteForm(GovukFormMixin, forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        help_text="They get a link to set up their account; it works once and expires.",
        widget=forms.EmailInput(attrs={"class": "govuk-input", "autocomplete": "off",
                                       "spellcheck": "false"}),
    )  # fmt: skip
    role = forms.ChoiceField(label="Role", choices=Membership.ROLES)
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        required=False,
        label="Agency",
        empty_label="No agency",
        help_text="Required for an agency contributor.",
    )

    def __init__(self, *args: object, review: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(review=review)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("role") == Membership.CONTRIBUTOR and not data.get("agency"):
            self.add_error("agency", "Choose the agency this contributor works for.")
        return data


class RoleForm(GovukFormMixin, forms.Form):
    """A member's role and agency, one form per row of the people table."""

    role = forms.ChoiceField(label="Role", choices=Membership.ROLES)
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        required=False,
        label="Agency",
        empty_label="No agency",
    )

    def __init__(self, *args: object, review: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(review=review)


class JoinForm(GovukFormMixin, UserCreationForm):
    """The invitee's own account: their name, a username and a password."""

    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Last name", max_length=150)

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("first_name", "last_name", "username")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name in ("password1", "password2"):
            self.fields[name].widget.attrs["class"] = "govuk-input"
        self.fields["password1"].help_text = "At least 8 characters, and not a common password."
        self.fields["password1"].widget.attrs["aria-describedby"] = "id_password1-hint"
        self.fields["username"].help_text = "Letters, digits and @ . + - _ only."
        self.fields["username"].widget.attrs["aria-describedby"] = "id_username-hint"
        self.fields["username"].widget.attrs["spellcheck"] = "false"


class SettingsForm(GovukFormMixin, forms.Form):
    """A review's settings after it was opened: name, area, window, agencies and phases."""

    name = forms.CharField(label="Name of the review", max_length=200)
    area = forms.CharField(label="Local authority area", max_length=120)
    window_starts = date_field("Inspection expected from", "For example, 2027-01-11")
    window_ends = date_field("Inspection expected by")
    new_agencies = forms.CharField(
        label="Add agencies",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line.",
    )
    new_phases = forms.CharField(
        label="Add phases",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One per line, in order.",
    )

    def __init__(self, *args: object, review: object, **kwargs: object) -> None:
        self.agencies = list(review.agencies.all())
        self.phases = list(review.phases.all())
        initial = {
            "name": review.name,
            "area": review.area,
            "window_starts": review.window_starts,
            "window_ends": review.window_ends,
        }
        initial |= {f"agency_{a.id}": a.name for a in self.agencies}
        for p in self.phases:
            initial |= {f"phase_{p.id}_name": p.name, f"phase_{p.id}_starts": p.starts,
                        f"phase_{p.id}_ends": p.ends}  # fmt: skip
        super().__init__(*args, initial=initial, **kwargs)
        for agency in self.agencies:
            self.fields[f"agency_{agency.id}"] = forms.CharField(
                label=f"Agency {self.agencies.index(agency) + 1}", max_length=200
            )
        for phase in self.phases:
            self.fields[f"phase_{phase.id}_name"] = forms.CharField(
                label=f"Name of phase {phase.position}", max_length=200
            )
            self.fields[f"phase_{phase.id}_starts"] = date_field(f"Phase {phase.position} starts")
            self.fields[f"phase_{phase.id}_ends"] = date_field(f"Phase {phase.position} ends")
        self.style_fields()  # the fields added here

    def agency_fields(self) -> list:
        return [self[f"agency_{a.id}"] for a in self.agencies]

    def phase_fields(self) -> list:
        return [
            (
                p,
                self[f"phase_{p.id}_name"],
                self[f"phase_{p.id}_starts"],
                self[f"phase_{p.id}_ends"],
            )
            for p in self.phases
        ]

    def clean(self) -> dict:
        data = super().clean()
        starts, ends = data.get("window_starts"), data.get("window_ends")
        if starts and ends and ends < starts:
            self.add_error("window_ends", "The window must end on or after the day it starts.")
        for phase in self.phases:
            starts, ends = data.get(f"phase_{phase.id}_starts"), data.get(f"phase_{phase.id}_ends")
            if starts and ends and ends < starts:
                self.add_error(f"phase_{phase.id}_ends",
                               "A phase must end on or after the day it starts.")  # fmt: skip
        return data
