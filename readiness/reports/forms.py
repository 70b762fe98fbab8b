from django import forms

from readiness.lib.forms import GovukFormMixin

from .domain.word import MAX_TEMPLATE_BYTES, TemplateError, check_template
from .models import ReportBuild, ReviewActivity


class PrepareForm(GovukFormMixin, forms.Form):
    fmt = forms.ChoiceField(label="Format", choices=ReportBuild.FORMATS, initial="pdf")
    members = forms.BooleanField(
        label="A copy for members, without the evidence annex", required=False
    )


class ActivityForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = ReviewActivity
        fields = ["kind", "count", "description", "people"]
        labels = {
            "kind": "What was done",
            "count": "How many",
            "description": "Who or what (optional)",
            "people": "People taking part (optional)",
        }


class TemplateForm(GovukFormMixin, forms.Form):
    template = forms.FileField(
        label="Word template (.docx)",
        help_text="Your council's Word document with its styles (Title, Heading 1 to 3, "
        "List Bullet); at most 5 MB. Its text is replaced by the report.",
    )

    def clean_template(self):
        upload = self.cleaned_data["template"]
        if upload.size > MAX_TEMPLATE_BYTES:
            raise forms.ValidationError(
                f"The template is {upload.size / 1024 / 1024:.1f} MB; the limit is 5 MB."
            )
        data = upload.read(MAX_TEMPLATE_BYTES + 1)
        try:
            check_template(data)
        except TemplateError as error:
            raise forms.ValidationError(str(error)) from error
        self.data_bytes = data
        return upload
