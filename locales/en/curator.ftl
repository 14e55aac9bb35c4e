# Curator commands: participants, their forms, interviews, surveys

cmd-participants = the programme's participants and who has not filled in their form
cmd-participant = a participant's answers: /participant <number>
cmd-interview = record the interview with a candidate mentor: /interview <number>
cmd-survey-open = open a survey: mutual choice (default) or /survey_open satisfaction
cmd-survey-close = close a survey: /survey_close or /survey_close satisfaction

curator-only = This command is for the programme's curators only.
curator-bad-argument = I did not understand what follows the command. Type /help.
curator-choose-programme = You are a curator of several programmes. Choose one:
curator-participant-usage = Give the participant's number from /participants, e.g. /{ $command } 3
curator-participant-not-found = There is no participant number { $number }. Type /participants.
curator-number = No. { $number }
curator-no-name = (no name)
curator-participants-title = “{ $programme }”: { $mentors } mentors, { $mentees } mentees
curator-section-mentor = Mentors:
curator-section-mentee = Mentees:
curator-nobody = nobody yet
curator-form-filled = form ✓
curator-form-missing = form not filled in
curator-missing-forms = Not filled in their form: { $count } ({ $numbers })
curator-all-filled = Everyone has filled in their form.
curator-questionnaire-mentor = Programme “{ $programme }”: a mentor questionnaire came in — No. { $number }, { $name }. Next step: the interview.
curator-questionnaire-mentee = Programme “{ $programme }”: a mentee request came in — No. { $number }, { $name }. It will be taken into account when pairs are matched (/match).
curator-interview-queue = Waiting for the interview: { $count } ({ $numbers }). To record an interview: /interview <number>.
curator-questionnaire-queue = Waiting for the interview: { $count } (No. { $numbers }). To record an interview: /interview <number>.
curator-participant-button = 👤 Open the questionnaire
curator-round-mutual_choice = The mutual-choice survey has been open since { $date }: { $answered } of { $total } answered. Not yet: { $waiting }
curator-round-satisfaction = The satisfaction survey has been open since { $date }: { $answered } of { $total } answered. Not yet: { $waiting }
curator-participants-hint = A participant's answers: the buttons below or /participant <number>.
curator-participant-title = No. { $number }. { $name } — { $role }, { $status }; in the programme since { $date }
curator-capacity = Can take mentees: { $capacity }
curator-form-not-filled = not filled in yet
curator-no-interview = no interview held yet
curator-choice-mentee-work_with = Would like to work with mentors
curator-choice-mentee-can_help = Who can help reach their goals
curator-choice-mentor-work_with = Would like to work with mentees
curator-choice-mentor-can_help = Whom they can help
curator-interview-button = 🗣 Record the interview
curator-back-to-list = ◀ Back to participants
curator-interview-not-mentor = Interviews are held with candidate mentors only.
curator-survey-usage = Name the survey: /survey_open — mutual choice, /survey_open satisfaction — satisfaction (the same for /survey_close).
curator-survey-already-open = This survey has been open since { $date }. Who has answered: /participants.
curator-survey-opened-mutual_choice = The mutual-choice survey is open. The invitation was sent to { $told } of { $total } participants{ $failed ->
        [0] .
       *[other] ; { $failed } more cannot be written to (no messenger connected).
    }
    If a message does not reach someone, a separate notice will follow.
curator-survey-opened-satisfaction = The satisfaction survey is open. The invitation was sent to { $told } of { $total } participants{ $failed ->
        [0] .
       *[other] ; { $failed } more cannot be written to (no messenger connected).
    }
    If a message does not reach someone, a separate notice will follow.
curator-survey-none-open = No survey is open.
curator-survey-closed = The survey is closed. Answered: { $answered }. The answers are kept.

survey-opened-mutual_choice-mentee = Programme “{ $programme }”: after the common meeting, choose which mentors you would like to work with.
survey-opened-mutual_choice-mentor = Programme “{ $programme }”: after the common meeting, choose which mentees you would like to work with.
survey-opened-satisfaction-mentee = Programme “{ $programme }” is coming to an end. Please answer a few questions on how satisfied you are.
survey-opened-satisfaction-mentor = Programme “{ $programme }” is coming to an end. Please answer a few questions on how satisfied you are as a mentor.
