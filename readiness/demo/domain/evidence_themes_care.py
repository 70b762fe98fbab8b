"""Themes for children in care and care leavers (see evidence_themes for the format)."""

from __future__ import annotations

CARE_THEMES: dict[str, dict] = {
    "entry": {
        "lines": ("cic_entry_decisions",),
        "about": "decisions about children coming into care and court work",
        "intro": "Children should come into care at the right time, through well-planned "
        "decisions. This paper reviews entries to care, the use of section 20 accommodation, "
        "the public law outline and the duration of care proceedings.",
        "strengths": [
            "{pct:70-82} of children who came into care did so in a planned way rather than in "
            "an emergency.",
            "Care proceedings concluded in an average of {num:33-40} weeks, close to the 26-week "
            "expectation for simpler cases.",
            "Every section 20 arrangement lasting more than eight weeks was reviewed by a senior "
            "manager.",
            "Family group conferences were offered in {pct:75-90} of pre-proceedings cases, and "
            "{num:10-18} children were able to live safely with relatives.",
        ],
        "concerns": [
            "{num:5-9} older children came into care in an emergency after drift in child in "
            "need work.",
            "Some section 20 arrangements lacked up-to-date parental consent.",
            "Parenting assessments commissioned externally caused delay.",
        ],
        "actions": [
            "Review older children entering care in an emergency at the permanence panel.",
            "Audit section 20 consent quarterly.",
            "Build in-house parenting assessment capacity.",
        ],
        "measures": [
            ("Children starting to be looked after", 120, 170, ""),
            ("Average duration of care proceedings (weeks)", 32, 42, ""),
            ("Children in pre-proceedings", 30, 55, ""),
        ],
        "procedure": [
            "Decisions to accommodate a child are made by the head of service at the legal "
            "gateway panel, except in an emergency.",
            "Section 20 consent is recorded in writing and reviewed at every review meeting.",
            "Family and friends are explored through a family group conference before proceedings.",
        ],
        "voice": ["'My nan came to the meeting and now I live with her.' (child, 8)"],
    },
    "permanence": {
        "lines": ("cic_permanence_and_stability",),
        "about": "permanence, placement stability and sufficiency",
        "intro": "Children need stable homes close to family and school, and permanence without "
        "delay, through return home, special guardianship, adoption or long-term fostering.",
        "strengths": [
            "{pct:8-10} of children in care had three or more placements in the year, better "
            "than the statistical neighbour average.",
            "{pct:68-75} of children in care for two and a half years had lived in the same home "
            "for two years.",
            "{num:18-30} children were adopted and {num:25-40} left care through special "
            "guardianship orders.",
            "The council recruited {num:22-34} new fostering households, a net gain of {num:6-12}.",
            "{pct:70-80} of children live within 20 miles of Anytown.",
        ],
        "concerns": [
            "Sibling groups and teenagers wait longest for long-term foster homes.",
            "{num:3-6} children were placed in unregistered provision during the year, each for "
            "under six weeks.",
            "Permanence plans were not confirmed at the second review for some children.",
        ],
        "actions": [
            "Open a second council-run children's home for young people with complex needs.",
            "Launch a fostering campaign for teenagers and sibling groups.",
            "Report every use of unregistered provision to the director the same day.",
        ],
        "measures": [
            ("Children in care", 340, 420, ""),
            ("Three or more placements in the year", 7, 12, "%"),
            ("Long-term stability", 66, 76, "%"),
            ("Fostering households", 150, 190, ""),
        ],
        "procedure": [
            "A permanence plan is confirmed at the child's second review.",
            "The permanence tracking panel reviews every child without a confirmed plan monthly.",
            "Placement moves are agreed by a service manager unless in an emergency.",
        ],
        "voice": [
            "'I've been with my foster carers four years. I call it home.' (young person, 14)"
        ],
    },
    "education": {
        "lines": ("cic_health_and_education",),
        "about": "the education of children in care and the virtual school",
        "intro": "The virtual school champions the education of every child in care, wherever "
        "they live, through personal education plans, pupil premium plus and challenge to "
        "schools.",
        "strengths": [
            "{pct:88-96} of children in care had a personal education plan reviewed in the last "
            "term.",
            "Attendance of children in care was {pct:91-94}, above the national figure for "
            "children in care.",
            "There were no permanent exclusions of children in care for the {num:2-3}rd year "
            "running.",
            "{num:9-15} of the {num:26-34} year 11 children in care achieved grade 4 or above in "
            "English and mathematics.",
            "Pupil premium plus funded {num:120-190} hours of tutoring.",
        ],
        "concerns": [
            "Some personal education plan targets were generic, for example 'improve behaviour'.",
            "Suspensions of children in care in secondary schools rose slightly.",
            "Children placed out of area waited longer for a school place.",
        ],
        "actions": [
            "Quality-assure every personal education plan rated 'requires improvement' within "
            "two weeks.",
            "Work with secondary heads on alternatives to suspension.",
            "Agree a 20-day school place protocol with neighbouring authorities.",
        ],
        "measures": [
            ("Personal education plans completed on time", 86, 97, "%"),
            ("Attendance of children in care", 90, 95, "%"),
            ("Suspensions (children)", 20, 40, ""),
        ],
        "procedure": [
            "Each child in care has a personal education plan, reviewed each term with the "
            "designated teacher, social worker and child.",
            "Pupil premium plus is allocated against specific targets in the plan.",
            "The virtual school is told of every proposed suspension.",
        ],
        "voice": [
            "'My PEP meeting actually asked what I wanted to do, which is be a vet.' (young "
            "person, 13)"
        ],
    },
    "lac_health": {
        "lines": ("cic_health_and_education",),
        "about": "the health of children in care: health assessments, dental checks "
        "and emotional wellbeing",
        "intro": "Children in care should have an initial health assessment within 20 working "
        "days of coming into care and review health assessments every six or twelve months, "
        "with dental checks, immunisations and help for their emotional health.",
        "strengths": [
            "{pct:78-86} of initial health assessments were completed within 20 working days in "
            "the last quarter.",
            "{pct:88-93} of review health assessments were on time.",
            "{pct:76-84} of children in care for 12 months had a dental check.",
            "Strengths and difficulties questionnaires were completed for {pct:80-90} of "
            "eligible children.",
        ],
        "concerns": [
            "Notifications of children coming into care did not always reach the health team "
            "within five working days.",
            "Children placed out of area waited longer for assessments.",
            "Waits for the children in care emotional wellbeing service reached {num:10-16} weeks.",
        ],
        "actions": [
            "Send notification and consent to the health team within two working days of a child "
            "coming into care.",
            "Agree reciprocal arrangements for out of area assessments.",
            "Offer urgent appointments with community dental services.",
        ],
        "measures": [
            ("Initial health assessments within 20 working days", 40, 86, "%"),
            ("Review health assessments on time", 70, 93, "%"),
            ("Dental checks", 55, 84, "%"),
        ],
        "procedure": [
            "Children's social care notifies the health team within two working days of a child "
            "coming into care, with consent signed.",
            "The initial health assessment is completed by a paediatrician within 20 working days.",
            "Review health assessments are completed by the looked after children's nurses every "
            "six months for under fives and annually for older children.",
        ],
        "voice": ["'The nurse came to my school so I didn't miss football.' (young person, 12)"],
    },
    "voice": {
        "lines": ("cic_voice_and_reviews",),
        "about": "children's voices, reviews, independent reviewing officers and family time",
        "intro": "Children in care should know why they are in care, shape their plans and "
        "have independent reviewing officers who challenge drift.",
        "strengths": [
            "{pct:90-97} of reviews were held on time and {pct:85-94} of children took part.",
            "Independent reviewing officers raised {num:60-110} practice alerts, {pct:80-92} "
            "resolved at the first stage.",
            "{pct:60-75} of children had life story work under way or completed.",
            "The children in care council met {num:9-12} times and presented to the corporate "
            "parenting panel twice.",
            "{num:25-40} children were matched with an independent visitor.",
        ],
        "concerns": [
            "Some children's views were recorded but did not visibly shape their plans.",
            "IRO caseloads rose to {num:72-80}, above the expected range.",
            "Family time arrangements were not always reviewed when children's wishes changed.",
        ],
        "actions": [
            "Recruit an additional independent reviewing officer.",
            "Write review records as letters to the child.",
            "Offer life story work to every child with a plan for adoption or long-term fostering.",
        ],
        "measures": [
            ("Reviews held on time", 88, 98, "%"),
            ("Children participating in reviews", 84, 96, "%"),
            ("IRO practice alerts", 55, 115, ""),
        ],
        "procedure": [
            "Independent reviewing officers meet the child before each review.",
            "Concerns about drift are raised through the practice alert process and escalated to "
            "the head of service after ten working days.",
        ],
        "voice": ["'My IRO wrote my review to me as a letter. I kept it.' (young person, 11)"],
    },
}

