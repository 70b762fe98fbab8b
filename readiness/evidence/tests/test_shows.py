"""What a document shows: the first full sentence of its cited passages, never a greeting,
a sign-off or a list of attachments."""

import pytest

from readiness.evidence.domain.shows import NOTHING_CITED, what_it_shows


@pytest.mark.parametrize(
    "reasons,shows",
    [
        (["page 1, paragraph 1: 'Dear colleagues, Please find attached the minutes. The board "
          "reviewed 42 audits of child protection plans and found drift in 6.'"],
         "The board reviewed 42 audits of child protection plans and found drift in 6."),
        (["page 1: 'Hi all, Please see attached the report and appendices.'",
          "page 3: 'Attendance at strategy meetings rose to 94.5% in the year.'"],
         "Attendance at strategy meetings rose to 94.5% in the year."),
        (["page 2: 'Dear all, Health partners now attend every strategy meeting. Kind regards'"],
         "Health partners now attend every strategy meeting."),
        (["page 2, paragraph 4: 'Attachments: minutes.docx, actions.xlsx. Regards, Sam.'"],
         NOTHING_CITED),
        (["page 5: 'the partnership and its…'"], "the partnership and its…"),
        ([], NOTHING_CITED),
    ],
)  # fmt: skip
def test_the_first_full_sentence_is_what_it_shows(reasons, shows):
    assert what_it_shows(reasons) == shows
