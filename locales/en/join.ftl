# Joining a programme by invitation
join-title = Joining the programme
join-language = Hello! You are invited to the mentorship programme “{ $programmeName }” ({ $organisationName }) as { $roleName }.
    На каком языке вам удобнее общаться?
    Which language do you prefer?
join-consent = Above is the whole consent to the processing of personal data (and the same as a file). Please read it: without it you cannot take part in the programme through the bot, and you can withdraw it at any time with /forget.
    Do you give your consent on these terms?
join-consent-declined = Understood. Without consent to the processing of personal data you cannot take part through the bot, and we have kept nothing about you. If you change your mind, open the invitation link again.
join-age = How old are you? It decides whose consent to the processing of personal data is needed: from 18 yours, from 14 to 18 yours and a parent's (or another legal representative's), under 14 only the legal representative's.
join-age-adult = 18 or older
join-age-teen = 14–17
join-age-child = Under 14
join-representative-name = Participants under 18 need the consent of a legal representative — a parent, adoptive parent or guardian.
    Please ask them to be with you and type the legal representative's full name.
join-representative-consent = { $representativeName }, above is the whole legal representative's consent (and the same as a file). As the child's { $representativeRelation ->
        [mother] mother
        [father] father
        [adoptive_parent] adoptive parent
        [guardian] guardian
       *[trustee] trustee
    }, do you give your consent to the child's participation in the mentorship programme “{ $programmeName }” and to the processing of the child's personal data on these terms?
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
