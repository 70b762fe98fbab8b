from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q

from readiness.evidence.models import EvidenceDocument
from readiness.frameworks.models import Judgement, LineOfEnquiry
from readiness.lib.forms import GovukFormMixin, IdMultipleChoiceField, date_field
from readiness.lib.limits import PARAGRAPH
from readiness.narratives.forms import document_label
from readiness.reviews.models import Agency

from .domain.lists import DEFAULT_STALE_WEEKS, VIEWS, ItemFilter
from .models import ActionItem, Finding, Milestone


class FindingForm(GovukFormMixin, forms.ModelForm):
    indicators = forms.MultipleChoiceField(
        label="Indicators that show it",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Finding
        fields = [
            "evaluation", "area", "position", "text", "judgements", "lines_of_enquiry",
            "documents", "indicators",
        ]  # fmt: skip
        labels = {
            "evaluation": "Evaluation",
            "area": "Area",
            "position": "Order within the area",
            "text": "Finding",
            "judgements": "Judgements it bears on",
            "lines_of_enquiry": "Lines of enquiry",
            "documents": "Evidence documents",
        }
        help_texts = {
            "area": "The report's section, for example: Help and protection.",
            "position": "Lower numbers come first; paragraphs are numbered through the report.",
            "lines_of_enquiry": "Hold Ctrl (or Cmd) to choose more than one.",
            "documents": "Hold Ctrl (or Cmd) to choose more than one.",
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "judgements": forms.CheckboxSelectMultiple,
            "lines_of_enquiry": forms.SelectMultiple(
                attrs={"size": 8, "data-picker": "lines of enquiry", "data-picker-one": "line"}
            ),
            "documents": forms.SelectMultiple(attrs={"size": 8, "data-picker": "documents"}),
        }

    def __init__(self, *args: object, review: object, indicators: list = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["judgements"].queryset = Judgement.objects.filter(framework=review.framework)
        self.fields["lines_of_enquiry"].queryset = LineOfEnquiry.objects.filter(
            judgement__framework=review.framework
        ).select_related("judgement")
        self.fields["lines_of_enquiry"].label_from_instance = lambda line: (
            f"{line.judgement.title}: {line.question[:90]}"
        )
        self.fields["documents"].queryset = EvidenceDocument.objects.filter(
            review=review
        ).select_related("agency")
        self.fields["documents"].label_from_instance = document_label
        self.fields["indicators"].choices = [(d.id, d.title) for d in indicators]
        for name in ("lines_of_enquiry", "documents"):
            self.fields[name].widget.attrs["class"] = "govuk-!-width-full"


class ItemForm(GovukFormMixin, forms.ModelForm):
    due_date = date_field("Due date", "For example, 2027-01-08")

    class Meta:
        model = ActionItem
        fields = [
            "kind", "text", "rationale", "guidance", "finding", "judgements", "owner",
            "owner_agency", "due_date", "status",
        ]  # fmt: skip
        labels = {
            "kind": "Kind",
            "text": "Text",
            "rationale": "Rationale",
            "guidance": "Guidance",
            "finding": "The finding it comes from",
            "judgements": "Judgements it serves",
            "owner": "Owner",
            "owner_agency": "Owning agency",
            "status": "Status",
        }
        help_texts = {
            "kind": "A recommendation is best handled by a plan with milestones; an action "
            "point is a straightforward task.",
            "guidance": "Advice under the item, one point a line.",
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "guidance": forms.Textarea(attrs={"rows": 4}),
            "judgements": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: object, review: object, numbers: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["kind"]
        self.fields["judgements"].queryset = Judgement.objects.filter(framework=review.framework)
        self.fields["finding"].queryset = Finding.objects.filter(
            review=review, id__in=list(numbers)
        )
        self.fields["finding"].label_from_instance = lambda f: (
            f"{numbers.get(f.id, '')}. {f.area}: {f.text[:80]}"
        )
        # The members, and the item's owner even if they have left the review: a choice the
        # page did not offer would be cleared without a word; the service names it instead.
        members = Q(memberships__review=review)
        if self.instance.owner_id:
            members |= Q(pk=self.instance.owner_id)
        self.fields["owner"].queryset = (
            get_user_model().objects.filter(members).distinct().order_by("first_name")
        )
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["owner"].empty_label = "Nobody yet"
        self.fields["owner_agency"].empty_label = "No agency"
        self.fields["finding"].empty_label = "Not from a finding"
        self.fields["owner_agency"].queryset = Agency.objects.filter(review=review)
        # The services' words, not Django's "Select a valid choice", for a choice the page
        # never offered (a person or agency outside the review, an earlier phase's finding).
        for name, message in (
            ("owner", "The owner you chose is not a member of this review."),
            ("owner_agency", "The agency you chose is not one of this review's agencies."),
            ("finding", "The finding you chose is not one of this review's current findings."),
        ):
            self.fields[name].error_messages["invalid_choice"] = message


class ProgressForm(GovukFormMixin, forms.Form):
    text = forms.CharField(
        label="What has happened",
        max_length=PARAGRAPH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What changed since the last update, and for whom.",
    )
    status = forms.ChoiceField(label="Status now", choices=ActionItem.STATUSES)
    documents = IdMultipleChoiceField(
        label="Evidence documents",
        queryset=EvidenceDocument.objects.none(),
        required=False,
        help_text="Hold Ctrl (or Cmd) to choose more than one.",
        widget=forms.SelectMultiple(attrs={"size": 6, "data-picker": "documents"}),
    )
    reference = forms.CharField(
        label="Other evidence",
        required=False,
        max_length=300,
        help_text="Where else it can be seen, for example: Improvement board minutes, 3 March.",
    )

    def __init__(self, *args: object, documents: object, status: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = documents.select_related("agency")
        self.fields["documents"].label_from_instance = document_label
        self.fields["documents"].widget.attrs["class"] = "govuk-select govuk-!-width-full"
        if status:
            self.fields["status"].initial = status


class MilestoneForm(GovukFormMixin, forms.ModelForm):
    due_date = date_field("Due date")
    done_on = date_field("Done on")

    class Meta:
        model = Milestone
        fields = ["text", "due_date", "done_on"]
        labels = {"text": "Milestone"}


class ImportForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="Action plan workbook",
        help_text="An .xlsx file laid out like the export: sheets “Action plan” and “Milestones”.",
    )


class FilterForm(GovukFormMixin, forms.Form):
    owner = forms.TypedChoiceField(label="Owner", required=False, coerce=int, empty_value=None)
    agency = forms.TypedChoiceField(label="Agency", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Any"), ("open", "Open (not started or in progress)")]
        + list(ActionItem.STATUSES),
    )
    kind = forms.ChoiceField(
        label="Kind", required=False, choices=[("", "Any")] + list(ActionItem.KINDS)
    )
    mine = forms.BooleanField(label="Only my actions", required=False)
    view = forms.ChoiceField(label="List", required=False)
    weeks = forms.IntegerField(
        label="Weeks without progress",
        required=False,
        min_value=1,
        max_value=104,
        initial=4,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}),
        help_text="For the list of items with no progress.",
    )

    def __init__(self, *args: object, owners: list, agencies: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "Anyone")] + [
            (u.id, u.get_full_name() or u.username) for u in owners
        ]
        self.fields["agency"].choices = [("", "Any")] + [(a.id, a.name) for a in agencies]
        self.fields["view"].choices = [("", "All items")] + [
            (key, label) for key, label in VIEWS.items()
        ]

    def chosen(self, user_id: int) -> ItemFilter:
        data = self.cleaned_data
        return ItemFilter(
            owner_id=data["owner"],
            agency_id=data["agency"],
            status=data["status"],
            kind=data["kind"],
            mine=user_id if data["mine"] else None,
            view=data["view"],
            stale_weeks=data["weeks"] or DEFAULT_STALE_WEEKS,
        )
