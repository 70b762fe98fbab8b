"""Covering material: named, and told apart from the evidence it comes with."""

from readiness.evidence.domain.covering import covering_reason

COVERING_EMAIL = """From: Jo Marsh <jo.marsh@example.org>
To: Review team
Date: Tue, 12 Oct 2010 09:14:00 +0100

Dear colleagues,

Please find attached our evidence for the review:

Health visiting audit 2010.pdf
LAC health assessments Q2.xlsx
Early help strategy (draft).docx - to follow separately

Kind regards,
Jo Marsh
Named nurse, safeguarding children
Tel 01234 567890
"""

WORKING_EMAIL = """From: Jo Marsh
To: Review team

Dear colleagues,

Since April we have seen every child who came into care for an initial health assessment
within 20 working days, up from 46% last year to 91%. Children told us the new clinic at the
family centre is easier to reach than the hospital, and no appointment was missed in
September. We think the change came from booking the assessment at the placement meeting
itself rather than waiting for the referral form, which used to take three weeks to arrive.

Kind regards,
Jo
"""

CONTENTS = """Contents
1. Introduction .......... 3
2. Our partnership .......... 5
3. Early help .......... 9
4. Children in need .......... 14
5. Looked after children .......... 20
6. Appendices .......... 31
"""

LIST_OF_FILES = """Evidence submitted by Northshire Constabulary
- Child protection strategy meetings audit 2010.pdf
- Missing children protocol.docx
- Domestic abuse notifications Q1-Q2.xlsx
- Early help partnership minutes.pdf
- MASH business case.pdf
"""

AGENDA = """AGENDA
Health Safeguarding Group, 14 September 2010, Room 4
1. Apologies
2. Minutes of the last meeting
3. Matters arising
4. LAC health assessments update
5. Early help pathway
6. Any other business
"""

MINUTES = """Agenda and minutes
Present: Dr A Shah (chair), J Marsh, K Obi
1. Apologies were received from L Grant.
2. The group received the LAC health assessments update and noted that 91% were on time.
It was agreed that the named nurse would report again in December.
"""

TEMPLATE = """Multi-agency case file audit form
Child's ID:
Date of audit:
Auditor:
Agency:
Was the child seen alone? Yes / No
Voice of the child evident? ☐
Grade (1-4): ____________
Comments: [insert comments here]
Actions arising:
"""

REPORT = """Looked after children's health: annual report 2009-10

Introduction
This report sets out how the health of children in care in Northshire changed during the year.
Initial health assessments within 20 working days rose from 46% to 91%, and dental checks from
71% to 84%. Children told us they wanted fewer appointments at the hospital.
"""


def test_an_email_that_only_sends_files_is_covering_material():
    assert covering_reason("Evidence for the review", COVERING_EMAIL, "eml") == (
        "a covering e-mail that only sends material, listing 3 files"
    )


def test_an_email_with_something_to_say_is_evidence():
    assert covering_reason("Health assessments since April", WORKING_EMAIL, "eml") == ""


def test_a_contents_page_and_a_list_of_files_are_covering_material():
    assert covering_reason("Annual report contents", CONTENTS, "pdf") == (
        "a contents page or list of documents (6 entries, no evidence)"
    )
    assert covering_reason("Police evidence list", LIST_OF_FILES, "docx") == (
        "a contents page or list of documents (5 entries, no evidence)"
    )


def test_an_agenda_alone_is_covering_but_an_agenda_with_its_minutes_is_not():
    assert covering_reason("Agenda 14 September", AGENDA, "docx") == (
        "an agenda, without the minutes of the meeting"
    )
    assert covering_reason("Health group", MINUTES, "docx") == ""


def test_a_blank_template_is_covering_material():
    assert covering_reason("MACFA audit template", TEMPLATE, "docx") == (
        "a blank template (9 empty fields)"
    )


def test_a_report_is_not_covering_material():
    assert covering_reason("LAC health annual report", REPORT, "pdf") == ""
    assert covering_reason("", "", "pdf") == ""
