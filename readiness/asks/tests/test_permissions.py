"""Every page of requests and comments, for every role and for an outsider (the same matrix
as tests/test_permissions.py, kept beside the apps it covers). A new URL in these apps fails
here until someone decides who may use it."""

from datetime import date

import pytest
from django.urls import get_resolver, reverse

from readiness.conversations.models import Comment
from readiness.evidence.models import EvidenceDocument
from readiness.frameworks.models import Judgement

from .factories import make_request

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-11-26")]

# (url name, extra args, method, status for: lead, reviewer, contributor, viewer, outsider)
MATRIX = [
    ("asks:index", (), "get", (200, 200, 200, 200, 404)),
    ("asks:index-json", (), "get", (200, 200, 200, 200, 404)),
    ("asks:index-xlsx", (), "get", (200, 200, 200, 200, 404)),
    ("asks:new", (), "get", (200, 200, 403, 403, 404)),
    ("asks:new", (), "post", (400, 400, 403, 403, 404)),
    ("asks:detail", ("request",), "get", (200, 200, 200, 200, 404)),
    ("asks:answer", ("request",), "post", (400, 400, 400, 403, 404)),
    ("asks:decline", ("request",), "post", (400, 400, 400, 403, 404)),
    # A request to another agency: the contributor cannot see it at all.
    ("asks:detail", ("health_request",), "get", (200, 200, 404, 200, 404)),
    ("asks:answer", ("health_request",), "post", (400, 400, 404, 403, 404)),
    # Changing and withdrawing: whoever may ask; never the asked agency itself.
    ("asks:edit", ("request",), "get", (200, 200, 403, 403, 404)),
    ("asks:edit", ("request",), "post", (400, 400, 403, 403, 404)),
    ("asks:withdraw", ("request",), "post", (302, 302, 403, 403, 404)),
    ("asks:edit", ("health_request",), "get", (200, 200, 404, 403, 404)),
    ("asks:withdraw", ("health_request",), "post", (302, 302, 404, 403, 404)),
    ("conversations:add", ("judgement",), "post", (302, 302, 302, 302, 404)),
    ("conversations:add", ("health_document",), "post", (302, 302, 404, 302, 404)),
    ("conversations:show", ("comment",), "get", (302, 302, 302, 302, 404)),
]
ROLES = ("lead", "reviewer", "contributor", "viewer", "outsider")


def test_every_url_of_these_apps_is_in_the_matrix():
    names = {
        f"{namespace}:{name}"
        for namespace in ("asks", "conversations")
        for name in get_resolver().namespace_dict[namespace][1].reverse_dict
        if isinstance(name, str)
    }
    assert names == {row[0] for row in MATRIX}


@pytest.mark.parametrize("name,extra,method,statuses", MATRIX)
@pytest.mark.parametrize("role", range(len(ROLES)), ids=ROLES)
def test_each_role_gets_the_expected_status(
    request, review, police, lead, reviewer, contributor, viewer, outsider,
    name, extra, method, statuses, role,
):  # fmt: skip
    client = request.getfixturevalue(f"as_{ROLES[role]}")
    health = review.agencies.create(name="Anyshire Health")
    judgement = Judgement.objects.filter(framework=review.framework).first()
    args = [review.id]
    for item in extra:
        if item == "request":
            args.append(make_request(review, police, due=date(2026, 12, 4)).id)
        elif item == "health_request":
            args.append(make_request(review, health, due=date(2026, 12, 4)).id)
        elif item == "judgement":
            args += ["judgement", judgement.id]
        elif item == "health_document":
            document = EvidenceDocument.objects.create(
                review=review, content_hash="1" * 64, title="Health minutes", agency=health,
                file_type="txt", size_bytes=1, stored_name="x",
            )  # fmt: skip
            args += ["document", document.id]
        elif item == "comment":
            comment = Comment.objects.create(
                review=review, target="judgement", target_id=judgement.id, author=lead, text="Hi"
            )
            args.append(comment.id)
    data = {"text": "A comment"} if method == "post" else None
    response = getattr(client, method)(reverse(name, args=args), data)
    assert response.status_code == statuses[role]
