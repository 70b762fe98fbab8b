from django import forms

from .domain.compose import KINDS


class SettingsForm(forms.Form):
    """One checkbox per kind of e-mail; an unticked box turns that kind off."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in KINDS.items():
            self.fields[kind] = forms.BooleanField(label=label, required=False)
