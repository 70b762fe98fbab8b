"""Anytown's demo narratives: the ones the founding review asked for (A9-A13), and one that
shows what it warned against.

Plain data on invented figures for an ILACS readiness review with 2025-26 data. Each of the
five answers an action point the way paragraph 30 asks: what was targeted and why, what was
done, what changed for children (with data), what's next. The sixth reads like the minutes of
the looked after children health meetings that the review was handed instead (paragraphs 25
and 29); it must fail the narrative check for describing process, and the tests say so.

Indicator ids are those of readiness/indicators/data/indicators.yaml; DEMO_CURRENT_VALUES is
what the demo's latest import holds, so the check can compare what each narrative shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from readiness.narratives.domain.check import IndicatorRef, NarrativeText

DEMO_LATEST_IMPORT = date(2026, 5, 11)
DEMO_TODAY = date(2026, 5, 20)
_UPDATED = date(2026, 5, 14)  # refreshed after the May import, as A14 asks

# indicator id -> (latest period label, latest value), as the demo import leaves them.
DEMO_CURRENT_VALUES: dict[str, tuple[str, str]] = {
    "re_referrals_12_months": ("2025-26", "18.4%"),
    "cp_plans_second_or_subsequent": ("2025-26", "19.6%"),
    "teenage_conceptions_under_18": ("2024", "14.1"),
    "sexual_abuse_medicals_in_police_station": ("2025-26 Q4", "0"),
    "lac_health_assessments": ("2025-26", "89%"),
    "lac_dental_checks": ("2025-26", "82%"),
    "lac_attainment_8": ("2024-25", "23.6"),
    "lac_english_maths_grade_4": ("2024-25", "29%"),
}


@dataclass(frozen=True)
class DemoNarrative:
    key: str
    action_point: str
    title: str
    judgement_areas: tuple[str, ...]  # ILACS judgement keys, for the evidence index
    targeted_and_why: str
    what_we_did: str
    impact_for_children: str
    whats_next: str
    indicators: tuple[IndicatorRef, ...]
    evidence: tuple[str, ...]  # titles of documents in the Anytown demo evidence library
    meant_to_pass: bool = True

    def as_text(self) -> NarrativeText:
        return NarrativeText(
            title=self.title,
            targeted_and_why=self.targeted_and_why,
            what_we_did=self.what_we_did,
            impact_for_children=self.impact_for_children,
            whats_next=self.whats_next,
            indicators=self.indicators,
            evidence_links=len(self.evidence),
            action_point_links=1 if self.action_point else 0,
            updated_on=_UPDATED,
        )


def _p(text: str) -> str:
    """Source lines joined into paragraphs; a blank line starts a new one."""
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()))


def _ref(indicator_id: str) -> IndicatorRef:
    period, value = DEMO_CURRENT_VALUES[indicator_id]
    return IndicatorRef(indicator_id, period, value)


A9 = DemoNarrative(
    key="multi-agency-audits",
    action_point="A9",
    title="Multi-agency case file audits: what changed for children",
    judgement_areas=("help_and_protection", "impact_of_leaders"),
    targeted_and_why=_p("""
        Single-agency audits told each partner about its own records, but not whether
        children were helped when agencies worked together. In 2024-25 more than one
        referral in five was a re-referral within a year, and a quarter of child protection
        plans were second or later plans, which told us families were being stepped down
        before change had lasted. We chose to audit, together, the themes where those
        children were: neglect, domestic abuse and exploitation.
    """),
    what_we_did=_p("""
        In 2025-26 police, health, schools and children's social care audited 48 children's
        records across four themes, each child's file read by every agency that knew them,
        with the family's view sought in 31 cases. Each audit ended with no more than three
        changes to practice, each owned by a named agency and re-audited within six months.
        Three examples: schools are now told before 9am when police attend domestic abuse
        at a child's home; every neglect plan now describes the child's day; and return home
        interviews after a child goes missing are done within 72 hours by a worker the
        young person already knows.
    """),
    impact_for_children=_p("""
        In the neglect re-audit, 19 of 24 plans described the child's daily life, up from
        8 of 24 a year earlier, and 20 of 24 had actions a parent could understand. Schools
        received 412 domestic abuse notifications in 2025-26; attendance of those children in
        the week after an incident improved from 82% to 91%. Return home interviews within
        72 hours rose from 43% to 81%, and young people going missing five or more times in
        a year fell from 27 to 12.

        Re-referrals within 12 months are now 18.4% (2025-26), down from 23.9% in 2023-24,
        and second or subsequent child protection plans are 19.6%, down from 26.2%. These are
        small numbers, so we watch the trend over three years rather than one quarter.

        A mother told auditors: "For the first time someone asked what a normal day was like
        for my kids, and the plan changed because of it."
    """),
    whats_next=_p("""
        The 2026-27 programme adds children with disabilities and children under five. We
        will re-audit the exploitation actions in September 2026. See the multi-agency audit
        findings tracker for every action and its re-audit result.
    """),
    indicators=(_ref("re_referrals_12_months"), _ref("cp_plans_second_or_subsequent")),
    evidence=(
        "Multi-agency audits - what changed for children",
        "Multi-agency case file audit - neglect November 2025",
        "Multi-agency case file audit - domestic abuse July 2025",
        "Multi-agency case file audit - child exploitation March 2026",
        "Multi-agency audit findings tracker 2025-26",
    ),
)

A10 = DemoNarrative(
    key="teenage-pregnancy",
    action_point="A10",
    title="Teenage pregnancy: targeted work in three wards",
    judgement_areas=("help_and_protection", "impact_of_leaders"),
    targeted_and_why=_p("""
        Anytown's under-18 conception rate was 22.8 per 1,000 girls aged 15 to 17 in 2019,
        well above England. Half of those conceptions were to girls living in three wards,
        Northgate, Riverside and Eastfield, and most of the girls were already known to early
        help or were not attending school regularly. Spreading effort thinly across the town
        had not worked, so partners agreed to target those wards and those girls.
    """),
    what_we_did=_p("""
        We opened a young people's sexual health drop-in at Anytown College and in the
        Riverside youth centre, after school and on Saturday mornings, because young people
        told us the clinic was too far away and open at the wrong times. School nurses now
        offer a confidential session to every Year 9 pupil in the three wards' secondary
        schools. Youth workers and early help workers were trained to talk about
        relationships and contraception and to refer the same day. Girls who are not in
        school are offered an appointment at home or at the youth centre.
    """),
    impact_for_children=_p("""
        The under-18 conception rate fell to 14.1 per 1,000 in 2024 (ONS, published 2026),
        from 22.8 in 2019. ONS figures arrive late, so we also track proxy indicators that
        move sooner:

        - under-18s using the drop-ins rose from 40 a month to 130 a month between April
          2024 and March 2026;
        - under-18s choosing long-acting contraception rose from 96 in 2023-24 to 211 in
          2025-26;
        - births to mothers under 18 recorded by Anytown General Hospital fell from 31 in
          2023-24 to 18 in 2025-26;
        - 14 of the 18 young mothers are now in education or training, up from 12 of 31.

        Young people told us the drop-in "feels safe, and nobody judges you". The numbers
        are small, so one year's change is within noise; the six-year fall is not.
    """),
    whats_next=_p("""
        We will extend the school nurse sessions to the two wards where rates are now highest
        and ask young fathers what would help them. The proxy indicators are refreshed every
        quarter; see the sexual health outreach evaluation for the method and the full data.
    """),
    indicators=(_ref("teenage_conceptions_under_18"),),
    evidence=("Sexual health outreach for children in care and care leavers - evaluation",),
)

A11 = DemoNarrative(
    key="medicals-police-station",
    action_point="A11",
    title="No child is examined in a police station any more",
    judgement_areas=("help_and_protection",),
    targeted_and_why=_p("""
        Until 2024, children suspected of being sexually abused were often examined in the
        medical room at Anytown police station, because there was no paediatric room in the
        town and the nearest sexual assault referral centre was 40 miles away. In 2023-24, 11
        children were examined there. A police station tells a child that they are in trouble,
        and some parents refused examinations rather than take their child there. Something
        that no longer happens is easily overlooked, so we record it here.
    """),
    what_we_did=_p("""
        The hospital trust, the integrated care board and the police fitted out a paediatric
        examination suite in the children's unit at Anytown General Hospital, opened in
        February 2025 as an interim arrangement. Paediatricians with forensic training are on
        a rota so that an examination can happen within 24 hours of a strategy meeting, seven
        days a week. Police officers bring the child and parent to the suite, and a play
        specialist is there for younger children. The procedure for child protection medicals
        was rewritten so that no other venue can be booked.
    """),
    impact_for_children=_p("""
        No child has been examined in a police station since January 2025: the count has
        been 0 in every quarter since, including 2025-26 Q4. In 2025-26, 47 children were
        examined, all in the suite. The average time from strategy meeting to examination fell
        from 29 hours in 2023-24 to 14 hours, and 88% of examinations were within 24 hours,
        up from 63%. Parents now refuse an examination less often: 2 refusals in 2025-26
        against 7 in 2023-24.

        A mother told the paediatrician her son "felt he was at the doctor's, not in trouble".
    """),
    whats_next=_p("""
        The suite is interim. Anyshire's new children's sexual assault referral centre hub
        is due to open in Anytown in spring 2027, with follow-up counselling on the same site.
        Until then we report the quarterly count to the partnership so that it stays at zero.
        See the paediatric sexual assault pathway update and the child protection medicals
        procedure.
    """),
    indicators=(_ref("sexual_abuse_medicals_in_police_station"),),
    evidence=(
        "Paediatric sexual assault pathway update 2025",
        "Child protection medicals procedure 2025",
    ),
)

A12 = DemoNarrative(
    key="lac-health-and-dental",
    action_point="A12",
    title="Health assessments and dental checks for children in care",
    judgement_areas=("children_in_care",),
    targeted_and_why=_p("""
        In 2023-24 only 61% of children looked after for a year had an up-to-date health
        assessment and 58% had a dental check, both below England and our statistical
        neighbours. Initial health assessments were done within 20 working days for only 34%
        of children coming into care. Late checks meant missed immunisations, untreated
        tooth decay and mental health needs found months late. Health and the council agreed
        to fix it together.
    """),
    what_we_did=_p("""
        Social workers now send the consent form and the referral on the day a child comes
        into care, and the paediatric clinic keeps four appointments a week free for them.
        The designated nurse and the council share one tracker of every child's due dates,
        updated daily from the case record. Two community dental practices hold open slots
        for children in care, and foster carers book the first appointment at the placement
        planning meeting. A named nurse chases assessments for children placed outside
        Anytown, with a fixed fee agreed with the six trusts where most of them live.
    """),
    impact_for_children=_p("""
        In 2025-26, 89% of the 200 children looked after for a year had an up-to-date health
        assessment (178 children), up from 61%. 82% had a dental check (164 children), up
        from 58%. Initial health assessments within 20 working days rose from 34% to 78%,
        and 91% of children in care are now up to date with immunisations.

        Because assessments happen sooner, needs are found sooner: 38 children were referred
        for treatment of tooth decay in 2025-26, and 26 children were referred to the
        children in care mental health service within a month of coming into care. One young
        person told the designated nurse: "It was the first time a dentist explained things
        to me instead of just doing them."
    """),
    whats_next=_p("""
        Assessments for children placed more than 20 miles away are still the slowest (74%
        on time), so the named nurse will take on the four further trusts involved. Next we
        will look at adoption medicals and the sexual health of children in care, as the
        review suggested. See the health assessment tracker and the 2025-26 summary.
    """),
    indicators=(_ref("lac_health_assessments"), _ref("lac_dental_checks")),
    evidence=(
        "Health assessments for children in care - what changed 2025-26",
        "LAC health assessment tracker April 2026",
        "Dental checks for children in care - referral process",
    ),
)

A13 = DemoNarrative(
    key="gcse-results",
    action_point="A13",
    title="GCSE results of children in care, summer 2025",
    judgement_areas=("children_in_care",),
    targeted_and_why=_p("""
        In summer 2024 only 3 of the 21 children in care in Year 11 achieved grade 4 or above
        in English and maths, and their average Attainment 8 score was 17.9. Half of those
        young people had missed more than a tenth of school in Year 10, and results reached
        the virtual school weeks after results day, too late to change post-16 plans.
    """),
    what_we_did=_p("""
        Every child in the 2025 cohort of 24 had a mentor from the virtual school from
        September and one-to-one tuition in English and maths from January, paid for from
        pupil premium plus. Each personal education plan set a target grade and a revision
        plan agreed with the child and their carer. Designated teachers checked coursework
        deadlines monthly. Twelve young people placed outside Anytown were visited in school
        each term. Designated teachers sent every result to the virtual school on results day,
        so all 24 were collated within 48 hours.
    """),
    impact_for_children=_p("""
        In summer 2025, 7 of the 24 young people (29%) achieved grade 4 or above in English
        and maths, up from 3 of 21 (14%). The average Attainment 8 score rose from 17.9 to
        23.6, above the England average for children in care. With cohorts this small one
        young person moves the percentage by four points, so we report the counts too.

        Because results arrived on time, every young person had a post-16 place confirmed by
        September: 22 of the 24 are in education or training. One young woman who had not
        expected to pass maths is now studying for a level 3 in health and social care.
    """),
    whats_next=_p("""
        The 2026 cohort is 27 young people; 9 are on track for grade 4 in English and maths
        at the spring mocks. Results will again be collated within 48 hours of results day in
        August 2026 and this narrative refreshed that week. See the virtual school head's
        annual report and the spring 2026 personal education plan audit.
    """),
    indicators=(_ref("lac_attainment_8"), _ref("lac_english_maths_grade_4")),
    evidence=(
        "Virtual school head's annual report 2024-25",
        "Personal education plan quality audit spring 2026",
        "Pupil premium plus report 2024-25",
    ),
)

# What the review was handed instead (paragraphs 25 and 29): an account of meetings.
PROCESS_HEAVY = DemoNarrative(
    key="lac-health-meetings",
    action_point="A12",
    title="Looked after children health assessment improvement group: progress",
    judgement_areas=("children_in_care",),
    targeted_and_why=_p("""
        The improvement group was set up following a discussion at the corporate parenting
        board, which noted concerns about the timeliness of health assessments. Terms of
        reference were agreed at the first meeting in June 2025 and signed off by the board
        in July. The group is chaired by the designated nurse and meets monthly.
    """),
    what_we_did=_p("""
        The group has met nine times. Meetings were attended by health, children's social
        care, the commissioner and, at some meetings, the provider. Apologies were received
        from the placements team at four meetings. At the June meeting members discussed
        the data and noted that health and the council held different figures; it was agreed
        that a data subgroup would meet separately. The subgroup met three times and agreed a
        single definition, which was presented to the group in October and noted.

        At the November meeting the dental pathway was discussed and it was agreed to invite
        the community dental service to a future meeting. A workshop on consent was held in
        December and attended by 14 members of staff. The action log was reviewed at each
        meeting; twelve actions have been closed and five carried forward. Updates were
        presented to the corporate parenting board in September and January, and the board
        noted the progress of the group.
    """),
    impact_for_children=_p("""
        The group noted that performance had improved to 74% by March. Members agreed that
        partnership working had improved as a result of the meetings and that there was a
        shared understanding of the issues across the group.
    """),
    whats_next=_p("""
        The group will continue to meet monthly. Terms of reference will be reviewed in June
        and presented to the board for sign-off. The chair will present an update to the
        board in the autumn. See the minutes of the group's meetings.
    """),
    indicators=(),
    evidence=(
        "Looked after children health assessment improvement group minutes 12 June 2025",
        "Looked after children health assessment improvement group minutes 9 October 2025",
        "Looked after children health assessment improvement group minutes 12 March 2026",
    ),
    meant_to_pass=False,
)

DEMO_NARRATIVES: tuple[DemoNarrative, ...] = (A9, A10, A11, A12, A13, PROCESS_HEAVY)
INDICATOR_IDS_USED: frozenset[str] = frozenset(DEMO_CURRENT_VALUES)
