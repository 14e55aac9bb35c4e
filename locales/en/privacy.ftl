# Personal data: seeing it and withdrawing consent (152-FZ)
cmd-mydata = get a file with all my data
cmd-forget = withdraw consent and erase my data
privacy-nothing-stored = We keep nothing about you.
privacy-export-caption = Here is everything the mentorship programme keeps about you: profile, consents, forms, choices, pairs and meetings.
privacy-forget-confirm = Withdraw your consent to the processing of personal data?
    We will erase your name, the link to your messenger accounts, your answers to forms and your choices. You will leave the programme and the curator will be told. Only anonymous figures for the programme's reports remain (no name, no contacts).
    This cannot be undone.
privacy-forget-yes = Yes, erase my data
privacy-forget-no = No, keep it
privacy-forget-cancelled = All right, nothing was erased.
privacy-forgotten = Done: consent withdrawn and your personal data erased. If you want to come back, ask your curator for a new invitation.
privacy-curator-told = Programme “{ $programme }”: a { $role ->
        [mentor] mentor
        [curator] curator
       *[mentee] mentee
    } withdrew consent to the processing of personal data and left the programme.{ $pairs ->
        [none] {""}
       *[other] {" "}Pair no. { $pairs } is left without this participant.
    }
    The participant's name, contacts and answers are erased; reports count them anonymously.
