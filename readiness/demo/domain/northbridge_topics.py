"""What Northbridge's documents say, topic by topic, in the voice of a 2010-11 partnership:
what was done, what changed for children (with figures), what still worries people, and the
measures a table can show. Every figure, team and place is invented.

A topic names the SLAC lines of enquiry it speaks to; a document drawing on topics speaks to
theirs. No topic says anything about early help or preventive services: that is the planted
gap (see northbridge_cast.GAP_WORDS, checked by the generator).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    about: str
    lines: tuple[str, ...]
    did: tuple[str, ...]
    result: tuple[str, ...]
    worry: tuple[str, ...]
    # (measure, 2009-10, 2010-11, unit): unit "%" or "" (a count)
    measures: tuple[tuple[str, float, float, str], ...] = ()


def _t(about, lines, did, result, worry, measures=()) -> Topic:
    return Topic(about, tuple(lines), tuple(did), tuple(result), tuple(worry), tuple(measures))


TOPICS: dict[str, Topic] = {
    "identification": _t(
        "recognising children at risk and referring them",
        ["sg_safe_identification"],
        [
            "The written criteria for referral to children's social care were reissued in 2010 "
            "with worked examples for each agency.",
            "Police officers now complete a structured referral form that records what the "
            "child was doing and saying, not only the adults' account.",
        ],
        [
            "A sample of 60 police referrals found 52 (87%) gave enough information for a "
            "decision on the day of receipt, up from 61% in the 2009 sample.",
            "Partners told the review that thresholds for children at risk are understood "
            "across agencies down to the front line.",
        ],
        [
            "Thresholds for children in need who are not at risk are less well understood, "
            "and some referrals from schools still arrive without the parents' knowledge.",
        ],
        [("Referrals with enough information to decide", 61, 87, "%")],
    ),
    "protection": _t(
        "child protection enquiries and plans",
        ["sg_safe_protection"],
        [
            "Strategy discussions are held by telephone within a day where a child may be at "
            "immediate risk, with police, social care and health taking part.",
            "Core groups now meet every four weeks and the conference chair checks the plan "
            "at its first review.",
        ],
        [
            "Children who became subject to a plan for a second time fell from 17% to 11% over "
            "the year.",
            "Plans lasting two years or more were 4% at the end of March 2011, below the "
            "comparator average.",
        ],
        ["Reports from some agencies still reach conference late or not at all."],
        [
            ("Second or later child protection plans", 17, 11, "%"),
            ("Plans lasting two years or more", 7, 4, "%"),
        ],
    ),
    "wider_risks": _t(
        "children who go missing, sexual exploitation, domestic abuse and private fostering",
        ["sg_safe_wider_risks"],
        [
            "Every domestic abuse incident attended by police where a child lives in the "
            "household is notified to children's social care within 24 hours.",
            "A return interview is offered to every child reported missing from home three "
            "times in a rolling year.",
            "A sexual exploitation problem profile was drawn up with the voluntary sector "
            "from police intelligence and school referrals.",
        ],
        [
            "Repeat missing episodes for the 40 children most often reported fell by a third "
            "between the first and last quarters of the year.",
            "Notified private fostering arrangements rose from 3 to 14 after a publicity "
            "campaign in schools and surgeries.",
        ],
        ["Return interviews are not always recorded on the child's file."],
        [("Children with three or more missing episodes", 58, 39, "")],
    ),
    "feel_safe": _t(
        "whether children feel safe",
        ["sg_feel_views"],
        [
            "A survey of pupils in Years 6, 8 and 10 asked whether they feel safe at school, "
            "going to school and in their neighbourhood.",
            "Focus groups with children subject to a plan were run by the participation team.",
        ],
        [
            "84% of pupils said they feel safe in their local area, up from 79%.",
            "Children on plans said they knew who their social worker was and how to reach "
            "them; most said things at home had got better.",
        ],
        ["Older teenagers in two wards feel less safe after dark than others in the town."],
        [("Pupils who feel safe in their local area", 79, 84, "%")],
    ),
    "bullying": _t(
        "bullying, including bullying online, and community safety",
        ["sg_feel_bullying"],
        [
            "Police community support officers run safer schools sessions on bullying online "
            "in every secondary school.",
            "Schools record incidents of bullying on a common form and report them each term.",
        ],
        [
            "Pupils who said they had been bullied in the last four weeks fell from 27% to 21%.",
            "Reports of anti-social behaviour near schools fell by 18% in the year.",
        ],
        ["Bullying of disabled pupils is reported less often than it happens."],
        [("Pupils bullied in the last four weeks", 27, 21, "%")],
    ),
    "cse_exams": _t(
        "medical examinations of children who may have been sexually abused",
        ["sg_health_arrangements"],
        [
            "Examinations were moved out of the police station to a paediatric suite at "
            "Northbridge General Hospital in September 2010.",
            "A rota of paediatricians trained in forensic examination covers weekdays; "
            "out-of-hours cover comes from the neighbouring trust under an agreement.",
        ],
        [
            "No child has been examined in a police station since 6 September 2010; all 23 "
            "examinations since then took place in the suite.",
            "Children were seen within four hours of the request in 20 of the 23 cases.",
        ],
        ["Longer-term arrangements for a sexual assault referral centre are not agreed yet."],
        [("Examinations held in the police station", 11, 0, "")],
    ),
    "health_practice": _t(
        "how health staff recognise and act on safeguarding concerns",
        ["sg_health_practice"],
        [
            "The designated GP has visited every practice and set up a named safeguarding "
            "lead in each.",
            "The emergency department checks every child's attendance against the child "
            "protection register and flags frequent attenders to the health visitor.",
        ],
        [
            "GP attendance at child protection training rose to 41 of 46 practices.",
            "GP reports to initial conferences rose from 22% to 58% of conferences.",
        ],
        ["Some practices still do not send reports to conference in time."],
        [("GP reports to initial conferences", 22, 58, "%")],
    ),
    "quality_overall": _t(
        "the quality of practice across the child's journey, tested by case file audit",
        ["sg_qop_overall", "lac_qop_overall"],
        [
            "Six multi-agency case file audits were held in the year, each on 8 to 10 cases "
            "chosen at random, with police, health, schools and social care auditing together.",
            "Each audit ends with an action plan owned by the LSCB's quality sub-group.",
        ],
        [
            "Cases judged good or better rose from 38% in the first audit to 61% in the last.",
            "Health visitors now attend strategy meetings as a matter of course after the "
            "November audit found they were often left out.",
        ],
        ["Plans for children in need are still the weakest part of the files audited."],
        [("Audited cases judged good or better", 38, 61, "%")],
    ),
    "consistency": _t(
        "whether practice is as good in every team and for every child",
        ["sg_qop_consistency", "lac_qop_consistency"],
        [
            "The disabled children's team was reviewed against the same audit standards as "
            "the other teams.",
            "Children placed outside Northbridge are visited at the same intervals as those "
            "placed locally.",
        ],
        [
            "Statutory visits to children placed out of area were on time in 91% of cases, "
            "the same as for children placed locally.",
        ],
        ["The out-of-hours team's records are not yet audited with the daytime teams'."],
        [("Visits on time, children placed out of area", 78, 91, "%")],
    ),
    "assessment": _t(
        "assessments",
        ["sg_assess_quality"],
        [
            "Managers sign off every core assessment with a written analysis of risk.",
            "Joint assessment visits by social workers and health visitors are arranged for "
            "babies and children under two.",
        ],
        [
            "Core assessments completed within 35 working days rose from 64% to 79%.",
            "Children were seen alone in 88% of the core assessments audited in March 2011.",
        ],
        ["The analysis in assessments is often descriptive rather than explaining risk."],
        [("Core assessments within 35 working days", 64, 79, "%")],
    ),
    "direct_work": _t(
        "direct work with children and parents",
        ["sg_assess_direct_work", "lac_assess_direct_work"],
        [
            "Social workers have a toolkit of direct work materials and a monthly session "
            "with the principal practitioner.",
            "Life story books are started for every child with a plan for adoption.",
        ],
        [
            "Life story work had begun for 19 of 21 children placed for adoption in the year.",
        ],
        ["Direct work is recorded inconsistently and is hard to find on files."],
        [("Children placed for adoption with life story work begun", 55, 90, "%")],
    ),
    "plans": _t(
        "child protection and child in need plans",
        ["sg_plan_quality"],
        [
            "Plans are now written with the family using a template that names who will do "
            "what by when.",
            "Core groups review progress against each outcome and record it on the plan.",
        ],
        ["Review conferences held on time were 98% in 2010-11."],
        ["Child in need plans lack measurable outcomes and are not always reviewed."],
        [("Child protection reviews held on time", 94, 98, "%")],
    ),
    "recording": _t(
        "records and management oversight",
        ["sg_plan_recording"],
        [
            "Team managers record a supervision decision on every case at least monthly.",
            "A recording standard was issued with the new case management system.",
        ],
        [
            "Cases with management oversight recorded in the last month rose from 57% to 83% "
            "in the audit of March 2011.",
        ],
        ["A backlog of case notes built up during the change of system in the autumn."],
        [("Cases with management oversight recorded", 57, 83, "%")],
    ),
}
