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
cmd-privacy = what I agreed to and how to withdraw it
privacy-no-consents = You have not given consent to the processing of personal data yet: nothing is kept about you. Consent is given when joining a programme through an invitation link.
privacy-consents-title = Your consents to the processing of personal data in force:
privacy-consent-kind-personal_data = Consent to the processing of personal data
privacy-consent-kind-legal_representative = A legal representative's consent to the processing of a minor's personal data
privacy-consent-version = Document version: { $version } (checksum of the text: { $hash })
privacy-consent-given = Given: { $when }, on { $messenger }
privacy-consent-operator = Operator: { $operator }
privacy-consent-representative = Given for you by your legal representative: { $name } ({ $relation ->
        [mother] mother
        [father] father
        [adoptive_parent] adoptive parent
        [guardian] guardian
        [trustee] trustee
       *[other] legal representative
    })
privacy-consents-withdraw = To withdraw: type /forget — the consent is withdrawn and your data erased; only anonymous figures stay in the reports. You can also write to the operator at its address, given in the text of the consent. To see all your data: /mydata.
privacy-consents-file = The texts of the consents — exactly as you saw them — are in the file.
privacy-renewal-due = The organisation “{ $organisation }” changed its consent: the new version names purposes or data you have not agreed to. Please read it below.
