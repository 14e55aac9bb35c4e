# Curators and administrators: the programme at a glance, weekly digests, RNC reports

## Commands
cmd-meetings = the programme's meetings: upcoming and missed
cmd-invite = new invitations: /invite, /invite mentor or /invite mentee
cmd-stats = the programme's indicators now (administrators: the scope's)
cmd-export = Excel workbook: bases, pairs, meetings, forms 1–5 (/export csv for CSV, /export acts for the acts of data destruction)
cmd-digest = the digest now; /digest pause or /digest resume for the weekly digest
cmd-digest-settings = weekday, hour and time zone of the weekly digest
cmd-orgs = organisations of your scope with their indicators (also /stats and /export)

## Refusals and choices
admin-only = This command is for administrators only: the head of an organisation, a municipal body, the regional mentoring centre.
admin-reports-only = This command is for programme curators and administrators.
admin-choose-audience = What should the data be about?
admin-choose-programmes = My programmes (curator)
admin-choose-scope = Scope: { $scope }

## List of participants: filters, pair, meetings
curator-participants-usage = List filters: /participants mentors | mentees, a status (joined, approved, declined, active, completed, left), noform — who has not filled in the form. For example: /participants mentees noform
curator-filter-mentors = Mentors
curator-filter-mentees = Mentees
curator-filter-no-form = No form
curator-filter-all = All
curator-filter-role-mentor = mentors
curator-filter-role-mentee = mentees
curator-filter-form-missing = form not filled in
curator-filter-shown = Filter: { $filter }. Found: { $count }
curator-pair-pair = Pair: { $mentor } → { $mentees }; stage: { $stage }; since { $date }
curator-pair-group = Group: { $mentor } → { $mentees }; stage: { $stage }; since { $date }
curator-pair-probation = Probation period after a change of mentor.
curator-pair-ended = Ended on { $date }.
curator-pair-no-meetings = No meetings yet.
curator-pair-meeting = • { $date } — { $stage }, { $status }; mentor's feedback: { $mentor }, mentees': { $mentees }

## Meetings
report-meetings-title = Meetings of the programme “{ $programme }”
report-meetings-upcoming = Next { $days } days:
report-meetings-missed = Missed or not marked in the last { $days } days:
report-meetings-none = none
report-meeting-line = • { $date } — { $mentor } → { $mentees }; { $stage }, { $status }

## Invitations
report-invite-usage = Name the role: /invite mentor or /invite mentee (without a role: both).
report-invite-finished = The programme has finished: no new participants can be invited.
report-invite-title = New invitations to the programme “{ $programme }”:
report-invite-role-mentor = For mentors
report-invite-role-mentee = For mentees
report-invite-code = Code: { $code }
report-invite-no-telegram = Telegram: the bot is not configured
report-invite-no-vk = VK: the community is not configured
report-invite-hint = Send the link to the participants: it opens the bot; the code can also be typed by hand.

## Indicators
report-stats-programme = Indicators of the programme “{ $programme }” ({ $organisation }) today
report-stats-scope = Indicators of the scope “{ $scope }” today; organisations: { $count }
report-stats-participants = In the programme now (mentors and mentees): { $now }; of them completed the full cycle: { $completed }
report-stats-rule = The reports to the regional centre count only participants who completed the full cycle of the programme, each person once: that is the second number of a line. The first is everyone taking part now.
report-stats-now-and-cycle = now { $now }, full cycle { $completed }
report-stats-draft = The programme “{ $programme }” has not started yet: there are no indicators.

## Export
report-export-usage = Export: /export — Excel workbook, /export csv — CSV files, /export acts — acts of destruction of personal data.
report-export-caption-curator = Report on programmes: { $programmes }, as of { $date }. Bases of mentors and mentees, pairs, meetings, RNC form 1 and forms 2–5, indicators.
report-export-caption-admin = RNC report: “{ $scope }”, organisations: { $organisations }, as of { $date }. Form 1, forms 2–5, indicators.
report-export-csv = CSV files: { $count } (empty sheets are left out).

