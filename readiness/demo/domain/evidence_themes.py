"""What the Anytown evidence talks about: one theme per area of practice, in the words of
English children's services. Templates draw sentences from a theme and fill placeholders
such as {pct:60-80} (a percentage), {num:3-12} (a count), {days:2-9}, {person} and {month}.

Deliberately absent (the planted gap, see README): anything about help offered before
statutory social care (ILACS 2026 line hp_early_help).
"""

from __future__ import annotations

THEMES: dict[str, dict] = {
    "strategy": {
        "lines": ("hp_strategy_and_enquiries",),
        "about": "strategy meetings and section 47 enquiries, including out of hours",
        "intro": "Strategy meetings bring police, health and children's social care together to "
        "share what each agency knows and decide whether a section 47 enquiry is needed. "
        "This paper reports on how quickly they are held, who attends and whether the "
        "decisions made protect children.",
        "strengths": [
            "{pct:86-95} of strategy meetings were held within one working day of the concern "
            "being raised.",
            "Police attendance at strategy meetings reached {pct:93-99}, with the detective "
            "sergeant from the child abuse investigation team joining by video when not in the "
            "room.",
            "Health attendance improved to {pct:78-88} after the named nurses agreed a daily "
            "rota for strategy meetings.",
            "Children were seen within {days:1-2} working days in {pct:88-96} of section 47 "
            "enquiries.",
            "Audit found clear recording of each agency's information and a rationale for the "
            "decision in most strategy meeting records.",
            "The emergency duty team convened {num:40-70} out of hours strategy discussions, all "
            "with police present.",
            "Joint visits by police and social workers were planned at the strategy meeting in "
            "every sampled case involving physical injury.",
        ],
        "concerns": [
            "Schools were invited to only {pct:40-60} of strategy meetings held during term "
            "time, so education information was often missing.",
            "In {num:3-6} of the {num:20-30} records audited the outcome of the enquiry was not "
            "shared with the referring agency.",
            "Strategy meetings held late on Friday sometimes lacked a health representative.",
            "The timeliness of initial child protection conferences dipped to {pct:70-79} in the "
            "autumn because of chair availability.",
            "Repeat strategy meetings for the same child within six months rose to {pct:11-16}.",
        ],
        "actions": [
            "Add the school's designated safeguarding lead to the strategy meeting invitation "
            "list by default.",
            "Feed back the outcome of every section 47 enquiry to the agency that raised the "
            "concern within five working days.",
            "Agree a health cover rota for Friday afternoon strategy meetings.",
            "Re-audit strategy meeting records in six months and report to the partnership.",
        ],
        "measures": [
            ("Strategy meetings held within one working day", 82, 96, "%"),
            ("Section 47 enquiries completed", 60, 110, ""),
            ("Initial child protection conferences within 15 working days", 72, 92, "%"),
            ("Section 47 enquiries leading to a conference", 38, 55, "%"),
        ],
        "procedure": [
            "Any agency with reasonable cause to suspect that a child is suffering, or likely to "
            "suffer, significant harm discusses the concern with children's social care the same "
            "day.",
            "A strategy meeting or discussion is convened by a team manager within one working "
            "day, and immediately where a child may need urgent protection.",
            "Police, health (the named nurse or paediatrician) and the child's school or nursery "
            "are invited as a minimum.",
            "The meeting decides whether to start a section 47 enquiry, whether a joint visit or "
            "a child protection medical is needed, and what the child and family will be told.",
            "Decisions, actions and the rationale are recorded on the child's file and "
            "circulated to attendees within one working day.",
        ],
        "voice": [
            "'The police officer and social worker came together and explained everything, so I "
            "only had to say it once.' (young person, 14)",
            "'I didn't know why they were asking so many questions until the nurse explained "
            "it.' (parent)",
        ],
    },
    "cp_plans": {
        "lines": ("hp_assessment_and_plans",),
        "about": "assessments, child in need and child protection plans, and neglect",
        "intro": "Children's assessments should analyse history and risk and lead to plans that "
        "change children's lives. This paper looks at assessment timeliness, the quality of "
        "child in need and child protection plans, and work with families where neglect is "
        "the main concern.",
        "strengths": [
            "{pct:84-93} of single assessments were completed within 45 working days.",
            "Children's own words were recorded in {pct:75-88} of assessments sampled, and "
            "shaped the plan in most of them.",
            "Core groups met within ten working days of the initial conference for {pct:88-97} "
            "of children.",
            "The proportion of children subject to a second or subsequent child protection plan "
            "fell to {pct:16-21}.",
            "The graded care profile was used in {pct:60-75} of neglect cases, giving families a "
            "shared picture of what needed to change.",
            "Pre-proceedings letters were followed by a meeting within {days:5-10} working days "
            "in almost all cases.",
        ],
        "concerns": [
            "{num:14-26} children had been on a child protection plan for more than 18 months.",
            "Some child in need plans did not say what would be different for the child, or by "
            "when.",
            "Assessments for children living with chronic neglect sometimes described the home "
            "without analysing the cumulative harm.",
            "Three audits found drift in pre-proceedings where parenting assessments were delayed.",
            "Fathers and other men in the household were not always assessed.",
        ],
        "actions": [
            "Introduce outcome-focused plan templates with measurable goals for every child in "
            "need plan.",
            "Review every child protection plan that reaches 15 months at a senior manager panel.",
            "Deliver neglect workshops using the graded care profile for all frontline teams.",
            "Track pre-proceedings cases weekly at the legal gateway panel.",
        ],
        "measures": [
            ("Single assessments completed within 45 working days", 80, 94, "%"),
            ("Children subject to a child protection plan", 180, 260, ""),
            ("Second or subsequent plans", 15, 24, "%"),
            ("Plans lasting two years or more", 2, 6, "%"),
        ],
        "procedure": [
            "Every assessment records the child's lived experience in their own words where they "
            "can give them.",
            "Plans name the outcome for the child, the action, the person responsible and the "
            "date by which change is expected.",
            "Core groups review progress at least every six weeks and escalate where change is "
            "not happening.",
            "Where a plan is not working, the team manager considers the public law outline with "
            "legal advice.",
        ],
        "voice": [
            "'My social worker actually listened and now I go to football on Saturdays again.' "
            "(child, 10)",
            "'The plan was written in words we understood, and we knew what we had to do.' "
            "(mother)",
        ],
    },
    "exploitation": {
        "lines": ("hp_particular_risks",),
        "about": "child criminal and sexual exploitation and risks outside the home",
        "intro": "Children in Anytown face risks outside the home from county lines drug "
        "networks, online grooming and sexual exploitation. Partners share intelligence "
        "through the complex safeguarding panel and act together to disrupt exploiters.",
        "strengths": [
            "The complex safeguarding panel reviewed {num:60-90} children during the year; "
            "{pct:55-70} had reduced risk scores at their latest review.",
            "Police used {num:12-25} child abduction warning notices and {num:3-8} slavery and "
            "trafficking risk orders against adults exploiting children.",
            "National referral mechanism referrals for children rose to {num:30-50}, reflecting "
            "better recognition of criminal exploitation.",
            "Detached youth workers and police mapped {num:6-11} locations of concern and shared "
            "them with licensing and transport partners.",
            "Exploitation risk assessments were completed within five working days for "
            "{pct:80-92} of children identified.",
        ],
        "concerns": [
            "Some children were still described as 'choosing' risky relationships in agency "
            "records.",
            "Information from the transport police and neighbouring forces did not always reach "
            "the panel in time.",
            "Children exploited out of area had less consistent follow-up.",
            "Risk assessments were not always updated after a significant incident.",
        ],
        "actions": [
            "Refresh the language guide on exploitation and audit records for victim-blaming "
            "language.",
            "Invite neighbouring force intelligence officers to the monthly panel.",
            "Track every child placed out of area with an exploitation risk at the panel.",
        ],
        "measures": [
            ("Children discussed at complex safeguarding panel", 55, 95, ""),
            ("Disruption orders and warning notices", 12, 30, ""),
            ("Children with reduced risk at review", 50, 72, "%"),
        ],
        "procedure": [
            "Any professional who suspects exploitation completes the exploitation risk "
            "assessment with the child's social worker within five working days.",
            "Children assessed as at significant risk are discussed at the complex safeguarding "
            "panel, chaired by the detective chief inspector and the head of service.",
            "Police intelligence is submitted for every child, naming locations, vehicles and "
            "adults of concern.",
            "The panel agrees disruption activity and a safety plan, reviewed at least every six "
            "weeks.",
        ],
        "voice": [
            "'I thought they were my mates. My youth worker stuck with me even when I ignored "
            "her.' (young person, 16)",
        ],
    },
    "missing": {
        "lines": ("hp_particular_risks", "cic_safety_in_care"),
        "about": "children missing from home and care and return home conversations",
        "intro": "Every time a child goes missing they are offered a return home conversation "
        "with an independent worker. What children say is shared with police and social "
        "workers so that plans change and the next episode is less likely.",
        "strengths": [
            "{pct:78-90} of return home conversations were offered within 72 hours of the child "
            "coming back.",
            "{pct:62-76} of offered conversations were accepted by children.",
            "The number of children in care going missing three or more times in a quarter fell "
            "from {num:18-24} to {num:9-14}.",
            "Missing episodes from children's homes fell by {pct:15-30} after the joint protocol "
            "with home managers.",
            "Police graded {pct:90-98} of reports of missing children in care within the hour.",
        ],
        "concerns": [
            "Children placed out of area waited longer for a conversation, and some were not "
            "offered one.",
            "Information from conversations was not always recorded on the child's plan.",
            "Weekend reporting by some independent children's homes was late.",
        ],
        "actions": [
            "Commission return home conversations for children placed up to 50 miles away.",
            "Add a 'what the child told us' section to the care plan review template.",
            "Share monthly missing data with the virtual school and independent reviewing "
            "officers.",
        ],
        "measures": [
            ("Missing episodes", 280, 420, ""),
            ("Children missing at least once", 95, 150, ""),
            ("Return home conversations within 72 hours", 76, 92, "%"),
        ],
        "procedure": [
            "Carers and staff report a child missing to the police when the child's whereabouts "
            "are unknown and there is concern for their safety.",
            "Police risk-assess the report and agree actions with the carer; children in care "
            "are never graded 'no apparent risk' without a supervisor's review.",
            "On return, the police carry out a safe and well check and the child is offered a "
            "return home conversation within 72 hours.",
            "Three missing episodes in 90 days, or any episode with exploitation indicators, "
            "prompts a strategy meeting.",
        ],
        "voice": [
            "'When I came back the worker asked what would help, not just where I'd been.' "
            "(young person, 15)",
        ],
    },
    "domestic_abuse": {
        "lines": ("hp_particular_risks",),
        "about": "children living with domestic abuse",
        "intro": "Children who see, hear or experience domestic abuse are victims in their own "
        "right. Police, children's social care, health, schools and specialist services share "
        "information through MARAC and next-day notifications to schools.",
        "strengths": [
            "{num:1100-1500} next-day notifications were sent to schools after police attended "
            "domestic abuse incidents where children were present.",
            "The MARAC heard {num:380-460} cases, with {num:520-700} children in those households.",
            "{pct:60-75} of children in the specialist children's service reported feeling safer "
            "at the end of the programme.",
            "The perpetrator programme was completed by {num:40-70} men, with police call-outs "
            "for those households falling by {pct:35-55}.",
        ],
        "concerns": [
            "Repeat MARAC cases remained high at {pct:30-38}.",
            "Children's own experiences were not always described in agency reports to MARAC.",
            "Waits for the children's specialist service reached {num:8-14} weeks in the winter.",
        ],
        "actions": [
            "Add a 'child's experience' section to the MARAC referral form.",
            "Recruit two further children's independent domestic violence advisers.",
            "Report repeat MARAC cases to the partnership quarterly.",
        ],
        "measures": [
            ("MARAC cases heard", 360, 470, ""),
            ("Children in MARAC households", 500, 720, ""),
            ("Repeat MARAC cases", 28, 39, "%"),
        ],
        "procedure": [
            "Officers attending a domestic abuse incident record every child in the household "
            "and speak to each child who is able to talk.",
            "A notification goes to the child's school before the start of the next school day.",
            "High-risk cases go to MARAC; children's social care and the health visitor or "
            "school nurse attend.",
        ],
        "voice": [
            "'My teacher knew something had happened and let me sit in the quiet room. That "
            "helped.' (child, 9)",
        ],
    },
}

