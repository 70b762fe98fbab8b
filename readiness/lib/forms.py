"""Form helpers shared by every app: GOV.UK classes on Django's widgets, and id fields that
refuse an id no row can have before the database sees it."""

from django import forms
from django.core.exceptions import ValidationError

from readiness.lib.converters import valid_id


def _out_of_range(value: object) -> bool:
    """True for a whole number no row id can be (SQLite raises OverflowError on 2^63)."""
    try:
        number = int(str(value).strip())
    except ValueError:
        return False  # Django's own check names it as not a valid choice
    return not valid_id(number)


class IdChoiceField(forms.ModelChoiceField):
    """A choice of one row by id; an id outside 1..2^63-1 is simply not one of the choices."""

    def to_python(self, value: object) -> object:
        if value not in self.empty_values and self.to_field_name is None:
            if _out_of_range(value):
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several rows by id, each checked for range before the database is asked."""

    def _check_values(self, value: object) -> object:
        if self.to_field_name is None:
            for pk in value:  # type: ignore[attr-defined]
                if _out_of_range(pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)


# Model forms make Django's own fields for foreign keys and many-to-many links; the mixin
# turns them into the checked ones, so no form can forget.
SAFE_ID_FIELDS = {
    forms.ModelChoiceField: IdChoiceField,
    forms.ModelMultipleChoiceField: IdMultipleChoiceField,
}

ISO_DATE = "%Y-%m-%d"


class IsoDateInput(forms.DateInput):
    """A browser date picker. Its value must be ISO (2027-01-08): a date input shows
    nothing for the British 08/01/2027, and a form saved unchanged would lose the date."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format=ISO_DATE)


def date_field(label: str, help_text: str = "", *, required: bool = False) -> forms.DateField:
    """A date with the browser's picker, shown and read back as ISO."""
    return forms.DateField(
        label=label, required=required, help_text=help_text, widget=IsoDateInput()
    )


def is_date_input(widget: forms.Widget) -> bool:
    return isinstance(widget, forms.DateInput) and "date" in (
        widget.input_type,
        widget.attrs.get("type"),
    )


DASHES = "---------"  # Django's empty choice, which means nothing to a person
CHOOSE = "Choose…"


def blank_label(field: forms.Field, label: str = CHOOSE) -> None:
    """Give a select's empty choice words instead of Django's dashes. A form names it
    better where it can ("Nobody yet", "No agency"); this is the fallback."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == DASHES:
            field.empty_label = label
        return
    if isinstance(field, forms.ChoiceField) and not isinstance(field.widget, forms.RadioSelect):
        choices = list(field.choices)
        if any(text == DASHES for _, text in choices):
            field.choices = [(value, label if text == DASHES else text) for value, text in choices]


CLASSES = {
    IsoDateInput: "govuk-input govuk-input--width-10",
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
        self.style_fields()

    def style_fields(self) -> None:
        """Style every field; a form that adds fields in its own __init__ calls it again."""
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            safe = SAFE_ID_FIELDS.get(type(field))
            if safe is not None:
                field.__class__ = safe
            if is_date_input(field.widget):
                # However the widget was built, a date input understands only ISO.
                field.widget.format, field.widget.is_localized = ISO_DATE, False
            blank_label(field)
            css = CLASSES.get(type(field.widget), "")
            if css:
                field.widget.attrs["class"] = css
            if field.help_text:
                # The hint's id as includes/field.html writes it, prefix and auto_id included.
                auto_id = self[name].auto_id or f"id_{name}"  # type: ignore[index]
                field.widget.attrs["aria-describedby"] = f"{auto_id}-hint"

    def clean(self) -> dict:
        """Browsers send a textarea's lines with CRLF endings; keep plain newlines, so that
        text saved unchanged stays the same and paragraphs still split on a blank line."""
        data = super().clean()  # type: ignore[misc]
        for name, value in list(data.items()):
            if isinstance(value, str) and "\r" in value:
                data[name] = value.replace("\r\n", "\n").replace("\r", "\n")
        return data

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