## Digest
admin-no-data = no data
admin-delta-pp = { $sign }{ $amount } pp
admin-still-needed = { $count } more people to reach 70 %
admin-digest-title = 📊 Weekly digest: { $scope } ({ $from }–{ $to })
admin-digest-title-now = 📊 Digest as of now: { $scope } ({ $from }–{ $to })
admin-digest-organisations = Organisations: { $count }
admin-digest-indicators-since = Indicators (change since { $date } in brackets):
admin-digest-indicators-first = Indicators (the first digest, nothing to compare with yet):
admin-digest-activity = In the period: new pairs and groups — { $pairs }, meetings held — { $held }, missed — { $missed }, feedback after meetings — { $feedback }, satisfaction questionnaires — { $satisfaction }.
admin-digest-overdue = Overdue: meetings not marked — { $meetings }, curators' tasks — { $tasks }.
admin-digest-overdue-none = Nothing is overdue.
admin-digest-behind = Furthest from the 70 % target:
admin-behind-line = { $number }. { $name } — { $percent } ({ $needed } more people)
admin-digest-without-form1 = Without Form 1 data (children aged 10–19): { $count } organisations.
admin-digest-paused = The weekly digest is paused. To resume: /digest resume
admin-digest-resumed = The weekly digest is on again. When it comes: /digest_settings
admin-digest-paused-note = The weekly digest is paused now: /digest resume
admin-digest-usage = Digest: /digest; pause: /digest pause; resume: /digest resume; schedule: /digest_settings
admin-chart-organisations = Chart: { $indicator } by organisation.
admin-chart-trend = Chart: { $indicator } by week.
admin-chart-metric-pupilsTarget-percent = share of learners aged 10–19 involved, %
admin-chart-metric-teachersTarget-percent = share of teachers involved, %
admin-chart-metric-pairs = number of pairs and groups
admin-chart-target = Dashed line: the { $target } % target.
admin-chart-subtitle-organisations = { $scope }, by organisation
admin-chart-subtitle-trend = { $scope }, by week
admin-chart-series-reached = target reached
admin-chart-series-halfway = more than halfway
admin-chart-series-far = less than halfway
admin-chart-series-count = pairs and groups
admin-chart-series-none = no data
admin-chart-target-line = { $target } % target
admin-chart-axis-percent = share, %
admin-chart-axis-pairs = pairs and groups
admin-chart-axis-date = date

## Short names of the indicators
admin-ind-pairs = Pairs
admin-ind-groups = Groups
admin-ind-approvedPersonalisedProgrammes = Teachers' personalised programmes
admin-ind-youngTeachersAsMentees-count = Young specialists as mentees, people
admin-ind-youngTeachersAsMentees-percent = Young specialists as mentees
admin-ind-teachersAsMentors-count = Teachers as mentors, people
admin-ind-teachersAsMentors-percent = Teachers as mentors
admin-ind-enterprisesInvolved = Enterprises
admin-ind-menteeSatisfaction-percent = Mentees' satisfaction
admin-ind-menteeSatisfaction-respondents = Mentees who answered, people
admin-ind-mentorSatisfaction-percent = Mentors' satisfaction
admin-ind-mentorSatisfaction-respondents = Mentors who answered, people
admin-ind-childrenAsMentees-count = Children 10–19 as mentees, people
admin-ind-childrenAsMentees-percent = Children 10–19 as mentees
admin-ind-teenagersAsMentors-count = Teenagers 15–19 as mentors, people
admin-ind-teenagersAsMentors-percent = Teenagers 15–19 as mentors
admin-ind-pupilsTarget-count = Learners involved, people
admin-ind-pupilsTarget-percent = Learners involved
admin-ind-pupilsTarget-stillNeeded = Learners still to involve, people
admin-ind-teachersTarget-count = Teachers involved, people
admin-ind-teachersTarget-percent = Teachers involved
admin-ind-teachersTarget-stillNeeded = Teachers still to involve, people

## Digest schedule
admin-weekday-1 = Mon
admin-weekday-2 = Tue
admin-weekday-3 = Wed
admin-weekday-4 = Thu
admin-weekday-5 = Fri
admin-weekday-6 = Sat
admin-weekday-7 = Sun
admin-settings-title = Weekly digest
admin-settings-current = Comes on: { $weekday }, { $hour } ({ $timezone })
admin-settings-next = Next: { $date }
admin-settings-paused = Paused now.
admin-settings-hint = To change: the buttons below, or /digest_settings day 1–7, /digest_settings hour 0–23, /digest_settings tz Asia/Omsk
admin-settings-choose-day = On which day should the digest come?
admin-settings-choose-hour = At what hour? (Another hour: /digest_settings hour 0–23)
admin-settings-usage = I did not understand the setting. Examples: /digest_settings day 1, /digest_settings hour 9, /digest_settings tz Europe/Moscow
admin-settings-bad-timezone = Give the time zone in IANA form, e.g. Europe/Moscow or Asia/Omsk.
admin-settings-day-button = 📅 Day
admin-settings-hour-button = 🕘 Hour
admin-settings-pause-button = ⏸ Pause
admin-settings-resume-button = ▶ Resume

## Organisations
admin-orgs-title = Organisations of the scope “{ $scope }”: { $count }
admin-orgs-none = There are no organisations in your scope yet.
admin-orgs-line = { $number }. { $name } — learners: { $pupils }, teachers: { $teachers }, pairs and groups: { $pairs }, mentees' satisfaction: { $satisfaction }
admin-orgs-hint = More about an organisation: the buttons below.
admin-orgs-back = ◀ Back to the organisations
admin-org-title = { $name } ({ $district }); programmes: { $programmes }
admin-org-form1 = Form 1: children aged 10–19 — { $children }, teachers — { $teachers }, young specialists — { $young }

## Workbook
admin-feedback-not-held = did not take place
