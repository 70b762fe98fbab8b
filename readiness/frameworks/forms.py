from django import forms
from django.conf import settings

from readiness.lib.forms import GovukFormMixin


class FrameworkUploadForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="Framework file (YAML)",
        help_text="A .yaml file written to the framework schema; at most 2 MB.",
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > settings.FRAMEWORK_UPLOAD_MAX_BYTES:
            limit = settings.FRAMEWORK_UPLOAD_MAX_BYTES // 1024
            raise forms.ValidationError(f"The file is larger than {limit} KB.")
        raw = upload.read()
        if b"\x00" in raw:
            raise forms.ValidationError("The file is not text: choose a YAML framework file.")
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError("The file is not UTF-8 text.") from None
