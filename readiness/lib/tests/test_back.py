from django.test import RequestFactory

from readiness.lib.back import safe_next


def _post(next_value: str):
    return RequestFactory().post("/x/", {"next": next_value}, HTTP_HOST="testserver")


def test_a_path_on_this_site_is_where_the_form_goes_back_to():
    assert safe_next(_post("/reviews/1/evidence/?page=2"), "/default/") == (
        "/reviews/1/evidence/?page=2"
    )


def test_another_site_a_bare_word_or_nothing_goes_to_the_default():
    for hostile in ("https://evil.example/", "//evil.example/x", "2026-02-30", "", "javascript:x"):
        assert safe_next(_post(hostile), "/default/") == "/default/", hostile
