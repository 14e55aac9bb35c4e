# The life of a pair: meetings, reminders, feedback, monthly and final reports, endings,
# reminders and alerts to curators about deadlines. Same keys as locales/ru/lifecycle.ftl.
# Dates arrive formatted (DD.MM.YYYY, time HH:MM — in the organisation's timezone).

## Commands
cmd-meeting = my meetings: arrange, confirm, move, cancel
cmd-request-change = ask the curator to end the work in the pair or to change the mentor
cmd-pairs = the programme's pairs: stage, last activity, next meeting
cmd-end = end a pair's work: /end <pair number> <reason>
cmd-probation = a pair's probation: /probation <pair number> [on|off]
cmd-complete = mark a participant as having completed the full cycle: /complete <participant number>
cmd-overdue = what is overdue and what is waiting for the curator

## Stages of a pair and reasons for ending
lc-stage-acquaintance = getting-to-know meeting
lc-stage-trial = trial working meeting
lc-stage-planning = planning meeting
lc-stage-regular = regular meetings
lc-stage-final = final meeting
lc-stage-completed = completed
lc-stage-ended_early = ended early
lc-stage-name = { $stage ->
    [acquaintance] getting-to-know meeting
    [trial] trial working meeting
    [planning] planning meeting
    [final] final meeting
    [completed] work completed
    [ended_early] work ended early
   *[regular] regular meeting
}
lc-reason-planned = Planned ending
lc-reason-moved = Moved away
lc-reason-illness = Illness
lc-reason-no_time = No time
lc-reason-conflict = Conflict
lc-reason-other = Other reason
lc-reason-name = { $reason ->
    [planned] planned ending
    [moved] moved away
    [illness] illness
    [no_time] no time
    [conflict] conflict
   *[other] other reason
}

## Buttons
lc-btn-propose = 📅 Propose a meeting
lc-btn-propose-with = 📅 Meeting: { $with }
lc-btn-confirm = ✅ Confirm
lc-btn-other-time = 🕒 Propose another time
lc-btn-decline = ❌ Decline
lc-btn-move = 🕒 Move
lc-btn-cancel = ❌ Cancel
lc-btn-meetings = 📅 My meetings
lc-btn-held = ✅ Yes, it did
lc-btn-missed = ❌ No
lc-btn-feedback = 📝 Give feedback
lc-btn-monthly-report = 📝 Monthly report
lc-btn-pulse-survey = 📝 Take the survey
lc-btn-final-report = 📝 Final report
lc-btn-satisfaction = 📝 Satisfaction survey
lc-btn-exit-survey = 📝 Exit survey
lc-btn-overdue = 📋 Open the list
lc-btn-task-done = ✅ Done: { $n }
lc-btn-request-change = Change the mentor
lc-btn-request-end = End the work in the pair

## Pair confirmed
lc-pair-confirmed-mentor = Your pair is confirmed! Programme “{ $programme }”. { $count ->
    [one] Your mentee: { $mentees }.
   *[other] Your mentees: { $mentees }.
}
lc-pair-confirmed-mentee = Your pair is confirmed! Programme “{ $programme }”. Your mentor: { $mentor }.
lc-pair-confirmed-curator = A pair is confirmed in “{ $programme }”: mentor { $mentor }, { $count ->
    [one] mentee
   *[other] mentees
} { $mentees }.{ $probation ->
    [yes] { " " }The pair is on probation: you will be invited to its meetings.
   *[other] {""}
}
lc-contact = { $role ->
    [mentor] Mentor
    [mentee] Mentee
   *[curator] Curator
}: { $name } — { $links }
lc-pair-next-step = The first step is a getting-to-know meeting. Agree on a time: press the button below or type /meeting.

## Meetings
lc-no-pair = You have no pair yet. Once the curator confirms your pair, you can arrange meetings here.
lc-not-yours = This is not your pair or meeting — the action is not available.
lc-meeting-none = No meetings are planned yet.
lc-meeting-propose-hint = Propose a new meeting:
lc-meeting-line = { $status ->
    [proposed] { $mine ->
        [yes] ⏳ Waiting for confirmation
       *[other] ❔ Proposed to you
    }
   *[other] ✅ Confirmed
}: { lc-stage-name }, { $with }
    { $date } at { $time }, { $place }
lc-meeting-proposed = { $moved ->
    [yes] { $by } proposes to move the meeting
   *[other] { $by } proposes a meeting
} ({ lc-stage-name }):
    📅 { $date } at { $time }
    📍 { $place }
    Does it suit you?
