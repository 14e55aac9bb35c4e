# The consent documents for the processing of personal data (152-FZ as amended by 156-FZ).
# The default template; an organisation can replace it with its own text (org:consent-text).
# Variables: $operatorName, $operatorAddress — the operator (the organisation); $purposes, $data —
# the lists of the -purposes and -data messages, one item a line. A new purpose or a new kind of
# data in the lists means asking for consent again; any other change of the text does not.
consent-pd-title = Consent to the processing of personal data
consent-pd-purposes =
    taking part in the organisation's mentorship programme: finding a mentor or a mentee
    arranging the pair's meetings, reminders of them and feedback after them
    monitoring the programme and reporting to the regional mentorship centre in aggregate figures
consent-pd-data =
    surname and first name
    age group (18 or older, 14–17, under 14) and the age, if given in a questionnaire
    messenger account (Telegram, VK or MAX) and the chosen language
    answers in questionnaires, requests and feedback on meetings
    facts of taking part in the programme: role, pair, meetings and their place
consent-pd-document =
    CONSENT TO THE PROCESSING OF PERSONAL DATA

    I, a participant of the mentorship programme, freely, of my own will and in my own interest give my consent to the operator — { $operatorName } (address: { $operatorAddress }) — to process my personal data (Federal Law No. 152-FZ of 27.07.2006 "On Personal Data").

    1. Purposes of the processing:
    { $purposes }

    2. The personal data:
    { $data }

    3. Actions with the data: collection, recording, systematisation, accumulation, storage, correction (updating, changing), retrieval, use, transfer (provision, access) to the programme's curator and to the mentor or mentee of a confirmed pair, depersonalisation, blocking, deletion, destruction. The processing is automated, by the chatbot "Nastavnik"; the data are stored in the Russian Federation.

    4. Term: the consent is in force from the day it is given until the mentorship programme has ended and been reported on, or until it is withdrawn.

    5. Withdrawal: the consent can be withdrawn at any time — with the /forget command in the chatbot or by a written request to the operator at { $operatorAddress }. After withdrawal the data are destroyed within 30 days; only anonymous figures stay in the reports.

    The consent is given by pressing the "I agree" button; the date and time, the messenger and the account are recorded with this text.
consent-lr-title = A legal representative's consent to the processing of a minor's personal data
consent-lr-purposes =
    the minor taking part in the organisation's mentorship programme: finding a mentor or a mentee
    arranging the pair's meetings, reminders of them and feedback after them
    monitoring the programme and reporting to the regional mentorship centre in aggregate figures
    recording the legal representative's consent
consent-lr-data =
    the child's surname and first name
    the child's age group (14–17 or under 14) and the age, if given in a questionnaire
    the child's messenger account (Telegram, VK or MAX) and the chosen language
    the child's answers in questionnaires, requests and feedback on meetings
    facts of the child taking part in the programme: role, pair, meetings and their place
    the legal representative's full name and who they are to the child
consent-lr-document =
    A LEGAL REPRESENTATIVE'S CONSENT TO THE PROCESSING OF A MINOR'S PERSONAL DATA

    I, the legal representative (parent, adoptive parent, guardian or trustee) of a minor participant of the mentorship programme, freely, of my own will and in the child's interest give my consent to the operator — { $operatorName } (address: { $operatorAddress }) — to process the child's personal data and my data listed below (Federal Law No. 152-FZ of 27.07.2006 "On Personal Data", art. 9). My full name and who I am to the child are recorded with this consent.

    1. Purposes of the processing:
    { $purposes }

    2. The personal data:
    { $data }

    3. Actions with the data: collection, recording, systematisation, accumulation, storage, correction (updating, changing), retrieval, use, transfer (provision, access) to the programme's curator and to the mentor of a confirmed pair, depersonalisation, blocking, deletion, destruction. The processing is automated, by the chatbot "Nastavnik"; the data are stored in the Russian Federation.

    4. Term: the consent is in force from the day it is given until the mentorship programme has ended and been reported on, or until it is withdrawn.

    5. Withdrawal: the consent can be withdrawn at any time — with the /forget command in the child's chatbot or by a written request to the operator at { $operatorAddress }. After withdrawal the data are destroyed within 30 days; only anonymous figures stay in the reports.

    The consent is given by the legal representative themselves pressing the "I agree" button; the date and time, the messenger and the account are recorded with this text.
consent-address-unknown = the address given in the organisation's charter
consent-file-caption = { $title } — the same text as a file, to keep.
representative-relation = Who are you to the child?
representative-relation-mother = Mother
representative-relation-father = Father
representative-relation-adoptive_parent = Adoptive parent
representative-relation-guardian = Guardian
representative-relation-trustee = Trustee
renewal-title = Consent to the new version
renewal-consent = Above is the new version of the consent to the processing of personal data (and the same as a file): it names new purposes or new data. Do you give your consent on these terms?
renewal-representative-name = The new version of the legal representative's consent names new purposes or new data, so their consent is needed again. Please ask your parent (or guardian) to be with you and type their full name.
renewal-declined = All right. The earlier consent stays in force, and your data are not processed for the new purposes. If you change your mind, type /privacy; to withdraw consent completely, /forget.
renewal-done = Thank you, the consent to the new version is recorded. You can see it with /privacy.
