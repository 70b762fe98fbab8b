"""The date of the call as a GOV.UK date input: day, month and year, with GOV.UK's error
messages, then the countdown's own check that the day is a working day."""

from __future__ import annotations

from datetime import date

from django import forms

from .domain.timetable import CountdownError, england_and_wales, refuse_if_not_working

PARTS = ("day", "month", "year")


class CallDateForm(forms.Form):
    day = forms.CharField(required=False, max_length=2, label="Day")
    month = forms.CharField(required=False, max_length=2, label="Month")
    year = forms.CharField(required=False, max_length=4, label="Year")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.error_parts: tuple[str, ...] = ()
        self.called: date | None = None

    def inputs(self) -> list[dict[str, object]]:
        """Each part of the GOV.UK date input with its value and error state."""
        widths = {"day": 2, "month": 2, "year": 4}
        return [
            {
                "name": part,
                "label": part.title(),
                "width": widths[part],
                "value": self.data.get(part, "") if self.is_bound else "",
                "error": part in self.error_parts,
            }
            for part in PARTS
        ]

    @property
    def first_error_part(self) -> str:
        return self.error_parts[0] if self.error_parts else "day"

    @property
    def date_error(self) -> str:
        errors = self.non_field_errors()
        return errors[0] if errors else ""

    def _fail(self, message: str, parts: tuple[str, ...] = PARTS) -> None:
        self.error_parts = parts
        raise forms.ValidationError(message)

    def clean(self) -> dict:
        data = super().clean()
        values = {part: (data.get(part) or "").strip() for part in PARTS}
        missing = tuple(part for part in PARTS if not values[part])
        if len(missing) == 3:
            self._fail("Enter the date of the call")
        if missing:
            self._fail("The date of the call must include a " + " and a ".join(missing), missing)
        wrong = tuple(part for part in PARTS if not values[part].isdigit())
        if wrong:
            self._fail("The date of the call must be a real date", wrong)
        if len(values["year"]) != 4:
            self._fail("Year must include 4 numbers", ("year",))
        try:
            called = date(int(values["year"]), int(values["month"]), int(values["day"]))
        except ValueError:
            self._fail("The date of the call must be a real date")
        try:
            refuse_if_not_working(called, england_and_wales(called))
        except CountdownError as error:
            self._fail(str(error))
        self.called = called
        return data