THEMES.update(
    {
        "particular_groups": {
            "lines": ("hp_particular_risks",),
            "about": "disabled children, privately fostered children "
            "and homeless 16 and 17 year olds",
            "intro": "Some children need particular attention: disabled children whose "
            "communication needs can hide harm, children living in private fostering "
            "arrangements, and 16 and 17 year olds who present as homeless.",
            "strengths": [
                "All {num:18-30} homeless 16 and 17 year olds were offered a joint housing and "
                "children's social care assessment on the day they presented.",
                "{num:9-16} private fostering notifications were received; every child was "
                "visited within seven days.",
                "Communication passports were in place for {pct:70-85} of disabled children "
                "subject to a plan.",
                "The disabled children's team held {pct:90-98} of its child protection visits on "
                "time.",
            ],
            "concerns": [
                "Awareness of private fostering among schools and faith groups remains low.",
                "Some homeless young people declined to become looked after without a full "
                "explanation of what it would mean for them.",
                "Short break reviews were overdue for {num:12-25} disabled children.",
            ],
            "actions": [
                "Run a private fostering awareness campaign with schools and language schools.",
                "Use a written, young person friendly guide to the options for homeless 16 and "
                "17 year olds.",
                "Clear the backlog of short break reviews by the end of the quarter.",
            ],
            "measures": [
                ("Homeless 16 and 17 year olds assessed jointly", 88, 100, "%"),
                ("Private fostering arrangements", 9, 17, ""),
                ("Disabled children with a communication passport", 68, 86, "%"),
            ],
            "procedure": [
                "A 16 or 17 year old who presents as homeless is seen the same day by housing "
                "and children's social care together.",
                "The young person is told in writing what becoming looked after would mean, "
                "including leaving care support.",
                "Private fostering notifications are visited within seven working days and the "
                "arrangement assessed within 42 days.",
            ],
            "voice": [
                "'They explained I could still get help from the leaving care team if I came "
                "into care.' (young person, 17)"
            ],
        },
        "knowledge": {
            "lines": ("iol_knowledge_of_practice",),
            "about": "how leaders know the quality of practice",
            "intro": "Leaders use a monthly performance clinic, an audit programme with "
            "moderation, practice weeks and feedback from children and families to know "
            "what practice is like and to act on what they find.",
            "strengths": [
                "{num:180-260} case file audits were completed this year; {pct:62-72} of "
                "practice was graded good or better after moderation.",
                "Moderation changed the auditor's grade in {pct:12-20} of cases, mostly "
                "downwards, showing a healthy challenge culture.",
                "Senior leaders spent {num:60-90} hours with frontline teams during practice "
                "weeks.",
                "Feedback was collected from {num:90-140} children and families; {pct:70-82} "
                "said their worker helped things get better.",
                "The performance scorecard compares Anytown with its statistical neighbours "
                "every month.",
            ],
            "concerns": [
                "Audit grades for child in need work remain lower than for child protection work.",
                "Actions from audits are not always closed on the child's file within the agreed "
                "time.",
                "Some team managers' audits described compliance rather than the difference made "
                "to the child.",
            ],
            "actions": [
                "Re-audit a sample of child in need cases each quarter until two quarters are "
                "graded good.",
                "Report overdue audit actions to the monthly performance clinic.",
                "Train team managers in 'so what?' auditing that looks for impact on the child.",
            ],
            "measures": [
                ("Audits graded good or outstanding after moderation", 60, 74, "%"),
                ("Audits graded inadequate", 3, 8, "%"),
                ("Audit actions completed on time", 70, 88, "%"),
            ],
            "procedure": [
                "Each team manager audits two cases a month using the practice standards tool.",
                "A sample of audits is moderated by a senior manager who talks with the social "
                "worker and, where possible, the family.",
                "Findings are themed quarterly and reported to the practice improvement board.",
            ],
            "voice": [
                "'The manager who read my file rang me to ask what it was like for us. No one "
                "had done that before.' (father)"
            ],
        },
        "workforce": {
            "lines": ("iol_workforce",),
            "about": "social work recruitment, retention, caseloads and supervision",
            "intro": "A stable workforce with manageable caseloads and reflective supervision is "
            "the foundation of good practice. This paper covers vacancies, agency staff, "
            "turnover, caseloads, supervision and the social work academy.",
            "strengths": [
                "Agency social workers fell from {pct:19-24} to {pct:11-15} of the workforce.",
                "Average caseloads were {num:15-18} children per social worker, with no worker "
                "above 24.",
                "{pct:85-95} of supervision sessions took place within the expected timescale.",
                "The academy welcomed {num:18-26} newly qualified social workers in their "
                "assessed and supported year.",
                "Turnover fell to {pct:11-15}, below the statistical neighbour average.",
            ],
            "concerns": [
                "Vacancies remain high in the assessment teams at {pct:15-22}.",
                "Children in the longest-serving teams had on average {num:2-3} social workers "
                "in the last 12 months.",
                "Supervision records often described the case rather than directing the work.",
            ],
            "actions": [
                "Offer a market supplement for experienced assessment team social workers.",
                "Introduce a supervision record template that captures analysis and actions.",
                "Run a second overseas recruitment cohort with a full induction and housing "
                "support.",
            ],
            "measures": [
                ("Social worker vacancy rate", 12, 22, "%"),
                ("Agency social workers", 10, 20, "%"),
                ("Average caseload", 14, 20, ""),
                ("Annual turnover", 10, 18, "%"),
            ],
            "procedure": [
                "Every social worker receives formal supervision at least monthly, and newly "
                "qualified staff fortnightly.",
                "Caseloads are reviewed at each supervision and escalated above 22 children.",
                "Exit interviews are completed for every leaver and reported quarterly.",
            ],
            "voice": [
                "'I've had the same social worker for two years. She knows my whole story.' "
                "(young person, 13)"
            ],
        },
        "partnership": {
            "lines": ("iol_partnerships_and_corporate_parenting",),
            "about": "corporate parenting and the safeguarding partnership",
            "intro": "Councillors, the wider council and partners share responsibility for "
            "children. The corporate parenting panel and the safeguarding partnership hold "
            "each other to account and make changes children ask for.",
            "strengths": [
                "The council exempted care leavers from council tax up to age 25, and "
                "{num:140-190} young people benefited.",
                "Housing allocated {num:20-35} tenancies to care leavers with a settling-in grant.",
                "Every councillor completed corporate parenting training; {num:12-20} visited a "
                "children's home or the care leavers' hub.",
                "The partnership's independent scrutineer challenged {num:4-7} agencies on their "
                "audit returns, and all responded with action plans.",
                "Partners increased their financial contributions to the safeguarding "
                "partnership by {pct:5-12}.",
            ],
            "concerns": [
                "Attendance by some partners at the corporate parenting panel was inconsistent.",
                "Not all council directorates have a named corporate parenting champion.",
                "Section 11 returns from two agencies were late.",
            ],
            "actions": [
                "Publish a corporate parenting pledge for every council directorate.",
                "Ask each partner to name a senior corporate parenting champion.",
                "Chase late section 11 returns through the executive group.",
            ],
            "measures": [
                ("Councillors trained in corporate parenting", 85, 100, "%"),
                ("Care leavers with council tax exemption", 140, 190, ""),
                ("Section 11 returns received on time", 80, 100, "%"),
            ],
            "procedure": [
                "The panel meets quarterly, chaired by the lead member, with young people "
                "co-chairing one item each meeting.",
                "Partners report on their pledges at least annually.",
                "Disagreements between agencies follow the escalation and resolution policy.",
            ],
            "voice": [
                "'The councillors actually came to our meeting and did what we asked about bus "
                "passes.' (care leaver, 19)"
            ],
        },
        "learning": {
            "lines": ("iol_learning_culture",),
            "about": "learning from reviews, audits and children's feedback",
            "intro": "Learning from child safeguarding practice reviews, rapid reviews, audits and "
            "what children tell us must reach practitioners and change practice. The "
            "partnership shares learning through 7-minute briefings, training and newsletters.",
            "strengths": [
                "{num:900-1400} practitioners attended multi-agency training this year; "
                "{pct:85-95} rated it good or better.",
                "Three-month follow-up surveys found {pct:60-75} of attendees had used the "
                "learning with a child or family.",
                "Each 7-minute briefing was discussed in at least {pct:70-85} of team meetings "
                "across agencies.",
                "The practice model is understood: {pct:78-90} of staff surveyed could describe "
                "it with an example.",
            ],
            "concerns": [
                "Learning from the review of Child L about professional curiosity has not yet "
                "been tested by audit.",
                "GP practices and independent schools are under-represented in training.",
                "Some actions from older reviews remain open.",
            ],
            "actions": [
                "Run a themed audit on professional curiosity in six months.",
                "Offer lunchtime sessions for GP practices and independent schools.",
                "Close or re-plan every review action older than 12 months.",
            ],
            "measures": [
                ("Practitioners trained", 900, 1450, ""),
                ("Training rated good or better", 84, 96, "%"),
                ("Review actions completed", 70, 90, "%"),
            ],
            "procedure": [
                "Each review produces a 7-minute briefing within a month of sign-off.",
                "Every partner agency cascades briefings through team meetings and records "
                "attendance.",
                "Impact is tested through follow-up surveys and themed audits.",
            ],
            "voice": [
                "'You said, we did: you told us reviews were too long, so we now meet you at the "
                "youth centre.' (IRO service)"
            ],
        },
        "improvement": {
            "lines": ("iol_improvement",),
            "about": "improvement since the last inspection and its resourcing",
            "intro": "The last inspection judged the council's services to require improvement "
            "in two areas. The improvement plan sets out what has been done, the evidence of "
            "impact, and what remains.",
            "strengths": [
                "{num:14-18} of the {num:19-21} actions in the improvement plan are complete.",
                "Management oversight recorded on children's files rose from {pct:55-65} to "
                "{pct:84-92}.",
                "Cabinet agreed an additional {num:2-4}.{num:1-9} million for children's social "
                "care in the medium-term financial plan.",
                "The improvement board, chaired by the chief executive, has met every six weeks.",
            ],
            "concerns": [
                "Progress on permanence planning for older children is slower than planned.",
                "Placement costs continue to exceed budget.",
            ],
            "actions": [
                "Add a permanence workstream to the improvement board's forward plan.",
                "Open a second council-run children's home to reduce reliance on costly "
                "placements.",
            ],
            "measures": [
                ("Improvement plan actions complete", 65, 90, "%"),
                ("Files with recorded management oversight", 80, 93, "%"),
            ],
            "procedure": [
                "Each improvement action has a senior owner, a measure and a date.",
                "Progress is reported to the improvement board and to scrutiny committee.",
            ],
            "voice": [
                "'Things are more settled now; my worker doesn't keep changing.' (young person, 12)"
            ],
        },
    }
)