CARE_THEMES.update(
    {
        "cl_pathway": {
            "lines": ("cl_pathway_and_advisers",),
            "about": "care leavers' personal advisers and pathway plans",
            "intro": "Care leavers should have a personal adviser they trust and a pathway plan "
            "they helped to write, up to the age of 25.",
            "strengths": [
                "The service is in touch with {pct:93-98} of care leavers aged 19 to 21.",
                "{pct:85-93} of pathway plans were updated in the last six months.",
                "Personal advisers are introduced at 16, and {pct:70-80} of young people have "
                "kept the same adviser for two years.",
                "Average personal adviser caseloads are {num:20-24}.",
            ],
            "concerns": [
                "Some pathway plans repeated the previous plan without new goals.",
                "Young people aged 21 to 25 were less aware that they could return for support.",
            ],
            "actions": [
                "Co-produce a new pathway plan with the care leavers forum.",
                "Write to every 21 year old about the offer up to 25.",
            ],
            "measures": [
                ("Care leavers in touch (19-21)", 92, 99, "%"),
                ("Pathway plans up to date", 84, 94, "%"),
                ("Personal adviser caseload", 19, 25, ""),
            ],
            "procedure": [
                "A personal adviser is allocated at 16 and meets the young person with the "
                "social worker.",
                "The pathway plan is reviewed at least every six months and written with the "
                "young person.",
            ],
            "voice": ["'My PA is the one person who has always been there.' (care leaver, 20)"],
        },
        "cl_accommodation": {
            "lines": ("cl_accommodation",),
            "about": "care leavers' homes, staying put and staying close",
            "intro": "Care leavers should live in safe, suitable homes they have chosen, with "
            "staying put and staying close available and no use of bed and breakfast.",
            "strengths": [
                "{pct:88-94} of care leavers aged 19 to 21 were in suitable accommodation.",
                "{num:25-40} young people stayed put with their former foster carers after 18.",
                "No care leaver was placed in bed and breakfast accommodation this year.",
                "The joint housing protocol gives care leavers priority banding and a named "
                "housing officer.",
            ],
            "concerns": [
                "Care leavers leaving custody sometimes had no confirmed address on release.",
                "The waiting time for a social tenancy is rising.",
            ],
            "actions": [
                "Agree release planning with probation and the youth justice service 12 weeks "
                "before release.",
                "Commission six staying close places.",
            ],
            "measures": [
                ("Care leavers in suitable accommodation (19-21)", 86, 95, "%"),
                ("Staying put arrangements", 22, 42, ""),
                ("Care leavers in bed and breakfast", 0, 0, ""),
            ],
            "procedure": [
                "Housing and the leaving care service plan each young person's move at least six "
                "months before their 18th birthday.",
                "Staying put is discussed at the 16-plus review for every young person in foster "
                "care.",
            ],
            "voice": [
                "'Staying put meant I could do my A levels without moving.' (care leaver, 19)"
            ],
        },
        "cl_eet": {
            "lines": ("cl_education_and_work",),
            "about": "care leavers' education, employment and training",
            "intro": "Care leavers should be helped into education, employment or training that "
            "matches their ambitions, including apprenticeships and university.",
            "strengths": [
                "{pct:56-64} of care leavers aged 19 to 21 were in education, employment or "
                "training.",
                "{num:12-20} care leavers started council apprenticeships with a guaranteed "
                "interview.",
                "{num:14-22} care leavers are at university, each with a bursary and a named "
                "contact.",
            ],
            "concerns": [
                "Care leavers who are young parents are least likely to be in education or work.",
                "Some apprenticeships ended early without a plan for what next.",
            ],
            "actions": [
                "Offer a care leavers' employment coach with local employers.",
                "Add a six-week check-in for every apprentice.",
            ],
            "measures": [
                ("Care leavers in education, employment or training (19-21)", 54, 66, "%"),
                ("Apprenticeships started", 10, 22, ""),
            ],
            "procedure": [
                "Every care leaver not in education, employment or training has a personal plan "
                "with the employment coach.",
            ],
            "voice": [
                "'The apprenticeship at the council gave me my first proper job.' (care leaver, 18)"
            ],
        },
        "cl_health": {
            "lines": ("cl_health_and_entitlements",),
            "about": "care leavers' health, wellbeing and entitlements",
            "intro": "Care leavers should have their health history, easy access to mental "
            "health support, and know and receive their entitlements through the local offer.",
            "strengths": [
                "{pct:82-92} of care leavers received a health summary at 18.",
                "The local offer was rewritten with the care leavers forum and is on the council "
                "website and in a phone app.",
                "{num:140-190} care leavers are exempt from council tax.",
                "{pct:70-82} of care leavers surveyed said they knew their entitlements.",
            ],
            "concerns": [
                "Waits for adult mental health support remain long for care leavers over 18.",
                "Some young people did not know they could get help with a driving licence.",
            ],
            "actions": [
                "Agree a fast-track route to adult mental health support for care leavers.",
                "Send every care leaver the local offer on their birthday each year.",
            ],
            "measures": [
                ("Health summaries given at 18", 80, 93, "%"),
                ("Care leavers who know their entitlements", 68, 84, "%"),
            ],
            "procedure": [
                "The looked after children's nurse prepares a health summary for each young "
                "person before their 18th birthday.",
            ],
            "voice": [
                "'I didn't know I had a right to my health history until my PA told me.' (care "
                "leaver, 21)"
            ],
        },
        "safety_care": {
            "lines": ("cic_safety_in_care",),
            "about": "the safety of children in care",
            "intro": "Children in care should be safe where they live, with carers and "
            "professionals acting together on risks such as exploitation and going missing.",
            "strengths": [
                "Every child in care with an exploitation risk has a current safety plan "
                "reviewed at the complex safeguarding panel.",
                "Police and children's homes follow a joint protocol that reduced police "
                "call-outs to homes by {pct:20-35}.",
                "Cautions and charges of children in care fell by {pct:20-40} after the reducing "
                "criminalisation protocol.",
            ],
            "concerns": [
                "Some carers were unsure when to report a child missing rather than absent.",
                "Risk assessments for children placed out of area were not always shared with "
                "the host police force.",
            ],
            "actions": [
                "Train foster carers in the missing and absent definitions.",
                "Notify the host police force of every child placed with an exploitation risk.",
            ],
            "measures": [
                ("Children in care missing at least once", 40, 70, ""),
                ("Police call-outs to children's homes", 80, 150, ""),
            ],
            "procedure": [
                "Children's home managers agree a missing plan for each child with the police.",
                "Incidents in homes are managed without police involvement where it is safe to "
                "do so.",
            ],
            "voice": [
                "'Staff talked to me instead of ringing the police every time.' (young person, 15)"
            ],
        },
    }
)
