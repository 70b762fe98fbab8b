"""The form for one invented case of a thresholds check."""

from __future__ import annotations

from django import forms

from readiness.lib import limits
from readiness.lib.forms import GovukFormMixin

from .models import Vignette

FIXED = ("text", "intended_level")  # what the answers depend on


class VignetteForm(GovukFormMixin, forms.Form):
    """Title, text and intended level. A plain form, not a model form, so that the case
    stays as stored until the service has decided whether the change is allowed. On a check
    people have answered (LOCKED) the text and level are shown but not sent; a page opened
    before anyone answered that sends them changed is refused by the service, with why."""

    title = forms.CharField(label="Title", max_length=120)
    text = forms.CharField(
        label="The case",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=limits.ITEM,
        help_text="A short invented case: every name and detail made up.",
    )
    intended_level = forms.ChoiceField(
        label="The level of need the partnership intends", choices=Vignette.LEVEL_CHOICES
    )

    def __init__(
        self, *args: object, vignette: Vignette | None = None, locked: bool = False,
        **kwargs: object,
    ) -> None:  # fmt: skip
        if vignette is not None:
            kwargs.setdefault("initial", {
                "title": vignette.title, "text": vignette.text,
                "intended_level": vignette.intended_level,
            })  # fmt: skip
        super().__init__(*args, **kwargs)
        self.vignette, self.locked = vignette, locked and vignette is not None
        if self.locked:
            for name in FIXED:
                self.fields[name].required = False
                self.fields[name].widget.attrs["disabled"] = True

    def clean(self) -> dict:
        data = super().clean()
        if self.locked:
            for name in FIXED:  # not sent from a locked page: keep what is stored
                if not data.get(name):
                    data[name] = getattr(self.vignette, name)
        return data
