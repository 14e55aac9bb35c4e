# Joining a programme by invitation
join-title = Joining the programme
join-language = Hello! You are invited to the mentorship programme “{ $programmeName }” ({ $organisationName }) as { $roleName }.
    На каком языке вам удобнее общаться?
    Which language do you prefer?
join-consent = Consent to the processing of personal data
    To take part in the programme we need your consent to process your personal data (Russian Federal Law No. 152-FZ “On Personal Data”).
    What we keep: your name, your answers to forms, your feedback on meetings and your participation in the programme.
    Why: to find you a mentor or mentee, to organise meetings and to report on the programme to the regional mentoring centre (reports contain only aggregate figures).
    Who sees it: your organisation's programme curator; your mentor or mentee sees only your name and contact, once your pair is confirmed.
    You can withdraw consent at any time with /forget and see your data with /mydata.
    Do you agree?
join-consent-declined = Understood. Without consent to the processing of personal data you cannot take part through the bot, and we have kept nothing about you. If you change your mind, open the invitation link again.
join-adult = Are you 18 or older?
join-representative-name = Participants under 18 need the consent of a legal representative — a parent, adoptive parent or guardian.
    Please ask them to be with you and type the legal representative's full name.
join-representative-consent = { $representativeName }, as the legal representative, do you confirm your consent to the child's participation in the mentorship programme “{ $programmeName }” and to the processing of the child's personal data on the terms described above?
    The legal representative presses the button themselves.
join-representative-declined = Participation is not possible without the legal representative's consent. When your parent (or guardian) is with you, open the invitation link again — we will start from this step.
join-name = What should we call you? Please type your first and last name.
join-name-hint = The programme curator will see it, and your mentor or mentee once your pair is confirmed.
join-welcome-mentor = Welcome to the programme “{ $programme }” ({ $organisation }) as a mentor!
join-welcome-mentee = Welcome to the programme “{ $programme }” ({ $organisation }) as a mentee!
join-welcome-curator = You are connected to the programme “{ $programme }” ({ $organisation }) as its curator.
join-next-help = Type /help to see what to do next.
join-invalid-code = That does not look like an invitation code. A code has 10 letters and digits — check it or ask your curator for a new link.
join-problem-unknown = That invitation was not found. Check the code or ask your curator for a new link.
join-problem-expired = That invitation has expired. Please ask your curator for a new link.
join-problem-revoked = The curator has withdrawn that invitation. Please ask your curator for a new link.
join-problem-used_up = That invitation has been used by as many participants as it allows. Please ask your curator for a new link.
join-problem-programme_finished = That programme has already ended. If this is a mistake, please write to your curator.
join-already = You already take part in the programme “{ $programme }” (role: { $role }).
join-messenger-not-allowed = «{ $organisation }» runs its mentorship programme only in these messengers: { $messengers }. Nothing has been kept here — please open the invitation there:
join-messenger-code = { $messenger }: find the bot and send it the code { $code }