lc-meeting-proposed-info = { $moved ->
    [yes] { $by } proposed to move the meeting
   *[other] { $by } proposed a meeting
} ({ lc-stage-name }): { $date } at { $time }, { $place }. Waiting for the other side's answer.
lc-meeting-confirmed = { $by } confirmed the meeting ({ lc-stage-name }): { $date } at { $time }, { $place }. I will remind you beforehand.
lc-meeting-declined = { $by } cannot meet on { $date } at { $time }. Please propose another time.
lc-meeting-cancelled = { $by } cancelled the meeting on { $date } at { $time }. You can arrange a new one.
lc-meeting-confirm-done = Meeting confirmed: { $date } at { $time }, { $place }. I will remind you beforehand.
lc-meeting-decline-done = You declined the meeting on { $date } at { $time }. The other side will be told and can propose another time.
lc-meeting-cancel-done = The meeting on { $date } at { $time } is cancelled. The other side will be told.
lc-probation-invite = You are invited to a meeting of a pair on probation ({ $mentor } — { $mentees }): { lc-stage-name }, { $date } at { $time }, { $place }.
lc-probation-cancelled = The meeting of the pair { $mentor } — { $mentees } on { $date } at { $time } is cancelled.

## Proposing a meeting (form)
mt-title = New meeting
mt-date = When would you like to meet { $partner }? Type the date.
mt-date-hint = For example, { $example }. Times are in your school's or organisation's timezone.
mt-time = At what time? Type the time.
mt-time-hint = For example, 16:30.
mt-place = Where do you meet? Type the place or a video call link.
mt-place-hint = For example: room 214, or a link to a video meeting.
mt-final = Is this the pair's final meeting?
mt-error-time = I could not understand the time. Please type it like this: 16:30.
mt-error-past = That time has already passed. Please choose a time in the future.
mt-proposed = Done! I sent the proposal: { $with }, { $date } at { $time }, { $place }. I will tell you when they answer.
mt-problem-unknown = This meeting was not found.
mt-problem-not-member = This is not your pair or meeting — the action is not available.
mt-problem-pair-ended = The work in this pair has ended — no more meetings are arranged.
mt-problem-past = This meeting's time has come — it can no longer be changed.
mt-problem-stale = The meeting has been changed since — this button is out of date. Type /meeting to see the current state.
mt-problem-not-allowed = This cannot be done now. Type /meeting to see your meetings.
mt-problem-own-proposal = This is your own proposal — the other side confirms it.

## Reminders and questions after a meeting
lc-reminder = ⏰ Reminder: { lc-stage-name } with { $with } — { $date } at { $time }, { $place }.
lc-outcome-question = Did your meeting with { $with } on { $date } at { $time } take place?
lc-outcome-held = Great! The pair's stage: { lc-stage-name }. Tell briefly how the meeting went.
lc-outcome-missed = A pity the meeting did not take place. Arrange a new one — the button is below.
lc-feedback-reminder = A reminder: please give your feedback on the meeting with { $with } on { $date }. It takes a couple of minutes.
lc-pulse-survey = You have been working as a pair for a month now ({ $partner }). Please answer three short questions: how the meetings are going and whether all is well.
lc-monthly-report = It is time to send your monthly report ({ $month }) to your mentor, { $mentor }. It takes a few minutes.
lc-final-report-reminder = A reminder about the final report on your individual plan: it is due by { $date }.

## Ending a pair's work
lc-pair-ended-planned = The work in your pair in “{ $programme }” is complete ({ lc-reason-name }). Thank you and { $partner }! Please answer a short survey — the button is below.
lc-pair-ended-early = The work in your pair with { $partner } in “{ $programme }” has ended early (reason: { lc-reason-name }). Please answer a short exit survey — it helps the curator.
lc-final-report-due = The final report on your individual plan is due by { $date }.
lc-pair-ended-curator = Pair No. { $number } ({ $mentor } — { $mentees }) { $planned ->
    [yes] has completed its work as planned.
   *[other] has ended its work early (reason: { lc-reason-name }).
} Talk to both sides — the task is in /overdue.

## Asking to change the mentor or to end
lc-request-which = Which pair is it about?
lc-request-choose = What would you like to ask the curator about your work with { $with }?
lc-request-sent = Your request has been sent to the curator, who will contact you.
lc-request-already = You already sent this request today — the curator has it.
lc-alert-change-request = { $role ->
    [mentor] Mentor
   *[mentee] Mentee
} { $name } asks { $kind ->
    [change] to change the mentor
   *[end] to end the work in the pair
}: pair No. { $number } ({ $mentor } — { $mentees }).

