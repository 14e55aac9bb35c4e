# Reports: the curator's workbook and the accounting forms of the Regional Mentoring Centre (RMC).
# Every key starts with "report-"; the key set is the same as in locales/ru/reports.ftl.

## Sheets (Excel: at most 31 characters)
report-sheet-mentors = Mentors
report-sheet-mentees = Mentees
report-sheet-pairs = Pairs and groups
report-sheet-meetings = Meetings and feedback
report-sheet-form1 = Form 1
report-sheet-form = Form { $number }
report-sheet-form-other = Other forms
report-sheet-indicators = Indicators

## Titles of the RMC forms
report-title-form1 = Form 1. Educational organisations taking part in the regional target model of mentorship
report-title-programme-form = Form { $number }. Mentors and mentees involved in the organisation's programmes of the form "{ $form }"
report-title-form-other = Mentors and mentees involved in the organisation's programmes of other forms of mentorship ("teacher – pupil" and the forms of mentorship of teaching staff)

## Columns of the RMC forms
report-col-district = Municipal district
report-col-organisations = Educational organisations
report-col-head-contacts = Contacts: head's full name, phone, e-mail, postal address
report-col-children-10-19 = Children aged 10 to 19 in the organisation, people
report-col-teachers = Teaching staff in the organisation, people
report-col-young-specialists = Young specialist teachers (0 to 3 years of experience) in the organisation, people
report-col-programme-name = Name of the mentorship programme
report-col-involved = Involved in the programme
report-col-involved-mentors = mentors
report-col-involved-mentees = mentees
report-col-mentors-study = Mentors (college, speciality, year)
report-col-mentors-workplace = Mentors (workplace, position)
report-col-mentors-other = Mentors (workplace or place of study)
report-col-result = Result of the programme
report-col-mentorship-form = Form of mentorship
report-total = Total, people

## Columns of the bases, pairs and meetings
report-col-mentor-full-name = Mentor's full name
report-col-mentee-full-name = Mentee's full name
report-col-organisation = Organisation
report-col-programme = Mentorship programme
report-col-category = Participant category
report-col-age = Age
report-col-place-of-work-or-study = Workplace or place of study
report-col-position-or-speciality = Position or speciality and year
report-col-competencies = Key competencies and experience
report-col-mentees = Mentees
report-col-joined-on = Joined the programme on
report-col-completed-cycle = Completed the full cycle
report-col-request = Key request (goals, deficits)
report-col-mentor = Mentor
report-col-participant-result = Result of participation
report-col-pair-kind = Pair or group
report-col-mentees-count = Number of mentees
report-col-pair-status = Stage
report-col-probation = Probation period
report-col-started-on = Fixed on
report-col-ended-on = Ended on
report-col-end-reason = Reason for ending
report-col-starts-at = Meeting date and time
report-col-meeting-stage = Stage
report-col-meeting-status = Meeting status
report-col-meeting-place = Place or format
report-col-mentor-feedback = Mentor's feedback
report-col-mentee-feedback = Mentees' feedback
report-col-mentee-rating = Mentees' rating of the meeting
report-col-number = No.
report-col-indicator = Indicator

## Values
report-yes = yes
report-no = no
report-no-data = no data
report-pair-kind-pair = pair
report-pair-kind-group = group
report-mentor-year = year { $year }
report-mentor-detail-count = { $detail } — { $count ->
    [one] { $count } person
   *[other] { $count } people
}

## Forms of mentorship
report-mentorship-form-pupil_pupil = pupil – pupil
report-mentorship-form-teacher_teacher = teacher – teacher
report-mentorship-form-student_pupil = student – pupil
report-mentorship-form-employer_pupil = employer – pupil
report-mentorship-form-teacher_pupil = teacher – pupil
report-mentorship-form-head_teacher = head of the organisation – teacher
report-mentorship-form-employer_student = employer – student of a teacher-training university or college
report-mentorship-form-lecturer_young_teacher = university or college lecturer – young teacher
report-mentorship-form-partner_teacher = social partner – teacher

## Participant categories
report-category-pupil = pupil
report-category-student = student
report-category-teacher = teacher
report-category-young_teacher = young specialist (0–3 years)
report-category-employer_specialist = employer's specialist
report-category-other = other

## Stages of a pair and of meetings
report-pair-status-acquaintance = getting-acquainted meeting
report-pair-status-trial = trial working meeting
report-pair-status-planning = planning meeting
report-pair-status-regular = regular meetings
report-pair-status-final = final meeting
report-pair-status-completed = completed
report-pair-status-ended_early = ended early

## Meeting statuses
report-meeting-status-proposed = proposed
report-meeting-status-confirmed = confirmed
report-meeting-status-cancelled = cancelled
report-meeting-status-held = held
report-meeting-status-missed = missed

## Reasons for ending
report-end-reason-planned = planned ending
report-end-reason-moved = moved away
report-end-reason-illness = illness
report-end-reason-no_time = no time
report-end-reason-conflict = interpersonal conflict
report-end-reason-other = other

## Monitoring indicators (table of school No. 46) and the 70 % target
report-indicator-pairs = Number of mentoring pairs
report-indicator-groups = Number of mentoring groups
report-indicator-personalised-programmes = Number of approved personalised mentorship programmes for teaching staff
report-indicator-young-teachers-mentees-count = Young specialist teachers (0 to 3 years of experience) who joined mentorship programmes as mentees, people
report-indicator-young-teachers-mentees-percent = Share of young specialist teachers (0 to 3 years of experience) who joined mentorship programmes as mentees, of all young specialist teachers, %
report-indicator-teachers-mentors-count = Teachers who joined mentorship programmes as mentors, people
report-indicator-teachers-mentors-percent = Share of teachers who joined mentorship programmes as mentors, of all teaching staff, %
report-indicator-enterprises = Number of enterprises (organisations) that joined mentorship programmes
report-indicator-mentee-satisfaction-percent = Mentees' satisfaction with taking part in mentorship programmes, %
report-indicator-mentee-satisfaction-respondents = Mentees who answered the satisfaction questionnaire, people
report-indicator-mentor-satisfaction-percent = Mentors' satisfaction with taking part in mentorship programmes, %
report-indicator-mentor-satisfaction-respondents = Mentors who answered the satisfaction questionnaire, people
report-indicator-children-mentees-count = Children aged 10 to 19 who joined mentorship programmes as mentees, people
report-indicator-children-mentees-percent = Share of children aged 10 to 19 who joined mentorship programmes as mentees, of all children, %
report-indicator-teenagers-mentors-count = Children and teenagers aged 15 to 19 who joined mentorship programmes as mentors, people
report-indicator-teenagers-mentors-percent = Share of children and teenagers aged 15 to 19 who joined mentorship programmes as mentors, of all aged 15 to 19, %
report-indicator-pupils-target-count = Learners aged 10 to 19 involved in mentorship programmes, people
report-indicator-pupils-target-percent = Share of learners involved in mentorship programmes (target: at least 70 %), %
report-indicator-pupils-target-still-needed = Learners still to involve to reach 70 %, people
report-indicator-teachers-target-count = Teaching staff involved in mentorship programmes, people
report-indicator-teachers-target-percent = Share of teaching staff involved in mentorship programmes (target: at least 70 %), %
report-indicator-teachers-target-still-needed = Teaching staff still to involve to reach 70 %, people
