"""Drift tests: where the DfE publishes a council-level figure, our stored figure follows the
DfE's definition. Each return here is built by hand so that the published definition, applied
by hand, gives a known answer; the files go through the same import service as an upload, so
a change anywhere between the reader and the stored indicator value shows up here.

No DfE figure exists for synthetic data, so these constructed returns stand in for one. The
definitions quoted are in docs/cin-and-annex-a.md and docs/ssda903.md.
"""

from datetime import date

import pytest

from readiness.indicators.models import IndicatorValue
from readiness.indicators.services import import_data

pytestmark = pytest.mark.django_db


def _census(children: str) -> bytes:
    return f"""<Message><Header><CollectionDetails><Collection>CIN</Collection>
    <Year>2024</Year><ReferenceDate>2024-03-31</ReferenceDate></CollectionDetails>
    <Source><LEA>999</LEA></Source></Header><Children>{children}</Children></Message>""".encode()


def _child(child_id: str, *referrals: str) -> str:
    return f"""<Child><ChildIdentifiers><LAchildID>{child_id}</LAchildID>
    <PersonBirthDate>2014-02-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
    <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
    {"".join(referrals)}</Child>"""


def _referral(day: str, *plans: str, nfa: str = "false") -> str:
    return f"""<CINdetails><CINreferralDate>{day}</CINreferralDate>
    <ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
    <ReferralNFA>{nfa}</ReferralNFA>{"".join(plans)}</CINdetails>"""


def _plan(start: str, end: str = "", previous: int = 0) -> str:
    ending = f"<CPPendDate>{end}</CPPendDate>" if end else ""
    return f"""<ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate>{ending}
    <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
    <NumberOfPreviousCPP>{previous}</NumberOfPreviousCPP></ChildProtectionPlans>"""


# The year is 1 April 2023 to 31 March 2024.
CENSUS = _census(
    # P: referred again exactly 12 months after the last referral: within 12 months.
    # Becomes the subject of a plan for the first time.
    _child("P", _referral("2022-05-10"), _referral("2023-05-10", _plan("2023-06-01")))
    # Q: referred 12 months and a day after the last: not within 12 months. Becomes the
    # subject of a plan having had one before elsewhere (NumberOfPreviousCPP 1).
    + _child("Q", _referral("2022-05-09"),
             _referral("2023-05-10", _plan("2023-07-01", previous=1)))
    # R: first referral in the year is two and a half years after the one before; the second,
    # three months later, is a re-referral. A plan in 2021 (in this census) makes the new
    # plan a second plan even though NumberOfPreviousCPP says 0.
    + _child("R", _referral("2020-12-01", _plan("2021-01-01", "2022-01-01")),
             _referral("2023-06-01"), _referral("2023-09-01", _plan("2023-10-01")))
    # S: a referral that led to no further action still counts, both as the earlier
    # referral and in the year. Its plan began before the year: not counted.
    + _child("S", _referral("2023-01-15", nfa="true"),
             _referral("2023-04-01", _plan("2023-03-01")))
    # T: referred after the census date: not in the year.
    + _child("T", _referral("2024-04-01"))
    # U: one referral, a first plan.
    + _child("U", _referral("2023-12-01", _plan("2024-01-10")))
)  # fmt: skip


def _stored(review, indicator: str, period_end: date) -> tuple:
    value = IndicatorValue.objects.get(review=review, indicator=indicator, period_end=period_end)
    return value.numerator, value.denominator, value.value


def test_re_referrals_follow_the_dfe_definition(review):
    """DfE, "Characteristics of children in need": a re-referral is a referral within 12
    months of a previous referral; the rate is re-referrals as a percentage of all
    referrals in the year. In the year: P, Q, R twice, S, U = 6 referrals; within 12 months
    of the child's previous one: P (exactly 12 months), R's second, S = 3. 3 / 6 = 50%."""
    import_data(review, "cin", {"census.xml": CENSUS})
    assert _stored(review, "re_referrals_12_months", date(2024, 3, 31)) == (3.0, 6.0, 50.0)


def test_repeat_plans_follow_the_dfe_definition(review):
    """DfE, "Characteristics of children in need": children who became the subject of a
    child protection plan for the second or subsequent time (ever, in any authority), as a
    percentage of those who became the subject of a plan in the year. Starting in the year:
    P, Q, R, U = 4 (S's began before the year); second or subsequent: Q (one before,
    recorded), R (one before, in the data) = 2. 2 / 4 = 50%."""
    import_data(review, "cin", {"census.xml": CENSUS})
    assert _stored(review, "cp_plans_second_or_subsequent", date(2024, 3, 31)) == (
        2.0,
        4.0,
        50.0,
    )


HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + "".join(
    f"C{n},F,01/06/2012,WBRI,,,\n" for n in range(1, 8)
)
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
    "PL_POST,URN\n"
    "C1,01/04/2024,S,C2,N1,U1,PR1,,,,,,\n"  # from 1 April: a full 12 months
    "C2,02/04/2024,S,C2,N1,U1,PR1,,,,,,\n"  # from 2 April: a day short
    "C3,01/05/2020,S,C2,N1,U1,PR1,,,,,,\n"
    "C4,01/01/2022,S,C2,N1,U1,PR1,31/03/2025,E4A,,,,\n"  # ceased on 31 March
    "C5,01/01/2023,S,C2,N1,U1,PR1,,,,,,\n"  # no OC2 record
    "C6,01/06/2021,S,V3,N1,U1,PR1,,,,,,\n"  # short breaks
    "C7,01/09/2019,S,V2,N1,U1,PR1,01/10/2024,,,,,\n"
    "C7,01/10/2024,L,C2,N1,U1,PR1,,,,,,\n"  # a change of legal status, same care
)
OC2 = (
    "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
    "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n"
    "C1,01/06/2012,12,,0,1,1,1,1,0,,\n"
    "C3,01/06/2012,12,,0,0,1,0,1,0,,\n"
    "C7,01/06/2012,12,,0,1,1,1,1,0,,\n"
)


def test_health_assessments_follow_the_dfe_oc2_definition(review):
    """DfE, "Children looked after in England including adoptions": of children looked
    after continuously for at least 12 months at 31 March (not in short breaks), the
    percentage whose health assessments were up to date. Cohort at 31 March 2025: C1 (since
    1 April 2024), C3, C5 (no OC2 record: not up to date), C7 (legal status changed, care
    continuous) = 4; C2 a day short, C4 ceased on 31 March, C6 short breaks. Up to date:
    C1, C7 = 2. 2 / 4 = 50%; dental checks the same children, so also 50%."""
    files = {
        "2025-header.csv": HEADER.encode(),
        "2025-episodes.csv": EPISODES.encode(),
        "2025-oc2.csv": OC2.encode(),
    }
    import_data(review, "ssda903", files)
    year_end = date(2025, 3, 31)
    assert _stored(review, "lac_health_assessments", year_end) == (2.0, 4.0, 50.0)
    assert _stored(review, "lac_dental_checks", year_end) == (2.0, 4.0, 50.0)
