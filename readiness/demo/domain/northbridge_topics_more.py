"""Northbridge's topics, continued: leadership, partnership and looked after children.

Invented figures throughout; nothing on early help or preventive services (the planted gap).
"""

from __future__ import annotations

from readiness.demo.domain.northbridge_topics import Topic, _t

MORE_TOPICS: dict[str, Topic] = {
    "leadership": _t(
        "how leaders steer safeguarding and learn from serious case reviews",
        ["sg_lm_overall", "sg_lm_resources_learning"],
        [
            "The serious case review into the death of Child F was completed in 2010; its "
            "action plan is reviewed at every LSCB meeting.",
            "Learning from the review was taken to 14 briefings for front-line staff across "
            "agencies.",
        ],
        [
            "All 22 actions from the Child F review are complete; an audit in April 2011 found "
            "pre-birth assessments now start by 20 weeks of pregnancy in 9 of 10 cases.",
        ],
        ["Learning is not yet shared routinely with schools and GP practices."],
        [("Pre-birth assessments started by 20 weeks", 40, 90, "%")],
    ),
    "priorities": _t(
        "the partnership's priorities and targets for safeguarding",
        ["sg_ambition_priorities", "sg_ambition_targets"],
        [
            "The Children's Trust board agreed five shared priorities for 2011-14, each with "
            "a lead officer and a small number of outcome targets.",
            "Safeguarding budgets were protected in the council's savings programme for 2011-12.",
        ],
        ["Four of the six targets set for 2010-11 were met."],
        ["Targets for some priorities still count activity rather than outcomes."],
        [("Shared targets met", 50, 67, "%")],
    ),
    "qa": _t(
        "performance management and quality assurance",
        ["sg_eval_quality_assurance", "lac_eval_quality_assurance"],
        [
            "A monthly performance meeting chaired by the Assistant Director looks at data by "
            "team alongside the findings of audits.",
            "Team managers audit two cases each a month against a common standard.",
        ],
        [
            "The quality assurance framework has run for a full year; audit findings have led "
            "to changes in supervision, assessment templates and the conference format.",
        ],
        ["The data on looked after children's health checks were unreliable for months."],
        [("Monthly case audits completed", 62, 94, "%")],
    ),
    "workforce": _t(
        "a stable, trained and well supervised workforce",
        ["sg_eval_workforce", "lac_eval_workforce"],
        [
            "The LSCB's multi-agency training programme ran 48 courses in 2010-11, free of "
            "charge to voluntary and community groups.",
            "Newly qualified social workers have protected caseloads and weekly supervision "
            "for their first six months.",
        ],
        [
            "Social work vacancies fell from 14% to 6% and average caseloads from 22 to 17.",
            "1,214 staff from all agencies attended multi-agency safeguarding training.",
        ],
        ["Attendance by schools and GP practices is lower than by other agencies."],
        [("Social work vacancy rate", 14, 6, "%"), ("Average caseload", 22, 17, "")],
    ),
    "user_voice": _t(
        "how children and families shape services and their own plans",
        ["sg_user_influence", "sg_user_individual"],
        [
            "Parents are offered an advocate for child protection conferences and a leaflet "
            "written with parents who have been through the process.",
            "Young people sit on the interview panels for social work managers.",
        ],
        [
            "Children aged 10 or over contributed to 71% of conferences, up from 48%.",
            "Parents' feedback led to conferences starting with the family's own account.",
        ],
        ["Younger children's views are rarely recorded in their own words."],
        [("Children aged 10+ contributing to conference", 48, 71, "%")],
    ),
    "partnership": _t(
        "partnership working, strategic and at the front line",
        ["sg_partner_strategic", "sg_partner_frontline"],
        [
            "Safeguarding champions are in place in most agencies and meet each term.",
            "Strategy meetings are convened quickly and held wherever suits the child.",
        ],
        [
            "LSCB attendance by partner agencies was 86% over the year; police attendance rose "
            "after a named officer was appointed in January 2011.",
            "Joint visits by social workers and health visitors rose to 140 in the year.",
        ],
        ["Schools are not yet fully engaged in the LSCB's work."],
        [("LSCB attendance by partner agencies", 74, 86, "%")],
    ),
    "equality": _t(
        "equality and diversity in safeguarding and in care",
        ["sg_equality_access", "sg_equality_practice", "lac_equality_identity"],
        [
            "Interpreters are booked for every conference where a parent's first language is "
            "not English.",
            "Care plans record each child's religion, culture and language and how they are "
            "met in placement.",
        ],
        [
            "Children from minority communities are now referred in proportion to their share "
            "of the child population (19% of referrals, 20% of children).",
        ],
        ["Disabled children are under-represented among children on plans."],
        [("Care plans recording identity needs", 66, 92, "%")],
    ),
    "uasc": _t(
        "unaccompanied children seeking asylum and disabled children in care",
        ["lac_equality_groups"],
        [
            "Unaccompanied young people are placed with carers who speak their language where "
            "possible and get an age-appropriate health assessment on arrival.",
        ],
        [
            "All 9 unaccompanied young people are in education; 7 passed English language "
            "examinations in 2011.",
        ],
        ["Disabled children in care wait longer for a permanent placement."],
    ),
    "vfm": _t(
        "what services cost and what they achieve",
        ["sg_vfm_spend", "sg_vfm_commissioning", "lac_vfm_placements"],
        [
            "Unit costs of placements are compared each quarter with comparator councils.",
            "Health and the council jointly commission the looked after children's health "
            "team and child and adolescent mental health services under a section 75 agreement.",
        ],
        [
            "The average weekly cost of an external residential placement fell from £3,140 to "
            "£2,860 after a regional framework contract.",
            "Spend on agency social workers fell by £410,000.",
        ],
        ["External placement spend remains above budget."],
        [("Weekly cost of external residential placement (£)", 3140, 2860, "")],
    ),
    "complaints": _t(
        "complaints and representations",
        ["sg_resp_complaints", "lac_resp_complaints"],
        [
            "Every complaint is acknowledged within three working days and young people in "
            "care are offered an advocate to help them complain.",
        ],
        [
            "Stage one complaints answered within 10 working days rose from 58% to 83%.",
            "Looked after children made 17 complaints; 12 led to a change, mostly about contact "
            "arrangements and pocket money.",
        ],
        ["Learning from complaints is not reported to the LSCB."],
        [("Stage one complaints answered within 10 working days", 58, 83, "%")],
    ),
    "self_assessment": _t(
        "the partnership's own view of its safeguarding",
        ["sg_oe_impact", "sg_oe_known_weaknesses", "sg_cfi_track_record", "sg_cfi_resources"],
        [
            "The self-assessment was written by the partnership against the evaluation "
            "schedule and tested at a challenge session with the LSCB chair.",
            "Leadership has been stable since the council took over children's services and "
            "the medium-term financial plan protects front-line safeguarding.",
        ],
        [
            "The unannounced inspection of contact, referral and assessment in May 2011 found "
            "no areas for priority action, as in 2010.",
        ],
        [
            "Our weakest areas are plans for children in need, the timeliness of looked after "
            "children's health checks and the engagement of schools.",
        ],
    ),
    "lac_overview": _t(
        "how well looked after children are doing and the council as corporate parent",
        [
            "lac_oe_impact",
            "lac_oe_corporate_parent",
            "lac_cfi_track_record",
            "lac_cfi_sufficiency",
        ],
        [
            "Councillors on the Corporate Parenting Panel visit children's homes and meet the "
            "children in care council every term.",
            "A placement sufficiency plan for 2011-14 sets out how many foster carers are "
            "needed and of what kind.",
        ],
        [
            "Placement stability has improved for three years running, and more children in "
            "care are in education, employment or training at 16 than in 2008.",
        ],
        ["Health outcomes are the main risk to our looked after children's services."],
    ),
    "placements": _t(
        "placements: safety, stability and choice",
        ["lac_safe_placements", "lac_resp_entry", "lac_partner_providers"],
        [
            "Foster carer recruitment targets teenagers and sibling groups; 21 new carers were "
            "approved in 2010-11.",
            "Providers of external placements are visited by the commissioning team each year.",
        ],
        [
            "Children with three or more placements in the year fell from 13% to 9%.",
            "Children in the same placement for two years or more rose from 64% to 71%.",
        ],
        ["Too few local placements for teenagers with complex needs."],
        [
            ("Three or more placements in the year", 13, 9, "%"),
            ("Same placement for two years or more", 64, 71, "%"),
        ],
    ),
    "lac_missing": _t(
        "looked after children who go missing or are at risk of exploitation",
        ["lac_safe_missing"],
        [
            "Carers and homes report a looked after child missing to police after an agreed "
            "period set out in each child's placement plan.",
            "A multi-agency meeting reviews every child missing three or more times in a month.",
        ],
        ["Missing episodes from the council's children's homes halved over the year."],
        ["Children placed here by other councils are not always notified to us."],
        [("Missing episodes from council children's homes", 96, 47, "")],
    ),
    "attainment": _t(
        "the education of looked after children",
        ["lac_edu_attainment"],
        [
            "The virtual school tracks every child's attendance and progress each half-term.",
            "Year 11 pupils have a revision plan agreed with their designated teacher.",
        ],
        [
            "Of the 22 looked after young people in Year 11, between 4 and 6 are expected to "
            "gain five good GCSEs; in 2010, 3 did.",
            "Persistent absence of looked after pupils fell from 12% to 7%.",
        ],
        ["Attainment at Key Stage 2 is still well below that of other pupils."],
        [("Persistent absence, looked after pupils", 12, 7, "%")],
    ),
    "pep": _t(
        "personal education plans, the virtual school and designated teachers",
        ["lac_edu_support"],
        [
            "Every school has a designated teacher for looked after children, trained by the "
            "virtual school.",
            "Personal education plans are quality-checked by the virtual school each term.",
        ],
        ["Personal education plans rated good rose from 35% to 68%."],
        ["Schools outside Northbridge return plans late."],
        [("Personal education plans rated good", 35, 68, "%")],
    ),
    "leisure": _t(
        "leisure, culture and sport for looked after children",
        ["lac_edu_enjoyment"],
        [
            "Every looked after child has a free leisure pass for the council's pools, gyms "
            "and the Wellmere arts centre.",
        ],
        ["Pass holders used their passes 3,460 times in 2010-11, up from 2,100."],
        ["Take-up is low among children placed out of area."],
        [("Leisure pass visits", 2100, 3460, "")],
    ),
    "cic_council": _t(
        "the voice of children in care",
        ["lac_contrib_voice", "lac_user_influence", "lac_user_individual"],
        [
            "The children in care council meets monthly and reports to the Corporate "
            "Parenting Panel twice a year.",
            "Independent reviewing officers meet children before their review to agree who "
            "attends and what is discussed.",
        ],
        [
            "Children participating in their reviews rose from 82% to 94%.",
            "The children in care council rewrote the pledge and changed the contact centre's "
            "opening hours.",
        ],
        ["Few disabled children take part in the children in care council."],
        [("Children participating in their reviews", 82, 94, "%")],
    ),
    "offending": _t(
        "looked after young people and offending",
        ["lac_contrib_offending"],
        [
            "Police and children's homes agreed a protocol to avoid charging young people for "
            "minor damage in their own home.",
            "The youth offending service and probation share information on young people in "
            "care moving into adult services.",
        ],
        ["Looked after young people cautioned or convicted fell from 11% to 7%."],
        ["Young people placed here by other councils are over-represented."],
        [("Looked after young people cautioned or convicted", 11, 7, "%")],
    ),
    "care_leavers": _t(
        "care leavers' pathway plans, accommodation and employment",
        ["lac_econ_pathways", "lac_econ_eet_accommodation"],
        [
            "Every care leaver has a personal adviser from age 16 and a pathway plan reviewed "
            "every six months.",
        ],
        [
            "Care leavers at 19 in suitable accommodation rose from 86% to 93%.",
            "Care leavers at 19 in education, employment or training were 54%, below the "
            "comparator average of 61%.",
        ],
        ["Too few apprenticeships are offered by the council and its partners."],
        [
            ("Care leavers in suitable accommodation at 19", 86, 93, "%"),
            ("Care leavers in education, employment or training at 19", 51, 54, "%"),
        ],
    ),
    "lac_needs": _t(
        "assessing the needs of looked after children",
        ["lac_assess_needs"],
        [
            "Care plans are updated after every review and include contact with brothers, "
            "sisters and grandparents.",
        ],
        ["Audits found identity needs assessed well in 8 of 10 files."],
        ["Assessments are not always updated when a child moves placement."],
    ),
    "permanence": _t(
        "permanence, adoption and reviews",
        ["lac_plan_permanence", "lac_plan_reviews"],
        [
            "A permanence planning meeting is held by the second review for every child.",
            "Independent reviewing officers raise concerns about drift through a written "
            "escalation process.",
        ],
        [
            "Children adopted within 12 months of the decision rose from 62% to 76%.",
            "Reviews held on time were 96%; IROs escalated 31 cases, all resolved.",
        ],
        ["Some plans are not updated after reviews."],
        [("Adopted within 12 months of the decision", 62, 76, "%")],
    ),
    "lac_leadership": _t(
        "leadership, ambition and targets for looked after children",
        [
            "lac_lm_overall",
            "lac_lm_learning",
            "lac_ambition_pledge",
            "lac_ambition_targets",
        ],
        [
            "The pledge to children in care was agreed by the council, the PCT and police.",
            "The Corporate Parenting Panel receives the IRO report and the children in care "
            "council's feedback each year.",
        ],
        ["Five of seven corporate parenting targets for 2010-11 were met."],
        ["Health partners have not yet signed up to targets for health checks."],
    ),
    "lac_partners": _t(
        "how partners share responsibility for looked after children",
        ["lac_partner_joint"],
        [
            "Health, education, housing and social care managers meet monthly on looked after "
            "children and care leavers.",
        ],
        ["Housing now reserves 12 tenancies a year for care leavers."],
        ["Ownership of attainment is not yet shared by every school."],
    ),
    "lac_emotional": _t(
        "the emotional, mental and sexual health of looked after children",
        ["lac_health_emotional"],
        [
            "The CAMHS looked after children's service offers a consultation to every carer "
            "within four weeks of a placement starting.",
            "A nurse runs a weekly sexual health drop-in at the leaving care team's office.",
        ],
        [
            "Strengths and difficulties questionnaires were returned for 81% of children in "
            "care for a year, up from 44%.",
            "Conceptions among looked after young women fell from 7 to 3 in the year.",
        ],
        ["Waiting times for CAMHS treatment are still over 12 weeks."],
        [("Questionnaires returned", 44, 81, "%")],
    ),
    "health_checks": _t(
        "health assessments, dental checks and immunisations for looked after children",
        ["lac_health_checks"],
        [
            "Initial health assessments are done by the community paediatricians; reviews by "
            "the looked after children's nurses.",
        ],
        [
            "Looked after children with an up-to-date health assessment were 71% at the end "
            "of March 2011, against a target of 90%.",
            "Dental checks were 68%; immunisations up to date were 79%.",
        ],
        [
            "Partners spent much of the year disputing whose figures were right, and the "
            "data are still not agreed.",
        ],
        [
            ("Health assessments up to date", 64, 71, "%"),
            ("Dental checks up to date", 63, 68, "%"),
            ("Immunisations up to date", 77, 79, "%"),
        ],
    ),
}
