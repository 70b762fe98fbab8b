from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from readiness.frameworks.domain.loader import load_framework_file
from readiness.frameworks.models import Framework
from readiness.frameworks.persist import store_framework

EXAMPLE = Path(__file__).resolve().parents[3] / "docs" / "examples" / "jtai-neglect.yaml"

pytestmark = pytest.mark.django_db


def upload(client, text: str, name: str = "framework.yaml"):
    file = SimpleUploadedFile(name, text.encode(), content_type="application/x-yaml")
    return client.post(reverse("frameworks:load"), {"file": file})


def own_framework(user) -> Framework:
    return store_framework(
        load_framework_file(str(EXAMPLE)), EXAMPLE.read_text(), builtin=False, loaded_by=user
    )


def test_index_lists_the_shipped_frameworks(as_contributor):
    response = as_contributor.get(reverse("frameworks:index"))
    assert response.status_code == 200
    assert [f.slug for f in response.context["frameworks"]] == [
        "ilacs-2018",
        "ilacs-2023",
        "ilacs-2026",
        "slac-2009",
    ]


def test_index_hides_another_users_own_framework(as_contributor, outsider):
    own_framework(outsider)
    response = as_contributor.get(reverse("frameworks:index"))
    assert "jtai-neglect" not in [f.slug for f in response.context["frameworks"]]


@pytest.mark.parametrize("own", [1, 3])
def test_index_query_count_does_not_grow_with_frameworks(
    as_lead, lead, own, django_assert_num_queries
):
    for number in range(own):
        framework = own_framework(lead)
        framework.slug = f"jtai-{number}"
        framework.save()
    with django_assert_num_queries(6):
        as_lead.get(reverse("frameworks:index"))


def test_index_requires_login(client):
    response = client.get(reverse("frameworks:index"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_detail_shows_descriptors(as_contributor, slac):
    response = as_contributor.get(reverse("frameworks:detail", args=[slac.id]))
    assert response.status_code == 200
    assert b"Being healthy" in response.content


def test_detail_of_another_users_framework_is_404(as_contributor, outsider):
    framework = own_framework(outsider)
    response = as_contributor.get(reverse("frameworks:detail", args=[framework.id]))
    assert response.status_code == 404


def test_detail_of_a_review_framework_is_visible_to_its_members(as_contributor, lead, review):
    framework = own_framework(lead)
    review.framework = framework
    review.save()
    response = as_contributor.get(reverse("frameworks:detail", args=[framework.id]))
    assert response.status_code == 200


def test_detail_query_count_is_fixed(as_lead, slac, django_assert_num_queries):
    with django_assert_num_queries(8):
        as_lead.get(reverse("frameworks:detail", args=[slac.id]))


def test_a_lead_loads_a_framework(as_lead, lead):
    response = upload(as_lead, EXAMPLE.read_text())
    framework = Framework.objects.get(slug="jtai-neglect")
    assert response.status_code == 302
    assert response["Location"] == reverse("frameworks:detail", args=[framework.id])
    assert framework.loaded_by == lead


def test_a_bad_file_is_refused_with_every_problem_and_nothing_stored(as_lead):
    text = EXAMPLE.read_text().replace("id: jtai-neglect", "id: Bad Id", 1)
    text = text.replace("kind: single", "kind: sideways", 1)
    before = Framework.objects.count()
    response = upload(as_lead, text)
    assert response.status_code == 400
    messages = [p.message for p in response.context["problems"]]
    assert messages == [
        "an id must be lower-case letters, digits, '_' or '-' (at most 63 characters)",
        "kind must be one of headline, composite, single",
    ]
    assert Framework.objects.count() == before


def test_a_binary_file_is_refused(as_lead):
    file = SimpleUploadedFile("x.yaml", b"\x00\x01\x02", content_type="application/x-yaml")
    response = as_lead.post(reverse("frameworks:load"), {"file": file})
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == [
        "The file is not text: choose a YAML framework file."
    ]


def test_a_huge_file_is_refused(as_lead, settings):
    settings.FRAMEWORK_UPLOAD_MAX_BYTES = 1000
    response = upload(as_lead, "#" * 1001)
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == ["The file is larger than 0 KB."]


def test_a_contributor_cannot_load_a_framework(as_contributor):
    response = upload(as_contributor, EXAMPLE.read_text())
    assert response.status_code == 403
    assert not Framework.objects.filter(slug="jtai-neglect").exists()


def test_the_outsider_may_load_their_own(as_outsider):
    assert upload(as_outsider, EXAMPLE.read_text()).status_code == 302


def test_a_date_that_does_not_exist_is_a_problem_on_the_page(as_lead):
    text = EXAMPLE.read_text() + "in_force:\n  from: 2026-02-30\n"
    response = upload(as_lead, text)
    assert response.status_code == 400
    assert [p.message for p in response.context["problems"]] == [
        "'2026-02-30' is not a real date (YYYY-MM-DD)"
    ]
    assert "is not a real date" in response.content.decode()
