from django import forms
from django.conf import settings

from readiness.lib.forms import GovukFormMixin, IdChoiceField
from readiness.reviews.models import Agency

MAX_FILES = 200


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data: object, initial: object = None) -> list:
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files if f]


class UploadForm(GovukFormMixin, forms.Form):
    files = MultipleFileField(
        label="Evidence files",
        allow_empty_file=True,  # an empty file is reported with the others, not refused whole
        widget=MultipleFileInput(attrs={"class": "govuk-file-upload"}),
        help_text="PDF, Word, Excel, CSV, PowerPoint, web pages, text or e-mail (.eml) files, "
        f"or a zip of them; at most {MAX_FILES} files, 50 MB each and "
        f"{settings.REQUEST_MAX_BYTES // 1_048_576} MB in all.",
    )
    agency = IdChoiceField(queryset=Agency.objects.none(), required=False)

    def __init__(
        self, *args: object, review: object = None, fixed_agency: object = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fixed_agency = fixed_agency
        self.fields["agency"].queryset = Agency.objects.filter(review=review)
        self.fields["agency"].label = "Agency that supplied them"
        if fixed_agency is not None:
            del self.fields["agency"]

    def clean_files(self) -> list:
        files = self.cleaned_data["files"]
        if not files:
            raise forms.ValidationError("Choose at least one file.")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"Upload at most {MAX_FILES} files at once.")
        limit = settings.EVIDENCE_UPLOAD_MAX_BYTES
        for upload in files:
            if upload.size > limit:
                raise forms.ValidationError(
                    f"{upload.name} is larger than {limit // 1_048_576} MB."
                )
        return files


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", "Confirm"), ("reject", "Reject")])


class AddLineForm(GovukFormMixin, forms.Form):
    line = forms.ChoiceField(label="Line of enquiry it supports")

    def __init__(self, *args: object, lines: list = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["line"].choices = [
            (line.key, f"{line.judgement.title}: {line.question}") for line in lines
        ]


class CorrectionForm(GovukFormMixin, forms.Form):
    """What a person may correct about a document. Every field is sent by the form, so an
    unchanged save changes nothing; a field left out of a request is left alone."""

    title = forms.CharField(label="Title", max_length=300)
    document_date = forms.DateField(
        label="Date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="The date the document was written or approved. Leave empty if it has none.",
    )
    kind = forms.ChoiceField(label="Type", required=False)
    focus = forms.ChoiceField(
        label="Shows",
        required=False,
        choices=[
            ("", "Not known"),
            ("outcomes", "Mainly outcomes for children"),
            ("process", "Mainly process"),
        ],
    )
    agency = IdChoiceField(
        label="Agency", queryset=Agency.objects.none(), required=False, empty_label="No agency"
    )

    def __init__(self, *args: object, review: object = None, **kwargs: object) -> None:
        from .domain.doctype import KIND_LABELS

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Not known"), *KIND_LABELS.items()]
        self.fields["agency"].queryset = Agency.objects.filter(review=review)

    def present(self) -> dict:
        """The cleaned values of the fields the request actually carried."""
        return {name: value for name, value in self.cleaned_data.items() if name in self.data}


class ReviewFilterForm(GovukFormMixin, forms.Form):
    """Narrow a line's or a judgement's evidence: by agency, kind, focus, unreviewed."""

    agency = forms.TypedChoiceField(label="Agency", required=False, coerce=int, empty_value=None)
    kind = forms.ChoiceField(label="Type of document", required=False)
    focus = forms.ChoiceField(
        label="Focus",
        required=False,
        choices=[("", "Any"), ("outcomes", "Outcomes for children"), ("process", "Process")],
    )
    unreviewed = forms.BooleanField(
        label="Only documents nobody has confirmed or rejected yet", required=False
    )

    def __init__(self, *args: object, agencies: list = (), **kwargs: object) -> None:
        from .domain.doctype import KIND_LABELS

        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [("", "Any")] + [(a.id, a.name) for a in agencies]
        self.fields["kind"].choices = [("", "Any")] + sorted(
            KIND_LABELS.items(), key=lambda item: item[1]
        )
