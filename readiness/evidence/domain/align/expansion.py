"""Hand-written domain vocabulary that widens a framework's own words (query expansion).

A framework says "care leavers"; the evidence says "pathway plan", "personal adviser",
"staying put". These lists were written from knowledge of children's social care practice,
not learned from the inspection reports, so the zero-shot aligner still uses no labelled
text. A concept is triggered when one of its phrases occurs in a judgement's title or
summary (or a line's question) and adds its vocabulary to that judgement's (or line's)
query; frameworks other than ILACS (SLAC, JTAI, a council's own) trigger the same concepts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Concept:
    triggers: tuple[str, ...]  # lower-case phrases looked for in a title, summary or question
    vocabulary: str


CONCEPTS: tuple[Concept, ...] = (
    Concept(
        ("care leaver", "leaving care", "leave care", "care-experienced", "care experienced"),
        "care leavers young people leaving care care-experienced young adults aged 18 to 25 "
        "18 21 25 pathway plan pathway plans personal adviser personal advisers PA "
        "staying put staying close supported lodgings semi-independent independent living "
        "suitable accommodation unsuitable accommodation bed and breakfast homelessness housing "
        "tenancy rent council tax exemption local offer leaving care grant setting up home "
        "education employment training NEET in education employment or training university "
        "higher education apprenticeships ring-fenced apprenticeship jobs bursary "
        "independence skills budgeting health passport health history custody "
        "young parents care leavers forum keeping in touch over 18 over 21 transition to "
        "adult services adult social care entitlements",
    ),
    Concept(
        ("children in care", "looked after", "child in care", "children looked after"),
        "children in care looked after children placement placements foster carers fostering "
        "foster care residential children's homes kinship carers connected carers "
        "placement stability placement moves placement sufficiency matching permanence "
        "permanence planning long-term fostering adoption special guardianship order "
        "reunification return home care proceedings public law outline pre-proceedings "
        "court section 20 entry to care independent reviewing officer IRO IROs review "
        "care plan care plans statutory visits life story work later life letters "
        "virtual school personal education plan PEP PEPs attainment school attendance "
        "designated teacher health assessments initial health assessment dental "
        "strengths and difficulties questionnaire emotional wellbeing CAMHS "
        "unaccompanied asylum-seeking children brothers and sisters sibling family time "
        "contact with family children in care council corporate parents missing from care "
        "distance from home out of area unregistered children's home deprivation of liberty",
    ),
    Concept(
        ("help and protection", "protect", "safeguard", "safe", "at risk", "need help"),
        "children who need help and protection front door MASH multi-agency safeguarding hub "
        "contacts referrals threshold thresholds consent early help family help "
        "step up step down children in need child in need plans child protection "
        "child protection plan child protection plans initial child protection conference "
        "core group strategy meeting strategy discussion section 47 enquiries section 17 "
        "assessment assessments timeliness risk significant harm neglect domestic abuse "
        "parental mental health substance misuse contextual safeguarding exploitation "
        "child sexual exploitation criminal exploitation county lines missing children "
        "return home interviews LADO allegations against professionals out of hours "
        "emergency duty team police health schools disabled children private fostering "
        "homeless 16 and 17 year olds elective home education children missing education "
        "pre-birth unborn babies visits seen alone direct work chronology",
    ),
    Concept(
        ("leader", "leadership", "management", "manager", "governance", "corporate"),
        "leaders senior leaders director of children's services DCS chief executive "
        "lead member elected members councillors political leaders corporate parenting "
        "corporate parenting board scrutiny governance strategic partnerships "
        "safeguarding partnership self-evaluation self-assessment quality assurance "
        "quality assurance framework audit audits case file audits moderation "
        "performance management performance data performance information scorecard "
        "workforce recruitment retention social workers caseloads agency staff turnover "
        "vacancies supervision management oversight training development "
        "practice model learning culture improvement plan improvement board resources "
        "budget financial investment commissioning sufficiency strategy complaints "
        "Ofsted recommendations previous inspection monitoring visits focused visit "
        "morale staff survey ASYE newly qualified social workers academy",
    ),
    Concept(
        ("health",),
        "health GP general practitioner school nurses health visitors paediatrician "
        "emergency department hospital midwifery CAMHS mental health designated doctor "
        "designated nurse initial health assessment review health assessment "
        "immunisation dental checks",
    ),
    Concept(
        ("feel safe", "views", "voice", "engagement", "participation"),
        "children's views voice of the child wishes and feelings participation "
        "children in care council youth council advocacy independent visitors surveys "
        "consultation feedback you said we did",
    ),
    Concept(
        ("education", "learn", "school", "achieve", "attainment"),
        "education school attendance exclusions attainment progress virtual school "
        "personal education plans pupil premium designated teachers special educational "
        "needs EHCP tuition further education college",
    ),
)


def expand(*texts: str) -> str:
    """Vocabulary of every concept whose trigger occurs in `texts`, joined by spaces."""
    joined = " ".join(texts).lower()
    return " ".join(c.vocabulary for c in CONCEPTS if any(t in joined for t in c.triggers))