THEMES["front_door"] = {
    "lines": ("hp_front_door",),
    "about": "the front door: contacts, referrals and the MASH",
    "intro": "Concerns about children reach children's social care through the front door, "
    "where the multi-agency safeguarding hub (MASH) brings police, health, education and social "
    "workers together to screen contacts, check history, seek consent where it is safe to do so "
    "and decide quickly what each child needs.",
    "strengths": [
        "{pct:88-96} of contacts had a decision within one working day; urgent contacts were "
        "passed to a social worker within the hour.",
        "The conversion rate from contact to referral was {pct:22-30}, in line with statistical "
        "neighbours, and re-referrals within 12 months fell to {pct:16-20}.",
        "Police, health and education researchers were present in the MASH on {pct:95-99} of "
        "working days.",
        "Audit found that consent was sought or the reason for overriding it recorded in "
        "{pct:84-93} of contacts.",
        "{num:900-1300} partner staff attended thresholds training; {pct:80-90} said they were "
        "more confident about when to make a referral.",
    ],
    "concerns": [
        "Police domestic abuse notifications make up {pct:30-38} of contacts, many needing no "
        "social care response.",
        "Some referrals from schools did not say what the child had said or what the school had "
        "already tried.",
        "Decisions on a small number of contacts at weekends waited until Monday.",
    ],
    "actions": [
        "Introduce a joint police and social care triage of domestic abuse notifications.",
        "Re-launch the thresholds guide with a one-page summary for schools and GP practices.",
        "Add a senior practitioner to the weekend rota for contacts needing a decision.",
    ],
    "measures": [
        ("Contacts received", 9000, 11500, ""),
        ("Contacts with a decision within one working day", 86, 97, "%"),
        ("Contacts converted to referrals", 21, 31, "%"),
        ("Re-referrals within 12 months", 15, 22, "%"),
    ],
    "procedure": [
        "Any professional worried that a child may be in need or at risk contacts the MASH by "
        "telephone or the online form; urgent concerns are always telephoned.",
        "A qualified social worker reviews every contact within one working day and sooner if a "
        "child may be at risk of significant harm.",
        "MASH partners share information from their records within four hours for urgent "
        "contacts and one working day for others.",
        "The decision and its reasons are fed back to the person who made the contact.",
    ],
    "voice": [
        "'The MASH social worker rang me back the same morning and told me what would happen "
        "next.' (designated safeguarding lead)",
    ],
}
