from django import forms

from readiness.evidence.forms import UploadForm
from readiness.frameworks.models import LineOfEnquiry
from readiness.lib.forms import GovukFormMixin
from readiness.reviews.models import Agency, Review


class RequestForm(GovukFormMixin, forms.Form):
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        label="Agency you are asking",
        empty_label="Choose an agency",
        error_messages={"required": "Choose the agency you are asking."},
    )
    lines = forms.ModelMultipleChoiceField(
        queryset=LineOfEnquiry.objects.none(),
        label="Lines of enquiry",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one line of enquiry."},
    )
    due_date = forms.DateField(
        label="Needed by",
        help_text="The date the agency should answer by.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Give the date you need the evidence by.",
            "invalid": "Give the date as a real date, for example 2027-01-15.",
        },
    )
    message = forms.CharField(
        label="What you are asking for",
        help_text="Say what is missing and what would show it, for example an audit, minutes "
        "or figures.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        error_messages={"required": "Say what you are asking for."},
    )

    def __init__(self, *args: object, review: Review, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(review=review)
        self.fields["lines"].queryset = LineOfEnquiry.objects.filter(
            judgement__framework_id=review.framework_id
        ).select_related("judgement")
        self.fields["due_date"].widget.attrs["class"] = "govuk-input govuk-input--width-10"

    def request_fields(self) -> dict:
        """The request as asked or changed, in the words `services.ask` and `.change` take."""
        data = self.cleaned_data
        return {"agency": data["agency"], "lines": list(data["lines"]),
                "due_date": data["due_date"], "message": data["message"]}  # fmt: skip


def initial_for(request) -> dict:
    """A request as the form's starting values, to change it."""
    return {
        "agency": request.agency_id,
        "lines": [line.id for line in request.lines_of_enquiry.all()],
        "due_date": request.due_date,
        "message": request.message,
    }


class AnswerForm(UploadForm):
    def __init__(self, *args: object, request: object, **kwargs: object) -> None:
        super().__init__(*args, review=request.review, fixed_agency=request.agency, **kwargs)


class DeclineForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why the agency cannot supply it",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Say why the agency cannot supply this evidence."},
    )


class WithdrawForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why it is withdrawn (optional)",
        help_text="The agency's contributors see this on the request's page.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
