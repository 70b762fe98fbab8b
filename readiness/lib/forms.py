"""Form helpers shared by every app: GOV.UK classes on Django's widgets."""

from django import forms

CLASSES = {
    forms.TextInput: "govuk-input",
    forms.DateInput: "govuk-input govuk-input--width-10",
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
    forms.PasswordInput: "govuk-input",
}
ERROR_CLASSES = {
    "govuk-input": "govuk-input--error",
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error",
    "govuk-file-upload": "govuk-file-upload--error",
}


class GovukFormMixin:
    """Adds GOV.UK classes, hints and error states to each widget."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            css = CLASSES.get(type(field.widget), "")
            if css:
                field.widget.attrs["class"] = css
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-hint"

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            field = self.fields.get(name)  # type: ignore[attr-defined]
            if field is None:
                continue
            css = field.widget.attrs.get("class", "")
            extra = ERROR_CLASSES.get(css.split(" ")[0]) if css else None
            if extra and extra not in css:
                field.widget.attrs["class"] = f"{css} {extra}"