## Curator: pairs, endings, probation, full cycle
lc-pairs-title = Pairs of “{ $programme }”: { $total } in all, { $working } working
lc-pairs-none = No pairs yet.
lc-pairs-hint = To end a pair's work: /end <number> <reason>. Probation: /probation <number>.
lc-pair-line = { $number }. { $mentor } — { $mentees }: { $stage }{ $probation ->
    [yes] , on probation
   *[other] {""}
}; last activity { $last }; next meeting: { $next }
lc-pair-not-found = There is no pair number { $number }. Type /pairs.
lc-end-usage = Give the pair's number from /pairs, e.g. /end 3 moved
lc-end-bad-reason = I do not know that reason. Choose it with a button.
lc-end-choose = Pair No. { $number } ({ $mentor } — { $mentees }). Why does the work end?
lc-end-already = The work of pair No. { $number } has already ended.
lc-end-done = The work of pair No. { $number } has ended ({ lc-reason-name }). The participants got their surveys, the mentee the final report due in two weeks, and you have a task in /overdue to talk to both sides.
lc-probation-usage = Type: /probation <pair number> on, or /probation <pair number> off
lc-probation-set = { $on ->
    [yes] Pair No. { $number } is on probation: you will be invited to its meetings.
   *[other] Pair No. { $number } is no longer on probation.
}
lc-complete-usage = Give the participant's number from /participants, e.g. /complete 5
lc-complete-no-pair = { $name } has not worked in a pair yet — the full cycle cannot be marked.
lc-complete-already = { $name } is already marked as having completed the full cycle ({ $date }).
lc-complete-done = { $name } has completed the full cycle of the programme. It will count in the reports.

## Curator: overdue and tasks (/overdue)
lc-overdue-title = Needs attention in “{ $programme }”: { $count }
lc-overdue-none = Nothing is overdue in “{ $programme }”. 👍
lc-overdue-hint = To mark a task done, use the buttons below.
lc-overdue-final-report = Final report not handed in: { $name } (pair No. { $number }), it was due { $date }
lc-overdue-feedback = No feedback on the meeting of { $date }: { $name } (pair No. { $number })
lc-overdue-silent = Pair No. { $number } ({ $mentor } — { $mentees }) has not met for long: last activity { $last }
lc-overdue-unmatched = Mentee without a pair: { $name }
lc-overdue-mutual-choice = The mutual-choice survey has been open since { $date } — time to close it
lc-overdue-ending = The programme ends on { $date } (days left: { $days })
lc-overdue-federal-form = The federal statistics form for { $year }{ $late ->
    [yes] { " " }is overdue: it was due { $date }
   *[other] { " " }— due { $date }
}
lc-task = { $kind ->
    [talk_after_ending] Talk to both sides after the ending of pair No. { $number } ({ $mentor } — { $mentees })
    [unmatched_mentee] Meet the mentee without a pair: { $name }
    [change_request] { $name } asks { $note ->
        [change] to change the mentor
       *[end] to end the work in the pair
    } (pair No. { $number })
   *[other] Task of { $date }
}
lc-task-done = The task is marked done.
lc-task-already = This task is already done.

## Alerts to curators
lc-alert-feedback = No feedback on the meeting of { $date } for { $days } days: { $name } (pair { $mentor } — { $mentees }).
lc-alert-silent = Pair No. { $number } ({ $mentor } — { $mentees }) has not met for { $days } days and has no meeting planned. Last activity: { $last }.
lc-alert-ending = The programme “{ $programme }” ends on { $date } — in { $days } days. Working pairs: { $pairs }.
lc-alert-final-report = The final report is overdue ({ $days } days after the ending on { $date }): { $name }, mentor { $mentor }.
lc-alert-mutual-choice = The mutual-choice survey in “{ $programme }” has been open since { $date } — time to sum it up and close it (/survey_close).
lc-alert-unmatched = A mentee is left without a pair: { $name } (programme “{ $programme }”). Meet them and find a mentor.
lc-alert-federal-form = The federal statistics form on mentoring for { $year } is due by { $date }. Once you have sent it, mark the task done in /overdue.
lc-unreachable = Messages cannot be delivered to { $name } (programme “{ $programme }”): the bot seems to be blocked. Please contact them directly.

## Several messages at once
lc-merged-reminders = Reminders ({ $count }):
lc-merged-alerts = Needs attention ({ $count }):
lc-merged-other = Messages ({ $count }):
