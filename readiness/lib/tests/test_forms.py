"""Date inputs carry ISO values, so a form opened and saved unchanged keeps its dates."""

from datetime import date

from django import forms

from readiness.lib.forms import GovukFormMixin, IsoDateInput, date_field


class Dated(GovukFormMixin, forms.Form):
    due = date_field("Due")
    legacy = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    plain = forms.DateField(required=False)


def test_a_date_input_shows_its_value_in_iso():
    form = Dated(initial={"due": date(2027, 1, 8), "legacy": date(2027, 2, 3)})
    assert 'type="date"' in str(form["due"])
    assert 'value="2027-01-08"' in str(form["due"])
    assert 'value="2027-02-03"' in str(form["legacy"])


def test_a_text_date_keeps_the_british_format():
    form = Dated(initial={"plain": date(2027, 1, 8)})
    assert 'value="08/01/2027"' in str(form["plain"])


def test_the_iso_value_reads_back_as_the_same_date():
    form = Dated(data={"due": "2027-01-08", "legacy": "2027-02-03", "plain": ""})
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["due"], form.cleaned_data["legacy"]) == (
        date(2027, 1, 8),
        date(2027, 2, 3),
    )


def test_the_widget_is_styled_like_the_other_inputs():
    assert isinstance(Dated().fields["due"].widget, IsoDateInput)
    assert Dated().fields["due"].widget.attrs["class"] == "govuk-input govuk-input--width-10"


class Texted(GovukFormMixin, forms.Form):
    text = forms.CharField(widget=forms.Textarea)


def test_a_textarea_s_crlf_line_endings_become_newlines():
    form = Texted(data={"text": "First paragraph.\r\n\r\nSecond."})
    assert form.is_valid()
    assert form.cleaned_data["text"] == "First paragraph.\n\nSecond."


def test_no_select_shows_django_s_dashes():
    class Chosen(GovukFormMixin, forms.Form):
        colour = forms.ChoiceField(required=False, choices=[("", "---------"), ("r", "Red")])

    assert list(Chosen().fields["colour"].choices) == [("", "Choose…"), ("r", "Red")]
