"""What the demo reviews looked at besides documents, for the report's approach. Invented,
in the proportions of the founding review (17 case files, 16 social workers interviewed
about them, focus groups of social workers and team managers, partners interviewed)."""

from readiness.reviews.models import Review

from .models import ReviewActivity

ACTIVITIES = {
    "Anytown": [
        ("case_file", 18, "children in need, on child protection plans and in care", None),
        ("interview", 15, "social workers about those children", None),
        ("interview", 11, "council managers, the lead member and the chief executive", None),
        ("interview", 19, "partners, one to one or in small groups", None),
        ("focus_group", 2, "social workers; team managers", 15),
    ],
    "Northbridge": [
        ("case_file", 17, "safeguarding and looked after children", None),
        ("interview", 16, "social workers about those cases", None),
        ("interview", 20, "partners", None),
        ("focus_group", 2, "social workers; team managers", 14),
    ],
}


def load_activities(review: Review) -> int:
    """Replace the review's recorded activities with the demo's; how many were stored."""
    ReviewActivity.objects.filter(review=review).delete()
    rows = [
        ReviewActivity(review=review, kind=kind, count=count, description=words, people=people)
        for kind, count, words, people in ACTIVITIES.get(review.area, [])
    ]
    ReviewActivity.objects.bulk_create(rows)
    return len(rows)
